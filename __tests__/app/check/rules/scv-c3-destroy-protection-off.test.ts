import { destroyProtectionOff } from "../../../../lib/app/check/rules/scv-c3-destroy-protection-off";
import { deployment, input } from "./fixture";

describe("SCV-C3: a client without prevent_destroy", () => {
  it("has its id and level", () => {
    expect([destroyProtectionOff.id, destroyProtectionOff.level]).toEqual(["SCV-C3", "warning"]);
  });

  it.each([
    ["preventDestroy left out (on by default)", { grantType: "authorization-code" }],
    ["preventDestroy: true", { grantType: "authorization-code", preventDestroy: true }],
  ])("Compliance: %s", (_, oauthClient) => {
    expect(destroyProtectionOff.check(input([deployment("acme", { oauthClient })]))).toEqual([]);
  });

  it("Noncompliance: preventDestroy: false, at its key", () => {
    const oauthClient = { grantType: "authorization-code", preventDestroy: false };
    expect(destroyProtectionOff.check(input([deployment("acme", { oauthClient })]))).toEqual([
      {
        where: ["deployments", 0, "oauthClient", "preventDestroy"],
        message: expect.stringMatching(/^deployment "acme" lets Terraform delete its OAuth client: /),
      },
    ]);
  });
});
