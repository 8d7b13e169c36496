/**
 * The real cdktf CLI on the app, as `npm run synth` and `npm run synth:hcl` run it (scripts/cdktf.mjs):
 * Terraform JSON, the HCL export path off archived CDKTF, and a failed synth that keeps the last good output.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const root = join(__dirname, "..");
const work = mkdtempSync(join(tmpdir(), "cdktf-cli-test-"));
const hasTerraform = spawnSync("terraform", ["version"], { stdio: "ignore" }).status === 0;

function cdktf(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ["scripts/cdktf.mjs", ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
}

jest.setTimeout(60_000);

describe("cdktf synth (the real CLI)", () => {
  const out = join(work, "json");

  it("writes Terraform JSON, one stack per deployment", () => {
    const run = cdktf(["synth", "--output", out]);
    expect(run.status).toBe(0);
    expect(readdirSync(join(out, "stacks")).sort()).toEqual(["production", "uat"]);
    const json = JSON.parse(readFileSync(join(out, "stacks/production/cdk.tf.json"), "utf8"));
    expect(Object.keys(json.resource.genesyscloud_oauth_client)).toEqual(["service-cloud-voice_client_A93DE14E"]);
    expect(run.stdout).toContain("Genesys is retiring the implicit grant");
  });

  it("fails on a bad deployments file with its message, and keeps the last good output", () => {
    const bad = join(work, "bad.json");
    writeFileSync(bad, JSON.stringify({ deployments: [{ name: "x", genesysCloud: { region: "us-east-1" }, salesforce: {} }] }));
    const run = cdktf(["synth", "--output", out], { DEPLOYMENTS_FILE: bad });
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toContain("deployments[0].salesforce.myDomain: given nothing;");
    expect(readdirSync(join(out, "stacks")).sort()).toEqual(["production", "uat"]);
  });
});

describe("npm run deploy / diff / destroy", () => {
  it.each(["deploy", "diff", "destroy"])("%s without credentials stops at once with one sentence, before cdktf", (command) => {
    const run = cdktf([command, "production"], {
      GENESYSCLOUD_OAUTHCLIENT_ID: "",
      GENESYSCLOUD_OAUTHCLIENT_SECRET: "",
      GENESYSCLOUD_ACCESS_TOKEN: "",
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^(No Genesys Cloud credentials in the environment|Terraform CLI not found on PATH): [^\n]*\.\n$/);
  });
});

describe("cdktf synth --hcl (the export path)", () => {
  const out = join(work, "hcl");

  it("writes HCL with the same client", () => {
    const run = cdktf(["synth", "--hcl", "--output", out]);
    expect(run.status).toBe(0);
    const hcl = readFileSync(join(out, "stacks/uat/cdk.tf"), "utf8");
    expect(hcl).toContain('resource "genesyscloud_oauth_client" "service-cloud-voice_client_A93DE14E" {');
    expect(hcl).toMatch(/authorized_grant_type\s+= "TOKEN"/);
    expect(hcl).toContain('"https://acme--uat.sandbox.lightning.force.com/lightning/page/home"');
    expect(hcl).toMatch(/lifecycle {\s+prevent_destroy = true\s+}/);
  });

  (hasTerraform ? it : it.skip)("is HCL that Terraform parses (terraform fmt, no provider needed)", () => {
    for (const stack of ["production", "uat"]) {
      const fmt = spawnSync("terraform", ["fmt", "-"], { input: readFileSync(join(out, "stacks", stack, "cdk.tf")), encoding: "utf8" });
      expect(fmt.stderr).not.toMatch(/Error/);
      expect(fmt.status).toBe(0);
    }
  });
});
