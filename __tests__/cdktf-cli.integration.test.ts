/**
 * The real cdktf CLI on the app, as `npm run synth` and `npm run synth:hcl` run it (the bin, dist/cli/genesys-scv-oauth-client.js, built by build-setup.js):
 * Terraform JSON, the HCL export path off archived CDKTF, and a failed synth that keeps the last good output.
 */
import { spawnSync } from "child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "fs";
import { dirname, join } from "path";
import { tmpdir } from "os";
import { cdktfCli } from "../lib/app/commands/cdktf-process";
import { ENGINE_MISSING } from "../lib/app/stack/engine";
import { ALLOWED_MY_DOMAIN } from "../lib/shared/salesforce";
import { tempDir } from "./support/temp-dir";

const root = join(__dirname, "..");
const BIN = "dist/cli/genesys-scv-oauth-client.js";
const work = tempDir("cdktf-cli-test-");
const hasTerraform = spawnSync("terraform", ["version"], { stdio: "ignore" }).status === 0;

function cdktf(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BIN, ...args], {
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

  it("fails on a bad deployments file with its message, once, and keeps the last good output", () => {
    const bad = join(work, "bad.json");
    writeFileSync(bad, JSON.stringify({ deployments: [{ name: "x", genesysCloud: { region: "us-east-1" }, salesforce: {} }] }));
    const run = cdktf(["synth", "--output", out], { DEPLOYMENTS_FILE: bad });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `${bad} has 1 problem:\n  - deployments[0].salesforce.myDomain: given nothing; allowed: ${ALLOWED_MY_DOMAIN}; or lightningHost instead\nNothing was synthesized.\n`,
    );
    expect(readdirSync(join(out, "stacks")).sort()).toEqual(["production", "uat"]);
  });

  it.each(["synth", "diff"])("%s into an output folder that cannot be made: its message, once, before cdktf", (command) => {
    const file = join(work, "a-file");
    writeFileSync(file, "");
    const run = cdktf([command, "production", "--output", file], { GENESYSCLOUD_ACCESS_TOKEN: "t" });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `Nothing was synthesized: the output folder ${JSON.stringify(file)} (cdktf's --output, CDKTF_OUTDIR) cannot be written: ENOTDIR: not a directory, mkdir '${file}/stacks'. Give a folder that can be.\n`,
    );
  });

  it("off a terminal, prints no spinner frames and no cursor movements", () => {
    const run = cdktf(["synth", "--output", join(work, "plain")], { CI: "" });
    expect(run.status).toBe(0);
    // Spinner frames are braille characters; ink erases them with cursor-up and erase-line codes.
    expect(run.stdout + run.stderr).not.toMatch(/\u001b\[\d*[ABCDGJK]|[\u2800-\u28ff]/);
    expect(run.stdout).toContain("Generated Terraform code for the stacks: production, uat");
  });
});

