/**
 * The environment of a deployment is its own, proven on the real provider: GENESYSCLOUD_* variables left in a shell
 * or a runner (a gateway host, port, protocol and path, a region) cannot send a deployment's credentials anywhere but
 * where its deployments file says, neither through `npm run deploy` (which removes them) nor through terraform run by
 * hand in the stack folder (the stack's provider block decides); GENESYSCLOUD_SDK_DEBUG, which would log tokens to a
 * file, is refused before anything runs.
 */
import { join } from "path";
import { Emulator, startEmulator } from "../support/genesys-emulator";
import { ACME, deployment, expectSuccess, runCommand, useHarness } from "./harness";

let trap: Emulator;
const harness = useHarness(async () => {
  // Where a stray gateway variable would send the login: an emulator of its own, counting every request.
  trap = await startEmulator([ACME]);
});
afterAll(() => trap?.close());

const stray = () => ({
  GENESYSCLOUD_GATEWAY_HOST: "127.0.0.1",
  GENESYSCLOUD_GATEWAY_PORT: new URL(trap.url).port,
  GENESYSCLOUD_GATEWAY_PROTOCOL: "http",
  GENESYSCLOUD_GATEWAY_PATH_NAME: "login",
  GENESYSCLOUD_GATEWAY_PATH_VALUE: "stolen",
  GENESYSCLOUD_REGION: "eu-west-1",
});
const credentials = {
  GENESYSCLOUD_OAUTHCLIENT_ID: ACME.credentials.clientId,
  GENESYSCLOUD_OAUTHCLIENT_SECRET: ACME.credentials.clientSecret,
};

it("terraform run by hand in the stack folder, with stray gateway variables, still reaches only the deployment's gateway", async () => {
  const h = harness();
  h.writeDeployments([deployment("production", "acme", { grantType: "authorization-code" })]);
  await expectSuccess(h.synth());
  const stack = join(h.outdir, "stacks/production");
  const env = { ...h.env, ...stray() };
  await expectSuccess(runCommand("terraform", ["init", "-input=false", "-no-color"], stack, env));
  await expectSuccess(runCommand("terraform", ["apply", "-input=false", "-auto-approve", "-no-color"], stack, env));
  expect(h.emulator.clientsOf(ACME.id)).toHaveLength(1);
  expect(h.emulator.requests).toContain("POST /oauth/token 200");
  expect(trap.requests).toEqual([]);
});

it("npm run deploy removes them from the deployment's environment: only its own gateway is reached", async () => {
  const h = harness();
  h.writeDeployments([
    deployment("production", "acme", { grantType: "authorization-code" }),
    deployment("uat", "acme-uat", { grantType: "authorization-code" }),
  ]);
  const run = await h.npmRun("deploy", ["uat", "--auto-approve"], { ...credentials, ...stray() });
  expect([run.status, run.stderr]).toEqual([0, ""]);
  expect(h.emulator.clientsOf(ACME.id)).toHaveLength(2);
  expect(trap.requests).toEqual([]);
});

it("GENESYSCLOUD_SDK_DEBUG=true is refused before anything runs: one message, nothing planned, no log written", async () => {
  const h = harness();
  const before = h.emulator.requests.length;
  const run = await h.npmRun("deploy", ["production", "--auto-approve"], { ...credentials, GENESYSCLOUD_SDK_DEBUG: "true" });
  expect(run.status).toBe(1);
  expect(run.stdout).toBe("");
  expect(run.stderr).toBe(
    'GENESYSCLOUD_SDK_DEBUG is "true": the provider would write every Genesys Cloud API request and answer, access tokens included, to sdk_debug.log in the stack folder. Unset it; to debug, run terraform in the stack\'s folder yourself.\n',
  );
  expect(h.emulator.requests.length).toBe(before);
});
