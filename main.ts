import { App } from "cdktf";
import { DeploymentStack } from "./lib/deployment-stack";
import { DEFAULT_DEPLOYMENTS_FILE, loadDeployments } from "./lib/deployments";
import { InputError } from "./lib/problems";

// Reads the deployments file and synthesizes one stack per deployment; a user's mistake is one message and exit 1.
try {
  const deployments = loadDeployments(process.env.DEPLOYMENTS_FILE || DEFAULT_DEPLOYMENTS_FILE);
  // skipValidation: cdktf would run `terraform version` once per import block; synth must work without Terraform.
  const app = new App({ stackTraces: false, skipValidation: true });
  for (const deployment of deployments) new DeploymentStack(app, deployment);
  app.synth();
} catch (e) {
  if (!(e instanceof InputError)) throw e;
  console.error(`${e.message}\nNothing was synthesized.`);
  process.exit(1);
}
