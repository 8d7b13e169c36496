// `node dist/cdktf-runner.js <command> [arguments]`, which `npm run synth|diff|deploy|destroy|output` run after the
// build (cdktf-runner.ts says what it does).
import { cdktfCommand } from "./cdktf-runner";
import { runMain } from "../../shared/command";

runMain(cdktfCommand);
