/**
 * `adopt <deployment names or patterns>`: finds, for each deployment, the OAuth client its org already
 * has (an admin made it by hand from the article), shows it and what the first plan after adoption would change on
 * it, and with --write puts its id into the deployments file as oauthClient.importClientId, so that the next deploy
 * imports it (no second client, the same client id, its grant kept) instead of creating one.
 * Candidates: the org's clients with a redirect URI on a host of the deployment's Salesforce org that no other
 * deployment adopts or holds in its state (client-identity.ts); a client off those hosts is listed at most, never
 * chosen. Exit 0: every deployment has exactly one candidate or is adopted already; 3: some deployment has none or
 * several; 1: an error (one message).
 */
import {
  clientIdentityStop,
  clientsOfOrg,
  deployStopOf,
  identityMessage,
  grantInWords,
  orgInWords,
  ownersOfOrgClients,
} from "../genesys/client-identity";
import { baseDirOf, Deployment, oauthClientProps } from "../deployments/deployments";
import { writeImportClientId } from "../deployments/edit";
import {
  ApiOAuthClient,
  GenesysApiError,
  listOAuthClients,
  ApiOptions,
  TIMEOUT_VARIABLE,
  DEFAULT_TIMEOUT_SECONDS,
  wrongOrganizationProblem,
} from "../genesys/api";
import { DEPLOYMENT_NAMES, loadSelected } from "../deployments/selection";
import { readStates, StateReading, statesOnDemand, StatesOf } from "../state/read-states";
import { DEFAULT_PARALLELISM } from "./parallelism";
import { noteProblem, writeNote } from "./note-file";
import { stopInNote } from "../genesys/deploy-stop";
import { scopedCredentialsProblem } from "../stack/credentials";
import { ALLOWED_CLIENT_ID, GUID_PATTERN, OAuthClientSettings, resolveOAuthClientSettings } from "../../construct/internal";
import { CommandIo } from "../../shared/command";
import { commandLineMessage, declareCommand, OptionDeclarations, ParsedArguments } from "../../shared/command-declaration";
import { fromWhereTheUserStands } from "../../shared/paths";
import { showHiddenCharacters } from "../../shared/plain-text";
import { Description, InputError } from "../../shared/problems";
import { typed } from "../../shared/typed-command";

export const EXIT = { ok: 0, error: 1, undecided: 3 } as const;

/** What the first plan after adopting `client` would change on it, field by field. */
export function plannedChanges(settings: OAuthClientSettings, client: ApiOAuthClient): string[] {
  const changes: string[] = [];
  const text = (value: unknown) => (value === undefined || value === null || value === "" ? "(none)" : JSON.stringify(value));
  const field = (label: string, from: unknown, to: unknown) => {
    if (text(from) !== text(to)) changes.push(`${label}: ${text(from)} → ${text(to)}`);
  };
  const set = (label: string, from: readonly string[], to: readonly string[]) => {
    const added = to.filter((x) => !from.includes(x)).map((x) => `+ ${JSON.stringify(x)}`);
    const removed = from.filter((x) => !to.includes(x)).map((x) => `− ${JSON.stringify(x)}`);
    if (added.length + removed.length > 0) changes.push(`${label}: ${[...added, ...removed].join(", ")}`);
  };
  field("name", client.name, settings.name);
  field("description", client.description, settings.description);
  field("grant", grantInWords(client.authorizedGrantType), grantInWords(settings.authorizedGrantType));
  field("token lifetime (seconds)", client.accessTokenValiditySeconds ?? 86400, settings.tokenLifetimeSeconds);
  set("redirect URIs", client.registeredRedirectUri ?? [], settings.redirectUris);
  set("scopes", client.scope ?? [], settings.scopes);
  field("state", client.state ?? "active", "active");
  return changes;
}

