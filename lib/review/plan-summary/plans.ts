/**
 * Reads `terraform show -json PLANFILE` documents: one per stack, given as files or found in directories.
 * Follows the documented plan format 1.x (developer.hashicorp.com/terraform/internals/json-format): checks the
 * fields this summary reads and ignores the rest, as the format asks.
 */
import { Static, Type } from "@sinclair/typebox";
import { lstatSync, readdirSync, realpathSync, Stats, statSync } from "fs";
import { basename, dirname, join, resolve } from "path";
import { isJsonObject, parseJson, readTextFile, schemaChecker } from "../../shared/json-input";
import { ArgumentsDeclaration, CommandLineError, givenArguments, placeholder } from "../../shared/command-declaration";
import { Description, InputError } from "../../shared/problems";

/** A plan and the stack it belongs to. */
export interface StackPlan {
  readonly stack: string;
  readonly file: string;
  readonly plan: Plan;
  /** What the pipeline found beside the plan (a `<stack>.note.json`), for the reviewer. */
  readonly notes?: string[];
}

/**
 * A note the pipeline writes beside a plan (`<stack>.note.json`: `{ "stack", "note" }`), such as `adopt
 * --guard`'s finding that the org already has a client for this Salesforce org, shown under the warnings; or, from
 * `guard --note`, what would stop the deploy (`{ "stack", "stops": [...] }`), which fails the gate.
 */
export const NOTE_SUFFIX = ".note.json";

const PLAN_ACTIONS = ["no-op", "create", "read", "update", "delete", "forget"] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** plan-summary's arguments: plans, and folders of them; none at all only with --head-deployments (every plan job stopped). */
export const PLANS: ArgumentsDeclaration = {
  name: "plan file or folder",
  min: 0,
  allowed: "one or more plan files, or folders holding them (*.json); none only with --head-deployments",
};

/** What a plan file must be, and how to make one. */
export const PLAN_FILE = "a Terraform plan in JSON: terraform plan -out=tfplan, then terraform show -json tfplan > tfplan.json";

/** A value the summary reads as Terraform wrote it (and masks where the plan marks it sensitive): not checked. */
const asWritten = Type.Optional(Type.Unknown());

// The plan's shape, declared once: the fields this summary reads, checked (a problem's allowed is the description),
// and their types derived from it.
const planChangeSchema = Type.Object(
  {
    actions: Type.Array(Type.Unsafe<PlanAction>({ enum: PLAN_ACTIONS, description: `one of ${PLAN_ACTIONS.join(", ")}` }), {
      description: "a list of Terraform plan actions",
    }),
    before: asWritten,
    after: asWritten,
    after_unknown: asWritten,
    before_sensitive: asWritten,
    after_sensitive: asWritten,
    replace_paths: Type.Optional(
      Type.Array(
        Type.Array(Type.Union([Type.String(), Type.Number()], { description: "an attribute name or an index" }), {
          description: "an attribute path: names and indexes",
        }),
        { description: "a list of attribute paths, each a list of attribute names and indexes" },
      ),
    ),
    importing: Type.Optional(
      Type.Object(
        { id: Type.Optional(Type.String({ description: "the id of what is imported" })) },
        { description: "the import: the id of what is imported" },
      ),
    ),
  },
  { description: "the change: actions, before, after" },
);

const resourceChangeSchema = Type.Object(
  {
    address: Type.String({ description: "the resource address" }),
    mode: Type.Optional(Type.String({ description: "managed or data" })),
    type: Type.String({ description: "the resource type" }),
    change: planChangeSchema,
    action_reason: Type.Optional(Type.String({ description: "Terraform's reason for the action, such as replace_because_tainted" })),
  },
  { description: "a resource change: address, type and change.actions" },
);

const planSchema = Type.Object(
  {
    format_version: Type.String({
      pattern: "^1\\.",
      description: "a plan in the JSON format 1.x, as Terraform 0.12 and later write it (terraform show -json PLANFILE)",
    }),
    resource_changes: Type.Optional(Type.Array(resourceChangeSchema, { description: "a list of resource changes" })),
    resource_drift: Type.Optional(Type.Array(resourceChangeSchema, { description: "a list of resource changes" })),
    // Read for the migration output alone (summarize.ts), defensively: an output's shape is the stack's.
    output_changes: asWritten,
  },
  { description: PLAN_FILE },
);

