/** The Terraform CLI that runs every stack: whether it is on PATH, and the one message when it is not. */
import which from "which";

/** The one message for a missing Terraform CLI, whichever command needs it (deploy, diff, destroy, output, adopt). */
export const TERRAFORM_MISSING =
  "Terraform is not on PATH: this command runs the Terraform CLI (1.5 or later; https://developer.hashicorp.com/terraform/install). Install it and run again.";

/** TERRAFORM_MISSING when the environment's PATH has no terraform; undefined when it has. */
export function terraformMissing(env: NodeJS.ProcessEnv): string | undefined {
  return onPath("terraform", env) ? undefined : TERRAFORM_MISSING;
}

/** Whether the environment's PATH (with PATHEXT's names on Windows) holds the executable, as a shell finds it. */
function onPath(name: string, env: NodeJS.ProcessEnv): boolean {
  // An empty PATH finds nothing (which would look in the current folder).
  return Boolean(env.PATH) && which.sync(name, { path: env.PATH, pathExt: env.PATHEXT, nothrow: true }) !== null;
}
