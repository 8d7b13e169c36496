/**
 * The app cdktf starts (cdktf.json's "app"): reads the deployments file and synthesizes one stack per deployment;
 * a user's mistake is one message and exit 1. main.ts runs it in this repository, `genesys-scv-oauth-client app` in a
 * team's own. Where the deployments file's folder holds the provider lock file (`.terraform.lock.hcl`, written by
 * the `lock` command), each stack folder gets a copy, so that every `terraform init` selects the reviewed provider.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module's own exports object, which Object.assign below replaces a member of
import cdktfStackTraces = require("cdktf/lib/tokens/private/stack-trace");
import { buildApp } from "../stack/app";
import { Deployment, loadDeploymentsOrProblem } from "../deployments/deployments";
import { outputFolderProblem, outputProblem, removeOtherForm, withOutputLock } from "../stack/synth-output";
import { copyLockFileToStacks, readLockFile } from "../stack/provider-lock";
import { CommandIo } from "../../shared/command";
import { InputError } from "../../shared/problems";

/**
 * cdktf records where each of its tokens was made: a whole stack trace, formatted at once (two per deployment: over
 * half of building 1,000 stacks, a tenth of their synth), for the message of a token that fails to resolve, which no
 * deployments file can cause. The app has it record nothing; cdktf 0.21, its last release, keeps that recorder where
 * it is.
 */
export function recordNoTokenStacks(): void {
  Object.assign(cdktfStackTraces, { captureStackTrace: (): string[] => [] });
}

export function synthesizeApp(_argv: string[], env: NodeJS.ProcessEnv, io: CommandIo): number {
  recordNoTokenStacks();
  // The file's checks include the construct's own, so a stack of a loaded deployment does not throw.
  const loaded = loadDeploymentsOrProblem(env, "Nothing was synthesized.");
  if ("problem" in loaded) {
    io.err(`${loaded.problem}\n`);
    return 1;
  }
  // The lock file before anything is written: one that cannot be read (a FIFO, a folder, a link out of the folder)
  // refuses the synth with no stack folder made or half-copied.
  let lock: string | undefined;
  try {
    lock = readLockFile(loaded.baseDir);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.err(`${e.message}\nNothing was synthesized.\n`);
    return 1;
  }
  // The output folder before cdktf's App, which makes it (and stacks/ in it) as soon as it is constructed: what cannot
  // hold one is refused before anything is made there.
  const deployments = synthesized(loaded.deployments, env);
  const outdirProblem = outputFolderProblem(
    env.CDKTF_OUTDIR ?? "cdktf.out",
    deployments.map((d) => d.name),
  );
  if (outdirProblem) {
    io.err(`${outdirProblem}\n`);
    return 1;
  }
  try {
    const app = buildApp(deployments, loaded.baseDir);
    // Another synth into the same folder waits its turn: each writes its form and removes the other whole.
    withOutputLock(app.outdir, () => {
      app.synth();
      removeOtherForm(app);
      copyLockFileToStacks(app, lock);
    });
  } catch (e) {
    const problem = outputProblem(e, env.CDKTF_OUTDIR ?? "cdktf.out");
    if (!problem) throw e;
    io.err(`${problem}\n`);
    return 1;
  }
  return 0;
}

/**
 * SYNTH_DEPLOYMENTS: the names (a JSON list) of the deployments to synthesize, set by the runner for a diff, deploy or
 * destroy of some of them: the others' stacks are not built (their cost is the run's for one deployment). The whole
 * file was loaded and checked all the same. Unset (cdktf.json's app, `synth`): every deployment. A name the file does
 * not have selects nothing (the runner names only the file's).
 */
export const SYNTH_DEPLOYMENTS_VARIABLE = "SCV_SYNTH_DEPLOYMENTS";

function synthesized(deployments: Deployment[], env: NodeJS.ProcessEnv): Deployment[] {
  const given = env[SYNTH_DEPLOYMENTS_VARIABLE];
  if (given === undefined) return deployments;
  let names: unknown;
  try {
    names = JSON.parse(given);
  } catch {
    names = undefined;
  }
  if (!Array.isArray(names)) return deployments;
  return deployments.filter((d) => names.includes(d.name));
}
