import { clientIdChanges } from "../../../lib/review/rules/scv-r1-client-id-changes";
import { change, client } from "./fixture";

describe("SCV-R1: a deleted or replaced client changes its client id", () => {
  it("has its id and level", () => {
    expect([clientIdChanges.id, clientIdChanges.level]).toEqual(["SCV-R1", "caution"]);
  });

  it.each([
    ["an update in place", change("update", client, { ...client, description: "new" })],
    ["a create", change("create", {}, client)],
    ["no change", change("no-op", client, client)],
  ])("Compliance: %s", (_, c) => {
    expect(clientIdChanges.check(c)).toEqual([]);
  });

  it.each([
    ["a delete", change("delete", client, {}), "deleted"],
    ["a replace", change("replace", client, client), "replaced"],
  ])("Noncompliance: %s", (_, c, word) => {
    expect(clientIdChanges.check(c)).toEqual([`the client is ${word}: the client id every Salesforce org holds stops working`]);
  });
});
