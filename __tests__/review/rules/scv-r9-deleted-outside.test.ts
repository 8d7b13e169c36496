import { deletedOutside } from "../../../lib/review/rules/scv-r9-deleted-outside";
import { change, client } from "./fixture";

describe("SCV-R9: a client deleted outside Terraform, created again", () => {
  it("has its id and level: a caution, which holds the plan", () => {
    expect([deletedOutside.id, deletedOutside.level]).toEqual(["SCV-R9", "caution"]);
  });

  it.each([
    ["a first create", change("create", {}, client)],
    ["an update after drift", { ...change("update", client, client), deletedOutside: true }],
  ])("Compliance: %s", (_, c) => {
    expect(deletedOutside.check(c)).toEqual([]);
  });

  it("Noncompliance: the drift deleted it, and the plan creates it", () => {
    expect(deletedOutside.check({ ...change("create", {}, client), deletedOutside: true })).toEqual([
      "the client was deleted outside Terraform since the last apply, and this creates a new one: the org's client id changes, and the Salesforce org's CX Cloud, Digital and AI settings must get the new one",
    ]);
  });
});
