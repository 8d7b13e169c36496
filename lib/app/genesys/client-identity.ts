/**
 * Which OAuth client is a deployment's: one Salesforce org, one client. Adopt and the deploy guard both ask here.
 * - A client is "on the org" when one of its redirect URIs is on a host of the deployment's Salesforce org
 *   (lib/shared/salesforce-org.ts: every host form of one org, without case, trailing dot or port).
 * - A client another deployment of the file adopts (its importClientId) or holds in its state is that deployment's.
 * - Adopt offers only the org's clients that no other deployment owns; a client off the org's hosts is at most
 *   listed, with why it was not chosen, never adopted.
 * - The guard: before `deploy` or `diff` lets Terraform create a deployment's client (no
 *   importClientId, no client in its state), the org is asked for clients on the Salesforce org's hosts; any such
 *   client stops the deployment (naming it, and its owner where another deployment has it), unless
 *   `allowSecondClient: true`. It fails closed: an unreadable state or API answer, a timeout or a redirect stop too.
 */
import { Deployment, oauthClientProps } from "../deployments/deployments";
import { ApiOAuthClient, ApiOptions, GenesysApiError, listOAuthClients, wrongOrganizationProblem } from "./api";
import { StateReading, StatesOf } from "../state/read-states";
import { DeployStop, stopInLog } from "./deploy-stop";
import { resolveOAuthClientSettings } from "../../construct/internal";
import { showHiddenCharacters } from "../../shared/plain-text";
import { GRANT_TYPES } from "../../shared/policy";
import { onOrgOf, salesforceOrgOf, describeSalesforceOrg } from "../../shared/salesforce-org";
import { SERVICE_CLOUD_VOICE_SCOPES } from "../../shared/scopes";
import { docsPage, typed } from "../../shared/typed-command";

/** The grant in the deployments file's words: implicit, authorization-code, or other (the API's own name). */
export function grantInWords(apiGrant: string): string {
  const name = Object.entries(GRANT_TYPES).find(([, value]) => value === apiGrant)?.[0];
  return name ?? `other (${apiGrant})`;
}

/** The Salesforce org of a Lightning host in words, for messages: `acme (sandbox uat)`, or the host itself. */
export function orgInWords(lightningHost: string): string {
  const org = salesforceOrgOf(lightningHost);
  return org ? `Salesforce org ${describeSalesforceOrg(org)}` : `Salesforce org at ${lightningHost}`;
}

/** Client id (lowercase) → the deployment that owns it, and how. */
export type Owners = ReadonlyMap<string, { readonly deployment: string; readonly how: string }>;

/** The clients the other deployments own: their importClientId, and the client in their state where it was read. */
export function ownersOf(all: readonly Deployment[], states: ReadonlyMap<string, StateReading | undefined>, except: string): Owners {
  const owners = new Map<string, { deployment: string; how: string }>();
  for (const d of all) {
    if (d.name === except) continue;
    const state = states.get(d.name);
    const held = state && "outputs" in state ? state.outputs.clientId : undefined;
    if (held) owners.set(held.toLowerCase(), { deployment: d.name, how: "its state" });
    // The migration's authorization-code client is that deployment's too, declared on purpose beside the implicit one.
    const second = state && "outputs" in state ? state.outputs.authorizationCodeClientId : undefined;
    if (second) owners.set(second.toLowerCase(), { deployment: d.name, how: "its state (the migration's authorization-code client)" });
    const named = d.oauthClient?.importClientId;
    if (named) owners.set(named.toLowerCase(), { deployment: d.name, how: "its importClientId" });
  }
  return owners;
}

/**
 * Whether `other`'s state may hold a client of `deployment`'s Genesys Cloud org. Not when both declare
 * genesysCloud.organizationId and the two differ (each stack's organization guard stops a plan on another org, so no
 * apply puts another org's client in its state), nor when both reach their region's own API (no gateway) and the
 * regions differ (an org lives in one region). Else it may: a client's owner is then told from its state.
 */
export function mayShareOrg(deployment: Pick<Deployment, "genesysCloud">, other: Pick<Deployment, "genesysCloud">): boolean {
  const [a, b] = [deployment.genesysCloud, other.genesysCloud];
  if (a.organizationId !== undefined && b.organizationId !== undefined)
    return a.organizationId.toLowerCase() === b.organizationId.toLowerCase();
  return a.gateway !== undefined || b.gateway !== undefined || a.region === b.region;
}

