/**
 * Adopting the client an org already has, end to end on the real provider, on an org of today (which refuses new
 * implicit-grant clients): a client made by hand with the article's settings and the implicit grant; `npm run deploy`
 * stops and creates nothing; `npm run adopt -- <name> --write` writes its id into a deployments file with comments,
 * which keeps them; the next deploy imports it (no create, no replace), the client keeps its id and its implicit
 * grant, and the next plan is empty. Also: several candidates, none, wrong credentials, a 403, a 429 then success.
 */
import { readFileSync, writeFileSync } from "fs";
import { SEED_ARTICLE_SCOPES } from "../support/seed-article";
import { BIN, ACME, deployment, expectSuccess, Harness, planSummary, root, runCommand, useHarness } from "./harness";

const TODAY = { ...ACME, legacyImplicitGrant: false };
const harness = useHarness(undefined, [TODAY]);
const credentials = {
  GENESYSCLOUD_OAUTHCLIENT_ID: TODAY.credentials.clientId,
  GENESYSCLOUD_OAUTHCLIENT_SECRET: TODAY.credentials.clientSecret,
};
const adopt = (h: Harness, args: string[], env: Record<string, string> = {}) =>
  runCommand(process.execPath, [BIN, "adopt", ...args], root, { ...h.env, ...env });
const byHand = (h: Harness, host: string, name = "Salesforce SCV (by hand)") =>
  h.emulator.seed(TODAY.id, {
    name,
    accessTokenValiditySeconds: 86400,
    authorizedGrantType: "TOKEN",
    registeredRedirectUri: [`https://${host}/lightning/page/home`],
    scope: SEED_ARTICLE_SCOPES,
  });

