/**
 * The pull-request comment: GitHub-flavoured Markdown, dangers first, counts, then each stack's changes. It always
 * fits GitHub's 65,536-character comment limit: long stack sections fold into <details>, and what does not fit is
 * cut with a notice that says what was cut.
 */
import { AuditChange, DriftedAttribute, DriftReport, shownItems } from "../../shared/drift-report";
import { counted, showHiddenCharacters } from "../../shared/plain-text";
import { typed } from "../../shared/typed-command";
import { ChangeSummary, COUNTED, Counts, PlanSummary, SENSITIVE, show, StackSummary } from "./summarize";

/** The hidden marker the workflow finds its own comment by, to update it instead of adding another. */
export const COMMENT_MARKER = "<!-- genesys-scv-oauth-client:plan-summary -->";
export const GITHUB_COMMENT_LIMIT = 65_536;
/** Room kept for the cut notice. */
const NOTICE_ROOM = 2_000;
/** Lists in the head (dangers, warnings, table rows) show at most this many items... */
const HEAD_ITEMS = 100;
/** ...and at most these shares of the limit, so that the head alone always fits, whatever the rules say. */
const HEAD_SHARE = { dangers: 0.3, warnings: 0.2, table: 0.1, lead: 0.08 } as const;
/** A stack section longer than this many lines folds into <details>. */
const FOLD_LINES = 20;

/** What a held change does to the client, in the comment's words. */
const DONE: Partial<Record<ChangeSummary["kind"], string>> = {
  delete: "deleted",
  replace: "replaced",
  create: "created",
  update: "updated in place",
};

const WORDS: Record<(typeof COUNTED)[number], string> = {
  create: "to create",
  update: "to update in place",
  replace: "to replace",
  delete: "to delete",
  import: "to import",
  "no-op": "unchanged",
};

export interface Rendered {
  readonly markdown: string;
  /** Stacks whose changes were cut, with how many were left out. */
  readonly cut: { stack: string; changesLeftOut: number }[];
}

/** The label a maintainer adds to a pull request to let a deletion or replacement through (the workflows read it). */
export const ALLOW_LABEL = "allow-oauth-client-replacement";

export interface RenderOptions {
  readonly allowDestroy: boolean;
  /** "drift": a drift report (what changed outside the code; nothing is applied from it, nobody allows anything). */
  readonly mode?: "review" | "drift";
  /** Deployments that were in the base branch's deployments file and are not in the pull request's. */
  readonly removedDeployments?: readonly string[];
  /**
   * What the drift command found out of the audit (who changed what, when), per deployment: shown under the finding
   * each explains, the rest in the stack's drift section; in a drift report, first.
   */
  readonly driftReports?: readonly DriftReport[];
}

export function renderMarkdown(summary: PlanSummary, options: RenderOptions, limit = GITHUB_COMMENT_LIMIT): Rendered {
  const audit = auditOf(summary, options);
  const head = [
    COMMENT_MARKER,
    ...(options.mode === "drift" ? driftLead(summary, options, limit * HEAD_SHARE.lead) : []),
    headline(summary),
    ...stoppedBlock(summary, limit * HEAD_SHARE.dangers),
    ...dangerBlock(summary, options, audit, limit * HEAD_SHARE.dangers),
    ...migrationBlock(summary, options.allowDestroy),
    ...warningBlock(summary, options.removedDeployments ?? [], audit, limit * HEAD_SHARE.warnings),
    ...countsTable(summary, limit * HEAD_SHARE.table),
  ];
  let markdown = head.join("\n\n") + "\n";
  const cut: Rendered["cut"] = [];
  for (const stack of summary.stacks) {
    const section = renderStack(stack, audit, limit - NOTICE_ROOM - markdown.length);
    markdown += section.text;
    if (section.left > 0) cut.push({ stack: stack.stack, changesLeftOut: section.left });
  }
  if (cut.length > 0) {
    const total = cut.reduce((n, c) => n + c.changesLeftOut, 0);
    const names = capped(
      cut.map((c) => `${code(c.stack)} (${c.changesLeftOut})`),
      20,
    ).join(", ");
    markdown +=
      `\n> [!NOTE]\n> Cut to stay under GitHub's ${GITHUB_COMMENT_LIMIT.toLocaleString("en")}-character comment limit: ` +
      `${counted(total, "change")} not shown, in ${names}. The plan-summary verdict (--json) and the plan files hold them all.\n`;
  }
  return { markdown, cut };
}

