/**
 * Who changed an OAuth client, from Genesys Cloud's realtime audit query (FACTS section 12; SDK v188
 * platformclientv2/auditapi.go): the audit service that holds the `OAuthClient` entity is read from the service
 * mapping (GET /api/v2/audits/query/realtime/servicemapping), never assumed; then that service's entries about the
 * client over at most the last 14 days (POST /api/v2/audits/query/realtime: interval, serviceName, filters, pageNumber,
 * pageSize), every page up to a cap, each call with a deadline and the whole with one (AUDIT_BUDGET_MS).
 *
 * The audit is optional: its permission (Audits > Audit > View, the likely one: unconfirmed) may be missing, and
 * whatever goes wrong (401, 403, a timeout, a 400, no service holding OAuthClient, an answer that is not what the SDK
 * documents) is an answer of kind `unknown` with why, in one line: nothing here throws to its caller, nothing here
 * blocks or fails a plan, a deploy or the gate. The texts in the entries are the org's, kept as they came but cut
 * (auditChange: the report's bounds, lib/shared/drift-report.ts, a secret's values never kept): whoever shows them
 * escapes them (showHiddenCharacters).
 *
 * Unconfirmed in a real org (noted in docs/troubleshooting.md): the filter property `EntityId` (the SDK's
 * AuditQueryFilter names only `property` and `value`; the Genesys API explorer lists EntityId among them), and the
 * action names (`Create`, `Update`, `Delete`). The entries are filtered here by entity id again, so that a filter the
 * API ignored shows nothing about other entities.
 */
import { Deployment } from "../deployments/deployments";
import { isJsonObject } from "../../shared/json-input";
import { Actor, AuditAnswer, AuditChange, boundedAuditChange, clipped, MAX_AUDIT_REASON } from "../../shared/drift-report";
import { accessToken, apiTimeoutMs, ApiOptions, caller, GenesysApiError, shown } from "./api";

/** The entity the audit records OAuth clients as (the service mapping's entity name). */
export const OAUTH_CLIENT_ENTITY = "OAuthClient";
/** The filter property for an entity's id (unconfirmed: see above). */
export const ENTITY_ID_FILTER = "EntityId";
/** How far back the realtime query reaches (its documentation: 14 days). */
export const REALTIME_DAYS = 14;
/** Why the audit could not be read when the credentials are refused it. */
export const AUDIT_FORBIDDEN = "the credentials may not read the audit (Audits > Audit > View)";
/** The audit's pages of entries read at most, and their size. */
export const MAX_AUDIT_PAGES = 20;
const AUDIT_PAGE_SIZE = 100;
/** The deadline of one audit call, at most (SCV_GENESYS_API_TIMEOUT when that is shorter), and its tries. */
const AUDIT_CALL_MS = 15_000;
const AUDIT_TRIES = 2;
/**
 * The deadline of the whole audit (the token, the mapping, every page, their tries and the waits between them, a
 * Retry-After included): past it, who is unknown, and the plan goes on.
 */
export const AUDIT_BUDGET_MS = 30_000;
/** The largest answer of the audit read: a page of 100 entries is some 100 KB; a larger one only costs time and memory. */
export const AUDIT_MAX_ANSWER_BYTES = 4 * 1024 * 1024;
/** A margin inside the 14 days, so that a clock a little ahead of Genesys's does not ask for more than it keeps. */
const WINDOW_MARGIN_MS = 5 * 60_000;

export interface ClientAudit {
  readonly audit: AuditAnswer;
  /** The client's entries, oldest first; empty when the audit is `unknown`. */
  readonly changes: readonly AuditChange[];
}

export interface AuditOptions extends ApiOptions {
  /** The end of the window (now, unless a test gives another). */
  readonly now?: Date;
  /** The start of the window, where the caller knows a later one than 14 days ago (the last apply). */
  readonly since?: Date;
}

