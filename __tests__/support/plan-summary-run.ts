/** plan-summary run in-process on the tests' fixture plans, its streams captured (cli.test.ts, cli.integration.test.ts). */
import { join } from "path";
import { planSummary } from "../../lib/review/plan-summary/cli";
import { capturedIo } from "./captured-io";

const fixtures = join(__dirname, "../fixtures/plans");

/** The fixture plans of these names. */
export const at = (...names: string[]) => names.map((n) => join(fixtures, `${n}.json`));

export function run(argv: string[]) {
  const captured = capturedIo();
  const code = planSummary(argv, process.env, captured.io);
  return { code, out: captured.out(), err: captured.err() };
}
