/**
 * What stops a deploy, as data: the guard (`guard`, `adopt --guard`, the runner's check before diff and deploy) finds
 * it, and each place renders it once, in its own form: the log of the stopped run (stopInLog: the deployment's name
 * first, and what the stop left undone) or the note beside a pull request's plan (stopInNote: plan-summary lists it under
 * the deployment's name, and the plan beside it did run, so nothing is said undone). No form is made by editing another.
 */
import { showHiddenCharacters } from "../../shared/plain-text";

export interface DeployStop {
  readonly deployment: string;
  /** Why, in one line; without the deployment's name, unless `named` (an API's message names it in its own way). */
  readonly reason: string;
  readonly named?: boolean;
  /** What the stopped run did not do, said after the reason in its log: "Nothing was run." */
  readonly undone?: string;
  /** The lines under the reason: the clients found (`listed`), the ways forward. */
  readonly details?: readonly { readonly text: string; readonly listed?: boolean }[];
  /** What the stop leaves unknown, said last: "(whether … cannot be told: nothing was run)" in the log. */
  readonly unknown?: string;
}

/** The stop in the log of the run it stopped (`stopped: false`: said beside what the command did, as `output` does). */
export function stopInLog(stop: DeployStop, { stopped = true }: { stopped?: boolean } = {}): string {
  const first = `${stop.named ? "" : `${stop.deployment}: `}${stop.reason}${stopped && stop.undone ? ` ${stop.undone}` : ""}`;
  const under = [
    ...(stop.details ?? []).map((d) => `${d.listed ? "- " : ""}${d.text}`),
    ...(stop.unknown ? [`(${stop.unknown} cannot be told${stopped ? ": nothing was run" : ""})`] : []),
  ];
  // A reason of several lines (an engine's answer) keeps them; hidden characters are shown line by line.
  return [...first.split("\n"), ...under.map((line) => `  ${line}`)].map(showHiddenCharacters).join("\n");
}

/**
 * The stop in the note beside a plan (`guard --note`, `adopt --guard --note`): its reason on the first line, without the
 * deployment's name (the comment puts it first), then one line each for what goes under it; nothing said undone.
 */
export function stopInNote(stop: DeployStop): string {
  return [
    ...stop.reason.split("\n"),
    ...(stop.details ?? []).map((d) => d.text),
    ...(stop.unknown ? [`(${stop.unknown} cannot be told)`] : []),
  ]
    .map(showHiddenCharacters)
    .join("\n");
}
