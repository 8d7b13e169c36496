/**
 * The few Genesys Cloud API calls `npm run adopt` and the deploy guard make, with Node's own fetch: log in as the
 * provider does for a deployment (its region, or its genesysCloud.gateway with path prefixes; its own credentials,
 * an access token first) and list the org's OAuth clients, every page. 429 (after its Retry-After) and 5xx but 501
 * are retried a bounded number of times; every other failure is one GenesysApiError naming the deployment.
 * (Genesys's JavaScript SDK builds the same URLs, but retries nothing, drops paging parameters and brings 62
 * packages; what it would add here is these few lines.)
 */
import { credentialsProblem, deploymentEnvironment } from "./credentials";
import { Deployment } from "./deployments";
import { GENESYS_CLOUD_DOMAINS } from "./regions";
import { isJsonObject } from "../shared/json-input";

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

/** A failure of the Genesys Cloud API, in one message for the user. */
export class GenesysApiError extends Error {}

export interface ApiOptions {
  /** Waits between retries; tests give one that does not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Tries per request, the first included. */
  readonly tries?: number;
}

const DEFAULT_TRIES = 5;
/** Pages of 100 clients; no org has 100,000 OAuth clients, and a server that says it does is not answering right. */
const MAX_PAGES = 1000;
/** The longest Retry-After honoured, in seconds (the provider's SDK honours up to 180). */
const MAX_RETRY_AFTER_SECONDS = 180;

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

/** Every OAuth client of the deployment's org. */
export async function listOAuthClients(deployment: Deployment, env: NodeJS.ProcessEnv, options: ApiOptions = {}): Promise<ApiOAuthClient[]> {
  const call = caller(deployment, options);
  const token = await accessToken(deployment, env, call);
  const clients: ApiOAuthClient[] = [];
  for (let page = 1; ; page++) {
    const body = await call("api", `/api/v2/oauth/clients?pageSize=100&pageNumber=${page}`, { headers: { authorization: `Bearer ${token}` } });
    const { entities = [], pageCount } = (isJsonObject(body) ? body : {}) as { entities?: unknown; pageCount?: unknown };
    if (!isJsonObject(body) || !Array.isArray(entities)) {
      throw new GenesysApiError(`deployment "${deployment.name}": Genesys Cloud's list of OAuth clients is not the list it documents (no entities)`);
    }
    clients.push(...entities.flatMap(asClient));
    if (typeof pageCount !== "number" || page >= pageCount || entities.length === 0) return clients;
    if (page >= MAX_PAGES) {
      throw new GenesysApiError(`deployment "${deployment.name}": Genesys Cloud says the org has more than ${MAX_PAGES} pages of OAuth clients (pageCount ${pageCount}): stopped there`);
    }
  }
}

/** An answer's client in the shape this project reads: fields of the wrong type dropped, not trusted. */
function asClient(value: unknown): ApiOAuthClient[] {
  if (!isJsonObject(value) || typeof value.id !== "string") return [];
  const text = (v: unknown) => (typeof v === "string" ? v : undefined);
  const texts = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
  return [
    {
      id: value.id,
      name: text(value.name) ?? "",
      description: text(value.description),
      accessTokenValiditySeconds: typeof value.accessTokenValiditySeconds === "number" ? value.accessTokenValiditySeconds : undefined,
      authorizedGrantType: text(value.authorizedGrantType) ?? "",
      registeredRedirectUri: texts(value.registeredRedirectUri),
      scope: texts(value.scope),
      state: text(value.state),
      dateCreated: text(value.dateCreated),
    },
  ];
}

/** Whether the org still has the client (false: deleted, say by hand in the admin UI). */
export async function oauthClientExists(deployment: Deployment, env: NodeJS.ProcessEnv, id: string, options: ApiOptions = {}): Promise<boolean> {
  const call = caller(deployment, options);
  const token = await accessToken(deployment, env, call);
  const found = await call("api", `/api/v2/oauth/clients/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${token}` } }, { missing: true });
  if (found !== undefined && !isJsonObject(found)) throw new GenesysApiError(`deployment "${deployment.name}": Genesys Cloud's answer for one OAuth client is not the client it documents (not a JSON object)`);
  return found !== undefined && (found as ApiOAuthClient).state !== "deleted";
}

