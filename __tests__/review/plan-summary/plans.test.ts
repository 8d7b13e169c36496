import { mkdirSync, symlinkSync, writeFileSync } from "fs";
import { join } from "path";
import { PLAN_FILE, readPlan, readPlans, stackNameOf } from "../../../lib/review/plan-summary/plans";
import { InputError } from "../../../lib/shared/problems";
import { tempDir } from "../../support/temp-dir";

const fixtures = join(__dirname, "../../fixtures/plans");

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
    const dir = tempDir("plans-");
    mkdirSync(join(dir, "uat"));
    writeFileSync(join(dir, "uat", "plan.json"), JSON.stringify({ format_version: "1.0", planned_values: {} }));
    writeFileSync(join(dir, "production.json"), JSON.stringify({ format_version: "1.2", planned_values: {}, resource_changes: [] }));
    writeFileSync(join(dir, "notes.txt"), "not a plan");
    expect(readPlans([dir]).map((p) => p.stack)).toEqual(["production", "uat"]);
  });

  it("ignores fields it does not read, as the format asks", () => {
    const plan = readPlan(join(fixtures, "create.json")).plan as unknown as Record<string, unknown>;
    expect(plan.terraform_version).toBe("1.11.4");
  });

  it("malformed JSON: the file, the line and column", () => {
    expect(() => readPlan(join(fixtures, "malformed.json"))).toThrow(
      /^.*malformed\.json has 1 problem:\n {2}- \(line 2, column 19\): given .*; allowed: JSON: a key in double quotes here$/,
    );
  });

  it("an unsupported major format version is refused clearly", () => {
    expect(() => readPlan(join(fixtures, "format-2.json"))).toThrow(
      /format-2\.json has 1 problem:\n {2}- format_version: given "2\.0"; allowed: a plan in the JSON format 1\.x, as Terraform 0\.12 and later write it \(terraform show -json PLANFILE\)$/,
    );
  });

  it("an unknown action, with its path", () => {
    expect(() => readPlan(join(fixtures, "bad-action.json"))).toThrow(
      /bad-action\.json has 1 problem:\n {2}- resource_changes\[0\]\.change\.actions\[0\]: given "destroy"; allowed: one of no-op, create, read, update, delete, forget$/,
    );
  });

  describe("what is not a plan is refused, saying what it is and how to make a plan (the gate must never pass on it)", () => {
    const howTo = "allowed: a Terraform plan in JSON: terraform plan -out=tfplan, then terraform show -json tfplan > tfplan.json";
    const refusal = (file: string) => {
      try {
        readPlan(file);
      } catch (e) {
        return (e as Error).message.split("\n")[1];
      }
      throw new Error(`${file} was read as a plan`);
    };
    const written = (name: string, content: string | Buffer) => {
      const file = join(tempDir("plans-"), name);
      writeFileSync(file, content);
      return file;
    };

    it.each([
      [
        "the JSON of a state (terraform show -json)",
        { format_version: "1.0", terraform_version: "1.11.4", values: { root_module: {} } },
        "the JSON of a Terraform state (terraform show -json without a plan file), not of a plan",
      ],
      [
        "an empty state's JSON",
        { format_version: "1.0", terraform_version: "1.11.4" },
        "the JSON of a Terraform state (terraform show -json without a plan file), not of a plan",
      ],
      [
        "a state file",
        { version: 4, terraform_version: "1.11.4", resources: [] },
        "a Terraform state file (terraform.tfstate), not a plan",
      ],
      ["a configuration", { terraform: {}, provider: {}, resource: {} }, "a Terraform configuration (such as cdk.tf.json), not a plan"],
      [
        "any other object",
        { format_version: "1.2", resource_changes: [] },
        "JSON without planned_values, which every plan has: not a Terraform plan",
      ],
    ])("%s", (_, content, what) => {
      expect(refusal(written("production.json", JSON.stringify(content)))).toBe(`  - (file): given ${what}; ${howTo}`);
    });

    it("a binary plan file (a ZIP archive)", () => {
      const file = written("tfplan", Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.alloc(40, 7)]));
      expect(refusal(file)).toBe(`  - (file): given a ZIP archive, such as a binary Terraform plan file; ${howTo}`);
    });

    it("UTF-16, as Windows PowerShell's > writes it", () => {
      const file = written(
        "production.json",
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"format_version":"1.2"}', "utf16le")]),
      );
      expect(refusal(file)).toMatch(/^ {2}- \(file\): given a UTF-16 text file .*: save it as UTF-8; allowed: a Terraform plan in JSON/);
    });

    it("the log of terraform plan -json (JSON lines)", () => {
      const log = [
        '{"@level":"info","@message":"Terraform 1.11.4","type":"version"}',
        '{"@level":"info","@message":"Plan: 1 to add","type":"change_summary"}',
      ];
      expect(refusal(written("production.json", log.join("\n") + "\n"))).toBe(
        `  - (file): given the log of terraform plan -json (one JSON message a line), not a plan; ${howTo}`,
      );
      expect(refusal(written("production.json", log[0]))).toBe(
        `  - (file): given the log of terraform plan -json (one JSON message a line), not a plan; ${howTo}`,
      );
    });

    it("a plan Terraform marked errored: it cannot be applied, so the gate must not pass it", () => {
      const file = written(
        "production.json",
        JSON.stringify({ format_version: "1.2", errored: true, planned_values: {}, resource_changes: [] }),
      );
      expect(refusal(file)).toMatch(/^ {2}- errored: given true; allowed: false: a plan Terraform finished/);
    });

    it("a drift report, given after one --drift-report as if it took several files: said so", () => {
      const report = [{ deployment: "production", clientId: "c", client: "unchanged", attributes: [] }];
      expect(refusal(written("production.json", JSON.stringify(report)))).toBe(
        `  - (file): given a drift report (drift --json), not a plan: each drift report needs its own --drift-report; allowed: ${PLAN_FILE}`,
      );
    });

    it("a list", () => {
      expect(refusal(written("production.json", "[]"))).toBe(
        `  - (top level): given []; allowed: an object: a Terraform plan in JSON: terraform plan -out=tfplan, then terraform show -json tfplan > tfplan.json`,
      );
    });
  });

  it("two files that are plans of the same stack: refused, naming both", () => {
    const dir = tempDir("plans-");
    mkdirSync(join(dir, "production"));
    const plan = JSON.stringify({ format_version: "1.2", planned_values: {} });
    writeFileSync(join(dir, "production.json"), plan);
    writeFileSync(join(dir, "production", "plan.json"), plan);
    expect(() => readPlans([dir])).toThrow(
      `plan-summary: <plan file or folder>: given ${join(dir, "production", "plan.json")} and ${join(dir, "production.json")}, both plans of the stack "production"; allowed: one plan per stack`,
    );
    expect(() => readPlans([join(dir, "production.json"), join(dir, "production.json")])).toThrow(/both plans of the stack "production"/);
  });

  describe("symbolic links", () => {
    const plan = JSON.stringify({ format_version: "1.2", planned_values: {} });

    it("a broken one, and a loop: one message each, no stack trace", () => {
      const dir = tempDir("plans-");
      symlinkSync(join(dir, "gone.json"), join(dir, "broken.json"));
      symlinkSync(join(dir, "b.json"), join(dir, "a.json"));
      symlinkSync(join(dir, "a.json"), join(dir, "b.json"));
      expect(() => readPlans([join(dir, "broken.json")])).toThrow(
        `  - (file): given ${join(dir, "broken.json")}: a broken symbolic link; allowed: an existing plan file or directory`,
      );
      expect(() => readPlans([dir])).toThrow(
        `  - (file): given ${join(dir, "a.json")}: a symbolic link loop; allowed: an existing plan file or directory`,
      );
    });

    it("a folder that links back to itself is read once", () => {
      const dir = tempDir("plans-");
      writeFileSync(join(dir, "production.json"), plan);
      symlinkSync(dir, join(dir, "again"));
      expect(readPlans([dir]).map((p) => p.stack)).toEqual(["production"]);
    });
  });

  it("a missing path, and no plan files at all", () => {
    expect(() => readPlans(["/nonexistent/plan.json"])).toThrow(
      '/nonexistent/plan.json has 1 problem:\n  - (file): given "/nonexistent/plan.json"; allowed: an existing plan file or directory',
    );
    const empty = tempDir("empty-");
    expect(() => readPlans([empty])).toThrow(
      `plan-summary: <plan file or folder>: given ${JSON.stringify(empty)}; allowed: one or more plan files, or folders holding them (*.json); none only with --head-deployments`,
    );
    expect(() => readPlans([])).toThrow(/^plan-summary: <plan file or folder>: given nothing; allowed: /);
  });
});

