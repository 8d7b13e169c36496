import { templateSyntax } from "../../../../lib/app/check/rules/scv-c6-template-syntax";
import { deployment, input } from "./fixture";

describe("SCV-C6: Terraform's template syntax in a name or description", () => {
  it("has its id and level", () => {
    expect([templateSyntax.id, templateSyntax.level]).toEqual(["SCV-C6", "warning"]);
  });

  it.each([
    ["no name or description", {}],
    ["a $ and a % without a brace", { name: "SCV $5 100%", description: "{x} $ {y} % {z}" }],
  ])("Compliance: %s", (_, texts) => {
    expect(templateSyntax.check(input([deployment("acme", { oauthClient: { grantType: "authorization-code", ...texts } })]))).toEqual([]);
  });

  it.each([
    ["an interpolation in the name", "name", 'SCV ${file("/etc/passwd")}'],
    ["a directive in the description", "description", "%{if x}y%{endif}"],
  ])("Noncompliance: %s, at its key", (_, key, text) => {
    expect(templateSyntax.check(input([deployment("acme", { oauthClient: { grantType: "authorization-code", [key]: text } })]))).toEqual([
      { where: ["deployments", 0, "oauthClient", key], message: expect.stringContaining(`the ${key} is written as literal text`) },
    ]);
  });
});
