/**
 * The few Genesys Cloud API calls `adopt` and the deploy guard make, with Node's own fetch: log in as the
 * provider does for a deployment (its region, or its genesysCloud.gateway with path prefixes; its own credentials,
 * an access token first) and list the org's OAuth clients, every page. 429 (after its Retry-After) and 5xx but 501
 * are retried a bounded number of times; every other failure is one GenesysApiError naming the deployment.
 * Every call has a deadline (SCV_GENESYS_API_TIMEOUT seconds, 30 unless set) for connecting and for the whole answer;
 * a redirect is never followed, and an answer that is not what Genesys documents is an error, never skipped: the
 * guard that asks here must fail closed. What an answer says reaches people escaped, on one line (showHiddenCharacters).
 * (Genesys's JavaScript SDK builds the same URLs, but retries nothing, drops paging parameters and brings 62
 * packages; what it would add here is these few lines.)
 */
import { isDeepStrictEqual } from "util";
import { credentialsInWords, isCredentialsProblem, resolveCredentials } from "../stack/credentials";
import { Deployment } from "../deployments/deployments";
import { GENESYS_CLOUD_DOMAINS } from "../deployments/regions";
import { isJsonObject } from "../../shared/json-input";
import { showHiddenCharacters } from "../../shared/plain-text";
import { docsPage } from "../../shared/typed-command";

/** An OAuth client as the API answers it (the fields this project reads). */
export interface ApiOAuthClient {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly accessTokenValiditySeconds?: number;
  readonly authorizedGrantType: string;
  readonly registeredRedirectUri?: string[];
  readonly scope?: string[];
  readonly state?: string;
  readonly dateCreated?: string;
}

/** A failure of the Genesys Cloud API, in one message for the user; `status`: the HTTP status that ended it, where one did. */
export class GenesysApiError extends Error {
  readonly status?: number;
  /**
   * `what` went wrong, in words; of `deployment` where one is given: the message names it first (`deployment "x": …`),
   * and a caller that names the deployment its own way says `what` alone, never an edit of the message.
   */
  constructor(
    readonly what: string,
    { deployment, status }: { deployment?: string; status?: number } = {},
  ) {
    super(deployment === undefined ? what : `deployment "${deployment}": ${what}`);
    this.status = status;
  }
}

export interface ApiOptions {
  /** Waits between retries; tests give one that does not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Tries per request, the first included. */
  readonly tries?: number;
  /** The deadline of one call, connecting and the whole answer, in milliseconds; else SCV_GENESYS_API_TIMEOUT. */
  readonly timeoutMs?: number;
  /** The largest answer read, in bytes after any content encoding is undone; else MAX_ANSWER_BYTES. */
  readonly maxAnswerBytes?: number;
  /**
   * The time (Date.now()) by which every call, its tries and the waits between them (a Retry-After included) are
   * over: a call is cut short at it, and a retry that would wait past it is not made. Unset: each call's own deadline.
   */
  readonly deadlineAt?: number;
}

const DEFAULT_TRIES = 5;
/** Pages of 100 clients; no org has 100,000 OAuth clients, and a server that says it does is not answering right. */
const MAX_PAGES = 1000;
const PAGE_SIZE = 100;
/** The longest Retry-After honoured, in seconds (the provider's SDK honours up to 180). */
const MAX_RETRY_AFTER_SECONDS = 180;
/** The variable that sets a call's deadline, its default and its bounds, in seconds. */
export const TIMEOUT_VARIABLE = "SCV_GENESYS_API_TIMEOUT";
export const DEFAULT_TIMEOUT_SECONDS = 30;
const MAX_TIMEOUT_SECONDS = 600;
/**
 * The largest answer read, in bytes once decompressed: a page of 100 clients is some 200 KB. A larger answer (or a
 * small gzip body that unpacks to gigabytes) is an error before it fills the memory.
 */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/** The deadline of one call in milliseconds, from the environment; a GenesysApiError for a value that is none. */
