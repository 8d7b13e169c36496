import { clientInactive } from "../../../lib/review/rules/scv-r4-client-inactive";
import { change, client } from "./fixture";

describe("SCV-R4: a client set inactive", () => {
  it("has its id and level", () => {
    expect([clientInactive.id, clientInactive.level]).toEqual(["SCV-R4", "warning"]);
  });

  it.each([
    ["an active client updated", change("update", client, { ...client, description: "x" })],
    [
      "an inactive client staying inactive",
      change("update", { ...client, state: "inactive" }, { ...client, state: "inactive", description: "x" }),
    ],
    ["a delete (SCV-R1 says it)", change("delete", client, { state: "inactive" })],
  ])("Compliance: %s", (_, c) => {
    expect(clientInactive.check(c)).toEqual([]);
  });

  it("Noncompliance: active → inactive", () => {
    expect(clientInactive.check(change("update", client, { ...client, state: "inactive" }))).toEqual([
      "state → inactive: no new tokens; agents lose softphone login",
    ]);
  });
});