function headline({ stacks, totals }: PlanSummary): string {
  const counts = COUNTED.map((key) => `${totals[key]} ${WORDS[key]}`).join(" · ");
  return `### Terraform plan: ${stacks.length} ${stacks.length === 1 ? "stack" : "stacks"}\n\n**${counts}**`;
}

function dangerBlock({ stacks }: PlanSummary, { allowDestroy, mode = "review" }: RenderOptions, audit: Audit, room: number): string[] {
  const dangers = stacks.flatMap((s) => s.changes.filter((c) => c.dangerous).map((c) => ({ stack: s.stack, change: c })));
  if (dangers.length === 0) return [];
  const lines = capped(
    dangers.map(({ stack, change }) => {
      const why = change.reasons.length > 0 ? ` because ${change.reasons.map(escape).join("; ")}` : "";
      const line = `> - ${code(stack)}: ${code(change.address)}${nameOf(change)} is **${DONE[change.kind] ?? "changed"}**${why}.`;
      return [line, ...change.cautions.flatMap((c) => [`>   - ${escape(c)}`, ...audit.under(stack, c, ">     - ")])].join("\n");
    }),
    HEAD_ITEMS,
    "> - ",
    room,
  );
  // A caution rule holds the plan; the one every reviewer knows is a client losing its id (deleted or replaced).
  const idChanges = dangers.filter(({ change }) => change.kind === "delete" || change.kind === "replace").length;
  const count = dangers.length === 1 ? "1 OAuth client loses its client id" : `${dangers.length} OAuth clients lose their client ids`;
  const held =
    dangers.length === 1
      ? "1 OAuth client change is held by a caution rule"
      : `${dangers.length} OAuth client changes are held by caution rules`;
  return [
    [
      "> [!CAUTION]",
      idChanges === dangers.length
        ? `> **${count}.** Every Salesforce org using ${dangers.length === 1 ? "it" : "them"} loses softphone login when this is applied.`
        : `> **${held}.** Read what each rule found before this is applied.`,
      ...lines,
      ...(idChanges > 0
        ? [
            ">",
            "> After apply, the Salesforce admin of each affected org must enter the new client id (the stack output `client_id`)",
            "> in the CX Cloud, Digital and AI settings; a deleted client has no successor until it is created again.",
          ]
        : []),
      mode === "drift"
        ? "> Found by the drift check: the org no longer matches the code. The next deploy would make this change; change the code, or the org back, if it must not."
        : allowDestroy
          ? `> This was allowed: the label \`${ALLOW_LABEL}\` (or \`--allow-destroy\`) lets it through.`
          : `> The plan is held: a maintainer who has checked this adds the label \`${ALLOW_LABEL}\` to the pull request to let it through (on the command line: \`--allow-destroy\`).`,
    ].join("\n"),
  ];
}

/**
 * What would stop the deploy after the merge, per deployment: what the guard found (credentials, lock file, org,
 * second client, usage), or no plan at all. First, and never let through by a label.
 */
function stoppedBlock({ stopped = [] }: PlanSummary, room: number): string[] {
  if (stopped.length === 0) return [];
  const items = stopped.flatMap(({ stack, reasons }) => reasons.map((reason) => noteItem(stack, reason)));
  return [
    [
      "> [!CAUTION]",
      `> **The deploy after the merge would stop for ${stopped.length === 1 ? "1 deployment" : `${stopped.length} deployments`}**, ` +
        "before it applies anything. No label lets this through: fix what each line says, then push again.",
      ...capped(items, HEAD_ITEMS, "> - ", room),
    ].join("\n"),
  ];
}

