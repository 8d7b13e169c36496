/**
 * What a plan does, in reviewers' words: counts per action, each change attribute by attribute with sensitive
 * and unknown values masked, and what the review rules (lib/review/rules/) find in each OAuth client change: what
 * a caution rule finds holds the plan (the gate), what a warning rule finds is shown first.
 */
import { isJsonObject } from "../../shared/json-input";
import { isPlainText, TEXT_LIMITS } from "../../shared/plain-text";
import { ChangeKind, clientIdChanges, review, ReviewRule, RULES } from "../rules";
import { PlanChange, ResourceChange, StackPlan, Stopped } from "./plans";
import { MIGRATION_STEP_TEXTS, MigrationStepText, stepNumber } from "../../shared/migration";
import { typed } from "../../shared/typed-command";

export const OAUTH_CLIENT_TYPE = "genesyscloud_oauth_client";

export type { ChangeKind } from "../rules";
/** What the headline counts, in its order. */
export const COUNTED = ["create", "update", "replace", "delete", "import", "no-op"] as const;
export type Counted = (typeof COUNTED)[number];
export type Counts = Record<Counted, number>;

export interface ChangeSummary {
  readonly address: string;
  readonly type: string;
  readonly kind: ChangeKind;
  /** The id an import block adopts, when the change imports. */
  readonly importId?: string;
  /** The client's name (after, else before), for OAuth clients. */
  readonly name?: string;
  /** Why Terraform replaces or deletes: action_reason and replace_paths in words. */
  readonly reasons: string[];
  /** Attribute by attribute, masked. */
  readonly details: string[];
  /** A caution rule found a risk in this change (a deleted or replaced client, SCV-R1, is one): it holds the plan. */
  readonly dangerous: boolean;
  /**
   * What the caution rules say of it, each led by its rule id; but SCV-R1's, as the comment's line for the change
   * already says that the client is deleted or replaced.
   */
  readonly cautions: string[];
  /** What the warning rules say, each led by its rule id. */
  readonly warnings: string[];
}

export interface StackSummary {
  readonly stack: string;
  readonly file: string;
  readonly counts: Counts;
  /** Every managed resource change but no-ops and reads. */
  readonly changes: ChangeSummary[];
  readonly drift: ChangeSummary[];
  /** What the pipeline noted beside the plan (plans.ts, NOTE_SUFFIX). */
  readonly notes: string[];
  /** The migration step this plan takes (its migration output changes), in words; undefined when it takes none. */
  readonly migration?: MigrationSummary;
}

/** A migration step a plan takes (the migrate command writes it): which, and whether out of order (the gate holds it). */
export interface MigrationSummary {
  readonly from?: string;
  readonly to: string;
  /** At retire: how the implicit client leaves (forget or delete). */
  readonly retireBy?: string;
  readonly lines: string[];
  /** Why the step is out of order (a step skipped); undefined when in order. */
  readonly outOfOrder?: string;
}

/** The migration step of a plan, from its `migration` output's change (the deployments stack declares it). */
export function migrationOf(plan: StackPlan["plan"]): MigrationSummary | undefined {
  const changes = plan.output_changes;
  const change = isJsonObject(changes) && Object.hasOwn(changes, "migration") ? changes.migration : undefined;
  if (!isJsonObject(change)) return undefined;
  const stepOf = (value: unknown) => (isJsonObject(value) && typeof value.step === "string" ? value.step : undefined);
  const [from, to] = [stepOf(change.before), stepOf(change.after)];
  if (to === undefined || from === to) return undefined;
  const after = change.after as Record<string, unknown>;
  const text = (MIGRATION_STEP_TEXTS as Record<string, MigrationStepText | undefined>)[to];
  const back = stepNumber(to) < stepNumber(from);
  const outOfOrder =
    !back && stepNumber(to) !== stepNumber(from) + 1
      ? `a step taken out of order: ${from ?? "no migration"} → ${to} skips ${stepNumber(to) - stepNumber(from) - 1 === 1 ? "a step" : "steps"}; write one step at a time (${typed("migrate", "<name>", "--write")})`
      : undefined;
  return {
    from,
    to,
    ...(to === "retire" && typeof after.retire_by === "string" && { retireBy: after.retire_by }),
    ...(outOfOrder && { outOfOrder }),
    lines: [
      `migration ${back ? `back to ${text?.title ?? to}` : (text?.title ?? to)}`,
      ...(text ? [`for agents: ${text.agents}`, `the Salesforce admin: ${text.salesforceAdmin}`] : []),
      ...(after.despite_usage === true && to === "deactivate"
        ? [
            `written despite usage: the implicit client had requests in the usage window when this step was written (${typed("migrate", "<name>", "--write", "--despite-usage")}); agents still on it are logged out`,
          ]
        : []),
      ...(to === "retire"
        ? [
            `the implicit client is ${after.retire_by === "delete" ? "deleted (held until allowed)" : "forgotten: it stays in Genesys Cloud, inactive"}`,
          ]
        : []),
    ],
  };
}

