/** The Genesys Cloud API as adopt and the deploy guard call it, against the tests' emulator (loopback only). */
import fc from "fast-check";
import { binaryString } from "../../support/fast-check";
import { IncomingMessage } from "http";
import { Deployment } from "../../../lib/app/deployments/deployments";
import { gzipSync } from "zlib";
import { apiTimeoutMs, GenesysApiError, genesysEndpoints, listOAuthClients, MAX_ANSWER_BYTES } from "../../../lib/app/genesys/api";
import { isPlainText } from "../../../lib/shared/plain-text";
import { Emulator, EmulatedOrg, startEmulator } from "../../support/genesys-emulator";
import { scriptedApi, silentApi, TOKEN_ENV } from "../../support/scripted-api";

const ORG: EmulatedOrg = {
  id: "a1b2c3d4-0000-4000-8000-00000000ac3e",
  name: "Acme",
  credentials: { clientId: "ci", clientSecret: "ci-secret" },
  legacyImplicitGrant: true,
};
const env = { GENESYSCLOUD_OAUTHCLIENT_ID: "ci", GENESYSCLOUD_OAUTHCLIENT_SECRET: "ci-secret" };
const paths = { login: "genesys/login", api: "genesys/api" };
let emulator: Emulator;
let deployment: Deployment;
const waits: number[] = [];
const options = { sleep: async (ms: number) => void waits.push(ms) };

beforeAll(async () => {
  emulator = await startEmulator([ORG], paths);
  const port = Number(new URL(emulator.url).port);
  deployment = {
    name: "production",
    genesysCloud: {
      region: "us-east-1",
      gateway: {
        host: "127.0.0.1",
        port,
        protocol: "http",
        pathParams: Object.entries(paths).map(([pathName, pathValue]) => ({ pathName, pathValue })),
      },
    },
    salesforce: { myDomain: "acme" },
  } as Deployment;
});
afterAll(() => emulator.close());
beforeEach(() => void (waits.length = 0));

describe("genesysEndpoints", () => {
  it("is the region's login and API host, or the gateway with its own prefix for each (its default port left out)", () => {
    expect(genesysEndpoints({ region: "eu-central-1" } as Deployment["genesysCloud"])).toEqual({
      login: "https://login.mypurecloud.de",
      api: "https://api.mypurecloud.de",
    });
    const gateway = { host: "gw.acme.example", port: 443, protocol: "https", pathParams: [{ pathName: "api", pathValue: "genesys/api" }] };
    expect(genesysEndpoints({ region: "us-east-1", gateway } as Deployment["genesysCloud"])).toEqual({
      login: "https://gw.acme.example",
      api: "https://gw.acme.example/genesys/api",
    });
  });
});