/** A candidate as the user reads it: never its secret (the list does not hold it; nothing here would print it). */
export function describeClient(client: ApiOAuthClient, settings: OAuthClientSettings): string[] {
  const changes = plannedChanges(settings, client);
  return [
    `  client ${client.id} ${JSON.stringify(client.name)}`,
    `    grant: ${grantInWords(client.authorizedGrantType)} · token lifetime: ${client.accessTokenValiditySeconds ?? "(default)"} s · state: ${client.state ?? "active"} · created: ${client.dateCreated ?? "(unknown)"}`,
    `    redirect URIs: ${(client.registeredRedirectUri ?? []).join(", ") || "(none)"}`,
    `    scopes: ${(client.scope ?? []).join(", ") || "(none)"}`,
    changes.length === 0
      ? "    the first plan after adoption would change nothing on it"
      : "    the first plan after adoption would change:",
    ...changes.map((c) => `      ${c}`),
  ].map(showHiddenCharacters);
}

/** How adopt reaches the API and the states; tests give a scripted API and states of their own. */
export interface AdoptOptions {
  readonly api?: ApiOptions;
  readonly readStates?: typeof readStates;
}

const ADOPT_OPTIONS = {
  write: {
    type: "boolean",
    description:
      "write the one candidate's id as oauthClient.importClientId into the deployments file (comments, key order and indentation kept)",
  },
  "client-id": { type: "string", value: "id", description: "with several candidates, the one to write (one deployment at a time)" },
  guard: {
    type: "boolean",
    description:
      "instead: exit 1 when a deploy of the deployments would create a second client for an org (the check deploy and diff make)",
  },
  note: {
    type: "string",
    value: "file",
    description:
      "with --guard and one deployment: also write what it found for plan-summary (<stack>.note.json); then exit 1 only when it could not ask",
  },
} satisfies OptionDeclarations;

export const adoptCommand = declareCommand({
  name: "adopt",
  summary: "find the OAuth client an org already has, and adopt it",
  arguments: DEPLOYMENT_NAMES,
  description: `Finds the OAuth client each named deployment's Genesys Cloud org already has for its Salesforce org (a redirect URI
on one of that org's hosts, and no other deployment's), shows it and what the first plan after adoption would change
on it. Logs in as the provider does for the deployment (its region or genesysCloud.gateway, its credentials); each
API call has a deadline of ${TIMEOUT_VARIABLE} seconds (${DEFAULT_TIMEOUT_SECONDS} when unset). Secrets are never shown.
With --write, the next deploy imports the client instead of creating one. --guard is for pipelines that run terraform themselves.`,
  options: ADOPT_OPTIONS,
  epilogue: `Exit code: 0 when every named deployment has exactly one candidate or is adopted already; 3 when some deployment
has none or several; 1 on an error.`,
  run: adopt,
});