/** The deployment's access token, or one for its client credentials (the provider's order). */
async function accessToken(deployment: Deployment, env: NodeJS.ProcessEnv, call: Call): Promise<string> {
  const missing = credentialsProblem(deployment, env);
  if (missing) throw new GenesysApiError(`deployment "${deployment.name}": no Genesys Cloud credentials: ${missing}`);
  const own = deploymentEnvironment(deployment, env);
  if (own.GENESYSCLOUD_ACCESS_TOKEN) return own.GENESYSCLOUD_ACCESS_TOKEN;
  const basic = Buffer.from(`${own.GENESYSCLOUD_OAUTHCLIENT_ID ?? ""}:${own.GENESYSCLOUD_OAUTHCLIENT_SECRET ?? ""}`).toString("base64");
  const body = (await call("login", "/oauth/token", {
    method: "POST",
    headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  })) as { access_token?: string };
  if (!isJsonObject(body) || typeof body.access_token !== "string") throw new GenesysApiError(`deployment "${deployment.name}": Genesys Cloud's login answered without an access token`);
  return body.access_token;
}

/** `missing`: a 404 is an answer (undefined), not an error. */
type Call = (to: "login" | "api", path: string, init?: RequestInit, options?: { missing?: boolean }) => Promise<unknown>;

function caller(deployment: Deployment, { sleep = (ms) => new Promise((r) => setTimeout(r, ms)), tries = DEFAULT_TRIES }: ApiOptions): Call {
  const endpoints = genesysEndpoints(deployment.genesysCloud);
  const failed = (what: string) => new GenesysApiError(`deployment "${deployment.name}": ${what}`);
  return async (to, path, init = {}, { missing = false } = {}) => {
    const url = endpoints[to] + path;
    const shown = `${init.method ?? "GET"} ${url.split("?")[0]}`;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(url, init);
      } catch (e) {
        if (attempt < tries) {
          await sleep(backoff(attempt));
          continue;
        }
        const cause = (e as Error & { cause?: Error }).cause?.message ?? (e as Error).message;
        throw failed(`could not reach Genesys Cloud (${shown}): ${cause}; tried ${tries} times`);
      }
      if (response.ok) {
        try {
          return await response.json();
        } catch {
          throw failed(`Genesys Cloud answered ${shown} with ${response.status} and a body that is not JSON`);
        }
      }
      if (missing && response.status === 404) return undefined;
      const message = await errorMessage(response);
      const retryable = response.status === 429 || (response.status >= 500 && response.status !== 501);
      if (retryable && attempt < tries) {
        const retryAfter = Number(response.headers.get("retry-after"));
        await sleep(response.status === 429 && retryAfter > 0 ? Math.min(retryAfter, MAX_RETRY_AFTER_SECONDS) * 1000 : backoff(attempt));
        continue;
      }
      if (response.status === 401 || (to === "login" && response.status === 400)) {
        throw failed(
          `Genesys Cloud refused the deployment's credentials (${response.status}${message}): give it a Client Credentials OAuth client ` +
            "of its own org (or an access token) in the variables README's Deploying section names",
        );
      }
      if (response.status === 403) {
        throw failed(`the deployment's credentials may not list OAuth clients (403${message}): their role needs the permission OAuth > Client > View (oauth:client:view)`);
      }
      if (response.status === 429) throw failed(`Genesys Cloud rate-limited ${shown} (429) ${tries} times in a row; try again later`);
      throw failed(`Genesys Cloud answered ${shown} with ${response.status}${message}${retryable ? `, ${tries} times in a row` : ""}`);
    }
  };
}

/** Waits of 1, 2, 4, 8 ... seconds. */
function backoff(attempt: number): number {
  return 1000 * 2 ** (attempt - 1);
}

/** Genesys's own message of an error answer (`{ message, code, status }`), as " - message"; "" when it has none. */
async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { message?: unknown; error_description?: unknown; description?: unknown };
    const text = [body.message, body.error_description, body.description].find((m) => typeof m === "string" && m.trim() !== "");
    return typeof text === "string" ? ` - ${text.slice(0, 300)}` : "";
  } catch {
    return "";
  }
}