export interface PlanSummary {
  readonly stacks: StackSummary[];
  readonly totals: Counts;
  /**
   * Deployments whose deploy would stop before it applies (the pipeline's guard said why), or that have no plan (their
   * plan job failed): no label lets these through.
   */
  readonly stopped?: readonly Stopped[];
}

export const SENSITIVE = "(sensitive)";
/** A name or description that no deployments file can hold (SCV-R8): perhaps an evaluated file or environment. */
export const NOT_SHOWN = "(not shown: see SCV-R8)";
export const UNKNOWN = "(known after apply)";
/** Attributes masked even where the plan does not mark them sensitive (client_secret, directory_client_secret). */
const SECRET_NAME = /(^|_)(secret|password)$/i;
/** What reviewers look at first; other attributes follow in name order. */
const FIRST = [
  "name",
  "description",
  "authorized_grant_type",
  "access_token_validity_seconds",
  "scopes",
  "registered_redirect_uris",
  "state",
];

// Maps, not objects: an attribute or reason a plan names (toString, constructor, __proto__) finds nothing here.
const LABELS = new Map([
  ["authorized_grant_type", "grant type"],
  ["access_token_validity_seconds", "token lifetime (seconds)"],
  ["registered_redirect_uris", "redirect URIs"],
]);

const REASONS = new Map([
  ["replace_because_tainted", "the resource is tainted"],
  ["replace_because_cannot_update", "an attribute that forces replacement changed"],
  ["replace_by_request", "replacement was requested (-replace)"],
  ["delete_because_no_resource_config", "it is no longer in the configuration (a removed deployment, or a changed construct id)"],
  ["delete_because_no_module", "its module is no longer in the configuration"],
  ["delete_because_wrong_repetition", "its count or for_each changed"],
  ["delete_because_count_index", "its count index is out of range"],
  ["delete_because_each_key", "its for_each key is gone"],
  ["delete_because_no_move_target", "its moved block has no target"],
]);

export function kindOf(actions: readonly string[]): ChangeKind {
  const key = actions.join(",");
  if (key === "delete,create" || key === "create,delete") return "replace";
  return (actions[0] ?? "no-op") as ChangeKind;
}

/** `rules`: the review rules to apply, every one (RULES) unless a test gives others. */
export function summarizePlans(plans: readonly StackPlan[], rules: readonly ReviewRule[] = RULES): PlanSummary {
  const stacks = plans.map((plan) => summarizeStack(plan, rules));
  const totals = emptyCounts();
  for (const stack of stacks) for (const key of COUNTED) totals[key] += stack.counts[key];
  return { stacks, totals };
}

function summarizeStack({ stack, file, plan, notes = [] }: StackPlan, rules: readonly ReviewRule[]): StackSummary {
  const counts = emptyCounts();
  const changes: ChangeSummary[] = [];
  const deletedOutside = new Set(
    (plan.resource_drift ?? []).filter((rc) => kindOf(rc.change.actions) === "delete").map((rc) => rc.address),
  );
  const migration = migrationOf(plan);
  // A plan that takes the migration's retire step with delete deletes the implicit client on purpose (SCV-R2 says so).
  const retiringByDelete = migration?.to === "retire" && migration.retireBy === "delete";
  for (const rc of plan.resource_changes ?? []) {
    if (rc.mode === "data") continue;
    const summary = summarizeChange(rc, rules, deletedOutside.has(rc.address), retiringByDelete);
    if (summary.importId !== undefined) counts.import += 1;
    if ((COUNTED as readonly string[]).includes(summary.kind)) counts[summary.kind as Counted] += 1;
    if (summary.kind !== "no-op" && summary.kind !== "read") changes.push(summary);
    else if (summary.importId !== undefined) changes.push(summary);
  }
  const drift = (plan.resource_drift ?? []).filter((rc) => rc.mode !== "data").map((rc) => summarizeChange(rc, rules, false, false, true));
  return { stack, file, counts, changes, drift, notes, ...(migration && { migration }) };
}

