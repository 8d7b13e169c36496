import { DEFAULT_PARALLELISM, parallelismOf } from "../../../lib/app/commands/parallelism";

describe("parallelismOf", () => {
  it("is the default when not given", () => {
    expect(parallelismOf(undefined)).toBe(DEFAULT_PARALLELISM);
  });

  it("takes a whole number from 1 to 32", () => {
    expect(parallelismOf("8")).toBe(8);
    expect(parallelismOf("1")).toBe(1);
    expect(parallelismOf("32")).toBe(32);
  });

  it.each([["0"], ["33"], ["-2"], ["2.5"], ["four"], [""], [" 4"]])("%j is a problem: where, what was given, what is allowed", (given) => {
    expect(parallelismOf(given)).toEqual({
      path: [],
      place: "--parallelism",
      given,
      allowed: "a whole number from 1 to 32: how many deployments run at once (4 unless given)",
    });
  });
});