/**
 * The other deployments' owners of the org's clients on `lightningHost`'s Salesforce org. Where the org has such a
 * client, the states of the other deployments that may share the org (mayShareOrg) are read first (`moreStates`),
 * those not read yet; where it has none, no other state is read: a deployment's guard or adopt costs its own state.
 */
export async function ownersOfOrgClients(
  deployment: Deployment,
  lightningHost: string,
  clients: readonly ApiOAuthClient[],
  { all, states, moreStates }: Pick<GuardContext, "all" | "states" | "moreStates">,
): Promise<Owners> {
  const onOrg = onOrgOf(lightningHost);
  const anyOnOrg = clients.some((c) => (c.registeredRedirectUri ?? []).some(onOrg));
  const unread = all.filter((d) => d.name !== deployment.name && !states.has(d.name) && mayShareOrg(deployment, d));
  const read = anyOnOrg && moreStates && unread.length > 0 ? await moreStates(unread) : new Map<string, StateReading | undefined>();
  return ownersOf(all, new Map([...states, ...read]), deployment.name);
}

/** What the org's client list holds for one deployment's Salesforce org. */
export interface OrgClients {
  /** On the org's hosts alone (no other Salesforce org's) and no other deployment's: what adopt may offer. */
  readonly candidates: ApiOAuthClient[];
  /**
   * On the org's hosts and on another Salesforce org's too, no other deployment's: adopting it would take the other
   * org's redirect URIs off on the next deploy, and that org could no longer log in. Never chosen by itself.
   */
  readonly shared: { readonly client: ApiOAuthClient; readonly otherUris: string[] }[];
  /** On the org's hosts, but another deployment's. */
  readonly owned: { readonly client: ApiOAuthClient; readonly owner: string; readonly how: string }[];
  /** Off the org's hosts, with the article's seven scopes: perhaps the org's, perhaps another's; never chosen. */
  readonly offHost: ApiOAuthClient[];
}

/** `keeps`: the redirect URIs the deployment itself declares; another org's URI among them is kept, not taken off. */
export function clientsOfOrg(
  lightningHost: string,
  clients: readonly ApiOAuthClient[],
  owners: Owners,
  keeps: readonly string[] = [],
): OrgClients {
  const onOrg = onOrgOf(lightningHost);
  const isOnOrg = (c: ApiOAuthClient) => (c.registeredRedirectUri ?? []).some(onOrg);
  const ownerOf = (c: ApiOAuthClient) => owners.get(c.id.toLowerCase());
  // A URI on a Salesforce org's host, but not this org's: another org logs in through the client.
  const kept = new Set(keeps.map((uri) => uri.toLowerCase()));
  const otherOrgUris = (c: ApiOAuthClient) =>
    (c.registeredRedirectUri ?? []).filter((uri) => !onOrg(uri) && salesforceOrgOf(uri) !== undefined && !kept.has(uri.toLowerCase()));
  const mine = clients.filter((c) => isOnOrg(c) && !ownerOf(c));
  return {
    candidates: mine.filter((c) => otherOrgUris(c).length === 0),
    shared: mine.filter((c) => otherOrgUris(c).length > 0).map((client) => ({ client, otherUris: otherOrgUris(client) })),
    owned: clients.filter((c) => isOnOrg(c) && ownerOf(c)).map((c) => ({ client: c, owner: ownerOf(c)!.deployment, how: ownerOf(c)!.how })),
    offHost: clients.filter((c) => !isOnOrg(c) && SERVICE_CLOUD_VOICE_SCOPES.every((scope) => (c.scope ?? []).includes(scope))),
  };
}

/** A client in one line, its name and every URI escaped (they come from the org). */
export function clientInOneLine(client: ApiOAuthClient): string {
  return showHiddenCharacters(`client ${client.id} ${JSON.stringify(client.name)}, grant ${grantInWords(client.authorizedGrantType)}`);
}

/** A client of the org on the deployment's Salesforce org, and the other deployment that owns it, where one does. */
export interface OnOrgClient {
  readonly client: ApiOAuthClient;
  readonly owner?: string;
  readonly how?: string;
}

/**
 * Why a deploy of the deployment must not go on, as data (its kind, the deployment, the clients, the evidence):
 * adopt's guard decides on the kind, and each command renders it once (identityMessage), never edits the words.
 */
