/**
 * A local emulator of the Genesys Cloud API, for tests only: every route the real genesyscloud provider (1.82.0) calls
 * to manage an OAuth client, on 127.0.0.1 and an ephemeral port, with Genesys's field names, documented rules and
 * error shape, and faults to inject (429 with Retry-After, 5xx, slow answers, a dropped connection, a read that
 * answers 404 for a while after a create, as Genesys's eventual consistency does).
 * Several orgs can live in one emulator, each with its own client credentials and its own OAuth clients: a token
 * sees only its org, as in Genesys Cloud.
 *   POST /oauth/token                         client credentials → bearer token (the provider's login, at every start)
 *   GET  /api/v2/organizations/me              the org the token belongs to (every start; the organizations_me data source)
 *   GET  /api/v2/authorization/products        the org's products (every start)
 *   GET  /api/v2/tokens/me                     the token's OAuth client and org (before a create)
 *   GET  /api/v2/authorization/divisions/home  the home division (a create with roles that name no division)
 *   GET  /api/v2/oauth/clients                 list, paged
 *   POST /api/v2/oauth/clients                 create
 *   GET|PUT|DELETE /api/v2/oauth/clients/{id}  read, replace, delete
 *   GET  /api/v2/oauth/clients/{id}/usage/summary?days=N                   start a usage query → executionId
 *   GET  /api/v2/oauth/clients/{id}/usage/query/results/{executionId}     its queryStatus and rows, paged by cursors.after
 *   GET  /api/v2/audits/query/realtime/servicemapping                    the audit's services and their entities
 *   POST /api/v2/audits/query/realtime                                    the org's audit entries: interval, serviceName,
 *                                                                          filters, pageNumber, pageSize (SDK v188)
 * A client's usage is what a test sets (setUsage): rows, a page size, and how many looks a query stays Running.
 * Every create, update (its propertyChanges, old and new values) and delete of a client is an audit entry (an
 * AuditLogMessage of entity type OAuthClient, in the service AUDIT_SERVICE), made by the actor a test names: the
 * request's `x-emulator-actor` header (JSON: { kind: "user", id, name } or { kind: "client", id }), else the one
 * `actAs` set, else the OAuth client that logged in. The realtime query answers 400 for a service the mapping does not
 * name, a filter property it does not know, a bad interval or one reaching past 14 days; 403 once `denyAudit` is called.
 */
import { randomBytes, randomUUID } from "crypto";
import { createServer, IncomingMessage, Server } from "http";
import { AddressInfo } from "net";

export interface ApiClient {
  id: string;
  name: string;
  description?: string;
  accessTokenValiditySeconds: number;
  authorizedGrantType: string;
  registeredRedirectUri: string[];
  scope: string[];
  roleDivisions: { roleId: string; divisionId?: string }[];
  state: "active" | "inactive";
  secret: string;
  dateCreated: string;
}

export interface Fault {
  /** HTTP method and path prefix the fault applies to, e.g. "POST /api/v2/oauth/clients". */
  readonly route: string;
  readonly status: number;
  /** How many requests it answers; then it is spent. */
  times: number;
  readonly retryAfterSeconds?: number;
  readonly delayMs?: number;
  readonly body?: unknown;
  /** Closes the connection without an answer, as a network failure does. */
  readonly drop?: boolean;
  /** Answers with this text as it is (with `status`), as a broken server or proxy might. */
  readonly rawBody?: string;
}

/** An emulated Genesys Cloud org and the Client Credentials client Terraform logs in with. */
export interface EmulatedOrg {
  readonly id: string;
  readonly name: string;
  readonly credentials: { readonly clientId: string; readonly clientSecret: string };
  /**
   * An org from before Genesys stopped creating implicit-grant clients (March 2026): it still creates TOKEN clients.
   * Every other org refuses a new TOKEN client; existing ones keep working and can be updated.
   */
  readonly legacyImplicitGrant?: boolean;
}

