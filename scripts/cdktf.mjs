// Runs a cdktf CLI command on a freshly built app: `node scripts/cdktf.mjs <command> [arguments]`.
// Commands that synthesize first check the deployments file, so that a mistake is one message, printed once;
// deploy, diff and destroy also check for Terraform and Genesys Cloud credentials (dist/preflight.js).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const [command, ...args] = process.argv.slice(2);
await import("./build.mjs");

const preflight = require("../dist/preflight.js");
const asksForHelp = args.includes("--help") || args.includes("-h");
if (!asksForHelp && ["synth", "deploy", "diff", "destroy"].includes(command)) {
  const problem =
    preflight.deploymentsFileProblem(process.env) ??
    (command === "synth" ? undefined : preflight.deployPrerequisiteProblem(process.env));
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}

const cli = join(dirname(require.resolve("cdktf-cli/package.json")), require("cdktf-cli/package.json").bin.cdktf);
const env = { ...process.env, CHECKPOINT_DISABLE: "1" }; // no version check call to HashiCorp on every run
// Off a terminal (a pipeline's log, a file), cdktf's CI mode prints each line once instead of spinner frames.
if (!process.stdout.isTTY) env.CI = "true";
const cdktf = spawnSync(process.execPath, [cli, command, ...args], { stdio: "inherit", env });
if (cdktf.error) console.error(`cdktf could not start: ${cdktf.error.message}`);
process.exit(cdktf.status ?? 1);
