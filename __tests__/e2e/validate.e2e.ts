/** terraform validate, with the real provider's schema, on every stack of the shipped and the test configurations. */
import { readFileSync } from "fs";
import { join } from "path";
import { deployment, expectSuccess, root, useHarness } from "./harness";

const harness = useHarness();

const shipped = JSON.parse(readFileSync(join(root, "deployments.json"), "utf8")).deployments;
const test = [
  deployment("pkce", "acme", { grantType: "authorization-code", additionalScopes: ["analytics:readonly"], tokenLifetimeSeconds: 300 }),
  {
    name: "devorg",
    genesysCloud: { region: "eu-central-1" },
    salesforce: { lightningHost: "acme-dev-ed.develop.lightning.force.com" },
    oauthClient: {
      additionalRedirectUris: ["https://acme-dev-ed.develop.lightning.force.com/resource/genesysps__genesysAuthCallback"],
      importClientId: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
      preventDestroy: false,
    },
  },
];

it.each([
  ["shipped", shipped],
  ["test", test],
])("terraform validate passes for every stack of the %s configuration", async (_, deployments) => {
  const h = harness();
  h.writeDeployments(deployments);
  await expectSuccess(h.synth());
  for (const { name } of deployments) {
    await expectSuccess(h.terraform(name, "init", "-input=false"));
    expect(await expectSuccess(h.terraform(name, "validate", "-json"))).toMatch(/"valid": true/);
  }
});

it("terraform validate rejects what the provider's schema does not allow", async () => {
  const h = harness();
  h.writeDeployments([deployment("broken", "acme")]);
  await expectSuccess(h.synth());
  const file = join(h.outdir, "stacks/broken/cdk.tf.json");
  const json = JSON.parse(readFileSync(file, "utf8"));
  const [client] = Object.values(json.resource.genesyscloud_oauth_client) as any[];
  client.scope = client.scopes;
  delete client.authorized_grant_type;
  require("fs").writeFileSync(file, JSON.stringify(json));
  await expectSuccess(h.terraform("broken", "init", "-input=false"));
  const result = await h.terraform("broken", "validate", "-no-color");
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/Missing required argument[\s\S]*authorized_grant_type/);
  expect(result.stderr).toMatch(/Extraneous JSON object property[\s\S]*"scope"/);
});
