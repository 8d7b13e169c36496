/**
 * The drift report of one deployment (lib/shared/drift-report.ts): its state's client, read once by id from the org;
 * a 404 is a client deleted outside the code, else each attribute whose value in the org differs from the state's,
 * with the audit entry that set it (audit.ts). `driftBeforeRun` is what `diff` and `deploy` show before the engine
 * runs, and the one setting they run it with when the client is gone: the provider's read of a deleted client retries
 * its 404 for GENESYSCLOUD_CUSTOM_RETRY_TIMEOUT (5 minutes unless set; provider_utils.go, util_retries.go of
 * provider 1.82.0), which "0s" makes one read. Nothing here throws, blocks or fails a plan: a client that cannot be
 * read is one line that says so.
 */
import { isDeepStrictEqual } from "util";
import { credentialsProblem } from "../stack/credentials";
import { Deployment } from "../deployments/deployments";
import { StateReading } from "../state/read-states";
import { isJsonObject } from "../../shared/json-input";
import { showHiddenCharacters } from "../../shared/plain-text";
import { AuditChange, DriftedAttribute, DriftReport, shownItems } from "../../shared/drift-report";
import { OutputChunk } from "../../shared/child-process";
import { accessToken, apiTimeoutMs, ApiOptions, caller, GenesysApiError, pathSegment, shown } from "./api";
import { AuditOptions, oauthClientAudit } from "./audit";

/** A value normalized for comparing: a text, a number, or a sorted list of texts (a set). */
type Normal = string | number | readonly string[] | undefined;

/**
 * The client's attributes the drift report compares, in one table: the resource's attribute (state and plan), the
 * API's field (GET /api/v2/oauth/clients/{id}), the audit's property names for it, and how each side reads.
 * The audit's property names are unconfirmed in a real org: the API's field names are assumed (the emulator records
 * them so), and the attribute's own name is accepted too.
 */
export const CLIENT_ATTRIBUTES: readonly {
  readonly attribute: string;
  readonly api: string;
  readonly audit: readonly string[];
  readonly read: (value: unknown) => Normal;
}[] = [
  { attribute: "name", api: "name", audit: ["name"], read: text },
  { attribute: "description", api: "description", audit: ["description"], read: text },
  { attribute: "state", api: "state", audit: ["state"], read: (v) => text(v) ?? "active" },
  { attribute: "authorized_grant_type", api: "authorizedGrantType", audit: ["authorizedGrantType"], read: text },
  {
    attribute: "registered_redirect_uris",
    api: "registeredRedirectUri",
    audit: ["registeredRedirectUri", "registeredRedirectUris"],
    read: texts,
  },
  { attribute: "access_token_validity_seconds", api: "accessTokenValiditySeconds", audit: ["accessTokenValiditySeconds"], read: count },
  { attribute: "scopes", api: "scope", audit: ["scope", "scopes"], read: texts },
  // The state's roles blocks ({ role_id, division_id }) and the API's roleDivisions ({ roleId, divisionId }).
  { attribute: "roles", api: "roleDivisions", audit: ["roleDivisions", "roles"], read: roles },
];

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
function texts(value: unknown): readonly string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string").sort() : [];
}
function count(value: unknown): number | undefined {
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : undefined;
}
function roles(value: unknown): readonly string[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(isJsonObject)
    .map((r) => `${r.role_id ?? r.roleId ?? ""}${(r.division_id ?? r.divisionId) ? `/${r.division_id ?? r.divisionId}` : ""}`)
    .sort();
}

/** The attributes whose value in the org differs from the state's, without who (attributedTo adds it). */
export function driftedAttributes(
  inState: Readonly<Record<string, unknown>>,
  inOrg: Readonly<Record<string, unknown>>,
): DriftedAttribute[] {
  return CLIENT_ATTRIBUTES.flatMap(({ attribute, api, read }) => {
    const [s, o] = [read(inState[attribute]), read(inOrg[api])];
    // An attribute the state leaves unset (description "") and the org leaves out are the same.
    return isDeepStrictEqual(s, o) ? [] : [{ attribute, inState: s ?? null, inOrg: o ?? null }];
  });
}

/**
 * Each drifted attribute with the latest audit entry that set it to the org's value; where none set it exactly so
 * (the audit may write a value otherwise than the API), the latest entry that changed it.
 */
