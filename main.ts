import { App } from "cdktf";
import cdktfStackTraces = require("cdktf/lib/tokens/private/stack-trace");
import { DeploymentStack } from "./lib/app/deployment-stack";
import { loadDeploymentsOrProblem } from "./lib/app/deployments";
import { outputFolderProblem, outputProblem, removeOtherForm, withOutputLock } from "./lib/app/synth-output";

// cdktf records where each of its tokens was made: a whole stack trace, formatted at once (two per deployment: over
// half of building 1,000 stacks, a tenth of their synth), for the message of a token that fails to resolve, which no
// deployments file can cause. The app has it record nothing; cdktf 0.21, its last release, keeps that recorder where
// it is.
Object.assign(cdktfStackTraces, { captureStackTrace: (): string[] => [] });

// Reads the deployments file and synthesizes one stack per deployment; a user's mistake is one message and exit 1.
// The file's checks include the construct's own, so a stack of a loaded deployment does not throw.
const loaded = loadDeploymentsOrProblem(process.env);
if ("problem" in loaded) {
  console.error(loaded.problem);
  process.exit(1);
}
// The output folder before cdktf's App, which makes it (and stacks/ in it) as soon as it is constructed: what cannot
// hold one is refused before anything is made there.
const outdirProblem = outputFolderProblem(process.env.CDKTF_OUTDIR ?? "cdktf.out");
if (outdirProblem) {
  console.error(outdirProblem);
  process.exit(1);
}
try {
  // skipValidation: cdktf would run `terraform version` once per import block; synth must work without Terraform.
  const app = new App({ stackTraces: false, skipValidation: true });
  for (const deployment of loaded.deployments) new DeploymentStack(app, deployment, loaded.baseDir);
  // Another synth into the same folder waits its turn: each writes its form and removes the other whole.
  withOutputLock(app.outdir, () => {
    app.synth();
    removeOtherForm(app);
  });
} catch (e) {
  const problem = outputProblem(e, process.env.CDKTF_OUTDIR ?? "cdktf.out");
  if (!problem) throw e;
  console.error(problem);
  process.exit(1);
}
