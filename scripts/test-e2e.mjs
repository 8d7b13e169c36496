// The end-to-end tests (jest.e2e.config.js): the real engine, the real cdktf CLI and the real genesyscloud provider
// (npm run provider:build) against the local Genesys Cloud emulator. Every suite runs on Terraform; the suites that
// touch the engine (ENGINE_SUITES) run again on OpenTofu (npm run opentofu:build), and engines.e2e.ts runs both on one
// state. Without Terraform, or without Go and a provider binary, they are skipped with a notice, and without Go the
// OpenTofu run is; under CI or GITHUB_ACTIONS a skip is a failure, since a pipeline that skips them has lost them.
// Arguments go to jest: suites named run on Terraform, and those of ENGINE_SUITES also on OpenTofu;
// SCV_E2E_ENGINE=terraform or tofu runs them on that engine only.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
/** The scenarios that touch the engine: deploy and re-plan, update, prevent_destroy (lifecycle), import and adoption,
 * state in S3 with its lock, drift (review), the HCL export. */
const ENGINE_SUITES = ["lifecycle", "import", "adopt", "s3-state", "review", "hcl-export"].map((s) => `__tests__/e2e/${s}.e2e.ts`);
const underCi = Boolean(process.env.CI || process.env.GITHUB_ACTIONS);
const skip = (why) => {
  console.log(`\nEnd-to-end tests SKIPPED: ${why}\n`);
  process.exit(underCi ? 1 : 0);
};

const only = process.env.SCV_E2E_ENGINE?.trim() || undefined;
if (only && !["terraform", "tofu"].includes(only)) {
  console.error(`SCV_E2E_ENGINE: given ${JSON.stringify(only)}; allowed: "terraform" or "tofu"`);
  process.exit(1);
}
const terraform = spawnSync("terraform", ["version"], { stdio: "ignore" });
if (only !== "tofu" && (terraform.error || terraform.status !== 0))
  skip("the Terraform CLI is not on PATH (install Terraform 1.5 or later to run them).");
const build = spawnSync(process.execPath, [join(root, "scripts/provider-build.mjs")], { stdio: "inherit" });
if (build.status === 3) skip("no genesyscloud provider: Go is not on PATH and SCV_PROVIDER_BINARY is not set (see docs/provider.md).");
if (build.status !== 0) process.exit(build.status ?? 1);
let tofu = true;
if (only !== "terraform") {
  const started = Date.now();
  const built = spawnSync(process.execPath, [join(root, "scripts/opentofu-build.mjs")], { stdio: "inherit" });
  if (built.status === 3) {
    if (only === "tofu" || underCi) skip("no OpenTofu: Go is not on PATH (see docs/engines.md).");
    console.log("\nEnd-to-end tests on OpenTofu SKIPPED: Go is not on PATH, so OpenTofu cannot be built (see docs/engines.md).\n");
    tofu = false;
  } else if (built.status !== 0) process.exit(built.status ?? 1);
  else console.log(`OpenTofu ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

const jest = createRequire(import.meta.url).resolve("jest/bin/jest");
const args = process.argv.slice(2);
const named = args.filter((a) => !a.startsWith("-"));
const options = args.filter((a) => a.startsWith("-"));
/** One jest run of the e2e project on an engine; its exit code. */
function pass(engine, suites) {
  const started = Date.now();
  const run = spawnSync(process.execPath, [jest, "--config", "jest.e2e.config.js", ...suites], {
    stdio: "inherit",
    cwd: root,
    env: { ...process.env, SCV_E2E_ENGINE: engine },
  });
  console.log(`End-to-end tests on ${engine === "tofu" ? "OpenTofu" : "Terraform"} took ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return run.status ?? 1;
}

const started = Date.now();
const statuses = [];
if (only !== "tofu") statuses.push(pass("terraform", args));
if (only === "tofu") statuses.push(pass("tofu", args));
else if (!only && tofu) {
  // The engine suites the arguments name (jest reads a name as a pattern of the path), or all of them.
  const suites =
    named.length === 0 ? ENGINE_SUITES : ENGINE_SUITES.filter((s) => named.some((n) => new RegExp(n).test(s) || s.endsWith(n)));
  if (suites.length > 0) statuses.push(pass("tofu", [...suites, ...options]));
}
console.log(`End-to-end tests took ${((Date.now() - started) / 1000).toFixed(1)} s.`);
process.exit(statuses.find((s) => s !== 0) ?? 0);