/** The client's audit entries of the last 14 days (or since `since`), or why they cannot be told. Never throws. */
export async function oauthClientAudit(
  deployment: Deployment,
  env: NodeJS.ProcessEnv,
  clientId: string,
  options: AuditOptions = {},
): Promise<ClientAudit> {
  const unknown = (reason: string): ClientAudit => ({ audit: { kind: "unknown", reason: clipped(reason, MAX_AUDIT_REASON) }, changes: [] });
  try {
    // Whole seconds, as the API's example writes an interval: the end rounded up, so that this second's entries count.
    const until = new Date(Math.ceil((options.now ?? new Date()).getTime() / 1000) * 1000);
    const earliest = new Date(until.getTime() - REALTIME_DAYS * 86_400_000 + WINDOW_MARGIN_MS);
    const given = options.since && options.since > earliest ? options.since : earliest;
    const since = new Date(Math.floor(given.getTime() / 1000) * 1000);
    const call = caller(deployment, env, {
      tries: AUDIT_TRIES,
      ...options,
      timeoutMs: options.timeoutMs ?? Math.min(apiTimeoutMs(env), AUDIT_CALL_MS),
      deadlineAt: Math.min(options.deadlineAt ?? Infinity, Date.now() + AUDIT_BUDGET_MS),
      maxAnswerBytes: Math.min(options.maxAnswerBytes ?? Infinity, AUDIT_MAX_ANSWER_BYTES),
    });
    const token = await accessToken(deployment, env, call);
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const mapping = await call("api", "/api/v2/audits/query/realtime/servicemapping", { headers });
    const services = servicesHolding(mapping);
    if (services === undefined) return unknown("the audit's service mapping is not what Genesys documents");
    if (services.length === 0) return unknown(`no audit service holds the ${OAUTH_CLIENT_ENTITY} entity (the audit's service mapping)`);
    const interval = `${isoSeconds(since)}/${isoSeconds(until)}`;
    const changes: AuditChange[] = [];
    for (const serviceName of services) {
      for (let page = 1; ; page++) {
        const body = await call("api", "/api/v2/audits/query/realtime", {
          method: "POST",
          headers,
          body: JSON.stringify({
            interval,
            serviceName,
            filters: [{ property: ENTITY_ID_FILTER, value: clientId }],
            pageNumber: page,
            pageSize: AUDIT_PAGE_SIZE,
          }),
        });
        const read = auditPage(body, clientId);
        if (typeof read === "string")
          return unknown(`the audit's answer is not what Genesys documents (service ${shown(serviceName)}, page ${page}: ${read})`);
        changes.push(...read.changes);
        if (page >= read.pageCount || read.count === 0) break;
        if (page >= MAX_AUDIT_PAGES)
          return unknown(
            `the audit holds more than ${MAX_AUDIT_PAGES} pages of entries about this client (${read.pageCount}): not all read`,
          );
      }
    }
    // An entry dated outside the window asked (in the future, or before it) is no answer to it: not kept, lest it
    // stand for the latest change.
    const within = changes.filter((c) => {
      const t = Date.parse(c.when);
      return t >= since.getTime() - WINDOW_MARGIN_MS && t <= until.getTime() + WINDOW_MARGIN_MS;
    });
    within.sort((a, b) => Date.parse(a.when) - Date.parse(b.when));
    return { audit: { kind: "read", since: since.toISOString(), until: until.toISOString() }, changes: within };
  } catch (e) {
    if (!(e instanceof GenesysApiError)) return unknown(`the audit could not be asked: ${shown(String((e as Error)?.message ?? e))}`);
    if (e.status === 401 || e.status === 403) return unknown(AUDIT_FORBIDDEN);
    // The reason is read beside the deployment's name already: what went wrong alone.
    return unknown(e.what);
  }
}

