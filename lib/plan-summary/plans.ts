/**
 * Reads `terraform show -json PLANFILE` documents: one per stack, given as files or found in directories.
 * Follows the documented plan format 1.x (developer.hashicorp.com/terraform/internals/json-format): checks the
 * fields this summary reads and ignores the rest, as the format asks.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { basename, dirname, join, resolve } from "path";
import { parseJson, schemaChecker } from "../json-input";
import { InputError } from "../problems";

export type PlanAction = "no-op" | "create" | "read" | "update" | "delete" | "forget";

export interface PlanChange {
  readonly actions: PlanAction[];
  readonly before?: unknown;
  readonly after?: unknown;
  readonly after_unknown?: unknown;
  readonly before_sensitive?: unknown;
  readonly after_sensitive?: unknown;
  readonly replace_paths?: unknown[][];
  readonly importing?: { readonly id?: string };
}

export interface ResourceChange {
  readonly address: string;
  readonly previous_address?: string;
  readonly mode?: string;
  readonly type: string;
  readonly name?: string;
  readonly action_reason?: string;
  readonly change: PlanChange;
}

export interface Plan {
  readonly format_version: string;
  readonly resource_changes?: ResourceChange[];
  readonly resource_drift?: ResourceChange[];
}

/** A plan and the stack it belongs to. */
export interface StackPlan {
  readonly stack: string;
  readonly file: string;
  readonly plan: Plan;
}

const resourceChange = {
  type: "object",
  description: "a resource change: address, type and change.actions",
  required: ["address", "type", "change"],
  properties: {
    address: { type: "string", description: "the resource address" },
    type: { type: "string", description: "the resource type" },
    change: {
      type: "object",
      description: "the change: actions, before, after",
      required: ["actions"],
      properties: {
        actions: {
          type: "array",
          description: "a list of Terraform plan actions",
          items: {
            enum: ["no-op", "create", "read", "update", "delete", "forget"],
            description: "one of no-op, create, read, update, delete, forget",
          },
        },
      },
    },
  },
};

const checkPlan = schemaChecker({
  type: "object",
  description: "a Terraform plan in JSON (terraform show -json PLANFILE)",
  required: ["format_version"],
  properties: {
    format_version: {
      type: "string",
      pattern: "^1\\.",
      description: "a plan in the JSON format 1.x, as Terraform 0.12 and later write it (terraform show -json PLANFILE)",
    },
    resource_changes: { type: "array", description: "a list of resource changes", items: resourceChange },
    resource_drift: { type: "array", description: "a list of resource changes", items: resourceChange },
  },
});

/** Reads every plan named, directories searched for `.json` files; throws one InputError per bad file. */
export function readPlans(paths: readonly string[]): StackPlan[] {
  const files = paths.flatMap(planFilesAt);
  if (files.length === 0) {
    throw new InputError("plan-summary", [
      { path: "(arguments)", given: paths, allowed: "one or more plan files, or directories holding them (*.json)" },
    ]);
  }
  return files.map(readPlan);
}

function planFilesAt(path: string): string[] {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new InputError(path, [{ path: "(file)", given: path, allowed: "an existing plan file or directory" }]);
  }
  if (!isDirectory) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((entry) => {
      const full = join(path, entry);
      return statSync(full).isDirectory() ? planFilesAt(full) : entry.endsWith(".json") ? [full] : [];
    });
}

export function readPlan(file: string): StackPlan {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new InputError(file, [{ path: "(file)", given: file, allowed: `a readable plan file (${(e as Error).message})` }]);
  }
  const plan = parseJson(text, file);
  const problems = checkPlan(plan);
  if (problems.length > 0) throw new InputError(file, problems);
  return { stack: stackNameOf(file), file, plan: plan as Plan };
}

/**
 * The stack a plan file belongs to: `production.json`, `production.plan.json` and `production/plan.json`
 * (or `tfplan.json`, as a pipeline writes it beside the stack's cdk.tf.json) all belong to `production`.
 */
export function stackNameOf(file: string): string {
  const name = basename(file).replace(/\.json$/, "");
  if (["plan", "tfplan"].includes(name)) return basename(dirname(resolve(file)));
  return name.replace(/\.(tf)?plan$/, "");
}
