/**
 * Reads the drift command's `--json` output (lib/shared/drift-report.ts: a list of DriftReport, one per deployment),
 * which plan-summary shows under the finding each report explains (`--drift-report <file>`, repeatable). Read strictly,
 * as every input of the project is (lib/shared/json-input.ts): a bad file is one message naming the file, the JSON
 * path, what was given and what is allowed; a deployment reported twice, in one file or two, is refused. What is read
 * is cut to the bounds the drift command writes to (boundedDriftReport), whoever wrote the file.
 */
import { Type } from "@sinclair/typebox";
import { boundedDriftReport, DriftReport } from "../../shared/drift-report";
import { isJsonObject, parseJson, readTextFile, schemaChecker } from "../../shared/json-input";
import { typed } from "../../shared/typed-command";
import { Description, InputError, Problem } from "../../shared/problems";

/** What a drift report file must be, and how to make one. */
export const DRIFT_REPORT_FILE = `the drift command's JSON, a list of drift reports: ${typed("drift", "<deployment name>...", "--json")} > <file>`;

const text = (description: string) => Type.String({ description });
/**
 * An ISO-8601 instant's form, as the audit's eventDate and the drift command's interval are written: the schema holds
 * a text to it, instantProblems then to a date and time that exists (a month 01 to 12, a day of that month, …).
 */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/;
const AN_INSTANT = "an ISO-8601 date and time, such as 2026-12-06T09:12:00.000Z";
const AN_INSTANT_THAT_EXISTS =
  `${AN_INSTANT}, that exists: a month 01 to 12, a day of that month, hours 00 to 23, minutes and seconds 00 to 59, ` +
  "at most 9 digits after the second's point, an offset from -23:59 to +23:59";
const instant = (description: string) => Type.String({ pattern: INSTANT.source, description: `${description}: ${AN_INSTANT}` });
/** The instants of a report, where they are and what each is. */
const SINCE = "the start of the audit's interval read";
const UNTIL = "the end of the audit's interval read";
const WHEN = "when the audit recorded the change";
const ACTOR_KINDS = ["user", "client", "unknown"] as const;
const CLIENT_STATES = ["deleted", "changed", "unchanged"] as const;
const AUDIT_KINDS = ["read", "unknown"] as const;

// The unions of the contract (an actor, the audit's answer) are one object each here, their kind an enum, and what
// each kind needs checked after (kindProblems): a schema union would answer a wrong kind with a problem per branch.
const actorSchema = Type.Object(
  {
    kind: Type.Unsafe<string>({ enum: ACTOR_KINDS, description: `who made the change: ${ACTOR_KINDS.join(", ")}` }),
    id: Type.Optional(text("the user's or the OAuth client's id, as a text")),
    name: Type.Optional(text("the user's or the OAuth client's name, as a text")),
  },
  {
    additionalProperties: false,
    description: 'who made the change: { "kind": "user" or "client", "id", "name"? } or { "kind": "unknown" }',
  },
);

const auditChangeSchema = Type.Object(
  {
    when: instant(WHEN),
    action: text("the audit's action, such as Create, Update or Delete"),
    actor: actorSchema,
    properties: Type.Array(
      Type.Object(
        {
          property: text("the audit's name of the property"),
          oldValues: Type.Array(Type.String({ description: "a value, as a text" }), { description: "a list of the old values, as texts" }),
          newValues: Type.Array(Type.String({ description: "a value, as a text" }), { description: "a list of the new values, as texts" }),
        },
        { additionalProperties: false, description: "a property change: property, oldValues, newValues" },
      ),
      { description: "a list of the entry's property changes" },
    ),
  },
  { additionalProperties: false, description: "an audit entry: when, action, actor, properties" },
);

