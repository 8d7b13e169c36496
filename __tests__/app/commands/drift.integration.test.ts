/**
 * `drift` and `diff`'s drift lines through the real bin (dist/cli/genesys-scv-oauth-client.js), against the emulator:
 * the state read by the real Terraform through its backend alone (a local state written here, as an apply leaves it),
 * the client read once by id, who changed it from the emulator's audit.
 */
import { execFileSync, spawn } from "child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { DriftReport } from "../../../lib/shared/drift-report";
import { readDriftReports } from "../../../lib/review/plan-summary/drift-reports";
import { Emulator, startEmulator } from "../../support/genesys-emulator";
import { ACME_ORG as ORG } from "../../support/acme-org";
import { tempDir } from "../../support/temp-dir";

const root = join(__dirname, "..", "..", "..");
const bin = join(root, "dist/cli/genesys-scv-oauth-client.js");
const HOME = "https://acme.lightning.force.com/lightning/page/home";
const ADDED = "https://evil.example/\u001b[31mcallback";
const ANN = { kind: "user", id: "u-ann", name: "Ann \u202eAdmin" };
const BOB = { kind: "user", id: "u-bob", name: "Bob Builder" };
const client = {
  name: "SCV",
  description: "Service Cloud Voice",
  authorizedGrantType: "CODE",
  registeredRedirectUri: [HOME],
  scope: ["conversations"],
  accessTokenValiditySeconds: 86400,
};
const dir = tempDir("drift-");
let emulator: Emulator;
let id: string;

jest.setTimeout(120_000);

