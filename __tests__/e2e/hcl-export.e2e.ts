/**
 * The HCL export (`cdktf synth --hcl`), the way off CDKTF: Terraform loads every stack of it as it loads the JSON,
 * plans the same changes, and the wrong-org guard stops a plan the same way.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { ACME, deployment, expectSuccess, useHarness } from "./harness";

const harness = useHarness();

/** Every feature that the app writes into a stack: the guard (a postcondition and depends_on), gateway, import. */
const everything = (organizationId: string) => [
  { ...deployment("production", "acme"), genesysCloud: { ...deployment("production", "acme").genesysCloud, organizationId } },
  deployment("pkce", "acme", { grantType: "authorization-code", additionalScopes: ["analytics:readonly"], tokenLifetimeSeconds: 300 }),
];

async function plannedChanges(form: "json" | "hcl", stack: string) {
  const h = harness();
  await expectSuccess(h.synth(form));
  expect(readFileSync(join(h.outdir, "stacks", stack, form === "hcl" ? "cdk.tf" : "cdk.tf.json"), "utf8")).toBeTruthy();
  await expectSuccess(h.terraform(stack, "init", "-input=false"));
  const plan = JSON.parse(readFileSync(await h.planJson(stack), "utf8"));
  return plan.resource_changes.map((c: any) => ({ address: c.address, actions: c.change.actions, after: c.change.after }));
}

it("terraform validate passes on every stack of the HCL export, backends and import blocks included", async () => {
  const h = harness();
  const deployments = [
    ...everything(ACME.id),
    {
      ...deployment("adopted", "acme-adopted", { importClientId: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", preventDestroy: false }),
      backend: { s3: { bucket: "tf-state", region: "eu-central-1", endpoint: "http://127.0.0.1:9", usePathStyle: true } },
    },
    {
      ...deployment("hcp", "acme-hcp"),
      backend: { cloud: { organization: "acme", workspace: "genesys-hcp", hostname: "tfe.example.com" } },
    },
    {
      ...deployment("locked", "acme-locked"),
      backend: { s3: { bucket: "tf-state", region: "eu-central-1", dynamodbTable: "terraform-locks" } },
    },
  ];
  h.writeDeployments(deployments);
  await expectSuccess(h.synth("hcl"));
  for (const { name } of deployments) {
    // -backend=false: validation needs the providers, not the state.
    await expectSuccess(h.terraform(name, "init", "-input=false", "-backend=false"));
    expect(await expectSuccess(h.terraform(name, "validate", "-json"))).toMatch(/"valid": true/);
  }
});

it("the HCL export plans exactly the changes the JSON does", async () => {
  harness().writeDeployments(everything(ACME.id));
  for (const stack of ["production", "pkce"]) {
    const hcl = await plannedChanges("hcl", stack);
    expect(hcl.length).toBeGreaterThan(0);
    expect(hcl).toEqual(await plannedChanges("json", stack));
  }
});

it("the wrong-org guard stops the HCL export's plan with the same message", async () => {
  const h = harness();
  const other = "0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f";
  h.writeDeployments(everything(other).slice(0, 1));
  await expectSuccess(h.synth("hcl"));
  await expectSuccess(h.terraform("production", "init", "-input=false"));
  const run = await h.terraform("production", "plan", "-input=false", "-no-color");
  expect(run.status).toBe(1);
  expect((run.stdout + run.stderr).replace(/[│\s]+/g, " ")).toContain(
    `Deployment 'production' is for Genesys Cloud org ${other}, but its credentials belong to org ${ACME.id} ('${ACME.name}'). Nothing was changed`,
  );
  expect(h.emulator.clients.size).toBe(0);
});

it("a migration retired by forgetting: the HCL export has the removed block, validates, and plans the same forget as the JSON", async () => {
  const h = harness();
  const retiring = (step: string) => [deployment("retiring", "acme-retiring", { migration: { step } })];
  // The two clients in the state (a legacy org creates the implicit one), as after the deactivate step.
  h.writeDeployments(retiring("deactivate"));
  await expectSuccess(h.synth());
  await expectSuccess(h.terraform("retiring", "init", "-input=false"));
  await expectSuccess(h.terraform("retiring", "apply", "-input=false", "-auto-approve"));
  h.writeDeployments(retiring("retire"));
  await expectSuccess(h.synth("hcl"));
  const hcl = readFileSync(join(h.outdir, "stacks/retiring/cdk.tf"), "utf8");
  expect(hcl).toMatch(
    /^removed \{\n {2}from = genesyscloud_oauth_client\.service-cloud-voice_client_[0-9A-F]{8}\n {2}lifecycle \{\n {4}destroy = false\n {2}\}\n\}$/m,
  );
  expect(await expectSuccess(h.terraform("retiring", "validate", "-json"))).toMatch(/"valid": true/);
  const hclChanges = await plannedChanges("hcl", "retiring");
  expect(hclChanges.filter((c: any) => c.actions.includes("forget"))).toHaveLength(1);
  expect(hclChanges).toEqual(await plannedChanges("json", "retiring"));
});