/** The migration step each plan takes: what it changes for agents, what the Salesforce admin does; out of order, held. */
export function migrationBlock({ stacks }: PlanSummary, allowDestroy: boolean): string[] {
  const taking = stacks.filter((s) => s.migration);
  if (taking.length === 0) return [];
  const held = taking.some((s) => s.migration!.outOfOrder);
  return [
    [
      held ? "> [!CAUTION]" : "> [!NOTE]",
      ...taking.flatMap((s) => {
        const [first, ...rest] = s.migration!.lines.map(escape);
        const order = s.migration!.outOfOrder;
        return [`> - ${code(s.stack)}: ${first}`, ...rest.map((line) => `>   - ${line}`), ...(order ? [`>   - **${escape(order)}**`] : [])];
      }),
      ...(held
        ? [
            allowDestroy
              ? `> This was allowed: the label \`${ALLOW_LABEL}\` (or \`--allow-destroy\`) lets it through.`
              : `> The plan is held: a maintainer who has checked the order adds the label \`${ALLOW_LABEL}\` to the pull request to let it through (on the command line: \`--allow-destroy\`).`,
          ]
        : []),
    ].join("\n"),
  ];
}

/**
 * A note beside a plan as items: its first line under the stack's name, each line after it an item under that. The
 * note is written in this form by what wrote it (the guard: its reason without the deployment's name, nothing said
 * undone beside a plan that ran); nothing here edits its words.
 */
export function noteItem(stack: string, note: string): string {
  const [first, ...rest] = note.split("\n").filter((line) => line.trim() !== "");
  return [`> - ${code(stack)}: ${escape(first ?? "")}`, ...rest.map((line) => `>   - ${escape(line.trim())}`)].join("\n");
}

function removedItem(name: string): string {
  return (
    `> - ${code(name)}: left the deployments file. If it was deployed, its OAuth client stays in Genesys Cloud and nothing ` +
    "manages it any more: no plan shows it and no deploy deletes it. To delete it, destroy it before removing it from the file; " +
    "to keep it, nothing is to be done (its state stays in its backend)."
  );
}

function warningBlock({ stacks }: PlanSummary, removed: readonly string[], audit: Audit, room: number): string[] {
  // Who made what a finding is about (the audit's answer), under the finding.
  const item = (stack: string, line: string, finding: string) => [line, ...audit.under(stack, finding, ">   - ")].join("\n");
  const warnings = [
    ...removed.map(removedItem),
    ...stacks.flatMap((s) => [
      // A note's first line is its item; its other lines follow under it.
      ...s.notes.map((note) => noteItem(s.stack, note)),
      ...s.changes.flatMap((c) => c.warnings.map((w) => item(s.stack, `> - ${code(s.stack)}: ${code(c.address)}: ${escape(w)}`, w))),
      // What the drift's own rules find (SCV-R7: a redirect URI added by hand on a foreign host) is no neutral drift.
      ...s.drift.flatMap((c) => c.warnings.map((w) => item(s.stack, `> - ${code(s.stack)}: ${code(c.address)} (drift): ${escape(w)}`, w))),
    ]),
  ];
  return warnings.length === 0 ? [] : [["> [!WARNING]", ...capped(warnings, HEAD_ITEMS, "> - ", room)].join("\n")];
}