/** What the emulated Genesys Cloud answers to a new implicit-grant client. */
export const IMPLICIT_GRANT_REFUSED =
  "The implicit grant (TOKEN) is no longer available for new OAuth clients. Create the client with the authorization code grant (CODE) and PKCE.";

export interface Emulator {
  readonly url: string;
  /** Every org's OAuth clients, by id. */
  readonly clients: Map<string, ApiClient>;
  /** The OAuth clients of one org. */
  clientsOf(orgId: string): ApiClient[];
  /** Puts a client in an org as it was made before (bypassing today's rules): a client made by hand long ago. */
  seed(orgId: string, client: Omit<ApiClient, "id" | "secret" | "dateCreated" | "roleDivisions" | "state">): string;
  /** Every request, as "METHOD /path STATUS", for assertions. */
  readonly requests: string[];
  /** The client id of every login (POST /oauth/token), accepted or not, in order: whose credentials reached here. */
  readonly logins: string[];
  /** Requests for routes the emulator does not serve: a provider calling one would meet no real Genesys answer here. */
  readonly unknownRoutes: string[];
  inject(fault: Fault): void;
  /**
   * The API usage the org's usage API answers for a client: its rows (dates within `days` of now are counted),
   * `pageSize` rows a page (cursors.after for the rest), and `runningLooks` results answered Running first.
   */
  setUsage(clientId: string, rows: readonly UsageRow[], options?: { pageSize?: number; runningLooks?: number }): void;
  /** The audit entries of an org, oldest first (AuditLogMessage's fields). */
  auditOf(orgId: string): AuditEntry[];
  /** Who makes the next changes (undefined: the OAuth client that logged in); a request's x-emulator-actor wins. */
  actAs(actor: EmulatedActor | undefined): void;
  /** Takes the audit's permission from an org's credentials (403), or gives it back. */
  denyAudit(orgId: string, denied?: boolean): void;
  /**
   * A request made outside the code, as a person in the admin UI or a script makes it: logged in with the org's
   * credentials, recorded in the audit as `actor` (else the org's OAuth client). Throws unless answered 2xx.
   */
  byHand(org: EmulatedOrg, method: string, path: string, body?: object, actor?: object): Promise<{ id: string } | undefined>;
  close(): Promise<void>;
}

/** Who changes a client: a person (as in the admin UI), or an OAuth client (a script). */
export type EmulatedActor =
  { readonly kind: "user"; readonly id: string; readonly name: string } | { readonly kind: "client"; readonly id: string };