export function apiTimeoutMs(env: NodeJS.ProcessEnv): number {
  const given = env[TIMEOUT_VARIABLE];
  if (given === undefined || given.trim() === "") return DEFAULT_TIMEOUT_SECONDS * 1000;
  // Decimal digits only (Number() would also take 0x10, 0b1 and 1e-9); whole milliseconds, as timers count them.
  const ms = /^\s*\d+(?:\.\d*)?\s*$|^\s*\.\d+\s*$/.test(given) ? Math.round(Number(given) * 1000) : NaN;
  if (!Number.isFinite(ms) || ms < 1 || ms > MAX_TIMEOUT_SECONDS * 1000) {
    throw new GenesysApiError(
      `${TIMEOUT_VARIABLE}: given ${JSON.stringify(showHiddenCharacters(given))}; allowed: a number of seconds in decimal digits, from 0.001 to ${MAX_TIMEOUT_SECONDS} ` +
        `(the deadline of each Genesys Cloud API call; ${DEFAULT_TIMEOUT_SECONDS} when unset)`,
    );
  }
  return ms;
}

/** Where the provider sends a deployment's login and API calls. */
export function genesysEndpoints(genesysCloud: Deployment["genesysCloud"]): { login: string; api: string } {
  const { gateway, region } = genesysCloud;
  if (!gateway) return { login: `https://login.${GENESYS_CLOUD_DOMAINS[region]}`, api: `https://api.${GENESYS_CLOUD_DOMAINS[region]}` };
  const defaultPort = gateway.protocol === "https" ? 443 : 80;
  const base = `${gateway.protocol}://${gateway.host}${gateway.port === defaultPort ? "" : `:${gateway.port}`}`;
  const prefix = (name: string) => {
    const value = gateway.pathParams?.find((p) => p.pathName === name)?.pathValue;
    return value ? `/${value}` : "";
  };
  return { login: base + prefix("login"), api: base + prefix("api") };
}

/**
 * Every OAuth client of the deployment's org, each once. Pages are read until the answers' own totals are met
 * (pageCount, and total over the page size, whichever says more); a list that ends short of its total is an error.
 */