/** The harness's deployments file, rewritten with comments around its content. */
function withComments(h: Harness): string {
  const file = h.env.DEPLOYMENTS_FILE;
  const text = readFileSync(file, "utf8")
    .replace(/^\{/, "{\n  // Our Salesforce orgs, one deployment each.")
    .replace(/("deployments": \[)/, "$1 /* production first */");
  writeFileSync(file, text);
  return file;
}

// First: the org has no client at all yet (later tests add some).
it("none: exit 3, and a deploy with the authorization-code grant creates the client", async () => {
  const h = harness();
  h.writeDeployments([deployment("initech", "initech", { grantType: "authorization-code" })]);
  const run = await adopt(h, ["initech"], credentials);
  expect(run.status).toBe(3);
  expect(run.stdout).toContain("initech (initech.lightning.force.com): no candidate");
  expect(run.stdout).toContain("a deploy will create a new client for this org");
  await expectSuccess(h.npmRun("deploy", ["initech", "--auto-approve"], credentials));
  expect(h.emulator.clientsOf(TODAY.id).filter((c) => c.name.includes("initech"))).toHaveLength(1);
});

it("deploy stops before creating a second client; adopt --write writes its id, comments kept; the next deploy imports it", async () => {
  const h = harness();
  const id = byHand(h, "acme.lightning.force.com");
  h.writeDeployments([deployment("production", "acme")]);
  const file = withComments(h);
  const clients = () =>
    h.emulator
      .clientsOf(TODAY.id)
      .map((c) => c.id)
      .sort();
  const creates = () => h.emulator.requests.filter((r) => r.startsWith("POST /api/v2/oauth/clients")).length;
  const [clientsBefore, createsBefore] = [clients(), creates()];

  const refused = await h.npmRun("deploy", ["production", "--auto-approve"], credentials);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain(
    `production: the org already has a client for Salesforce org acme (a redirect URI on one of its hosts), and this deploy would create another`,
  );
  expect(refused.stderr).toContain(`  - client ${id} "Salesforce SCV (by hand)", grant implicit`);
  expect(refused.stderr).toContain("  Adopt it: npx genesys-scv-oauth-client adopt production --write");
  expect([clients(), creates()]).toEqual([clientsBefore, createsBefore]);

  const run = await adopt(h, ["production", "--write"], credentials);
  console.log(`npx genesys-scv-oauth-client adopt production --write, as a user sees it:\n${run.stdout}`);
  expect([run.status, run.stderr]).toEqual([0, ""]);
  expect(run.stdout).toContain(
    "production (acme.lightning.force.com): 1 candidate for Salesforce org acme (a redirect URI on one of its hosts)",
  );
  expect(run.stdout).toContain(`  client ${id} "Salesforce SCV (by hand)"`);
  expect(run.stdout).toContain('      name: "Salesforce SCV (by hand)" → "Salesforce Service Cloud Voice (acme.lightning.force.com)"');
  expect(run.stdout).not.toMatch(/secret/i);
  const written = readFileSync(file, "utf8");
  expect(written).toContain("// Our Salesforce orgs, one deployment each.");
  expect(written).toContain("/* production first */");
  expect(written).toContain(`"importClientId": "${id}"`);
  // The file still passes npm run check.
  expect((await runCommand(process.execPath, [BIN, "check", file], root, h.env)).status).toBe(0);

  await expectSuccess(h.npmRun("deploy", ["production", "--auto-approve"], credentials));
  expect([clients(), creates()]).toEqual([clientsBefore, createsBefore]);
  expect([h.emulator.clients.get(id)?.authorizedGrantType, h.emulator.clients.get(id)?.name]).toEqual([
    "TOKEN",
    "Salesforce Service Cloud Voice (acme.lightning.force.com)",
  ]);
  const again = await h.terraform("production", "plan", "-input=false", "-detailed-exitcode", "-no-color");
  expect(again.status).toBe(0);
  const adopted = await adopt(h, ["production"], credentials);
  expect([adopted.status, adopted.stdout]).toEqual([
    0,
    `production (acme.lightning.force.com): adopted already: oauthClient.importClientId names client ${id}\n`,
  ]);
});

it("several candidates: both listed, nothing written, exit 3; --client-id chooses", async () => {
  const h = harness();
  const first = byHand(h, "globex.lightning.force.com", "SCV one");
  const second = byHand(h, "GLOBEX.lightning.force.com", "SCV two");
  h.writeDeployments([deployment("globex", "globex")]);
  const before = readFileSync(h.env.DEPLOYMENTS_FILE, "utf8");
  const run = await adopt(h, ["globex", "--write"], credentials);
  expect(run.status).toBe(3);
  expect(run.stdout).toContain("globex (globex.lightning.force.com): 2 candidates");
  expect(run.stdout).toContain(`client ${first} "SCV one"`);
  expect(run.stdout).toContain(`client ${second} "SCV two"`);
  expect(run.stdout).toContain("nothing written: choose one with npx genesys-scv-oauth-client adopt globex --write --client-id <id>");
  expect(readFileSync(h.env.DEPLOYMENTS_FILE, "utf8")).toBe(before);
  expect((await adopt(h, ["globex", "--write", "--client-id", second], credentials)).status).toBe(0);
  expect(readFileSync(h.env.DEPLOYMENTS_FILE, "utf8")).toContain(`"importClientId": "${second}"`);
});

it.each([
  [
    "wrong credentials",
    { ...credentials, GENESYSCLOUD_OAUTHCLIENT_SECRET: "wrong" },
    undefined,
    /Genesys Cloud refused the deployment's credentials \(401/,
  ],
  [
    "a role without oauth:client:view",
    credentials,
    { route: "GET /api/v2/oauth/clients", status: 403, times: 1 },
    /may not list OAuth clients \(403 - injected fault\): their role needs the permission OAuth > Client > View \(oauth:client:view\)/,
  ],
])("%s: one message, exit 1, nothing written", async (_, env, fault, message) => {
  const h = harness();
  h.writeDeployments([deployment("umbrella", "umbrella")]);
  if (fault) h.emulator.inject(fault);
  const before = readFileSync(h.env.DEPLOYMENTS_FILE, "utf8");
  const run = await adopt(h, ["umbrella", "--write"], env);
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(message);
  expect(run.stderr.split("\n").filter(Boolean)).toHaveLength(1);
  expect(run.stderr + run.stdout).not.toContain("wrong");
  expect(readFileSync(h.env.DEPLOYMENTS_FILE, "utf8")).toBe(before);
});

it("a 429 with Retry-After, then success", async () => {
  const h = harness();
  const id = byHand(h, "hooli.lightning.force.com");
  h.writeDeployments([deployment("hooli", "hooli")]);
  h.emulator.inject({ route: "GET /api/v2/oauth/clients", status: 429, times: 1, retryAfterSeconds: 1 });
  const from = h.emulator.requests.length;
  const run = await adopt(h, ["hooli"], credentials);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain(`client ${id}`);
  expect(h.emulator.requests.slice(from).filter((r) => r.startsWith("GET /api/v2/oauth/clients"))).toEqual([
    "GET /api/v2/oauth/clients 429",
    "GET /api/v2/oauth/clients 200",
  ]);
});

it("--guard --note, as the plan job runs it: the finding in a note beside the plan (exit 0), which the PR comment says under its warnings; --guard alone, as the deploy job runs it, stops (exit 1)", async () => {
  const h = harness();
  const id = byHand(h, "wayne.lightning.force.com");
  h.writeDeployments([deployment("wayne", "wayne", { grantType: "authorization-code" })]);
  await expectSuccess(h.synth());
  await expectSuccess(h.terraform("wayne", "init", "-input=false", "-no-color"));
  const plan = await h.planJson("wayne");
  const note = plan.replace(/\.json$/, ".note.json");
  const run = await adopt(h, ["wayne", "--guard", "--note", note], credentials);
  expect(run.status).toBe(0);
  expect(run.stderr).toContain(`wayne: the org already has a client for Salesforce org wayne (a redirect URI on one of its hosts)`);
  expect((await adopt(h, ["wayne", "--guard"], credentials)).status).toBe(1);
  const summary = await planSummary(plan.replace(/\/[^/]+$/, ""));
  expect(summary.stdout).toContain(
    "> - `wayne`: the org already has a client for Salesforce org wayne (a redirect URI on one of its hosts), and this deploy would create another",
  );
  expect(summary.stdout).toContain(`>   - client ${id}`);
  // Adopted, it passes the guard.
  h.writeDeployments([deployment("wayne", "wayne", { grantType: "authorization-code", importClientId: id })]);
  expect((await adopt(h, ["wayne", "--guard"], credentials)).status).toBe(0);
});
