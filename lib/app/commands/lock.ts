/**
 * `lock`: writes the provider lock file (`.terraform.lock.hcl`) beside the deployments file, the one place a team's
 * repository keeps which genesyscloud provider version every plan and deploy uses (lib/app/stack/provider-lock.ts).
 * It synthesizes the first deployment's stack into a temporary folder, starts there from the lock file already
 * committed (if any), runs `terraform init -backend=false` (or `tofu init`: lib/app/stack/engine.ts; it fetches the provider as any init does: from the
 * registry, or a mirror TF_CLI_CONFIG_FILE names) and writes the result back whole. The selection changes only with
 * --upgrade (the newest version the stack's constraint allows).
 */
import { spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, relative } from "path";
import { parseArgs } from "util";
import writeFileAtomic from "write-file-atomic";
import { App } from "cdktf";
import { loadDeploymentsOrProblem } from "../deployments/deployments";
import { DeploymentStack } from "../stack/deployment-stack";
import { LOCK_FILE } from "../stack/provider-lock";
import { resolveEngine } from "../stack/engine";
import { withoutCredentials } from "../stack/credentials";
import { CommandIo } from "../../shared/command";

export const USAGE = `usage: genesys-scv-oauth-client lock [--upgrade]

Writes ${LOCK_FILE} beside the deployments file: the genesyscloud provider version that every synth, plan and
deploy then inits from, with its packages' checksums. Commit it; a pull request that changes it is a provider
change to review. Runs terraform init (or tofu init: TERRAFORM_BINARY_NAME; no backend, no credentials) in a
temporary folder.

  --upgrade   select the newest version the stack allows, instead of keeping the one the file names
  -h, --help  this text`;

export function lockCommand(argv: string[], env: NodeJS.ProcessEnv, io: CommandIo): number {
  let args;
  try {
    args = parseArgs({ args: argv, options: { upgrade: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
  } catch (e) {
    io.err(`lock: ${(e as Error).message}\n${USAGE}\n`);
    return 1;
  }
  if (args.values.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  const loaded = loadDeploymentsOrProblem(env);
  if ("problem" in loaded) return fail(io, loaded.problem);
  if (loaded.deployments.length === 0) {
    return fail(
      io,
      `lock: the deployments file has no deployments yet: the lock file is written from a deployment's stack. Add your first deployment, then run lock again; ${LOCK_FILE} is unchanged.`,
    );
  }
  const engine = resolveEngine(env);
  if ("problem" in engine) return fail(io, engine.problem);
  const target = join(loaded.baseDir, LOCK_FILE);
  const work = mkdtempSync(join(tmpdir(), "scv-lock-"));
  try {
    const app = new App({ outdir: work, stackTraces: false, skipValidation: true });
    const [first] = loaded.deployments;
    new DeploymentStack(app, first, loaded.baseDir);
    app.synth();
    const stackDir = join(work, "stacks", first.name);
    if (existsSync(target)) copyFileSync(target, join(stackDir, LOCK_FILE));
    const init = spawnSync(
      engine.binary,
      ["init", "-backend=false", "-input=false", "-no-color", ...(args.values.upgrade ? ["-upgrade"] : [])],
      {
        cwd: stackDir,
        env: { ...withoutCredentials(env), CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" },
        encoding: "utf8",
      },
    );
    if (init.status !== 0)
      return fail(
        io,
        `lock: ${engine.command} init failed (${engine.name}); ${LOCK_FILE} is unchanged.\n${init.stdout}${init.stderr}`.trimEnd(),
      );
    const written = readFileSync(join(stackDir, LOCK_FILE), "utf8");
    const before = existsSync(target) ? readFileSync(target, "utf8") : undefined;
    if (before !== written) writeFileAtomic.sync(target, written);
    const version = /provider "registry\.(?:terraform\.io|opentofu\.org)\/mypurecloud\/genesyscloud" \{\s*version\s*=\s*"([^"]+)"/.exec(
      written,
    )?.[1];
    const shown = relative(process.cwd(), target) || LOCK_FILE;
    io.out(
      `${shown}: genesyscloud provider ${version ?? "(version not found)"}${before === written ? " (unchanged)" : before === undefined ? " (written)" : " (updated)"}\n`,
    );
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function fail(io: CommandIo, message: string): number {
  io.err(`${message}\n`);
  return 1;
}
