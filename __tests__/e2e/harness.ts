/**
 * End-to-end test harness: the local Genesys Cloud emulator, the real genesyscloud provider that `npm run
 * provider:build` installed in a filesystem mirror, and helpers that run the app, the real engine (Terraform, or
 * OpenTofu with SCV_E2E_ENGINE=tofu: `npm run opentofu:build`) and the real cdktf CLI against them, in a temporary folder. Nothing here reaches the network. Commands run asynchronously: the
 * emulator answers the provider from this same process.
 */
import { spawn } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { EmulatedOrg, Emulator, startEmulator } from "../support/genesys-emulator";
import { cdktfCli } from "../../lib/app/commands/cdktf-process";
import { withoutCredentials } from "../../lib/app/stack/credentials";
import { OPENTOFU_DATA_DIR } from "../../lib/app/stack/engine";
import { providerInstall } from "../../scripts/provider-install.cjs";
import { opentofuInstall } from "../../scripts/opentofu-install.cjs";

export const root = join(__dirname, "../..");
// The CLI as npm run finds it (lib/app/commands/cdktf-runner.ts): the package's own bin entry.
const cdktf = cdktfCli();
/**
 * The org every harness has unless a test asks for others; its credentials are the unprefixed variables. A legacy
 * org, which still creates implicit-grant clients, so that the scenarios that are not about the grant can use the
 * article's default; implicit-grant.e2e.ts runs on today's orgs, which refuse them.
 */
export const ACME: EmulatedOrg = {
  id: "a1b2c3d4-0000-4000-8000-00000000ac3e",
  name: "Acme Contact Center",
  credentials: { clientId: "terraform-ci", clientSecret: "terraform-ci-secret" },
  legacyImplicitGrant: true,
};

/** The engines the suites run on, and where each is: Terraform from PATH, OpenTofu as `npm run opentofu:build` left it. */
export type EngineName = "terraform" | "tofu";
export const ENGINES: Record<EngineName, { readonly name: string; readonly binary: string }> = {
  terraform: { name: "Terraform", binary: "terraform" },
  tofu: { name: "OpenTofu", binary: opentofuInstall(root).binary },
};

/** The engine of this run: SCV_E2E_ENGINE (scripts/test-e2e.mjs sets it), Terraform when unset. */
export function e2eEngine(given = process.env.SCV_E2E_ENGINE): EngineName {
  if (given === undefined || given === "" || given === "terraform") return "terraform";
  if (given === "tofu") return "tofu";
  throw new Error(`SCV_E2E_ENGINE: given ${JSON.stringify(given)}; allowed: "terraform" or "tofu"`);
}

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Harness {
  readonly emulator: Emulator;
  readonly dir: string;
  readonly outdir: string;
  readonly env: Record<string, string>;
  /** The engine every command of this harness runs: its binary (TERRAFORM_BINARY_NAME in env) and name. */
  readonly engine: { readonly id: EngineName; readonly name: string; readonly binary: string };
  /**
   * Writes the deployments file: local state under the harness folder unless a backend is given, and every
   * deployment reaching the emulator through the provider's gateway block (genesysCloud.gateway), as a product feature.
   */
  writeDeployments(deployments: object[]): void;
  /** The app alone, as cdktf runs it; "hcl" as `cdktf synth --hcl` runs it (SYNTH_HCL_OUTPUT). */
  synth(form?: "json" | "hcl"): Promise<Run>;
  /** The engine (terraform, or tofu) in a stack's folder. */
  terraform(stack: string, ...args: string[]): Promise<Run>;
  /** The real cdktf CLI, in the project, writing to the harness's output folder. */
  cdktf(...args: string[]): Promise<Run>;
  /** `<command> args` as a user runs it (the bin, dist/cli/genesys-scv-oauth-client.js, built by build-setup.js), on the harness's output folder; `env` replaces the credentials. */
  npmRun(command: string, args: string[], env?: Record<string, string>): Promise<Run>;
  /** Creates a client through the API, as an admin following the seed article by hand would; returns its id. */
  createClientByHand(client: object): Promise<string>;
  /** The engine's `plan -out` and `show -json` in a stack; returns the plan file's path (named after the stack). */
  planJson(stack: string, ...args: string[]): Promise<string>;
  close(): Promise<void>;
}