describe("a plan whose change fields have the wrong shape", () => {
  it.each([
    [
      { replace_paths: [5, "x"] },
      [
        ["resource_changes", 0, "change", "replace_paths", 0],
        ["resource_changes", 0, "change", "replace_paths", 1],
      ],
    ],
    [{ importing: { id: { a: 1 } } }, [["resource_changes", 0, "change", "importing", "id"]]],
  ])("%j is a problem at each path, not a crash", (extra, paths) => {
    const dir = tempDir("plans-shape-");
    const file = join(dir, "production.json");
    const change = { actions: ["update"], before: {}, after: {}, ...extra };
    writeFileSync(
      file,
      JSON.stringify({
        format_version: "1.2",
        planned_values: {},
        resource_changes: [{ address: "a.b", type: "genesyscloud_oauth_client", change }],
      }),
    );
    let error: unknown;
    try {
      readPlan(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems.map((p) => p.path)).toEqual(paths);
  });
  it("a mode (read to pass over data sources) that is no string is a problem at its path, with what is allowed", () => {
    const file = join(tempDir("plans-shape-"), "production.json");
    const resourceChange = { address: "a.b", mode: 1, type: "genesyscloud_oauth_client", change: { actions: ["update"] } };
    writeFileSync(file, JSON.stringify({ format_version: "1.2", planned_values: {}, resource_changes: [resourceChange] }));
    expect(() => readPlan(file)).toThrow(/has 1 problem:\n {2}- resource_changes\[0\]\.mode: given 1; allowed: managed or data$/);
  });
});
