/**
 * Several Genesys Cloud orgs from one deployments file: each deployment runs with its own credentials
 * (genesysCloud.credentials), the wrong-org guard (genesysCloud.organizationId) fails the plan before any change,
 * one deployment's failure does not hide the others', `npm run output` prints the client ids, and no credential
 * value reaches a log, the synthesized JSON or the state.
 */
import { spawnSync } from "child_process";
import { EmulatedOrg } from "../support/genesys-emulator";
import { deployment, useHarness } from "./harness";

const US: EmulatedOrg = {
  id: "11111111-aaaa-4aaa-8aaa-111111111111",
  name: "Acme US",
  credentials: { clientId: "us-ci", clientSecret: "us-s3cr3t-value" },
  legacyImplicitGrant: true,
};
const EU: EmulatedOrg = {
  id: "22222222-bbbb-4bbb-8bbb-222222222222",
  name: "Acme EU",
  credentials: { clientId: "eu-ci", clientSecret: "eu-s3cr3t-value" },
  legacyImplicitGrant: true,
};
const credentials = {
  GENESYSCLOUD_OAUTHCLIENT_ID: US.credentials.clientId,
  GENESYSCLOUD_OAUTHCLIENT_SECRET: US.credentials.clientSecret,
  ACME_EU_GENESYSCLOUD_OAUTHCLIENT_ID: EU.credentials.clientId,
  ACME_EU_GENESYSCLOUD_OAUTHCLIENT_SECRET: EU.credentials.clientSecret,
};

const harness = useHarness(undefined, [US, EU]);
const us = { ...deployment("us", "acme"), genesysCloud: { region: "us-east-1", organizationId: US.id } };
const eu = { ...deployment("eu", "acme-eu"), genesysCloud: { region: "eu-central-1", credentials: "ACME_EU", organizationId: EU.id } };
/** Meant for the EU org, but given the US org's credentials (no prefix). */
const wrong = { ...deployment("eu-wrong", "acme-eu2"), genesysCloud: { region: "eu-central-1", organizationId: EU.id } };
const everything: string[] = [];

it("npm run deploy -- '*' runs each deployment with its own org's credentials", async () => {
  const h = harness();
  h.writeDeployments([us, eu]);
  const run = await h.npmRun("deploy", ["*", "--auto-approve"], credentials);
  everything.push(run.stdout, run.stderr);
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/deploy of 2 deployments, 0 failed:\n {2}us: succeeded in [0-9.]+ s\n {2}eu: succeeded in [0-9.]+ s\n$/);
  expect(run.stdout + run.stderr).not.toContain("\u001b[");
  expect(h.emulator.clientsOf(US.id).map((c) => c.registeredRedirectUri)).toEqual([
    ["https://acme.lightning.force.com/lightning/page/home"],
  ]);
  expect(h.emulator.clientsOf(EU.id).map((c) => c.registeredRedirectUri)).toEqual([
    ["https://acme-eu.lightning.force.com/lightning/page/home"],
  ]);
});

