import { noOrganizationId } from "../../../../lib/app/check/rules/scv-c2-no-organization-id";
import { deployment, input } from "./fixture";

describe("SCV-C2: a deployment without genesysCloud.organizationId", () => {
  it("has its id and level", () => {
    expect([noOrganizationId.id, noOrganizationId.level]).toEqual(["SCV-C2", "warning"]);
  });

  it("Compliance: every deployment names its org", () => {
    expect(noOrganizationId.check(input([deployment("acme"), deployment("globex")]))).toEqual([]);
  });

  it("Noncompliance: one without, at its genesysCloud key", () => {
    expect(noOrganizationId.check(input([deployment("acme"), deployment("globex", { genesysCloud: { region: "us-east-1" } })]))).toEqual([
      { where: ["deployments", 1, "genesysCloud"], message: expect.stringMatching(/^deployment "globex" has no organizationId: /) },
    ]);
  });
});
