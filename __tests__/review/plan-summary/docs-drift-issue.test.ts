/**
 * docs/pipeline.md's example of a drift issue is what plan-summary renders (the drift plan fixture as deployment
 * production, with the drift command's report on it), never hand-written: this test holds the page to the code.
 * After a change of the rendering, regenerate the block: UPDATE_DOCS_EXAMPLES=1 npx jest --selectProjects unit
 * --runTestsByPath __tests__/review/plan-summary/docs-drift-issue.test.ts
 */
import { copyFileSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { tempDir } from "../../support/temp-dir";
import { run } from "../../support/plan-summary-run";

const page = join(__dirname, "../../../docs/pipeline.md");
const START = "<!-- drift-issue-example: rendered by plan-summary, held by __tests__/review/plan-summary/docs-drift-issue.test.ts -->";
const END = "<!-- /drift-issue-example -->";

it("docs/pipeline.md's drift issue is plan-summary --drift --drift-report's own output on the fixtures", () => {
  const plan = join(tempDir("docs-drift-"), "production.json");
  copyFileSync(join(__dirname, "../../fixtures/plans/drift.json"), plan);
  const { code, out } = run(["--drift", plan, "--drift-report", join(__dirname, "../../fixtures/drift-reports/production.json")]);
  expect(code).toBe(0);
  // A fence longer than any run of backticks in the issue.
  const block = `${START}\n\n\`\`\`\`markdown\n${out}\`\`\`\`\n\n${END}`;
  const text = readFileSync(page, "utf8");
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  expect([start, end > start]).toEqual([expect.any(Number), true]);
  expect(start).toBeGreaterThanOrEqual(0);
  const updated = text.slice(0, start) + block + text.slice(end + END.length);
  if (process.env.UPDATE_DOCS_EXAMPLES === "1") writeFileSync(page, updated);
  expect(readFileSync(page, "utf8")).toBe(updated);
});
