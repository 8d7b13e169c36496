/**
 * Writing one key of a deployment's oauthClient into the deployments file in place, as `adopt <name> --write`
 * (importClientId) and `migrate <name> --write` (migration) do: only the characters the key needs are added
 * (a comma, the key and its value, on a line of their own where the object spreads over lines, else on its line), or,
 * for a key already there, only its value is replaced, so comments, a byte order mark, line endings, indentation and the layout of every other
 * key stay the file's own. The deployment is found by name in the file as it is at write time, and the write is
 * refused when that deployment changed since it was read; the result must still be a deployments file this project
 * accepts, with nothing changed but the one key; a read-only file is refused, never replaced.
 */
import { accessSync, constants, readFileSync, realpathSync, statSync } from "fs";
import { findNodeAtLocation, Node, parseTree } from "jsonc-parser";
import { isDeepStrictEqual } from "util";
import writeFileAtomic from "write-file-atomic";
import { Deployment, oauthClientProps, parseDeployments } from "./deployments";
import { OAuthClientMigration, resolveOAuthClientSettings } from "../../construct/internal";
import { readTextFile } from "../../shared/json-input";
import { Description, InputError } from "../../shared/problems";

const BOM = "\uFEFF";

/**
 * Writes `clientId` as oauthClient.importClientId of `deployment` (as it was read before the API was asked) into
 * the deployments file. A symbolic link's target is what is edited; its mode and owner are kept (write-file-atomic).
 */
export function writeImportClientId(file: string, deployment: Deployment, clientId: string): void {
  const host = (d: Deployment) => resolveOAuthClientSettings(oauthClientProps(d)).lightningHost;
  writeOAuthClientKey(file, deployment, "importClientId", clientId, {
    command: "adopt",
    changed: (current) =>
      current.oauthClient?.importClientId !== undefined
        ? `has an importClientId (${current.oauthClient.importClientId})`
        : host(current) !== host(deployment)
          ? `names another Salesforce org (${host(current)}, not ${host(deployment)})`
          : !isDeepStrictEqual(current.genesysCloud, deployment.genesysCloud)
            ? "names another Genesys Cloud org or gateway"
            : undefined,
  });
}

/**
 * Writes `migration` as oauthClient.migration of `deployment` (as migrate read it), in place of the one it has: the
 * deployment must be exactly as it was read, since the step written was decided on it.
 */
export function writeMigration(file: string, deployment: Deployment, migration: OAuthClientMigration): void {
  writeOAuthClientKey(file, deployment, "migration", migration, {
    command: "migrate",
    changed: (current) =>
      isDeepStrictEqual(JSON.parse(JSON.stringify(current)), JSON.parse(JSON.stringify(deployment))) ? undefined : "changed",
  });
}

type OAuthClientKey = keyof NonNullable<Deployment["oauthClient"]>;

