import { synthesizeApp } from "./lib/app/commands/synthesize-app";
import { runMain } from "./lib/shared/command";

// cdktf.json's app: reads the deployments file, one stack per deployment, synth (synthesize-app.ts says how).
runMain(synthesizeApp);
