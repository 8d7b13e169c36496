/**
 * End-to-end test harness: the local Genesys Cloud emulator, the stand-in provider installed through a filesystem
 * mirror, and helpers that run the app, the real Terraform CLI and the real cdktf CLI against them, in a
 * temporary folder. Nothing here reaches the network. Commands run asynchronously: the emulator answers the
 * provider from this same process.
 */
import { spawn } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Emulator, startEmulator } from "../support/genesys-emulator";
import { installTestProvider } from "../support/terraform-provider/install";

export const root = join(__dirname, "../..");
const cdktfCli = join(root, "node_modules/cdktf-cli/bundle/bin/cdktf");
const credentials = { clientId: "terraform-ci", clientSecret: "terraform-ci-secret" };

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
  /** Writes the deployments file (local state under the harness folder unless a backend is given). */
  writeDeployments(deployments: object[]): void;
  /** The app alone, as cdktf runs it. */
  synth(): Promise<Run>;
  /** terraform in a stack's folder. */
  terraform(stack: string, ...args: string[]): Promise<Run>;
  /** The real cdktf CLI, in the project, writing to the harness's output folder. */
  cdktf(...args: string[]): Promise<Run>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const emulator = await startEmulator(credentials);
  const dir = mkdtempSync(join(tmpdir(), "scv-e2e-"));
  const outdir = join(dir, "cdktf.out");
  const deploymentsFile = join(dir, "deployments.json");
  const installed = await installTestProvider(join(dir, "provider"), emulator.url, credentials);
  const env = { ...process.env, ...installed.env, DEPLOYMENTS_FILE: deploymentsFile } as Record<string, string>;
  delete env.TF_LOG;
  const run = (command: string, args: string[], cwd: string, extra: Record<string, string> = {}) =>
    new Promise<Run>((resolve) => {
      const child = spawn(command, args, { cwd, env: { ...env, ...extra }, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("close", (status) => resolve({ status, stdout, stderr }));
    });
  return {
    emulator,
    dir,
    outdir,
    env,
    writeDeployments(deployments) {
      const withState = deployments.map((d: any) => ({ backend: { local: { path: join(dir, "state", `${d.name}.tfstate`) } }, ...d }));
      writeFileSync(deploymentsFile, JSON.stringify({ deployments: withState }, null, 2));
    },
    synth: () => run(process.execPath, ["dist/main.js"], root, { CDKTF_OUTDIR: outdir }),
    terraform: (stack, ...args) => run("terraform", args, join(outdir, "stacks", stack)),
    cdktf: (...args) => run(process.execPath, [cdktfCli, ...args, "--output", outdir], root),
    close: () => emulator.close(),
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
