import { localStateInActions } from "../../../../lib/app/check/rules/scv-c1-local-state-in-actions";
import { deployment, input } from "./fixture";

describe("SCV-C1: a local state backend in GitHub Actions", () => {
  it("has its id and level", () => {
    expect([localStateInActions.id, localStateInActions.level]).toEqual(["SCV-C1", "error"]);
  });

  it.each([
    ["an s3 backend in GitHub Actions", input([deployment("acme")], { inGitHubActions: true })],
    [
      "a cloud backend in GitHub Actions",
      input([deployment("acme", { backend: { cloud: { organization: "acme", workspace: "scv" } } })], { inGitHubActions: true }),
    ],
    ["a local backend outside GitHub Actions", input([deployment("acme", { backend: undefined })])],
  ])("Compliance: %s", (_, i) => {
    expect(localStateInActions.check(i)).toEqual([]);
  });

  it.each([
    ["no backend (local by default)", undefined],
    ["a local backend", { local: {} }],
  ])("Noncompliance: %s in GitHub Actions, at the deployment's backend key", (_, backend) => {
    expect(localStateInActions.check(input([deployment("acme"), deployment("uat", { backend })], { inGitHubActions: true }))).toEqual([
      {
        where: ["deployments", 1, "backend"],
        message: expect.stringMatching(
          /^deployment "uat" keeps its Terraform state in a local file, which a GitHub Actions runner throws away/,
        ),
      },
    ]);
  });
});
