import { Description, describeGiven, InputError } from "../../lib/construct/problems";

describe("describeGiven", () => {
  it.each([
    [undefined, "nothing"],
    ["acme", '"acme"'],
    [42, "42"],
    [{ a: [1] }, '{"a":[1]}'],
    [new Description("an empty file"), "an empty file"],
    ["x".repeat(100), `"${"x".repeat(80)}…"`],
  ])("%j as %s", (given, text) => {
    expect(describeGiven(given)).toBe(text);
  });

  it("shows hidden characters in the user's text as escapes instead of letting them reorder the message", () => {
    expect(describeGiven("evil\u202egnp.exe")).toBe('"evil\\u202egnp.exe"');
    expect(describeGiven("a\u2028b\u0085c")).toBe('"a\\u2028b\\u0085c"');
    expect(describeGiven(new Description("the key \"a\u202eb\" a second time"))).toBe('the key "a\\u202eb" a second time');
  });
});

describe("InputError", () => {
  it("is one line per problem, whatever the path, value or file name holds", () => {
    const error = new InputError("deploy\nments.json", [{ path: 'deployments[0]["a\nb"]', given: "x\u202ey", allowed: "a name" }]);
    expect(error.message).toBe('deploy\\nments.json has 1 problem:\n  - deployments[0]["a\\nb"]: given "x\\u202ey"; allowed: a name');
  });
});
