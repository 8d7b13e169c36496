// The end-to-end tests (jest.e2e.config.js): the real engine, the real cdktf CLI and the real genesyscloud provider
// (npm run provider:build) against the local Genesys Cloud emulator. Every suite runs on Terraform; the suites that
// touch the engine (ENGINE_SUITES) run again on OpenTofu (npm run opentofu:build), and engines.e2e.ts runs both on one
// state. Without Terraform, or without Go and a provider binary, they are skipped with a notice, and without Go the
// OpenTofu run is; under CI or GITHUB_ACTIONS a skip is a failure, since a pipeline that skips them has lost them.
// Arguments go to jest: suites named run on Terraform, and those of ENGINE_SUITES also on OpenTofu;
// SCV_E2E_ENGINE=terraform or tofu runs them on that engine only. `--part terraform` or `--part opentofu` runs one of
// the two halves CI runs in jobs of their own (scripts/e2e-passes.cjs): every suite on Terraform but the cross-engine
// one, without OpenTofu; or the engine suites on OpenTofu and the cross-engine suite. Together they run the whole run.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const { PARTS, allSuites, e2ePasses } = require("./e2e-passes.cjs");
const underCi = Boolean(process.env.CI || process.env.GITHUB_ACTIONS);
const skip = (why) => {
  console.log(`\nEnd-to-end tests SKIPPED: ${why}\n`);
  process.exit(underCi ? 1 : 0);
};

let args = process.argv.slice(2);
let part;
const partAt = args.findIndex((a) => a === "--part" || a.startsWith("--part="));
if (partAt >= 0) {
  const [flag, inline] = args[partAt].split("=");
  part = inline ?? args[partAt + 1];
  args = args.filter((_, i) => i !== partAt && (inline !== undefined || i !== partAt + 1));
  if (!PARTS.includes(part)) {
    console.error(`${flag}: given ${JSON.stringify(part ?? "")}; allowed: ${PARTS.map((p) => JSON.stringify(p)).join(" or ")}`);
    process.exit(1);
  }
}
const only = process.env.SCV_E2E_ENGINE?.trim() || undefined;
if (only && !["terraform", "tofu"].includes(only)) {
  console.error(`SCV_E2E_ENGINE: given ${JSON.stringify(only)}; allowed: "terraform" or "tofu"`);
  process.exit(1);
}
if (part && only) {
  console.error(`--part ${part} and SCV_E2E_ENGINE=${only}: give one of them, not both`);
  process.exit(1);
}
// The Terraform part needs no OpenTofu; the OpenTofu part needs it, and Terraform for the cross-engine suite.
const needsTofu = part === "opentofu" || (!part && only !== "terraform");
const optionalTofu = !part && !only;
const terraform = spawnSync("terraform", ["version"], { stdio: "ignore" });
if (only !== "tofu" && (terraform.error || terraform.status !== 0))
  skip("the Terraform CLI is not on PATH (install Terraform 1.5 or later to run them).");
const build = spawnSync(process.execPath, [join(root, "scripts/provider-build.mjs")], { stdio: "inherit" });
if (build.status === 3) skip("no genesyscloud provider: Go is not on PATH and SCV_PROVIDER_BINARY is not set (see docs/provider.md).");
if (build.status !== 0) process.exit(build.status ?? 1);
let tofu = true;
if (needsTofu) {
  const started = Date.now();
  const built = spawnSync(process.execPath, [join(root, "scripts/opentofu-build.mjs")], { stdio: "inherit" });
  if (built.status === 3) {
    if (!optionalTofu || underCi) skip("no OpenTofu: Go is not on PATH and SCV_OPENTOFU_BINARY is not set (see docs/engines.md).");
    console.log("\nEnd-to-end tests on OpenTofu SKIPPED: Go is not on PATH, so OpenTofu cannot be built (see docs/engines.md).\n");
    tofu = false;
  } else if (built.status !== 0) process.exit(built.status ?? 1);
  else console.log(`OpenTofu ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

const jest = require.resolve("jest/bin/jest");
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
const passes = e2ePasses({ part, only, args, suites: allSuites(root), tofu });
if (passes.length === 0) {
  console.error(`End-to-end tests: the names ${JSON.stringify(args)} select no suite${part ? ` of the part ${part}` : ""}.`);
  process.exit(1);
}
const statuses = passes.map((p) => pass(p.engine, p.args));
console.log(`End-to-end tests took ${((Date.now() - started) / 1000).toFixed(1)} s.`);
process.exit(statuses.find((s) => s !== 0) ?? 0);
