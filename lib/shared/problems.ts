import { distance } from "fastest-levenshtein";
import { counted, showHiddenCharacters } from "./plain-text";

/** Where in the data: its keys and list indexes from the top, `[]` for the top itself. */
export type Path = readonly (string | number)[];

/**
 * A problem with user input: where it is, what was given, what is allowed.
 * Every check in this project reports problems in this one shape, so that the deployments file,
 * the construct's props and the CLI all print the same kind of message.
 */
export interface Problem {
  /** Where: in the deployments file `["deployments", 0, "salesforce", "myDomain"]`; in the props `["myDomain"]`. */
  readonly path: Path;
  /** A place outside the data, printed instead of the path: `(file)`, `(line 3, column 20)`, `--json`. */
  readonly place?: string;
  /** What was given; `undefined` when the key is missing. */
  readonly given: unknown;
  /** What is allowed, in words. */
  readonly allowed: string;
}

/** A user's mistake: printed as one message, without a stack trace, and the command exits non-zero. */
export class InputError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly Problem[],
  ) {
    super(formatProblems(source, problems));
    this.name = "InputError";
  }
}

const MAX_GIVEN_LENGTH = 80;

/** Renders a given value briefly: JSON for data, "nothing" for a missing key; hidden characters as escapes. */
export function describeGiven(given: unknown): string {
  return showHiddenCharacters(givenText(given));
}

function givenText(given: unknown): string {
  // JSON has no words for these: NaN and Infinity would show as null, and a bigint cannot be written at all.
  if ((typeof given === "number" && !Number.isFinite(given)) || typeof given === "bigint") return String(given);
  if (given === undefined) return "nothing";
  if (given instanceof Description) return given.text;
  if (typeof given === "string") {
    return JSON.stringify(given.length > MAX_GIVEN_LENGTH ? `${given.slice(0, MAX_GIVEN_LENGTH)}…` : given);
  }
  const text = jsonOrString(given);
  return text.length > MAX_GIVEN_LENGTH ? `${text.slice(0, MAX_GIVEN_LENGTH)}…` : text;
}

/** JSON where the value has it; otherwise (a function, a cycle, a bigint inside) what String makes of it. */
function jsonOrString(given: unknown): string {
  try {
    return JSON.stringify(given) ?? String(given);
  } catch {
    return String(given);
  }
}

/** What was given and what is allowed, in the one wording every message uses. */
export function describeProblem(problem: Problem): string {
  return `given ${describeGiven(problem.given)}; allowed: ${problem.allowed}`;
}

export function formatProblems(source: string, problems: readonly Problem[]): string {
  const count = counted(problems.length, "problem");
  const lines = problems.map((p) => `  - ${placeOf(p)}: ${describeProblem(p)}`);
  // Paths, file names and values are the user's text: a bidirectional mark or line break in them is shown, not obeyed.
  return [`${source} has ${count}:`, ...lines].map(showHiddenCharacters).join("\n");
}

/** Where a problem is, as messages print it: its place, or its path (`deployments[0].salesforce.myDomain`). */
export function placeOf(problem: Problem): string {
  return problem.place ?? (formatPath(problem.path) || "(top level)");
}

/** `a.b[0]["odd key"]`: the JSON path form every message uses (a key of digits reads as an index, as it always has). */
export function formatPath(path: Path): string {
  return path.reduce<string>((at, key) => {
    if (typeof key === "number" || /^\d+$/.test(key)) return `${at}[${key}]`;
    if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${at}[${JSON.stringify(key)}]`;
    return at === "" ? key : `${at}.${key}`;
  }, "");
}

/**
 * A given value told in words instead of shown as JSON: what a file is ("a UTF-16 text file"), or a number
 * as the user wrote it ("1e400"), which JavaScript cannot hold.
 */
export class Description {
  constructor(readonly text: string) {}
  toJSON(): string {
    return this.text;
  }
}

/**
 * The known key (or prop) a mistyped one most likely meant: the same but for case, at most two edits away, or
 * (unless `holding` is false) the one known key that holds it whole.
 */
export function nearestKey(key: string, keys: readonly string[], { holding: byHolding = true } = {}): string | undefined {
  const lower = key.toLowerCase();
  const sameButCase = keys.find((k) => k.toLowerCase() === lower);
  if (sameButCase) return sameButCase;
  const scored = keys.map((k) => ({ k, d: distance(lower, k.toLowerCase()) })).filter(({ d }) => d <= Math.min(2, lower.length / 3));
  scored.sort((a, b) => a.d - b.d);
  // Or the one key that holds it whole (scopes: additionalScopes; tokenLifetime: tokenLifetimeSeconds).
  const holding = byHolding && lower.length >= 4 ? keys.filter((k) => k.toLowerCase().includes(lower)) : [];
  return scored[0]?.k ?? (holding.length === 1 ? holding[0] : undefined);
}

/**
 * The one allowed value a mistyped one most likely meant (a region, a grant type, a scope): the same but for case, or
 * the one value closest to it, at most two edits away; none when two are as close (us-east-9: us-east-1 or -2?).
 */
export function nearestValue(given: string, values: readonly string[]): string | undefined {
  const lower = given.toLowerCase();
  const sameButCase = values.find((v) => v.toLowerCase() === lower);
  if (sameButCase !== undefined) return sameButCase;
  const scored = values.map((v) => ({ v, d: distance(lower, v.toLowerCase()) })).filter(({ d }) => d <= Math.min(2, lower.length / 3));
  const best = Math.min(...scored.map(({ d }) => d));
  const nearest = scored.filter(({ d }) => d === best);
  return nearest.length === 1 ? nearest[0].v : undefined;
}

/** `allowed`, and the value most likely meant, when there is one: "... (did you mean "eu-central-1"?)". */
export function withMeant(allowed: string, given: unknown, values: readonly unknown[]): string {
  const meant =
    typeof given === "string"
      ? nearestValue(
          given,
          values.filter((v): v is string => typeof v === "string"),
        )
      : undefined;
  return meant === undefined ? allowed : `${allowed} (did you mean ${JSON.stringify(meant)}?)`;
}
