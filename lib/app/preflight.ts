/**
 * What `deploy`, `diff` and `destroy` need before cdktf starts, beside a valid deployments file: the Terraform CLI,
 * and every selected deployment's Genesys Cloud credentials. Checked up front, so that a missing piece is one message
 * instead of a provider error after a long init, or cdktf's own message printed twice.
 */
import { accessSync, constants } from "fs";
import { delimiter, join } from "path";
import { credentialsProblem, refusedVariablesProblem } from "./credentials";
import { Deployment } from "./deployments";

export const TERRAFORM_MISSING =
  "Terraform CLI not found on PATH: install Terraform 1.x (https://developer.hashicorp.com/terraform/install) and run again.";

/** Terraform on PATH and the credentials of every deployment given, as one message; undefined when all is there. */
export function deployPrerequisiteProblem(deployments: readonly Deployment[], env: NodeJS.ProcessEnv, platform = process.platform): string | undefined {
  if (!findExecutable("terraform", env.PATH ?? "", platform)) return TERRAFORM_MISSING;
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

function findExecutable(name: string, path: string, platform: string): string | undefined {
  const names = platform === "win32" ? [`${name}.exe`, `${name}.cmd`] : [name];
  for (const dir of path.split(delimiter).filter(Boolean)) {
    for (const file of names.map((n) => join(dir, n))) {
      try {
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}
