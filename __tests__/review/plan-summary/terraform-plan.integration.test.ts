/**
 * plan-summary on plans that Terraform itself wrote (`terraform show -json`), where terraform is on PATH. The plans
 * use Terraform's built-in terraform_data resource, so they need no provider and no network.
 */
import { spawnSync } from "child_process";
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { readPlan } from "../../../lib/review/plan-summary/plans";
import { summarizePlans } from "../../../lib/review/plan-summary/summarize";
import { tempDir } from "../../support/temp-dir";

const hasTerraform = spawnSync("terraform", ["version"], { stdio: "ignore" }).status === 0;
if (!hasTerraform) console.warn("terraform is not on PATH: plan-summary is tested on hand-written plans only");

const env = { ...process.env, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };

function terraform(dir: string, ...args: string[]) {
  const result = spawnSync("terraform", args, { cwd: dir, env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`terraform ${args.join(" ")} failed:\n${result.stderr}`);
  return result.stdout;
}

/** Plans the configuration in `dir/production`, writes `plan.json` beside it, and reads it back. */
function plan(dir: string, config: string) {
  writeFileSync(join(dir, "main.tf"), config);
  terraform(dir, "plan", "-input=false", "-out=tfplan");
  writeFileSync(join(dir, "plan.json"), terraform(dir, "show", "-json", "tfplan"));
  return readPlan(join(dir, "plan.json"));
}

(hasTerraform ? describe : describe.skip)("plan-summary on Terraform's own plans", () => {
  const dir = join(tempDir("terraform-plan-"), "production");
  mkdirSync(dir);
  const config = (trigger: string) => `
resource "terraform_data" "client" {
  input            = { name = "Salesforce Service Cloud Voice", secret = sensitive("s3cr3t-value") }
  triggers_replace = ["${trigger}"]
}
`;

  it("reads a create plan: the stack from its folder, counts, sensitive values masked", () => {
    writeFileSync(join(dir, "main.tf"), config("a"));
    terraform(dir, "init", "-input=false");
    const stack = summarizePlans([plan(dir, config("a"))]).stacks[0];
    expect(stack.stack).toBe("production");
    expect(stack.counts.create).toBe(1);
    expect(stack.changes[0].details).toEqual(["input: (sensitive)", 'triggers_replace: ["a"]']);
    expect(JSON.stringify(stack)).not.toContain("s3cr3t-value");
  });

  it("reads a replace plan with its reason", () => {
    terraform(dir, "apply", "-input=false", "-auto-approve");
    const stack = summarizePlans([plan(dir, config("b"))]).stacks[0];
    expect(stack.counts.replace).toBe(1);
    expect(stack.changes[0].kind).toBe("replace");
    expect(stack.changes[0].reasons).toContain("triggers_replace forces replacement");
  });
});
