// Which jest runs of the end-to-end suites scripts/test-e2e.mjs makes, on which engine: the whole run (npm test), one
// engine only (SCV_E2E_ENGINE), or one of the two parts CI runs in jobs of their own (--part). Pure: the script runs
// what this returns, and __tests__/e2e-passes.test.ts holds the two parts to the whole run.
const { readdirSync } = require("node:fs");
const { join } = require("node:path");

/** The scenarios that touch the engine: deploy and re-plan, update, prevent_destroy (lifecycle), import and adoption,
 * state in S3 with its lock, drift in the review, the HCL export, who changed the client (the drift command and diff,
 * which read the state through the engine). They run on Terraform and again on OpenTofu. */
const ENGINE_SUITES = ["lifecycle", "import", "adopt", "s3-state", "review", "hcl-export", "drift"].map((s) => `__tests__/e2e/${s}.e2e.ts`);
/** The suite that runs both engines on one state: in the Terraform pass, and only where OpenTofu is there too. */
const CROSS_ENGINE_SUITE = "__tests__/e2e/engines.e2e.ts";
/**
 * The parts of the whole run, each for a CI job that installs only what it needs:
 * terraform, every suite on Terraform but the cross-engine one (Terraform and the provider, no OpenTofu);
 * opentofu, the engine suites on OpenTofu and the cross-engine suite (both engines and the provider).
 */
const PARTS = ["terraform", "opentofu"];

/** Every end-to-end suite under `root`, as the paths jest is given. */
function allSuites(root) {
  return readdirSync(join(root, "__tests__/e2e"))
    .filter((f) => f.endsWith(".e2e.ts"))
    .map((f) => `__tests__/e2e/${f}`)
    .sort();
}

/** The suites of `suites` that the names on the command line select (jest reads a name as a pattern of the path). */
const selected = (suites, named) =>
  named.length === 0 ? suites : suites.filter((s) => named.some((n) => new RegExp(n).test(s) || s.endsWith(n)));

/**
 * The jest runs, in order, each an engine and its arguments (suites, then jest's options).
 * - `part` ("terraform" or "opentofu"), `only` (SCV_E2E_ENGINE), `args` (the command line: names and jest options),
 *   `suites` (every suite), `tofu` (whether OpenTofu is there for the whole run's second pass).
 * Names on the command line narrow a part as they narrow the whole run.
 */
function e2ePasses({ part, only, args = [], suites, tofu = true }) {
  const named = args.filter((a) => !a.startsWith("-"));
  const options = args.filter((a) => a.startsWith("-"));
  if (part === "terraform") {
    const mine = selected(
      suites.filter((s) => s !== CROSS_ENGINE_SUITE),
      named,
    );
    return mine.length > 0 ? [{ engine: "terraform", args: [...mine, ...options] }] : [];
  }
  if (part === "opentofu") {
    const engine = selected(ENGINE_SUITES, named);
    const cross = selected([CROSS_ENGINE_SUITE], named);
    return [
      ...(engine.length > 0 ? [{ engine: "tofu", args: [...engine, ...options] }] : []),
      ...(cross.length > 0 ? [{ engine: "terraform", args: [...cross, ...options] }] : []),
    ];
  }
  if (only === "tofu") return [{ engine: "tofu", args }];
  const passes = [{ engine: "terraform", args }];
  if (!only && tofu) {
    const engine = selected(ENGINE_SUITES, named);
    if (engine.length > 0) passes.push({ engine: "tofu", args: [...engine, ...options] });
  }
  return passes;
}

/** What a pass runs, as [engine, suite] pairs: a pass without suites runs every suite. */
function suitesRun(passes, suites) {
  return passes.flatMap((p) => {
    const named = p.args.filter((a) => !a.startsWith("-"));
    return selected(suites, named).map((s) => `${p.engine} ${s}`);
  });
}

module.exports = { ENGINE_SUITES, CROSS_ENGINE_SUITE, PARTS, allSuites, e2ePasses, suitesRun };
