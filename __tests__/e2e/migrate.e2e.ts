/**
 * The migration off the implicit grant, end to end on the real provider, on an org of today (which refuses new
 * implicit-grant clients): a client made by hand is adopted; step 1 creates the authorization-code client and leaves
 * the implicit one as it was; with usage on the implicit client step 2 is refused; without, it deactivates it (same
 * id), and going back reactivates it; step 3 forgets it (still in Genesys Cloud) or deletes it. After every apply the
 * org holds at least one active client for the Salesforce org.
 */
import { SEED_ARTICLE_SCOPES } from "../support/seed-article";
import { ACME, deployment, expectSuccess, Harness, root, runCommand, useHarness } from "./harness";

const TODAY = { ...ACME, legacyImplicitGrant: false };
const harness = useHarness(undefined, [TODAY]);
const HOME = "https://acme.lightning.force.com/lightning/page/home";
const migrate = (h: Harness, ...args: string[]) => runCommand(process.execPath, ["dist/migrate.js", "production", ...args], root, h.env);

/** Adopted and deployed: the implicit client made by hand, imported. */
async function adopted(h: Harness): Promise<string> {
  const id = h.emulator.seed(TODAY.id, {
    name: "Salesforce SCV (by hand)",
    accessTokenValiditySeconds: 86400,
    authorizedGrantType: "TOKEN",
    registeredRedirectUri: [HOME],
    scope: SEED_ARTICLE_SCOPES,
  });
  h.writeDeployments([deployment("production", "acme")]);
  await expectSuccess(runCommand(process.execPath, ["dist/adopt.js", "production", "--write"], root, h.env));
  await deploy(h);
  return id;
}

async function deploy(h: Harness): Promise<void> {
  await expectSuccess(h.npmRun("deploy", ["production", "--auto-approve"]));
  // At no point fewer than one active client for the Salesforce org.
  const active = h.emulator.clientsOf(TODAY.id).filter((c) => c.state === "active" && c.registeredRedirectUri.includes(HOME));
  expect(active.length).toBeGreaterThanOrEqual(1);
}

const client = (h: Harness, id: string) => h.emulator.clients.get(id);
const codeClient = (h: Harness) => h.emulator.clientsOf(TODAY.id).find((c) => c.authorizedGrantType === "CODE");

it("side by side, refused while used, deactivate, back, deactivate, retire by forgetting", async () => {
  const h = harness();
  const implicitId = await adopted(h);
  const original = { ...client(h, implicitId)! };

  // Step 1.
  const step1 = await migrate(h, "--write");
  expect(step1.status).toBe(0);
  expect(step1.stdout).toContain('wrote oauthClient.migration {"step":"side-by-side"}');
  await deploy(h);
  const implicit = client(h, implicitId)!;
  expect([implicit.id, implicit.authorizedGrantType, implicit.registeredRedirectUri, implicit.state]).toEqual([
    original.id,
    "TOKEN",
    original.registeredRedirectUri,
    "active",
  ]);
  const code = codeClient(h)!;
  expect([code.registeredRedirectUri, code.scope.sort(), code.state]).toEqual([[HOME], [...SEED_ARTICLE_SCOPES].sort(), "active"]);
  expect(code.name).toBe("Salesforce Service Cloud Voice (acme.lightning.force.com) (PKCE)");
  const output = await expectSuccess(h.npmRun("output", ["production"]));
  expect(output).toContain(code.id);
  expect(output).toContain("switch the login to Authorization Code with PKCE");

  // Watch, then step 2 refused while the implicit client is used.
  h.emulator.setUsage(implicitId, [{ userId: "agent-1", requests: 7 }]);
  const watch = await migrate(h);
  expect(watch.status).toBe(0);
  expect(watch.stdout).toMatch(
    /usage of the implicit client: 7 requests by 1 user in the last 7 days; last used \d{4}-\d\d-\d\d, by 1 user/,
  );
  const refused = await migrate(h, "--write");
  expect(refused.status).toBe(3);
  expect(refused.stderr).toContain("deactivating it now would log those agents out");

  // Step 2 once unused: inactive, same id; back: active again.
  h.emulator.setUsage(implicitId, []);
  expect((await migrate(h, "--write")).status).toBe(0);
  await deploy(h);
  expect([client(h, implicitId)?.state, codeClient(h)?.id]).toEqual(["inactive", code.id]);
  expect((await migrate(h, "--write", "--back")).status).toBe(0);
  await deploy(h);
  expect(client(h, implicitId)?.state).toBe("active");
  expect((await migrate(h, "--write")).status).toBe(0);
  await deploy(h);

  // Step 3, forget: the implicit client stays in Genesys Cloud, inactive; Terraform no longer manages it.
  const retire = await migrate(h, "--write");
  expect(retire.stdout).toContain('wrote oauthClient.migration {"step":"retire","retireBy":"forget"}');
  await deploy(h);
  expect(client(h, implicitId)?.state).toBe("inactive");
  const list = await expectSuccess(h.terraform("production", "state", "list"));
  expect(list).not.toMatch(/service-cloud-voice_client_/);
  expect(list).toMatch(/service-cloud-voice_authorization-code_/);
  const plan = await h.terraform("production", "plan", "-input=false", "-detailed-exitcode", "-no-color");
  expect(plan.status).toBe(0);
});