/** The x-emulator-actor header's value for an actor: JSON, its characters beyond Latin-1 as \\u escapes (a header's bytes). */
export function actorHeader(actor: object): string {
  return JSON.stringify(actor).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** One audit entry, as Genesys's AuditLogMessage (SDK v188). */
export interface AuditEntry {
  id: string;
  userHomeOrgId: string;
  user?: { id: string; name: string; selfUri: string };
  client: { id: string; selfUri: string };
  remoteIp: string[];
  serviceName: string;
  level: "USER";
  eventDate: string;
  action: "Create" | "Update" | "Delete";
  entity: { id: string; name: string; selfUri: string };
  entityType: "OAuthClient";
  status: "SUCCESS";
  propertyChanges: { property: string; oldValues: string[]; newValues: string[] }[];
  context: Record<string, string>;
}

/**
 * The audit service that holds OAuthClient in this emulator: a name the tool must read from the service mapping (which
 * service holds it in a real org is unconfirmed), beside services that do not hold it.
 */
export const AUDIT_SERVICE = "PeoplePermissions";
const AUDIT_SERVICES = [
  { name: "Directory", entities: [{ name: "User", actions: ["Create", "Update", "Delete"] }] },
  { name: "Integrations", entities: [{ name: "Integration", actions: ["Create", "Update", "Delete"] }] },
  {
    name: AUDIT_SERVICE,
    entities: [
      { name: "Role", actions: ["Create", "Update", "Delete"] },
      { name: "OAuthClient", actions: ["Create", "Update", "Delete"] },
    ],
  },
];
/** The filter properties the realtime query takes (Genesys's documented list, unconfirmed for the realtime query). */
const AUDIT_FILTERS = ["EntityId", "EntityType", "UserId", "ClientId", "Action"];
/** A client's fields the audit records changes of, as the API names them. */
const AUDITED_FIELDS = [
  "name",
  "description",
  "state",
  "authorizedGrantType",
  "registeredRedirectUri",
  "accessTokenValiditySeconds",
  "scope",
  "roleDivisions",
] as const;

/** A row of usage as a test gives it (Genesys's ApiUsageRow fields; clientId is filled in). */
export interface UsageRow {
  readonly userId?: string;
  readonly templateUri?: string;
  readonly httpMethod?: string;
  /** A whole number as Genesys documents it; a test of what an API may answer instead gives anything, or nothing. */
  readonly requests?: unknown;
  /** ISO 8601; default today. */
  readonly date?: string;
  /** Any other field of the row as answered (status200 …): as a changed or hostile API might answer it. */
  readonly [field: string]: unknown;
}

const GRANT_TYPES = ["CODE", "TOKEN", "SAML2BEARER", "SAML2-BEARER", "PASSWORD", "CLIENT-CREDENTIALS"];
const CLIENTS = "/api/v2/oauth/clients";

/**
 * `paths`: the prefixes an API gateway puts before the login (`login`) and the API (`api`); a request without its
 * prefix is answered 404, as a gateway would. `latencyMs`: every answer waits that long.
 */
export async function startEmulator(
  orgs: readonly EmulatedOrg[],
  paths: { login?: string; api?: string } = {},
  options: { latencyMs?: number } = {},
): Promise<Emulator> {
  const clients = new Map<string, ApiClient>();
  const orgOfClient = new Map<string, string>();
  const tokens = new Map<string, EmulatedOrg>();
  /** The OAuth client each token was issued to (the actor of its changes, unless a test names another). */
  const tokenClients = new Map<string, string>();
  const audits = new Map<string, AuditEntry[]>();
  const auditDenied = new Set<string>();
  let currentActor: EmulatedActor | undefined;
  const faults: Fault[] = [];
  const requests: string[] = [];
  const logins: string[] = [];
  const unknownRoutes: string[] = [];
  const usage = new Map<string, { rows: UsageRow[]; pageSize: number; runningLooks: number }>();
  const executions = new Map<string, { clientId: string; rows: UsageRow[]; pageSize: number; looksLeft: number }>();

  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    // A round trip to a Genesys region, for benchmarks.
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    const requested = (req.url ?? "/").split("?")[0];
    const prefix = requested.includes("/oauth/token") ? paths.login : paths.api;
    const path = prefix
      ? requested.startsWith(`/${prefix}/`)
        ? requested.slice(prefix.length + 1)
        : "/(not behind the gateway prefix)"
      : requested;
    const answer = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      requests.push(`${req.method} ${path} ${status}`);
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(json === undefined ? "" : JSON.stringify(json));
    };
    const fault = faults.find((f) => f.times > 0 && `${req.method} ${path}`.startsWith(f.route));
    if (fault) {
      fault.times -= 1;
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault.rawBody !== undefined) {
        requests.push(`${req.method} ${path} ${fault.status}`);
        res.writeHead(fault.status, { "content-type": "text/html" });
        return res.end(fault.rawBody);
      }
      if (fault.drop) {
        requests.push(`${req.method} ${path} dropped`);
        return req.socket.destroy();
      }
      if (fault.status !== 200) {
        const headers: Record<string, string> =
          fault.retryAfterSeconds !== undefined ? { "retry-after": String(fault.retryAfterSeconds) } : {};
        return answer(fault.status, fault.body ?? error(fault.status, "injected fault"), headers);
      }
    }
    try {
      route(req, path, body, answer);
    } catch (e) {
      answer(500, error(500, (e as Error).message));
    }
  });

  function route(req: IncomingMessage, path: string, body: string, answer: (s: number, j?: unknown) => void): void {
    if (req.method === "POST" && path === "/oauth/token") {
      const [id, secret] = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64")
        .toString()
        .split(":");
      logins.push(id);
      const org = orgs.find((o) => o.credentials.clientId === id && o.credentials.clientSecret === secret);
      if (!org || !body.includes("grant_type=client_credentials")) {
        return answer(401, { error: "invalid_client", description: "authentication failed" });
      }
      const token = randomBytes(16).toString("hex");
      tokens.set(token, org);
      tokenClients.set(token, id);
      return answer(200, { access_token: token, token_type: "bearer", expires_in: 86399 });
    }
    const bearer = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    const org = tokens.get(bearer);
    if (!org) return answer(401, error(401, "Authentication failed", "authentication.required"));
    const record = (action: AuditEntry["action"], client: ApiClient, before?: ApiClient) => {
      const given = req.headers["x-emulator-actor"];
      const actor: EmulatedActor =
        typeof given === "string"
          ? (JSON.parse(given) as EmulatedActor)
          : (currentActor ?? { kind: "client", id: tokenClients.get(bearer) ?? "" });
      const entries = audits.get(org.id) ?? [];
      audits.set(org.id, entries);
      // A person works through the admin UI, whose own OAuth client makes the call.
      const callingClient = actor.kind === "client" ? actor.id : "ui-0000-4000-8000-admin-ui";
      entries.push({
        id: randomUUID(),
        userHomeOrgId: org.id,
        ...(actor.kind === "user" && { user: { id: actor.id, name: actor.name, selfUri: `/api/v2/users/${actor.id}` } }),
        client: { id: callingClient, selfUri: `${CLIENTS}/${callingClient}` },
        remoteIp: ["127.0.0.1"],
        serviceName: AUDIT_SERVICE,
        level: "USER",
        eventDate: new Date().toISOString(),
        action,
        entity: { id: client.id, name: client.name, selfUri: `${CLIENTS}/${client.id}` },
        entityType: "OAuthClient",
        status: "SUCCESS",
        propertyChanges: AUDITED_FIELDS.flatMap((field) => {
          const [oldValues, newValues] = [auditValues(before?.[field]), action === "Delete" ? [] : auditValues(client[field])];
          return action !== "Delete" && JSON.stringify(oldValues) === JSON.stringify(newValues)
            ? []
            : [{ property: field, oldValues, newValues }];
        }),
        context: {},
      });
    };
    if (path.startsWith("/api/v2/audits/") && auditDenied.has(org.id))
      return answer(403, error(403, "Missing permission audits:audit:view", "missing.permissions"));
    if (path === "/api/v2/audits/query/realtime/servicemapping" && req.method === "GET") return answer(200, { services: AUDIT_SERVICES });
    if (path === "/api/v2/audits/query/realtime" && req.method === "POST") {
      const query = parse(body) as Record<string, unknown>;
      const bad = (message: string) => answer(400, error(400, message, "bad.request"));
      const service = AUDIT_SERVICES.find((s) => s.name === query.serviceName);
      if (!service) return bad(`serviceName ${JSON.stringify(query.serviceName)} is not a service of the service mapping`);
      const [start, end, ...rest] = typeof query.interval === "string" ? query.interval.split("/") : [];
      const [from, to] = [Date.parse(start), Date.parse(end)];
      if (rest.length > 0 || Number.isNaN(from) || Number.isNaN(to) || from >= to)
        return bad(`interval ${JSON.stringify(query.interval)} is not an ISO-8601 interval start/end`);
      if (from < Date.now() - 14 * 86_400_000 - 60_000) return bad("interval reaches back more than 14 days: use /api/v2/audits/query");
      const filters = query.filters === undefined ? [] : query.filters;
      if (!Array.isArray(filters)) return bad("filters is not a list");
      for (const f of filters as { property?: unknown; value?: unknown }[]) {
        if (typeof f?.property !== "string" || !AUDIT_FILTERS.includes(f.property) || typeof f.value !== "string")
          return bad(`filter property ${JSON.stringify(f?.property)} is not one of ${AUDIT_FILTERS.join(", ")}`);
      }
      const pageNumber = query.pageNumber ?? 1;
      const pageSize = query.pageSize ?? 25;
      if (!Number.isInteger(pageNumber) || (pageNumber as number) < 1) return bad("pageNumber must be a whole number from 1");
      if (!Number.isInteger(pageSize) || (pageSize as number) < 1 || (pageSize as number) > 500)
        return bad("pageSize must be from 1 to 500");
      const field = (e: AuditEntry, property: string) =>
        ({ EntityId: e.entity.id, EntityType: e.entityType, UserId: e.user?.id, ClientId: e.client.id, Action: e.action })[property];
      const matching = (audits.get(org.id) ?? [])
        .filter((e) => e.serviceName === service.name)
        .filter((e) => Date.parse(e.eventDate) >= from && Date.parse(e.eventDate) <= to)
        .filter((e) => (filters as { property: string; value: string }[]).every((f) => field(e, f.property) === f.value))
        .reverse();
      const [n, size] = [pageNumber as number, pageSize as number];
      return answer(200, {
        entities: matching.slice((n - 1) * size, n * size),
        pageSize: size,
        pageNumber: n,
        total: matching.length,
        pageCount: Math.ceil(matching.length / size),
      });
    }
    if (path === "/api/v2/organizations/me" && req.method === "GET") {
      return answer(200, {
        id: org.id,
        name: org.name,
        defaultLanguage: "en-us",
        defaultCountryCode: "US",
        domain: org.name.toLowerCase().replace(/\W+/g, ""),
        thirdPartyOrgName: org.name.toLowerCase().replace(/\W+/g, "-"),
        voicemailEnabled: true,
        productPlatform: "PureCloud",
        selfUri: "/api/v2/organizations/me",
      });
    }
    if (path === "/api/v2/authorization/products" && req.method === "GET") {
      return answer(200, { entities: [{ id: "cx3" }], total: 1 });
    }
    if (path === "/api/v2/tokens/me" && req.method === "GET") {
      const { clientId } = org.credentials;
      return answer(200, {
        name: "Client Credentials",
        OAuthClient: { id: clientId, name: clientId, organization: { id: org.id, name: org.name } },
        authorizedScope: [],
        clonedUser: {},
      });
    }
    if (path === "/api/v2/authorization/divisions/home" && req.method === "GET") {
      return answer(200, {
        id: homeDivision(org),
        name: "Home",
        homeDivision: true,
        selfUri: `/api/v2/authorization/divisions/${homeDivision(org)}`,
      });
    }
    const own = [...clients.values()].filter((c) => orgOfClient.get(c.id) === org.id);
    if (path === CLIENTS && req.method === "GET") {
      const url = new URL(req.url ?? "/", "http://emulator");
      const pageSize = Math.min(Math.max(Number(url.searchParams.get("pageSize") ?? 25) || 25, 1), 500);
      const pageNumber = Math.max(Number(url.searchParams.get("pageNumber") ?? 1) || 1, 1);
      const entities = own.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map(publicView);
      return answer(200, { entities, pageSize, pageNumber, total: own.length, pageCount: Math.max(1, Math.ceil(own.length / pageSize)) });
    }
    if (path === CLIENTS && req.method === "POST") {
      const input = parse(body);
      const problems = validate(input);
      if (problems.length > 0) return answer(400, error(400, problems.join("; "), "bad.request"));
      if (input.authorizedGrantType === "TOKEN" && !org.legacyImplicitGrant)
        return answer(400, error(400, IMPLICIT_GRANT_REFUSED, "bad.request"));
      const client: ApiClient = {
        ...(input as Omit<ApiClient, "id" | "secret" | "dateCreated">),
        registeredRedirectUri: input.registeredRedirectUri ?? [],
        scope: input.scope ?? [],
        roleDivisions: input.roleDivisions ?? [],
        state: input.state ?? "active",
        id: randomUUID(),
        secret: randomBytes(24).toString("base64url"),
        dateCreated: new Date().toISOString(),
      };
      clients.set(client.id, client);
      orgOfClient.set(client.id, org.id);
      record("Create", client);
      return answer(200, { ...publicView(client), secret: client.secret });
    }
    const summary = new RegExp(`^${CLIENTS}/([^/]+)/usage/summary$`).exec(path);
    if (summary && req.method === "GET") {
      const client = own.find((c) => c.id === summary[1]);
      if (!client) return answer(404, error(404, `OAuth client ${summary[1]} not found`, "not.found"));
      const days = Number(new URL(req.url ?? "/", "http://emulator").searchParams.get("days") ?? 7);
      const set = usage.get(client.id) ?? { rows: [], pageSize: 100, runningLooks: 0 };
      const since = Date.now() - days * 86400000;
      const executionId = randomUUID();
      executions.set(executionId, {
        clientId: client.id,
        rows: set.rows.filter((r) => Date.parse(r.date ?? new Date().toISOString()) >= since),
        pageSize: set.pageSize,
        looksLeft: set.runningLooks,
      });
      return answer(202, { executionId, resultsUri: `${CLIENTS}/${client.id}/usage/query/results/${executionId}` });
    }
    const results = new RegExp(`^${CLIENTS}/([^/]+)/usage/query/results/([^/]+)$`).exec(path);
    if (results && req.method === "GET") {
      const execution = executions.get(results[2]);
      if (!execution || execution.clientId !== results[1] || !own.some((c) => c.id === results[1]))
        return answer(404, error(404, `usage query ${results[2]} not found`, "not.found"));
      if (execution.looksLeft > 0) {
        execution.looksLeft -= 1;
        return answer(200, { queryStatus: "Running" });
      }
      const after = Number(new URL(req.url ?? "/", "http://emulator").searchParams.get("after") ?? 0) || 0;
      const page = execution.rows.slice(after, after + execution.pageSize).map((r) => ({
        clientId: execution.clientId,
        clientName: own.find((c) => c.id === execution.clientId)?.name,
        organizationId: org.id,
        ...(typeof r.requests === "number" && { status200: r.requests }),
        ...r,
        date: r.date ?? new Date().toISOString(),
      }));
      const next = after + execution.pageSize < execution.rows.length ? String(after + execution.pageSize) : undefined;
      return answer(200, { queryStatus: "Complete", results: page, ...(next && { cursors: { after: next } }) });
    }
    const match = new RegExp(`^${CLIENTS}/([^/]+)$`).exec(path);
    if (match) {
      const existing = own.find((c) => c.id === match[1]);
      if (!existing) return answer(404, error(404, `OAuth client ${match[1]} not found`, "not.found"));
      if (req.method === "GET") return answer(200, publicView(existing));
      if (req.method === "DELETE") {
        if (existing.state !== "inactive")
          return answer(400, error(400, "An active client cannot be deleted: set it inactive first", "bad.request"));
        clients.delete(existing.id);
        record("Delete", existing, existing);
        return answer(204);
      }
      if (req.method === "PUT") {
        // A full replacement, as in Genesys: what the body leaves out is gone.
        const input = parse(body);
        const problems = validate(input);
        if (problems.length > 0) return answer(400, error(400, problems.join("; "), "bad.request"));
        const updated: ApiClient = {
          id: existing.id,
          name: input.name as string,
          ...(input.description !== undefined && { description: input.description }),
          accessTokenValiditySeconds: input.accessTokenValiditySeconds ?? 86400,
          authorizedGrantType: input.authorizedGrantType as string,
          registeredRedirectUri: input.registeredRedirectUri ?? [],
          scope: input.scope ?? [],
          roleDivisions: input.roleDivisions ?? [],
          state: input.state ?? "active",
          secret: existing.secret,
          dateCreated: existing.dateCreated,
        };
        clients.set(existing.id, updated);
        record("Update", updated, existing);
        return answer(200, publicView(updated));
      }
    }
    unknownRoutes.push(`${req.method} ${path}`);
    answer(404, error(404, `no route for ${req.method} ${path}`, "not.found"));
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    clients,
    clientsOf: (orgId) => [...clients.values()].filter((c) => orgOfClient.get(c.id) === orgId),
    seed(orgId, client) {
      const id = randomUUID();
      clients.set(id, {
        ...client,
        roleDivisions: [],
        state: "active",
        id,
        secret: randomBytes(24).toString("base64url"),
        dateCreated: "2024-05-01T09:00:00Z",
      });
      orgOfClient.set(id, orgId);
      return id;
    },
    requests,
    logins,
    unknownRoutes,
    inject: (fault) => faults.push(fault),
    setUsage(clientId, rows, { pageSize = 100, runningLooks = 0 } = {}) {
      usage.set(clientId, { rows: [...rows], pageSize, runningLooks });
    },
    auditOf: (orgId) => [...(audits.get(orgId) ?? [])],
    actAs(actor) {
      currentActor = actor;
    },
    denyAudit(orgId, denied = true) {
      if (denied) auditDenied.add(orgId);
      else auditDenied.delete(orgId);
    },
    async byHand(org, method, path, body, actor) {
      const { clientId, clientSecret } = org.credentials;
      const login = await fetch(`${url}/oauth/token`, {
        method: "POST",
        headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}` },
        body: "grant_type=client_credentials",
      });
      const { access_token } = (await login.json()) as { access_token: string };
      const response = await fetch(url + path, {
        method,
        headers: {
          authorization: `Bearer ${access_token}`,
          "content-type": "application/json",
          ...(actor && { "x-emulator-actor": actorHeader(actor) }),
        },
        body: body && JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path} by hand: ${response.status} ${await response.text()}`);
      return response.status === 204 ? undefined : ((await response.json()) as { id: string });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A field's value as the audit writes it: a list's items, or the one value, as texts; nothing for none. */
function auditValues(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value))
    return value.map((v) => (typeof v === "object" ? `${v.roleId}${v.divisionId ? `/${v.divisionId}` : ""}` : String(v)));
  return [String(value)];
}

