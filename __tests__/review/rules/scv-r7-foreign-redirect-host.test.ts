import { foreignRedirectHost } from "../../../lib/review/rules/scv-r7-foreign-redirect-host";
import { change, client } from "./fixture";

describe("SCV-R7: a redirect URI off the client's Lightning host", () => {
  it("has its id and level", () => {
    expect([foreignRedirectHost.id, foreignRedirectHost.level]).toEqual(["SCV-R7", "warning"]);
  });

  it.each<[string, ReturnType<typeof change>]>([
    [
      "only its own host",
      change(
        "create",
        {},
        {
          ...client,
          registered_redirect_uris: [
            ...client.registered_redirect_uris,
            "https://acme.lightning.force.com/resource/genesysps__genesysAuthCallback",
          ],
        },
      ),
    ],
    ["no home URI to compare with", change("create", {}, { ...client, registered_redirect_uris: ["https://evil.example/cb"] })],
    ...[
      "https://ACME.lightning.force.com./resource/x",
      "https://acme.lightning.force.com:443/lightning/page/home",
      "https://acme.my.salesforce.com/cb",
      "https://acme.my-lightning.com/lightning/page/home",
    ].map((uri): [string, ReturnType<typeof change>] => [
      `another host of its own org: ${uri}`,
      change("create", {}, { ...client, registered_redirect_uris: [...client.registered_redirect_uris, uri] }),
    ]),
  ])("Compliance: %s", (_, c) => {
    expect(foreignRedirectHost.check(c)).toEqual([]);
  });

  it.each([
    ["another site", "https://evil.example/cb"],
    ["another org's Lightning host", "https://globex.lightning.force.com/lightning/page/home"],
    ["the org's sandbox", "https://acme--uat.sandbox.lightning.force.com/lightning/page/home"],
    ["the same name in Government Cloud", "https://acme.lightning.crmforce.mil/lightning/page/home"],
  ])("Noncompliance: %s", (_, uri) => {
    expect(
      foreignRedirectHost.check(
        change("update", client, { ...client, registered_redirect_uris: [...client.registered_redirect_uris, uri] }),
      ),
    ).toEqual([
      `redirect URI ${uri} is not on a host of the client's Salesforce org (its Lightning host is acme.lightning.force.com): agents' tokens can be sent there`,
    ]);
  });
});

describe("SCV-R7 on the drift (a change made outside Terraform)", () => {
  const home = client.registered_redirect_uris;
  const outside = (before: string[], after: string[]) => ({
    ...change("update", { ...client, registered_redirect_uris: before }, { ...client, registered_redirect_uris: after }),
    outside: true,
  });

  it("reads drift", () => {
    expect(foreignRedirectHost.readsDrift).toBe(true);
  });

  it("names each foreign URI added outside Terraform, and no URI the state already had", () => {
    expect(
      foreignRedirectHost.check(
        outside([...home, "https://old.example/cb"], [...home, "https://old.example/cb", "https://evil.example/cb"]),
      ),
    ).toEqual([
      "redirect URI https://evil.example/cb was added outside Terraform, on no host of the client's Salesforce org (its Lightning host is acme.lightning.force.com): agents' tokens can be sent there until the next deploy takes it off",
    ]);
    expect(foreignRedirectHost.check(outside(home, [...home, "https://acme.my.salesforce.com/cb"]))).toEqual([]);
  });
});
