/** The migration step a plan takes, read from its migration output's change: named, and held when out of order. */
import { migrationOf } from "../../../lib/review/plan-summary/summarize";

const plan = (before: unknown, after: unknown) =>
  ({ format_version: "1.2", output_changes: { migration: { actions: ["update"], before, after } } }) as never;

describe("migrationOf", () => {
  it("step 1 names itself, what agents see and what the Salesforce admin does", () => {
    const m = migrationOf(plan(null, { step: "side-by-side", retire_by: "forget", despite_usage: false }))!;
    expect(m.outOfOrder).toBeUndefined();
    expect(m.lines[0]).toMatch(/^migration step 1 of 3, side by side/);
    expect(m.lines[1]).toMatch(/^for agents: nothing yet/);
    expect(m.lines[2]).toMatch(/^the Salesforce admin: after it is applied: enter the new client's id/);
  });

  it("deactivate despite usage says so plainly", () => {
    const m = migrationOf(plan({ step: "side-by-side" }, { step: "deactivate", despite_usage: true }))!;
    expect(m.lines).toContainEqual(expect.stringMatching(/^written despite usage/));
  });

  it("a skipped step is out of order; going back is not", () => {
    expect(migrationOf(plan(null, { step: "deactivate" }))!.outOfOrder).toMatch(/no migration → deactivate skips a step/);
    expect(migrationOf(plan({ step: "side-by-side" }, { step: "retire" }))!.outOfOrder).toMatch(/skips a step/);
    expect(migrationOf(plan({ step: "deactivate" }, { step: "side-by-side" }))!.outOfOrder).toBeUndefined();
    expect(migrationOf(plan({ step: "retire" }, { step: "retire" }))).toBeUndefined();
  });
});
