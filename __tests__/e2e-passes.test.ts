/**
 * The end-to-end suites' jest runs (scripts/e2e-passes.cjs, which scripts/test-e2e.mjs runs): CI splits the whole run
 * into two parts, each a job that installs only what it needs (.github/workflows/ci.yml); together the parts run
 * every suite on every engine the whole run does, and nothing twice.
 */
import { join } from "path";
import { allSuites, CROSS_ENGINE_SUITE, E2ePass, e2ePasses, ENGINE_SUITES, PARTS, suitesRun } from "../scripts/e2e-passes.cjs";

const suites = allSuites(join(__dirname, ".."));
const runs = (passes: E2ePass[]) => suitesRun(passes, suites).sort();

describe("the end-to-end parts CI runs in jobs of their own", () => {
  it("finds the suites, the engine suites and the cross-engine one among them", () => {
    expect(suites.length).toBeGreaterThan(10);
    expect(suites).toEqual(expect.arrayContaining([...ENGINE_SUITES, CROSS_ENGINE_SUITE]));
  });

  it("together run exactly what the whole run runs (npm test), each suite on each engine once", () => {
    const parts = PARTS.flatMap((part) => e2ePasses({ part, suites }));
    expect(runs(parts)).toEqual(runs(e2ePasses({ suites })));
    expect(new Set(runs(parts)).size).toBe(runs(parts).length);
  });

  it("the Terraform part needs no OpenTofu: no pass on it, and not the suite that runs both engines", () => {
    const passes = e2ePasses({ part: "terraform", suites });
    expect(passes.map((p) => p.engine)).toEqual(["terraform"]);
    expect(runs(passes)).not.toContain(`terraform ${CROSS_ENGINE_SUITE}`);
  });

  it("the OpenTofu part: the engine suites on OpenTofu, and the cross-engine suite (which runs both) in a Terraform pass", () => {
    expect(runs(e2ePasses({ part: "opentofu", suites }))).toEqual(
      [...ENGINE_SUITES.map((s) => `tofu ${s}`), `terraform ${CROSS_ENGINE_SUITE}`].sort(),
    );
  });

  it("names and jest's options narrow a part as they narrow the whole run", () => {
    expect(e2ePasses({ part: "opentofu", args: ["lifecycle", "--verbose"], suites })).toEqual([
      { engine: "tofu", args: ["__tests__/e2e/lifecycle.e2e.ts", "--verbose"] },
    ]);
    expect(e2ePasses({ part: "terraform", args: ["engines"], suites })).toEqual([]);
    expect(e2ePasses({ args: ["lifecycle"], suites })).toEqual([
      { engine: "terraform", args: ["lifecycle"] },
      { engine: "tofu", args: ["__tests__/e2e/lifecycle.e2e.ts"] },
    ]);
  });

  it("without OpenTofu the whole run is the Terraform pass; SCV_E2E_ENGINE=tofu runs what it is given on OpenTofu", () => {
    expect(e2ePasses({ suites, tofu: false })).toEqual([{ engine: "terraform", args: [] }]);
    expect(e2ePasses({ only: "tofu", args: ["adopt"], suites })).toEqual([{ engine: "tofu", args: ["adopt"] }]);
  });
});