function countsTable({ stacks, totals }: PlanSummary, room: number): string[] {
  const changed = stacks.filter(hasChanges);
  const unchanged = stacks.filter((s) => !hasChanges(s));
  const blocks: string[] = [];
  if (changed.length > 0) {
    // In a table a pipe ends the cell even inside a code span, unless escaped.
    const row = (name: string, counts: Counts) => `| ${name.replace(/\|/g, "\\|")} | ${COUNTED.map((k) => counts[k]).join(" | ")} |`;
    blocks.push(
      [
        `| stack | ${COUNTED.join(" | ")} |`,
        `|---|${COUNTED.map(() => "--:").join("|")}|`,
        ...capped(
          changed.map((s) => row(code(s.stack), s.counts)),
          HEAD_ITEMS,
          "| ",
          room / 2,
        ),
        row("**total**", totals),
      ].join("\n"),
    );
  }
  if (unchanged.length > 0) {
    blocks.push(
      `No changes: ${capped(
        unchanged.map((s) => code(s.stack)),
        HEAD_ITEMS,
        "",
        room / 2,
      ).join(", ")}.`,
    );
  }
  return blocks;
}

function hasChanges(stack: StackSummary): boolean {
  return stack.changes.length > 0 || stack.drift.length > 0;
}

/** A stack's section within `room` characters; `left` counts the changes that did not fit. */
function renderStack(stack: StackSummary, audit: Audit, room: number): { text: string; left: number } {
  const who = audit.rest(stack.stack);
  if (!hasChanges(stack) && who.length === 0) return { text: "", left: 0 };
  const items = [
    ...stack.changes.map(renderChange),
    ...(stack.drift.length > 0 ? ["", "**Drift** (changed outside Terraform since the last apply):", ""] : []),
    ...stack.drift.map(renderChange),
    // One item (no "- " first): it counts as no change where the section is cut.
    ...(who.length > 0 ? ["", ["**Who changed it** (Genesys Cloud's audit):", "", ...who].join("\n")] : []),
  ];
  const changeCount = stack.changes.length + stack.drift.length;
  const body = items.join("\n");
  const fold = body.split("\n").length > FOLD_LINES;
  const open = fold
    ? `\n<details><summary><b>${html(stack.stack)}</b>: ${counted(changeCount, "change")}</summary>\n\n`
    : `\n#### ${code(stack.stack)}\n\n`;
  const close = fold ? "\n\n</details>\n" : "\n";
  if (open.length + body.length + close.length <= room) return { text: open + body + close, left: 0 };

  // Not all of it fits: as many whole items as do.
  let text = open;
  let shown = 0;
  for (const item of items) {
    if (text.length + item.length + 1 + close.length > room) break;
    text += `${item}\n`;
    if (item.startsWith("- ")) shown += 1;
  }
  return shown === 0 ? { text: "", left: changeCount } : { text: text + close, left: changeCount - shown };
}

function renderChange(change: ChangeSummary): string {
  const imported = change.importId !== undefined ? ` (import of id ${code(change.importId)})` : "";
  const kind = change.kind === "no-op" && change.importId !== undefined ? "import" : change.kind;
  return [`- **${kind}** ${code(change.address)}${nameOf(change)}${imported}`, ...change.details.map((d) => `  - ${escape(d)}`)].join("\n");
}

function nameOf(change: ChangeSummary): string {
  return change.name ? ` (${escape(JSON.stringify(change.name))})` : "";
}

/** The topic of a drift report that is no attribute: the client deleted outside the code. */
const DELETION = "(the deletion)";

/**
 * The finding (by its rule's id) under which the audit's answer about a topic of a drift report is shown in a
 * pull request's comment: a foreign redirect URI (SCV-R7) is about the redirect URIs, a client set inactive (SCV-R4)
 * about its state, a client created again (SCV-R9) about its deletion. Anything else drifted goes in the drift section.
 */
const EXPLAINED_BY = new Map([
  ["SCV-R7", "registered_redirect_uris"],
  ["SCV-R4", "state"],
  ["SCV-R9", DELETION],
]);

/** Where the drift reports' answers go in a comment: `under` a finding that explains one, once; the `rest` in the stack's section. */
interface Audit {
  /** The lines (each led by `prefix`) about what `finding` of `stack` explains, the first time one explains it. */
  under(stack: string, finding: string, prefix: string): string[];
  /** The stack's topics no finding showed, as list items; called after the head is rendered. */
  rest(stack: string): string[];
}

