// The end-to-end tests (jest.e2e.config.js): the real Terraform CLI, the real cdktf CLI and the real genesyscloud
// provider (npm run provider:build) against the local Genesys Cloud emulator. Without Terraform, or without Go and a
// provider binary, they are skipped with a notice; under CI or GITHUB_ACTIONS a skip is a failure, since a pipeline
// that skips them has lost them.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const skip = (why) => {
  console.log(`\nEnd-to-end tests SKIPPED: ${why}\n`);
  process.exit(process.env.CI || process.env.GITHUB_ACTIONS ? 1 : 0);
};

const terraform = spawnSync("terraform", ["version"], { stdio: "ignore" });
if (terraform.error || terraform.status !== 0) skip("the Terraform CLI is not on PATH (install Terraform 1.5 or later to run them).");
const build = spawnSync(process.execPath, [join(root, "scripts/provider-build.mjs")], { stdio: "inherit" });
if (build.status === 3) skip("no genesyscloud provider: Go is not on PATH and SCV_PROVIDER_BINARY is not set (see docs/provider.md).");
if (build.status !== 0) process.exit(build.status ?? 1);

const jest = createRequire(import.meta.url).resolve("jest/bin/jest");
const started = Date.now();
const run = spawnSync(process.execPath, [jest, "--config", "jest.e2e.config.js", ...process.argv.slice(2)], {
  stdio: "inherit",
  cwd: root,
});
console.log(`End-to-end tests took ${((Date.now() - started) / 1000).toFixed(1)} s.`);
process.exit(run.status ?? 1);
