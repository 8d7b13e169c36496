/** The Genesys Cloud API as adopt and the deploy guard call it, against the tests' emulator (loopback only). */
import { Deployment } from "../../lib/app/deployments";
import { GenesysApiError, genesysEndpoints, listOAuthClients } from "../../lib/app/genesys-api";
import { Emulator, EmulatedOrg, startEmulator } from "../support/genesys-emulator";

const ORG: EmulatedOrg = { id: "a1b2c3d4-0000-4000-8000-00000000ac3e", name: "Acme", credentials: { clientId: "ci", clientSecret: "ci-secret" }, legacyImplicitGrant: true };
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
    genesysCloud: { region: "us-east-1", gateway: { host: "127.0.0.1", port, protocol: "http", pathParams: Object.entries(paths).map(([pathName, pathValue]) => ({ pathName, pathValue })) } },
    salesforce: { myDomain: "acme" },
  } as Deployment;
});
afterAll(() => emulator.close());
beforeEach(() => void (waits.length = 0));

describe("genesysEndpoints", () => {
  it("is the region's login and API host, or the gateway with its own prefix for each (its default port left out)", () => {
    expect(genesysEndpoints({ region: "eu-central-1" } as Deployment["genesysCloud"])).toEqual({ login: "https://login.mypurecloud.de", api: "https://api.mypurecloud.de" });
    const gateway = { host: "gw.acme.example", port: 443, protocol: "https", pathParams: [{ pathName: "api", pathValue: "genesys/api" }] };
    expect(genesysEndpoints({ region: "us-east-1", gateway } as Deployment["genesysCloud"])).toEqual({ login: "https://gw.acme.example", api: "https://gw.acme.example/genesys/api" });
  });
});

describe("listOAuthClients", () => {
  it("logs in through the gateway's login prefix and lists every page under its API prefix", async () => {
    for (let i = 0; i < 230; i++) emulator.seed(ORG.id, { name: `c${i}`, accessTokenValiditySeconds: 86400, authorizedGrantType: "CODE", registeredRedirectUri: [], scope: [] });
    const clients = await listOAuthClients(deployment, env, options);
    expect(clients).toHaveLength(230);
    expect(emulator.requests.filter((r) => r.startsWith("GET /api/v2/oauth/clients "))).toEqual(["GET /api/v2/oauth/clients 200", "GET /api/v2/oauth/clients 200", "GET /api/v2/oauth/clients 200"]);
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
    ["wrong credentials (401)", () => ({ ...env, GENESYSCLOUD_OAUTHCLIENT_SECRET: "wrong" }), undefined, /^deployment "production": Genesys Cloud refused the deployment's credentials \(401 - /],
    ["a role without oauth:client:view (403)", () => env, { route: "GET /api/v2/oauth/clients", status: 403, times: 1 }, /^deployment "production": the deployment's credentials may not list OAuth clients \(403 - injected fault\): their role needs the permission OAuth > Client > View \(oauth:client:view\)$/],
    ["429 every time", () => env, { route: "GET /api/v2/oauth/clients", status: 429, times: 5, retryAfterSeconds: 1 }, /^deployment "production": Genesys Cloud rate-limited GET http:\/\/127\.0\.0\.1:\d+\/genesys\/api\/api\/v2\/oauth\/clients \(429\) 5 times in a row; try again later$/],
    ["500 every time", () => env, { route: "GET /api/v2/oauth/clients", status: 500, times: 5 }, /^deployment "production": Genesys Cloud answered GET .* with 500 - injected fault, 5 times in a row$/],
  ])("%s is one message naming the deployment", async (_, credentials, fault, message) => {
    if (fault) emulator.inject(fault);
    const error = await listOAuthClients(deployment, credentials(), options).catch((e) => e);
    expect(error).toBeInstanceOf(GenesysApiError);
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/ci-secret|wrong/);
  });

  it("a gateway nobody answers is one message, after the retries", async () => {
    const closed = { ...deployment, genesysCloud: { ...deployment.genesysCloud, gateway: { host: "127.0.0.1", port: 9, protocol: "http" as const } } };
    const error = await listOAuthClients(closed, env, options).catch((e) => e);
    expect(error.message).toMatch(/^deployment "production": could not reach Genesys Cloud \(POST http:\/\/127\.0\.0\.1:9\/oauth\/token\): .*; tried 5 times$/);
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

  it("no credentials at all is one message at once, with no request", async () => {
    const before = emulator.requests.length;
    const error = await listOAuthClients(deployment, {}, options).catch((e) => e);
    expect(error.message).toBe(
      'deployment "production": no Genesys Cloud credentials: none of GENESYSCLOUD_OAUTHCLIENT_ID with GENESYSCLOUD_OAUTHCLIENT_SECRET, or GENESYSCLOUD_ACCESS_TOKEN, is set',
    );
    expect(emulator.requests.length).toBe(before);
  });
});