export async function listOAuthClients(
  deployment: Deployment,
  env: NodeJS.ProcessEnv,
  options: ApiOptions = {},
): Promise<ApiOAuthClient[]> {
  const call = caller(deployment, env, options);
  const token = await accessToken(deployment, env, call);
  const clients = new Map<string, ApiOAuthClient>();
  const failed = (what: string) => new GenesysApiError(`Genesys Cloud's list of OAuth clients ${what}`, { deployment: deployment.name });
  for (let page = 1; ; page++) {
    const body = await call("api", `/api/v2/oauth/clients?pageSize=${PAGE_SIZE}&pageNumber=${page}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!isJsonObject(body) || !Array.isArray(body.entities)) throw failed(`is not the list it documents (page ${page} has no entities)`);
    const count = (key: string) => {
      const value = (body as Record<string, unknown>)[key];
      if (value === undefined || value === null) return undefined;
      if (typeof value !== "number" || !Number.isInteger(value) || value < 0)
        throw failed(`is not the list it documents (page ${page}: ${key} is ${shown(JSON.stringify(value))})`);
      return value;
    };
    const [pageCount, total, pageSize] = [count("pageCount"), count("total"), count("pageSize")];
    // Without either total, where the list ends cannot be told: a page that looks last may be followed by the client.
    if (pageCount === undefined && total === undefined)
      throw failed(`is not the list it documents (page ${page} has neither pageCount nor total)`);
    body.entities.forEach((entity, i) => {
      const client = asClient(entity, `page ${page}, entities[${i}]`, failed);
      const seen = clients.get(client.id.toLowerCase());
      // The same client twice with different fields (a redirect URI, say): which one is true cannot be told.
      if (seen && !isDeepStrictEqual(seen, client)) {
        throw failed(
          `lists client ${shown(client.id)} twice, with different fields (page ${page}, entities[${i}]): the list changed while it was read, or is not what it documents; nothing is decided on it`,
        );
      }
      if (!seen) clients.set(client.id.toLowerCase(), client);
    });
    if (total !== undefined && clients.size > total) {
      throw failed(
        `holds ${clients.size} distinct clients by page ${page}, more than its own total of ${total}: its totals cannot be trusted to say where it ends, so nothing is decided on it`,
      );
    }
    const pagesByTotal = total === undefined ? 0 : Math.ceil(total / (pageSize === undefined || pageSize === 0 ? PAGE_SIZE : pageSize));
    const pages = Math.max(pageCount ?? 0, pagesByTotal);
    if (page >= pages || body.entities.length === 0) {
      if (total !== undefined && clients.size < total) {
        throw failed(
          `ended at page ${page} with ${clients.size} distinct ${clients.size === 1 ? "client" : "clients"}, and says the org has ${total}: the list is incomplete (some client may be missing), so nothing is decided on it`,
        );
      }
      return [...clients.values()];
    }
    if (page >= MAX_PAGES) throw failed(`says the org has more than ${MAX_PAGES} pages of OAuth clients (${pages}): stopped there`);
  }
}

/** The org a deployment's credentials belong to (GET /api/v2/organizations/me): its id and name. */
export interface ApiOrganization {
  readonly id: string;
  readonly name: string;
}

/** The org the deployment's credentials log in to; the permission it needs is Organization > View. */
export async function organizationOf(deployment: Deployment, env: NodeJS.ProcessEnv, options: ApiOptions = {}): Promise<ApiOrganization> {
  const call = caller(deployment, env, options);
  const token = await accessToken(deployment, env, call);
  const forbidden =
    "the deployment's credentials may not read their own org (organizations/me): their role needs the permission Organization > View (organization:organization:view)";
  const body = await call("api", "/api/v2/organizations/me", { headers: { authorization: `Bearer ${token}` } }, { forbidden });
  if (!isJsonObject(body) || typeof body.id !== "string" || body.id.trim() === "")
    throw new GenesysApiError(`Genesys Cloud's answer for the credentials' org has no id (organizations/me)`, {
      deployment: deployment.name,
    });
  return { id: body.id, name: typeof body.name === "string" ? body.name : "" };
}

/**
 * Why the credentials are not the deployment's org (genesysCloud.organizationId), said as the stack's own guard says
 * it at plan; undefined when they are, or when the file names no org. Asked before anything is listed or written.
 */
export async function wrongOrganizationProblem(
  deployment: Deployment,
  env: NodeJS.ProcessEnv,
  options: ApiOptions = {},
): Promise<string | undefined> {
  const expected = deployment.genesysCloud.organizationId;
  if (expected === undefined) return undefined;
  const org = await organizationOf(deployment, env, options);
  if (org.id.toLowerCase() === expected.toLowerCase()) return undefined;
  // In the words of the stack's own check at plan (deployment-stack.ts), so that a reader meets one message for it.
  return shown(
    `Deployment '${deployment.name}' is for Genesys Cloud org ${expected.toLowerCase()}, but its credentials belong to org ${org.id} ` +
      `('${org.name}'). Nothing was changed: use the credentials of org ${expected.toLowerCase()}, or correct genesysCloud.organizationId`,
  );
}

/** An answer's client in the shape this project reads; anything else is an error: a client skipped could be the one. */
function asClient(value: unknown, where: string, failed: (what: string) => GenesysApiError): ApiOAuthClient {
  const wrong = (field: string, given: unknown) =>
    failed(`is not the list it documents (${where}${field}: ${shown(JSON.stringify(given) ?? String(given))})`);
  if (!isJsonObject(value)) throw wrong("", value);
  if (typeof value.id !== "string" || value.id.trim() === "") throw wrong(".id", value.id);
  const text = (field: string) => {
    const v = value[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "string") throw wrong(`.${field}`, v);
    return v;
  };
  const texts = (field: string) => {
    const v = value[field];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) throw wrong(`.${field}`, v);
    return v as string[];
  };
  const lifetime = value.accessTokenValiditySeconds;
  if (lifetime !== undefined && lifetime !== null && typeof lifetime !== "number") throw wrong(".accessTokenValiditySeconds", lifetime);
  return {
    id: value.id,
    name: text("name") ?? "",
    description: text("description"),
    accessTokenValiditySeconds: typeof lifetime === "number" ? lifetime : undefined,
    authorizedGrantType: text("authorizedGrantType") ?? "",
    registeredRedirectUri: texts("registeredRedirectUri"),
    scope: texts("scope"),
    state: text("state"),
    dateCreated: text("dateCreated"),
  };
}

/** Whether the org still has the client (false: deleted, say by hand in the admin UI). */
export async function oauthClientExists(
  deployment: Deployment,
  env: NodeJS.ProcessEnv,
  id: string,
  options: ApiOptions = {},
): Promise<boolean> {
  const segment = pathSegment(id, "the OAuth client id", deployment);
  const call = caller(deployment, env, options);
  const token = await accessToken(deployment, env, call);
  const found = await call("api", `/api/v2/oauth/clients/${segment}`, { headers: { authorization: `Bearer ${token}` } }, { missing: true });
  if (found === undefined) return false;
  if (!isJsonObject(found)) {
    throw new GenesysApiError(`Genesys Cloud's answer for one OAuth client is not the client it documents (not a JSON object)`, {
      deployment: deployment.name,
    });
  }
  return found.state !== "deleted";
}

