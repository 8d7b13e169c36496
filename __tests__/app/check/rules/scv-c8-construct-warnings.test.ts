import { constructWarnings } from "../../../../lib/app/check/rules/scv-c8-construct-warnings";
import { ServiceCloudVoiceOAuthClient } from "../../../../lib/construct/internal";
import { deployment, input } from "./fixture";

const said = (...annotations: { type: string; data: unknown; stack: string }[]) => input([deployment("acme")], { annotations });

describe("SCV-C8: the construct's warnings at synth", () => {
  it("has its id and level", () => {
    expect([constructWarnings.id, constructWarnings.level]).toEqual(["SCV-C8", "warning"]);
  });

  it.each([
    ["nothing said", said()],
    [
      "what is no warning or error (info, cdktf's own metadata)",
      said({ type: "@cdktf/info", data: "x", stack: "acme" }, { type: "aws:cdk:logicalId", data: "y", stack: "acme" }),
    ],
    [
      "destroy protection off (SCV-C3 says it at its key)",
      said({ type: "@cdktf/warn", data: ServiceCloudVoiceOAuthClient.DESTROY_PROTECTION_OFF, stack: "acme" }),
    ],
  ])("Compliance: %s", (_, i) => {
    expect(constructWarnings.check(i)).toEqual([]);
  });

  it("Noncompliance: each warning and error, of its deployment, at the construct's level", () => {
    expect(
      constructWarnings.check(
        said({ type: "@cdktf/warn", data: "implicit", stack: "acme" }, { type: "@cdktf/error", data: "broken", stack: "uat" }),
      ),
    ).toEqual([
      { level: "warning", where: "acme", message: "implicit" },
      { level: "error", where: "uat", message: "broken" },
    ]);
  });
});
