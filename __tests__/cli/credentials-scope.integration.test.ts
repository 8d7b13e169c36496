/**
 * Credentials per deployment, through the bin a config repository runs: for every command that runs over several
 * deployments, which credentials reach which org's endpoint. Each deployment has an endpoint of its own (an emulator
 * behind its genesysCloud.gateway) that knows every org's credentials, so a login with the wrong deployment's client
 * would succeed there: what each endpoint saw is the evidence.
 * With SCV_CREDENTIALS_DEPLOYMENT naming "us" (a pipeline job holding us's secrets, unprefixed), "eu" has its own
 * under its prefix and "ca" has none: us's client reaches us's endpoint only, eu's reaches eu's only, and a run that
 * takes in ca is refused before any request.
 */
import { spawn, spawnSync } from "child_process";
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { randomUUID } from "crypto";
import { EmulatedOrg, Emulator, startEmulator } from "../support/genesys-emulator";
import { tempDir } from "../support/temp-dir";

const bin = join(__dirname, "../../dist/cli/genesys-scv-oauth-client.js");
const hasTerraform = spawnSync("terraform", ["version"], { stdio: "ignore" }).status === 0;
if (!hasTerraform && process.env.CI) throw new Error("terraform is not on PATH: these tests read states with it, and CI must run them");

const org = (name: string, clientId: string): EmulatedOrg => ({
  id: randomUUID(),
  name,
  credentials: { clientId, clientSecret: `${clientId}-secret` },
});
const ORGS = { us: org("Acme US", "us-job-client"), eu: org("Acme EU", "eu-own-client"), ca: org("Acme CA", "ca-client") };
type Name = keyof typeof ORGS;

const endpoints = {} as Record<Name, Emulator>;
beforeAll(async () => {
  for (const name of Object.keys(ORGS) as Name[]) endpoints[name] = await startEmulator(Object.values(ORGS));
});
afterAll(async () => {
  for (const emulator of Object.values(endpoints)) await emulator.close();
});
beforeEach(() => {
  for (const emulator of Object.values(endpoints)) {
    emulator.requests.length = 0;
    emulator.logins.length = 0;
  }
});

/** The pipeline job's environment: us's secrets unprefixed, eu's under its prefix, nothing for ca. */
const jobEnv = {
  SCV_CREDENTIALS_DEPLOYMENT: "us",
  GENESYSCLOUD_OAUTHCLIENT_ID: ORGS.us.credentials.clientId,
  GENESYSCLOUD_OAUTHCLIENT_SECRET: ORGS.us.credentials.clientSecret,
  ACME_EU_GENESYSCLOUD_OAUTHCLIENT_ID: ORGS.eu.credentials.clientId,
  ACME_EU_GENESYSCLOUD_OAUTHCLIENT_SECRET: ORGS.eu.credentials.clientSecret,
};

/** A config repository folder with the three deployments; `deployed`: each state holds a client (for output). */
function repository(deployed: boolean): string {
  const dir = tempDir("credentials-scope-");
  const deployment = (name: Name, extra: object = {}) => ({
    name,
    genesysCloud: {
      region: "us-east-1",
      organizationId: ORGS[name].id,
      gateway: { host: "127.0.0.1", port: Number(new URL(endpoints[name].url).port), protocol: "http" },
      ...extra,
    },
    salesforce: { myDomain: `acme-${name}` },
    backend: { local: { path: `state/${name}.tfstate` } },
  });
  const deployments = [
    deployment("us"),
    { ...deployment("eu", { credentials: "ACME_EU" }), oauthClient: { grantType: "authorization-code" } },
    deployment("ca"),
  ];
  writeFileSync(join(dir, "deployments.json"), JSON.stringify({ deployments }, null, 2));
  mkdirSync(join(dir, "state"));
  if (deployed) {
    for (const { name } of deployments) {
      const clientId = endpoints[name].seed(ORGS[name].id, {
        name: `Salesforce Service Cloud Voice (${name})`,
        accessTokenValiditySeconds: 86400,
        authorizedGrantType: "TOKEN",
        registeredRedirectUri: [`https://acme-${name}.lightning.force.com/lightning/page/home`],
        scope: ["conversations"],
      });
      const outputs = {
        client_id: { value: clientId, type: "string" },
        redirect_uris: { value: [`https://acme-${name}.lightning.force.com/lightning/page/home`], type: ["list", "string"] },
      };
      const state = { version: 4, terraform_version: "1.11.4", serial: 1, lineage: randomUUID(), outputs, resources: [] };
      writeFileSync(join(dir, "state", `${name}.tfstate`), JSON.stringify(state));
    }
  }
  return dir;
}

