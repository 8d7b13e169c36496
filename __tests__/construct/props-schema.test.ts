/**
 * The package is built twice (its main entry for cdktf, `/cdktn` for cdktn: scripts/package.mjs), and one process may
 * load both builds, which then share one @sinclair/typebox and its process-wide TypeRegistry. Here two fresh copies
 * of the construct's modules stand for the two builds, sharing this test's TypeBox as two builds share the one npm
 * installed: each copy validates its props, whichever loaded first.
 */
import * as typebox from "@sinclair/typebox";
import * as typeboxValue from "@sinclair/typebox/value";
import type * as Settings from "../../lib/construct/oauth-client-settings";

/** A fresh copy of the construct's props checks (and everything they load), but this test's TypeBox. */
function anotherBuild(): typeof Settings {
  let build: typeof Settings | undefined;
  jest.isolateModules(() => {
    jest.doMock("@sinclair/typebox", () => typebox);
    jest.doMock("@sinclair/typebox/value", () => typeboxValue);
    build = jest.requireActual<typeof Settings>("../../lib/construct/oauth-client-settings");
  });
  return build!;
}

describe("two builds of the props schema in one process, sharing one TypeBox registry", () => {
  const first = anotherBuild();
  const second = anotherBuild();

  it("are two copies of the modules, whose schemas are distinct objects", () => {
    expect(first.checkOAuthClientProps).not.toBe(second.checkOAuthClientProps);
  });

  it.each([
    ["the build loaded first", first],
    ["the build loaded second", second],
  ])("%s accepts valid props and refuses bad ones with its own words and advice", (_, build) => {
    expect(build.checkOAuthClientProps({ myDomain: "acme", name: "é".repeat(10), tokenLifetimeSeconds: 300 })).toEqual([]);
    const problems = build.checkOAuthClientProps({ lightningHost: "acme.my.salesforce.com", grantType: "implict" as never });
    expect(problems.map((p) => p.path)).toEqual([["lightningHost"], ["grantType"]]);
    // The advice for a host (the schema's ADVICE), and the nearest grant type meant.
    expect(problems[0].allowed).toMatch(/acme\.lightning\.force\.com/);
    expect(problems[1].allowed).toMatch(/did you mean "implicit"/);
  });
});
