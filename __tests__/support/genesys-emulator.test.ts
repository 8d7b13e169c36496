import { Emulator, startEmulator } from "./genesys-emulator";

let emulator: Emulator;
let token: string;
const credentials = { clientId: "ci", clientSecret: "ci-secret" };
const valid = {
  name: "SCV",
  authorizedGrantType: "TOKEN",
  registeredRedirectUri: ["https://acme.lightning.force.com/lightning/page/home"],
  scope: ["conversations"],
};

function call(method: string, path: string, body?: object, auth = `Bearer ${token}`) {
  return fetch(emulator.url + path, {
    method,
    headers: { authorization: auth, "content-type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
}

beforeAll(async () => {
  emulator = await startEmulator([{ id: "11111111-1111-4111-8111-111111111111", name: "Acme", credentials, legacyImplicitGrant: true }]);
  const basic = Buffer.from("ci:ci-secret").toString("base64");
  const response = await fetch(`${emulator.url}/oauth/token`, {
    method: "POST",
    headers: { authorization: `Basic ${basic}` },
    body: "grant_type=client_credentials",
  });
  token = ((await response.json()) as { access_token: string }).access_token;
});
afterAll(() => emulator.close());

describe("the Genesys Cloud OAuth API emulator (test support)", () => {
  it("listens on loopback only", () => {
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("refuses bad client credentials and calls without a token", async () => {
    const basic = Buffer.from("ci:wrong").toString("base64");
    expect(
      (
        await fetch(`${emulator.url}/oauth/token`, {
          method: "POST",
          headers: { authorization: `Basic ${basic}` },
          body: "grant_type=client_credentials",
        })
      ).status,
    ).toBe(401);
    expect((await call("GET", "/api/v2/oauth/clients", undefined, "Bearer nope")).status).toBe(401);
  });

  it("creates, reads, updates and deletes (inactive first) a client, and keeps it meanwhile", async () => {
    const created = (await (await call("POST", "/api/v2/oauth/clients", valid)).json()) as { id: string; secret: string };
    expect(created.secret).toBeTruthy();
    expect(await (await call("GET", `/api/v2/oauth/clients/${created.id}`)).json()).toMatchObject({ ...valid, state: "active" });
    expect((await call("DELETE", `/api/v2/oauth/clients/${created.id}`)).status).toBe(400);
    expect((await call("PUT", `/api/v2/oauth/clients/${created.id}`, { ...valid, state: "inactive" })).status).toBe(200);
    expect((await call("DELETE", `/api/v2/oauth/clients/${created.id}`)).status).toBe(204);
    expect((await call("GET", `/api/v2/oauth/clients/${created.id}`)).status).toBe(404);
  });

  it.each([
    [{ ...valid, name: "" }, "name is required"],
    [{ ...valid, accessTokenValiditySeconds: 299 }, "accessTokenValiditySeconds must be between 300 and 38880000"],
    [{ ...valid, authorizedGrantType: "IMPLICIT" }, "authorizedGrantType must be one of"],
    [{ ...valid, registeredRedirectUri: [] }, "registeredRedirectUri is required for this grant type"],
    [{ ...valid, authorizedGrantType: "CODE", scope: [] }, "scope is required for this grant type"],
    [{ ...valid, authorizedGrantType: "CLIENT-CREDENTIALS" }, "roleDivisions are required for CLIENT-CREDENTIALS"],
  ])("enforces Genesys's rules: %j", async (body, message) => {
    const response = await call("POST", "/api/v2/oauth/clients", body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain(message);
  });

  it("answers what the provider reads at every start and before a create: the org, its products, the token's org, the home division", async () => {
    expect(await (await call("GET", "/api/v2/organizations/me")).json()).toMatchObject({
      id: "11111111-1111-4111-8111-111111111111",
      defaultCountryCode: "US",
    });
    const products = (await (await call("GET", "/api/v2/authorization/products")).json()) as { entities: unknown };
    expect(Array.isArray(products.entities)).toBe(true);
    expect(await (await call("GET", "/api/v2/tokens/me")).json()).toMatchObject({
      OAuthClient: { organization: { id: "11111111-1111-4111-8111-111111111111" } },
    });
    expect(await (await call("GET", "/api/v2/authorization/divisions/home")).json()).toMatchObject({
      homeDivision: true,
      id: expect.any(String),
    });
  });

  it("pages the list of clients, with pageCount", async () => {
    const ids = [];
    for (let i = 0; i < 3; i++)
      ids.push(((await (await call("POST", "/api/v2/oauth/clients", { ...valid, name: `paged ${i}` })).json()) as { id: string }).id);
    const pages = [];
    for (let page = 1; ; page++) {
      const body = (await (await call("GET", `/api/v2/oauth/clients?pageSize=2&pageNumber=${page}`)).json()) as {
        entities: { id: string }[];
        pageCount: number;
      };
      pages.push(...body.entities.map((e) => e.id));
      if (page >= body.pageCount) break;
    }
    expect(pages).toEqual(expect.arrayContaining(ids));
    for (const id of ids) {
      await call("PUT", `/api/v2/oauth/clients/${id}`, { ...valid, state: "inactive" });
      await call("DELETE", `/api/v2/oauth/clients/${id}`);
    }
  });

  it("replaces a client on PUT, as Genesys does: what the body leaves out is gone", async () => {
    const { id } = (await (await call("POST", "/api/v2/oauth/clients", { ...valid, description: "by hand" })).json()) as { id: string };
    await call("PUT", `/api/v2/oauth/clients/${id}`, valid);
    const read = (await (await call("GET", `/api/v2/oauth/clients/${id}`)).json()) as object;
    expect(read).not.toHaveProperty("description");
    expect(read).toMatchObject({ ...valid, accessTokenValiditySeconds: 86400, state: "active" });
  });

  it("drops a connection without an answer when told to", async () => {
    emulator.inject({ route: "GET /api/v2/organizations/me", status: 200, times: 1, drop: true });
    await expect(call("GET", "/api/v2/organizations/me")).rejects.toThrow();
    expect(emulator.requests).toContain("GET /api/v2/organizations/me dropped");
    expect((await call("GET", "/api/v2/organizations/me")).status).toBe(200);
  });

  it("injects faults: 429 with Retry-After, 500, then answers normally", async () => {
    emulator.inject({ route: "GET /api/v2/oauth/clients", status: 429, times: 1, retryAfterSeconds: 2 });
    emulator.inject({ route: "GET /api/v2/oauth/clients", status: 500, times: 1 });
    const first = await call("GET", "/api/v2/oauth/clients");
    expect([first.status, first.headers.get("retry-after")]).toEqual([429, "2"]);
    expect((await call("GET", "/api/v2/oauth/clients")).status).toBe(500);
    expect((await call("GET", "/api/v2/oauth/clients")).status).toBe(200);
  });
});

describe("several orgs in one emulator", () => {
  const orgs = [
    {
      id: "aaaaaaaa-0000-4000-8000-000000000001",
      name: "Acme US",
      credentials: { clientId: "us", clientSecret: "us-secret" },
      legacyImplicitGrant: true,
    },
    { id: "bbbbbbbb-0000-4000-8000-000000000002", name: "Acme EU", credentials: { clientId: "eu", clientSecret: "eu-secret" } },
  ];
  let two: Emulator;
  const login = async (clientId: string, clientSecret: string) => {
    const response = await fetch(`${two.url}/oauth/token`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}` },
      body: "grant_type=client_credentials",
    });
    return ((await response.json()) as { access_token: string }).access_token;
  };
  const get = (path: string, bearer: string) => fetch(two.url + path, { headers: { authorization: `Bearer ${bearer}` } });

  beforeAll(async () => {
    two = await startEmulator(orgs);
  });
  afterAll(() => two.close());

  it("answers organizations/me with the org the credentials belong to", async () => {
    const eu = await (await get("/api/v2/organizations/me", await login("eu", "eu-secret"))).json();
    expect(eu).toMatchObject({ id: orgs[1].id, name: "Acme EU", defaultCountryCode: "US" });
  });

  it("keeps each org's clients apart", async () => {
    const us = await login("us", "us-secret");
    const eu = await login("eu", "eu-secret");
    const created = await fetch(`${two.url}/api/v2/oauth/clients`, {
      method: "POST",
      headers: { authorization: `Bearer ${us}`, "content-type": "application/json" },
      body: JSON.stringify(valid),
    }).then((r) => r.json() as Promise<{ id: string }>);
    expect(two.clientsOf(orgs[0].id).map((c) => c.id)).toEqual([created.id]);
    expect(two.clientsOf(orgs[1].id)).toEqual([]);
    expect((await get(`/api/v2/oauth/clients/${created.id}`, eu)).status).toBe(404);
    expect(((await (await get("/api/v2/oauth/clients", eu)).json()) as { total: number }).total).toBe(0);
  });
});

describe("the implicit grant's retirement", () => {
  const org = {
    id: "cccccccc-0000-4000-8000-000000000003",
    name: "Acme Today",
    credentials: { clientId: "today", clientSecret: "today-secret" },
  };
  let today: Emulator;
  let bearer: string;
  const send = (method: string, path: string, body?: object) =>
    fetch(today.url + path, {
      method,
      headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
      body: body && JSON.stringify(body),
    });

  beforeAll(async () => {
    today = await startEmulator([org]);
    const response = await fetch(`${today.url}/oauth/token`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from("today:today-secret").toString("base64")}` },
      body: "grant_type=client_credentials",
    });
    bearer = ((await response.json()) as { access_token: string }).access_token;
  });
  afterAll(() => today.close());

  it("refuses a new TOKEN client with Genesys's error shape, and creates a CODE client", async () => {
    const refused = await send("POST", "/api/v2/oauth/clients", valid);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      status: 400,
      code: "bad.request",
      message: expect.stringMatching(/^The implicit grant \(TOKEN\) is no longer available for new OAuth clients/),
    });
    expect((await send("POST", "/api/v2/oauth/clients", { ...valid, authorizedGrantType: "CODE" })).status).toBe(200);
  });

  it("keeps an existing implicit client working: it reads and updates", async () => {
    const id = today.seed(org.id, {
      ...valid,
      accessTokenValiditySeconds: 86400,
      registeredRedirectUri: valid.registeredRedirectUri,
      scope: valid.scope,
    });
    expect((await send("GET", `/api/v2/oauth/clients/${id}`)).status).toBe(200);
    const updated = await send("PUT", `/api/v2/oauth/clients/${id}`, { ...valid, description: "kept" });
    expect(updated.status).toBe(200);
    expect(today.clients.get(id)).toMatchObject({ authorizedGrantType: "TOKEN", description: "kept" });
  });
});