/** `outside`: `rc` is the plan's drift (a change made outside Terraform), which only the rules that read drift check. */
export function summarizeChange(
  rc: ResourceChange,
  rules: readonly ReviewRule[] = RULES,
  deletedOutside = false,
  retiringByDelete = false,
  outside = false,
): ChangeSummary {
  const kind = kindOf(rc.change.actions);
  // Everything said of the change (its name in the headline, what the rules quote) sees sensitive values masked.
  const before = masked(asRecord(rc.change.before), rc.change.before_sensitive);
  const after = masked(asRecord(rc.change.after), rc.change.after_sensitive);
  const isClient = rc.type === OAUTH_CLIENT_TYPE;
  const name = isClient
    ? (textOf(suspectText("name", after.name) ?? after.name) ?? textOf(suspectText("name", before.name) ?? before.name))
    : undefined;
  const reasons = [
    ...(rc.action_reason ? [REASONS.get(rc.action_reason) ?? rc.action_reason] : []),
    ...(rc.change.replace_paths ?? []).map((path) => `${path.join(".")} forces replacement`),
  ];
  const marks = asRecord(rc.change.after_sensitive);
  const sensitive = rc.change.after_sensitive === true ? Object.keys(after) : Object.keys(marks).filter((key) => isMarked(marks[key]));
  const findings = isClient
    ? review({ kind, before, after, deletedOutside, sensitive, outside, ...(retiringByDelete && { retiredByMigration: true }) }, rules)
    : [];
  const said = (level: string, except?: string) =>
    findings.filter((f) => f.level === level && f.rule !== except).map((f) => `${f.rule}: ${f.message}`);
  return {
    address: rc.address,
    type: rc.type,
    kind,
    importId: rc.change.importing ? (rc.change.importing.id ?? UNKNOWN) : undefined,
    name,
    reasons,
    details: attributeChanges(kind, rc.change),
    dangerous: findings.some((f) => f.level === "caution"),
    cautions: said("caution", clientIdChanges.id),
    warnings: said("warning"),
  };
}

/** Each changed attribute in words, sensitive and unknown values masked. */
export function attributeChanges(kind: ChangeKind, change: PlanChange): string[] {
  const before = asRecord(change.before);
  const after = asRecord(change.after);
  const beforeSensitive = asRecord(change.before_sensitive);
  const afterSensitive = asRecord(change.after_sensitive);
  const afterUnknown = asRecord(change.after_unknown);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after), ...Object.keys(afterUnknown)])].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  const lines: string[] = [];
  const forms = new Forms();
  for (const key of keys) {
    const label = LABELS.get(key) ?? key;
    const secret = isSecretName(key, after[key] ?? before[key]);
    // Hidden values are compared, never shown: a changed secret is reported as changed, not what it is.
    const fromText =
      suspectText(key, before[key]) ?? valueText(before[key], secret || change.before_sensitive === true || isMarked(beforeSensitive[key]));
    const toText =
      suspectText(key, after[key]) ?? valueText(after[key], secret || change.after_sensitive === true || isMarked(afterSensitive[key]));
    const hidden = [SENSITIVE, NOT_SHOWN].includes(fromText) || [SENSITIVE, NOT_SHOWN].includes(toText);
    const unknown = isMarked(afterUnknown[key]);
    if (kind === "delete") {
      if (key === "name" || key === "id") lines.push(`${label}: ${fromText}`);
    } else if (key === "id") {
      continue;
    } else if (kind === "no-op" || kind === "read") {
      continue;
    } else if (kind === "create") {
      if (!unknown && !isEmpty(after[key])) lines.push(`${label}: ${toText}`);
    } else if (unknown) {
      lines.push(`${label}: ${fromText} → ${UNKNOWN}`);
    } else if (forms.same(before[key], after[key])) {
      continue;
    } else if (!hidden && (Array.isArray(before[key]) || Array.isArray(after[key]))) {
      const { added, removed } = listChanges(arrayOf(before[key]), arrayOf(after[key]), forms);
      lines.push(`${label}: ${[...added.map((x) => `+ ${show(x)}`), ...removed.map((x) => `− ${show(x)}`)].join(", ") || "reordered"}`);
    } else {
      lines.push(`${label}: ${fromText} → ${toText}`);
    }
  }
  return lines;
}

/** Attributes named as secrets are masked even where the plan does not mark them sensitive; a boolean says nothing. */
function isSecretName(key: string, value: unknown): boolean {
  return SECRET_NAME.test(key) && typeof value !== "boolean";
}

