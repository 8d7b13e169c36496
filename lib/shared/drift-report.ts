/**
 * A drift report: what changed outside the code on one deployment's OAuth client, and who changed it, from Genesys
 * Cloud's audit. The `drift` command writes it (`--json`), from the deployment's state, one read of the client by id
 * and the realtime audit query; `diff` and `deploy` show it before they plan; `plan-summary --drift-report FILE`
 * shows it under the finding it explains in the pull-request comment and at the top of the drift issue.
 * Every text in it that came from Genesys (names, values) is the org's: escaped wherever it is shown.
 */

/** Who made a change, as the audit recorded it: a person, or the OAuth client a script or integration used. */
export type Actor =
  | { readonly kind: "user"; readonly id: string; readonly name?: string }
  | { readonly kind: "client"; readonly id: string; readonly name?: string }
  | { readonly kind: "unknown" };

/** One audit entry about the client: when, which action (Create, Update, Delete, …), who, and its property changes. */
export interface AuditChange {
  /** The entry's eventDate, ISO-8601. */
  readonly when: string;
  readonly action: string;
  readonly actor: Actor;
  readonly properties: readonly {
    readonly property: string;
    readonly oldValues: readonly string[];
    readonly newValues: readonly string[];
  }[];
}

/** One attribute of the client whose value in the org differs from the state's, and the audit entry that set it. */
export interface DriftedAttribute {
  /** The resource's attribute, as in the state and the plan: `registered_redirect_uris`, `state`, `name`, … */
  readonly attribute: string;
  /** The value the last apply left (the state's). */
  readonly inState: unknown;
  /** The value the org holds now. */
  readonly inOrg: unknown;
  /** The latest audit entry that changed this attribute to what the org holds; absent when the audit does not say. */
  readonly changedBy?: AuditChange;
}

/** Whether the audit could be read; when not, why, in one line ("the credentials may not read the audit …"). */
export type AuditAnswer =
  { readonly kind: "read"; readonly since: string; readonly until: string } | { readonly kind: "unknown"; readonly reason: string };

export interface DriftReport {
  readonly deployment: string;
  /** The client id the deployment's state holds. */
  readonly clientId: string;
  /** `deleted`: the org answered 404 for the state's client; `changed`: some attributes differ; `unchanged`: none. */
  readonly client: "deleted" | "changed" | "unchanged";
  /** The attributes that differ (empty unless `changed`). */
  readonly attributes: readonly DriftedAttribute[];
  /** The audit entry that deleted the client, where the client is deleted and the audit says who. */
  readonly deletedBy?: AuditChange;
  readonly audit: AuditAnswer;
}

// The bounds of a drift report's texts from Genesys, in one place: the drift command cuts what the audit answers to
// them as it writes a report (lib/app/genesys/audit.ts), and plan-summary cuts what a report file holds to them as it
// reads one (lib/review/plan-summary/drift-reports.ts), whoever wrote the file.

/** The longest text kept of an audit entry (an actor's name or id, an action, a property, a value), in characters; longer ones are cut, with "…". */
export const MAX_AUDIT_TEXT = 200;
/** The property changes kept of one entry, and the values kept of one property change. */
export const MAX_AUDIT_PROPERTIES = 20;
export const MAX_AUDIT_VALUES = 100;
/**
 * The longest reason kept where the audit could not say who (the drift command's words, with the API's texts in
 * them at 300 characters each: what went wrong, a service's name), in characters.
 */
export const MAX_AUDIT_REASON = 1_000;
/**
 * The items of a drifted list shown at most, and "… and N more" for the rest: in a terminal (diff, deploy) and in a
 * comment or issue (plan-summary) alike. The lists themselves are kept whole: what changed is counted on all of them.
 */
export const MAX_SHOWN_LIST_ITEMS = 20;
/** The first MAX_SHOWN_LIST_ITEMS items of `list` as `show` writes them (only those are written), and "… and N more". */
export function shownItems<T>(list: readonly T[], show: (item: T) => string): string[] {
  const more = list.length - MAX_SHOWN_LIST_ITEMS;
  return [...list.slice(0, MAX_SHOWN_LIST_ITEMS).map(show), ...(more > 0 ? [`… and ${more} more`] : [])];
}
/** What a value of a property that names a secret is kept as: never the value. */
export const SECRET_VALUE = "(a secret: not shown)";
/** Properties whose values are secrets (a client's secret, a password), whatever else a report holds. */
const SECRET_PROPERTY = /secret|password/i;

/** `text` cut to `max` characters (whole code points), with "…" where it was cut; cut twice, it is cut once. */
export function clipped(text: string, max = MAX_AUDIT_TEXT): string {
  // At most max + 1 code points are looked at: a text of megabytes is not split into them all.
  const points = [...text.slice(0, 2 * max + 2)];
  return points.length > max ? `${points.slice(0, max).join("")}…` : text;
}

/** An audit entry within the bounds: its texts cut, its lists capped, a secret's values never kept. */
export function boundedAuditChange(change: AuditChange): AuditChange {
  const kept = (property: string, values: readonly string[]) =>
    SECRET_PROPERTY.test(property)
      ? values.length === 0
        ? []
        : [SECRET_VALUE]
      : values.slice(0, MAX_AUDIT_VALUES).map((value) => clipped(value));
  return {
    when: change.when,
    action: clipped(change.action),
    actor: boundedActor(change.actor),
    properties: change.properties.slice(0, MAX_AUDIT_PROPERTIES).map(({ property, oldValues, newValues }) => ({
      property: clipped(property),
      oldValues: kept(property, oldValues),
      newValues: kept(property, newValues),
    })),
  };
}

function boundedActor(actor: Actor): Actor {
  if (actor.kind === "unknown") return actor;
  return { kind: actor.kind, id: clipped(actor.id), ...(actor.name !== undefined && { name: clipped(actor.name) }) };
}

/** A report within the bounds: each audit entry in it (boundedAuditChange), and the reason who is unknown. */
export function boundedDriftReport(report: DriftReport): DriftReport {
  const { audit, deletedBy } = report;
  return {
    ...report,
    // The drift command writes ids of at most 128 characters (api.ts, pathSegment); a hand-made file's may be any.
    clientId: clipped(report.clientId),
    attributes: report.attributes.map(({ changedBy, ...attribute }) => ({
      ...attribute,
      ...(changedBy && { changedBy: boundedAuditChange(changedBy) }),
    })),
    ...(deletedBy && { deletedBy: boundedAuditChange(deletedBy) }),
    audit: audit.kind === "unknown" ? { kind: "unknown", reason: clipped(audit.reason, MAX_AUDIT_REASON) } : audit,
  };
}