const driftReportSchema = Type.Object(
  {
    deployment: text("the deployment's name"),
    clientId: text("the client id the deployment's state holds"),
    client: Type.Unsafe<string>({ enum: CLIENT_STATES, description: `what became of the client: ${CLIENT_STATES.join(", ")}` }),
    attributes: Type.Array(
      Type.Object(
        {
          attribute: text("the resource's attribute, as in the plan"),
          inState: Type.Optional(Type.Unknown()),
          inOrg: Type.Optional(Type.Unknown()),
          changedBy: Type.Optional(auditChangeSchema),
        },
        { additionalProperties: false, description: "a drifted attribute: attribute, inState, inOrg, changedBy?" },
      ),
      { description: "a list of the drifted attributes" },
    ),
    deletedBy: Type.Optional(auditChangeSchema),
    audit: Type.Object(
      {
        kind: Type.Unsafe<string>({ enum: AUDIT_KINDS, description: `whether the audit was read: ${AUDIT_KINDS.join(", ")}` }),
        since: Type.Optional(instant(SINCE)),
        until: Type.Optional(instant(UNTIL)),
        reason: Type.Optional(text("why the audit could not say, in one line")),
      },
      {
        additionalProperties: false,
        description: 'the audit\'s answer: { "kind": "read", "since", "until" } or { "kind": "unknown", "reason" }',
      },
    ),
  },
  { additionalProperties: false, description: "a drift report: deployment, clientId, client, attributes, deletedBy?, audit" },
);

/**
 * The largest drift report file read: the drift command's are far smaller (the audit's texts and lists are cut as it
 * reads them, to the bounds of lib/shared/drift-report.ts, which readDriftReports applies too), and a larger one would
 * only slow the comment down.
 */
export const MAX_DRIFT_REPORT_BYTES = 16 * 1024 * 1024;

const checkReports = schemaChecker("drift-reports", Type.Array(driftReportSchema, { description: DRIFT_REPORT_FILE }));

/**
 * The reports in `files`, in their order. Throws one InputError for the first bad file (unreadable, not JSON, not
 * of the shape), and one naming both places when a deployment is reported twice.
 */
export function readDriftReports(files: readonly string[]): DriftReport[] {
  const seen = new Map<string, string>();
  const reports: DriftReport[] = [];
  for (const file of files) {
    const data = parseJson(readTextFile(file, DRIFT_REPORT_FILE, { maxBytes: MAX_DRIFT_REPORT_BYTES }), file);
    const problems = checkReports(data);
    if (problems.length === 0) problems.push(...kindProblems(data as unknown[]), ...instantProblems(data as DriftReport[]));
    if (problems.length > 0) throw new InputError(file, problems);
    (data as DriftReport[]).forEach((report, index) => {
      const first = seen.get(report.deployment);
      if (first !== undefined) {
        throw new InputError(file, [
          {
            path: [index, "deployment"],
            given: report.deployment,
            allowed: `one report per deployment (it is reported already, at ${first})`,
          },
        ]);
      }
      seen.set(report.deployment, `${file} [${index}]`);
      // Within the bounds the drift command writes to, whoever wrote the file: a hand-made report's long texts are cut
      // as the drift command's are, and never crowd the rest out of the comment.
      reports.push(boundedDriftReport(report));
    });
  }
  return reports;
}

