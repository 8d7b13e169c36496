// Runs a cdktf CLI command on a freshly built app: `node scripts/cdktf.mjs <command> [arguments]`.
// deploy, diff and destroy first check for Terraform and Genesys Cloud credentials (dist/preflight.js).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const [command, ...args] = process.argv.slice(2);
await import("./build.mjs");

if (["deploy", "diff", "destroy"].includes(command)) {
  const { deployPrerequisiteProblem } = createRequire(import.meta.url)("../dist/preflight.js");
  const problem = deployPrerequisiteProblem(process.env);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}

// CHECKPOINT_DISABLE: no version check call to HashiCorp on every run.
const cdktf = spawnSync("cdktf", [command, ...args], { stdio: "inherit", env: { ...process.env, CHECKPOINT_DISABLE: "1" } });
process.exit(cdktf.status ?? 1);