/** One row of an OAuth client's API usage (Genesys's ApiUsageRow: requests per user, route and day). */
export interface ApiUsageRow {
  readonly clientId?: string;
  readonly userId?: string;
  readonly templateUri?: string;
  readonly httpMethod?: string;
  /**
   * The row's requests, a whole number; undefined when its counts cannot be read as one (no `requests`, not a whole
   * number, or another count of the row larger than it): such a row counts as use, and is shown as `unreadable`.
   */
  readonly requests?: number;
  /** The row as Genesys answered it, escaped, when its counts cannot be read. */
  readonly unreadable?: string;
  /** The day (or hour) the row counts, as the API wrote it (ISO 8601). */
  readonly date?: string;
}

/**
 * The permission the usage API needs (Genesys's API reference for GET /api/v2/oauth/clients/{clientId}/usage/summary
 * and .../usage/query/results/{executionId}: any of oauth:client:view, usage:client:view).
 */
export const USAGE_PERMISSION = "OAuth > Client > View (oauth:client:view) or Usage > Client > View (usage:client:view)";

/** How long a usage query is waited for: polls and the wait between them. */
const USAGE_POLLS = 30;
const USAGE_POLL_MS = 2000;

/**
 * An OAuth client's API usage over the last `days` days, every row: the summary query is started
 * (GET .../usage/summary?days=N answers an executionId), then its results are read until the query is complete, and
 * every page of them (cursors.after). A query still running after the polls, failed, or an answer that is not what
 * Genesys documents, is a GenesysApiError: nothing is decided on part of the rows.
 */
export async function oauthClientUsage(
  deployment: Deployment,
  env: NodeJS.ProcessEnv,
  clientId: string,
  days: number,
  options: ApiOptions & { polls?: number; pollMs?: number } = {},
): Promise<ApiUsageRow[]> {
  const { sleep = (ms: number) => new Promise((r) => setTimeout(r, ms)), polls = USAGE_POLLS, pollMs = USAGE_POLL_MS } = options;
  const base = `/api/v2/oauth/clients/${pathSegment(clientId, "the OAuth client id", deployment)}/usage`;
  const call = caller(deployment, env, options);
  const token = await accessToken(deployment, env, call);
  const forbidden = `the deployment's credentials may not read the API usage of OAuth client ${shown(clientId)}: their role needs the permission ${USAGE_PERMISSION}`;
  const failed = (what: string) =>
    new GenesysApiError(`Genesys Cloud's usage of OAuth client ${shown(clientId)} ${what}`, { deployment: deployment.name });
  const headers = { authorization: `Bearer ${token}` };
  const started = await call("api", `${base}/summary?days=${days}`, { headers }, { forbidden });
  if (!isJsonObject(started) || typeof started.executionId !== "string" || started.executionId.trim() === "")
    throw failed("query answered without an executionId");
  const results = `${base}/query/results/${pathSegment(started.executionId, "the usage query's executionId (from Genesys Cloud's answer)", deployment)}`;
  const rows: ApiUsageRow[] = [];
  let after: string | undefined;
  for (let poll = 1, page = 1; ;) {
    const body = await call(
      "api",
      after === undefined ? results : `${results}?after=${encodeURIComponent(after)}`,
      { headers },
      { forbidden },
    );
    if (!isJsonObject(body) || typeof body.queryStatus !== "string") throw failed(`results have no queryStatus (page ${page})`);
    const status = body.queryStatus.toLowerCase();
    if (status === "failed") throw failed("query failed in Genesys Cloud: try again later");
    if (status !== "complete") {
      if (poll >= polls)
        throw failed(
          `query is still ${shown(body.queryStatus)} after ${polls} looks, ${(polls * pollMs) / 1000} s: try again later; nothing is decided on part of it`,
        );
      poll++;
      await sleep(pollMs);
      continue;
    }
    // A complete query without its list of rows is no evidence of none.
    const list = body.results;
    if (!Array.isArray(list))
      throw failed(`results are not the list Genesys documents (page ${page}: results is ${shown(JSON.stringify(list) ?? "missing")})`);
    list.forEach((row, i) => rows.push(asUsageRow(row, `page ${page}, results[${i}]`, failed)));
    const next = isJsonObject(body.cursors) ? body.cursors.after : undefined;
    if (next === undefined || next === null || next === "") return rows;
    if (typeof next !== "string" || next === after) throw failed(`results' cursors.after is not a next page (page ${page})`);
    if (page >= MAX_PAGES) throw failed(`results have more than ${MAX_PAGES} pages: stopped there`);
    after = next;
    page++;
  }
}