describe("npm run deploy / diff / destroy", () => {
  it.each(["deploy", "diff", "destroy"])("%s without credentials stops at once with one message, before cdktf", (command) => {
    const run = cdktf([command, "production"], {
      GENESYSCLOUD_OAUTHCLIENT_ID: "",
      GENESYSCLOUD_OAUTHCLIENT_SECRET: "",
      GENESYSCLOUD_ACCESS_TOKEN: "",
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      /^(No Genesys Cloud credentials for 1 deployment \(.*\):\n {2}- production: none of GENESYSCLOUD_OAUTHCLIENT_ID with GENESYSCLOUD_OAUTHCLIENT_SECRET, or GENESYSCLOUD_ACCESS_TOKEN, is set|Neither terraform nor tofu is on PATH: [^\n]*\.)\n$/,
    );
  });

  it.each([
    [
      ["deploy"],
      "deploy: <deployment name or pattern>: given nothing; allowed: one or more deployment names or patterns ('*' for all; npx genesys-scv-oauth-client deployments lists them)\n",
    ],
    [["diff", "prod"], 'diff: no deployment is named "prod"; the deployments are: production, uat\n'],
  ])("%j: names what is there", (args, message) => {
    const run = cdktf(args);
    expect([run.status, run.stdout, run.stderr]).toEqual([1, "", message]);
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

  it("leaves one form per stack folder: synth after synth --hcl, and the reverse", () => {
    const both = join(work, "both");
    const files = () =>
      ["production", "uat"].map((stack) => readdirSync(join(both, "stacks", stack)).filter((f) => f.startsWith("cdk.tf")));
    expect(cdktf(["synth", "--output", both]).status).toBe(0);
    expect(cdktf(["synth", "--hcl", "--output", both]).status).toBe(0);
    expect(files()).toEqual([["cdk.tf"], ["cdk.tf"]]);
    expect(cdktf(["synth", "--output", both]).status).toBe(0);
    expect(files()).toEqual([["cdk.tf.json"], ["cdk.tf.json"]]);
  });

  (hasTerraform ? it : it.skip)("is HCL that Terraform parses (terraform fmt, no provider needed)", () => {
    for (const stack of ["production", "uat"]) {
      const fmt = spawnSync("terraform", ["fmt", "-"], { input: readFileSync(join(out, "stacks", stack, "cdk.tf")), encoding: "utf8" });
      expect(fmt.stderr).not.toMatch(/Error/);
      expect(fmt.status).toBe(0);
    }
  });
});

describe("cdktf.json's app (the bin's app command, which rebuilds the bin when stale)", () => {
  it("rebuilds the app when a source is newer than the build, so that `cdktf synth` after an edit synthesizes the edit", () => {
    const copy = join(work, "edited");
    mkdirSync(copy);
    for (const entry of ["lib", "scripts", "dist", "package.json", "cdktf.json", "deployments.json"]) {
      cpSync(join(root, entry), join(copy, entry), { recursive: true, preserveTimestamps: true });
    }
    for (const entry of ["node_modules", ".gen"]) symlinkSync(join(root, entry), join(copy, entry));
    const built = statSync(join(copy, BIN)).mtimeMs;
    const cli = cdktfCli();
    const synth = () =>
      spawnSync(process.execPath, [cli, "synth"], {
        cwd: copy,
        encoding: "utf8",
        env: { ...process.env, CI: "true", CHECKPOINT_DISABLE: "1" },
      });

    // Sources older than the build: the build is used as it is.
    expect(synth().status).toBe(0);
    expect(statSync(join(copy, BIN)).mtimeMs).toBe(built);

    const source = join(copy, "lib/app/commands/synthesize-app.ts");
    writeFileSync(source, `${readFileSync(source, "utf8")}\nrequire("fs").writeFileSync("edited.txt", "the edit ran");\n`);
    expect(synth().status).toBe(0);
    expect(readFileSync(join(copy, "edited.txt"), "utf8")).toBe("the edit ran");
    expect(statSync(join(copy, BIN)).mtimeMs).toBeGreaterThan(built);
  });
});

describe("a checkout without the generated bindings (npm ci --ignore-scripts)", () => {
  it("says to run npm run get, without a stack trace", () => {
    const copy = join(work, "no-gen");
    mkdirSync(copy);
    for (const entry of ["lib", "scripts", "package.json", "cdktf.json", "deployments.json"]) {
      cpSync(join(root, entry), join(copy, entry), { recursive: true });
    }
    symlinkSync(join(root, "node_modules"), join(copy, "node_modules"));
    const run = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: copy, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("The genesyscloud provider bindings in .gen/ are missing: run `npm run get` (offline), then try again.\n");
  });
});

describe("where the user stands, and what a pipeline sees", () => {
  it("--output=DIR is --output DIR", () => {
    const out = join(work, "equals");
    const run = cdktf(["synth", `--output=${out}`]);
    expect(run.status).toBe(0);
    expect(readdirSync(join(out, "stacks")).sort()).toEqual(["production", "uat"]);
  });

  it("relative paths (DEPLOYMENTS_FILE, --output) mean relative to where npm run was typed (INIT_CWD)", () => {
    const sub = join(work, "sub");
    mkdirSync(sub, { recursive: true });
    const deployments = JSON.parse(readFileSync(join(root, "deployments.json"), "utf8"));
    deployments.deployments = deployments.deployments.slice(0, 1).map((d: object) => ({ ...d, name: "mine" }));
    writeFileSync(join(sub, "mine.json"), JSON.stringify(deployments));
    const run = cdktf(["synth", "--output", "out"], { INIT_CWD: sub, DEPLOYMENTS_FILE: "mine.json", TF_CLI_CONFIG_FILE: "/dev/null" });
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(readdirSync(join(sub, "out", "stacks"))).toEqual(["mine"]);
  });

  it("deploy off a terminal without --auto-approve says so, instead of cdktf's stack trace", () => {
    const run = cdktf(["deploy", "production"], { GENESYSCLOUD_ACCESS_TOKEN: "t", PATH: `${join(work, "fake-bin")}:${process.env.PATH}` });
    const said = run.stdout + run.stderr;
    expect(run.status).toBe(1);
    expect(said).not.toMatch(/\u001b\[| {4}at /);
    expect(run.stderr).toMatch(
      /^(deploy: off a terminal \(a pipeline, a redirect\) cdktf cannot ask for approval\. Review the plan \(npx genesys-scv-oauth-client diff production\), then run npx genesys-scv-oauth-client deploy production --auto-approve\.|Neither terraform nor tofu is on PATH: [^\n]*\.)\n$/,
    );
  });

  it("npm run output without Terraform or OpenTofu on PATH is one message", () => {
    const bin = join(work, "node-only");
    mkdirSync(bin, { recursive: true });
    symlinkSync(process.execPath, join(bin, "node"));
    const run = cdktf(["output", "production"], { PATH: bin });
    expect([run.status, run.stdout]).toEqual([1, ""]);
    expect(run.stderr).toBe(`${ENGINE_MISSING}\n`);
  });

  it("a TERRAFORM_BINARY_NAME that names no engine: one message, exit 1, before cdktf starts", () => {
    const run = cdktf(["deploy", "production", "--auto-approve"], { GENESYSCLOUD_ACCESS_TOKEN: "t", TERRAFORM_BINARY_NAME: "opentofu" });
    expect([run.status, run.stdout]).toEqual([1, ""]);
    expect(run.stderr).toBe(
      'TERRAFORM_BINARY_NAME (not on PATH): given "opentofu"; allowed: "terraform" or "tofu" (a command on PATH), or the path of a Terraform or OpenTofu executable\n',
    );
  });

  (hasTerraform ? it : it.skip)(
    "npm run output reads the state alone: offline, and leaving a cdk.tf kept from synth --hcl in place",
    () => {
      const out = join(work, "kept-hcl");
      expect(cdktf(["synth", "--hcl", "--output", out]).status).toBe(0);
      const dir = join(work, "output-state");
      mkdirSync(dir, { recursive: true });
      const deployments = JSON.parse(readFileSync(join(root, "deployments.json"), "utf8"));
      writeFileSync(join(dir, "deployments.json"), JSON.stringify(deployments));
      // No provider is installed anywhere here, and the registry is unreachable: only the backend is initialized.
      const run = cdktf(["output", "production", "--output", out], {
        DEPLOYMENTS_FILE: join(dir, "deployments.json"),
        TF_CLI_CONFIG_FILE: "/dev/null",
      });
      expect([run.status, run.stderr]).toEqual([0, ""]);
      expect(run.stdout).toBe("production: not deployed yet (its state holds no client id)\n");
      expect(readdirSync(join(out, "stacks/production")).filter((f) => f.startsWith("cdk.tf"))).toEqual(["cdk.tf"]);
    },
  );
});

describe("a built checkout that cannot be written (a read-only mount, another user's)", () => {
  const asNobody = process.getuid?.() === 0 && spawnSync("setpriv", ["--version"]).status === 0;
  (asNobody ? it : it.skip)("runs check, plan-summary and --help: the build writes nothing that is already built", () => {
    const copy = join(work, "read-only");
    mkdirSync(copy);
    for (const entry of [
      "lib",
      "scripts",
      "dist",
      ".gen",
      "package.json",
      "cdktf.json",
      "deployments.json",
      "deployments.schema.json",
      "tsconfig.json",
    ]) {
      cpSync(join(root, entry), join(copy, entry), { recursive: true, preserveTimestamps: true });
    }
    symlinkSync(join(root, "node_modules"), join(copy, "node_modules"));
    // Built where it stands (its source maps name its own paths), then made read-only.
    expect(spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: copy }).status).toBe(0);
    spawnSync("chmod", ["-R", "a-w,a+rX", copy]);
    // The test's own temporary folders are private: the other user may pass through them, and no more.
    for (let dir = work; dir.startsWith(tmpdir()) && dir !== dirname(tmpdir()); dir = dirname(dir)) spawnSync("chmod", ["a+x", dir]);
    // As an unprivileged user (root writes anywhere), as npm run would run them.
    const as = (args: string[]) =>
      spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, ...args], {
        cwd: copy,
        encoding: "utf8",
        env: { PATH: process.env.PATH, HOME: "/tmp", TMPDIR: "/tmp", CI: "true", CHECKPOINT_DISABLE: "1" },
      });
    const build = as(["scripts/build.mjs"]);
    expect([build.status, build.stderr]).toEqual([0, ""]);
    expect(as([BIN, "check"]).status).toBe(0);
    const summary = as([BIN, "plan-summary", join(root, "__tests__/fixtures/plans/create.json")]);
    expect([summary.status, summary.stderr]).toEqual([0, ""]);
    expect(as([BIN, "deploy", "--help"]).stdout).toMatch(/^usage: npx genesys-scv-oauth-client deploy /);
    expect(as([BIN, "adopt", "--help"]).stdout).toMatch(/^usage: npx genesys-scv-oauth-client adopt /);
  });
});