describe("listOAuthClients", () => {
  it("logs in through the gateway's login prefix and lists every page under its API prefix", async () => {
    for (let i = 0; i < 230; i++)
      emulator.seed(ORG.id, {
        name: `c${i}`,
        accessTokenValiditySeconds: 86400,
        authorizedGrantType: "CODE",
        registeredRedirectUri: [],
        scope: [],
      });
    const clients = await listOAuthClients(deployment, env, options);
    expect(clients).toHaveLength(230);
    expect(emulator.requests.filter((r) => r.startsWith("GET /api/v2/oauth/clients "))).toEqual([
      "GET /api/v2/oauth/clients 200",
      "GET /api/v2/oauth/clients 200",
      "GET /api/v2/oauth/clients 200",
    ]);
    expect(emulator.requests.filter((r) => r.includes("not behind the gateway prefix"))).toEqual([]);
  });

  it("uses an access token as is, without a login", async () => {
    const before = emulator.requests.filter((r) => r.startsWith("POST /oauth/token")).length;
    const token = await fetch(`${emulator.url}/genesys/login/oauth/token`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from("ci:ci-secret").toString("base64")}` },
      body: "grant_type=client_credentials",
    }).then((r) => r.json() as Promise<{ access_token: string }>);
    await listOAuthClients(deployment, { GENESYSCLOUD_ACCESS_TOKEN: token.access_token }, options);
    expect(emulator.requests.filter((r) => r.startsWith("POST /oauth/token")).length).toBe(before + 1);
  });

  it("retries a 429 after its Retry-After, and a 500, then succeeds", async () => {
    emulator.inject({ route: "GET /api/v2/oauth/clients", status: 429, times: 1, retryAfterSeconds: 7 });
    emulator.inject({ route: "GET /api/v2/oauth/clients", status: 503, times: 1 });
    await expect(listOAuthClients(deployment, env, options)).resolves.toHaveLength(230);
    expect(waits).toEqual([7000, 2000]);
  });

  it.each([
    [
      "wrong credentials (401)",
      () => ({ ...env, GENESYSCLOUD_OAUTHCLIENT_SECRET: "wrong" }),
      undefined,
      /^deployment "production": Genesys Cloud refused the deployment's credentials \(401 - /,
    ],
    [
      "a role without oauth:client:view (403)",
      () => env,
      { route: "GET /api/v2/oauth/clients", status: 403, times: 1 },
      /^deployment "production": the deployment's credentials may not list OAuth clients \(403 - injected fault\): their role needs the permission OAuth > Client > View \(oauth:client:view\)$/,
    ],
    [
      "429 every time",
      () => env,
      { route: "GET /api/v2/oauth/clients", status: 429, times: 5, retryAfterSeconds: 1 },
      /^deployment "production": Genesys Cloud rate-limited GET http:\/\/127\.0\.0\.1:\d+\/genesys\/api\/api\/v2\/oauth\/clients \(429\) 5 times in a row; try again later$/,
    ],
    [
      "500 every time",
      () => env,
      { route: "GET /api/v2/oauth/clients", status: 500, times: 5 },
      /^deployment "production": Genesys Cloud answered GET .* with 500 - injected fault, 5 times in a row$/,
    ],
  ])("%s is one message naming the deployment", async (_, credentials, fault, message) => {
    if (fault) emulator.inject(fault);
    const error = await listOAuthClients(deployment, credentials(), options).catch((e) => e);
    expect(error).toBeInstanceOf(GenesysApiError);
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/ci-secret|wrong/);
  });

  it("a gateway nobody answers is one message, after the retries", async () => {
    const closed = {
      ...deployment,
      genesysCloud: { ...deployment.genesysCloud, gateway: { host: "127.0.0.1", port: 9, protocol: "http" as const } },
    };
    const error = await listOAuthClients(closed, env, options).catch((e) => e);
    expect(error.message).toMatch(
      /^deployment "production": could not reach Genesys Cloud \(POST http:\/\/127\.0\.0\.1:9\/oauth\/token\): .*; tried 5 times$/,
    );
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
  });
});

describe("answers that are not what Genesys documents", () => {
  it("a body that is not JSON is one message, not a crash", async () => {
    emulator.inject({ route: "GET /api/v2/oauth/clients", status: 200, times: 1, rawBody: "<html>not json</html>" });
    const error = await listOAuthClients(deployment, env, options).catch((e) => e);
    expect(error).toBeInstanceOf(GenesysApiError);
    expect(error.message).toMatch(/^deployment "production": Genesys Cloud answered GET .* with 200 and a body that is not JSON$/);
  });

  it("an access token no HTTP header can carry (a line break inside) is named by its variable, never quoted, with no request", async () => {
    const before = emulator.requests.length;
    const token = "tok-SECRET-123\ntail-SECRET-456";
    const error = await listOAuthClients(deployment, { GENESYSCLOUD_ACCESS_TOKEN: token }, options).catch((e) => e);
    expect(error).toBeInstanceOf(GenesysApiError);
    expect(error.message).toMatch(/^deployment "production": GENESYSCLOUD_ACCESS_TOKEN holds a line break, /);
    expect(error.message).not.toMatch(/SECRET/);
    expect(emulator.requests.length).toBe(before);
    expect(waits).toEqual([]);
  });

  it("an access token with a line break only around it is sent, as HTTP drops it", async () => {
    const token = await fetch(`${emulator.url}/genesys/login/oauth/token`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from("ci:ci-secret").toString("base64")}` },
      body: "grant_type=client_credentials",
    }).then((r) => r.json() as Promise<{ access_token: string }>);
    await expect(listOAuthClients(deployment, { GENESYSCLOUD_ACCESS_TOKEN: `${token.access_token}\n` }, options)).resolves.toBeDefined();
  });

  it("no credentials at all is one message at once, with no request", async () => {
    const before = emulator.requests.length;
    const error = await listOAuthClients(deployment, {}, options).catch((e) => e);
    expect(error.message).toBe(
      'deployment "production": no Genesys Cloud credentials: none of GENESYSCLOUD_OAUTHCLIENT_ID with GENESYSCLOUD_OAUTHCLIENT_SECRET, or GENESYSCLOUD_ACCESS_TOKEN, is set',
    );
    expect(emulator.requests.length).toBe(before);
  });
});

