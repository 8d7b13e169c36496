import { evaluatedText } from "../../../lib/review/rules/scv-r8-evaluated-text";
import { change, client } from "./fixture";

describe("SCV-R8: a name or description that looks like an evaluated template", () => {
  it("has its id and level: a caution, which holds the plan", () => {
    expect([evaluatedText.id, evaluatedText.level]).toEqual(["SCV-R8", "caution"]);
  });

  it.each([
    ["the article's client", change("create", {}, client)],
    ["a name with template syntax written literally", change("update", client, { ...client, name: 'SCV ${file("/etc/hostname")}' })],
    ["a deleted client with any name", change("delete", { ...client, name: "a\nb" }, {})],
    ["a name Terraform knows only after apply", change("update", client, { ...client, name: null })],
  ])("Compliance: %s", (_, c) => {
    expect(evaluatedText.check(c)).toEqual([]);
  });

  it("Noncompliance: a file's content (a line break) as the name, an environment (NULs) as the description; neither is quoted", () => {
    const environ = "AWS_SECRET_ACCESS_KEY=abc123\u0000HOME=/root\u0000";
    const found = evaluatedText.check(change("update", client, { ...client, name: "runner-7\n", description: environ }));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^the planned name \(9 characters, not shown\) is not text the deployments file or the construct can write/);
    expect(found[1]).toMatch(/^the planned description \(40 characters, not shown\)/);
    expect(found.join("\n")).not.toMatch(/abc123|runner-7/);
  });

  it("Noncompliance: one character, said in the singular", () => {
    expect(evaluatedText.check(change("update", client, { ...client, name: "\n" }))[0]).toMatch(
      /^the planned name \(1 character, not shown\)/,
    );
  });

  it("Noncompliance: a name over the limit", () => {
    expect(evaluatedText.check(change("create", {}, { ...client, name: "x".repeat(201) }))).toHaveLength(1);
  });
});

describe("SCV-R8 on a name the plan marks sensitive", () => {
  it("Noncompliance: a sensitive name or description is held, its value unseen", () => {
    const found = evaluatedText.check({ ...change("update", client, { ...client, name: "(sensitive)" }), sensitive: ["name"] });
    expect(found).toEqual([
      expect.stringMatching(/^the planned name is marked sensitive \(not shown\), which no deployments file or construct does/),
    ]);
  });
});
