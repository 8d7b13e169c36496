/**
 * `deployments`: the deployments file's deployment names, one a line, or with --json as one JSON array (what a
 * workflow's matrix takes). Read through the tool, so that comments, DEPLOYMENTS_FILE and the file's checks hold as
 * for every other command.
 */
import { loadDeploymentsOrProblem } from "../deployments/deployments";
import { declareCommand } from "../../shared/command-declaration";

export const deploymentsCommand = declareCommand({
  name: "deployments",
  summary: "list the deployments' names (--json for a workflow matrix)",
  description: "Lists the deployments of the deployments file (default: $DEPLOYMENTS_FILE, else deployments.json), one name a line.",
  options: { json: { type: "boolean", description: "one JSON array of names instead (a workflow matrix reads it)" } },
  run: ({ values }, env, io) => {
    // It only reads: there is nothing it would have synthesized or written to say was not.
    const loaded = loadDeploymentsOrProblem(env, "");
    if ("problem" in loaded) {
      io.err(`${loaded.problem}\n`);
      return 1;
    }
    const names = loaded.deployments.map((d) => d.name);
    io.out(values.json ? `${JSON.stringify(names)}\n` : names.map((n) => `${n}\n`).join(""));
    return 0;
  },
});