/** `changed`: how the deployment in the file now differs from `deployment` in what matters, or undefined. */
function writeOAuthClientKey<K extends OAuthClientKey>(
  file: string,
  deployment: Deployment,
  key: K,
  value: NonNullable<Deployment["oauthClient"]>[K],
  { command, changed: differs }: { command: string; changed: (current: Deployment) => string | undefined },
): void {
  const target = realpathSync(file);
  const { mode, uid } = statSync(target);
  // Read-only: for everyone (root included), for its owner when that is who runs adopt, or for whoever runs it. The
  // file is replaced by a rename, which a writable folder allows even where the file itself may not be written.
  const mayWrite = (() => {
    try {
      accessSync(target, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  })();
  if ((mode & 0o222) === 0 || (uid === process.getuid?.() && (mode & 0o200) === 0) || !mayWrite) {
    const octal = (mode & 0o777).toString(8).padStart(4, "0");
    throw new InputError(file, [
      {
        path: [],
        place: "(file)",
        given: new Description(
          (mode & 0o222) === 0 ? `a read-only file (mode ${octal})` : `a file read-only to this user (mode ${octal}, owner uid ${uid})`,
        ),
        allowed: `a deployments file ${command} may write: make it writable (chmod u+w), or write oauthClient.${key} into it yourself`,
      },
    ]);
  }
  const text = readTextFile(target, "a readable JSON file");
  const bom = readFileSync(target).subarray(0, 3).toString("utf8") === BOM ? BOM : "";
  const now = parseDeployments(text, file);
  const index = now.findIndex((d) => d.name === deployment.name);
  const changed = (what: string) =>
    new InputError(file, [
      {
        path: index < 0 ? ["deployments"] : ["deployments", index],
        given: new Description(`deployment "${deployment.name}" ${what} since ${command} read the file`),
        allowed: `the deployment as ${command} read it: run ${command} again on the file as it is now`,
      },
    ]);
  if (index < 0) throw changed("is no longer in the file");
  const current = now[index];
  const difference = differs(current);
  if (difference !== undefined) throw changed(difference);

  const written = bom + withKey(text, index, key, value);
  // Nothing but the one key may differ, and the file must still be one this project accepts.
  const after = parseDeployments(written.slice(bom.length), file);
  const expected = now.map((d, i) => (i === index ? { ...d, oauthClient: { ...d.oauthClient, [key]: value } } : d));
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(after)), JSON.parse(JSON.stringify(expected)))) {
    throw new Error(`${command}: the edit of ${file} would change more than oauthClient.${key} of "${deployment.name}": not written`);
  }
  try {
    writeFileAtomic.sync(target, written);
  } catch (e) {
    const error = e as NodeJS.ErrnoException;
    throw new InputError(file, [
      { path: [], place: "(file)", given: file, allowed: `a deployments file ${command} may write (${error.code ?? error.message})` },
    ]);
  }
}

/**
 * The text with oauthClient.<key> set to `value` (written on one line) in deployments[index]: added, or in place of
 * the value it has; every other character kept.
 */
function withKey(text: string, index: number, key: string, value: unknown): string {
  const tree = parseTree(text, [], { allowTrailingComma: false, disallowComments: false });
  const deployment = tree && findNodeAtLocation(tree, ["deployments", index]);
  if (!deployment) throw new Error(`deployments[${index}] not found in the file's syntax tree`);
  const oauthClient = findNodeAtLocation(deployment, ["oauthClient"]);
  const json = oneLine(value);
  const existing = oauthClient?.type === "object" ? findNodeAtLocation(oauthClient, [key]) : undefined;
  if (existing) return `${text.slice(0, existing.offset)}${json}${text.slice(existing.offset + existing.length)}`;
  return oauthClient?.type === "object"
    ? insertProperty(text, oauthClient, `${JSON.stringify(key)}: ${json}`)
    : insertProperty(text, deployment, `"oauthClient": { ${JSON.stringify(key)}: ${json} }`);
}

/** A JSON value on one line, with a space inside braces and after colons and commas: `{ "step": "deactivate" }`. */
function oneLine(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(oneLine).join(", ")}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length === 0 ? "{}" : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`).join(", ")} }`;
}

/** The text with `property` added as the last property of `object`, in the object's own layout. */
function insertProperty(text: string, object: Node, property: string): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const properties = object.children ?? [];
  const open = object.offset + 1;
  const last = properties[properties.length - 1];
  const multiLine = /\n/.test(text.slice(object.offset, object.offset + object.length));
  if (!last) return `${text.slice(0, open)} ${property} ${text.slice(open)}`;
  const end = last.offset + last.length;
  if (!multiLine) return `${text.slice(0, end)}, ${property}${text.slice(end)}`;
  // On a line of its own, indented as the last property's line; after a comment that ends that line, if any.
  const lineStart = text.lastIndexOf("\n", last.offset) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const lineEnd = text.indexOf("\n", end);
  const rest = text.slice(end, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, "");
  if (lineEnd >= 0 && /^(?:\s*(?:\/\/.*|\/\*(?:(?!\*\/).)*\*\/))*\s*$/.test(rest)) {
    const at = lineEnd - (text[lineEnd - 1] === "\r" ? 1 : 0);
    return `${text.slice(0, end)},${text.slice(end, at)}${eol}${indent}${property}${text.slice(at)}`;
  }
  return `${text.slice(0, end)},${eol}${indent}${property}${text.slice(end)}`;
}