export type PlanChange = Static<typeof planChangeSchema>;
export type ResourceChange = Static<typeof resourceChangeSchema>;
export type Plan = Static<typeof planSchema>;

const checkPlan = schemaChecker("plan", planSchema);

/**
 * Reads every plan named, directories searched for `.json` files (symbolic links followed, each folder once);
 * throws one InputError per bad file, and one when two files are plans of the same stack.
 */
export function readPlans(paths: readonly string[], options: { skip?: string } = {}): StackPlan[] {
  return readReview(paths, options).plans;
}

/** What stops a deploy of a stack, as the pipeline's guard wrote it beside the plans (`{ "stack", "stops": [...] }`). */
export interface Stopped {
  readonly stack: string;
  readonly reasons: string[];
}

/**
 * The plans, as readPlans reads them, and what the pipeline's guard found would stop a deploy (`<stack>.note.json`
 * holding `{ "stack", "stops": [<reason>, ...] }`, which may sit where no plan is: the guard stopped the job before it
 * planned). `allowNone`: no plan at all is an answer (every deployment's plan job stopped, or the file has none).
 */
export function readReview(
  paths: readonly string[],
  { skip, allowNone = false }: { skip?: string; allowNone?: boolean } = {},
): { plans: StackPlan[]; stopped: Stopped[] } {
  const visited = new Set<string>();
  // `skip`: the verdict file (--json), which a folder of plans may hold from an earlier run.
  const skipped = skip === undefined ? undefined : resolve(skip);
  const found = paths.flatMap((path) => planFilesAt(path, visited)).filter((file) => resolve(file) !== skipped || paths.includes(file));
  const noteFiles = found.filter((file) => file.endsWith(NOTE_SUFFIX));
  const files = found.filter((file) => !file.endsWith(NOTE_SUFFIX));
  const none = () =>
    new CommandLineError("plan-summary", [
      { path: [], place: placeholder(PLANS.name), given: givenArguments(paths), allowed: PLANS.allowed },
    ]);
  if (files.length === 0 && !allowNone) throw none();
  // A verdict found in a folder (an earlier run's --json, under any name) is no plan, and is passed over; one named
  // on the command line is refused as what it is.
  const plans = files.flatMap((file) => {
    const plan = readPlan(file, { verdict: paths.includes(file) ? "refuse" : "skip" });
    return plan ? [plan] : [];
  });
  if (plans.length === 0 && !allowNone) throw none();
  const stopped: Stopped[] = [];
  for (const file of noteFiles) {
    const note = parseJson(readTextFile(file, NOTE_FILE), file);
    if (isJsonObject(note) && typeof note.stack === "string" && note.note === undefined && Array.isArray(note.stops)) {
      if (!note.stops.every((r): r is string => typeof r === "string" && r.trim() !== "")) {
        throw new InputError(file, [{ path: ["stops"], given: new Description("a list that is not of texts"), allowed: NOTE_FILE }]);
      }
      stopped.push({ stack: note.stack, reasons: note.stops });
      continue;
    }
    if (!isJsonObject(note) || typeof note.stack !== "string" || typeof note.note !== "string") {
      throw new InputError(file, [{ path: [], place: "(file)", given: new Description("JSON that is not a note"), allowed: NOTE_FILE }]);
    }
    const plan = plans.find((p) => p.stack === note.stack);
    if (!plan) {
      throw new InputError(file, [
        { path: ["stack"], given: note.stack, allowed: `the stack of one of the plans read (${plans.map((p) => p.stack).join(", ")})` },
      ]);
    }
    Object.assign(plan, { notes: [...(plan.notes ?? []), note.note] });
  }
  const firstOfStack = new Map<string, StackPlan>();
  const twice = plans.flatMap((plan) => {
    const first = firstOfStack.get(plan.stack);
    if (!first) firstOfStack.set(plan.stack, plan);
    return first ? [{ first, plan }] : [];
  });
  if (twice.length > 0) {
    throw new CommandLineError(
      "plan-summary",
      twice.map(({ first, plan }) => ({
        path: [],
        place: placeholder(PLANS.name),
        given: new Description(`${first.file} and ${plan.file}, both plans of the stack "${plan.stack}"`),
        allowed: "one plan per stack (a stack is named after its plan file, or its folder for plan.json and tfplan.json)",
      })),
    );
  }
  return { plans, stopped };
}

