/**
 * State written by one engine, read by the other (docs/engines.md): Terraform's state is OpenTofu's to read, and the
 * reverse, with an empty plan; each engine's first apply writes its own registry host into the provider addresses,
 * and each `init` rewrites the lock file for its host. Runs once, on both engines (scripts/test-e2e.mjs).
 */
import { existsSync, readFileSync } from "fs";
import { dirname, join } from "path";
import { cdktfCli } from "../../lib/app/commands/cdktf-runner";
import { OPENTOFU_VERSION } from "../../scripts/opentofu-install.cjs";
import { BIN, deployment, ENGINES, expectSuccess, root, runCommand, useHarness } from "./harness";

const TERRAFORM_HOST = 'provider["registry.terraform.io/mypurecloud/genesyscloud"]';
const OPENTOFU_HOST = 'provider["registry.opentofu.org/mypurecloud/genesyscloud"]';
const uat = { ...deployment("uat", "acme"), salesforce: { myDomain: "acme", sandbox: "uat" } };

const tofuBuilt = existsSync(ENGINES.tofu.binary);
if (!tofuBuilt) {
  const notice = `Cross-engine tests SKIPPED: no OpenTofu at ${ENGINES.tofu.binary} (npm run opentofu:build needs Go).`;
  if (process.env.CI || process.env.GITHUB_ACTIONS) throw new Error(notice);
  console.log(notice);
}

