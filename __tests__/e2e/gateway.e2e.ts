/**
 * genesysCloud.gateway, the provider's gateway block: every end-to-end test reaches the emulator through it; here the
 * gateway also puts its own path prefixes before the login and the API (pathParams), as an organization's API gateway may.
 */
import { deployment, expectSuccess, useHarness } from "./harness";

const harness = useHarness(undefined, undefined, { login: "genesys/login", api: "genesys/api" });

it("deploys through a gateway with path prefixes: the login and every API call arrive under their prefix", async () => {
  const h = harness();
  h.writeDeployments([deployment("production", "acme", { grantType: "authorization-code" })]);
  await expectSuccess(h.cdktf("deploy", "production", "--auto-approve"));
  expect([...h.emulator.clients.values()].map((c) => c.registeredRedirectUri)).toEqual([
    ["https://acme.lightning.force.com/lightning/page/home"],
  ]);
  expect(h.emulator.requests).toContain("POST /oauth/token 200");
  expect(h.emulator.requests).toContain("POST /api/v2/oauth/clients 200");
  expect(h.emulator.requests.filter((r) => r.includes("not behind the gateway prefix"))).toEqual([]);
});
