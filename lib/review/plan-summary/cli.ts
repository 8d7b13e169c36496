/**
 * plan-summary [--json <file>] [--allow-destroy] <plan file or folder>... : the pull-request comment for `terraform show -json` plans.
 * Exit codes: 0 summary written; 2 a caution rule holds the plan (the gate: an OAuth client deleted or replaced, ...) and --allow-destroy was
 * not given; 3 the deploy would stop before it applies (what the guard wrote beside the plans, or a deployment of
 * --head-deployments without a plan), whatever the label; 1 unreadable or malformed input, or bad arguments.
 */
import { readFileSync, realpathSync, statSync } from "fs";
import writeFileAtomic from "write-file-atomic";
import { dirname, resolve } from "path";
import { renderMarkdown } from "./markdown";
import { readDriftReports } from "./drift-reports";
import { isVerdictData, PLANS, readReview, StackPlan, Stopped } from "./plans";
import { summarizePlans } from "./summarize";
import { verdictOf } from "./verdict";
import { CommandIo } from "../../shared/command";
import { CommandLineError, declareCommand, OptionDeclarations, ParsedArguments } from "../../shared/command-declaration";
import { fromWhereTheUserStands } from "../../shared/paths";
import { Description, InputError } from "../../shared/problems";
import { typed } from "../../shared/typed-command";

export const EXIT = { ok: 0, input: 1, gate: 2, stopped: 3 } as const;

const PLAN_SUMMARY_OPTIONS = {
  json: { type: "string", value: "file", description: "also write the verdict (gate, counts, every change) to <file>" },
  "allow-destroy": {
    type: "boolean",
    description: "let a deletion or replacement through (the pull request's label allow-oauth-client-replacement)",
  },
  drift: { type: "boolean", description: "the text of a drift report: nothing is applied from it, nobody allows anything" },
  "drift-report": {
    type: "string",
    value: "file",
    repeatable: true,
    description:
      "who changed what outside the code, and when (the drift command's --json output): under the finding each change explains, first with --drift",
  },
  "base-deployments": { type: "string", value: "json", description: "the deployments' names (deployments --json) on the base branch" },
  "head-deployments": {
    type: "string",
    value: "json",
    description: "the same in the pull request: the comment names each deployment that has no plan; then no plan at all is a summary too",
  },
} satisfies OptionDeclarations;

export const planSummaryCommand = declareCommand({
  name: "plan-summary",
  summary: "the pull-request comment for terraform show -json plans, and the gate",
  arguments: PLANS,
  description: `The pull-request comment for terraform show -json plans, and its gate. With --base-deployments and
--head-deployments (both or neither), the comment says which deployments left the file.
A <deployment>.note.json beside the plans holding { "stack", "stops": [...] } (guard --note) is what would stop that
deployment's deploy: the comment says it first, and the gate fails.`,
  options: PLAN_SUMMARY_OPTIONS,
  epilogue: `Exit codes: 0 summary written; 2 the gate holds the plan; 3 the deploy would stop (no label lets it through);
1 unreadable input or bad arguments.`,
  run: (parsed, env, io) => planSummary(parsed, env, io),
});

function planSummary(
  { values, positionals }: ParsedArguments<typeof PLAN_SUMMARY_OPTIONS>,
  env: NodeJS.ProcessEnv,
  output: CommandIo,
): number {
  try {
    // Relative paths mean relative to where the user ran npm.
    const json = values.json === undefined ? undefined : fromWhereTheUserStands(values.json, env);
    const head = values["head-deployments"];
    const driftReports = readDriftReports((values["drift-report"] ?? []).map((path) => fromWhereTheUserStands(path, env)));
    const { plans, stopped } = readReview(
      positionals.map((path) => fromWhereTheUserStands(path, env)),
      { skip: json, allowNone: head !== undefined && !values.drift },
    );
    if (json !== undefined)
      checkJsonTarget(
        json,
        plans.map((p) => p.file),
      );
    const removedDeployments = leftTheFile(values["base-deployments"], head);
    const summary = { ...summarizePlans(plans), stopped: withoutPlans(stopped, plans, head === undefined ? [] : JSON.parse(head)) };
    const allowDestroy = values["allow-destroy"] ?? false;
    const rendered = renderMarkdown(summary, { allowDestroy, mode: values.drift ? "drift" : "review", removedDeployments, driftReports });
    const verdict = verdictOf(summary, rendered, allowDestroy);
    if (json !== undefined) writeAtomically(json, `${JSON.stringify(verdict, null, 2)}\n`);
    output.out(rendered.markdown);
    return verdict.gate === "stopped" ? EXIT.stopped : verdict.gate === "held" ? EXIT.gate : EXIT.ok;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    output.err(`${e.message}\n`);
    return EXIT.input;
  }
}