export type IdentityStop =
  /** The state holds one client and oauthClient.importClientId names another (the id was changed after adoption). */
  | { readonly kind: "import-contradicted"; readonly deployment: string; readonly held: string; readonly named: string }
  /** The guard could not ask: `why` is the state's or the API's problem, as it was told (`named`: it names the deployment). */
  | { readonly kind: "cannot-tell"; readonly deployment: string; readonly why: string; readonly named?: boolean }
  /** oauthClient.migration declares a second client, and the deployment has no implicit client yet. */
  | { readonly kind: "migration-without-client"; readonly deployment: string }
  /** The org has clients for the Salesforce org already; `migrationKeeps`: the implicit client a migration keeps. */
  | {
      readonly kind: "second-client";
      readonly deployment: string;
      readonly lightningHost: string;
      readonly clients: readonly OnOrgClient[];
      /** Whether one of them is no other deployment's (adopt may take it). */
      readonly adoptable: boolean;
      readonly migrationKeeps?: string;
    };

/**
 * The stop in words, naming the deployment, with what to do. `stopped`: whether it stopped the command (a deploy, a
 * diff: "Nothing was run."), or is said beside what the command did (`output`).
 */
export function identityMessage(stop: IdentityStop, { stopped = true }: { stopped?: boolean } = {}): string {
  return stopInLog(deployStopOf(stop), { stopped });
}

/** The stop as what stops a deploy (deploy-stop.ts): its reason, what it leaves undone, what to do. */
export function deployStopOf(stop: IdentityStop): DeployStop {
  const deployment = stop.deployment;
  const undone = "Nothing was run.";
  const listed = (clients: readonly OnOrgClient[]) =>
    clients.map(({ client, owner, how }) => ({
      text: `${clientInOneLine(client)}${owner ? `: deployment "${owner}"'s (${how})` : ""}`,
      listed: true,
    }));
  switch (stop.kind) {
    case "import-contradicted": {
      const { held, named } = stop;
      return {
        deployment,
        reason:
          `its state holds client ${held}, but oauthClient.importClientId names client ${named}. Terraform ignores an import ` +
          `once its state holds the client, so it would go on managing ${held}.`,
        undone,
        details: [
          { text: `To keep ${held}: set importClientId back to "${held}" (or remove it).` },
          {
            text:
              `To manage ${named} instead: in cdktf.out/stacks/${deployment}, remove the old client from the state ` +
              "(terraform state list, then terraform state rm <its genesyscloud_oauth_client address>), and deploy again: " +
              `${named} is imported, and ${held} is left in Genesys Cloud as it is.`,
          },
        ],
      };
    }
    case "cannot-tell":
      return {
        deployment,
        reason: stop.why,
        named: stop.named,
        unknown: "whether a deploy would create a second client for this Salesforce org",
      };
    case "migration-without-client":
      return {
        deployment,
        reason:
          "oauthClient.migration declares a second client beside the deployment's implicit client, but the deployment has none yet " +
          "(no importClientId, no client in its state).",
        undone,
        details: [
          {
            text: `Adopt or deploy the implicit client first (${typed("adopt", deployment, "--write")}), then migrate (${docsPage("migrating")}).`,
          },
        ],
      };
    case "second-client": {
      const count = stop.clients.length === 1 ? "a client" : `${stop.clients.length} clients`;
      const org = orgInWords(stop.lightningHost);
      if (stop.migrationKeeps !== undefined)
        return {
          deployment,
          reason:
            `the org already has ${count} for ${org} besides the implicit client ${stop.migrationKeeps} that this migration keeps, ` +
            "and this deploy would create the migration's authorization-code client as well (a third client id for the same Salesforce org).",
          undone,
          details: [
            ...listed(stop.clients),
            {
              text:
                "If one of them is a client for this migration made by hand, delete it in Genesys Cloud (or keep it and leave the migration out); " +
                `to create the migration's client anyway, set "allowSecondClient": true on deployment "${deployment}".`,
            },
          ],
        };
      return {
        deployment,
        reason:
          `the org already has ${count} for ${org} (a redirect URI on one of its hosts), ` +
          "and this deploy would create another (a second client id for the same Salesforce org).",
        undone,
        details: [
          ...listed(stop.clients),
          {
            text: stop.adoptable
              ? `Adopt it: ${typed("adopt", deployment, "--write")} (then deploy again: an import, no new client, the same id).`
              : "Another deployment of the file manages it: two deployments for one Salesforce org would give it two clients.",
          },
          { text: `To create another on purpose, set "allowSecondClient": true on deployment "${deployment}".` },
        ],
      };
    }
  }
}

