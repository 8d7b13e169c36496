/**
 * The app as cdktf runs it: `node dist/cli/genesys-scv-oauth-client.js app`, cdktf.json's app (built by build-setup.js), on the
 * shipped deployments.json and on bad files. Needs no terraform and no network.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { join } from "path";
import { SEED_ARTICLE_SCOPES } from "./support/seed-article";
import { tempDir } from "./support/temp-dir";

const root = join(__dirname, "..");
const work = tempDir("main-test-");
let runs = 0;

function runApp(env: Record<string, string> = {}) {
  const outdir = join(work, `out-${runs++}`);
  const result = spawnSync(process.execPath, ["dist/cli/genesys-scv-oauth-client.js", "app"], {
    cwd: root,
    env: { ...process.env, CDKTF_OUTDIR: outdir, ...env },
    encoding: "utf8",
  });
  return { ...result, outdir };
}

function stackJson(outdir: string, name: string) {
  return JSON.parse(readFileSync(join(outdir, "stacks", name, "cdk.tf.json"), "utf8"));
}

describe("the app on the shipped deployments.json", () => {
  const shipped = JSON.parse(readFileSync(join(root, "deployments.json"), "utf8"));
  let run: ReturnType<typeof runApp>;
  beforeAll(() => {
    run = runApp();
  });

  it("exits 0 and writes one stack per deployment", () => {
    expect(run.status).toBe(0);
    expect(readdirSync(join(run.outdir, "stacks")).sort()).toEqual(shipped.deployments.map((d: any) => d.name).sort());
  });

  it("declares each client as the seed article says, with the region and no credentials in the provider", () => {
    for (const deployment of shipped.deployments) {
      const json = stackJson(run.outdir, deployment.name);
      const [client] = Object.values(json.resource.genesyscloud_oauth_client) as any[];
      const host = deployment.salesforce.sandbox
        ? `${deployment.salesforce.myDomain}--${deployment.salesforce.sandbox}.sandbox.lightning.force.com`
        : `${deployment.salesforce.myDomain}.lightning.force.com`;
      expect(client).toMatchObject({
        name: `Salesforce Service Cloud Voice (${host})`,
        access_token_validity_seconds: 86400,
        authorized_grant_type: "TOKEN",
        registered_redirect_uris: [`https://${host}/lightning/page/home`],
        scopes: SEED_ARTICLE_SCOPES,
        expose_client_secret: false,
        lifecycle: { prevent_destroy: true },
      });
      expect(json.provider.genesyscloud).toEqual([{ aws_region: deployment.genesysCloud.region, token_pool_size: 1 }]);
    }
  });

  it("matches the snapshot of the shipped configuration", () => {
    const stacks = Object.fromEntries(
      shipped.deployments.map((d: any) => {
        const json = stackJson(run.outdir, d.name);
        json.terraform.backend.local.path = "<project>/" + json.terraform.backend.local.path.split("/").pop();
        return [d.name, json];
      }),
    );
    expect(stacks).toMatchSnapshot();
  });

  it("records the warnings for cdktf to print: the placeholder org id, the implicit grant's retirement, how to keep an existing client", () => {
    const manifest = JSON.parse(readFileSync(join(run.outdir, "manifest.json"), "utf8"));
    for (const deployment of shipped.deployments) {
      const annotations = manifest.stacks[deployment.name].annotations;
      expect(annotations.map((a: any) => a.level)).toEqual(["@cdktf/warn", "@cdktf/warn", "@cdktf/warn"]);
      expect(annotations.map((a: any) => a.message.split(":")[0])).toEqual([
        "genesysCloud.organizationId is the placeholder 00000000-0000-0000-0000-000000000000",
        "Genesys is retiring the implicit grant",
        `Deployment "${deployment.name}" would create a new implicit-grant client, which Genesys refuses on orgs of today. If the org already has this client (made by hand from the article), keep it and its implicit grant`,
      ]);
    }
  });
});

describe("the app without Terraform on PATH", () => {
  it("synthesizes an import block (cdktf's terraform-version check is skipped)", () => {
    const file = join(work, "import.json");
    const id = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    writeFileSync(
      file,
      JSON.stringify({
        deployments: [
          { name: "adopt", genesysCloud: { region: "us-east-1" }, salesforce: { myDomain: "acme" }, oauthClient: { importClientId: id } },
        ],
      }),
    );
    const run = runApp({ DEPLOYMENTS_FILE: file, PATH: "/nonexistent" });
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(stackJson(run.outdir, "adopt").import).toEqual([{ to: "genesyscloud_oauth_client.service-cloud-voice_client_A93DE14E", id }]);
  });
});

describe("the app on a bad deployments file", () => {
  it("exits 1 with one message and no stack trace, and writes nothing", () => {
    const file = join(work, "bad.json");
    writeFileSync(
      file,
      JSON.stringify({
        deployments: [
          { name: "ok", genesysCloud: { region: "us-east-1" }, salesforce: { myDomain: "acme" } },
          { name: "bad", genesysCloud: { region: "mars-1" }, salesforce: { myDomain: "acme", sandbox: "x-y" } },
        ],
      }),
    );
    const run = runApp({ DEPLOYMENTS_FILE: file });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} has 2 problems:\n` +
          '  - deployments\\[1\\]\\.genesysCloud\\.region: given "mars-1"; allowed: one of the Genesys Cloud regions: .*\n' +
          '  - deployments\\[1\\]\\.salesforce\\.sandbox: given "x-y"; allowed: a Salesforce sandbox name: .*\n' +
          "Nothing was synthesized.\n$",
      ),
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(run.outdir)).toBe(false);
  });

  it("writes to a RAM disk (/dev/shm), and refuses the device files of /dev before making anything there", () => {
    const shm = existsSync("/dev/shm") ? mkdtempSync("/dev/shm/main-test-") : undefined;
    try {
      if (shm) expect(runApp({ CDKTF_OUTDIR: join(shm, "out") }).status).toBe(0);
      if (shm) expect(readdirSync(join(shm, "out", "stacks")).sort()).toEqual(["production", "uat"]);
    } finally {
      if (shm) rmSync(shm, { recursive: true, force: true });
    }
    const devices = statSync("/dev", { throwIfNoEntry: false });
    if (!devices || devices.dev === statSync("/").dev) return;
    const outdir = `/dev/main-test-${process.pid}`;
    const run = runApp({ CDKTF_OUTDIR: outdir });
    expect([run.status, run.stderr]).toEqual([1, expect.stringContaining(`${outdir} is among the system's device files`)]);
    expect(existsSync(outdir)).toBe(false);
  });

  it("names a missing file and how to point at another", () => {
    const run = runApp({ DEPLOYMENTS_FILE: join(work, "missing.json") });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /missing\.json has 1 problem:\n {2}- \(file\): .*set DEPLOYMENTS_FILE to use another path\nNothing was synthesized\.\n$/,
    );
  });

  it.each([
    [
      "a deployment named constructor",
      JSON.stringify({ deployments: [{ name: "constructor", genesysCloud: { region: "us-east-1" }, salesforce: { myDomain: "acme" } }] }),
      /deployments\[0\]\.name: given "constructor"; allowed: a stack name/,
    ],
    [
      "a deployment named toString",
      JSON.stringify({ deployments: [{ name: "toString", genesysCloud: { region: "us-east-1" }, salesforce: { myDomain: "acme" } }] }),
      /deployments\[0\]\.name: given "toString"/,
    ],
    [
      "pathologically deep nesting",
      `{"deployments": ${"[".repeat(50_000)}${"]".repeat(50_000)}}`,
      /\(line 1, column \d+\): given objects and lists nested more than 256 levels deep/,
    ],
    ["a UTF-16 file", "\ufeff" + JSON.stringify({ deployments: [] }), /given a UTF-16 text file/],
  ])("%s: one message, no stack trace, nothing written", (_, content, message) => {
    const file = join(work, "hostile.json");
    writeFileSync(file, content, content.startsWith("\ufeff") ? "utf16le" : "utf8");
    const run = runApp({ DEPLOYMENTS_FILE: file });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/\nNothing was synthesized\.\n$/);
    expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
    expect(existsSync(run.outdir)).toBe(false);
  });
});
