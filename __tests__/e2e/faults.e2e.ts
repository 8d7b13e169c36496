/**
 * The Genesys Cloud API failing as it does in production, met by the real provider: 429 and 500 retried to success;
 * a dropped connection retried; a read that answers 404 right after the create (eventual consistency) retried until
 * the client shows; a 400 is one clear Terraform error, and state keeps the client.
 */
import { deployment, expectSuccess, useHarness } from "./harness";

const harness = useHarness();

it("429 (with Retry-After) and 500 are retried until the client is created", async () => {
  const h = harness();
  h.emulator.inject({ route: "POST /api/v2/oauth/clients", status: 429, times: 1, retryAfterSeconds: 1 });
  h.emulator.inject({ route: "POST /api/v2/oauth/clients", status: 500, times: 1 });
  h.emulator.inject({ route: "GET /api/v2/oauth/clients/", status: 200, times: 1, delayMs: 1500 });
  h.writeDeployments([deployment("production", "acme")]);
  await expectSuccess(h.cdktf("deploy", "production", "--auto-approve"));
  expect(h.emulator.clients.size).toBe(1);
  expect(h.emulator.requests.filter((r) => r.startsWith("POST /api/v2/oauth/clients"))).toEqual([
    "POST /api/v2/oauth/clients 429",
    "POST /api/v2/oauth/clients 500",
    "POST /api/v2/oauth/clients 200",
  ]);
});

it("a 400 is one clear Terraform error, and nothing is lost from state", async () => {
  const h = harness();
  const [client] = h.emulator.clients.values();
  h.emulator.inject({
    route: "PUT /api/v2/oauth/clients/",
    status: 400,
    times: 1,
    body: { message: "The scope analytics:readonly is not permitted for this organization", code: "bad.request", status: 400 },
  });
  h.writeDeployments([deployment("production", "acme", { additionalScopes: ["analytics:readonly"] })]);
  await expectSuccess(h.synth());
  const apply = await h.terraform("production", "apply", "-input=false", "-auto-approve", "-no-color");
  expect(apply.status).toBe(1);
  // One diagnostic (Terraform starts each after an empty line), at the client's address, naming the client, the status
  // and Genesys's own message; the provider adds the request (method, path, status) under it as a line of JSON.
  expect(`\n${apply.stderr}`.match(/\n\nError: /g)).toHaveLength(1);
  const said = apply.stderr.replace(/\s+/g, " ");
  expect(said).toContain(
    `Error: Failed to update oauth client ${client.id} error: API Error: 400 - The scope analytics:readonly is not permitted for this organization`,
  );
  expect(said).toContain("with genesyscloud_oauth_client.service-cloud-voice_client_A93DE14E");
  expect(said).toContain(`"method":"PUT","path":"/api/v2/oauth/clients/${client.id}","statusCode":400`);
  const state = await expectSuccess(
    h.terraform("production", "state", "show", "-no-color", "genesyscloud_oauth_client.service-cloud-voice_client_A93DE14E"),
  );
  expect(state).toContain(`id                            = "${client.id}"`);
  const retry = await expectSuccess(h.terraform("production", "apply", "-input=false", "-auto-approve", "-no-color"));
  expect(retry).toContain("1 changed");
  expect(h.emulator.clients.get(client.id)?.scope).toContain("analytics:readonly");
});

it("a dropped connection and a read that answers 404 right after the create are retried: one client, in state", async () => {
  const h = harness();
  h.emulator.inject({ route: "POST /api/v2/oauth/clients", status: 200, times: 1, drop: true });
  h.emulator.inject({ route: "GET /api/v2/oauth/clients/", status: 404, times: 2 });
  h.writeDeployments([deployment("production", "acme", { additionalScopes: ["analytics:readonly"] }), deployment("uat", "acme-uat")]);
  await expectSuccess(h.cdktf("deploy", "uat", "--auto-approve"));
  const created = h.emulator.requests.filter((r) => /^(POST|GET) \/api\/v2\/oauth\/clients/.test(r)).slice(-5);
  expect(created.slice(0, 4)).toEqual([
    "POST /api/v2/oauth/clients dropped",
    "POST /api/v2/oauth/clients 200",
    expect.stringMatching(/^GET \/api\/v2\/oauth\/clients\/\S+ 404$/),
    expect.stringMatching(/^GET \/api\/v2\/oauth\/clients\/\S+ 404$/),
  ]);
  const uat = [...h.emulator.clients.values()].filter((c) => c.name.includes("acme-uat"));
  expect(uat).toHaveLength(1);
  const state = await expectSuccess(
    h.terraform("uat", "state", "show", "-no-color", "genesyscloud_oauth_client.service-cloud-voice_client_A93DE14E"),
  );
  expect(state).toContain(`id                            = "${uat[0].id}"`);
  const again = await h.terraform("uat", "plan", "-input=false", "-detailed-exitcode", "-no-color");
  expect(again.status).toBe(0);
});