function asUsageRow(value: unknown, where: string, failed: (what: string) => GenesysApiError): ApiUsageRow {
  const wrong = (field: string, given: unknown) =>
    failed(`results are not what Genesys documents (${where}${field}: ${shown(JSON.stringify(given) ?? String(given))})`);
  if (!isJsonObject(value)) throw wrong("", value);
  const text = (field: string) => {
    const v = value[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "string") throw wrong(`.${field}`, v);
    return v;
  };
  const requests = wholeRequests(value);
  return {
    clientId: text("clientId"),
    userId: text("userId"),
    templateUri: text("templateUri"),
    httpMethod: text("httpMethod"),
    ...(requests === undefined ? { unreadable: shown(JSON.stringify(value)) } : { requests }),
    date: text("date"),
  };
}

/** The text fields of Genesys's ApiUsageRow: what a row says about whose requests they were, never how many. */
const USAGE_ROW_TEXTS = new Set(["clientId", "clientName", "organizationId", "userId", "templateUri", "httpMethod", "date"]);

/**
 * A usage row's requests, where its counts read as one whole number: `requests` a whole number (not a text, not
 * negative), and every other field either one of the row's texts (USAGE_ROW_TEXTS) or a count no larger than it:
 * a whole number, or a text of digits. Anything else (a count as a text, true, a list, an object of counts, a count
 * larger than `requests`) is evidence of use that cannot be counted, and undefined: never read as none.
 */
function wholeRequests(row: Record<string, unknown>): number | undefined {
  const requests = row.requests;
  if (typeof requests !== "number" || !Number.isSafeInteger(requests) || requests < 0) return undefined;
  return Object.entries(row).every(([field, value]) => {
    if (field === "requests" || value === null || value === undefined) return true;
    if (USAGE_ROW_TEXTS.has(field) && typeof value === "string") return true;
    const count = typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
    return typeof count === "number" && Number.isSafeInteger(count) && count >= 0 && count <= requests;
  })
    ? requests
    : undefined;
}

/**
 * An id as one segment of a request path, checked for its shape first: Genesys Cloud's ids (OAuth clients, usage
 * queries) are GUIDs and such tokens, of letters, digits, hyphens and underscores. Anything else, from a state or an
 * API answer (`..`, a slash, a percent sign, a query), could change which path the token is sent to: a
 * GenesysApiError before any request with it.
 */
export function pathSegment(id: string, what: string, deployment: Pick<Deployment, "name">): string {
  if (PATH_ID.test(id)) return id;
  throw new GenesysApiError(
    `${what} is ${shown(JSON.stringify(id))}; allowed: ${ALLOWED_PATH_ID}. Not put into a request path; nothing decided on it`,
    { deployment: deployment.name },
  );
}

const PATH_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
const ALLOWED_PATH_ID = "an id of 1 to 128 letters, digits, hyphens and underscores (a GUID, as Genesys Cloud's ids are)";

