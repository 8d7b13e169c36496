import { sameSalesforceOrg } from "../../../../lib/app/check/rules/scv-c5-same-salesforce-org";
import { deployment, input } from "./fixture";

describe("SCV-C5: two deployments for one Salesforce org", () => {
  it("has its id and level", () => {
    expect([sameSalesforceOrg.id, sameSalesforceOrg.level]).toEqual(["SCV-C5", "warning"]);
  });

  it.each([
    ["two orgs", [deployment("acme"), deployment("globex")]],
    ["an org and its sandbox", [deployment("acme"), deployment("uat", { salesforce: { myDomain: "acme", sandbox: "uat" } })]],
    [
      "the later one allowed a second client (SCV-C4 says it)",
      [deployment("acme"), deployment("pkce", { salesforce: { myDomain: "acme" }, allowSecondClient: true })],
    ],
  ])("Compliance: %s", (_, deployments) => {
    expect(sameSalesforceOrg.check(input(deployments))).toEqual([]);
  });

  it("Noncompliance: the same org by another of its hosts, at the later one's salesforce key", () => {
    const deployments = [deployment("acme"), deployment("legacy", { salesforce: { lightningHost: "ACME.lightning.force.com" } })];
    expect(sameSalesforceOrg.check(input(deployments))).toEqual([
      {
        where: ["deployments", 1, "salesforce"],
        message: expect.stringMatching(/^deployment "legacy" is for the same Salesforce org as deployment "acme" /),
      },
    ]);
  });
});