(tofuBuilt ? describe : describe.skip)("one state, two engines", () => {
  // The harness's own engine is Terraform; OpenTofu runs beside it on the same stacks and states.
  const harness = useHarness(async (h) => h.writeDeployments([deployment("production", "acme"), uat]), undefined, undefined, "terraform");
  const stackOf = (name: string) => join(harness().outdir, "stacks", name);
  const state = (name: string) => JSON.parse(readFileSync(join(harness().dir, `state/${name}.tfstate`), "utf8"));
  const lockHosts = (name: string) =>
    [...readFileSync(join(stackOf(name), ".terraform.lock.hcl"), "utf8").matchAll(/^provider "([^"]+)"/gm)].map((m) => m[1]);
  const tofu = (name: string, ...args: string[]) =>
    runCommand(ENGINES.tofu.binary, ["-chdir=" + stackOf(name), ...args], root, harness().env);
  const terraform = (name: string, ...args: string[]) => harness().terraform(name, ...args);
  /** cdktf with OpenTofu chosen as a user chooses it. */
  const cdktfOnTofu = (...args: string[]) =>
    runCommand(process.execPath, [cdktfCli(), ...args, "--output", harness().outdir, "--skip-provider-lock"], root, {
      ...harness().env,
      TERRAFORM_BINARY_NAME: ENGINES.tofu.binary,
    });

  it("Terraform's state: OpenTofu plans no change; its first apply writes registry.opentofu.org into the state", async () => {
    const h = harness();
    await expectSuccess(h.cdktf("deploy", "production", "--auto-approve"));
    expect(state("production").resources.map((r: { provider: string }) => r.provider)).toEqual([TERRAFORM_HOST]);
    await expectSuccess(tofu("production", "init", "-input=false", "-no-color"));
    // OpenTofu's init keeps only its own host in the lock file.
    expect(lockHosts("production")).toEqual(["registry.opentofu.org/mypurecloud/genesyscloud"]);
    const plan = await tofu("production", "plan", "-input=false", "-no-color", "-detailed-exitcode");
    expect([plan.status, plan.stderr]).toEqual([0, ""]);
    expect(plan.stdout).toContain("No changes.");
    await expectSuccess(tofu("production", "apply", "-input=false", "-no-color", "-auto-approve"));
    const written = state("production");
    expect([written.terraform_version, written.resources.map((r: { provider: string }) => r.provider)]).toEqual([
      OPENTOFU_VERSION,
      [OPENTOFU_HOST],
    ]);
  });

  it("OpenTofu's state: Terraform refuses the lock file until its own init, then plans no change; its apply writes registry.terraform.io back", async () => {
    const h = harness();
    await expectSuccess(cdktfOnTofu("deploy", "uat", "--auto-approve"));
    expect(state("uat").terraform_version).toBe(OPENTOFU_VERSION);
    expect(state("uat").resources.map((r: { provider: string }) => r.provider)).toEqual([OPENTOFU_HOST]);
    const before = await terraform("uat", "plan", "-input=false", "-no-color");
    expect(before.status).toBe(1);
    expect(before.stderr).toContain("Inconsistent dependency lock file");
    await expectSuccess(terraform("uat", "init", "-input=false", "-no-color"));
    // Terraform's init keeps OpenTofu's entry: the state still names that provider.
    expect(lockHosts("uat")).toEqual(["registry.opentofu.org/mypurecloud/genesyscloud", "registry.terraform.io/mypurecloud/genesyscloud"]);
    const plan = await terraform("uat", "plan", "-input=false", "-no-color", "-detailed-exitcode");
    expect([plan.status, plan.stderr]).toEqual([0, ""]);
    // cdktf runs init itself: a deploy on Terraform after one on OpenTofu just works, and takes the state back.
    await expectSuccess(h.cdktf("deploy", "uat", "--auto-approve"));
    expect(state("uat").resources.map((r: { provider: string }) => r.provider)).toEqual([TERRAFORM_HOST]);
    expect(h.emulator.clients.size).toBe(2);
  });

  it("npm run deploy with no setting and only tofu on PATH runs OpenTofu, and hands it to cdktf", async () => {
    const h = harness();
    expect(state("uat").terraform_version).not.toBe(OPENTOFU_VERSION);
    const path = [dirname(ENGINES.tofu.binary), dirname(process.execPath), "/usr/bin", "/bin"].join(":");
    const run = await runCommand(
      process.execPath,
      [BIN, "deploy", "uat", "--auto-approve", "--output", h.outdir, "--skip-provider-lock"],
      root,
      { ...h.env, PATH: path, TERRAFORM_BINARY_NAME: "" },
    );
    expect([run.status, run.status === 0 ? "" : run.stdout + run.stderr]).toEqual([0, ""]);
    expect(state("uat").terraform_version).toBe(OPENTOFU_VERSION);
  });

  it("lock on OpenTofu writes the lock file for OpenTofu's registry, and names the engine when its init fails", async () => {
    const h = harness();
    const lock = (env: Record<string, string>) =>
      runCommand(process.execPath, ["dist/cli/genesys-scv-oauth-client.js", "lock"], root, {
        ...h.env,
        TERRAFORM_BINARY_NAME: ENGINES.tofu.binary,
        ...env,
      });
    const written = await lock({});
    expect([written.status, written.stderr]).toEqual([0, ""]);
    expect(written.stdout).toMatch(/\.terraform\.lock\.hcl: genesyscloud provider 1\.82\.0 \(written\)\n$/);
    const file = readFileSync(join(h.dir, ".terraform.lock.hcl"), "utf8");
    expect([...file.matchAll(/^provider "([^"]+)"/gm)].map((m) => m[1])).toEqual(["registry.opentofu.org/mypurecloud/genesyscloud"]);
    // No mirror for OpenTofu's registry, and no network: its init fails, and the message says which engine.
    const failed = await lock({ TF_CLI_CONFIG_FILE: join(h.dir, "no-such.tfrc"), TF_REGISTRY_DISCOVERY_RETRY: "0" });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/^lock: tofu init failed \(OpenTofu\); \.terraform\.lock\.hcl is unchanged\./);
  });

  it("npm run output reads either engine's state with either engine", async () => {
    const h = harness();
    for (const engine of [{}, { TERRAFORM_BINARY_NAME: ENGINES.tofu.binary }] as Record<string, string>[]) {
      const run = await runCommand(process.execPath, [BIN, "output", "production", "uat"], root, {
        ...h.env,
        ...engine,
      });
      expect([run.status, run.stderr]).toEqual([0, ""]);
      // production's state was last written by OpenTofu, uat's by Terraform.
      expect(run.stdout.match(/: client id [0-9a-f-]{36}\n/g)).toHaveLength(2);
    }
  });
});
