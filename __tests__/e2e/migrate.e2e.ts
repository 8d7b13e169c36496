/**
 * The migration off the implicit grant, end to end on the real provider, on an org of today (which refuses new
 * implicit-grant clients): a client made by hand is adopted; step 1 creates the authorization-code client and leaves
 * the implicit one as it was; with usage on the implicit client step 2 is refused; without, it deactivates it (same
 * id), and going back reactivates it; step 3 forgets it (still in Genesys Cloud) or deletes it. After every apply the
 * org holds at least one active client for the Salesforce org.
 */
import { readFileSync, writeFileSync } from "fs";
import { SEED_ARTICLE_SCOPES } from "../support/seed-article";
import { BIN, ACME, deployment, expectSuccess, Harness, planSummary, root, Run, runCommand, useHarness } from "./harness";

const TODAY = { ...ACME, legacyImplicitGrant: false };
const harness = useHarness(undefined, [TODAY]);
/** Each test its own deployment and Salesforce org, so that the two never share a client. */
let name = "production";
let HOME = "https://acme.lightning.force.com/lightning/page/home";
const migrate = (h: Harness, ...args: string[]) => runCommand(process.execPath, [BIN, "migrate", name, ...args], root, h.env);

/** Adopted and deployed: the implicit client made by hand, imported. */
async function adopted(h: Harness, myDomain: string): Promise<string> {
  HOME = `https://${myDomain}.lightning.force.com/lightning/page/home`;
  const id = h.emulator.seed(TODAY.id, {
    name: "Salesforce SCV (by hand)",
    accessTokenValiditySeconds: 86400,
    authorizedGrantType: "TOKEN",
    registeredRedirectUri: [HOME],
    scope: SEED_ARTICLE_SCOPES,
  });
  h.writeDeployments([deployment(name, myDomain)]);
  await expectSuccess(runCommand(process.execPath, [BIN, "adopt", name, "--write"], root, h.env));
  await deploy(h);
  return id;
}

async function deploy(h: Harness): Promise<void> {
  await expectSuccess(h.npmRun("deploy", [name, "--auto-approve"]));
  // At no point fewer than one active client for the Salesforce org.
  const active = h.emulator.clientsOf(TODAY.id).filter((c) => c.state === "active" && c.registeredRedirectUri.includes(HOME));
  expect(active.length).toBeGreaterThanOrEqual(1);
}

/** The pull request's review of the deployments file as it stands: synth, plan, plan-summary (with `args`, say --allow-destroy). */
async function review(h: Harness, ...args: string[]): Promise<Run> {
  await expectSuccess(h.synth());
  await expectSuccess(h.terraform(name, "init", "-input=false"));
  return planSummary(await h.planJson(name), ...args);
}

/** The review of the step just written: in order, it passes the gate and its comment names the step; the comment's migration block. */
async function reviewedStep(h: Harness, title: RegExp): Promise<string> {
  const summary = await review(h);
  expect(summary.stdout).toMatch(title);
  expect(summary.stdout).toContain("the Salesforce admin: ");
  expect(summary.status).toBe(0);
  return migrationComment(summary.stdout);
}

/** The comment's migration block: its lines from the one naming the step. */
function migrationComment(markdown: string): string {
  return markdown
    .split("\n\n")
    .filter((block) => block.includes(": migration "))
    .join("\n\n");
}

/** The deployment's oauthClient.migration, written by hand (as a pull request could). */
function writeMigrationByHand(h: Harness, migration: object | undefined): void {
  const file = JSON.parse(readFileSync(h.env.DEPLOYMENTS_FILE, "utf8"));
  const d = file.deployments.find((x: { name: string }) => x.name === name);
  if (migration === undefined) delete d.oauthClient.migration;
  else d.oauthClient.migration = migration;
  writeFileSync(h.env.DEPLOYMENTS_FILE, JSON.stringify(file, null, 2));
}

const client = (h: Harness, id: string) => h.emulator.clients.get(id);
const codeClient = (h: Harness) =>
  h.emulator.clientsOf(TODAY.id).find((c) => c.authorizedGrantType === "CODE" && c.registeredRedirectUri.includes(HOME));
/** The plan comments of each step, as the tests saw them (printed at the end, for the record). */
const comments: string[] = [];
afterAll(() => console.log(comments.join("\n\n---\n\n")));

