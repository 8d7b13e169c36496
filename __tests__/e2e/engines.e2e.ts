/**
 * State written by one engine, read by the other (docs/engines.md): Terraform's state is OpenTofu's to read, and the
 * reverse, with an empty plan; each engine's first apply writes its own registry host into the provider addresses,
 * and each `init` rewrites the lock file for its host. Runs once, on both engines (scripts/test-e2e.mjs).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "fs";
import { dirname, join } from "path";
import { cdktfCli } from "../../lib/app/commands/cdktf-process";
import { OPENTOFU_VERSION } from "../../scripts/opentofu-install.cjs";
import { REGISTRY_HOST } from "../../lib/app/state/provider-addresses";
import { motoServer, S3Emulator, startS3Emulator } from "../support/s3-emulator";
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

const BUCKET = "acme-terraform-state";
const moto = motoServer();
if (tofuBuilt && !moto) {
  const notice =
    "Engine switch tests SKIPPED: moto_server not found (python3 -m venv .venv && .venv/bin/pip install -r requirements-test.txt).";
  if (process.env.CI || process.env.GITHUB_ACTIONS) throw new Error(notice);
  console.log(notice);
}

(tofuBuilt && moto ? describe : describe.skip)("switching engines with state in S3: lock on the new engine is the whole switch", () => {
  let s3: S3Emulator;
  const harness = useHarness(
    async () => {
      s3 = await startS3Emulator();
      await s3.createBucket(BUCKET);
    },
    undefined,
    undefined,
    "terraform",
  );
  afterAll(() => s3?.close());
  const GENESYSCLOUD = "mypurecloud/genesyscloud";
  const names = ["production", "uat"];
  /** The harness's environment with OpenTofu on PATH beside Terraform: `.engine` alone chooses. */
  const env = () => ({ ...harness().env, PATH: `${dirname(ENGINES.tofu.binary)}:${harness().env.PATH ?? process.env.PATH}` });
  /** The bin, as a config repository runs it, in the working copy's output folder. */
  const bin = async (...args: string[]) => {
    const started = Date.now();
    const run = await runCommand(process.execPath, [BIN, ...args], root, env());
    console.log(`${args.slice(0, 3).join(" ")}: exit ${run.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return run;
  };
  const inWorkingCopy = (command: string, ...args: string[]) => bin(command, ...args, "--output", harness().outdir, "--skip-provider-lock");
  const setEngine = (engine: string) => writeFileSync(join(harness().dir, ".engine"), `${engine}\n`);
  const lockFileHosts = () =>
    [...readFileSync(join(harness().dir, ".terraform.lock.hcl"), "utf8").matchAll(/^provider "([^"]+)"/gm)].map((m) => m[1]);
  const stateProviders = async (name: string) => {
    const state = JSON.parse((await s3.object(BUCKET, `genesys-scv-oauth-client/${name}.tfstate`)) ?? "{}");
    return [...new Set(state.resources.map((r: { provider: string }) => r.provider))];
  };
  const clientIds = async () => {
    const run = await bin("output", ...names);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    return [...run.stdout.matchAll(/^(\w+): client id ([0-9a-f-]{36})$/gm)].map((m) => `${m[1]} ${m[2]}`);
  };
  /**
   * A workflow's job for each deployment, on a fresh runner: synth through the bin, then in the stack's folder the
   * engine `.engine` names, `init -input=false -lockfile=readonly` and `plan -detailed-exitcode`, as plan.yml runs
   * them; with `apply`, deploy.yml's `plan -out=tfplan` and `apply tfplan`. Expects every plan empty (exit 0).
   */
  const workflowJobs = async (engine: "terraform" | "tofu", { apply = false } = {}) => {
    const runner = join(harness().dir, "runner");
    rmSync(runner, { recursive: true, force: true });
    await expectSuccess(bin("synth", "--output", runner));
    const binary = engine === "tofu" ? ENGINES.tofu.binary : "terraform";
    // The runner's own engine run: no data folder but the engine's default, as on a runner.
    const runnerEnv = { ...env(), TERRAFORM_BINARY_NAME: binary, TF_DATA_DIR: "" };
    delete (runnerEnv as Record<string, string | undefined>).TF_DATA_DIR;
    for (const name of names) {
      const at = (...args: string[]) => runCommand(binary, args, join(runner, "stacks", name), runnerEnv);
      const init = await at("init", "-input=false", "-no-color", "-lockfile=readonly");
      expect([name, engine, init.status, init.status === 0 ? "" : init.stdout + init.stderr]).toEqual([name, engine, 0, ""]);
      const plan = await at("plan", "-input=false", "-no-color", "-lock=false", "-detailed-exitcode", "-out=tfplan");
      expect([name, engine, plan.status, plan.stderr]).toEqual([name, engine, 0, ""]);
      expect(plan.stdout).toContain("No changes.");
      if (apply) await expectSuccess(at("apply", "-input=false", "-no-color", "tfplan"));
    }
  };

  it("Terraform -> OpenTofu -> Terraform: each time lock, then the workflows' init -lockfile=readonly and an empty plan; the client ids never change", async () => {
    const h = harness();
    h.writeDeployments(
      names.map((name) => ({
        ...(name === "uat" ? uat : deployment(name, "acme")),
        backend: { s3: { bucket: BUCKET, region: "us-east-1", endpoint: s3.endpoint, usePathStyle: true } },
      })),
    );
    // On Terraform (no .engine): the lock file, the first deploy from the working copy, the workflows' empty plans.
    await expectSuccess(bin("lock"));
    expect(lockFileHosts()).toEqual([`${REGISTRY_HOST.Terraform}/${GENESYSCLOUD}`]);
    await expectSuccess(inWorkingCopy("deploy", ...names, "--auto-approve"));
    const ids = await clientIds();
    expect(ids).toHaveLength(2);
    await workflowJobs("terraform");

    // To OpenTofu: .engine says tofu (terraform stays on PATH), lock; the workflows plan no change, and deploy.yml's
    // apply of production's empty plan writes OpenTofu's registry into that state. The working copy Terraform used
    // runs OpenTofu as it is (cdktf.out kept).
    setEngine("tofu");
    const toTofu = await bin("lock");
    expect([toTofu.status, toTofu.stderr]).toEqual([0, ""]);
    expect(toTofu.stdout).toMatch(/\.terraform\.lock\.hcl: genesyscloud provider 1\.82\.0 \(updated\)\n$/);
    expect(lockFileHosts()).toEqual([`${REGISTRY_HOST.OpenTofu}/${GENESYSCLOUD}`]);
    await workflowJobs("tofu");
    const tofuDiff = await inWorkingCopy("diff", "production");
    expect([tofuDiff.status, tofuDiff.status === 0 ? "" : tofuDiff.stdout + tofuDiff.stderr]).toEqual([0, ""]);
    await expectSuccess(inWorkingCopy("deploy", "production", "--auto-approve"));
    await workflowJobs("tofu", { apply: true });
    expect(await stateProviders("production")).toEqual([`provider["${REGISTRY_HOST.OpenTofu}/${GENESYSCLOUD}"]`]);
    expect(await clientIds()).toEqual(ids);

    // Back to Terraform: lock moves each state's OpenTofu address to Terraform's, and says so; then as before.
    setEngine("terraform");
    const back = await bin("lock");
    expect([back.status, back.stderr]).toEqual([0, ""]);
    // The deadlock this switch used to end in: the workflows' init -lockfile=readonly on Terraform.
    await workflowJobs("terraform");
    for (const name of names)
      expect(back.stdout).toContain(
        `${name}: the state's provider ${REGISTRY_HOST.OpenTofu}/${GENESYSCLOUD} is now ${REGISTRY_HOST.Terraform}/${GENESYSCLOUD} (terraform state replace-provider)\n`,
      );
    expect(lockFileHosts()).toEqual([`${REGISTRY_HOST.Terraform}/${GENESYSCLOUD}`]);
    for (const name of names) expect(await stateProviders(name)).toEqual([`provider["${REGISTRY_HOST.Terraform}/${GENESYSCLOUD}"]`]);
    const terraformDiff = await inWorkingCopy("diff", "production", "uat");
    expect([terraformDiff.status, terraformDiff.status === 0 ? "" : terraformDiff.stdout + terraformDiff.stderr]).toEqual([0, ""]);
    // A second lock has nothing left to move.
    const again = await bin("lock");
    expect([again.status, again.stdout.includes("replace-provider")]).toEqual([0, false]);
    expect(await clientIds()).toEqual(ids);
    expect(h.emulator.clients.size).toBe(2);
  }, 900_000);
});
