/**
 * `output`: each deployment's client id and redirect URIs from its state (lib/app/state/read-states.ts), with the
 * backend's credentials only, and what the Salesforce admin does next; where the deployment's Genesys Cloud
 * credentials are set, whether the org still has that client.
 */
import { Deployment, oauthClientProps } from "../deployments/deployments";
import { adoptedClientStop, identityMessage } from "../genesys/client-identity";
import { GenesysApiError, oauthClientExists } from "../genesys/api";
import { credentialsProblem } from "../stack/credentials";
import { engineProblem } from "../stack/engine";
import { readStates } from "../state/read-states";
import { resolveOAuthClientSettings } from "../../construct/internal";
import { CommandIo } from "../../shared/command";
import { salesforceAdminSets } from "../../shared/migration";
import { showHiddenCharacters } from "../../shared/plain-text";
import { GrantType } from "../../shared/policy";
import { typed } from "../../shared/typed-command";

/**
 * The client id and redirect URIs of each deployment, from its state (lib/app/state/read-states.ts), with the next step; and,
 * where the deployment's Genesys Cloud credentials are set, whether the org still has that client.
 */
export async function printOutputs(
  deployments: readonly Deployment[],
  baseDir: string,
  env: NodeJS.ProcessEnv,
  parallelism: number,
  io: CommandIo,
): Promise<number> {
  const engine = await engineProblem(env);
  if (engine) {
    io.err(`${engine}\n`);
    return 1;
  }
  const readings = await readStates(deployments, baseDir, env, parallelism);
  let failed = 0;
  for (const deployment of deployments) {
    const reading = readings.get(deployment.name)!;
    const name = deployment.name;
    if ("problem" in reading) {
      failed++;
      io.err(`${name}: ${reading.problem}\n`);
      continue;
    }
    const { clientId, redirectUris } = reading.outputs;
    if (!clientId) {
      io.out(`${name}: not deployed yet (its state holds no client id)\n`);
      continue;
    }
    // What a state holds is shown, never obeyed: a terminal's escape sequences and bidi marks in it come out escaped.
    const shown = (text: string) => showHiddenCharacters(text);
    const { authorizationCodeClientId: codeId, migrationStep, salesforceAdminNextStep } = reading.outputs;
    if (codeId && migrationStep !== undefined) {
      // During a migration: both clients, and what the Salesforce admin does at this step.
      io.out(
        `${shown(name)}: migration step ${shown(migrationStep)} (${typed("migrate", shown(name))} shows where it stands)\n` +
          (migrationStep === "retire"
            ? ""
            : `  implicit client id ${shown(clientId)}${migrationStep === "side-by-side" ? "" : " (inactive)"}\n`) +
          `  authorization-code client id ${shown(codeId)}\n  redirect URIs: ${shown(redirectUris.join(", "))}\n` +
          `  next for the Salesforce admin: ${shown(salesforceAdminNextStep ?? salesforceAdminSets("authorization-code"))}\n`,
      );
    } else {
      io.out(
        `${shown(name)}: client id ${shown(clientId)}\n  redirect URIs: ${shown(redirectUris.join(", "))}\n  ${salesforceAdminSets(grantOf(deployment))}\n`,
      );
    }
    const adopted = adoptedClientStop(deployment, reading);
    // Said beside the outputs printed: nothing was stopped.
    if (adopted) io.err(`${identityMessage(adopted, { stopped: false })}\n`);
    if (credentialsProblem(deployment, env) === undefined) {
      try {
        if (!(await oauthClientExists(deployment, env, clientId))) {
          io.err(
            `${shown(name)}: client ${shown(clientId)} no longer exists in Genesys Cloud (deleted outside Terraform): the next deploy creates a new client, ` +
              "with a new client id, which the Salesforce org must then be given.\n",
          );
        }
      } catch (e) {
        if (!(e instanceof GenesysApiError)) throw e;
        io.err(`${e.message}\n  (whether client ${shown(clientId)} still exists could not be asked)\n`);
      }
    }
  }
  return failed > 0 ? 1 : 0;
}

/**
 * The grant of the client the state holds: the one the deployments file declares (a deploy makes it so); once a
 * migration is retired, the deployment's client is its authorization-code client.
 */
function grantOf(deployment: Deployment): GrantType {
  const settings = resolveOAuthClientSettings(oauthClientProps(deployment));
  return settings.migration?.step === "retire" ? "authorization-code" : settings.grantType;
}
