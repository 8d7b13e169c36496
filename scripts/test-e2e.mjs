// The end-to-end tests (jest.e2e.config.js): real Terraform and cdktf against the local Genesys Cloud emulator and
// the stand-in provider. They need the Terraform CLI; without it they are skipped with a notice, and pass.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const terraform = spawnSync("terraform", ["version"], { stdio: "ignore" });
if (terraform.error || terraform.status !== 0) {
  console.log("\nEnd-to-end tests SKIPPED: the Terraform CLI is not on PATH (install Terraform 1.5 or later to run them).\n");
  // In GitHub Actions the workflow installs Terraform: a skip there means the pipeline lost its end-to-end tests.
  process.exit(process.env.GITHUB_ACTIONS ? 1 : 0);
}
const jest = createRequire(import.meta.url).resolve("jest/bin/jest");
const started = Date.now();
const run = spawnSync(process.execPath, [jest, "--config", "jest.e2e.config.js", ...process.argv.slice(2)], { stdio: "inherit" });
console.log(`End-to-end tests took ${((Date.now() - started) / 1000).toFixed(1)} s.`);
process.exit(run.status ?? 1);
