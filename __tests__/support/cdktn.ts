/**
 * The two CDK flavours (cdktf and cdktn) side by side, for the tests that hold CDK Terrain (cdktn 0.24, on Node 22 from tools/cdktn) to what
 * cdktf 0.21 (this Node, this project's node_modules) writes. Without the toolchain (`node scripts/cdktn-tools.mjs`,
 * which `npm test` runs) their suites are skipped with a notice, and fail under CI.
 */
import { spawn } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, relative } from "path";
import { cdktnEnv, cdktnToolchain, cdktnToolchainProblem } from "../../scripts/cdktn-toolchain.cjs";

export const root = join(__dirname, "../..");
export const toolchain = cdktnToolchain(root);
export const CDKTF_VERSION: string = JSON.parse(readFileSync(join(root, "node_modules/cdktf/package.json"), "utf8")).version;
export const CDKTN_VERSION: string = JSON.parse(readFileSync(join(toolchain.dir, "package.json"), "utf8")).dependencies.cdktn;

/**
 * `describe` when the toolchain is there; otherwise `describe.skip` with a notice, or a failure under CI. A run that
 * leaves the cdktn suites to another job (CI's fast job: .github/workflows/ci.yml's cdktn job runs them) says so in
 * SCV_SKIP_CDKTN, the reason, which the notice repeats: then they are skipped, also under CI.
 */
export function describeWithCdktn(env: NodeJS.ProcessEnv = process.env): jest.Describe {
  const elsewhere = env.SCV_SKIP_CDKTN?.trim();
  if (elsewhere) {
    console.log(`cdktn tests SKIPPED on purpose (SCV_SKIP_CDKTN): ${elsewhere}.`);
    return describe.skip;
  }
  const problem = cdktnToolchainProblem(root);
  if (!problem) return describe;
  const notice = `cdktn tests SKIPPED: ${problem}.`;
  if (env.CI || env.GITHUB_ACTIONS) throw new Error(notice);
  console.log(notice);
  return describe.skip;
}

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", fail);
    child.on("close", (status) => done({ status, stdout, stderr }));
  });
}

/**
 * A project folder for `cdktn synth`: this repository's cdktf.json, whose app is the bundle built for cdktn and whose
 * codeMakerOutput is the bindings `cdktn get` made (cdktn synth refuses a project whose bindings folder is missing).
 */
export function cdktnProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "cdktn-project-"));
  const config = JSON.parse(readFileSync(join(root, "cdktf.json"), "utf8"));
  writeFileSync(
    join(dir, "cdktf.json"),
    JSON.stringify({ ...config, app: `node ${JSON.stringify(toolchain.app)}`, codeMakerOutput: toolchain.bindings }, null, 2),
  );
  return dir;
}

/** The real `cdktf synth` (this project's cdktf-cli, this Node) in `project` (this one unless told) into `outdir`. */
export function cdktfSynth(args: string[], outdir: string, env: NodeJS.ProcessEnv, project = root): Promise<Run> {
  const manifest = require.resolve("cdktf-cli/package.json", { paths: [root] });
  const cli = join(manifest, "..", JSON.parse(readFileSync(manifest, "utf8")).bin.cdktf);
  return run(process.execPath, [cli, "synth", ...args, "--output", outdir], project, { ...process.env, CHECKPOINT_DISABLE: "1", ...env });
}

/** The real `cdktn synth` (Node 22, tools/cdktn) in `project` into `outdir`. */
export function cdktnSynth(project: string, args: string[], outdir: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return run(toolchain.node!, [toolchain.cli, "synth", ...args, "--output", outdir], project, cdktnEnv({ ...process.env, ...env }, root));
}

/** Every file under `dir`, as paths relative to it, sorted. */
export function filesUnder(dir: string): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((entry) => (statSync(join(d, entry)).isDirectory() ? walk(join(d, entry)) : [join(d, entry)]));
  return walk(dir)
    .map((f) => relative(dir, f))
    .sort();
}
