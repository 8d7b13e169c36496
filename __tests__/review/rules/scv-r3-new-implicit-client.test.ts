import { newImplicitClient } from "../../../lib/review/rules/scv-r3-new-implicit-client";
import { change, client } from "./fixture";

describe("SCV-R3: a new implicit client", () => {
  it("has its id and level", () => {
    expect([newImplicitClient.id, newImplicitClient.level]).toEqual(["SCV-R3", "warning"]);
  });

  it.each([
    ["a new authorization-code client", change("create", {}, { ...client, authorized_grant_type: "CODE" })],
    ["an existing implicit client updated", change("update", client, { ...client, description: "x" })],
  ])("Compliance: %s", (_, c) => {
    expect(newImplicitClient.check(c)).toEqual([]);
  });

  it("Noncompliance: a new implicit client", () => {
    expect(newImplicitClient.check(change("create", {}, client))).toEqual([
      'a new implicit-grant client: Genesys no longer creates these, so the apply may fail. Use the authorization-code grant (oauthClient.grantType "authorization-code"), configured in the Salesforce package first',
    ]);
  });
});
