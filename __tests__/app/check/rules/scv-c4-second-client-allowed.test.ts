import { secondClientAllowed } from "../../../../lib/app/check/rules/scv-c4-second-client-allowed";
import { deployment, input } from "./fixture";

describe("SCV-C4: a deployment allowed a second client for its Salesforce org", () => {
  it("has its id and level", () => {
    expect([secondClientAllowed.id, secondClientAllowed.level]).toEqual(["SCV-C4", "warning"]);
  });

  it.each([
    ["allowSecondClient left out", {}],
    ["allowSecondClient: false", { allowSecondClient: false }],
  ])("Compliance: %s", (_, extra) => {
    expect(secondClientAllowed.check(input([deployment("acme", extra)]))).toEqual([]);
  });

  it("Noncompliance: allowSecondClient: true, at its key, naming the adopt command", () => {
    expect(secondClientAllowed.check(input([deployment("acme", { allowSecondClient: true })]))).toEqual([
      {
        where: ["deployments", 0, "allowSecondClient"],
        message: expect.stringContaining("Adopt the existing client instead (npx genesys-scv-oauth-client adopt acme --write)"),
      },
    ]);
  });
});