async function adopt(
  { values, positionals }: ParsedArguments<typeof ADOPT_OPTIONS>,
  env: NodeJS.ProcessEnv,
  io: CommandIo,
  { api = {}, readStates: statesOf = readStates }: AdoptOptions = {},
): Promise<number> {
  const loaded = loadSelected(env, positionals, "adopt", { writes: true });
  if ("problem" in loaded) {
    io.err(`${loaded.problem}\n`);
    return EXIT.error;
  }
  const { file, selected } = loaded;
  let { deployments } = loaded;
  if (values.note !== undefined && !values.guard) {
    io.err(
      `${commandLineMessage("adopt", { path: [], place: "--note", given: new Description("--note without --guard"), allowed: "--note <file> with --guard, which writes what it found there" })}\n`,
    );
    return EXIT.error;
  }
  if (values.note !== undefined && selected.length !== 1) {
    io.err(`adopt: --note: given for ${selected.length} deployments; allowed: one deployment named with it\n`);
    return EXIT.error;
  }
  const note = values.note === undefined ? undefined : fromWhereTheUserStands(values.note, env);
  const notWritable = note === undefined ? undefined : noteProblem(note);
  if (notWritable) {
    io.err(
      `adopt: --note: given ${JSON.stringify(showHiddenCharacters(values.note!))} (${notWritable}); allowed: a file, or a new one in an existing folder, which --guard writes what it found to\n`,
    );
    return EXIT.error;
  }
  // Before any request: a deployment whose credentials a pipeline's job does not hold is refused, not asked with another's.
  const scoped = scopedCredentialsProblem(selected, env);
  if (scoped) {
    io.err(`adopt: ${scoped}\n`);
    return EXIT.error;
  }
  // The named deployments' states, `DEFAULT_PARALLELISM` at once; another deployment's only where a client on the org
  // must be told whose it is (client-identity.ts ownersOfOrgClients).
  const stateOf = statesOnDemand(statesOf, baseDirOf(file), env, DEFAULT_PARALLELISM);
  if (values.guard) return secondClientGuard(selected, deployments, await stateOf(selected), stateOf, note, env, io, api);
  const chosen = values["client-id"]?.trim();
  if (chosen !== undefined && !new RegExp(GUID_PATTERN).test(chosen)) {
    io.err(`adopt: --client-id: given ${JSON.stringify(chosen)}; allowed: ${ALLOWED_CLIENT_ID}\n`);
    return EXIT.error;
  }
  if (chosen !== undefined && selected.length !== 1) {
    io.err(
      `adopt: --client-id: given ${JSON.stringify(chosen)} for ${selected.length} deployments; allowed: one deployment named with it\n`,
    );
    return EXIT.error;
  }
  // A client in another deployment's state is that one's, never offered here: read where the org has a client on the
  // Salesforce org (ownersOfOrgClients), else the named deployments' own states only.
  const states = await stateOf(selected);
  let undecided = 0;
  const written: string[] = [];
  for (const deployment of selected) {
    const settings = resolveOAuthClientSettings(oauthClientProps(deployment));
    const heading = `${deployment.name} (${settings.lightningHost})`;
    if (settings.importClientId) {
      io.out(`${heading}: adopted already: oauthClient.importClientId names client ${settings.importClientId}\n`);
      continue;
    }
    const state = states.get(deployment.name);
    if (state && "outputs" in state && state.outputs.clientId) {
      io.out(`${heading}: deployed already: its state holds client ${showHiddenCharacters(state.outputs.clientId)}\n`);
      continue;
    }
    if (state && "problem" in state)
      io.err(`${deployment.name}: ${state.problem}\n  (a client already in its state cannot be told apart)\n`);
    let clients: ApiOAuthClient[];
    try {
      // Another org's clients are never candidates: the credentials' org is the deployment's, or nothing is listed.
      const wrongOrg = await wrongOrganizationProblem(deployment, env, api);
      if (wrongOrg) {
        io.err(`adopt: ${wrongOrg}. Nothing was listed${written.length === 0 ? "" : ` for it (written before: ${written.join(", ")})`}.\n`);
        return EXIT.error;
      }
      clients = await listOAuthClients(deployment, env, api);
    } catch (e) {
      if (!(e instanceof GenesysApiError)) throw e;
      io.err(`${e.message}\n`);
      return EXIT.error;
    }
    const owners = await ownersOfOrgClients(deployment, settings.lightningHost, clients, { all: deployments, states, moreStates: stateOf });
    const found = clientsOfOrg(settings.lightningHost, clients, owners, settings.redirectUris);
    const count = found.candidates.length;
    const org = orgInWords(settings.lightningHost);
    io.out(
      `${heading}: ${count === 0 ? "no candidate" : `${count} ${count === 1 ? "candidate" : "candidates"}`} for ${org} (a redirect URI on one of its hosts)\n`,
    );
    for (const { client, owner, how } of found.owned) {
      io.out(
        `${showHiddenCharacters(`  (client ${client.id} ${JSON.stringify(client.name)} is deployment "${owner}"'s, by ${how}: not offered)`)}\n`,
      );
    }
    for (const client of found.candidates) io.out(`${describeClient(client, settings).join("\n")}\n`);
    for (const { client, otherUris } of found.shared) {
      io.out(
        `${showHiddenCharacters(
          `  not chosen: client ${client.id} ${JSON.stringify(client.name)} also serves another Salesforce org (${otherUris.join(", ")}): ` +
            "adopted, its next deploy would take that redirect URI off, and that org's agents could no longer log in. " +
            `To keep it serving both, first add the URI to ${deployment.name}'s oauthClient.additionalRedirectUris; then choose it with --client-id ${client.id}`,
        )}\n${describeClient(client, settings).join("\n")}\n`,
      );
    }
    // Off the org's hosts, listed only where nothing is chosen: what the user may have expected to see.
    for (const client of count === 0 ? found.offHost : []) {
      const uris = (client.registeredRedirectUri ?? []).join(", ") || "(none)";
      io.out(
        `${showHiddenCharacters(`  not chosen: client ${client.id} ${JSON.stringify(client.name)} has the article's seven scopes, but none of its redirect URIs is on a host of ${org} (its redirect URIs: ${uris})`)}\n`,
      );
    }
    const choosable = [...found.candidates, ...found.shared.map((s) => s.client)];
    const pick =
      chosen === undefined
        ? count === 1
          ? found.candidates[0]
          : undefined
        : choosable.find((c) => c.id.toLowerCase() === chosen.toLowerCase());
    if (chosen !== undefined && !pick) {
      io.err(
        `adopt: --client-id: given ${JSON.stringify(chosen)}; allowed: the id of one of ${deployment.name}'s candidates above ` +
          `(a client with a redirect URI on a host of ${org}, which no other deployment has)\n`,
      );
      return EXIT.error;
    }
    if (!pick) {
      undecided++;
      io.out(
        count === 0
          ? found.shared.length > 0
            ? `  nothing written: the client above serves another Salesforce org too; choose it with ${typed("adopt", deployment.name, "--write --client-id <id>")} once that org's URI is kept\n`
            : found.offHost.length + found.owned.length > 0
              ? "  nothing written: no client of the org is this Salesforce org's alone. If one above is this org's after all, add its " +
                `Lightning host's redirect URI to it in Genesys Cloud, then run ${typed("adopt", deployment.name)} again; else a deploy creates a new client for this org\n`
              : "  a deploy will create a new client for this org (on today's orgs not with the implicit grant: Genesys refuses new ones)\n"
          : `  nothing written: choose one with ${typed("adopt", deployment.name, "--write --client-id <id>")}\n`,
      );
      continue;
    }
    if (values.write) {
      try {
        writeImportClientId(file, deployment, pick.id);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        io.err(
          `${e.message}\n${written.length === 0 ? "Nothing was written." : `Nothing more was written (written before: ${written.join(", ")}).`}\n`,
        );
        return EXIT.error;
      }
      // From now on the client is this deployment's: the next deployments of the run are not offered it.
      written.push(deployment.name);
      deployments = deployments.map((d) =>
        d.name === deployment.name ? { ...d, oauthClient: { ...d.oauthClient, importClientId: pick.id } } : d,
      );
      io.out(
        `  wrote oauthClient.importClientId ${JSON.stringify(pick.id)} into ${file}: the next deploy imports this client instead of creating one\n`,
      );
    } else {
      io.out(`  to adopt it: ${typed("adopt", deployment.name, "--write")}${count > 1 ? ` --client-id ${pick.id}` : ""}\n`);
    }
  }
  return undecided > 0 ? EXIT.undecided : EXIT.ok;
}

