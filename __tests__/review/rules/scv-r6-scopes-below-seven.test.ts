import { scopesBelowSeven } from "../../../lib/review/rules/scv-r6-scopes-below-seven";
import { change, client } from "./fixture";

describe("SCV-R6: a client without one of the seven scopes", () => {
  it("has its id and level", () => {
    expect([scopesBelowSeven.id, scopesBelowSeven.level]).toEqual(["SCV-R6", "warning"]);
  });

  it.each([
    ["the seven", change("create", {}, client)],
    ["the seven and more", change("update", client, { ...client, scopes: [...client.scopes, "analytics:readonly"] })],
  ])("Compliance: %s", (_, c) => {
    expect(scopesBelowSeven.check(c)).toEqual([]);
  });

  it("Noncompliance: upload and presence missing", () => {
    const scopes = client.scopes.filter((s) => s !== "upload" && s !== "presence");
    expect(scopesBelowSeven.check(change("update", client, { ...client, scopes }))).toEqual([
      "scopes below the article's seven: missing presence, upload",
    ]);
  });
});