function runBin(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: dir,
      env: {
        ...process.env,
        CI: "true",
        CHECKPOINT_DISABLE: "1",
        TF_CLI_CONFIG_FILE: join(dir, "terraformrc"),
        DEPLOYMENTS_FILE: join(dir, "deployments.json"),
        GENESYSCLOUD_OAUTHCLIENT_ID: "ci",
        GENESYSCLOUD_OAUTHCLIENT_SECRET: "ci-secret",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let [stdout, stderr] = ["", ""];
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** The local state an apply of `client` leaves: the outputs and the resource's attributes, as the provider writes them. */
function writeState(clientId: string): void {
  mkdirSync(join(dir, "state"), { recursive: true });
  const attributes = {
    id: clientId,
    name: client.name,
    description: client.description,
    authorized_grant_type: client.authorizedGrantType,
    registered_redirect_uris: client.registeredRedirectUri,
    scopes: client.scope,
    access_token_validity_seconds: client.accessTokenValiditySeconds,
    state: "active",
    roles: [],
  };
  const provider = 'provider["registry.terraform.io/mypurecloud/genesyscloud"]';
  writeFileSync(
    join(dir, "state/production.tfstate"),
    JSON.stringify({
      version: 4,
      terraform_version: "1.5.0",
      serial: 1,
      lineage: "5f1e8a2c-0000-4000-8000-000000000001",
      outputs: {
        client_id: { value: clientId, type: "string" },
        redirect_uris: { value: client.registeredRedirectUri, type: ["list", "string"] },
      },
      resources: [
        {
          mode: "managed",
          type: "genesyscloud_oauth_client",
          name: "client",
          provider,
          instances: [{ schema_version: 0, attributes, sensitive_attributes: [] }],
        },
      ],
      check_results: null,
    }),
  );
}

beforeAll(async () => {
  emulator = await startEmulator([ORG]);
  id = (await emulator.byHand(ORG, "POST", "/api/v2/oauth/clients", client))!.id;
  writeState(id);
  const gateway = { host: "127.0.0.1", port: Number(new URL(emulator.url).port), protocol: "http" };
  const at = (name: string) => ({
    name,
    genesysCloud: { region: "us-east-1", gateway },
    salesforce: { myDomain: "acme" },
    backend: { local: { path: `state/${name}.tfstate` } },
  });
  // The engine diff runs: the real terraform for the state reads, a stand-in for the stack's init and plan (no
  // provider here), which writes the provider's 404-retry setting the plan was given where the test reads it.
  mkdirSync(join(dir, "bin"));
  const real = execFileSync("sh", ["-c", "command -v terraform"], { encoding: "utf8" }).trim();
  writeFileSync(
    join(dir, "bin", "terraform"),
    `#!/bin/sh
case "$PWD" in */stacks/*)
  case "$1" in plan|apply) echo "[\${GENESYSCLOUD_CUSTOM_RETRY_TIMEOUT-unset}]" >> ${JSON.stringify(join(dir, "plans"))} ;; esac
  case "$1" in version) exec ${JSON.stringify(real)} "$@" ;; esac
  exit 0 ;;
esac
exec ${JSON.stringify(real)} "$@"
`,
  );
  chmodSync(join(dir, "bin", "terraform"), 0o755);
  // The state names the genesyscloud provider, which \`init\` of the backend's folder installs (it never starts it): a
  // stand-in binary in a filesystem mirror, so that nothing reaches a registry.
  const platform = `${process.platform}_${({ x64: "amd64", arm64: "arm64" } as Record<string, string>)[process.arch] ?? process.arch}`;
  const mirrored = join(dir, "mirror/registry.terraform.io/mypurecloud/genesyscloud/1.82.0", platform);
  mkdirSync(mirrored, { recursive: true });
  writeFileSync(join(mirrored, "terraform-provider-genesyscloud_v1.82.0"), "#!/bin/sh\nexit 1\n");
  chmodSync(join(mirrored, "terraform-provider-genesyscloud_v1.82.0"), 0o755);
  writeFileSync(
    join(dir, "terraformrc"),
    `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(join(dir, "mirror"))}\n  }\n}\n`,
  );
  writeFileSync(
    join(dir, "cdktf.json"),
    JSON.stringify({ language: "typescript", app: `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} app` }),
  );
  writeFileSync(
    join(dir, "deployments.json"),
    JSON.stringify({ deployments: [at("production"), { ...at("uat"), salesforce: { myDomain: "acme", sandbox: "uat" } }] }),
  );
});
afterAll(() => emulator.close());

/** The drift command's --json as the workflows hand it on: plan-summary --drift-report's reader takes it as it is. */
function acceptedByPlanSummary(stdout: string): DriftReport[] {
  const file = join(dir, "drift-report.json");
  writeFileSync(file, stdout);
  const reports = readDriftReports([file]);
  expect(reports).toEqual(JSON.parse(stdout));
  return reports;
}

describe("drift through the bin", () => {
  it("a client as the state holds it: nothing changed; a deployment not deployed yet is said so, and left out of --json", async () => {
    const run = await runBin(["drift", "*"]);
    expect(run).toEqual({
      status: 0,
      stdout: `production: client ${id} is as the last apply left it (nothing changed outside the code)\nuat: not deployed yet (its state holds no client id): nothing to compare\n`,
      stderr: "",
    });
    const json = await runBin(["drift", "*", "--json"]);
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ deployment: "production", client: "unchanged", attributes: [] })]);
  });

  it("a redirect URI added by hand: who, when, the audit's values, the org's text escaped; --json the report", async () => {
    await emulator.byHand(ORG, "PUT", `/api/v2/oauth/clients/${id}`, { ...client, registeredRedirectUri: [HOME, ADDED] }, ANN);
    const run = await runBin(["drift", "production"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      `production: client ${id} changed outside the code since the last apply:\n  registered_redirect_uris: ${HOME} (in state) -> ${HOME}, https://evil.example/\\u001b[31mcallback (in the org)\n    changed by user Ann \\u202eAdmin (u-ann) at `,
    );
    expect(run.stdout).not.toMatch(/[\u001b\u202e]/);
    const [report] = acceptedByPlanSummary((await runBin(["drift", "production", "--json"])).stdout);
    expect(report).toMatchObject({
      client: "changed",
      attributes: [{ attribute: "registered_redirect_uris", inOrg: [ADDED, HOME].sort(), changedBy: { action: "Update", actor: ANN } }],
      audit: { kind: "read" },
    });
  });

  it("without the audit's permission: the drift, and who unknown in one line; exit 0", async () => {
    emulator.denyAudit(ORG.id);
    try {
      const run = await runBin(["drift", "production"]);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain("    who: unknown: the credentials may not read the audit (Audits > Audit > View)\n");
    } finally {
      emulator.denyAudit(ORG.id, false);
    }
  });

  it("the client deleted by another: deleted, by whom", async () => {
    await emulator.byHand(ORG, "PUT", `/api/v2/oauth/clients/${id}`, { ...client, state: "inactive" }, BOB);
    await emulator.byHand(ORG, "DELETE", `/api/v2/oauth/clients/${id}`, undefined, BOB);
    const run = await runBin(["drift", "production"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`^production: client ${id} was deleted outside the code by user Bob Builder \\(u-bob\\) at \\S+: `),
    );
    const [report] = acceptedByPlanSummary((await runBin(["drift", "production", "--json"])).stdout);
    expect(report).toMatchObject({ client: "deleted", deletedBy: { action: "Delete", actor: BOB } });
  });

  it("no credentials, a name that is no deployment, an unknown option: one message each, exit 1", async () => {
    const noCredentials = await runBin(["drift", "production"], { GENESYSCLOUD_OAUTHCLIENT_ID: "", GENESYSCLOUD_OAUTHCLIENT_SECRET: "" });
    expect([noCredentials.status, noCredentials.stderr]).toEqual([1, expect.stringMatching(/^production: no Genesys Cloud credentials: /)]);
    expect(await runBin(["drift", "nope"])).toMatchObject({
      status: 1,
      stderr: 'drift: no deployment is named "nope"; the deployments are: production, uat\n',
    });
    expect(await runBin(["drift", "production", "--jsn"])).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('drift: options: given "--jsn"; allowed: --json, --parallelism <n>, -h/--help'),
    });
  });
});