/** The deployment's access token, or one for its client credentials (the provider's order). */
export async function accessToken(deployment: Deployment, env: NodeJS.ProcessEnv, call: Call): Promise<string> {
  const own = resolveCredentials(deployment, env);
  if (isCredentialsProblem(own))
    throw new GenesysApiError(`no Genesys Cloud credentials: ${credentialsInWords(own)}`, { deployment: deployment.name });
  if (own.values.accessToken) {
    // fetch refuses a header value with a line break and quotes it whole in its error: say so here, never the value.
    if (!SENDABLE_TOKEN.test(own.values.accessToken))
      throw new GenesysApiError(
        `${own.variables.accessToken} holds a line break, a control character or a character beyond Latin-1: no access token ` +
          "has one, and an HTTP header cannot carry it; nothing was sent (set it again, without them)",
        { deployment: deployment.name },
      );
    return own.values.accessToken;
  }
  const basic = Buffer.from(`${own.values.clientId ?? ""}:${own.values.clientSecret ?? ""}`).toString("base64");
  const body = await call("login", "/oauth/token", {
    method: "POST",
    headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });
  if (!isJsonObject(body) || typeof body.access_token !== "string") {
    throw new GenesysApiError(`Genesys Cloud's login answered without an access token`, { deployment: deployment.name });
  }
  return body.access_token;
}

/** What an access token may hold: characters a header can carry (HTTP drops spaces, tabs and line breaks around it). */
const SENDABLE_TOKEN = /^[\t\n\r ]*[\x20-\x7e\xa0-\xff]*[\t\n\r ]*$/;

/** `missing`: a 404 is an answer (undefined), not an error; `forbidden`: what a 403 means for this call. */
export type Call = (
  to: "login" | "api",
  path: string,
  init?: RequestInit,
  options?: { missing?: boolean; forbidden?: string },
) => Promise<unknown>;

