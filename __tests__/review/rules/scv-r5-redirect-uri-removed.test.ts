import { redirectUriRemoved } from "../../../lib/review/rules/scv-r5-redirect-uri-removed";
import { change, client } from "./fixture";

describe("SCV-R5: a Salesforce redirect URI removed", () => {
  it("has its id and level", () => {
    expect([redirectUriRemoved.id, redirectUriRemoved.level]).toEqual(["SCV-R5", "warning"]);
  });

  const callback = "https://acme.lightning.force.com/resource/genesysps__genesysAuthCallback";
  it.each([
    ["a URI added", change("update", client, { ...client, registered_redirect_uris: [...client.registered_redirect_uris, callback] })],
    [
      "a non-Salesforce URI removed",
      change("update", { ...client, registered_redirect_uris: [...client.registered_redirect_uris, "https://example.com/x"] }, client),
    ],
  ])("Compliance: %s", (_, c) => {
    expect(redirectUriRemoved.check(c)).toEqual([]);
  });

  it("Noncompliance: a Salesforce URI removed", () => {
    expect(
      redirectUriRemoved.check(
        change("update", { ...client, registered_redirect_uris: [...client.registered_redirect_uris, callback] }, client),
      ),
    ).toEqual([`Salesforce redirect URI removed: ${callback}: that org's Lightning app can no longer log in through it`]);
  });
});