/** The values with what is sensitive (marked so by the plan, or named as a secret) replaced by SENSITIVE. */
function masked(values: Record<string, unknown>, marks: unknown): Record<string, unknown> {
  const marked = asRecord(marks);
  return withoutPrototype(
    Object.fromEntries(
      Object.entries(values).map(([key, value]) => {
        const hide = marks === true || isMarked(marked[key]) || isSecretName(key, value);
        return [key, hide && !isEmpty(value) ? SENSITIVE : value];
      }),
    ),
  );
}

/** NOT_SHOWN for a name or description that breaks the deployments file's text rules (SCV-R8 says why). */
function suspectText(key: string, value: unknown): string | undefined {
  if ((key !== "name" && key !== "description") || typeof value !== "string") return undefined;
  return isPlainText(value, TEXT_LIMITS[key]) ? undefined : NOT_SHOWN;
}

function rank(key: string): number {
  const i = FIRST.indexOf(key);
  return i === -1 ? FIRST.length : i;
}

function valueText(value: unknown, hide: boolean): string {
  if (hide && !isEmpty(value)) return SENSITIVE;
  return show(value);
}

function emptyCounts(): Counts {
  return { create: 0, update: 0, replace: 0, delete: 0, import: 0, "no-op": 0 };
}

/**
 * A plan's object as a record without a prototype: a key one side lacks reads as undefined, even toString,
 * constructor or __proto__ (which a plain object would answer from Object.prototype).
 */
function asRecord(value: unknown): Record<string, unknown> {
  return withoutPrototype(isJsonObject(value) ? value : {});
}

/** The own keys of `value` in an object with no prototype (Object.assign sets even __proto__ as an own key there). */
function withoutPrototype(value: Record<string, unknown>): Record<string, unknown> {
  return Object.assign(Object.create(null) as Record<string, unknown>, value);
}

/** A sensitivity or unknown mark: `true`, or a structure with `true` somewhere inside. */
function isMarked(mark: unknown): boolean {
  if (mark === true) return true;
  if (Array.isArray(mark)) return mark.some(isMarked);
  if (typeof mark === "object" && mark !== null) return Object.values(mark).some(isMarked);
  return false;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function textOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/**
 * Plan values numbered by what a comparison of them sees: a list is the same list in any order (the same items, each
 * as often, at any depth of lists within lists), anything else is its JSON (an object's keys and the lists inside it
 * in their order). Equal numbers are equal values, so that two lists compare by counting their items' numbers, in
 * time near their size: a search of one list per item of the other took 37 s for two lists of 10,000. Each list's
 * key is its items' numbers, not their text, so that lists nested deep cost no more than their size. Numbers are
 * only comparable within one Forms.
 */
export class Forms {
  private readonly numbers = new Map<string, number>();
  /** A list's or object's number once known: the same list compared twice is numbered once. */
  private readonly known = new WeakMap<object, number>();

  of(value: unknown): number {
    const object = typeof value === "object" && value !== null ? value : undefined;
    const known = object && this.known.get(object);
    if (known !== undefined) return known;
    const key = Array.isArray(value)
      ? `[${value
          .map((item) => this.of(item))
          .sort((a, b) => a - b)
          .join(",")}`
      : `=${JSON.stringify(value)}`;
    let number = this.numbers.get(key);
    if (number === undefined) this.numbers.set(key, (number = this.numbers.size));
    if (object) this.known.set(object, number);
    return number;
  }

  same(a: unknown, b: unknown): boolean {
    return this.of(a) === this.of(b);
  }
}

/**
 * What `to` has that `from` has not (in `to`'s order), and what `from` has that `to` has not (in `from`'s), item by
 * item as Forms compares them: an item `to` holds twice and `from` once is added once.
 */
export function listChanges(
  from: readonly unknown[],
  to: readonly unknown[],
  forms = new Forms(),
): { added: unknown[]; removed: unknown[] } {
  const left = (list: readonly unknown[]) => {
    const counts = new Map<number, number>();
    for (const number of list.map((item) => forms.of(item))) counts.set(number, (counts.get(number) ?? 0) + 1);
    return counts;
  };
  const unmatched = (list: readonly unknown[], other: Map<number, number>) =>
    list.filter((item) => {
      const number = forms.of(item);
      const count = other.get(number) ?? 0;
      if (count > 0) other.set(number, count - 1);
      return count === 0;
    });
  return { added: unmatched(to, left(from)), removed: unmatched(from, left(to)) };
}

const MAX_VALUE_LENGTH = 200;

/** A value for Markdown: null as "(none)", strings quoted, lists and objects as compact JSON, long ones cut. */
export function show(value: unknown): string {
  if (value === undefined || value === null) return "(none)";
  const text = Array.isArray(value) ? `[${value.map(show).join(", ")}]` : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}