it("diff '*' synthesizes once, then runs the deployments at once, each one's output whole under its own heading", async () => {
  const h = harness();
  h.writeDeployments([us, eu, wrong]);
  const run = await h.npmRun("diff", ["*", "--parallelism", "3"], credentials);
  everything.push(run.stdout, run.stderr);
  expect(run.status).toBe(1);
  // One synth for the run: cdktf says it generated the stacks once, and no deployment's own run synthesizes again.
  require("fs").writeFileSync("/tmp/diffout.txt", run.stdout);
  expect(run.stdout.match(/Generated Terraform code for the stacks/g)).toHaveLength(1);
  expect(run.stdout).toContain("diff: 3 deployments, 3 at a time; each one's output follows when it ends.\n");
  // cdktf starts a stack's lines with the stack's name, and a construct warning with `WARN [stack/…]`: under each
  // heading, that deployment's lines and warnings, and no other's.
  const blocks = run.stdout.split(/\n=== diff (\S+) ===\n/).slice(1);
  const names = ["eu", "eu-wrong", "us"];
  expect(blocks.filter((_, i) => i % 2 === 0).sort()).toEqual(names);
  for (let i = 0; i < blocks.length; i += 2) {
    const [name, block] = [blocks[i], blocks[i + 1]];
    const starts = (prefix: string) => block.split("\n").filter((line) => line.startsWith(prefix)).length;
    // eu-wrong holds the US org's credentials: the guard stops it before its plan (below), so it has no lines of its own.
    if (name !== "eu-wrong") {
      expect(starts(`${name}  `)).toBeGreaterThan(0);
      expect(starts(`WARN [${name}/`)).toBeGreaterThan(0);
    }
    for (const other of names.filter((n) => n !== name))
      expect([other, starts(`${other}  `), starts(`WARN [${other}/`)]).toEqual([other, 0, 0]);
  }
  expect(run.stderr).toContain(
    `Deployment 'eu-wrong' is for Genesys Cloud org ${EU.id}, but its credentials belong to org ${US.id} ('Acme US'). Nothing was changed`,
  );
  expect(run.stderr).toMatch(
    /diff of 3 deployments, 1 failed:\n {2}us: succeeded in [0-9.]+ s\n {2}eu: succeeded in [0-9.]+ s\n {2}eu-wrong: failed \(exit 1\)/,
  );
});

it("the wrong-org guard fails the plan with one message naming both orgs, and nothing is created in either", async () => {
  const h = harness();
  h.writeDeployments([us, eu, wrong]);
  const before = [h.emulator.clientsOf(US.id).length, h.emulator.clientsOf(EU.id).length];
  const run = await h.npmRun("deploy", ["*", "--auto-approve"], credentials);
  everything.push(run.stdout, run.stderr);
  expect(run.status).toBe(1);
  // Off a terminal Terraform writes no colour codes; its box drawing around the error is taken off here.
  expect(run.stdout + run.stderr).not.toContain("\u001b[");
  const said = (run.stdout + run.stderr).replace(/│/g, "").replace(/\s+/g, " ");
  expect(said).toContain(
    `Deployment 'eu-wrong' is for Genesys Cloud org ${EU.id}, but its credentials belong to org ${US.id} ('Acme US'). Nothing was changed`,
  );
  // One failure does not hide the others' results.
  expect(run.stderr).toMatch(
    /deploy of 3 deployments, 1 failed:\n {2}us: succeeded in [0-9.]+ s\n {2}eu: succeeded in [0-9.]+ s\n {2}eu-wrong: failed \(exit 1\) in [0-9.]+ s\n$/,
  );
  expect([h.emulator.clientsOf(US.id).length, h.emulator.clientsOf(EU.id).length]).toEqual(before);
});

it("with the right credentials the same deployment deploys", async () => {
  const h = harness();
  h.writeDeployments([us, eu, { ...wrong, genesysCloud: { ...wrong.genesysCloud, credentials: "ACME_EU" } }]);
  const run = await h.npmRun("deploy", ["eu-wrong", "--auto-approve"], credentials);
  everything.push(run.stdout, run.stderr);
  expect(run.status).toBe(0);
  expect(h.emulator.clientsOf(EU.id)).toHaveLength(2);
});

