import { endOfOptionsProblem, fromWhereTheUserIs, optionValue } from "../../../lib/app/commands/runner-arguments";

describe("optionValue", () => {
  it("is the value after the option's first name found, or undefined", () => {
    expect(optionValue(["--auto-approve", "-o", "out"], "--output", "-o")).toBe("out");
    expect(optionValue(["--auto-approve"], "--output", "-o")).toBeUndefined();
  });
});

describe("endOfOptionsProblem", () => {
  it("none without a --", () => {
    expect(endOfOptionsProblem("deploy", ["--auto-approve"])).toBeUndefined();
  });

  it("synth's example is an option of cdktf's; diff's names a deployment; what came after -- is shown escaped", () => {
    expect(endOfOptionsProblem("synth", ["--"])).toBe(
      'synth: "--" is not taken among its arguments (given before nothing): cdktf\'s options go without it (npx genesys-scv-oauth-client synth --output cdktf.out); nothing was run.',
    );
    expect(endOfOptionsProblem("diff", ["--", "a\u202eb"])).toBe(
      'diff: "--" is not taken among its arguments (given before a\\u202eb): deployment names and cdktf\'s options go, in any order, ' +
        "without it (npx genesys-scv-oauth-client diff production --parallelism 4); nothing was run.",
    );
  });
});

describe("fromWhereTheUserIs", () => {
  it("makes a relative --output (or -o) relative to where the user ran npm (INIT_CWD); the rest as given", () => {
    expect(fromWhereTheUserIs(["--auto-approve", "--output", "out"], { INIT_CWD: "/home/me/repo/sub" })).toEqual([
      "--auto-approve",
      "--output",
      "/home/me/repo/sub/out",
    ]);
    expect(fromWhereTheUserIs(["-o", "/abs"], { INIT_CWD: "/x" })).toEqual(["-o", "/abs"]);
  });
});
