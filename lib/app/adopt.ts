/**
 * `npm run adopt -- <deployment names or patterns>`: finds, for each deployment, the OAuth client its org already
 * has (an admin made it by hand from the article), shows it and what the first plan after adoption would change on
 * it, and with --write puts its id into the deployments file as oauthClient.importClientId, so that the next deploy
 * imports it (no second client, the same client id, its grant kept) instead of creating one.
 * Candidates: the org's clients with a redirect URI on the deployment's Lightning host (host compared without case);
 * if none, the clients that hold the article's seven scopes. Exit 0: every deployment has exactly one candidate or is
 * adopted already; 3: some deployment has none or several; 1: an error (one message).
 */
import { realpathSync, writeFileSync } from "fs";
import { applyEdits, findNodeAtLocation, modify, parseTree } from "jsonc-parser";
import writeFileAtomic from "write-file-atomic";
import { parseArgs } from "util";
import { select } from "./cdktf-runner";
import { baseDirOf, Deployment, deploymentsFile, loadDeployments, oauthClientProps, parseDeployments } from "./deployments";
import { ApiOAuthClient, GenesysApiError, listOAuthClients, ApiOptions } from "./genesys-api";
import { clientIdentityProblem } from "./second-client";
import { readStates } from "./state";
import { ALLOWED_CLIENT_ID, GUID_PATTERN, OAuthClientSettings, resolveOAuthClientSettings } from "../construct/internal";
import { readTextFile } from "../shared/json-input";
import { fromWhereTheUserStands } from "../shared/paths";
import { showHiddenCharacters } from "../shared/plain-text";
import { GRANT_TYPES } from "../shared/policy";
import { InputError } from "../shared/problems";
import { SERVICE_CLOUD_VOICE_SCOPES } from "../shared/scopes";

export const EXIT = { ok: 0, error: 1, undecided: 3 } as const;

export const USAGE = `usage: npm run adopt -- <deployment names or patterns> [--write] [--client-id <id>]

Finds the OAuth client each named deployment's Genesys Cloud org already has for its Salesforce org (a redirect URI
on the deployment's Lightning host; else the article's seven scopes), shows it and what the first plan after
adoption would change on it. Logs in as the provider does for the deployment (its region or genesysCloud.gateway,
its credentials). Secrets are never shown.

  --write           write the one candidate's id as oauthClient.importClientId into the deployments file
                    (comments, key order and indentation kept); the next deploy imports it instead of creating one
  --client-id <id>  with several candidates, the one to write (one deployment at a time)
  --guard           instead: exit 1 when a deploy of the deployments would create a second client for an org (the
                    check npm run deploy and diff make; pipelines that run terraform themselves run this)
  --note <file>     with --guard and one deployment: also write what it found for plan-summary (<stack>.note.json)
  -h, --help        this text

Exit code: 0 when every named deployment has exactly one candidate or is adopted already; 3 when some deployment
has none or several; 1 on an error.`;

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** What the search found for one deployment. */
export type Finding =
  | { readonly kind: "adopted"; readonly clientId: string; readonly how: string }
  | { readonly kind: "candidates"; readonly by: string; readonly clients: ApiOAuthClient[] };

/** The grant in the deployments file's words: implicit, authorization-code, or other (the API's own name). */
export function grantInWords(apiGrant: string): string {
  const name = Object.entries(GRANT_TYPES).find(([, value]) => value === apiGrant)?.[0];
  return name ?? `other (${apiGrant})`;
}

/** The host of a URI, without case; undefined when it is no URI. */
function hostOf(uri: string): string | undefined {
  try {
    return new URL(uri).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** The clients that may be the deployment's: on its Lightning host, else with the article's seven scopes. */
export function candidatesFor(lightningHost: string, clients: readonly ApiOAuthClient[]): { by: string; clients: ApiOAuthClient[] } {
  const host = lightningHost.toLowerCase();
  const onHost = clients.filter((c) => (c.registeredRedirectUri ?? []).some((uri) => hostOf(uri) === host));
  if (onHost.length > 0) return { by: `a redirect URI on ${lightningHost}`, clients: onHost };
  const withScopes = clients.filter((c) => SERVICE_CLOUD_VOICE_SCOPES.every((scope) => (c.scope ?? []).includes(scope)));
  return { by: "the article's seven scopes (no client has a redirect URI on its Lightning host)", clients: withScopes };
}

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
    changes.length === 0 ? "    the first plan after adoption would change nothing on it" : "    the first plan after adoption would change:",
    ...changes.map((c) => `      ${c}`),
  ].map(showHiddenCharacters);
}

