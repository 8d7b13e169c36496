/**
 * Text a person reads in Genesys Cloud or a state file: no control characters (NUL, tab, newlines, escape) and
 * none of the invisible marks that reorder what is shown (bidirectional overrides and isolates, line and
 * paragraph separators), which can make a name read differently from what it is.
 */
const HIDDEN = /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** The same characters as an RE2 pattern, for Terraform's regex() at plan time. */
export const HIDDEN_CHARACTERS_RE2 = "[\\p{Cc}\\x{061c}\\x{200e}\\x{200f}\\x{2028}\\x{2029}\\x{202a}-\\x{202e}\\x{2066}-\\x{2069}]";

export const PLAIN_TEXT = "without control characters, line breaks or bidirectional marks";

export function isPlainText(value: unknown, maxLength: number): value is string {
  return typeof value === "string" && [...value].length <= maxLength && !HIDDEN.test(value);
}
