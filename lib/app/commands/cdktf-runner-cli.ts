// `node dist/cdktf-runner.js <command> [arguments]`, which `npm run synth|diff|deploy|destroy|output` run after the
// build. An entry of its own: cdktf-runner.ts is also bundled into other tools (adopt selects deployments with it),
// where a main block would run too.
import { runCdktf } from "./cdktf-runner";

const [command, ...args] = process.argv.slice(2);
runCdktf(command, args, process.env, {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTerminal: Boolean(process.stdout.isTTY),
}).then((code) => (process.exitCode = code));