it("side by side, refused while used, deactivate, back, deactivate, retire by forgetting; a step out of order is held", async () => {
  const h = harness();
  const implicitId = await adopted(h, "acme");
  const original = { ...client(h, implicitId)! };

  // A step taken out of order (deactivate without side by side, written by hand): the gate holds it.
  writeMigrationByHand(h, { step: "deactivate" });
  const skipped = await review(h);
  comments.push(`out of order (exit ${skipped.status}):\n${migrationComment(skipped.stdout)}`);
  expect(skipped.status).toBe(2);
  expect(skipped.stdout).toContain("> [!CAUTION]");
  expect(skipped.stdout).toContain("a step taken out of order: no migration → deactivate skips a step");
  expect(skipped.stdout).toContain(
    "The plan is held: a maintainer who has checked the order adds the label `allow-oauth-client-replacement`",
  );
  writeMigrationByHand(h, undefined);

  // Step 1.
  const step1 = await migrate(h, "--write");
  expect(step1.status).toBe(0);
  expect(step1.stdout).toContain('wrote oauthClient.migration {"step":"side-by-side"}');
  comments.push(await reviewedStep(h, /migration step 1 of 3, side by side/));
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
  comments.push(await reviewedStep(h, /migration step 2 of 3, deactivate/));
  await deploy(h);
  expect([client(h, implicitId)?.state, codeClient(h)?.id]).toEqual(["inactive", code.id]);
  expect((await migrate(h, "--write", "--back")).status).toBe(0);
  comments.push(await reviewedStep(h, /migration back to step 1 of 3, side by side/));
  await deploy(h);
  expect(client(h, implicitId)?.state).toBe("active");
  expect((await migrate(h, "--write")).status).toBe(0);
  await deploy(h);

  // Step 3, forget: the implicit client stays in Genesys Cloud, inactive; Terraform no longer manages it.
  const retire = await migrate(h, "--write");
  expect(retire.stdout).toContain('wrote oauthClient.migration {"step":"retire","retireBy":"forget"}');
  const forgetComment = await reviewedStep(h, /migration step 3 of 3, retire/);
  expect(forgetComment).toContain("the implicit client is forgotten: it stays in Genesys Cloud, inactive");
  comments.push(forgetComment);
  await deploy(h);
  expect(client(h, implicitId)?.state).toBe("inactive");
  const list = await expectSuccess(h.terraform("production", "state", "list"));
  expect(list).not.toMatch(/service-cloud-voice_client_/);
  expect(list).toMatch(/service-cloud-voice_authorization-code_/);
  const plan = await h.terraform("production", "plan", "-input=false", "-detailed-exitcode", "-no-color");
  expect(plan.status).toBe(0);
}, 300_000); // eight plans and seven deploys: past the harness default of 120 s on a loaded machine

it("retire by deleting: held by the gate without the allow label, applied with it; the authorization-code client stays", async () => {
  const h = harness();
  name = "staging";
  const implicitId = await adopted(h, "globex");
  expect((await migrate(h, "--write")).status).toBe(0);
  await deploy(h);
  const code = codeClient(h)!;
  h.emulator.setUsage(implicitId, []);
  expect((await migrate(h, "--write")).status).toBe(0);
  await deploy(h);
  expect(client(h, implicitId)?.state).toBe("inactive");

  // Step 3, delete: the plan deletes the implicit client; the gate holds it until allowed.
  const retire = await migrate(h, "--write", "--retire-by", "delete");
  expect(retire.status).toBe(0);
  expect(retire.stdout).toContain('wrote oauthClient.migration {"step":"retire","retireBy":"delete"}');
  const held = await review(h);
  comments.push(`retire by deleting (exit ${held.status}):\n${held.stdout}`);
  expect(held.status).toBe(2);
  expect(held.stdout).toMatch(/migration step 3 of 3, retire/);
  expect(held.stdout).toContain("the implicit client is deleted (held until allowed)");
  expect(held.stdout).toContain("SCV-R2: the migration's last step (retire by delete)");
  expect(held.stdout).not.toContain("may not be creatable");
  expect(held.stdout).toContain("**delete**");
  expect(held.stdout).toContain("The plan is held");
  const allowed = await review(h, "--allow-destroy");
  expect(allowed.status).toBe(0);
  expect(allowed.stdout).toContain("This was allowed");
  await deploy(h);
  expect(client(h, implicitId)).toBeUndefined();
  expect([codeClient(h)?.id, codeClient(h)?.state]).toEqual([code.id, "active"]);
  const list = await expectSuccess(h.terraform(name, "state", "list"));
  expect(list).not.toMatch(/service-cloud-voice_client_/);
  const plan = await h.terraform(name, "plan", "-input=false", "-detailed-exitcode", "-no-color");
  expect(plan.status).toBe(0);
});