describe("diff's drift lines through the bin, before the engine plans", () => {
  const diff = () => runBin(["diff", "production"], { PATH: `${join(dir, "bin")}:${process.env.PATH}` });
  const plans = () => (existsSync(join(dir, "plans")) ? readFileSync(join(dir, "plans"), "utf8") : "");

  it("a changed client: its lines on stderr, and the plan keeps the provider's own 404 retry", async () => {
    const fresh = (await emulator.byHand(ORG, "POST", "/api/v2/oauth/clients", client))!.id;
    writeState(fresh);
    await emulator.byHand(ORG, "PUT", `/api/v2/oauth/clients/${fresh}`, { ...client, state: "inactive" }, ANN);
    const before = plans();
    const run = await diff();
    expect(run.stderr).toContain(
      `production: client ${fresh} changed outside the code since the last apply:\n  state: active (in state) -> inactive (in the org)\n    changed by user Ann \\u202eAdmin (u-ann) at `,
    );
    expect(plans().slice(before.length)).toBe("[unset]\n");
  });

  it("a deleted client: said at once with who, and the plan reads its 404 once (GENESYSCLOUD_CUSTOM_RETRY_TIMEOUT=0s)", async () => {
    const fresh = (await emulator.byHand(ORG, "POST", "/api/v2/oauth/clients", client))!.id;
    writeState(fresh);
    await emulator.byHand(ORG, "PUT", `/api/v2/oauth/clients/${fresh}`, { ...client, state: "inactive" }, BOB);
    await emulator.byHand(ORG, "DELETE", `/api/v2/oauth/clients/${fresh}`, undefined, BOB);
    const before = plans();
    const run = await diff();
    expect(run.stderr).toMatch(
      new RegExp(
        `production: client ${fresh} was deleted outside the code by user Bob Builder \\(u-bob\\) at \\S+: the plan creates a new client`,
      ),
    );
    expect(plans().slice(before.length)).toBe("[0s]\n");
  });
});
