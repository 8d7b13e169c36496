import { Description, describeGiven, formatPath, InputError, nearestKey, nearestValue, placeOf } from "../../lib/shared/problems";

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
    expect(describeGiven(new Description('the key "a\u202eb" a second time'))).toBe('the key "a\\u202eb" a second time');
  });
});

describe("InputError", () => {
  it("is one line per problem, whatever the path, value or file name holds", () => {
    const error = new InputError("deploy\nments.json", [{ path: ["deployments", 0, "a\nb"], given: "x\u202ey", allowed: "a name" }]);
    expect(error.message).toBe('deploy\\nments.json has 1 problem:\n  - deployments[0]["a\\nb"]: given "x\\u202ey"; allowed: a name');
  });
});

describe("nearestKey: the key a mistyped one most likely meant", () => {
  const keys = [
    "name",
    "genesysCloud",
    "salesforce",
    "oauthClient",
    "backend",
    "tokenLifetimeSeconds",
    "additionalScopes",
    "additionalRedirectUris",
  ];

  it.each([
    ["salesForce", "salesforce"],
    ["genesyscloud", "genesysCloud"],
    ["oauthclients", "oauthClient"],
    ["backnd", "backend"],
    ["scopes", "additionalScopes"],
    ["tokenLifetime", "tokenLifetimeSeconds"],
    ["nam", "name"],
  ])("%s: %s", (typed, meant) => {
    expect(nearestKey(typed, keys)).toBe(meant);
  });

  it.each(["region", "x", "ab", "additional"])("%s: none (nothing close, or several)", (typed) => {
    expect(nearestKey(typed, keys)).toBeUndefined();
  });
});

describe("nearestKey without holding", () => {
  it("leaves a key that a known one merely contains", () => {
    expect(nearestKey("host", ["lightningHost"])).toBe("lightningHost");
    expect(nearestKey("host", ["lightningHost"], { holding: false })).toBeUndefined();
    expect(nearestKey("lightninghost", ["lightningHost"], { holding: false })).toBe("lightningHost");
  });
});

describe("nearestValue: the one allowed value a mistyped one most likely meant", () => {
  const regions = ["us-east-1", "us-east-2", "eu-central-1", "eu-central-2", "eu-west-1"];

  it.each([
    ["eu-centrl-1", "eu-central-1"],
    ["EU-WEST-1", "eu-west-1"],
    ["eu-west1", "eu-west-1"],
  ])("%s: %s", (typed, meant) => {
    expect(nearestValue(typed, regions)).toBe(meant);
  });

  it.each(["us-east-9", "eu-central-3", "mars-1", "eu"])("%s: none (nothing close, or two as close)", (typed) => {
    expect(nearestValue(typed, regions)).toBeUndefined();
  });
});

describe("describeGiven: values JSON has no words for", () => {
  it.each([
    [NaN, "NaN"],
    [Infinity, "Infinity"],
    [BigInt(10), "10"],
  ])("%s", (given, text) => {
    expect(describeGiven(given)).toBe(text);
  });

  it("a cycle or a bigint inside an object does not throw", () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(describeGiven(cycle)).toBe("[object Object]");
    expect(describeGiven({ n: BigInt(1) })).toBe("[object Object]");
  });
});

describe("formatPath: a path as every message prints it", () => {
  it.each([
    [[], ""],
    [["deployments", 0, "salesforce", "myDomain"], "deployments[0].salesforce.myDomain"],
    [["additionalScopes", 1], "additionalScopes[1]"],
    [["deployments", 0, "salesforce", "evil key"], 'deployments[0].salesforce["evil key"]'],
    [["$schema"], "$schema"],
    [["a", "0"], "a[0]"],
  ])("%j as %s", (path, text) => {
    expect(formatPath(path)).toBe(text);
  });

  it("a place outside the data is printed instead of a path; the top level has a name", () => {
    expect(placeOf({ path: [], place: "(file)", given: undefined, allowed: "" })).toBe("(file)");
    expect(placeOf({ path: [], given: undefined, allowed: "" })).toBe("(top level)");
  });
});