function auditOf({ stacks }: PlanSummary, { driftReports = [], mode = "review" }: RenderOptions): Audit {
  // A drift report (the issue) says it all first (driftLead); a deployment without a plan has nowhere to be shown.
  const planned = new Set(stacks.map((s) => s.stack));
  const reports = new Map(mode === "drift" ? [] : driftReports.filter((r) => planned.has(r.deployment)).map((r) => [r.deployment, r]));
  const drifted = new Set(stacks.filter((s) => s.drift.length > 0).map((s) => s.stack));
  const shown = new Set<string>();
  return {
    under(stack, finding, prefix) {
      const report = reports.get(stack);
      const topic = EXPLAINED_BY.get(/^(SCV-R\d+): /.exec(finding)?.[1] ?? "");
      if (!report || topic === undefined || !hasTopic(report, topic) || shown.has(`${stack}\0${topic}`)) return [];
      shown.add(`${stack}\0${topic}`);
      return report.audit.kind === "unknown" ? [`${prefix}${escape(unknownWho(report.audit.reason))}`] : whoLines(report, topic, prefix);
    },
    rest(stack) {
      const report = reports.get(stack);
      // A report of changes outside the code beside a plan that shows none (a stale or wrong file) is not shown as
      // the plan's: only what a finding of the plan explains (under) is.
      if (!report || !drifted.has(stack)) return [];
      return topicItems(
        report,
        topicsOf(report).filter((topic) => !shown.has(`${stack}\0${topic}`)),
      );
    },
  };
}

/** What a report says changed: the deletion, or each drifted attribute. */
function topicsOf(report: DriftReport): string[] {
  if (report.client === "deleted") return [DELETION];
  return report.client === "changed" ? report.attributes.map((a) => a.attribute) : [];
}

/** Whether a report says `topic` changed: as topicsOf(report).includes(topic), without a search of its attributes. */
function hasTopic(report: DriftReport, topic: string): boolean {
  return topic === DELETION ? report.client === "deleted" : report.client === "changed" && attributeOf(report, topic) !== undefined;
}

/** Each report's attributes by name, made once per report: a report may hold many (it is read up to 16 MiB). */
const ATTRIBUTES = new WeakMap<DriftReport, Map<string, DriftedAttribute>>();

/** A report's attribute of this name (the first, where a hand-made report names one twice); a search per topic was quadratic. */
function attributeOf(report: DriftReport, attribute: string): DriftedAttribute | undefined {
  let byName = ATTRIBUTES.get(report);
  if (byName === undefined) {
    byName = new Map();
    for (const a of report.attributes) if (!byName.has(a.attribute)) byName.set(a.attribute, a);
    ATTRIBUTES.set(report, byName);
  }
  return byName.get(attribute);
}

/**
 * Each topic as a list item (what it was in the state, what it is in the org) with who changed it under it; when the
 * audit could not be read, one line after them says so.
 */
function topicItems(report: DriftReport, topics: readonly string[]): string[] {
  if (topics.length === 0) return [];
  const items = topics.map((topic) => {
    const what =
      topic === DELETION
        ? `- the OAuth client ${code(report.clientId)} was **deleted** outside the code`
        : `- ${code(topic)}: ${attributeChange(report, topic)}`;
    return [what, ...(report.audit.kind === "read" ? whoLines(report, topic, "  - ") : [])].join("\n");
  });
  return [...capped(items, HEAD_ITEMS, "- "), ...(report.audit.kind === "unknown" ? [`- ${escape(unknownWho(report.audit.reason))}`] : [])];
}

/**
 * What an attribute was in the state and is in the org: for two lists what was added and removed (as the plan's details
 * say it), else both values.
 */
