import { showHiddenCharacters } from "./plain-text";

/**
 * A problem with user input: where it is, what was given, what is allowed.
 * Every check in this project reports problems in this one shape, so that the deployments file,
 * the construct's props and the CLI all print the same kind of message.
 */
export interface Problem {
  /** Where: a JSON path into the deployments file (`deployments[0].salesforce.myDomain`) or a prop name. */
  readonly path: string;
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
  if (given === undefined) return "nothing";
  if (given instanceof Description) return given.text;
  if (typeof given === "string") {
    return JSON.stringify(given.length > MAX_GIVEN_LENGTH ? `${given.slice(0, MAX_GIVEN_LENGTH)}…` : given);
  }
  const text = JSON.stringify(given) ?? String(given);
  return text.length > MAX_GIVEN_LENGTH ? `${text.slice(0, MAX_GIVEN_LENGTH)}…` : text;
}

export function formatProblems(source: string, problems: readonly Problem[]): string {
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  const lines = problems.map(
    (p) => `  - ${p.path || "(top level)"}: given ${describeGiven(p.given)}; allowed: ${p.allowed}`,
  );
  // Paths, file names and values are the user's text: a bidirectional mark or line break in them is shown, not obeyed.
  return [`${source} has ${count}:`, ...lines].map(showHiddenCharacters).join("\n");
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
