import { mkdtempSync, mkdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readPlan, readPlans, stackNameOf } from "../../lib/plan-summary/plans";

const fixtures = join(__dirname, "../fixtures/plans");

describe("stackNameOf", () => {
  it.each([
    ["plans/production.json", "production"],
    ["plans/production.plan.json", "production"],
    ["plans/production.tfplan.json", "production"],
    ["cdktf.out/stacks/uat/plan.json", "uat"],
    ["cdktf.out/stacks/uat/tfplan.json", "uat"],
  ])("%s belongs to %s", (file, stack) => {
    expect(stackNameOf(file)).toBe(stack);
  });
});

describe("readPlans", () => {
  it("reads files, and directories recursively in name order", () => {
    const dir = mkdtempSync(join(tmpdir(), "plans-"));
    mkdirSync(join(dir, "uat"));
    writeFileSync(join(dir, "uat", "plan.json"), JSON.stringify({ format_version: "1.0" }));
    writeFileSync(join(dir, "production.json"), JSON.stringify({ format_version: "1.2", resource_changes: [] }));
    writeFileSync(join(dir, "notes.txt"), "not a plan");
    expect(readPlans([dir]).map((p) => p.stack)).toEqual(["production", "uat"]);
  });

  it("ignores fields it does not read, as the format asks", () => {
    const plan = readPlan(join(fixtures, "create.json")).plan as unknown as Record<string, unknown>;
    expect(plan.terraform_version).toBe("1.11.4");
  });

  it("malformed JSON: the file, the line and column", () => {
    expect(() => readPlan(join(fixtures, "malformed.json"))).toThrow(
      /^.*malformed\.json has 1 problem:\n  - \(line 2, column 19\): given .*; allowed: JSON \(/,
    );
  });

  it("an unsupported major format version is refused clearly", () => {
    expect(() => readPlan(join(fixtures, "format-2.json"))).toThrow(
      /format-2\.json has 1 problem:\n  - format_version: given "2\.0"; allowed: a plan in the JSON format 1\.x, as Terraform 0\.12 and later write it \(terraform show -json PLANFILE\)$/,
    );
  });

  it("an unknown action, with its path", () => {
    expect(() => readPlan(join(fixtures, "bad-action.json"))).toThrow(
      /bad-action\.json has 1 problem:\n  - resource_changes\[0\]\.change\.actions\[0\]: given "destroy"; allowed: one of no-op, create, read, update, delete, forget$/,
    );
  });

  it("not a plan at all", () => {
    const file = join(mkdtempSync(join(tmpdir(), "plans-")), "state.json");
    writeFileSync(file, JSON.stringify({ version: 4, resources: [] }));
    expect(() => readPlan(file)).toThrow(/state\.json has 1 problem:\n  - format_version: given nothing; allowed: a plan in the JSON format 1\.x/);
  });

  it("a missing path, and no plan files at all", () => {
    expect(() => readPlans(["/nonexistent/plan.json"])).toThrow(
      '/nonexistent/plan.json has 1 problem:\n  - (file): given "/nonexistent/plan.json"; allowed: an existing plan file or directory',
    );
    expect(() => readPlans([mkdtempSync(join(tmpdir(), "empty-"))])).toThrow(
      /^plan-summary has 1 problem:\n  - \(arguments\): given \[.*\]; allowed: one or more plan files, or directories holding them \(\*\.json\)$/,
    );
  });
});