function planFilesAt(path: string, visited: Set<string>, listed = false): string[] {
  const stats = statOrExplain(path);
  if (!stats.isDirectory()) return listed && !path.endsWith(".json") ? [] : [path];
  const real = realpathSync(path);
  if (visited.has(real)) return [];
  visited.add(real);
  return readdirSync(path)
    .sort()
    .flatMap((entry) => planFilesAt(join(path, entry), visited, true));
}

function statOrExplain(path: string): Stats {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // A link whose target is gone: the link itself is there (lstat), what it points to is not (stat).
    const broken = code === "ENOENT" && lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink();
    const what =
      code === "ELOOP" ? "a symbolic link loop" : broken ? "a broken symbolic link" : code === "ENOENT" ? undefined : (e as Error).message;
    throw new InputError(path, [
      {
        path: [],
        place: "(file)",
        given: what ? new Description(`${path}: ${what}`) : path,
        allowed: "an existing plan file or directory",
      },
    ]);
  }
}

/** A plan-summary verdict (--json): the gate and the stacks, and no planned_values. */
export function isVerdictData(data: unknown): boolean {
  return isJsonObject(data) && "gate" in data && "stacks" in data && !("planned_values" in data);
}

export function readPlan(file: string, options: { verdict: "refuse" | "skip" }): StackPlan | undefined;
export function readPlan(file: string): StackPlan;
export function readPlan(file: string, { verdict = "refuse" }: { verdict?: "refuse" | "skip" } = {}): StackPlan | undefined {
  const text = readTextFile(file, PLAN_FILE);
  const notAPlan = (what: string) =>
    new InputError(file, [{ path: [], place: "(file)", given: new Description(what), allowed: PLAN_FILE }]);
  let plan: unknown;
  try {
    plan = parseJson(text, file);
  } catch (e) {
    // Several JSON lines are not one JSON document; say what they are rather than where the second one starts.
    throw isPlanLog(text) ? notAPlan(PLAN_LOG) : e;
  }
  if (verdict === "skip" && isVerdictData(plan)) return undefined;
  const kind = notAPlanKind(plan);
  if (kind) throw notAPlan(kind);
  if (isJsonObject(plan) && plan.errored === true) {
    throw new InputError(file, [
      {
        path: ["errored"],
        given: true,
        allowed: "false: a plan Terraform finished (an errored plan cannot be applied; fix what terraform plan reported and plan again)",
      },
    ]);
  }
  const problems = checkPlan(plan);
  if (problems.length > 0) throw new InputError(file, problems);
  return { stack: stackNameOf(file), file, plan: plan as Plan };
}

const NOTE_FILE =
  'a note beside a plan: { "stack": "<stack>", "note": "<text>" }, or what stops its deploy: { "stack": "<stack>", "stops": ["<reason>", ...] }';

const PLAN_LOG = "the log of terraform plan -json (one JSON message a line), not a plan";

/** The machine-readable log of `terraform plan -json`: JSON lines, each a message with "@level" and "@message". */
function isPlanLog(text: string): boolean {
  const first = text.trimStart().split("\n", 1)[0];
  try {
    const message: unknown = JSON.parse(first);
    return isJsonObject(message) && "@level" in message && "@message" in message;
  } catch {
    return false;
  }
}

/**
 * What a JSON object that is not a plan is, in words; undefined for a plan or for anything the schema check
 * explains better. A plan always has planned_values, even when nothing changes; taking anything else as "no
 * changes" would let the gate pass.
 */
function notAPlanKind(data: unknown): string | undefined {
  // The drift command's --json, given after one --drift-report as if the option took several files.
  if (Array.isArray(data) && data.length > 0 && data.every((r) => isJsonObject(r) && "deployment" in r && "clientId" in r))
    return "a drift report (drift --json), not a plan: each drift report needs its own --drift-report";
  if (!isJsonObject(data) || "planned_values" in data) return undefined;
  const has = (key: string) => key in data;
  if (has("@level") && has("@message")) return PLAN_LOG;
  if (isVerdictData(data)) return "a plan-summary verdict (--json), not a plan";
  if (has("values") || (has("format_version") && has("terraform_version"))) {
    return "the JSON of a Terraform state (terraform show -json without a plan file), not of a plan";
  }
  if (has("version") && has("resources")) return "a Terraform state file (terraform.tfstate), not a plan";
  if (has("resource") || has("provider") || has("terraform")) return "a Terraform configuration (such as cdk.tf.json), not a plan";
  return "JSON without planned_values, which every plan has: not a Terraform plan";
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