export function attributedTo(drifted: readonly DriftedAttribute[], changes: readonly AuditChange[]): DriftedAttribute[] {
  return drifted.map((d) => {
    const row = CLIENT_ATTRIBUTES.find((a) => a.attribute === d.attribute)!;
    const names = new Set([...row.audit, row.attribute].map((n) => n.toLowerCase()));
    const touching = changes.filter((c) => c.properties.some((p) => names.has(p.property.toLowerCase())));
    const setIt = touching.filter((c) =>
      c.properties.some(
        (p) =>
          names.has(p.property.toLowerCase()) &&
          isDeepStrictEqual(row.read(Array.isArray(d.inOrg) ? p.newValues : p.newValues[0]), d.inOrg ?? row.read(undefined)),
      ),
    );
    const by = setIt.at(-1) ?? touching.at(-1);
    return by ? { ...d, changedBy: by } : d;
  });
}

/** The latest Delete entry (an action whose name says delete), where the client is gone. */
export function deletion(changes: readonly AuditChange[]): AuditChange | undefined {
  return changes.filter((c) => /delete/i.test(c.action)).at(-1);
}

/** The org's client by id, its fields as the API answers them; undefined for a 404 (deleted, or a state "deleted"). */
export async function readOAuthClient(
  deployment: Deployment,
  env: NodeJS.ProcessEnv,
  id: string,
  options: ApiOptions = {},
): Promise<Record<string, unknown> | undefined> {
  const segment = pathSegment(id, "the OAuth client id in the state", deployment);
  const call = caller(deployment, env, options);
  const token = await accessToken(deployment, env, call);
  const found = await call("api", `/api/v2/oauth/clients/${segment}`, { headers: { authorization: `Bearer ${token}` } }, { missing: true });
  if (found === undefined) return undefined;
  if (!isJsonObject(found))
    throw new GenesysApiError(`Genesys Cloud's answer for OAuth client ${id} is not the client it documents`, {
      deployment: deployment.name,
    });
  return found.state === "deleted" ? undefined : found;
}

/**
 * The deadline of one deployment's drift report, the client's read and the audit together: what `diff` and `deploy`
 * may wait before the engine runs, at most, however Genesys Cloud answers.
 */
export const DRIFT_BUDGET_MS = 45_000;

/** The drift of the deployment's client, or why it cannot be told (a line); never throws. */
export async function clientDriftReport(
  deployment: Deployment,
  outputs: { readonly clientId: string; readonly clientAttributes?: Readonly<Record<string, unknown>> },
  env: NodeJS.ProcessEnv,
  options: AuditOptions = {},
): Promise<DriftReport | { readonly problem: string }> {
  const { clientId } = outputs;
  // One deadline for the read and the audit together, whatever the API does (slow, 429 with a long Retry-After).
  options = { ...options, deadlineAt: Math.min(options.deadlineAt ?? Infinity, Date.now() + DRIFT_BUDGET_MS) };
  let inOrg: Record<string, unknown> | undefined;
  try {
    inOrg = await readOAuthClient(deployment, env, clientId, {
      tries: 2,
      ...options,
      timeoutMs: options.timeoutMs ?? Math.min(apiTimeoutMs(env), 15_000),
    });
  } catch (e) {
    const why = e instanceof GenesysApiError ? e.what : String((e as Error)?.message ?? e);
    return { problem: `whether client ${shown(clientId)} changed outside the code could not be asked: ${why}` };
  }
  const base = { deployment: deployment.name, clientId };
  if (inOrg === undefined) {
    const { audit, changes } = await oauthClientAudit(deployment, env, clientId, options);
    const deletedBy = deletion(changes);
    return { ...base, client: "deleted", attributes: [], ...(deletedBy && { deletedBy }), audit };
  }
  if (outputs.clientAttributes === undefined)
    return { problem: `the state holds no attributes for client ${shown(clientId)}: what changed outside the code cannot be told` };
  const drifted = driftedAttributes(outputs.clientAttributes, inOrg);
  if (drifted.length === 0)
    return {
      ...base,
      client: "unchanged",
      attributes: [],
      audit: { kind: "unknown", reason: "not asked: nothing changed outside the code" },
    };
  const { audit, changes } = await oauthClientAudit(deployment, env, clientId, options);
  return { ...base, client: "changed", attributes: attributedTo(drifted, changes), audit };
}

/**
 * A value as one line: a list as its items (MAX_SHOWN_LIST_ITEMS at most), each escaped and cut to 300 characters
 * (`shown`): the org's text is shown, never obeyed, never unbounded.
 */
function shownValue(value: unknown): string {
  if (value === null || value === undefined) return "(none)";
  if (!Array.isArray(value)) return shown(String(value));
  if (value.length === 0) return "(none)";
  return shownItems(value, (v) => shown(String(v))).join(", ");
}

