/** The Genesys Cloud API failing: 429 and 500 retried to success; a 400 is one clear error, and state keeps the client. */
import { deployment, expectSuccess, useHarness } from "./harness";

const harness = useHarness();

it("429 (with Retry-After) and 500 are retried until the client is created", async () => {
  const h = harness();
  h.emulator.inject({ route: "POST /api/v2/oauth/clients", status: 429, times: 1, retryAfterSeconds: 1 });
  h.emulator.inject({ route: "POST /api/v2/oauth/clients", status: 500, times: 2 });
  h.emulator.inject({ route: "GET /api/v2/oauth/clients/", status: 200, times: 1, delayMs: 1500 });
  h.writeDeployments([deployment("production", "acme")]);
  await expectSuccess(h.cdktf("deploy", "production", "--auto-approve"));
  expect(h.emulator.clients.size).toBe(1);
  expect(h.emulator.requests.filter((r) => r.startsWith("POST /api/v2/oauth/clients"))).toEqual([
    "POST /api/v2/oauth/clients 429",
    "POST /api/v2/oauth/clients 500",
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
  expect(apply.stderr.match(/Error: /g)).toHaveLength(1);
  expect(apply.stderr).toContain("Error: Failed to update OAuth client");
  expect(apply.stderr.replace(/\s+/g, " ")).toContain("400 The scope analytics:readonly is not permitted for this organization");
  const state = await expectSuccess(h.terraform("production", "state", "show", "-no-color", "genesyscloud_oauth_client.service-cloud-voice_client_A93DE14E"));
  expect(state).toContain(`id                            = "${client.id}"`);
  const retry = await expectSuccess(h.terraform("production", "apply", "-input=false", "-auto-approve", "-no-color"));
  expect(retry).toContain("1 changed");
  expect(h.emulator.clients.get(client.id)?.scope).toContain("analytics:readonly");
});