/**
 * The state holds one client and oauthClient.importClientId names another (the id was changed after adoption):
 * Terraform would go on managing the state's client, silently. Undefined when they agree.
 */
export function adoptedClientStop(deployment: Deployment, state: StateReading | undefined): IdentityStop | undefined {
  const named = deployment.oauthClient?.importClientId;
  const held = state && "outputs" in state ? state.outputs.clientId : undefined;
  if (!named || !held || named.toLowerCase() === held.toLowerCase()) return undefined;
  // A retired migration's state holds its authorization-code client as the deployment's client: the one meant.
  const second = state && "outputs" in state ? state.outputs.authorizationCodeClientId : undefined;
  if (deployment.oauthClient?.migration && second && second.toLowerCase() === held.toLowerCase()) return undefined;
  return { kind: "import-contradicted", deployment: deployment.name, held, named };
}

/** Where the guard asks: the other deployments' owners (as far as known) and how to call the API. */
export interface GuardContext {
  readonly all: readonly Deployment[];
  /** The states read so far: the deployment's own at least. */
  readonly states: ReadonlyMap<string, StateReading | undefined>;
  /** Reads other deployments' states, where a client on the org must be told whose it is (ownersOfOrgClients). */
  readonly moreStates?: StatesOf;
  readonly env: NodeJS.ProcessEnv;
  readonly api?: ApiOptions;
}

/** What stops a deploy of the deployment: a changed importClientId, or a second client for its org; undefined: nothing. */
export async function clientIdentityStop(deployment: Deployment, context: GuardContext): Promise<IdentityStop | undefined> {
  return adoptedClientStop(deployment, context.states.get(deployment.name)) ?? (await secondClientStop(deployment, context));
}

/** Why the deployment must not create a client now, or undefined when it may (or creates none). Never throws. */
export async function secondClientStop(
  deployment: Deployment,
  { all, states, moreStates, env, api = {} }: GuardContext,
): Promise<IdentityStop | undefined> {
  if (deployment.allowSecondClient) return undefined;
  const migration = deployment.oauthClient?.migration;
  if (!migration && deployment.oauthClient?.importClientId) return undefined;
  const state = states.get(deployment.name);
  const cannotTell = (why: string, named = false): IdentityStop => ({ kind: "cannot-tell", deployment: deployment.name, why, named });
  if (state && "problem" in state) return cannotTell(state.problem);
  // A migration declares its authorization-code client on purpose, beside the deployment's own implicit client, and
  // only that one: the implicit client must be the deployment's already (adopted or in its state), and the org must
  // hold no other client for the Salesforce org (a migration begun by hand, or another deployment's).
  const own = migration ? (deployment.oauthClient?.importClientId ?? state?.outputs.clientId)?.toLowerCase() : undefined;
  if (migration && !own) return { kind: "migration-without-client", deployment: deployment.name };
  if (migration ? state?.outputs.authorizationCodeClientId : state?.outputs.clientId) return undefined;
  let lightningHost: string;
  let clients: ApiOAuthClient[];
  try {
    lightningHost = resolveOAuthClientSettings(oauthClientProps(deployment)).lightningHost;
    // Another org's list would hold none of this org's clients, and let a second one through.
    const wrongOrg = await wrongOrganizationProblem(deployment, env, api);
    if (wrongOrg) return cannotTell(`${wrongOrg}.`, true);
    clients = await listOAuthClients(deployment, env, api);
  } catch (e) {
    return e instanceof GenesysApiError ? cannotTell(e.message, true) : cannotTell((e as Error).message);
  }
  const others = clients.filter((c) => c.id.toLowerCase() !== own);
  const found = clientsOfOrg(
    lightningHost,
    others,
    await ownersOfOrgClients(deployment, lightningHost, others, { all, states, moreStates }),
  );
  const onOrg: OnOrgClient[] = [...found.candidates, ...found.shared.map((s) => s.client)].map((client) => ({ client }));
  const owned: OnOrgClient[] = found.owned;
  if (onOrg.length + owned.length === 0) return undefined;
  return {
    kind: "second-client",
    deployment: deployment.name,
    lightningHost,
    clients: [...onOrg, ...owned],
    adoptable: onOrg.length > 0,
    ...(migration && { migrationKeeps: own }),
  };
}
