import fc from "fast-check";
import { isPlainText, showHiddenCharacters } from "../../lib/shared/plain-text";

const HIDDEN = ["\u0000", "\t", "\n", "\r", "\u001b", "\u007f", "\u0085", "\u061c", "\u200e", "\u200f", "\u2028", "\u2029", "\u202a", "\u202e", "\u2066", "\u2069"];

describe("isPlainText", () => {
  it.each(HIDDEN)("refuses text holding %j", (c) => {
    expect(isPlainText(`a${c}b`, 10)).toBe(false);
  });

  it("counts characters, not UTF-16 units, against the limit", () => {
    expect(isPlainText("😀".repeat(3), 3)).toBe(true);
    expect(isPlainText("😀".repeat(4), 3)).toBe(false);
  });
});

describe("showHiddenCharacters", () => {
  it("leaves plain text as it is", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }).filter((s) => isPlainText(s, Infinity)), (text) => {
      expect(showHiddenCharacters(text)).toBe(text);
    }));
  });

  it("writes every hidden character as a visible escape, so that the result is plain text", () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(...HIDDEN), fc.string())).map((parts) => parts.join("")), (text) => {
      expect(isPlainText(showHiddenCharacters(text), Infinity)).toBe(true);
    }));
    expect(showHiddenCharacters("a\nb\u202ec\u0000")).toBe("a\\nb\\u202ec\\u0000");
  });
});