/** The bin, as a pipeline runs it (off a terminal), in the repository folder; the emulators answer meanwhile. */
function run(cwd: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...jobEnv, CHECKPOINT_DISABLE: "1", SCV_GENESYS_API_TIMEOUT: "20" };
  for (const name of Object.keys(env)) if (/GENESYSCLOUD_/.test(name) && !(name in jobEnv)) delete env[name];
  delete env.DEPLOYMENTS_FILE;
  delete env.npm_package_json;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Which client ids logged in at each deployment's endpoint. */
const loginsByEndpoint = () =>
  Object.fromEntries((Object.keys(endpoints) as Name[]).map((name) => [name, [...new Set(endpoints[name].logins)]]));

const REFUSED_CA = "no credentials for deployment ca: SCV_CREDENTIALS_DEPLOYMENT names us";

(hasTerraform ? describe : describe.skip)("credentials scoped to one deployment: which credentials reach which endpoint", () => {
  jest.setTimeout(120_000);

  it.each([
    ["diff", ["*"]],
    ["deploy", ["*", "--auto-approve"]],
    ["destroy", ["*", "--auto-approve"]],
    ["adopt", ["*"]],
    ["adopt", ["*", "--write"]],
    ["adopt", ["*", "--guard"]],
  ])("%s %j over a deployment without credentials of its own: refused before any request to any org", async (command, args) => {
    const dir = repository(false);
    const result = await run(dir, [command, ...args]);
    expect(result.stderr).toContain(REFUSED_CA);
    expect(result.status).toBe(1);
    expect(Object.values(endpoints).flatMap((e) => e.requests)).toEqual([]);
  });

  it.each([
    ["adopt", ["us", "eu"]],
    ["adopt", ["us", "eu", "--guard"]],
    ["adopt", ["e*", "u*"]],
  ])("%s %j: each deployment's credentials reach its own endpoint, and no other", async (command, args) => {
    const dir = repository(false);
    const result = await run(dir, [command, ...args]);
    expect(result.stderr).not.toContain("no credentials");
    expect(loginsByEndpoint()).toEqual({ us: [ORGS.us.credentials.clientId], eu: [ORGS.eu.credentials.clientId], ca: [] });
  });

  it("output '*': each state's client is looked up with its own deployment's credentials; ca's, without any, is not asked", async () => {
    const dir = repository(true);
    const result = await run(dir, ["output", "*"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ca: client id /m);
    // Per client, what the Salesforce admin sets: its id and the login of its grant.
    expect(result.stdout).toMatch(
      /^us: client id [\s\S]*set the login to Implicit Grant\.\neu: client id [\s\S]*set the login to Authorization Code with PKCE/m,
    );
    expect(loginsByEndpoint()).toEqual({ us: [ORGS.us.credentials.clientId], eu: [ORGS.eu.credentials.clientId], ca: [] });
  });

  it("migrate of a deployment the job does not hold credentials for: refused before any request", async () => {
    const dir = repository(true);
    const result = await run(dir, ["migrate", "ca"]);
    expect(result.stderr).toContain(REFUSED_CA);
    expect(result.status).toBe(1);
    expect(Object.values(endpoints).flatMap((e) => e.requests)).toEqual([]);
  });
});