/** The names of the services whose entities include OAuthClient; undefined when the mapping is not a mapping. */
export function servicesHolding(mapping: unknown, entity = OAUTH_CLIENT_ENTITY): string[] | undefined {
  if (!isJsonObject(mapping) || !Array.isArray(mapping.services)) return undefined;
  const names: string[] = [];
  for (const service of mapping.services) {
    if (!isJsonObject(service) || typeof service.name !== "string") return undefined;
    const entities = service.entities ?? [];
    if (!Array.isArray(entities)) return undefined;
    if (entities.some((e) => isJsonObject(e) && typeof e.name === "string" && e.name.toLowerCase() === entity.toLowerCase()))
      names.push(service.name);
  }
  // A service named twice is asked once (its entries would count twice).
  return [...new Set(names)];
}

/**
 * One page of the realtime query's answer (AuditRealtimeQueryResultsResponse): its entries about `clientId` as
 * AuditChanges, how many entries it held and its pageCount; a text saying what is wrong when it is not that. Only the
 * entries about the client are read closely: an odd entry about another entity says nothing about this one.
 */
export function auditPage(body: unknown, clientId: string): { changes: AuditChange[]; count: number; pageCount: number } | string {
  if (!isJsonObject(body)) return "not a JSON object";
  const entities = body.entities ?? [];
  if (!Array.isArray(entities)) return "entities is not a list";
  const pageCount = body.pageCount ?? 1;
  if (typeof pageCount !== "number" || !Number.isInteger(pageCount) || pageCount < 0) return "pageCount is not a whole number";
  const changes: AuditChange[] = [];
  for (const [i, entry] of entities.entries()) {
    const entity = isJsonObject(entry) ? entry.entity : undefined;
    const id = isJsonObject(entity) ? entity.id : undefined;
    if (typeof id !== "string" || id.toLowerCase() !== clientId.toLowerCase()) continue;
    const change = auditChange(entry);
    if (typeof change === "string") return `entities[${i}]: ${change}`;
    changes.push(change);
  }
  return { changes, count: entities.length, pageCount };
}

/**
 * An AuditLogMessage as an AuditChange: the user who made it, else the OAuth client, else unknown. Its date is written
 * as ISO-8601 (as drift reports are read); it is kept within a report's bounds (boundedAuditChange, which plan-summary
 * applies to what it reads too): texts cut to MAX_AUDIT_TEXT, lists to their caps, a secret's values never kept.
 */
export function auditChange(entry: unknown): AuditChange | string {
  if (!isJsonObject(entry)) return "not an object";
  const date = typeof entry.eventDate === "string" ? new Date(entry.eventDate) : undefined;
  const when = date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
  if (when === undefined || !/^\d{4}-/.test(when)) return "eventDate is not a date";
  // null is how some answers leave a field out.
  const action = entry.action ?? "";
  if (typeof action !== "string") return "action is not a text";
  const properties = [];
  const changes = entry.propertyChanges ?? [];
  if (!Array.isArray(changes)) return "propertyChanges is not a list";
  for (const [i, change] of changes.entries()) {
    if (!isJsonObject(change) || typeof change.property !== "string") return `propertyChanges[${i}] has no property`;
    const values = (key: string) => {
      const v = change[key] ?? [];
      return Array.isArray(v) && v.every((x) => typeof x === "string") ? (v as string[]) : undefined;
    };
    const [oldValues, newValues] = [values("oldValues"), values("newValues")];
    if (!oldValues || !newValues) return `propertyChanges[${i}]: oldValues and newValues are not lists of texts`;
    properties.push({ property: change.property, oldValues, newValues });
  }
  return boundedAuditChange({ when, action, actor: actorOf(entry), properties });
}

function actorOf(entry: Record<string, unknown>): Actor {
  const { user, client } = entry;
  if (isJsonObject(user) && typeof user.id === "string" && user.id !== "")
    return { kind: "user", id: user.id, ...(typeof user.name === "string" && user.name !== "" && { name: user.name }) };
  if (isJsonObject(client) && typeof client.id === "string" && client.id !== "") return { kind: "client", id: client.id };
  return { kind: "unknown" };
}

/** ISO-8601 to the second, as the API's own example of an interval writes it (YYYY-MM-DDThh:mm:ssZ). */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