/**
 * Writes `clientId` as the deployment's oauthClient.importClientId into the deployments file, in place: comments,
 * key order and indentation kept (jsonc-parser's edits), through a temporary file renamed over it, and only if the
 * result is still a deployments file this project accepts.
 */
export function writeImportClientId(file: string, index: number, clientId: string): void {
  // A symbolic link's target is what is edited (the link stays a link); its mode and owner are kept.
  const target = realpathSync(file);
  const text = readTextFile(target, "a readable JSON file");
  const path = ["deployments", index, "oauthClient", "importClientId"];
  // The object the key goes into, as the file has it: one written on a single line gets the key on that line, as it
  // is; one spread over lines gets it on a line of its own, indented as the file indents.
  const tree = parseTree(text);
  const into = tree && (findNodeAtLocation(tree, path.slice(0, 3)) ?? findNodeAtLocation(tree, path.slice(0, 2)));
  const oneLine = into !== undefined && !/\n/.test(text.slice(into.offset, into.offset + into.length));
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? "  ";
  const edits = modify(text, path, clientId, {
    formattingOptions: oneLine
      ? undefined
      : { insertSpaces: !indent.startsWith("\t"), tabSize: indent.startsWith("\t") ? 1 : indent.length, eol: text.includes("\r\n") ? "\r\n" : "\n" },
  });
  const written = applyEdits(text, edits);
  parseDeployments(written, file);
  writeFileAtomic.sync(target, written);
}

