/**
 * `--parallelism N` of deploy, diff, destroy and output: how many deployments run at once, each in its own cdktf
 * process with its own credentials. cdktf's own option of that name (stacks at once within one process) would mean
 * nothing here, as each process runs one stack, so the runner takes it. Bounded: each deployment is a cdktf process, a
 * Terraform process and a provider process, and a Genesys Cloud org limits its logins per client.
 */
import { describeProblem } from "../../shared/problems";

export const DEFAULT_PARALLELISM = 4;
export const MOST_PARALLELISM = 32;

/** The options without `--parallelism N` (or `--parallelism=N`, already split), and N; or one message for a bad N. */
export function takeParallelism(
  options: readonly string[],
  command: string,
): { parallelism: number; options: string[] } | { problem: string } {
  const at = options.findIndex((o) => o === "--parallelism");
  if (at < 0) return { parallelism: DEFAULT_PARALLELISM, options: [...options] };
  const given = options[at + 1];
  const rest = [...options.slice(0, at), ...options.slice(at + 2)];
  if (rest.includes("--parallelism")) return { problem: `${command}: --parallelism is given twice; give it once.` };
  const parallelism = given !== undefined && /^[0-9]+$/.test(given) ? Number(given) : NaN;
  if (parallelism >= 1 && parallelism <= MOST_PARALLELISM) return { parallelism, options: rest };
  const allowed = `a whole number from 1 to ${MOST_PARALLELISM}: how many deployments run at once (${DEFAULT_PARALLELISM} unless given)`;
  return { problem: `${command}: --parallelism: ${describeProblem({ path: [], given, allowed })}` };
}
