/**
 * What `deploy`, `diff` and `destroy` need before cdktf starts, beside a valid deployments file: the engine
 * (Terraform or OpenTofu, lib/app/stack/engine.ts) and every selected deployment's Genesys Cloud credentials. Checked up front, so that a missing piece is one message
 * instead of a provider error after a long init, or cdktf's own message printed twice.
 */
import { credentialsProblem, refusedVariablesProblem } from "../stack/credentials";
import { engineProblem } from "../stack/engine";
import { Deployment } from "../deployments/deployments";

/** The engine (lib/app/stack/engine.ts) and the credentials of every deployment given, as one message; undefined when all is there. */
export async function deployPrerequisiteProblem(deployments: readonly Deployment[], env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const engine = await engineProblem(env);
  if (engine) return engine;
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