export async function adoptCommand(argv: string[], env: NodeJS.ProcessEnv, io: Io, api: ApiOptions = {}): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { write: { type: "boolean" }, "client-id": { type: "string" }, guard: { type: "boolean" }, note: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (e) {
    io.err(`adopt: ${(e as Error).message}\n${USAGE}\n`);
    return EXIT.error;
  }
  if (args.values.help) {
    io.out(`${USAGE}\n`);
    return EXIT.ok;
  }
  const file = deploymentsFile(env);
  let deployments: Deployment[];
  try {
    deployments = loadDeployments(file);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.err(`${e.message}\nNothing was written.\n`);
    return EXIT.error;
  }
  const selected = select(deployments, args.positionals, "adopt");
  if (typeof selected === "string") {
    io.err(`${selected}\n`);
    return EXIT.error;
  }
  if (args.values.note !== undefined && !args.values.guard) {
    io.err("adopt: --note: given without --guard; allowed: --note FILE with --guard, which writes what it found there\n");
    return EXIT.error;
  }
  if (args.values.guard) return guard(selected, deployments, file, args.values.note, env, io, api);
  const chosen = args.values["client-id"]?.trim();
  if (chosen !== undefined && !new RegExp(GUID_PATTERN).test(chosen)) {
    io.err(`adopt: --client-id: given ${JSON.stringify(chosen)}; allowed: ${ALLOWED_CLIENT_ID}\n`);
    return EXIT.error;
  }
  if (chosen !== undefined && selected.length !== 1) {
    io.err(`adopt: --client-id: given ${JSON.stringify(chosen)} for ${selected.length} deployments; allowed: one deployment named with it\n`);
    return EXIT.error;
  }
  const named = new Map(deployments.filter((d) => d.oauthClient?.importClientId).map((d) => [d.oauthClient!.importClientId!.toLowerCase(), d.name]));
  const states = readStates(selected, baseDirOf(file), env);
  let undecided = 0;
  for (const deployment of selected) {
    const settings = resolveOAuthClientSettings(oauthClientProps(deployment));
    const heading = `${deployment.name} (${settings.lightningHost})`;
    if (settings.importClientId) {
      io.out(`${heading}: adopted already: oauthClient.importClientId names client ${settings.importClientId}\n`);
      continue;
    }
    const state = states.get(deployment.name);
    if (state && "outputs" in state && state.outputs.clientId) {
      io.out(`${heading}: deployed already: its state holds client ${state.outputs.clientId}\n`);
      continue;
    }
    if (state && "problem" in state) io.err(`${deployment.name}: ${state.problem}\n  (a client already in its state cannot be told apart)\n`);
    let clients: ApiOAuthClient[];
    try {
      clients = await listOAuthClients(deployment, env, api);
    } catch (e) {
      if (!(e instanceof GenesysApiError)) throw e;
      io.err(`${e.message}\n`);
      return EXIT.error;
    }
    // A client another deployment already names is that deployment's, never a candidate here.
    const others = clients.filter((c) => named.has(c.id.toLowerCase()));
    const found = candidatesFor(settings.lightningHost, clients.filter((c) => !named.has(c.id.toLowerCase())));
    const count = found.clients.length;
    io.out(`${heading}: ${count === 0 ? "no candidate" : `${count} ${count === 1 ? "candidate" : "candidates"}, by ${found.by}`}\n`);
    for (const c of others.filter((c) => candidatesFor(settings.lightningHost, [c]).clients.length > 0)) {
      io.out(`  (client ${c.id} ${JSON.stringify(c.name)} is deployment "${named.get(c.id.toLowerCase())}"'s importClientId: not offered)\n`);
    }
    for (const client of found.clients) io.out(`${describeClient(client, settings).join("\n")}\n`);
    const pick = chosen === undefined ? (count === 1 ? found.clients[0] : undefined) : found.clients.find((c) => c.id.toLowerCase() === chosen.toLowerCase());
    if (chosen !== undefined && !pick) {
      io.err(`adopt: --client-id: given ${JSON.stringify(chosen)}; allowed: the id of one of ${deployment.name}'s candidates above\n`);
      return EXIT.error;
    }
    if (!pick) {
      undecided++;
      io.out(
        count === 0
          ? "  a deploy will create a new client for this org (on today's orgs not with the implicit grant: Genesys refuses new ones)\n"
          : `  nothing written: choose one with npm run adopt -- ${deployment.name} --write --client-id <id>\n`,
      );
      continue;
    }
    if (args.values.write) {
      try {
        writeImportClientId(file, deployments.indexOf(deployment), pick.id);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        io.err(`${e.message}\nNothing was written.\n`);
        return EXIT.error;
      }
      io.out(`  wrote oauthClient.importClientId ${JSON.stringify(pick.id)} into ${file}: the next deploy imports this client instead of creating one\n`);
    } else {
      io.out(`  to adopt it: npm run adopt -- ${deployment.name} --write${count > 1 ? ` --client-id ${pick.id}` : ""}\n`);
    }
  }
  return undecided > 0 ? EXIT.undecided : EXIT.ok;
}

/** --guard: the deploy's check for a second client, for pipelines that run terraform themselves. */
async function guard(selected: Deployment[], all: Deployment[], file: string, note: string | undefined, env: NodeJS.ProcessEnv, io: Io, api: ApiOptions): Promise<number> {
  if (note !== undefined && selected.length !== 1) {
    io.err(`adopt: --note: given for ${selected.length} deployments; allowed: one deployment named with it\n`);
    return EXIT.error;
  }
  const states = readStates(selected, baseDirOf(file), env);
  let found = 0;
  for (const deployment of selected) {
    const state = states.get(deployment.name);
    const problem = await clientIdentityProblem(deployment, all, state, env, api);
    if (!problem) continue;
    found++;
    io.err(`${problem}\n`);
    if (note !== undefined) writeFileSync(fromWhereTheUserStands(note, env), `${JSON.stringify({ stack: deployment.name, note: problem }, null, 2)}\n`);
  }
  return found > 0 ? EXIT.error : EXIT.ok;
}
