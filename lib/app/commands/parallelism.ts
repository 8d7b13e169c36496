/**
 * `--parallelism <n>` of deploy, diff, destroy and output: how many deployments run at once, each in its own cdktf
 * process with its own credentials. cdktf's own option of that name (stacks at once within one process) would mean
 * nothing here, as each process runs one stack, so the runner takes it. Bounded: each deployment is a cdktf process, a
 * Terraform process and a provider process, and a Genesys Cloud org limits its logins per client.
 */
import { Problem } from "../../shared/problems";

export const DEFAULT_PARALLELISM = 4;
export const MOST_PARALLELISM = 32;

/** <n> of `--parallelism <n>` (the default when not given), or the problem with it. */
export function parallelismOf(given: string | undefined): number | Problem {
  if (given === undefined) return DEFAULT_PARALLELISM;
  const parallelism = /^[0-9]+$/.test(given) ? Number(given) : NaN;
  if (parallelism >= 1 && parallelism <= MOST_PARALLELISM) return parallelism;
  const allowed = `a whole number from 1 to ${MOST_PARALLELISM}: how many deployments run at once (${DEFAULT_PARALLELISM} unless given)`;
  return { path: [], place: "--parallelism", given, allowed };
}
