/**
 * The app, as a cdktf project's main.ts: read the deployments file, one stack per deployment, synth
 * (lib/app/commands/synthesize-app.ts). The bin runs the same function as its hidden `app` command, which is what
 * cdktf.json starts; this file runs it straight from the source (`npx ts-node main.ts`, or an editor's debugger).
 */
import { synthesizeApp } from "./lib/app/commands/synthesize-app";
import { runMain } from "./lib/shared/command";

if (require.main === module) runMain((argv, env, io) => synthesizeApp(argv, env, io));
