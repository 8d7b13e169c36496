/**
 * The run per deployment of `diff`, `deploy` and `destroy`: the app synthesized once for the whole run (with no
 * Genesys Cloud credential), then each selected deployment in a cdktf process of its own with its own credentials
 * (lib/app/stack/credentials.ts), `parallelism` of them at once (each-deployment.ts keeps each one's output together).
 * Before diff or deploy would create a client, the org is asked whether it has one for that Salesforce org already
 * (client-identity.ts): that stops the deployment only; the others go on.
 */
import { Deployment } from "../deployments/deployments";
import { clientIdentityStop, identityMessage } from "../genesys/client-identity";
import { driftBeforeRun } from "../genesys/client-drift";
import { deploymentEnvironment, withoutCredentials } from "../stack/credentials";
import { readStates, statesOnDemand } from "../state/read-states";
import { SYNTH_DEPLOYMENTS_VARIABLE } from "./synthesize-app";
import { cdktf, cdktfCli, offTerminal, ownAnnotationsOnly } from "./cdktf-process";
import { runEachDeployment } from "./each-deployment";
import { optionValue } from "./runner-arguments";
import { CommandIo } from "../../shared/command";
import { runCaptured, runLive } from "../../shared/child-process";

/** What the run is given besides the deployments it runs. */
export interface RunSettings {
  /** Every deployment of the file (the guard's owners). */
  readonly all: readonly Deployment[];
  readonly baseDir: string;
  /** cdktf's options, as the user gave them (--output from where they stand). */
  readonly options: readonly string[];
  readonly parallelism: number;
  /** --auto-approve given: no deployment asks for approval. */
  readonly approved: boolean;
}

/** Runs the command for each selected deployment; 1 when any failed (or the run's synth did), else 0. */
export async function runPerDeployment(
  command: "diff" | "deploy" | "destroy",
  selected: readonly Deployment[],
  { all, baseDir, options, parallelism, approved }: RunSettings,
  env: NodeJS.ProcessEnv,
  cdktfEnv: NodeJS.ProcessEnv,
  io: CommandIo,
): Promise<number> {
  // Synthesized once for the whole run, with no Genesys Cloud credential; each deployment's cdktf reads its stack. Only
  // the selected deployments' stacks are built (the app checks the whole file all the same).
  if (!options.includes("--skip-synth")) {
    const synthOptions = ["--output", "-o", "--app", "-a"].flatMap((name) => {
      const value = optionValue(options, name);
      return value === undefined ? [] : [name, value];
    });
    const synthEnv = { ...withoutCredentials(cdktfEnv), [SYNTH_DEPLOYMENTS_VARIABLE]: JSON.stringify(selected.map((d) => d.name)) };
    const synth = await cdktf(["synth", ...synthOptions], synthEnv, io);
    if (synth !== 0) return synth;
  }
  const runOptions = [...options.filter((o) => o !== "--skip-synth"), "--skip-synth"];
  const guarded = ["diff", "deploy"].includes(command);
  // The selected deployments' states, `parallelism` at once; another's only where a guard must tell whose a client is.
  const stateOf = statesOnDemand(readStates, baseDir, env, parallelism);
  const read = guarded ? await stateOf(selected) : new Map();
  // On a terminal, deploy and destroy ask for each deployment's approval: one at a time, on the terminal itself.
  const asks = io.isTerminal && ["deploy", "destroy"].includes(command) && !approved;
  return runEachDeployment(command, selected, { parallelism: asks ? 1 : parallelism, io }, async (deployment, live) => {
    // Never throws: whatever goes wrong asking the org stops this deployment only; the others of the run go on.
    const second = guarded ? await clientIdentityStop(deployment, { all, states: read, moreStates: stateOf, env }) : undefined;
    if (second) return { status: 1, chunks: [{ stream: "err", text: `${identityMessage(second)}\n` }] };
    // What changed outside the code, and who (client-drift.ts), before the engine runs; diff reads a deleted client once.
    const drift = guarded
      ? await driftBeforeRun(deployment, read.get(deployment.name), env, { planOnly: command === "diff" })
      : { chunks: [], env: {} };
    if (live) for (const chunk of drift.chunks) io[chunk.stream](chunk.text);
    // Beside others, a deployment's output is kept until it ends, so it is never a terminal's: no spinners, no colour.
    const runEnv = { ...deploymentEnvironment(deployment, live ? cdktfEnv : offTerminal(cdktfEnv)), ...drift.env };
    const args = [cdktfCli(), command, deployment.name, ...runOptions];
    const run = await (live ? runLive : runCaptured)(process.execPath, args, { env: runEnv });
    const before = live ? [] : drift.chunks;
    if (run.error)
      return { status: 1, chunks: [...before, ...run.chunks, { stream: "err", text: `cdktf could not start: ${run.error.message}\n` }] };
    return { status: run.status ?? 1, chunks: live ? run.chunks : [...before, ...ownAnnotationsOnly(run.chunks, deployment.name)] };
  });
}