describe("bounded and fail-closed", () => {
  const client = (id: string, host = "acme.lightning.force.com") => ({
    id,
    name: id,
    authorizedGrantType: "TOKEN",
    registeredRedirectUri: [`https://${host}/lightning/page/home`],
    scope: [],
  });
  const page = (req: IncomingMessage) => Number(new URL(req.url ?? "/", "http://x").searchParams.get("pageNumber"));

  it("an API that never answers is one message within the deadline, naming the host", async () => {
    const api = await silentApi();
    const started = Date.now();
    const error = await listOAuthClients(api.deployment, TOKEN_ENV, { timeoutMs: 300 }).catch((e) => e);
    await api.close();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error).toBeInstanceOf(GenesysApiError);
    expect(error.message).toMatch(
      /^deployment "production": Genesys Cloud \(127\.0\.0\.1:\d+\) did not answer GET http:\/\/127\.0\.0\.1:\d+\/api\/v2\/oauth\/clients within 0\.3 s: stopped, nothing decided on it \(the deadline of each call is SCV_GENESYS_API_TIMEOUT, in seconds; 30 when unset\)$/,
    );
  });

  it("a deadline of the whole (deadlineAt): no wait past it, a Retry-After included, and no call outlives it", async () => {
    const busy = await scriptedApi(() => ({ status: 429, headers: { "retry-after": "5" }, body: { message: "busy" } }));
    const error = await listOAuthClients(busy.deployment, TOKEN_ENV, { ...options, deadlineAt: Date.now() + 2_000 }).catch((e) => e);
    await busy.close();
    expect(waits).toEqual([]);
    expect(error).toBeInstanceOf(GenesysApiError);
    expect(error.message).toContain("before the deadline of the whole check (its calls, tries and waits together)");
    const silent = await silentApi();
    const started = Date.now();
    const cut = await listOAuthClients(silent.deployment, TOKEN_ENV, { timeoutMs: 10_000, deadlineAt: Date.now() + 300 }).catch((e) => e);
    await silent.close();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(cut.message).toContain("before the deadline of the whole check");
    const past = await listOAuthClients(silent.deployment, TOKEN_ENV, { deadlineAt: Date.now() - 1 }).catch((e) => e);
    expect(past.message).toContain("was not asked");
  });

  it("the deadline is SCV_GENESYS_API_TIMEOUT, and a value that is no number of seconds is one message", async () => {
    expect(apiTimeoutMs({})).toBe(30000);
    expect(apiTimeoutMs({ SCV_GENESYS_API_TIMEOUT: "2.5" })).toBe(2500);
    expect([" 5 ", "1.0005", "0.001", ".5", "600"].map((given) => apiTimeoutMs({ SCV_GENESYS_API_TIMEOUT: given }))).toEqual([
      5000, 1001, 1, 500, 600000,
    ]);
    // 1e-9 and 1.0005 crashed the timer (a delay that is no whole millisecond); 0x10 and 0b1 were taken as 16 and 1.
    for (const given of ["0", "-1", "soon", "601", "Infinity", "1e-9", "0.0001", "0x10", "0b1", "1e1", "1_0"]) {
      expect(() => apiTimeoutMs({ SCV_GENESYS_API_TIMEOUT: given })).toThrow(
        `SCV_GENESYS_API_TIMEOUT: given "${given}"; allowed: a number of seconds in decimal digits, from 0.001 to 600 (the deadline of each Genesys Cloud API call; 30 when unset)`,
      );
    }
  });

  it("a deadline that is no whole number of milliseconds is one, not a crash of the timer", async () => {
    const api = await silentApi();
    const error = await listOAuthClients(api.deployment, TOKEN_ENV, { timeoutMs: 300.5 }).catch((e) => e);
    await api.close();
    expect(error).toBeInstanceOf(GenesysApiError);
    expect(error.message).toMatch(/did not answer GET .* within 0\.301 s/);
  });

  it.each([
    ["a body larger than the bound", () => ({ body: Buffer.alloc(70_000, 0x20) })],
    [
      "a small gzip body that unpacks past the bound",
      () => ({ headers: { "content-encoding": "gzip" }, body: gzipSync(Buffer.alloc(1024 * 1024, 0x20)) }),
    ],
    ["a Content-Length past the bound", () => ({ headers: { "content-length": "70000" }, body: Buffer.alloc(70_000, 0x20) })],
  ])("%s is one message, never read whole into memory", async (_, answer) => {
    const api = await scriptedApi(answer);
    const error = await listOAuthClients(api.deployment, TOKEN_ENV, { ...options, maxAnswerBytes: 64 * 1024 }).catch((e) => e);
    await api.close();
    expect(error).toBeInstanceOf(GenesysApiError);
    expect(error.message).toMatch(
      /^deployment "production": Genesys Cloud's answer to GET http:\/\/127\.0\.0\.1:\d+\/api\/v2\/oauth\/clients is larger than 0\.0625 MiB \(200\): not read, nothing decided on it$/,
    );
    expect(MAX_ANSWER_BYTES).toBe(16 * 1024 * 1024);
  });

  it("a redirect, to another origin or not, is not followed", async () => {
    const api = await scriptedApi(() => ({ status: 302, headers: { location: "http://evil.example/api/v2/oauth/clients" } }));
    const error = await listOAuthClients(api.deployment, TOKEN_ENV, options).catch((e) => e);
    await api.close();
    expect(error.message).toMatch(/with a redirect \(302 to http:\/\/evil\.example\/api\/v2\/oauth\/clients\): not followed/);
    expect(api.requests).toHaveLength(1);
  });

  it("follows the answers' totals past a pageCount that says less, and counts a client listed twice once", async () => {
    const pages: Record<number, unknown[]> = { 1: [client("a"), client("b")], 2: [client("b"), client("c")], 3: [] };
    const api = await scriptedApi((req) => ({
      body: { entities: pages[page(req)], pageSize: 2, pageNumber: page(req), total: 3, pageCount: 1 },
    }));
    const clients = await listOAuthClients(api.deployment, TOKEN_ENV, options);
    await api.close();
    expect(clients.map((c) => c.id)).toEqual(["a", "b", "c"]);
  });

  it.each([
    [
      "a total below the clients already listed (the org's client on the next page)",
      (n: number) => ({
        entities: n === 1 ? [client("a", "globex.lightning.force.com"), client("b", "globex.lightning.force.com")] : [client("c")],
        pageSize: 2,
        total: 0,
      }),
      "holds 2 distinct clients by page 1, more than its own total of 0: its totals cannot be trusted to say where it ends, so nothing is decided on it",
    ],
    [
      "neither pageCount nor total",
      (n: number) => ({ entities: n === 1 ? [client("a", "globex.lightning.force.com")] : [client("c")] }),
      "is not the list it documents (page 1 has neither pageCount nor total)",
    ],
    [
      "one client twice, its id in another case and another redirect URI",
      (n: number) => ({
        entities: n === 1 ? [client("AB", "globex.lightning.force.com")] : [client("ab"), client("cd")],
        pageSize: 1,
        total: 2,
        pageCount: 2,
      }),
      "lists client ab twice, with different fields (page 2, entities[0]): the list changed while it was read, or is not what it documents; nothing is decided on it",
    ],
  ])("totals that lie another way: %s, is an error, not a shorter list", async (_, answer, what) => {
    const api = await scriptedApi((req) => ({ body: answer(page(req)) }));
    const error = await listOAuthClients(api.deployment, TOKEN_ENV, options).catch((e) => e);
    await api.close();
    expect(error).toBeInstanceOf(GenesysApiError);
    expect(error.message).toBe(`deployment "production": Genesys Cloud's list of OAuth clients ${what}`);
  });

  it("a list that ends short of its total is an error, not a shorter list", async () => {
    const api = await scriptedApi((req) => ({
      body: { entities: page(req) === 1 ? [client("a")] : [], pageSize: 1, pageNumber: page(req), total: 2, pageCount: 2 },
    }));
    const error = await listOAuthClients(api.deployment, TOKEN_ENV, options).catch((e) => e);
    await api.close();
    expect(error.message).toBe(
      `deployment "production": Genesys Cloud's list of OAuth clients ended at page 2 with 1 distinct client, and says the org has 2: the list is incomplete (some client may be missing), so nothing is decided on it`,
    );
  });

  it.each([
    ["an entity without an id", { name: "x" }, "page 1, entities[0].id: undefined"],
    [
      "redirect URIs that are not a list of texts",
      { id: "a", registeredRedirectUri: "https://acme.lightning.force.com/" },
      'page 1, entities[0].registeredRedirectUri: "https://acme.lightning.force.com/"',
    ],
    ["a name that is no text", { id: "a", name: 7 }, "page 1, entities[0].name: 7"],
  ])("%s is an error, never a client skipped", async (_, entity, where) => {
    const api = await scriptedApi(() => ({ body: { entities: [entity], total: 1, pageCount: 1 } }));
    const error = await listOAuthClients(api.deployment, TOKEN_ENV, options).catch((e) => e);
    await api.close();
    expect(error.message).toBe(`deployment "production": Genesys Cloud's list of OAuth clients is not the list it documents (${where})`);
  });

  it("what an error answer says is shown escaped on one line: no terminal escape, bidi mark or workflow command", async () => {
    const message = "bad\u001b[31m red\u202e\n::error::pwned\r\n::add-mask::x";
    const api = await scriptedApi(() => ({ status: 400, body: { message, code: "bad.request", status: 400 } }));
    const error = await listOAuthClients(api.deployment, TOKEN_ENV, options).catch((e) => e);
    await api.close();
    expect(error.message).toContain("with 400 - bad\\u001b[31m red\\u202e\\n::error::pwned\\r\\n::add-mask::x");
    expect(error.message.split("\n")).toHaveLength(1);
  });

  it("anything an answer says never starts a line or hides a character (property)", async () => {
    let said = "";
    const api = await scriptedApi(() => ({ status: 403, body: { message: said } }));
    await fc.assert(
      fc.asyncProperty(binaryString(), async (text) => {
        said = `\n::warning::${text}`;
        const error = await listOAuthClients(api.deployment, TOKEN_ENV, options).catch((e) => e);
        expect(error.message.split("\n")).toHaveLength(1);
        expect(isPlainText(error.message, Infinity)).toBe(true);
      }),
      { numRuns: 50 },
    );
    await api.close();
    // 50 round trips to a local server: room for a loaded 2-core machine.
  }, 30_000);
});

describe("an API error says what went wrong apart from whose deployment it is: no caller edits its message", () => {
  it("the message names the deployment first; `what` is the rest, `status` the HTTP answer", () => {
    const e = new GenesysApiError("Genesys Cloud answered 403", { deployment: "eu", status: 403 });
    expect([e.message, e.what, e.status]).toEqual(['deployment "eu": Genesys Cloud answered 403', "Genesys Cloud answered 403", 403]);
    expect(new GenesysApiError("SCV_GENESYS_API_TIMEOUT: given …").message).toBe("SCV_GENESYS_API_TIMEOUT: given …");
  });

  it("what a failed request of a deployment says, without its name, is the error's `what`", async () => {
    const api = await scriptedApi(() => ({ status: 500, body: {} }));
    const thrown = await listOAuthClients(api.deployment, TOKEN_ENV, { sleep: async () => undefined }).catch((e: unknown) => e);
    await api.close();
    expect(thrown).toBeInstanceOf(GenesysApiError);
    const { message, what } = thrown as GenesysApiError;
    expect(message).toBe(`deployment "${api.deployment.name}": ${what}`);
    expect(what).not.toContain(api.deployment.name);
  });
});