describe("unknown routes", () => {
  it("answer 404 and are recorded, so that a test can fail when a provider calls one", async () => {
    const response = await call("GET", "/api/v2/users/me");
    expect(response.status).toBe(404);
    expect(emulator.unknownRoutes).toContain("GET /api/v2/users/me");
  });
});

describe("the audit: every create, update and delete of a client, served as the realtime audit query", () => {
  const ORG_ID = "11111111-1111-4111-8111-111111111111";
  const ANN = { kind: "user", id: "user-ann", name: "Ann Admin" } as const;
  const query = (body: object) => call("POST", "/api/v2/audits/query/realtime", body);
  const interval = (fromMs: number, toMs = Date.now() + 60_000) => `${new Date(fromMs).toISOString()}/${new Date(toMs).toISOString()}`;
  const lastHour = () => interval(Date.now() - 3_600_000);
  let id: string;

  beforeAll(async () => {
    id = ((await (await call("POST", "/api/v2/oauth/clients", valid)).json()) as { id: string }).id;
    await fetch(`${emulator.url}/api/v2/oauth/clients/${id}`, {
      method: "PUT",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "x-emulator-actor": JSON.stringify(ANN) },
      body: JSON.stringify({ ...valid, registeredRedirectUri: [...valid.registeredRedirectUri, "https://evil.example/cb"] }),
    });
    emulator.actAs({ kind: "client", id: "cleanup-script" });
    await call("PUT", `/api/v2/oauth/clients/${id}`, { ...valid, state: "inactive" });
    await call("DELETE", `/api/v2/oauth/clients/${id}`);
    emulator.actAs(undefined);
  });

  it("records each change with its actor: the login's client, a header's user, the actor a test set", () => {
    const entries = emulator.auditOf(ORG_ID).filter((e) => e.entity.id === id);
    expect(entries.map((e) => [e.action, e.user?.name ?? null, e.client.id])).toEqual([
      ["Create", null, "ci"],
      ["Update", "Ann Admin", expect.any(String)],
      ["Update", null, "cleanup-script"],
      ["Delete", null, "cleanup-script"],
    ]);
    expect(entries[1].propertyChanges.filter((p) => p.property !== "accessTokenValiditySeconds")).toEqual([
      {
        property: "registeredRedirectUri",
        oldValues: valid.registeredRedirectUri,
        newValues: [...valid.registeredRedirectUri, "https://evil.example/cb"],
      },
    ]);
    expect(entries[2].propertyChanges.map((p) => [p.property, p.oldValues.length, p.newValues])).toEqual([
      ["state", 1, ["inactive"]],
      ["registeredRedirectUri", 2, valid.registeredRedirectUri],
    ]);
  });

  it("serves the service mapping, in which one service holds OAuthClient", async () => {
    const mapping = (await (await call("GET", "/api/v2/audits/query/realtime/servicemapping")).json()) as {
      services: { name: string; entities: { name: string }[] }[];
    };
    expect(mapping.services.filter((s) => s.entities.some((e) => e.name === "OAuthClient")).map((s) => s.name)).toEqual([
      "PeoplePermissions",
    ]);
  });

  it("answers the realtime query: filtered by entity id, newest first, in pages with their totals", async () => {
    const body = { interval: lastHour(), serviceName: "PeoplePermissions", filters: [{ property: "EntityId", value: id }] };
    const first = (await (await query({ ...body, pageNumber: 1, pageSize: 3 })).json()) as Record<string, unknown> & {
      entities: { action: string }[];
    };
    expect(first).toMatchObject({ pageNumber: 1, pageSize: 3, total: 4, pageCount: 2 });
    expect(first.entities.map((e) => e.action)).toEqual(["Delete", "Update", "Update"]);
    const second = (await (await query({ ...body, pageNumber: 2, pageSize: 3 })).json()) as { entities: { action: string }[] };
    expect(second.entities.map((e) => e.action)).toEqual(["Create"]);
    const other = (await (await query({ ...body, filters: [{ property: "EntityId", value: "another" }] })).json()) as { total: number };
    expect(other.total).toBe(0);
  });

  it.each([
    ["a service the mapping does not name", { serviceName: "OAuth" }, "is not a service of the service mapping"],
    ["an unknown filter property", { filters: [{ property: "Entity", value: "x" }] }, "is not one of"],
    ["an interval that is not start/end", { interval: "yesterday" }, "is not an ISO-8601 interval"],
    ["an interval that ends before it starts", { interval: interval(Date.now(), Date.now() - 1000) }, "is not an ISO-8601 interval"],
    ["an interval reaching back more than 14 days", { interval: interval(Date.now() - 15 * 86_400_000) }, "more than 14 days"],
    ["a page size over 500", { pageSize: 501 }, "pageSize"],
  ])("answers 400 for %s", async (_, change, message) => {
    const response = await query({ interval: lastHour(), serviceName: "PeoplePermissions", ...change });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain(message);
  });

  it("answers 403 to the audit's routes once a test takes the permission away, and answers again when it is given back", async () => {
    emulator.denyAudit(ORG_ID);
    expect((await call("GET", "/api/v2/audits/query/realtime/servicemapping")).status).toBe(403);
    expect((await query({ interval: lastHour(), serviceName: "PeoplePermissions" })).status).toBe(403);
    emulator.denyAudit(ORG_ID, false);
    expect((await call("GET", "/api/v2/audits/query/realtime/servicemapping")).status).toBe(200);
  });
});
