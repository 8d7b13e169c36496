import fc from "fast-check";
import { counted, HIDDEN_CHARACTERS_RE2, isPlainText, showHiddenCharacters } from "../../lib/shared/plain-text";

const HIDDEN = [
  "\u0000",
  "\t",
  "\n",
  "\r",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u061c",
  "\u200e",
  "\u200f",
  "\u2028",
  "\u2029",
  "\u202a",
  "\u202e",
  "\u2066",
  "\u2069",
];
/** Invisible and format characters: zero-width space, non-joiner and joiner, word joiner, soft hyphen, BOM, Hangul fillers, a tag character, a variation selector. */
const INVISIBLE = [
  "\u200b",
  "\u200c",
  "\u200d",
  "\u2060",
  "\u00ad",
  "\ufeff",
  "\u3164",
  "\uffa0",
  "\u115f",
  "\u{e0041}",
  "\ufe0f",
  "\u0600",
];

describe("counted: a count and its noun, singular for one", () => {
  it.each([
    [0, "error", "0 errors"],
    [1, "error", "1 error"],
    [2, "error", "2 errors"],
    [1, "change", "1 change"],
  ])("%d %s: %s", (count, noun, text) => {
    expect(counted(count, noun)).toBe(text);
  });
});

describe("isPlainText", () => {
  it.each([...HIDDEN, ...INVISIBLE])("refuses text holding %j", (c) => {
    expect(isPlainText(`a${c}b`, 10)).toBe(false);
  });

  it("accepts letters, marks and symbols people see: accents, CJK, emoji, a no-break space", () => {
    expect(isPlainText("Café Ångström 東京 😀 a\u00a0b", 100)).toBe(true);
  });

  it.each(["a\ud800b", "a\udc00", "\ud83d"])("refuses a lone surrogate (%j): no character, stored as U+FFFD", (text) => {
    expect(isPlainText(text, 10)).toBe(false);
  });

  it("counts characters, not UTF-16 units, against the limit", () => {
    expect(isPlainText("😀".repeat(3), 3)).toBe(true);
    expect(isPlainText("😀".repeat(4), 3)).toBe(false);
  });
});

describe("showHiddenCharacters", () => {
  it("leaves plain text as it is", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme" }).filter((s) => isPlainText(s, Infinity)),
        (text) => {
          expect(showHiddenCharacters(text)).toBe(text);
        },
      ),
    );
  });

  it("writes every hidden character as a visible escape, so that the result is plain text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...HIDDEN), fc.string())).map((parts) => parts.join("")),
        (text) => {
          expect(isPlainText(showHiddenCharacters(text), Infinity)).toBe(true);
        },
      ),
    );
    expect(showHiddenCharacters("a\nb\u202ec\u0000")).toBe("a\\nb\\u202ec\\u0000");
    expect(showHiddenCharacters("x\u200by\u{e0041}z")).toBe("x\\u200by\\u{e0041}z");
  });
});

describe("HIDDEN_CHARACTERS_RE2, Terraform's copy of the set", () => {
  it("holds exactly the code points isPlainText refuses, over all of Unicode", () => {
    // RE2's \x{...} is JavaScript's \u{...}; the classes \p{Cc} and \p{Cf} mean the same in both.
    const re2 = new RegExp(HIDDEN_CHARACTERS_RE2.replace(/\\x\{([0-9a-f]+)\}/g, "\\u{$1}"), "u");
    const differ: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const c = String.fromCodePoint(code);
      if (re2.test(c) === isPlainText(c, 1)) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });
});