/** Who made a change, when, as one phrase: "by user Ann Admin (id) at 2026-…", escaped. */
export function whoAndWhen(change: AuditChange): string {
  const { actor } = change;
  const who =
    actor.kind === "user"
      ? `user ${actor.name ? `${showHiddenCharacters(actor.name)} (${showHiddenCharacters(actor.id)})` : showHiddenCharacters(actor.id)}`
      : actor.kind === "client"
        ? `OAuth client ${showHiddenCharacters(actor.id)}`
        : "an actor the audit does not name";
  return `by ${who} at ${showHiddenCharacters(change.when)}`;
}

/** The report as lines a person reads (diff, deploy, the drift command): the client, each change, who, when. */
export function driftLines(report: DriftReport): string[] {
  const name = showHiddenCharacters(report.deployment);
  const client = showHiddenCharacters(report.clientId);
  const unknownWho = report.audit.kind === "unknown" ? `who: unknown: ${showHiddenCharacters(report.audit.reason)}` : undefined;
  if (report.client === "unchanged") return [`${name}: client ${client} is as the last apply left it (nothing changed outside the code)`];
  if (report.client === "deleted") {
    return [
      `${name}: client ${client} was deleted outside the code${report.deletedBy ? ` ${whoAndWhen(report.deletedBy)}` : ""}: the plan creates a new client, with a new client id, which the Salesforce org must then be given`,
      ...(report.deletedBy ? [] : [`  ${unknownWho ?? "who: unknown: the audit of the last 14 days has no entry deleting it"}`]),
    ];
  }
  return [
    `${name}: client ${client} changed outside the code since the last apply:`,
    ...report.attributes.flatMap((a) => {
      const head = `  ${a.attribute}: ${shownValue(a.inState)} (in state) -> ${shownValue(a.inOrg)} (in the org)`;
      if (!a.changedBy) return [head, `    ${unknownWho ?? "who: unknown: the audit of the last 14 days has no entry changing it"}`];
      const recorded = a.changedBy.properties
        .filter((p) =>
          CLIENT_ATTRIBUTES.find((r) => r.attribute === a.attribute)!.audit.some((n) => n.toLowerCase() === p.property.toLowerCase()),
        )
        .map((p) => `    the audit recorded ${showHiddenCharacters(p.property)}: ${shownValue(p.oldValues)} -> ${shownValue(p.newValues)}`);
      return [head, `    changed ${whoAndWhen(a.changedBy)}`, ...recorded];
    }),
  ];
}

/**
 * What `diff` and `deploy` show for a deployment before the engine runs, and the environment they add: for a state
 * that holds a client whose deployment has its credentials, its drift lines (on stderr, where warnings go). When the
 * client is deleted and the run only plans (`planOnly`: diff), GENESYSCLOUD_CUSTOM_RETRY_TIMEOUT=0s, so that the plan
 * reads the 404 once instead of retrying it for five minutes at "Refreshing state...". Never for an apply: the
 * provider reads a client right after creating it with the same retry (createOAuthClient, then readOAuthClient), and
 * Genesys may answer that read 404 for a moment; with 0s the new client would leave the state at once (a client made,
 * and not in the state). Never throws, never fails the run.
 */
export async function driftBeforeRun(
  deployment: Deployment,
  reading: StateReading | undefined,
  env: NodeJS.ProcessEnv,
  options: AuditOptions & { readonly planOnly?: boolean } = {},
): Promise<{ chunks: OutputChunk[]; env: Record<string, string> }> {
  const none = { chunks: [], env: {} };
  if (!reading || "problem" in reading || !reading.outputs.clientId) return none;
  if (credentialsProblem(deployment, env) !== undefined) return none;
  const report = await clientDriftReport(deployment, { ...reading.outputs, clientId: reading.outputs.clientId }, env, options);
  if ("problem" in report)
    return {
      chunks: [{ stream: "err", text: `${showHiddenCharacters(deployment.name)}: ${showHiddenCharacters(report.problem)}\n` }],
      env: {},
    };
  if (report.client === "unchanged") return none;
  const text = driftLines(report).join("\n") + "\n";
  return {
    chunks: [{ stream: "err", text }],
    env: report.client === "deleted" && options.planOnly ? { [RETRY_TIMEOUT_VARIABLE]: "0s" } : {},
  };
}

/** The provider's setting for how long a read retries a 404 (provider 1.82.0, provider_utils.go). */
export const RETRY_TIMEOUT_VARIABLE = "GENESYSCLOUD_CUSTOM_RETRY_TIMEOUT";