function attributeChange(report: DriftReport, attribute: string): string {
  const found = attributeOf(report, attribute);
  if (secretName(attribute)) return escape(`${SENSITIVE} in the state, ${SENSITIVE} in Genesys Cloud now`);
  const [before, after] = [found?.inState, found?.inOrg];
  if (Array.isArray(before) && Array.isArray(after)) {
    // Sets of each item's JSON: a report's lists may be long (it is read up to 16 MiB), and a search of one list per
    // item of the other took minutes for two lists of 30,000.
    const [inBefore, inAfter] = [new Set(before.map((x) => JSON.stringify(x))), new Set(after.map((x) => JSON.stringify(x)))];
    const changes = [
      ...after.filter((x) => !inBefore.has(JSON.stringify(x))).map((x) => `+ ${show(x)}`),
      ...before.filter((x) => !inAfter.has(JSON.stringify(x))).map((x) => `− ${show(x)}`),
    ];
    // The changes counted on the whole lists, the first MAX_SHOWN_LIST_ITEMS shown: a list of thousands is one line.
    return escape(`${shownItems(changes, (c) => c).join(", ") || "reordered"} (Genesys Cloud now against the state)`);
  }
  return escape(`${show(before)} in the state, ${show(after)} in Genesys Cloud now`);
}

function unknownWho(reason: string): string {
  return `who: unknown: ${reason}`;
}

/** Properties of an audit entry shown at most, each with its old and new values. */
const MAX_PROPERTIES = 10;

/** Who changed a topic (the audit entry's actor, when and its action), and under it the values the entry recorded. */
function whoLines(report: DriftReport, topic: string, prefix: string): string[] {
  if (report.audit.kind === "unknown") return [`${prefix}${escape(unknownWho(report.audit.reason))}`];
  const entry = topic === DELETION ? report.deletedBy : attributeOf(report, topic)?.changedBy;
  if (!entry) {
    const none = `who: unknown: the audit has no entry for it from ${when(report.audit.since)} to ${when(report.audit.until)} (it reaches back 14 days at most)`;
    return [`${prefix}${escape(none)}`];
  }
  const nested = `  ${prefix}`;
  const recorded = entry.properties.map(
    (p) =>
      `${nested}${escape(`the audit recorded ${p.property}: ${auditValues(p.property, p.oldValues)} → ${auditValues(p.property, p.newValues)}`)}`,
  );
  return [
    `${prefix}${escape(`who: ${actorOf(entry)}, when: ${when(entry.when)} (${entry.action})`)}`,
    ...capped(recorded, MAX_PROPERTIES, nested),
  ];
}

function actorOf({ actor }: AuditChange): string {
  if (actor.kind === "unknown") return "unknown (the audit entry names no one)";
  const what = actor.kind === "user" ? "user" : "OAuth client";
  return actor.name === undefined || actor.name === "" ? `${what} ${actor.id}` : `${actor.name} (${what} ${actor.id})`;
}

function auditValues(property: string, values: readonly string[]): string {
  if (secretName(property)) return SENSITIVE;
  return values.length === 0 ? "(none)" : values.map(show).join(", ");
}

/** An audit instant as people read it: 2026-12-06 09:12:00 UTC; as written when it is no date. */
function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** Attributes and audit properties that name a secret are never shown, whatever a report holds. */
function secretName(name: string): boolean {
  return /secret|password/i.test(name);
}

/**
 * A drift report's first words (the drift issue): per deployment, what changed outside the code, who changed it and
 * when, and the two ways forward; the plan summary follows.
 */
