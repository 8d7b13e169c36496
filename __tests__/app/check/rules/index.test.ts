import { readdirSync } from "fs";
import { join } from "path";
import { CHECK_RULES, runCheckRules } from "../../../../lib/app/check/rules";
import { RULES } from "../../../../lib/review/rules";
import { deployment, input } from "./fixture";

describe("check's rules", () => {
  it("are one file each, named after their id, and each has a test file", () => {
    const files = readdirSync(join(__dirname, "../../../../lib/app/check/rules")).filter((f) => /^scv-c\d+-/.test(f));
    expect(files.map((f) => f.split("-").slice(0, 2).join("-").toUpperCase())).toEqual(CHECK_RULES.map((r) => r.id));
    const tests = readdirSync(__dirname).filter((f) => /^scv-c\d+-.*\.test\.ts$/.test(f));
    expect(tests.map((f) => f.replace(".test.ts", ".ts"))).toEqual(files);
  });

  it("have unique ids, SCV-C<n> in order, none shared with a review rule", () => {
    expect(CHECK_RULES.map((r) => r.id)).toEqual(CHECK_RULES.map((_, i) => `SCV-C${i + 1}`));
    const reviewIds = new Set(RULES.map((r) => r.id));
    expect(CHECK_RULES.filter((r) => reviewIds.has(r.id))).toEqual([]);
  });

  it("find, in rule order, each finding with its rule's id and level", () => {
    const findings = runCheckRules(
      input([deployment("acme", { allowSecondClient: true, genesysCloud: { region: "us-east-1" } })], { inGitHubActions: true }),
    );
    expect(findings.map((f) => [f.rule, f.level])).toEqual([
      ["SCV-C2", "warning"],
      ["SCV-C4", "warning"],
    ]);
  });

  it("find nothing in deployments that comply with every rule", () => {
    expect(runCheckRules(input([deployment("acme"), deployment("globex")], { inGitHubActions: true }))).toEqual([]);
  });
});
