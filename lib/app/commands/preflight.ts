/**
 * What the cdktf runner's commands need before cdktf starts, beside a valid deployments file: for a synth, a readable
 * lock file and an output folder that can hold the stacks; for `deploy`, `diff` and `destroy`, the engine (Terraform
 * or OpenTofu, lib/app/stack/engine.ts) and every selected deployment's Genesys Cloud credentials; for every command
 * that reads states, local states the engine can read. Checked up front, so that a missing piece is one message
 * instead of a provider error after a long init, or cdktf's own message printed twice.
 */
import { credentialsProblem, refusedVariablesProblem } from "../stack/credentials";
import { engineProblem } from "../stack/engine";
import { Deployment } from "../deployments/deployments";
import { localStateProblem } from "../stack/backend";
import { lockFileProblem } from "../stack/provider-lock";
import { outputFolderProblem } from "../stack/synth-output";

/** What a synth into `outdir` needs: the lock file (read before the folder is made: nothing left behind), the folder. */
export function synthPrerequisiteProblem(baseDir: string, outdir: string, deployments: readonly Deployment[]): string | undefined {
  const lock = lockFileProblem(baseDir);
  if (lock) return `${lock.message}\nNothing was synthesized.`;
  return outputFolderProblem(
    outdir,
    deployments.map((d) => d.name),
  );
}

/** Local states the engine would read or write that it cannot (a FIFO there would hold it forever), as one message. */
export function localStatesProblem(deployments: readonly Deployment[], baseDir: string): string | undefined {
  const states = deployments.flatMap((d) => localStateProblem(d.name, d.backend, baseDir)?.message ?? []);
  return states.length > 0 ? `${states.join("\n")}\nNothing was run.` : undefined;
}

/** The engine (lib/app/stack/engine.ts) and the credentials of every deployment given, as one message; undefined when all is there. */
export async function deployPrerequisiteProblem(deployments: readonly Deployment[], env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const engine = await engineProblem(env);
  if (engine) return engine;
  const refused = refusedVariablesProblem(env);
  if (refused) return refused;
  const missing = deployments.flatMap((d) => {
    const problem = credentialsProblem(d, env);
    return problem ? [`  - ${d.name}: ${problem}`] : [];
  });
  if (missing.length === 0) return undefined;
  return [
    `No Genesys Cloud credentials for ${missing.length === 1 ? "1 deployment" : `${missing.length} deployments`} ` +
      "(a Client Credentials OAuth client of the deployment's org, or an access token):",
    ...missing,
  ].join("\n");
}
