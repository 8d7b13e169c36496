/**
 * The gate holds a plan by a finding's level, as the rules' documentation says: whatever a caution rule finds holds
 * the plan, whatever the change; a warning never does.
 */
import { join } from "path";
import { renderMarkdown } from "../../../lib/review/plan-summary/markdown";
import { readPlan } from "../../../lib/review/plan-summary/plans";
import { summarizePlans } from "../../../lib/review/plan-summary/summarize";
import { verdictOf } from "../../../lib/review/plan-summary/verdict";
import { ReviewRule, RULES } from "../../../lib/review/rules";

const update = readPlan(join(__dirname, "../../fixtures/plans/update.json"));
const flagsUpdates = (level: ReviewRule["level"]): ReviewRule => ({
  id: "SCV-R99",
  level,
  title: "Any update of a client (a rule written for this test)",
  check: ({ kind }) => (kind === "update" ? ["the client is updated"] : []),
});

function verdict(rules: readonly ReviewRule[], allowDestroy = false) {
  const summary = summarizePlans([update], rules);
  const rendered = renderMarkdown(summary, { allowDestroy });
  return { verdict: verdictOf(summary, rendered, allowDestroy), markdown: rendered.markdown };
}

describe("the gate", () => {
  it("lets an in-place update through with the project's rules", () => {
    expect(verdict(RULES).verdict.gate).toBe("clear");
  });

  it("holds an in-place update that a new caution rule finds a risk in, and says why", () => {
    const { verdict: held, markdown } = verdict([...RULES, flagsUpdates("caution")]);
    expect(held.gate).toBe("held");
    expect(held.dangers).toEqual([expect.objectContaining({ kind: "update", cautions: ["SCV-R99: the client is updated"] })]);
    expect(markdown).toContain("> **1 OAuth client change is held by a caution rule.**");
    expect(markdown).toMatch(/is \*\*updated in place\*\*\.\n> {3}- SCV-R99: the client is updated/);
    expect(markdown).not.toContain("new client id");
    expect(verdict([...RULES, flagsUpdates("caution")], true).verdict.gate).toBe("allowed");
  });

  it("does not hold for a new warning rule", () => {
    const { verdict: clear } = verdict([...RULES, flagsUpdates("warning")]);
    expect(clear.gate).toBe("clear");
    expect(clear.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ warning: "SCV-R99: the client is updated" })]));
  });
});