/** --guard: the deploy's check for a second client, for pipelines that run terraform themselves. */
async function secondClientGuard(
  selected: Deployment[],
  all: Deployment[],
  states: ReadonlyMap<string, StateReading | undefined>,
  moreStates: StatesOf,
  note: string | undefined,
  env: NodeJS.ProcessEnv,
  io: CommandIo,
  api: ApiOptions,
): Promise<number> {
  let found = 0;
  let failed = 0;
  for (const deployment of selected) {
    const stop = await clientIdentityStop(deployment, { all, states, moreStates, env, api });
    if (!stop) continue;
    found++;
    const problem = identityMessage(stop);
    io.err(`${problem}\n`);
    if (note === undefined) continue;
    // A guard that could not ask has found nothing to carry: the pipeline's step fails, visibly.
    if (stop.kind === "cannot-tell") {
      failed++;
      continue;
    }
    const unwritten = writeNote(note, { stack: deployment.name, note: stopInNote(deployStopOf(stop)) });
    if (unwritten) {
      failed++;
      io.err(`adopt: --note: ${unwritten}: the finding above is in this log only\n`);
    }
  }
  // With --note, a finding written there is the plan comment's to say; without, it stops the deploy.
  return (note === undefined ? found : failed) > 0 ? EXIT.error : EXIT.ok;
}
