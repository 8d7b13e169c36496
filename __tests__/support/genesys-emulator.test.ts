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
  emulator = await startEmulator(credentials);
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
    expect((await fetch(`${emulator.url}/oauth/token`, { method: "POST", headers: { authorization: `Basic ${basic}` }, body: "grant_type=client_credentials" })).status).toBe(401);
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

  it("injects faults: 429 with Retry-After, 500, then answers normally", async () => {
    emulator.inject({ route: "GET /api/v2/oauth/clients", status: 429, times: 1, retryAfterSeconds: 2 });
    emulator.inject({ route: "GET /api/v2/oauth/clients", status: 500, times: 1 });
    const first = await call("GET", "/api/v2/oauth/clients");
    expect([first.status, first.headers.get("retry-after")]).toEqual([429, "2"]);
    expect((await call("GET", "/api/v2/oauth/clients")).status).toBe(500);
    expect((await call("GET", "/api/v2/oauth/clients")).status).toBe(200);
  });
});
