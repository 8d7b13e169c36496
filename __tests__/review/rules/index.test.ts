import { readdirSync } from "fs";
import { join } from "path";
import { RULES } from "../../../lib/review/rules";

describe("the review rules", () => {
  it("are one file each, named after their id, and each has a test file", () => {
    const files = readdirSync(join(__dirname, "../../../lib/review/rules")).filter((f) => /^scv-r\d+-/.test(f));
    expect(files.map((f) => f.split("-").slice(0, 2).join("-").toUpperCase())).toEqual(RULES.map((r) => r.id));
    const tests = readdirSync(__dirname).filter((f) => /^scv-r\d+-.*\.test\.ts$/.test(f));
    expect(tests.map((f) => f.replace(".test.ts", ".ts"))).toEqual(files);
  });

  it("have unique ids", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });
});
