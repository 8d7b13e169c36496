import { evaluatedText } from "../../../../lib/app/check/rules/scv-c7-evaluated-text";
import { deployment, input } from "./fixture";

/** The input of one deployment "acme" whose synthesized client holds these attributes. */
const synthesized = (client: Record<string, unknown>) =>
  input([deployment("acme")], {
    synthesized: (name) => (name === "acme" ? { resource: { genesyscloud_oauth_client: { client } } } : {}),
  });

describe("SCV-C7: a synthesized text that Terraform would evaluate", () => {
  it("has its id and level", () => {
    expect([evaluatedText.id, evaluatedText.level]).toEqual(["SCV-C7", "error"]);
  });

  it.each([
    ["plain texts", { name: "SCV", description: "x", scopes: ["users:readonly"], registered_redirect_uris: ["https://a/"] }],
    ["escaped templates, as the construct writes literal text", { name: "SCV $${file(x)}", description: "%%{if x}" }],
    ["a template in an attribute Terraform takes no text from here", { authorized_grant_type: "${x}" }],
    ["no client synthesized", undefined],
  ])("Compliance: %s", (_, client) => {
    expect(evaluatedText.check(client ? synthesized(client) : input([deployment("acme")]))).toEqual([]);
  });

  it.each([
    ["name", "SCV ${file(x)}"],
    ["description", "%{if x}y%{endif}"],
    ["scopes", ["users:readonly", "${x}"]],
    ["registered_redirect_uris", ["https://a/${x}"]],
  ])("Noncompliance: a template in the synthesized %s", (key, value) => {
    expect(evaluatedText.check(synthesized({ [key]: value }))).toEqual([
      {
        where: "acme",
        message: `the synthesized ${key} holds a Terraform template that the plan would evaluate: nothing may be planned from it`,
      },
    ]);
  });
});