/** What came from the API, as a person may read it: hidden characters escaped, on one line, at most 300 characters. */
export function shown(text: string): string {
  const line = showHiddenCharacters(text);
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

export function caller(deployment: Deployment, env: NodeJS.ProcessEnv, options: ApiOptions): Call {
  const { sleep: wait = (ms) => new Promise((r) => setTimeout(r, ms)), tries = DEFAULT_TRIES } = options;
  const timeoutMs = options.timeoutMs === undefined ? apiTimeoutMs(env) : Math.max(1, Math.round(options.timeoutMs));
  const maxBytes = options.maxAnswerBytes ?? MAX_ANSWER_BYTES;
  const endpoints = genesysEndpoints(deployment.genesysCloud);
  const failed = (what: string, status?: number) => new GenesysApiError(what, { deployment: deployment.name, status });
  const { deadlineAt } = options;
  const left = () => (deadlineAt === undefined ? Infinity : deadlineAt - Date.now());
  const sleep = async (ms: number, shownUrl: string) => {
    if (ms >= left())
      throw failed(
        `Genesys Cloud did not answer ${shownUrl} before the deadline of the whole check (its calls, tries and waits together): stopped, nothing decided on it`,
      );
    await wait(ms);
  };
  return async (to, path, init = {}, { missing = false, forbidden } = {}) => {
    const url = endpoints[to] + path;
    const shownUrl = `${init.method ?? "GET"} ${url.split("?")[0]}`;
    const host = new URL(url).host;
    for (let attempt = 1; ; attempt++) {
      // One deadline for connecting, the answer's head and its whole body (within the whole's, where one is given);
      // a redirect is never followed.
      const ms = Math.min(timeoutMs, left());
      if (ms <= 0)
        throw failed(
          `Genesys Cloud was not asked ${shownUrl}: the deadline of the whole check (its calls, tries and waits together) is past; nothing decided on it`,
        );
      const deadline = AbortSignal.timeout(Math.max(1, Math.floor(ms)));
      const timedOut = () =>
        failed(
          ms < timeoutMs
            ? `Genesys Cloud (${host}) did not answer ${shownUrl} before the deadline of the whole check (its calls, tries and waits together): stopped, nothing decided on it`
            : `Genesys Cloud (${host}) did not answer ${shownUrl} within ${timeoutMs / 1000} s: stopped, nothing decided on it ` +
                `(the deadline of each call is ${TIMEOUT_VARIABLE}, in seconds; ${DEFAULT_TIMEOUT_SECONDS} when unset)`,
        );
      let response: Response;
      try {
        response = await fetch(url, { ...init, redirect: "manual", signal: deadline });
      } catch (e) {
        if (deadline.aborted) throw timedOut();
        if (attempt < tries) {
          await sleep(backoff(attempt), shownUrl);
          continue;
        }
        const cause = (e as Error & { cause?: Error }).cause?.message ?? (e as Error).message;
        throw failed(`could not reach Genesys Cloud (${shownUrl}): ${shown(cause)}; tried ${tries} times`);
      }
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get("location");
        throw failed(
          `Genesys Cloud answered ${shownUrl} with a redirect (${response.status}${location ? ` to ${shown(location)}` : ""}): not followed, ` +
            "since only the deployment's own Genesys Cloud host (or gateway) is asked; nothing decided on it",
        );
      }
      const tooLarge = () =>
        failed(
          `Genesys Cloud's answer to ${shownUrl} is larger than ${maxBytes / 1024 / 1024} MiB (${response.status}): not read, nothing decided on it`,
        );
      if (Number(response.headers.get("content-length")) > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw tooLarge();
      }
      let text: string | undefined;
      try {
        text = await boundedText(response, maxBytes);
      } catch {
        if (deadline.aborted) throw timedOut();
        throw failed(`Genesys Cloud's answer to ${shownUrl} broke off before its end`);
      }
      if (text === undefined) throw tooLarge();
      if (response.ok) {
        try {
          return JSON.parse(text);
        } catch {
          throw failed(`Genesys Cloud answered ${shownUrl} with ${response.status} and a body that is not JSON`);
        }
      }
      if (missing && response.status === 404) return undefined;
      const message = errorMessage(text);
      const retryable = response.status === 429 || (response.status >= 500 && response.status !== 501);
      if (retryable && attempt < tries) {
        const retryAfter = Number(response.headers.get("retry-after"));
        await sleep(
          response.status === 429 && retryAfter > 0 ? Math.min(retryAfter, MAX_RETRY_AFTER_SECONDS) * 1000 : backoff(attempt),
          shownUrl,
        );
        continue;
      }
      if (response.status === 401 || (to === "login" && response.status === 400)) {
        throw failed(
          `Genesys Cloud refused the deployment's credentials (${response.status}${message}): give it a Client Credentials OAuth client ` +
            `of its own org (or an access token) in its variables (${docsPage("deploying", "Many Genesys Cloud orgs")})`,
          response.status,
        );
      }
      if (response.status === 403) {
        throw failed(
          forbidden === undefined
            ? `the deployment's credentials may not list OAuth clients (403${message}): their role needs the permission OAuth > Client > View (oauth:client:view)`
            : `${forbidden} (403${message})`,
          403,
        );
      }
      if (response.status === 429) throw failed(`Genesys Cloud rate-limited ${shownUrl} (429) ${tries} times in a row; try again later`);
      throw failed(
        `Genesys Cloud answered ${shownUrl} with ${response.status}${message}${retryable ? `, ${tries} times in a row` : ""}`,
        response.status,
      );
    }
  };
}

/** The answer's body as text, or undefined (the rest not read) once it holds more than `maxBytes` bytes. */
async function boundedText(response: Response, maxBytes: number): Promise<string | undefined> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  // As response.text() decodes: UTF-8, a byte order mark dropped, bytes that are not UTF-8 replaced.
  return new TextDecoder().decode(Buffer.concat(chunks, size));
}

/** Waits of 1, 2, 4, 8 ... seconds. */
function backoff(attempt: number): number {
  return 1000 * 2 ** (attempt - 1);
}

/** Genesys's own message of an error answer (`{ message, code, status }`), as " - message", escaped; "" when it has none. */
function errorMessage(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (!isJsonObject(parsed)) return "";
    const text = [parsed.message, parsed.error_description, parsed.description].find((m) => typeof m === "string" && m.trim() !== "");
    return typeof text === "string" ? ` - ${shown(text)}` : "";
  } catch {
    return "";
  }
}
