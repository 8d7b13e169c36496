/**
 * Text a person reads in Genesys Cloud or a state file: no control characters (NUL, tab, newlines, escape), no
 * format characters (Unicode category Cf: bidirectional overrides and isolates, zero-width space and joiners, word
 * joiner, soft hyphen, byte order mark, tag characters) and nothing else of Unicode's default-ignorable set (Hangul
 * fillers, variation selectors, ...), nor line and paragraph separators: all of them are invisible, or reorder what is
 * shown, so that a name can read differently from what it is.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2028\u2029]/u;

/**
 * The same characters as an RE2 pattern, for Terraform's regex() at plan time. RE2 knows Cc and Cf but not the
 * default-ignorable property: its code points beyond Cf are listed (Unicode 15.1 DerivedCoreProperties.txt); a test
 * holds the two patterns to the same set over every code point.
 */
export const HIDDEN_CHARACTERS_RE2 =
  "[\\p{Cc}\\p{Cf}\\x{2028}\\x{2029}\\x{034f}\\x{115f}\\x{1160}\\x{17b4}\\x{17b5}\\x{180b}-\\x{180f}\\x{2065}\\x{3164}" +
  "\\x{fe00}-\\x{fe0f}\\x{ffa0}\\x{fff0}-\\x{fff8}\\x{1bca0}-\\x{1bca3}\\x{1d173}-\\x{1d17a}\\x{e0000}-\\x{e0fff}]";

/**
 * Lengths of the App Name and description. Genesys documents none for OAuth clients; these are ours, long
 * enough for the default name on the longest Lightning host and for any sentence an admin writes.
 */
export const TEXT_LIMITS = { name: 200, description: 1000 } as const;

export const PLAIN_TEXT = "without control characters, line breaks, bidirectional marks or invisible characters";

const EVERY_HIDDEN = new RegExp(HIDDEN.source, "gu");
const NAMED_ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** The text with each hidden character written as its escape (\n, \u202e, \u{e0041}), so that a reader sees it is there. */
export function showHiddenCharacters(text: string): string {
  return text.replace(EVERY_HIDDEN, (c) => {
    const code = c.codePointAt(0) as number;
    return NAMED_ESCAPES[c] ?? (code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`);
  });
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isPlainText(value: unknown, maxLength: number): value is string {
  // A lone surrogate is no character at all: Terraform and Genesys would store U+FFFD in its place.
  return typeof value === "string" && !LONE_SURROGATE.test(value) && [...value].length <= maxLength && !HIDDEN.test(value);
}

/** A count and its noun, in the singular for one: "1 error", "0 errors", "2 errors". */
export function counted(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`;
}