/** What each kind needs that the schema cannot say: an actor's id, the audit's interval or reason, a client's attributes. */
function kindProblems(reports: readonly unknown[]): Problem[] {
  const problems: Problem[] = [];
  const need = (value: Record<string, unknown>, at: (string | number)[], key: string, allowed: string) => {
    if (value[key] === undefined) problems.push({ path: [...at, key], given: undefined, allowed });
  };
  const refuse = (value: Record<string, unknown>, at: (string | number)[], key: string, allowed: string) => {
    if (value[key] !== undefined) problems.push({ path: [...at, key], given: value[key], allowed });
  };
  const change = (entry: unknown, at: (string | number)[]) => {
    if (!isJsonObject(entry) || !isJsonObject(entry.actor)) return;
    const actor = entry.actor;
    if (actor.kind === "unknown") {
      refuse(actor, [...at, "actor"], "id", 'no id for an actor of the kind "unknown"');
      refuse(actor, [...at, "actor"], "name", 'no name for an actor of the kind "unknown"');
    } else need(actor, [...at, "actor"], "id", `the ${actor.kind === "user" ? "user's" : "OAuth client's"} id, as a text`);
  };
  reports.forEach((report, index) => {
    if (!isJsonObject(report)) return;
    const audit = report.audit as Record<string, unknown>;
    if (audit.kind === "read") {
      need(audit, [index, "audit"], "since", `${SINCE}: ${AN_INSTANT}`);
      need(audit, [index, "audit"], "until", `${UNTIL}: ${AN_INSTANT}`);
      refuse(audit, [index, "audit"], "reason", 'no reason where the audit was read (the kind "read")');
    } else {
      need(audit, [index, "audit"], "reason", "why the audit could not say, in one line");
      refuse(audit, [index, "audit"], "since", 'no interval where the audit was not read (the kind "unknown")');
      refuse(audit, [index, "audit"], "until", 'no interval where the audit was not read (the kind "unknown")');
    }
    const attributes = report.attributes as unknown[];
    if (report.client !== "changed" && attributes.length > 0) {
      problems.push({
        path: [index, "attributes"],
        given: new Description(`${attributes.length} attributes where the client is ${JSON.stringify(report.client)}`),
        allowed: 'an empty list unless the client is "changed"',
      });
    }
    if (report.client !== "deleted") refuse(report, [index], "deletedBy", 'no deletedBy unless the client is "deleted"');
    attributes.forEach((attribute, i) =>
      change(isJsonObject(attribute) ? attribute.changedBy : undefined, [index, "attributes", i, "changedBy"]),
    );
    change(report.deletedBy, [index, "deletedBy"]);
  });
  return problems;
}

/**
 * What the schema's pattern cannot say of the instants (of a report of the schema's shape): that each exists
 * (9999-99-99T99:99Z, an offset +99:99 are refused, not shown as written), and that the audit's interval read starts
 * no later than it ends.
 */
function instantProblems(reports: readonly DriftReport[]): Problem[] {
  const problems: Problem[] = [];
  const check = (given: string, path: (string | number)[], description: string) => {
    const time = instantTime(given);
    if (time === undefined) problems.push({ path, given, allowed: `${description}: ${AN_INSTANT_THAT_EXISTS}` });
    return time;
  };
  reports.forEach((report, index) => {
    const { audit } = report;
    if (audit.kind === "read") {
      const since = check(audit.since, [index, "audit", "since"], SINCE);
      const until = check(audit.until, [index, "audit", "until"], UNTIL);
      if (since !== undefined && until !== undefined && since > until)
        problems.push({
          path: [index, "audit", "since"],
          given: audit.since,
          allowed: `${SINCE}: an instant no later than its end, until (${audit.until})`,
        });
    }
    report.attributes.forEach(({ changedBy }, i) => {
      if (changedBy) check(changedBy.when, [index, "attributes", i, "changedBy", "when"], WHEN);
    });
    if (report.deletedBy) check(report.deletedBy.when, [index, "deletedBy", "when"], WHEN);
  });
  return problems;
}

/** The instant an ISO-8601 text of the schema's form names, in milliseconds since 1970 (UTC); undefined when none exists. */
export function instantTime(text: string): number | undefined {
  const match = INSTANT.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = [1, 2, 3, 4, 5, 6, 9, 10].map((i) => Number(match[i] ?? 0));
  const [fraction = "", sign] = [match[7], match[8]];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  const within = (value: number, min: number, max: number) => value >= min && value <= max;
  const exists =
    days !== undefined &&
    within(day, 1, days) &&
    within(hour, 0, 23) &&
    within(minute, 0, 59) &&
    within(second, 0, 59) &&
    fraction.length <= 9 &&
    within(offsetHours, 0, 23) &&
    within(offsetMinutes, 0, 59);
  if (!exists) return undefined;
  // setUTCFullYear, not Date.UTC, which reads the years 0 to 99 as 1900 to 1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, Number(fraction.padEnd(3, "0").slice(0, 3)));
  return date.getTime() - (sign === "-" ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
}
