/** What a reviewer must see: drift made behind Terraform's back, and a replaced client tripping the gate. */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { deployment, expectSuccess, planSummary, useHarness } from "./harness";

const address = "genesyscloud_oauth_client.service-cloud-voice_client_A93DE14E";
const harness = useHarness(async (h) => {
  h.writeDeployments([deployment("production", "acme", { preventDestroy: false })]);
  await expectSuccess(h.cdktf("deploy", "production", "--auto-approve"));
});

it("a change made in Genesys Cloud behind Terraform's back shows as drift, in the plan and in plan-summary", async () => {
  const h = harness();
  const [client] = h.emulator.clients.values();
  client.name = "Renamed in the admin UI";
  client.scope = [...client.scope, "alerting"];
  const plan = await h.terraform("production", "plan", "-input=false", "-detailed-exitcode", "-no-color");
  expect(plan.status).toBe(2);
  expect(plan.stdout).toContain(
    '~ name                          = "Renamed in the admin UI" -> "Salesforce Service Cloud Voice (acme.lightning.force.com)"',
  );
  const file = await h.planJson("production");
  const drift = JSON.parse(readFileSync(file, "utf8")).resource_drift;
  expect(drift.map((d: any) => [d.address, d.change.after.name])).toEqual([[address, "Renamed in the admin UI"]]);
  const summary = await planSummary(file);
  expect(summary.status).toBe(0);
  expect(summary.stdout).toMatch(
    /\*\*Drift\*\* \(changed outside Terraform since the last apply\):\n\n- \*\*update\*\* `genesyscloud_oauth_client\.service-cloud-voice_client_A93DE14E` \("Renamed in the admin UI"\)\n {2}- name: "Salesforce Service Cloud Voice \(acme&#46;lightning&#46;force&#46;com\)" → "Renamed in the admin UI"\n {2}- scopes: \+ "alerting"/,
  );
  await expectSuccess(h.terraform("production", "apply", "-input=false", "-auto-approve", "tfplan"));
});

it("a replaced client (terraform plan -replace) trips the plan-summary gate", async () => {
  const h = harness();
  const summary = await planSummary(await h.planJson("production", `-replace=${address}`));
  expect(summary.status).toBe(2);
  expect(summary.stdout).toContain("> [!CAUTION]");
  expect(summary.stdout).toContain("is **replaced** because replacement was requested (-replace).");
});

it("a renamed construct id (a new address) deletes the old client: the gate trips", async () => {
  const h = harness();
  const file = join(h.outdir, "stacks/production/cdk.tf.json");
  const json = JSON.parse(readFileSync(file, "utf8"));
  const clients = json.resource.genesyscloud_oauth_client;
  clients.renamed = clients["service-cloud-voice_client_A93DE14E"];
  delete clients["service-cloud-voice_client_A93DE14E"];
  json.output.client_id.value = "${genesyscloud_oauth_client.renamed.id}";
  writeFileSync(file, JSON.stringify(json));
  const plan = await h.planJson("production");
  const summary = await planSummary(plan, "--json", join(h.dir, "verdict.json"));
  expect(summary.status).toBe(2);
  expect(summary.stdout).toContain("because it is no longer in the configuration (a removed deployment, or a changed construct id).");
  const verdict = JSON.parse(readFileSync(join(h.dir, "verdict.json"), "utf8"));
  expect(verdict).toMatchObject({ gate: "held", totals: { create: 1, delete: 1 } });
  expect((await planSummary(plan, "--allow-destroy")).status).toBe(0);
});