/** An org's home division id, stable for the org. */
function homeDivision(org: EmulatedOrg): string {
  return `${org.id.slice(0, 8)}-d1v0-4000-8000-000000000000`;
}

/** Genesys's documented rules for an OAuth client. */
function validate(input: Partial<ApiClient>): string[] {
  const problems: string[] = [];
  if (!input.name) problems.push("name is required");
  const lifetime = input.accessTokenValiditySeconds;
  if (lifetime !== undefined && (!Number.isInteger(lifetime) || lifetime < 300 || lifetime > 38880000)) {
    problems.push("accessTokenValiditySeconds must be between 300 and 38880000");
  }
  if (!GRANT_TYPES.includes(input.authorizedGrantType ?? "")) problems.push(`authorizedGrantType must be one of ${GRANT_TYPES.join(", ")}`);
  if (["TOKEN", "CODE"].includes(input.authorizedGrantType ?? "")) {
    if (!input.registeredRedirectUri?.length) problems.push("registeredRedirectUri is required for this grant type");
    if (!input.scope?.length) problems.push("scope is required for this grant type");
  }
  if (input.authorizedGrantType === "CLIENT-CREDENTIALS" && !input.roleDivisions?.length) {
    problems.push("roleDivisions are required for CLIENT-CREDENTIALS");
  }
  if (input.state !== undefined && !["active", "inactive"].includes(input.state)) problems.push("state must be active or inactive");
  return problems;
}

function publicView(client: ApiClient): Omit<ApiClient, "secret"> {
  const { secret: _secret, ...rest } = client;
  return rest;
}

function error(status: number, message: string, code = "error") {
  return { message, code, status, messageParams: {}, contextId: randomUUID(), details: [], errors: [] };
}

function parse(body: string): Partial<ApiClient> {
  try {
    return JSON.parse(body || "{}");
  } catch {
    return {};
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => resolve(body));
  });
}
