// Runs a cdktf CLI command on a freshly built app: `node scripts/cdktf.mjs <command> [arguments]`.
// What it checks first, and how diff, deploy, destroy and output run per deployment: lib/app/cdktf-runner.ts.
import { createRequire } from "node:module";

const [command, ...args] = process.argv.slice(2);
await import("./build.mjs");
const { runCdktf } = createRequire(import.meta.url)("../dist/cdktf-runner.js");
process.exitCode = await runCdktf(command, args, process.env, {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTerminal: Boolean(process.stdout.isTTY),
});
