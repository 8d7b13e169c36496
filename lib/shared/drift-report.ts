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