function driftLead({ stacks }: PlanSummary, { driftReports = [] }: RenderOptions, room: number): string[] {
  // Only beside a plan that shows drift: a report of changes the plan does not show (a stale or wrong file) leads nothing.
  const drifted = new Set(stacks.filter((s) => s.drift.length > 0).map((s) => s.stack));
  const shown = driftReports.filter((report) => drifted.has(report.deployment) && topicsOf(report).length > 0);
  return shown.map((report) => {
    const deleted = report.client === "deleted";
    const deploy = code(typed("deploy", report.deployment));
    return [
      `### Changed outside the code: ${code(report.deployment)}`,
      "",
      ...capped(topicItems(report, topicsOf(report)), HEAD_ITEMS, "- ", room / shown.length),
      "",
      "**Two ways forward:**",
      "",
      deleted
        ? `- **Bring the code to it**: if a client was made again by hand, adopt it (${code(typed("adopt", report.deployment))}); ` +
          "if the deployment is no longer wanted, remove it from the deployments file in a pull request."
        : "- **Bring the code to it**: write what Genesys Cloud holds now into the deployment's entry in the deployments file, in a " +
          "pull request; once it is merged and deployed, this issue closes at the next drift check.",
      deleted
        ? `- **Re-apply the code**: run the deploy workflow (or ${deploy}): it creates the client again, with a new client id, which the ` +
          "Salesforce org's CX Cloud, Digital and AI settings must then get (SCV-R9)."
        : `- **Re-apply the code**: run the deploy workflow (or ${deploy}): it sets the client back to what the code says.`,
    ].join("\n");
  });
}

/**
 * At most `max` items and `room` characters, then one saying how many more; `prefix` starts that line as it starts
 * the items.
 */
function capped(items: string[], max: number, prefix = "", room = Infinity): string[] {
  let used = 0;
  let fit = 0;
  while (fit < Math.min(max, items.length) && used + items[fit].length + 1 <= room) used += items[fit++].length + 1;
  return fit === items.length ? items : [...items.slice(0, fit), `${prefix}… and ${items.length - fit} more`];
}

/**
 * Plan values, addresses and file names are arbitrary text. In prose nothing of them may open HTML, close the
 * <details>, fake the marker, make a link, mention someone or change emphasis; hidden characters are shown.
 */
function escape(text: string): string {
  return html(text).replace(/[\\~|]/g, "\\$&");
}

const CHARACTER_REFERENCES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "`": "&#96;",
  "[": "&#91;",
  "]": "&#93;",
  "*": "&#42;",
  _: "&#95;",
  // GitHub renders $...$ (and $$...$$) as math: styled text of the org's choosing, such as a large coloured "allowed".
  $: "&#36;",
};

/**
 * Text inside HTML (the <details> summary line) or prose: no tag, entity, code span, link bracket or emphasis of its own
 * (written as character references, which Markdown never reads as structure), no @mention, hidden characters shown,
 * and no autolink: GitHub links bare URLs (`https://`, `www.`) and e-mail addresses in prose, so the colon before
 * anything but a space, a dot before a name's next label and the first slash of `//` are character references too, which read the same; and no
 * emphasis by `_` either, no math by `$`, nor an issue reference (#5, GH-5).
 */
function html(text: string): string {
  return (
    showHiddenCharacters(text)
      // GitHub links issue references (#5, GH-5, owner/repo#5) in prose: a zero-width space breaks each, as after @
      // (before the character references below, whose own # it must not touch).
      .replace(/#(?=\d)/g, "#\u200b")
      .replace(/\bGH-(?=\d)/gi, (m) => `${m.slice(0, 2)}\u200b-`)
      .replace(/[&<>`[\]*_$]/g, (c) => CHARACTER_REFERENCES[c])
      .replace(/:(?=\S)/g, "&#58;")
      // Any dot before a host name's next label, whatever comes before it (`//¢.0` is a link to a linkifier), and the
      // slash that starts a scheme-less `//host`.
      .replace(/\.(?=[\p{L}\p{N}_-])/gu, "&#46;")
      .replace(/\/(?=\/)/g, "&#47;")
      .replace(/@(?=\w)/g, "@\u200b")
  );
}

/** Text as a code span that nothing inside can end: the fence is longer than any run of backticks in it. */
function code(text: string): string {
  const shown = showHiddenCharacters(text);
  const fence = "`".repeat(Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = /^[` ]|[` ]$/.test(shown) ? " " : "";
  return `${fence}${pad}${shown}${pad}${fence}`;
}
