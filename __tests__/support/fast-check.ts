/** fast-check arbitraries that cost less per test file than fast-check's own, with the same values and odds. */
import fc from "fast-check";

const SURROGATES = 0xe000 - 0xd800;

/**
 * One code point of `fc.string({ unit: "binary" })`: any but a lone surrogate, each index drawn as fast-check draws
 * it. fast-check's own maps all 1.1 million code points back to their indexes the first time a test file uses it (to
 * find the strings it likes to try, such as `__proto__`): about a second per file, as jest loads fast-check anew in
 * each. Here that way back is arithmetic.
 */
const binaryUnit = fc.nat({ max: 0x10ffff - SURROGATES }).map(
  (i) => String.fromCodePoint(i < 0xd800 ? i : i + SURROGATES),
  (value) => {
    const code = typeof value === "string" ? value.codePointAt(0) : undefined;
    if (code === undefined || String.fromCodePoint(code) !== value || (code >= 0xd800 && code < 0xe000))
      throw new Error("not one code point");
    return code < 0xd800 ? code : code - SURROGATES;
  },
);

/** `fc.string({ ...constraints, unit: "binary" })`, with no cost per test file. */
export function binaryString(constraints: Omit<fc.StringConstraints, "unit"> = {}): fc.Arbitrary<string> {
  return fc.string({ ...constraints, unit: binaryUnit });
}
