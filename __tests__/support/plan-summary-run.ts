/** plan-summary run in-process on the tests' fixture plans, its streams captured (cli.test.ts, cli.integration.test.ts). */
import { join } from "path";
import { planSummaryCommand } from "../../lib/review/plan-summary/cli";
import { runCommand } from "../../lib/shared/command-declaration";
import { capturedIo } from "./captured-io";

const fixtures = join(__dirname, "../fixtures/plans");

/** The fixture plans of these names. */
export const at = (...names: string[]) => names.map((n) => join(fixtures, `${n}.json`));

export function run(argv: string[]) {
  const captured = capturedIo();
  const code = runCommand(planSummaryCommand, argv, process.env, captured.io) as number;
  return { code, out: captured.out(), err: captured.err() };
}
