/**
 * `drift <deployment names or patterns>… [--json]`: what changed outside the code on each deployment's client since
 * the last apply, and who changed it, when, with the audit's old and new values (lib/app/genesys/client-drift.ts).
 * Each deployment's state is read through its backend alone; its client is read once by id with the deployment's own
 * Genesys Cloud credentials (lib/app/stack/credentials.ts), and the audit asked where something changed. `--json`
 * writes the reports (lib/shared/drift-report.ts), one per deployment whose state holds a client, as one JSON array
 * on stdout, for the workflows; what could not be told goes to stderr. Exit 0 when every selected deployment could be
 * told (drifted or not), 1 when any could not.
 */
import { credentialsProblem } from "../stack/credentials";
import { loadDeploymentsOrProblem } from "../deployments/deployments";
import { DEPLOYMENT_NAMES, select } from "../deployments/selection";
import { readStates } from "../state/read-states";
import { engineProblem } from "../stack/engine";
import { localStateProblem } from "../stack/backend";
import { clientDriftReport, driftLines } from "../genesys/client-drift";
import { parallelismOf } from "./parallelism";
import { CommandIo } from "../../shared/command";
import { commandLineMessage, declareCommand } from "../../shared/command-declaration";
import { DriftReport } from "../../shared/drift-report";
import { showHiddenCharacters } from "../../shared/plain-text";
import { inParallel } from "../../shared/in-parallel";

export const driftCommand = declareCommand({
  name: "drift",
  summary: "what changed outside the code on the named deployments' clients, and who changed it, when (from the audit)",
  arguments: DEPLOYMENT_NAMES,
  description: `Shows what changed outside the code on each named deployment's OAuth client since the last apply: each attribute
whose value in Genesys Cloud differs from the state's (in state -> in the org), or the client deleted; and who made
the change, when, and the old and new values Genesys Cloud's audit recorded (the realtime audit, the last 14 days).
Reads each deployment's state with the backend's credentials, and the org with the deployment's own Genesys Cloud
credentials; the audit needs the permission Audits > Audit > View, without which "who" is unknown and the rest works.`,
  options: {
    json: { type: "boolean", description: "the drift reports as one JSON array on stdout (one per deployment whose state holds a client)" },
    parallelism: { type: "string", value: "n", description: "how many deployments are read at once" },
  },
  epilogue: "Exit codes: 0 every named deployment told (drifted or not); 1 any could not be told, or bad arguments.",
  run: ({ values, positionals }, env, io) => drift(positionals, values, env, io),
});

async function drift(
  positionals: readonly string[],
  values: { readonly json?: boolean; readonly parallelism?: string },
  env: NodeJS.ProcessEnv,
  io: CommandIo,
): Promise<number> {
  const parallelism = parallelismOf(values.parallelism);
  if (typeof parallelism !== "number") return fail(io, commandLineMessage("drift", parallelism));
  const loaded = loadDeploymentsOrProblem(env, "Nothing was read.");
  if ("problem" in loaded) return fail(io, loaded.problem);
  const selected = select(loaded.deployments, positionals, "drift");
  if (typeof selected === "string") return fail(io, selected);
  const states = selected.flatMap((d) => localStateProblem(d.name, d.backend, loaded.baseDir)?.message ?? []);
  if (states.length > 0) return fail(io, `${states.join("\n")}\nNothing was read.`);
  const engine = await engineProblem(env);
  if (engine) return fail(io, engine);
  const readings = await readStates(selected, loaded.baseDir, env, parallelism);
  const told = await inParallel(selected, parallelism, async (deployment): Promise<DriftReport | { problem: string } | undefined> => {
    const reading = readings.get(deployment.name)!;
    if ("problem" in reading) return { problem: reading.problem };
    const { clientId } = reading.outputs;
    if (!clientId) return undefined;
    const credentials = credentialsProblem(deployment, env);
    if (credentials) return { problem: `no Genesys Cloud credentials: ${credentials}` };
    return clientDriftReport(deployment, { ...reading.outputs, clientId }, env);
  });
  const reports: DriftReport[] = [];
  let failed = 0;
  selected.forEach((deployment, i) => {
    const result = told[i];
    const name = showHiddenCharacters(deployment.name);
    if (result === undefined) {
      if (!values.json) io.out(`${name}: not deployed yet (its state holds no client id): nothing to compare\n`);
    } else if ("problem" in result) {
      failed++;
      io.err(`${name}: ${showHiddenCharacters(result.problem)}\n`);
    } else {
      reports.push(result);
      if (!values.json) io.out(`${driftLines(result).join("\n")}\n`);
    }
  });
  if (values.json) io.out(`${JSON.stringify(reports, null, 2)}\n`);
  return failed > 0 ? 1 : 0;
}

function fail(io: CommandIo, message: string): number {
  io.err(`${message}\n`);
  return 1;
}