/**
 * What stops each deployment: the guard's reasons, and for a deployment of the pull request without a plan (and
 * without a reason of the guard's), that its plan job made none. In the order of the head list, then the rest.
 */
function withoutPlans(stopped: readonly Stopped[], plans: readonly StackPlan[], head: readonly string[]): Stopped[] {
  const planned = new Set(plans.map((p) => p.stack));
  const missing = head
    .filter((name) => !planned.has(name) && !stopped.some((s) => s.stack === name))
    .map((stack) => ({
      stack,
      reasons: [`its plan job made no plan (it failed before it wrote one: its log says why), so nothing of it was reviewed.`],
    }));
  const order = (name: string) => (head.includes(name) ? head.indexOf(name) : head.length);
  return [...stopped, ...missing].sort((a, b) => order(a.stack) - order(b.stack));
}

/** The names in the base branch's list and not in the pull request's; both lists or neither, each a JSON array of names. */
function leftTheFile(base: string | undefined, head: string | undefined): string[] {
  if (base === undefined && head === undefined) return [];
  const other = (place: string) => (place === "--head-deployments" ? "--base-deployments" : "--head-deployments");
  const names = (place: string, text: string | undefined): string[] => {
    let parsed: unknown;
    try {
      parsed = text === undefined ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (!Array.isArray(parsed) || !parsed.every((n) => typeof n === "string"))
      throw new CommandLineError("plan-summary", [
        {
          path: [],
          place,
          // Missing: the other was given without it, which is what to say (nothing was typed for it to show).
          given: text === undefined ? new Description(`${other(place)} without ${place}`) : new Description(JSON.stringify(text)),
          allowed: `a JSON array of deployment names, as ${typed("deployments", "--json")} prints it, with ${other(place)}: both or neither`,
        },
      ]);
    return parsed;
  };
  const after = new Set(names("--head-deployments", head));
  return names("--base-deployments", base).filter((name) => !after.has(name));
}

const ALLOWED_JSON_TARGET = "a file to write the verdict to, in an existing folder, other than the plans read";

/** The --json file: checked before anything is written, so that it never replaces a plan or meets a folder. */
function checkJsonTarget(file: string, planFiles: readonly string[]): void {
  const refuse = (why: string) => {
    throw jsonTargetError(file, why);
  };
  if (file.trim() === "") refuse("an empty path");
  const target = statSync(file, { throwIfNoEntry: false });
  if (target?.isDirectory()) refuse("a folder");
  if (target && !target.isFile()) refuse("a FIFO, device or socket, not a regular file");
  const real = target && realpathSync(file);
  if (real && planFiles.some((plan) => realpathSync(plan) === real)) refuse("one of the plans read");
  if (target && target.size > 0 && !isVerdict(file)) refuse("a file that is not an earlier verdict, which this would overwrite");
  if (!statSync(dirname(resolve(file)), { throwIfNoEntry: false })?.isDirectory()) refuse("its folder does not exist");
}

/** An earlier run's --json output: the only existing file --json replaces (a plan given as its value never is). */
function isVerdict(file: string): boolean {
  try {
    return isVerdictData(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return false;
  }
}

/** Written through a temporary file beside the target (write-file-atomic): a failure leaves the old file or none, never half. */
function writeAtomically(file: string, text: string): void {
  try {
    writeFileAtomic.sync(file, text);
  } catch (e) {
    throw jsonTargetError(file, (e as Error).message);
  }
}

function jsonTargetError(file: string, why: string): InputError {
  return new CommandLineError("plan-summary", [
    { path: [], place: "--json", given: new Description(`${JSON.stringify(file)}: ${why}`), allowed: ALLOWED_JSON_TARGET },
  ]);
}
