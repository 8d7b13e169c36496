/**
 * No second client by accident: before `npm run deploy` or `npm run diff` lets Terraform create a deployment's
 * client (it has no importClientId and its state holds no client), the org is asked whether a client on the same
 * Lightning host exists already, one an admin made by hand from the article, say. If so the deployment stops before
 * anything changes, naming that client and `npm run adopt`; `allowSecondClient: true` lets a team create another on
 * purpose. A client another deployment of the file already names is that one's, not this one's.
 */
import { candidatesFor, grantInWords } from "./adopt";
import { Deployment, oauthClientProps } from "./deployments";
import { ApiOptions, GenesysApiError, listOAuthClients } from "./genesys-api";
import { StateReading } from "./state";
import { resolveOAuthClientSettings } from "../construct/internal";
import { showHiddenCharacters } from "../shared/plain-text";

/**
 * The state holds one client and oauthClient.importClientId names another (the id was changed after adoption):
 * Terraform would go on managing the state's client, silently. Said with what to do; undefined when they agree.
 */
export function adoptedClientProblem(deployment: Deployment, state: StateReading | undefined): string | undefined {
  const named = deployment.oauthClient?.importClientId;
  const held = state && "outputs" in state ? state.outputs.clientId : undefined;
  if (!named || !held || named.toLowerCase() === held.toLowerCase()) return undefined;
  return [
    `${deployment.name}: its state holds client ${held}, but oauthClient.importClientId names client ${named}. Terraform ignores an import ` +
      `once its state holds the client, so it would go on managing ${held}. Nothing was run.`,
    `  To keep ${held}: set importClientId back to "${held}" (or remove it).`,
    `  To manage ${named} instead: in cdktf.out/stacks/${deployment.name}, remove the old client from the state ` +
      "(terraform state list, then terraform state rm <its genesyscloud_oauth_client address>), and deploy again: " +
      `${named} is imported, and ${held} is left in Genesys Cloud as it is.`,
  ].join("\n");
}

/** What stops a deploy of the deployment: a changed importClientId, or a second client for its org; undefined: nothing. */
export async function clientIdentityProblem(
  deployment: Deployment,
  all: readonly Deployment[],
  state: StateReading | undefined,
  env: NodeJS.ProcessEnv,
  api: ApiOptions = {},
): Promise<string | undefined> {
  return adoptedClientProblem(deployment, state) ?? (await secondClientProblem(deployment, all, state, env, api));
}

/** Why the deployment must not create a client now, or undefined when it may (or creates none). */
export async function secondClientProblem(
  deployment: Deployment,
  all: readonly Deployment[],
  state: StateReading | undefined,
  env: NodeJS.ProcessEnv,
  api: ApiOptions = {},
): Promise<string | undefined> {
  if (deployment.allowSecondClient || deployment.oauthClient?.importClientId) return undefined;
  if (state && "problem" in state) return `${deployment.name}: ${state.problem}\n  (whether a deploy would create a client cannot be told: nothing was run)`;
  if (state?.outputs.clientId) return undefined;
  const settings = resolveOAuthClientSettings(oauthClientProps(deployment));
  let clients;
  try {
    clients = await listOAuthClients(deployment, env, api);
  } catch (e) {
    if (!(e instanceof GenesysApiError)) throw e;
    return `${e.message}\n  (the check for an existing client of this org could not run: nothing was run)`;
  }
  const named = new Set(all.flatMap((d) => (d.oauthClient?.importClientId ? [d.oauthClient.importClientId.toLowerCase()] : [])));
  const found = candidatesFor(settings.lightningHost, clients.filter((c) => !named.has(c.id.toLowerCase())));
  if (!found.by.startsWith("a redirect URI") || found.clients.length === 0) return undefined;
  const list = found.clients.map((c) => `  - client ${c.id} ${JSON.stringify(c.name)}, grant ${grantInWords(c.authorizedGrantType)}`);
  // Each line with its hidden characters shown (a client's name comes from the org), the lines kept apart.
  return [
      `${deployment.name}: the org already has ${found.clients.length === 1 ? "a client" : `${found.clients.length} clients`} on ${settings.lightningHost}, ` +
        "and this deploy would create another (a second client id for the same Salesforce org). Nothing was run.",
      ...list,
      `  Adopt it: npm run adopt -- ${deployment.name} --write (then deploy again: an import, no new client, the same id).`,
      `  To create another on purpose, set "allowSecondClient": true on deployment "${deployment.name}".`,
    ]
    .map(showHiddenCharacters)
    .join("\n");
}