export async function startHarness(
  orgs: readonly EmulatedOrg[] = [ACME],
  paths: { login?: string; api?: string } = {},
  engineId: EngineName = e2eEngine(),
): Promise<Harness> {
  const engine = { id: engineId, ...ENGINES[engineId] };
  if (engineId === "tofu" && !existsSync(engine.binary))
    throw new Error(`no OpenTofu at ${engine.binary}: run \`npm run opentofu:build\` first`);
  const emulator = await startEmulator(orgs, paths);
  const pathParams = Object.entries(paths).map(([pathName, pathValue]) => ({ pathName, pathValue }));
  const gateway = {
    host: "127.0.0.1",
    port: Number(new URL(emulator.url).port),
    protocol: "http",
    ...(pathParams.length > 0 && { pathParams }),
  };
  const dir = mkdtempSync(join(tmpdir(), "scv-e2e-"));
  const outdir = join(dir, "cdktf.out");
  const deploymentsFile = join(dir, "deployments.json");
  const installed = providerInstall(root);
  if (!existsSync(installed.binary))
    throw new Error(`no genesyscloud provider at ${installed.binary}: run \`npm run provider:build\` first`);
  const env = {
    ...withoutCredentials(process.env),
    ...installed.env,
    // The provider reads ~/.genesyscloudgo/config: a home of the test's own.
    HOME: dir,
    GENESYSCLOUD_OAUTHCLIENT_ID: orgs[0].credentials.clientId,
    GENESYSCLOUD_OAUTHCLIENT_SECRET: orgs[0].credentials.clientSecret,
    // For state in the S3 emulator; nothing here reaches AWS.
    AWS_ACCESS_KEY_ID: "e2e",
    AWS_SECRET_ACCESS_KEY: "e2e-secret",
    AWS_EC2_METADATA_DISABLED: "true",
    DEPLOYMENTS_FILE: deploymentsFile,
  } as Record<string, string>;
  delete env.TF_LOG;
  // The engine, as a user chooses it (lib/app/stack/engine.ts): unset means terraform on PATH.
  if (engineId === "tofu") env.TERRAFORM_BINARY_NAME = engine.binary;
  else delete env.TERRAFORM_BINARY_NAME;
  // OpenTofu's working data where the tool keeps it (lib/app/stack/engine.ts), so that a test's own engine run in a
  // stack's folder sees what the tool's runs left there.
  if (engineId === "tofu") env.TF_DATA_DIR = OPENTOFU_DATA_DIR;
  else delete env.TF_DATA_DIR;
  const run = (command: string, args: string[], cwd: string, extra: Record<string, string> = {}) =>
    runCommand(command, args, cwd, { ...env, ...extra });
  return {
    emulator,
    dir,
    outdir,
    env,
    engine,
    writeDeployments(deployments) {
      // Relative to the deployments file's folder: the harness folder.
      const withState = deployments.map((d: any) => ({
        backend: { local: { path: `state/${d.name}.tfstate` } },
        ...d,
        genesysCloud: { gateway, ...d.genesysCloud },
      }));
      writeFileSync(deploymentsFile, JSON.stringify({ deployments: withState }, null, 2));
    },
    synth: (form = "json") =>
      run(process.execPath, [BIN, "app"], root, { CDKTF_OUTDIR: outdir, ...(form === "hcl" && { SYNTH_HCL_OUTPUT: "true" }) }),
    terraform: (stack, ...args) => run(engine.binary, args, join(outdir, "stacks", stack)),
    // --skip-provider-lock: cdktf would ask the registry for other platforms' checksums; the mirror has only this one.
    cdktf: (...args) => run(process.execPath, [cdktf, ...args, "--output", outdir, "--skip-provider-lock"], root),
    npmRun: (command, args, credentials) =>
      runCommand(
        process.execPath,
        [BIN, command, ...args, "--output", outdir, ...(command === "output" ? [] : ["--skip-provider-lock"])],
        root,
        credentials ? ({ ...withoutCredentials(env), ...credentials } as Record<string, string>) : env,
      ),
    async createClientByHand(client) {
      const { clientId, clientSecret } = orgs[0].credentials;
      const basic = Buffer.from(`${clientId}:${clientSecret}`).toString("base64");
      const token = await fetch(`${emulator.url}/oauth/token`, {
        method: "POST",
        headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
        body: "grant_type=client_credentials",
      }).then((r) => r.json() as Promise<{ access_token: string }>);
      const created = await fetch(`${emulator.url}/api/v2/oauth/clients`, {
        method: "POST",
        headers: { authorization: `Bearer ${token.access_token}`, "content-type": "application/json" },
        body: JSON.stringify(client),
      }).then((r) => r.json() as Promise<{ id: string }>);
      return created.id;
    },
    async planJson(stack, ...args) {
      const stackDir = join(outdir, "stacks", stack);
      await expectSuccess(run(engine.binary, ["plan", "-input=false", "-out=tfplan", ...args], stackDir));
      const plan = join(dir, "plans", `${stack}.json`);
      mkdirSync(join(dir, "plans"), { recursive: true });
      writeFileSync(plan, await expectSuccess(run(engine.binary, ["show", "-json", "tfplan"], stackDir)));
      return plan;
    },
    close: async () => {
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
      // The provider must only call routes the emulator serves as Genesys does; anything else would test nothing.
      if (emulator.unknownRoutes.length > 0)
        throw new Error(`the provider called routes the emulator does not serve: ${emulator.unknownRoutes.join(", ")}`);
    },
  };
}

/**
 * A fresh harness for the test file: started before its tests (then `setup`), closed and removed after them.
 * Returns the getter the tests use.
 */
export function useHarness(
  setup?: (h: Harness) => Promise<void>,
  orgs?: readonly EmulatedOrg[],
  paths?: { login?: string; api?: string },
  engine?: EngineName,
): () => Harness {
  jest.setTimeout(120_000);
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness(orgs, paths, engine);
    await setup?.(harness);
  });
  afterAll(() => harness?.close());
  return () => {
    if (!harness) throw new Error("the harness has not started");
    return harness;
  };
}

/** Fails with everything Terraform or cdktf said, instead of just the exit code. */
export async function expectSuccess(running: Promise<Run>): Promise<string> {
  const result = await running;
  if (result.status !== 0) throw new Error(`exit ${result.status}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

export const deployment = (name: string, myDomain: string, oauthClient: object = {}) => ({
  name,
  genesysCloud: { region: "us-east-1" },
  salesforce: { myDomain },
  oauthClient,
});

/** The tool's one entry, the package's bin, as the workflows, the npm scripts and cdktf.json's app run it. */
export const BIN = "dist/cli/genesys-scv-oauth-client.js";

/** plan-summary, as the workflows run it. */
export function planSummary(...args: string[]): Promise<Run> {
  return runCommand(process.execPath, [BIN, "plan-summary", ...args], root, process.env as Record<string, string>);
}

export function runCommand(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
