/**
 * Text a person reads in Genesys Cloud or a state file: no control characters (NUL, tab, newlines, escape) and
 * none of the invisible marks that reorder what is shown (bidirectional overrides and isolates, line and
 * paragraph separators), which can make a name read differently from what it is.
 */
const HIDDEN = /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** The same characters as an RE2 pattern, for Terraform's regex() at plan time. */
export const HIDDEN_CHARACTERS_RE2 = "[\\p{Cc}\\x{061c}\\x{200e}\\x{200f}\\x{2028}\\x{2029}\\x{202a}-\\x{202e}\\x{2066}-\\x{2069}]";

export const PLAIN_TEXT = "without control characters, line breaks or bidirectional marks";

const EVERY_HIDDEN = new RegExp(HIDDEN.source, "gu");
const NAMED_ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** The text with each hidden character written as its escape (\n, \u202e), so that a reader sees it is there. */
export function showHiddenCharacters(text: string): string {
  return text.replace(EVERY_HIDDEN, (c) => NAMED_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function isPlainText(value: unknown, maxLength: number): value is string {
  return typeof value === "string" && [...value].length <= maxLength && !HIDDEN.test(value);
}