it("the prerequisite check names every deployment whose credentials are missing, before anything runs", async () => {
  const h = harness();
  const run = await h.npmRun("diff", ["*"], { ACME_EU_GENESYSCLOUD_OAUTHCLIENT_ID: EU.credentials.clientId });
  expect(run.status).toBe(1);
  expect(run.stdout).toBe("");
  expect(run.stderr).toBe(
    [
      "No Genesys Cloud credentials for 3 deployments (a Client Credentials OAuth client of the deployment's org, or an access token):",
      "  - us: none of GENESYSCLOUD_OAUTHCLIENT_ID with GENESYSCLOUD_OAUTHCLIENT_SECRET, or GENESYSCLOUD_ACCESS_TOKEN, is set",
      "  - eu: ACME_EU_GENESYSCLOUD_OAUTHCLIENT_ID is set but ACME_EU_GENESYSCLOUD_OAUTHCLIENT_SECRET is not: a client id without its secret",
      "  - eu-wrong: ACME_EU_GENESYSCLOUD_OAUTHCLIENT_ID is set but ACME_EU_GENESYSCLOUD_OAUTHCLIENT_SECRET is not: a client id without its secret",
      "",
    ].join("\n"),
  );
  const help = await h.npmRun("deploy", ["--help"], {});
  expect(help.status).toBe(0);
  // The bin answers --help from its registry (the command's own help), before any deployment or credential is read.
  expect(help.stdout).toMatch(/^usage: npx genesys-scv-oauth-client deploy <deployment name or pattern>\.\.\. /);
});

it("npm run output prints each client id from the state, without any Genesys credential", async () => {
  const h = harness();
  const run = await h.npmRun("output", ["us", "eu"], {});
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const [usClient] = h.emulator.clientsOf(US.id);
  const euClient = h.emulator.clientsOf(EU.id).find((c) => c.name.includes("acme-eu.lightning"));
  expect(run.stdout).toBe(
    [
      `us: client id ${usClient.id}`,
      "  redirect URIs: https://acme.lightning.force.com/lightning/page/home",
      "  In the Salesforce org's CX Cloud, Digital and AI settings: paste the client id (the Genesys Cloud OAuth client id the Lightning app uses), and set the login to Implicit Grant.",
      `eu: client id ${euClient?.id}`,
      "  redirect URIs: https://acme-eu.lightning.force.com/lightning/page/home",
      "  In the Salesforce org's CX Cloud, Digital and AI settings: paste the client id (the Genesys Cloud OAuth client id the Lightning app uses), and set the login to Implicit Grant.",
      "",
    ].join("\n"),
  );
});

it("SCV_CREDENTIALS_DEPLOYMENT: a pipeline job's unprefixed secrets serve the deployment it names, and no other", async () => {
  const h = harness();
  h.writeDeployments([us, eu, wrong]);
  // The job holds eu's client unprefixed; us and eu-wrong have no prefix, so the unprefixed variables were theirs too.
  const job = {
    SCV_CREDENTIALS_DEPLOYMENT: "eu",
    GENESYSCLOUD_OAUTHCLIENT_ID: EU.credentials.clientId,
    GENESYSCLOUD_OAUTHCLIENT_SECRET: EU.credentials.clientSecret,
  };
  const before = h.emulator.logins.length;
  const refused = await h.npmRun("diff", ["*"], job);
  everything.push(refused.stdout, refused.stderr);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain("  - us: no credentials for deployment us: SCV_CREDENTIALS_DEPLOYMENT names eu");
  expect(refused.stderr).toContain("  - eu-wrong: no credentials for deployment eu-wrong: SCV_CREDENTIALS_DEPLOYMENT names eu");
  expect(h.emulator.logins.length).toBe(before);
  // eu alone plans with the job's client (its own), and only that client logs in.
  const own = await h.npmRun("diff", ["eu"], job);
  everything.push(own.stdout, own.stderr);
  expect(own.status).toBe(0);
  expect(new Set(h.emulator.logins.slice(before))).toEqual(new Set([EU.credentials.clientId]));
});

it("no credential value is in any log, synthesized file, plan or state", () => {
  const h = harness();
  const grep = spawnSync("grep", ["-rlE", "s3cr3t-value", h.dir], { encoding: "utf8" });
  expect(grep.status).toBe(1); // grep found nothing
  const files = grep.stdout.split("\n").filter(Boolean);
  // The harness folder holds only what Terraform and cdktf wrote: stacks, .terraform, state, plans.
  expect(files).toEqual([]);
  expect(everything.join("\n")).not.toMatch(/s3cr3t-value|us-ci|eu-ci/);
});
