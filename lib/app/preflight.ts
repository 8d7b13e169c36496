/**
 * What `deploy`, `diff` and `destroy` need before cdktf starts: the Terraform CLI and Genesys Cloud credentials
 * in the environment variables the genesyscloud provider reads. Checked up front, so that a missing piece is one
 * sentence instead of a provider error after a long init.
 */
import { accessSync, constants } from "fs";
import { delimiter, join } from "path";
import { deploymentsFile, loadDeployments } from "./deployments";
import { InputError } from "../construct";

export const CREDENTIAL_VARIABLES = {
  clientId: "GENESYSCLOUD_OAUTHCLIENT_ID",
  clientSecret: "GENESYSCLOUD_OAUTHCLIENT_SECRET",
  accessToken: "GENESYSCLOUD_ACCESS_TOKEN",
} as const;

/** The first missing prerequisite as one sentence, or undefined when everything is there. */
export function deployPrerequisiteProblem(env: NodeJS.ProcessEnv, platform = process.platform): string | undefined {
  if (!findExecutable("terraform", env.PATH ?? "", platform)) {
    return "Terraform CLI not found on PATH: install Terraform 1.x (https://developer.hashicorp.com/terraform/install) and run again.";
  }
  const { clientId, clientSecret, accessToken } = CREDENTIAL_VARIABLES;
  if (!env[accessToken] && !(env[clientId] && env[clientSecret])) {
    return (
      `No Genesys Cloud credentials in the environment: set ${clientId} and ${clientSecret} ` +
      `(a Client Credentials OAuth client of the target org), or ${accessToken}.`
    );
  }
  return undefined;
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

/**
 * The deployments file's problems as the one message the app would print, or undefined when it is valid. Checked
 * before cdktf starts, because cdktf prints a failing app's message twice (its log line, then its summary).
 */
export function deploymentsFileProblem(env: NodeJS.ProcessEnv): string | undefined {
  try {
    loadDeployments(deploymentsFile(env));
    return undefined;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return `${e.message}\nNothing was synthesized.`;
  }
}
