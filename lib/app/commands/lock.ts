/**
 * `lock`: writes the provider lock file (`.terraform.lock.hcl`) beside the deployments file, the one place a team's
 * repository keeps which genesyscloud provider version every plan and deploy uses (lib/app/stack/provider-lock.ts).
 * It synthesizes the first deployment's stack into a temporary folder, starts there from the lock file already
 * committed (if any), runs `terraform init -backend=false` (or `tofu init`: lib/app/stack/engine.ts; it fetches the provider as any init does: from the
 * registry, or a mirror TF_CLI_CONFIG_FILE names) and writes the result back whole. The selection changes only with
 * --upgrade (the newest version the stack's constraint allows).
 *
 * `lock` on the new engine is the whole switch between Terraform and OpenTofu, whichever engine last wrote each
 * state: on Terraform it first moves the provider address OpenTofu writes into a state (`registry.opentofu.org/…`)
 * to Terraform's, in every deployment's state, through its backend (lib/app/state/provider-addresses.ts), so that the
 * lock file's one address is every state's; the lock file is written only when every state is done.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, relative } from "path";
import { loadDeploymentsOrProblem } from "../deployments/deployments";
import { buildApp } from "../stack/app";
import { DEFAULT_PARALLELISM } from "./parallelism";
import { LOCK_FILE, LOCK_FILE_ALLOWED, lockFilePath, readLockFile } from "../stack/provider-lock";
import { resolveEngine } from "../stack/engine";
import { moveStateProviders, onTerraformHost } from "../state/provider-addresses";
import { withoutCredentials } from "../stack/credentials";
import { CommandIo } from "../../shared/command";
import { declareCommand } from "../../shared/command-declaration";
import { runCaptured } from "../../shared/child-process";
import { writeFileBeside } from "../../shared/json-input";
import { InputError } from "../../shared/problems";
import { docsPage, typed } from "../../shared/typed-command";

export const lockCommand = declareCommand({
  name: "lock",
  summary: "write or update the provider lock file, .terraform.lock.hcl",
  description: `Writes ${LOCK_FILE} beside the deployments file: the genesyscloud provider version that every synth, plan and
deploy then inits from, with its packages' checksums. Commit it; a pull request that changes it is a provider
change to review. Runs terraform init (or tofu init: .engine, or TERRAFORM_BINARY_NAME; no backend, no Genesys
Cloud credentials) in a temporary folder. On Terraform it also reads every deployment's state through its backend
(the backend's credentials) and moves the provider address OpenTofu writes there (registry.opentofu.org/...) to
Terraform's (terraform state replace-provider): after a switch from OpenTofu, run lock on Terraform and commit.`,
  options: {
    upgrade: { type: "boolean", description: "select the newest version the stack allows, instead of keeping the one the file names" },
  },
  run: ({ values }, env, io) => lock(Boolean(values.upgrade), env, io),
});

async function lock(upgrade: boolean, env: NodeJS.ProcessEnv, io: CommandIo): Promise<number> {
  const loaded = loadDeploymentsOrProblem(env, `lock: nothing was run; ${LOCK_FILE} is unchanged.`);
  if ("problem" in loaded) return fail(io, loaded.problem);
  if (loaded.deployments.length === 0) {
    return fail(
      io,
      `lock: the deployments file has no deployments yet: the lock file is written from a deployment's stack. Add your first deployment, then run ${typed("lock")} again; ${LOCK_FILE} is unchanged.`,
    );
  }
  const target = lockFilePath(loaded.baseDir);
  // The lock file as it is, before anything runs: a FIFO, a folder or a link out of the folder is refused at once.
  let before: string | undefined;
  try {
    before = readLockFile(loaded.baseDir);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return fail(io, `${e.message}\nlock: nothing was run; ${LOCK_FILE} is unchanged.`);
  }
  const engine = await resolveEngine(env);
  if ("problem" in engine) return fail(io, engine.problem);
  const work = mkdtempSync(join(tmpdir(), "scv-lock-"));
  try {
    const [first] = loaded.deployments;
    buildApp([first], loaded.baseDir, { outdir: work }).synth();
    const stackDir = join(work, "stacks", first.name);
    if (before !== undefined) writeFileSync(join(stackDir, LOCK_FILE), before);
    // Not synchronous: a SIGINT or SIGTERM meanwhile ends the init and this command (lib/shared/command.ts).
    const init = await runCaptured(
      engine.binary,
      ["init", "-backend=false", "-input=false", "-no-color", ...(upgrade ? ["-upgrade"] : [])],
      { cwd: stackDir, env: { ...withoutCredentials(env), CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" } },
    );
    if (init.status !== 0)
      return fail(
        io,
        `lock: ${engine.command} init failed (${engine.name}${init.error ? `: ${init.error.message}` : ""}); ${LOCK_FILE} is unchanged.\n${init.stdout}${init.stderr}`.trimEnd(),
      );
    const written = readFileSync(join(stackDir, LOCK_FILE), "utf8");
    // Every state's provider at the address this lock file names, before the file says so.
    // Every deployment's state, DEFAULT_PARALLELISM at once.
    const moves = await moveStateProviders(loaded.deployments, loaded.baseDir, env, engine, DEFAULT_PARALLELISM);
    const failed = loaded.deployments.flatMap((d, i) => {
      const move = moves[i];
      return "problem" in move ? [`  - ${d.name}: ${move.problem.replace(/\n/g, "\n      ")}`] : [];
    });
    loaded.deployments.forEach((d, i) => {
      const move = moves[i];
      for (const from of "moved" in move ? move.moved : [])
        io.out(`${d.name}: the state's provider ${from} is now ${onTerraformHost(from)} (${engine.command} state replace-provider)\n`);
    });
    if (failed.length > 0)
      return fail(
        io,
        [
          `lock: Terraform needs each state to name the provider at its own registry address, so lock on Terraform moves ` +
            `the address OpenTofu writes there (${docsPage("engines")}); ${failed.length === 1 ? "1 state" : `${failed.length} states`} ` +
            `could not be read or moved, and ${LOCK_FILE} is unchanged:`,
          ...failed,
        ].join("\n"),
      );
    if (before !== written) {
      try {
        writeFileBeside(target, written, LOCK_FILE_ALLOWED, loaded.baseDir);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        return fail(io, `${e.message}\nlock: ${LOCK_FILE} is unchanged.`);
      }
    }
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
