/**
 * `deployments`: the deployments file's deployment names, one a line, or with --json as one JSON array (what a
 * workflow's matrix takes). Read through the tool, so that comments, DEPLOYMENTS_FILE and the file's checks hold as
 * for every other command.
 */
import { parseArgs } from "util";
import { loadDeploymentsOrProblem } from "../deployments/deployments";
import { CommandIo } from "../../shared/command";

export const USAGE = `usage: genesys-scv-oauth-client deployments [--json]

Lists the deployments of the deployments file (default: $DEPLOYMENTS_FILE, else deployments.json), one name a line.

  --json      one JSON array of names instead (a workflow matrix reads it)
  -h, --help  this text`;

export function deploymentsCommand(argv: string[], env: NodeJS.ProcessEnv, io: CommandIo): number {
  let args;
  try {
    args = parseArgs({ args: argv, options: { json: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
  } catch (e) {
    io.err(`deployments: ${(e as Error).message}\n${USAGE}\n`);
    return 1;
  }
  if (args.values.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  const loaded = loadDeploymentsOrProblem(env);
  if ("problem" in loaded) {
    io.err(`${loaded.problem}\n`);
    return 1;
  }
  const names = loaded.deployments.map((d) => d.name);
  io.out(args.values.json ? `${JSON.stringify(names)}\n` : names.map((n) => `${n}\n`).join(""));
  return 0;
}
