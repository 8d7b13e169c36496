/**
 * `drift <deployment names or patterns>… [--json]`: what changed outside the code on each deployment's client since
 * the last apply, and who changed it, when, with the audit's old and new values (lib/app/genesys/client-drift.ts).
 * Each deployment's state is read through its backend alone; its client is read once by id with the deployment's own
 * Genesys Cloud credentials (lib/app/stack/credentials.ts), and the audit asked where something changed. `--json`
 * writes the reports (lib/shared/drift-report.ts), one per deployment whose state holds a client, as one JSON array
 * on stdout, for the workflows; what could not be told goes to stderr. Exit 0 when every selected deployment could be
 * told (drifted or not), 1 when any could not.
 */
import { parseArgs } from "util";
import { credentialsProblem } from "../stack/credentials";
import { loadDeploymentsOrProblem } from "../deployments/deployments";
import { select } from "../deployments/selection";
import { readStates } from "../state/read-states";
import { engineProblem } from "../stack/engine";
import { localStateProblem } from "../stack/backend";
import { clientDriftReport, driftLines } from "../genesys/client-drift";
import { takeParallelism } from "./parallelism";
import { CommandIo } from "../../shared/command";
import { DriftReport } from "../../shared/drift-report";
import { showHiddenCharacters } from "../../shared/plain-text";
import { inParallel } from "../../shared/in-parallel";

export const DRIFT_USAGE = `usage: genesys-scv-oauth-client drift <deployment names or patterns> [--json] [--parallelism N]

Shows what changed outside the code on each named deployment's OAuth client since the last apply: each attribute
whose value in Genesys Cloud differs from the state's (in state -> in the org), or the client deleted; and who made
the change, when, and the old and new values Genesys Cloud's audit recorded (the realtime audit, the last 14 days).
Reads each deployment's state with the backend's credentials, and the org with the deployment's own Genesys Cloud
credentials; the audit needs the permission Audits > Audit > View, without which "who" is unknown and the rest works.

  --json            the drift reports as one JSON array on stdout (one per deployment whose state holds a client)
  --parallelism N   how many deployments are read at once
  -h, --help        this text`;

export async function driftCommand(argv: string[], env: NodeJS.ProcessEnv, io: CommandIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: "boolean" }, parallelism: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (e) {
    io.err(`drift: ${(e as Error).message}\n${DRIFT_USAGE}\n`);
    return 1;
  }
  if (args.values.help) {
    io.out(`${DRIFT_USAGE}\n`);
    return 0;
  }
  const taken = takeParallelism(args.values.parallelism === undefined ? [] : ["--parallelism", args.values.parallelism], "drift");
  if ("problem" in taken) return fail(io, taken.problem);
  const loaded = loadDeploymentsOrProblem(env, "Nothing was read.");
  if ("problem" in loaded) return fail(io, loaded.problem);
  const selected = select(loaded.deployments, args.positionals, "drift");
  if (typeof selected === "string") return fail(io, selected);
  const states = selected.flatMap((d) => localStateProblem(d.name, d.backend, loaded.baseDir)?.message ?? []);
  if (states.length > 0) return fail(io, `${states.join("\n")}\nNothing was read.`);
  const engine = await engineProblem(env);
  if (engine) return fail(io, engine);
  const readings = await readStates(selected, loaded.baseDir, env, taken.parallelism);
  const told = await inParallel(selected, taken.parallelism, async (deployment): Promise<DriftReport | { problem: string } | undefined> => {
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
      if (!args.values.json) io.out(`${name}: not deployed yet (its state holds no client id): nothing to compare\n`);
    } else if ("problem" in result) {
      failed++;
      io.err(`${name}: ${showHiddenCharacters(result.problem)}\n`);
    } else {
      reports.push(result);
      if (!args.values.json) io.out(`${driftLines(result).join("\n")}\n`);
    }
  });
  if (args.values.json) io.out(`${JSON.stringify(reports, null, 2)}\n`);
  return failed > 0 ? 1 : 0;
}

function fail(io: CommandIo, message: string): number {
  io.err(`${message}\n`);
  return 1;
}
