/**
 * cdktf deploy of two deployments against the emulator; an empty second plan; in-place updates that keep the
 * client id; prevent_destroy; destroy once protection is off. On both engines (scripts/test-e2e.mjs).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { ApiClient } from "../support/genesys-emulator";
import { OPENTOFU_VERSION } from "../../scripts/opentofu-install.cjs";
import { deployment, expectSuccess, useHarness } from "./harness";
import { SEED_ARTICLE_SCOPES } from "../support/seed-article";

const harness = useHarness();

const byName = (name: string) => [...harness().emulator.clients.values()].find((c) => c.name === name) as ApiClient;
/** Scopes and redirect URIs are sets: the provider sends them in any order. */
const sorted = (values: readonly string[]) => [...values].sort();
const production = "Salesforce Service Cloud Voice (acme.lightning.force.com)";
const uat = "Salesforce Service Cloud Voice (acme--uat.sandbox.lightning.force.com)";

it("cdktf deploy creates one client per deployment with exactly the seed's settings", async () => {
  const h = harness();
  h.writeDeployments([
    deployment("production", "acme"),
    { ...deployment("uat", "acme"), salesforce: { myDomain: "acme", sandbox: "uat" } },
  ]);
  const started = Date.now();
  await expectSuccess(h.cdktf("deploy", "production", "uat", "--auto-approve"));
  console.log(`cdktf deploy of two deployments (${h.engine.name}): ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // The engine chosen is the one cdktf ran: OpenTofu writes its own version into the state.
  const state = JSON.parse(readFileSync(join(h.dir, "state/production.tfstate"), "utf8"));
  if (h.engine.id === "tofu") expect(state.terraform_version).toBe(OPENTOFU_VERSION);
  else expect(state.terraform_version).not.toBe(OPENTOFU_VERSION);
  expect(h.emulator.clients.size).toBe(2);
  for (const [name, host] of [
    [production, "acme.lightning.force.com"],
    [uat, "acme--uat.sandbox.lightning.force.com"],
  ]) {
    expect(byName(name)).toMatchObject({
      accessTokenValiditySeconds: 86400,
      authorizedGrantType: "TOKEN",
      registeredRedirectUri: [`https://${host}/lightning/page/home`],
      state: "active",
    });
    expect(sorted(byName(name).scope)).toEqual(sorted(SEED_ARTICLE_SCOPES));
  }
});

it("a second plan is empty", async () => {
  const h = harness();
  for (const stack of ["production", "uat"]) {
    const plan = await h.terraform(stack, "plan", "-input=false", "-detailed-exitcode", "-no-color");
    expect([plan.status, plan.stderr]).toEqual([0, ""]);
    expect(plan.stdout).toContain("No changes.");
  }
});

it("changing scopes and token lifetime updates in place; the client id stays", async () => {
  const h = harness();
  const id = byName(production).id;
  h.writeDeployments([
    deployment("production", "acme", { additionalScopes: ["analytics:readonly"], tokenLifetimeSeconds: 3600 }),
    { ...deployment("uat", "acme"), salesforce: { myDomain: "acme", sandbox: "uat" } },
  ]);
  await expectSuccess(h.synth());
  const plan = await expectSuccess(h.terraform("production", "plan", "-input=false", "-no-color"));
  expect(plan).toContain("1 to change, 0 to destroy");
  expect(plan).toContain("~ update in-place");
  const started = Date.now();
  await expectSuccess(h.cdktf("deploy", "production", "--auto-approve"));
  console.log(`cdktf deploy of one deployment (an update): ${((Date.now() - started) / 1000).toFixed(1)} s`);
  expect(byName(production)).toMatchObject({ id, accessTokenValiditySeconds: 3600 });
  expect(sorted(byName(production).scope)).toEqual(sorted(["analytics:readonly", ...SEED_ARTICLE_SCOPES]));
});

it("destroy is refused by prevent_destroy, and the client survives", async () => {
  const h = harness();
  const destroy = await h.terraform("uat", "destroy", "-input=false", "-auto-approve", "-no-color");
  expect(destroy.status).toBe(1);
  // Terraform: "Instance cannot be destroyed"; OpenTofu: "Resource instance cannot be destroyed".
  expect(destroy.stderr).toMatch(/[Ii]nstance cannot be destroyed/);
  expect(byName(uat)).toBeDefined();
});

it("with protection turned off, destroy deletes the client (set inactive first, as the provider does)", async () => {
  const h = harness();
  h.writeDeployments([
    deployment("production", "acme", { additionalScopes: ["analytics:readonly"], tokenLifetimeSeconds: 3600 }),
    { ...deployment("uat", "acme", { preventDestroy: false }), salesforce: { myDomain: "acme", sandbox: "uat" } },
  ]);
  await expectSuccess(h.cdktf("destroy", "uat", "--auto-approve"));
  expect(byName(uat)).toBeUndefined();
  expect(byName(production)).toBeDefined();
  const id = h.emulator.requests.filter((r) => / \/api\/v2\/oauth\/clients\/[^ ]+ 20\d$/.test(r) && /^(PUT|DELETE)/.test(r)).slice(-2);
  expect(id.map((r) => r.split(" ")[0])).toEqual(["PUT", "DELETE"]);
});
