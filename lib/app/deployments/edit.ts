/**
 * Writing one key into the deployments file in place, as `npm run adopt -- <name> --write` does: only the characters
 * the key needs are added (a comma, the key and its value, on a line of their own where the object spreads over
 * lines, else on its line), so comments, a byte order mark, line endings, indentation and the layout of every other
 * key stay the file's own. The deployment is found by name in the file as it is at write time, and the write is
 * refused when that deployment changed since it was read; the result must still be a deployments file this project
 * accepts, with nothing changed but the one key; a read-only file is refused, never replaced.
 */
import { accessSync, constants, readFileSync, realpathSync, statSync } from "fs";
import { findNodeAtLocation, Node, parseTree } from "jsonc-parser";
import { isDeepStrictEqual } from "util";
import writeFileAtomic from "write-file-atomic";
import { Deployment, oauthClientProps, parseDeployments } from "./deployments";
import { resolveOAuthClientSettings } from "../../construct/internal";
import { readTextFile } from "../../shared/json-input";
import { Description, InputError } from "../../shared/problems";

const BOM = "\uFEFF";

/**
 * Writes `clientId` as oauthClient.importClientId of `deployment` (as it was read before the API was asked) into
 * the deployments file. A symbolic link's target is what is edited; its mode and owner are kept (write-file-atomic).
 */
export function writeImportClientId(file: string, deployment: Deployment, clientId: string): void {
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
        allowed: "a deployments file adopt may write: make it writable (chmod u+w), or write oauthClient.importClientId into it yourself",
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
        given: new Description(`deployment "${deployment.name}" ${what} since adopt read the file`),
        allowed: "the deployment as adopt read it: run adopt again on the file as it is now",
      },
    ]);
  if (index < 0) throw changed("is no longer in the file");
  const current = now[index];
  if (current.oauthClient?.importClientId !== undefined) throw changed(`has an importClientId (${current.oauthClient.importClientId})`);
  const host = (d: Deployment) => resolveOAuthClientSettings(oauthClientProps(d)).lightningHost;
  if (host(current) !== host(deployment)) throw changed(`names another Salesforce org (${host(current)}, not ${host(deployment)})`);
  if (!isDeepStrictEqual(current.genesysCloud, deployment.genesysCloud)) throw changed("names another Genesys Cloud org or gateway");

  const written = bom + withKey(text, index, clientId);
  // Nothing but the one key may differ, and the file must still be one this project accepts.
  const after = parseDeployments(written.slice(bom.length), file);
  const expected = now.map((d, i) => (i === index ? { ...d, oauthClient: { ...d.oauthClient, importClientId: clientId } } : d));
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(after)), JSON.parse(JSON.stringify(expected)))) {
    throw new Error(`adopt: the edit of ${file} would change more than oauthClient.importClientId of "${deployment.name}": not written`);
  }
  try {
    writeFileAtomic.sync(target, written);
  } catch (e) {
    const error = e as NodeJS.ErrnoException;
    throw new InputError(file, [
      { path: [], place: "(file)", given: file, allowed: `a deployments file adopt may write (${error.code ?? error.message})` },
    ]);
  }
}

/** The text with oauthClient.importClientId added to deployments[index], every other character kept. */
function withKey(text: string, index: number, clientId: string): string {
  const tree = parseTree(text, [], { allowTrailingComma: false, disallowComments: false });
  const deployment = tree && findNodeAtLocation(tree, ["deployments", index]);
  if (!deployment) throw new Error(`adopt: deployments[${index}] not found in the file's syntax tree`);
  const oauthClient = findNodeAtLocation(deployment, ["oauthClient"]);
  const value = JSON.stringify(clientId);
  return oauthClient?.type === "object"
    ? insertProperty(text, oauthClient, `"importClientId": ${value}`)
    : insertProperty(text, deployment, `"oauthClient": { "importClientId": ${value} }`);
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
