/**
 * The implicit grant's retirement on an org of today, which refuses to create a new implicit-grant client: the
 * article's default deploy fails with Genesys's message and leaves nothing in state, after a synth warning that names
 * the way out; the authorization-code grant creates the client; an existing implicit client, adopted with
 * importClientId, is kept as it is (no create, no replace, the same id and grant).
 */
import { IMPLICIT_GRANT_REFUSED } from "../support/genesys-emulator";
import { deployment, expectSuccess, useHarness } from "./harness";

const TODAY = {
  id: "7d7d7d7d-0000-4000-8000-000000000007",
  name: "Acme Today",
  credentials: { clientId: "terraform-ci", clientSecret: "terraform-ci-secret" },
};
const harness = useHarness(undefined, [TODAY]);

it("the article's default (implicit) fails with Genesys's refusal, after the warning; nothing is in state", async () => {
  const h = harness();
  h.writeDeployments([deployment("production", "acme")]);
  const run = await h.cdktf("deploy", "production", "--auto-approve");
  const said = (run.stdout + run.stderr).replace(/\u001b\[[0-9;]*m|│/g, "").replace(/\s+/g, " ");
  expect(run.status).not.toBe(0);
  expect(said).toContain("Genesys may refuse to create a new implicit-grant OAuth client");
  expect(said).toContain("npx genesys-scv-oauth-client migrate <deployment name>");
  expect(said).toContain('Setting oauthClient.grantType to "authorization-code"');
  expect(said).toContain(IMPLICIT_GRANT_REFUSED);
  expect(h.emulator.clientsOf(TODAY.id)).toEqual([]);
  const state = await h.terraform("production", "state", "list");
  expect(state.stdout.trim()).toBe("");
});

it("with grantType authorization-code the same deployment is created", async () => {
  const h = harness();
  h.writeDeployments([deployment("production", "acme", { grantType: "authorization-code" })]);
  await expectSuccess(h.cdktf("deploy", "production", "--auto-approve"));
  expect(h.emulator.clientsOf(TODAY.id).map((c) => c.authorizedGrantType)).toEqual(["CODE"]);
});

it("an existing implicit client, adopted with importClientId, is kept: an in-place update, the same id and grant", async () => {
  const h = harness();
  const id = h.emulator.seed(TODAY.id, {
    name: "SCV (made by hand)",
    accessTokenValiditySeconds: 86400,
    authorizedGrantType: "TOKEN",
    registeredRedirectUri: ["https://globex.lightning.force.com/lightning/page/home"],
    scope: ["conversations", "notifications", "presence", "response-management:readonly", "routing:readonly", "upload", "users:readonly"],
  });
  h.writeDeployments([deployment("globex", "globex", { importClientId: id })]);
  await expectSuccess(h.synth());
  await expectSuccess(h.terraform("globex", "init", "-input=false", "-no-color"));
  const plan = JSON.parse(
    await expectSuccess(
      h
        .terraform("globex", "plan", "-input=false", "-no-color", "-out=tfplan")
        .then(() => h.terraform("globex", "show", "-json", "tfplan")),
    ),
  );
  const [change] = plan.resource_changes.filter((c: { type: string }) => c.type === "genesyscloud_oauth_client");
  expect([change.change.actions, change.change.importing?.id]).toEqual([["update"], id]);
  await expectSuccess(h.terraform("globex", "apply", "-input=false", "-no-color", "tfplan"));
  expect(h.emulator.clients.get(id)).toMatchObject({
    authorizedGrantType: "TOKEN",
    name: "Salesforce Service Cloud Voice (globex.lightning.force.com)",
  });
  // The one client before it (the authorization-code test's) and this one: no new client was created.
  expect(h.emulator.clientsOf(TODAY.id)).toHaveLength(2);
});
