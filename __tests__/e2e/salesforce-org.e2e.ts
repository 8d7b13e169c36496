/**
 * One Salesforce org, one client, on the real provider, on an org of today: a sandbox deployment on an org that holds
 * only production's client gets nothing written by adopt, and its deploy leaves production's client as it was; a
 * client made by hand on the sandbox's legacy host stops the sandbox's first deploy; an API that accepts connections
 * and never answers gives one message within the deadline, for adopt, its --guard and diff.
 */
import { readFileSync } from "fs";
import { AddressInfo, createServer, Socket } from "net";
import { SEED_ARTICLE_SCOPES } from "../support/seed-article";
import { BIN, ACME, deployment, expectSuccess, Harness, root, runCommand, useHarness } from "./harness";

const TODAY = { ...ACME, legacyImplicitGrant: false };
const harness = useHarness(undefined, [TODAY]);
const credentials = {
  GENESYSCLOUD_OAUTHCLIENT_ID: TODAY.credentials.clientId,
  GENESYSCLOUD_OAUTHCLIENT_SECRET: TODAY.credentials.clientSecret,
};
const adopt = (h: Harness, args: string[], env: Record<string, string> = {}) =>
  runCommand(process.execPath, [BIN, "adopt", ...args], root, { ...h.env, ...credentials, ...env });
const byHand = (h: Harness, host: string) =>
  h.emulator.seed(TODAY.id, {
    name: `SCV by hand (${host})`,
    accessTokenValiditySeconds: 86400,
    authorizedGrantType: "TOKEN",
    registeredRedirectUri: [`https://${host}/lightning/page/home`],
    scope: SEED_ARTICLE_SCOPES,
  });
const sandbox = (name: string, myDomain: string) => ({
  ...deployment(name, myDomain, { grantType: "authorization-code" }),
  salesforce: { myDomain, sandbox: "uat" },
});

it("a sandbox on an org holding only production's client: adopt writes nothing, and its deploy leaves production's client as it was", async () => {
  const h = harness();
  const production = byHand(h, "acme.lightning.force.com");
  const before = structuredClone(h.emulator.clients.get(production));
  h.writeDeployments([sandbox("uat", "acme")]);
  const file = readFileSync(h.env.DEPLOYMENTS_FILE, "utf8");

  const run = await adopt(h, ["uat", "--write"]);
  expect(run.status).toBe(3);
  expect(run.stdout).toContain("uat (acme--uat.sandbox.lightning.force.com): no candidate for Salesforce org acme (sandbox uat)");
  expect(run.stdout).toContain(
    `not chosen: client ${production} "SCV by hand (acme.lightning.force.com)" has the article's seven scopes, but none of its redirect URIs is on a host of Salesforce org acme (sandbox uat)`,
  );
  expect(readFileSync(h.env.DEPLOYMENTS_FILE, "utf8")).toBe(file);

  const from = h.emulator.requests.length;
  await expectSuccess(h.npmRun("deploy", ["uat", "--auto-approve"], credentials));
  expect(h.emulator.clients.get(production)).toEqual(before);
  expect(h.emulator.requests.slice(from).filter((r) => /^(PUT|DELETE) /.test(r))).toEqual([]);
  const created = h.emulator.clientsOf(TODAY.id).filter((c) => c.id !== production);
  expect(created.map((c) => [c.authorizedGrantType, c.registeredRedirectUri])).toEqual([
    ["CODE", ["https://acme--uat.sandbox.lightning.force.com/lightning/page/home"]],
  ]);
});

it("a client made by hand on the sandbox's legacy host stops the sandbox's first deploy", async () => {
  const h = harness();
  const legacy = byHand(h, "globex--uat.lightning.force.com");
  h.writeDeployments([sandbox("globex-uat", "globex")]);
  const clients = h.emulator.clientsOf(TODAY.id).length;
  const run = await h.npmRun("deploy", ["globex-uat", "--auto-approve"], credentials);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(
    "globex-uat: the org already has a client for Salesforce org globex (sandbox uat) (a redirect URI on one of its hosts), and this deploy would create another",
  );
  expect(run.stderr).toContain(
    `  - client ${legacy} "SCV by hand (globex--uat.lightning.force.com)", grant implicit\n  Adopt it: npx genesys-scv-oauth-client adopt globex-uat --write`,
  );
  expect(h.emulator.clientsOf(TODAY.id)).toHaveLength(clients);
  // And adopt takes it: the same org, another of its hosts.
  expect((await adopt(h, ["globex-uat", "--write"])).status).toBe(0);
  expect(readFileSync(h.env.DEPLOYMENTS_FILE, "utf8")).toContain(`"importClientId": "${legacy}"`);
});

describe("an API that accepts connections and never answers", () => {
  const sockets: Socket[] = [];
  const silent = createServer((socket) => void sockets.push(socket));
  beforeAll(() => new Promise<void>((r) => silent.listen(0, "127.0.0.1", r)));
  afterAll(() => {
    for (const s of sockets) s.destroy();
    return new Promise<void>((r) => silent.close(() => r()));
  });
  const deadline = { SCV_GENESYS_API_TIMEOUT: "2" };
  const stuck = () => ({
    ...deployment("stuck", "initech", { grantType: "authorization-code" }),
    genesysCloud: { region: "us-east-1", gateway: { host: "127.0.0.1", port: (silent.address() as AddressInfo).port, protocol: "http" } },
  });
  const message =
    /^deployment "stuck": Genesys Cloud \(127\.0\.0\.1:\d+\) did not answer POST http:\/\/127\.0\.0\.1:\d+\/oauth\/token within 2 s: stopped, nothing decided on it/;

  it.each([
    ["adopt", ["stuck"]],
    ["adopt --guard", ["stuck", "--guard"]],
  ])("%s: one message within the deadline, exit 1", async (_, args) => {
    const h = harness();
    h.writeDeployments([stuck()]);
    const started = Date.now();
    const run = await adopt(h, args, deadline);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(args.includes("--guard") ? 2 : 1);
    // The deadline, and the process's own start and its read of the state: far from the provider's minutes.
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("diff: the deployment stops with the message, nothing run", async () => {
    const h = harness();
    h.writeDeployments([stuck()]);
    const run = await h.npmRun("diff", ["stuck"], { ...credentials, ...deadline });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain("(whether a deploy would create a second client for this Salesforce org cannot be told: nothing was run)");
  });
});
