/**
 * What `deploy`, `diff` and `destroy` need before cdktf starts, beside a valid deployments file: the Terraform CLI,
 * and every selected deployment's Genesys Cloud credentials. Checked up front, so that a missing piece is one message
 * instead of a provider error after a long init, or cdktf's own message printed twice.
 */
import which from "which";
import { credentialsProblem, refusedVariablesProblem } from "./credentials";
import { Deployment } from "./deployments";

/** The one message for a missing Terraform CLI, whichever command needs it (deploy, diff, destroy, output, adopt). */
export const TERRAFORM_MISSING =
  "Terraform is not on PATH: this command runs the Terraform CLI (1.5 or later; https://developer.hashicorp.com/terraform/install). Install it and run again.";

/** TERRAFORM_MISSING when the environment's PATH has no terraform; undefined when it has. */
export function terraformMissing(env: NodeJS.ProcessEnv): string | undefined {
  return onPath("terraform", env) ? undefined : TERRAFORM_MISSING;
}

/** Terraform on PATH and the credentials of every deployment given, as one message; undefined when all is there. */
export function deployPrerequisiteProblem(deployments: readonly Deployment[], env: NodeJS.ProcessEnv): string | undefined {
  const terraform = terraformMissing(env);
  if (terraform) return terraform;
  const refused = refusedVariablesProblem(env);
  if (refused) return refused;
  const missing = deployments.flatMap((d) => {
    const problem = credentialsProblem(d, env);
    return problem ? [`  - ${d.name}: ${problem}`] : [];
  });
  if (missing.length === 0) return undefined;
  return [
    `No Genesys Cloud credentials for ${missing.length === 1 ? "1 deployment" : `${missing.length} deployments`} ` +
      "(a Client Credentials OAuth client of the deployment's org, or an access token):",
    ...missing,
  ].join("\n");
}

/** Whether the environment's PATH (with PATHEXT's names on Windows) holds the executable, as a shell finds it. */
function onPath(name: string, env: NodeJS.ProcessEnv): boolean {
  // An empty PATH finds nothing (which would look in the current folder).
  return Boolean(env.PATH) && which.sync(name, { path: env.PATH, pathExt: env.PATHEXT, nothrow: true }) !== null;
}
