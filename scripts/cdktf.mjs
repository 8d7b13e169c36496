// Runs a cdktf CLI command on a freshly built app: `node scripts/cdktf.mjs <command> [arguments]`.
// deploy, diff and destroy first check for Terraform and Genesys Cloud credentials (dist/preflight.js).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const [command, ...args] = process.argv.slice(2);
await import("./build.mjs");

if (["deploy", "diff", "destroy"].includes(command)) {
  const problem = require("../dist/preflight.js").deployPrerequisiteProblem(process.env);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}

const cli = join(dirname(require.resolve("cdktf-cli/package.json")), require("cdktf-cli/package.json").bin.cdktf);
// CHECKPOINT_DISABLE: no version check call to HashiCorp on every run.
const cdktf = spawnSync(process.execPath, [cli, command, ...args], {
  stdio: "inherit",
  env: { ...process.env, CHECKPOINT_DISABLE: "1" },
});
if (cdktf.error) console.error(`cdktf could not start: ${cdktf.error.message}`);
process.exit(cdktf.status ?? 1);
