/** Adopting a client made by hand: an import block, no new client, the same id, only the differences planned. */
import { readFileSync } from "fs";
import { deployment, expectSuccess, planSummary, useHarness } from "./harness";
import { SEED_ARTICLE_SCOPES } from "../support/seed-article";

const harness = useHarness();

it("importClientId adopts the hand-made client: no create, no replace, the id unchanged", async () => {
  const h = harness();
  const id = await h.createClientByHand({
    name: "Salesforce SCV",
    accessTokenValiditySeconds: 86400,
    authorizedGrantType: "TOKEN",
    registeredRedirectUri: ["https://acme.lightning.force.com/lightning/page/home"],
    scope: SEED_ARTICLE_SCOPES,
  });
  h.writeDeployments([deployment("production", "acme", { importClientId: id })]);
  await expectSuccess(h.synth());
  await expectSuccess(h.terraform("production", "init", "-input=false"));
  const plan = await h.planJson("production");
  const json = JSON.parse(readFileSync(plan, "utf8"));
  const [change] = json.resource_changes;
  expect(change.change.importing).toEqual({ id });
  expect(change.change.actions).toEqual(["update"]);
  expect(change.change.before.name).toBe("Salesforce SCV");
  expect(change.change.after.name).toBe("Salesforce Service Cloud Voice (acme.lightning.force.com)");

  const summary = await planSummary(plan);
  expect(summary.status).toBe(0);
  expect(summary.stdout).toContain("**0 to create · 1 to update in place · 0 to replace · 0 to delete · 1 to import · 0 unchanged**");
  expect(summary.stdout).toContain(`(import of id \`${id}\`)`);

  await expectSuccess(h.terraform("production", "apply", "-input=false", "-auto-approve", "tfplan"));
  expect([...h.emulator.clients.keys()]).toEqual([id]);
  expect(h.emulator.clients.get(id)?.name).toBe("Salesforce Service Cloud Voice (acme.lightning.force.com)");
  expect(h.emulator.requests.filter((r) => r.startsWith("POST /api/v2/oauth/clients"))).toHaveLength(1);

  const again = await h.terraform("production", "plan", "-input=false", "-detailed-exitcode", "-no-color");
  expect(again.status).toBe(0);
});
