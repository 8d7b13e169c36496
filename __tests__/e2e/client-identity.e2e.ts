/**
 * One client per Salesforce org, whatever the deployments file says later, on the real provider; through a gateway
 * with path prefixes and with two orgs in one run: `npm run adopt -- '*' --write` adopts each org's hand-made client;
 * an importClientId changed after adoption stops the deploy and `npm run output` says it; a renamed deployment, whose
 * state is elsewhere now, is stopped before it creates a second client; a client deleted by hand holds the review
 * (SCV-R9) and `npm run output` says it no longer exists.
 */
import { readFileSync } from "fs";
import { EmulatedOrg } from "../support/genesys-emulator";
import { SEED_ARTICLE_SCOPES } from "../support/seed-article";
import { BIN, deployment, expectSuccess, Harness, planSummary, root, runCommand, useHarness } from "./harness";

const US: EmulatedOrg = {
  id: "11111111-aaaa-4aaa-8aaa-111111111111",
  name: "Acme US",
  credentials: { clientId: "us-ci", clientSecret: "us-secret" },
  legacyImplicitGrant: true,
};
const EU: EmulatedOrg = {
  id: "22222222-bbbb-4bbb-8bbb-222222222222",
  name: "Acme EU",
  credentials: { clientId: "eu-ci", clientSecret: "eu-secret" },
};
const credentials = {
  GENESYSCLOUD_OAUTHCLIENT_ID: US.credentials.clientId,
  GENESYSCLOUD_OAUTHCLIENT_SECRET: US.credentials.clientSecret,
  ACME_EU_GENESYSCLOUD_OAUTHCLIENT_ID: EU.credentials.clientId,
  ACME_EU_GENESYSCLOUD_OAUTHCLIENT_SECRET: EU.credentials.clientSecret,
  // A read of a deleted client is retried this long (the provider's own setting; 5 minutes by default).
  GENESYSCLOUD_CUSTOM_RETRY_TIMEOUT: "2s",
};
const harness = useHarness(undefined, [US, EU], { login: "genesys/login", api: "genesys/api" });
const adopt = (h: Harness, args: string[]) => runCommand(process.execPath, [BIN, "adopt", ...args], root, { ...h.env, ...credentials });
const byHand = (h: Harness, org: EmulatedOrg, host: string) =>
  h.emulator.seed(org.id, {
    name: `SCV ${host}`,
    accessTokenValiditySeconds: 86400,
    authorizedGrantType: "TOKEN",
    registeredRedirectUri: [`https://${host}/lightning/page/home`],
    scope: SEED_ARTICLE_SCOPES,
  });
const us = deployment("us", "acme");
const eu = { ...deployment("eu", "acme-eu"), genesysCloud: { region: "eu-central-1", credentials: "ACME_EU" } };
const ids: Record<string, string> = {};

it("adopts each org's client in one run, through the gateway's prefixes, and the deploy imports both", async () => {
  const h = harness();
  ids.us = byHand(h, US, "acme.lightning.force.com");
  ids.eu = byHand(h, EU, "acme-eu.lightning.force.com");
  h.writeDeployments([us, eu]);
  const run = await adopt(h, ["*", "--write"]);
  expect([run.status, run.stderr]).toEqual([0, ""]);
  const file = readFileSync(h.env.DEPLOYMENTS_FILE, "utf8");
  expect(file).toContain(`"importClientId": "${ids.us}"`);
  expect(file).toContain(`"importClientId": "${ids.eu}"`);
  expect(h.emulator.requests.filter((r) => r.includes("not behind the gateway prefix"))).toEqual([]);
  await expectSuccess(h.npmRun("deploy", ["*", "--auto-approve"], credentials));
  expect([h.emulator.clientsOf(US.id).map((c) => c.id), h.emulator.clientsOf(EU.id).map((c) => c.id)]).toEqual([[ids.us], [ids.eu]]);
});

it("an importClientId changed after adoption stops the deploy, saying which client the state holds; output says it too", async () => {
  const h = harness();
  const other = byHand(h, US, "acme.lightning.force.com");
  const deployments = JSON.parse(readFileSync(h.env.DEPLOYMENTS_FILE, "utf8")).deployments;
  deployments[0].oauthClient.importClientId = other;
  h.writeDeployments(deployments);
  const run = await h.npmRun("deploy", ["us", "--auto-approve"], credentials);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(`us: its state holds client ${ids.us}, but oauthClient.importClientId names client ${other}.`);
  expect(run.stderr).toContain(`To keep ${ids.us}: set importClientId back to "${ids.us}" (or remove it).`);
  const output = await h.npmRun("output", ["us"], credentials);
  expect(output.stdout).toContain(`us: client id ${ids.us}`);
  expect(output.stderr).toContain(`us: its state holds client ${ids.us}, but oauthClient.importClientId names client ${other}.`);
  h.emulator.clients.delete(other);
  deployments[0].oauthClient.importClientId = ids.us;
  h.writeDeployments(deployments);
});

it("a renamed deployment (its state elsewhere now) is stopped before it creates a second client for the org", async () => {
  const h = harness();
  const deployments = JSON.parse(readFileSync(h.env.DEPLOYMENTS_FILE, "utf8")).deployments;
  const renamed = { ...deployments[1], name: "eu-renamed", oauthClient: {}, backend: { local: { path: "state/eu-renamed.tfstate" } } };
  h.writeDeployments([deployments[0], renamed]);
  const before = h.emulator.clientsOf(EU.id).length;
  const run = await h.npmRun("deploy", ["eu-renamed", "--auto-approve"], credentials);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(
    "eu-renamed: the org already has a client for Salesforce org acme-eu (a redirect URI on one of its hosts), and this deploy would create another",
  );
  // Its name is the one the adopting deploy gave it.
  expect(run.stderr).toContain(
    `\n  - client ${ids.eu} "Salesforce Service Cloud Voice (acme-eu.lightning.force.com)", grant implicit\n  Adopt it: npx genesys-scv-oauth-client adopt eu-renamed --write`,
  );
  expect(h.emulator.clientsOf(EU.id)).toHaveLength(before);
  h.writeDeployments(deployments);
});

it("a client deleted by hand: the plan recreates it, the review holds it (SCV-R9), output says it no longer exists", async () => {
  const h = harness();
  h.emulator.clients.delete(ids.us);
  await expectSuccess(h.synth());
  const env = { ...h.env, ...credentials };
  const stack = `${h.outdir}/stacks/us`;
  await expectSuccess(runCommand("terraform", ["init", "-input=false", "-no-color"], stack, env));
  await expectSuccess(runCommand("terraform", ["plan", "-input=false", "-no-color", "-out=tfplan"], stack, env));
  const plan = await expectSuccess(runCommand("terraform", ["show", "-json", "tfplan"], stack, env));
  const file = `${h.dir}/us.json`;
  require("fs").writeFileSync(file, plan);
  const summary = await planSummary(file);
  expect(summary.status).toBe(2);
  expect(summary.stdout).toContain("SCV-R9: the client was deleted outside Terraform since the last apply, and this creates a new one");
  const output = await h.npmRun("output", ["us"], credentials);
  expect(output.stderr).toContain(
    `us: client ${ids.us} no longer exists in Genesys Cloud (deleted outside Terraform): the next deploy creates a new client`,
  );
});
