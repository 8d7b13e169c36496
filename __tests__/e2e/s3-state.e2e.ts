/**
 * State in S3, proven against a local S3 (moto's server): cdktf deploy writes the state object; while one apply holds
 * the lock file, a second plan waits and then fails with Terraform's lock error naming the holder, and the state is
 * intact afterwards; `terraform init -migrate-state` moves a local state to S3 and the next plan is empty.
 */
import { motoServer, S3Emulator, startS3Emulator } from "../support/s3-emulator";
import { deployment, expectSuccess, useHarness } from "./harness";

const BUCKET = "acme-terraform-state";
const moto = motoServer();
if (!moto) {
  const notice = "S3 state tests SKIPPED: moto_server not found (python3 -m venv .venv && .venv/bin/pip install -r requirements-test.txt).";
  if (process.env.GITHUB_ACTIONS) throw new Error(notice);
  console.log(notice);
}
const describeWithS3 = moto ? describe : describe.skip;

describeWithS3("state in S3", () => {
  let s3: S3Emulator;
  const harness = useHarness(async () => {
    s3 = await startS3Emulator();
    await s3.createBucket(BUCKET);
  });
  afterAll(() => s3?.close());
  const s3Backend = (extra: object = {}) => ({
    s3: { bucket: BUCKET, region: "us-east-1", endpoint: s3.endpoint, usePathStyle: true, ...extra },
  });

  it("cdktf deploy keeps the state in the bucket, locked with S3's own lock file", async () => {
    const h = harness();
    h.writeDeployments([{ ...deployment("production", "acme"), backend: s3Backend() }]);
    const started = Date.now();
    await expectSuccess(h.cdktf("deploy", "production", "--auto-approve"));
    console.log(`cdktf deploy with state in S3: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(await s3.keys(BUCKET)).toEqual(["genesys-scv-oauth-client/production.tfstate"]);
    const state = JSON.parse((await s3.object(BUCKET, "genesys-scv-oauth-client/production.tfstate")) ?? "{}");
    expect(state.resources.map((r: { type: string }) => r.type)).toEqual(["genesyscloud_oauth_client"]);
  });

  it("while one run holds the lock, a second plan waits, then fails naming the holder; the state is intact", async () => {
    const h = harness();
    h.writeDeployments([{ ...deployment("production", "acme", { tokenLifetimeSeconds: 43200 }), backend: s3Backend() }]);
    await expectSuccess(h.synth());
    // The update's PUT answers after 8 s: the apply holds the lock that long.
    h.emulator.inject({ route: "PUT /api/v2/oauth/clients/", status: 200, times: 1, delayMs: 8000 });
    const holder = h.terraform("production", "apply", "-auto-approve", "-input=false", "-no-color");
    const lock = "genesys-scv-oauth-client/production.tfstate.tflock";
    for (let i = 0; !(await s3.keys(BUCKET)).includes(lock); i++) {
      if (i > 100) throw new Error("the apply never took the lock");
      await new Promise((r) => setTimeout(r, 100));
    }
    const started = Date.now();
    const second = await h.terraform("production", "plan", "-input=false", "-no-color", "-lock-timeout=2s");
    const waited = (Date.now() - started) / 1000;
    expect(second.status).toBe(1);
    expect(second.stderr).toContain("Error acquiring the state lock");
    expect(second.stderr).toMatch(
      /Lock Info:\n\s+ID:\s+\S+\n\s+Path:\s+acme-terraform-state\/genesys-scv-oauth-client\/production\.tfstate\n\s+Operation:\s+OperationTypeApply\n\s+Who:\s+\S+@\S+/,
    );
    expect(waited).toBeGreaterThanOrEqual(2);
    console.log(`a plan against a held lock waited ${waited.toFixed(1)} s, then said:\n${second.stderr.trim()}`);
    await expectSuccess(holder);
    expect(await s3.keys(BUCKET)).not.toContain(lock);
    const plan = await h.terraform("production", "plan", "-input=false", "-no-color", "-detailed-exitcode");
    expect([plan.status, plan.stderr]).toEqual([0, ""]);
    expect([...h.emulator.clients.values()].map((c) => c.accessTokenValiditySeconds)).toEqual([43200]);
  });

  it("terraform init -migrate-state moves a local state to S3, and the next plan is empty", async () => {
    const h = harness();
    const uat = { ...deployment("uat", "acme"), salesforce: { myDomain: "acme", sandbox: "uat" } };
    h.writeDeployments([uat]);
    await expectSuccess(h.cdktf("deploy", "uat", "--auto-approve"));
    h.writeDeployments([{ ...uat, backend: s3Backend({ key: "migrated/uat.tfstate" }) }]);
    await expectSuccess(h.synth());
    await expectSuccess(h.terraform("uat", "init", "-input=false", "-no-color", "-migrate-state", "-force-copy"));
    expect(await s3.keys(BUCKET)).toContain("migrated/uat.tfstate");
    const plan = await h.terraform("uat", "plan", "-input=false", "-no-color", "-detailed-exitcode");
    expect([plan.status, plan.stderr]).toEqual([0, ""]);
  });
});
