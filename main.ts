import { App } from "cdktf";
import { dirname, resolve } from "path";
import { DeploymentStack } from "./lib/app/deployment-stack";
import { deploymentsFile, loadDeployments } from "./lib/app/deployments";
import { removeOtherForm } from "./lib/app/synth-output";
import { InputError } from "./lib/construct";

// Reads the deployments file and synthesizes one stack per deployment; a user's mistake is one message and exit 1.
try {
  const file = deploymentsFile(process.env);
  const deployments = loadDeployments(file);
  // skipValidation: cdktf would run `terraform version` once per import block; synth must work without Terraform.
  const app = new App({ stackTraces: false, skipValidation: true });
  for (const deployment of deployments) new DeploymentStack(app, deployment, dirname(resolve(file)));
  app.synth();
  removeOtherForm(app);
} catch (e) {
  if (!(e instanceof InputError)) throw e;
  console.error(`${e.message}\nNothing was synthesized.`);
  process.exit(1);
}
