import { DEFAULT_PARALLELISM, takeParallelism } from "../../../lib/app/commands/parallelism";

describe("takeParallelism", () => {
  it("is the default when not given, and the options stay as they were", () => {
    expect(takeParallelism(["--auto-approve"], "deploy")).toEqual({ parallelism: DEFAULT_PARALLELISM, options: ["--auto-approve"] });
  });

  it("takes --parallelism and its value out of the options cdktf is given", () => {
    expect(takeParallelism(["--auto-approve", "--parallelism", "8", "--output", "out"], "deploy")).toEqual({
      parallelism: 8,
      options: ["--auto-approve", "--output", "out"],
    });
    expect(takeParallelism(["--parallelism", "1"], "diff")).toEqual({ parallelism: 1, options: [] });
    expect(takeParallelism(["--parallelism", "32"], "diff")).toEqual({ parallelism: 32, options: [] });
  });

  it.each([
    ["0", 'given "0"'],
    ["33", 'given "33"'],
    ["-2", 'given "-2"'],
    ["2.5", 'given "2.5"'],
    ["four", 'given "four"'],
    ["", 'given ""'],
    [" 4", 'given " 4"'],
  ])("%j is one message: where, what was given, what is allowed", (value, given) => {
    expect(takeParallelism(["--parallelism", value], "diff")).toEqual({
      problem: `diff: --parallelism: ${given}; allowed: a whole number from 1 to 32: how many deployments run at once (4 unless given)`,
    });
  });

  it("a --parallelism without a value, or given twice, is one message", () => {
    expect(takeParallelism(["--parallelism"], "deploy")).toEqual({
      problem:
        "deploy: --parallelism: given nothing; allowed: a whole number from 1 to 32: how many deployments run at once (4 unless given)",
    });
    expect(takeParallelism(["--parallelism", "2", "--parallelism", "3"], "deploy")).toEqual({
      problem: "deploy: --parallelism is given twice; give it once.",
    });
  });
});
