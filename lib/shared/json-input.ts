/**
 * JSON input checked against a JSON Schema, with every problem in the project's one shape (problems.ts):
 * the path, the value there, and the schema's description of what is allowed. Used for the deployments file
 * and for Terraform plan files.
 */
import Ajv, { ErrorObject, Options, ValidateFunction } from "ajv";
import { precompiled } from "./precompiled-validators";
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, realpathSync, Stats, statSync } from "fs";
import { dirname, isAbsolute, relative, resolve } from "path";
import writeFileAtomic from "write-file-atomic";
import { createScanner, ParseErrorCode, printParseErrorCode, visit } from "jsonc-parser";
import { Description, InputError, nearestKey, Path, Problem, withMeant } from "./problems";
import { counted } from "./plain-text";

export type SchemaChecker = (data: unknown) => Problem[];

/** A JSON object: not null, not a list. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed JSON object's members are read as any JSON, checked where used
export function isJsonObject(value: unknown): value is Record<string, any> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A schema declared for checking: its name (unique), the schema, and the annotation keywords it uses. */
export interface DeclaredSchema {
  readonly schema: object;
  readonly annotations: readonly string[];
}

const declared = new Map<string, DeclaredSchema>();

/** Every schema declared with schemaChecker in the modules loaded so far, by name: what the build precompiles. */
export function declaredSchemas(): ReadonlyMap<string, DeclaredSchema> {
  return declared;
}

/** The options every checker's Ajv is made with, at run time and in the build's precompiled validators alike. */
export function ajvOptions(annotations: readonly string[]): Options {
  return { allErrors: true, verbose: true, strict: true, validateSchema: false, keywords: [...annotations] };
}

/**
 * A checker of `schema`, declared under a `name` of its own. In the bundled bin the validator is Ajv's standalone
 * code, compiled by the build (scripts/build.mjs, from declaredSchemas()): no compile at start-up, which was some
 * 50 ms of every command that reads the deployments file. Where the sources run as they are (tests), it is compiled
 * once, on first use, with the same options. The schema's own validity is a test's job, not a start-up cost
 * (validateSchema: false). `annotations`: keywords of the schema's own that say something to readers and nothing to
 * validation (strict mode refuses any keyword it does not know).
 */
export function schemaChecker(name: string, schema: object, { annotations = [] }: { annotations?: readonly string[] } = {}): SchemaChecker {
  if (declared.has(name)) throw new Error(`a schema named ${name} is declared twice`);
  declared.set(name, { schema, annotations });
  let validate: ValidateFunction | undefined;
  return (data) => {
    validate ??= precompiled[name] ?? new Ajv(ajvOptions(annotations)).compile(schema);
    return validate(data) ? [] : (validate.errors ?? []).map((error) => schemaProblem(error, data));
  };
}

/**
 * Reads a text file as UTF-8 (a leading UTF-8 byte order mark is dropped: editors on Windows write one).
 * Anything else is one InputError at "(file)" saying what the file is: missing, a folder, a symbolic link loop,
 * not a regular file (a FIFO, a device such as /dev/zero, a socket: refused before any read, since reading one can
 * wait forever or never end), UTF-16, a ZIP archive (a binary Terraform plan is one), bytes that are not UTF-8, or
 * larger than `maxBytes` (counted as read, not as the file system says).
 * `allowed` says what the file should be; `hint`, after the reason it could not be read, how to name another.
 */
export function readTextFile(file: string, allowed: string, { hint = "", maxBytes = MAX_TEXT_FILE_BYTES } = {}): string {
  let bytes: Buffer;
  const tooLarge = (size: string) =>
    new InputError(file, [
      { path: [], place: "(file)", given: new Description(`a file of ${size}`), allowed: `${allowed}, of at most ${mebibytes(maxBytes)}` },
    ]);
  const notRegular = (stats: Stats) =>
    new InputError(file, [
      {
        path: [],
        place: "(file)",
        given: new Description(`${fileKind(stats)}, not a regular file`),
        allowed: `${allowed}: a regular file`,
      },
    ]);
  try {
    const stats = statSync(file);
    if (!stats.isFile() && !stats.isDirectory()) throw notRegular(stats);
    if (stats.size > maxBytes) throw tooLarge(mebibytes(stats.size));
    // Non-blocking: a file swapped for a FIFO since the stat neither blocks the open nor is read (fstat below).
    const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const opened = fstatSync(fd);
      if (opened.isDirectory()) throw Object.assign(new Error("a folder"), { code: "EISDIR" });
      if (!opened.isFile()) throw notRegular(opened);
      bytes = readAtMost(fd, maxBytes);
      if (bytes.length > maxBytes) throw tooLarge(`more than ${mebibytes(maxBytes)}`);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(file, [
      { path: [], place: "(file)", given: file, allowed: `${allowed} (${unreadableReason(e as NodeJS.ErrnoException)})${hint}` },
    ]);
  }
  const kind = binaryKind(bytes);
  if (kind) throw new InputError(file, [{ path: [], place: "(file)", given: new Description(kind), allowed }]);
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start));
  } catch {
    const text = bytes.subarray(start).toString("utf8");
    const at = start + Buffer.byteLength(text.slice(0, text.indexOf("\ufffd")));
    throw new InputError(file, [
      {
        path: [],
        place: "(file)",
        given: new Description(`bytes that are not UTF-8 text (at byte offset ${at})`),
        allowed: `${allowed}, in UTF-8`,
      },
    ]);
  }
}

/**
 * Why a file the tool reads or writes beside the deployments file (the provider lock file, a local state, ...) may
 * not be used, as one InputError at "(file)" naming it; undefined when it is absent, or a regular file, or a symbolic
 * link to a regular file inside `within`. Refused: a folder, a FIFO, a device, a socket (reading or writing one can
 * wait forever), a symbolic link loop, a link to nothing (writing through it would make a file where it points), and a
 * link whose target resolves outside `within` (the folder the file belongs to: a lock file linked to /etc/passwd or
 * to another repository's is not this repository's). Nothing is opened: a FIFO is found by lstat and stat alone.
 * `allowed` says what the file should be.
 */
export function besideFileProblem(file: string, allowed: string, within: string): InputError | undefined {
  const refused = (given: string, what = `${allowed}: a regular file`) =>
    new InputError(file, [{ path: [], place: "(file)", given: new Description(given), allowed: what }]);
  // A folder on the way that is a link out (state/ -> elsewhere) takes the file out as surely as a link of its own.
  const folder = nearestFolder(dirname(resolve(file)), resolve(within));
  if (folder && !isInside(folder.real, within)) {
    return refused(
      `a path through ${JSON.stringify(folder.path)}, which is ${JSON.stringify(folder.real)}, outside ${within}`,
      `${allowed}: a regular file in ${within}, through folders in it`,
    );
  }
  let link: Stats;
  try {
    link = lstatSync(file);
  } catch (e) {
    const error = e as NodeJS.ErrnoException;
    if (error.code === "ENOENT" || error.code === "ENOTDIR") return undefined;
    return refused(`a path that cannot be looked at (${unreadableReason(error)})`);
  }
  if (link.isSymbolicLink()) {
    let target: string;
    try {
      target = realpathSync(file);
    } catch (e) {
      const error = e as NodeJS.ErrnoException;
      let points = "";
      try {
        points = ` to ${JSON.stringify(readlinkSync(file))}`;
      } catch {
        // A link that cannot be read is described without its target.
      }
      return refused(
        error.code === "ENOENT"
          ? `a symbolic link${points}, which points to nothing`
          : `a symbolic link${points} (${unreadableReason(error)})`,
        `${allowed}: a regular file, or a symbolic link to one in ${within}`,
      );
    }
    if (!isInside(target, within)) {
      return refused(
        `a symbolic link to ${JSON.stringify(target)}, outside ${within}`,
        `${allowed}: a regular file, or a symbolic link to one in ${within}`,
      );
    }
  }
  const stats = link.isSymbolicLink() ? statSync(file) : link;
  if (stats.isDirectory()) return refused("a folder");
  if (!stats.isFile()) return refused(`${fileKind(stats)}, not a regular file`);
  return undefined;
}

/**
 * The nearest folder of `path` that exists, itself or a parent down to `top` (a folder above `top` is not on the way
 * from `top` to the file), and where it really is; undefined when none of them exists yet.
 */
function nearestFolder(path: string, top: string): { path: string; real: string } | undefined {
  for (let at = path; ; at = dirname(at)) {
    const rel = relative(top, at);
    if (rel.startsWith("..") || isAbsolute(rel)) return undefined;
    try {
      return { path: at, real: realpathSync(at) };
    } catch {
      if (rel === "") return undefined;
    }
  }
}

/** Whether `path` (resolved) is `folder` or inside it, compared as the file system resolves both. */
function isInside(path: string, folder: string): boolean {
  let real: string;
  try {
    real = realpathSync(folder);
  } catch {
    real = resolve(folder);
  }
  const rel = relative(real, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/**
 * A file beside the deployments file, read as readTextFile reads one, once besideFileProblem has nothing against it;
 * undefined when there is none.
 */
export function readFileBeside(file: string, allowed: string, within: string): string | undefined {
  const problem = besideFileProblem(file, allowed, within);
  if (problem) throw problem;
  if (!existsAt(file)) return undefined;
  return readTextFile(file, allowed);
}

/**
 * Writes a file beside the deployments file whole or not at all (write-file-atomic: a temporary file renamed over it,
 * the mode kept), once besideFileProblem has nothing against what is there; a write that fails is one InputError.
 */
export function writeFileBeside(file: string, text: string, allowed: string, within: string): void {
  const problem = besideFileProblem(file, allowed, within);
  if (problem) throw problem;
  try {
    writeFileAtomic.sync(file, text);
  } catch (e) {
    const error = e as NodeJS.ErrnoException;
    throw new InputError(file, [
      {
        path: [],
        place: "(file)",
        given: file,
        allowed: `${allowed} that can be written (${error.code === "EACCES" ? "no permission to write it" : unreadableReason(error)}); it is unchanged`,
      },
    ]);
  }
}

function existsAt(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Up to `maxBytes` + 1 bytes of an open file: one more than allowed says it is too large, without reading it all. */
function readAtMost(fd: number, maxBytes: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, maxBytes + 1 - total));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > maxBytes) break;
  }
  return Buffer.concat(chunks, total);
}

/** What a file that is not a regular file is, in words. */
export function fileKind(stats: Stats): string {
  if (stats.isFIFO()) return "a FIFO (a named pipe, or a shell's process substitution)";
  if (stats.isCharacterDevice()) return "a character device (such as /dev/zero or a terminal)";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  return "a special file";
}

/** Larger than any plan of a real estate; a string this long is still far below what Node can hold. */
export const MAX_TEXT_FILE_BYTES = 256 * 1024 * 1024;

function mebibytes(bytes: number): string {
  return bytes < 1024 * 1024 ? counted(bytes, "byte") : `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

function unreadableReason(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case "ENOENT":
      return "it does not exist";
    case "EISDIR":
      return "it is a folder";
    case "ELOOP":
      return "it is a symbolic link loop";
    case "EACCES":
      return "no permission to read it";
    case "EROFS":
      return "on a read-only file system";
    default:
      return e.message;
  }
}

/** What a file that is not UTF-8 text is, in words; undefined when it may be UTF-8 text. */
function binaryKind(bytes: Buffer): string | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return "a UTF-16 text file (Windows PowerShell's > and Out-File write these): save it as UTF-8";
  }
  if (bytes.subarray(0, 4).equals(Buffer.from("PK\x03\x04", "latin1"))) {
    return "a ZIP archive, such as a binary Terraform plan file";
  }
  // UTF-16 without a byte order mark: every other byte of the ASCII text is zero.
  if (bytes.length >= 2 && bytes.subarray(0, 64).includes(0)) return "a binary file or UTF-16 text without a byte order mark";
  return undefined;
}

/** Deeper than this is no configuration or plan anyone writes, and would exhaust recursive parsers and checkers. */
export const MAX_JSON_DEPTH = 256;

/**
 * Parses JSON text strictly. Each of these is an InputError with where it is: a syntax error (line and column),
 * nesting deeper than MAX_JSON_DEPTH, and a key given twice in one object (JSON parsers disagree on which one
 * wins, so neither is taken), and a number JavaScript cannot hold exactly (1e400, 12345678901234567890), shown as
 * written. What it returns is what JSON.parse read: plain data, nothing but JSON's own values.
 */
export function parseJson(given: string, source: string, { comments = false }: { comments?: boolean } = {}): unknown {
  // With comments (the deployments file: JSON with // and /* */ comments, as editors' JSONC), each comment becomes
  // spaces of its own length, line breaks kept: every line and column a message names is still the file's own.
  const text = comments ? blankComments(given) : given;
  const tooDeep = depthProblem(text);
  if (tooDeep) throw new InputError(source, [tooDeep]);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(source, [jsonSyntaxProblem(text, (e as Error).message)]);
  }
  const problems: Problem[] = [];
  const keysOf: Map<string, number>[] = [];
  visit(text, {
    onObjectBegin: () => void keysOf.push(new Map()),
    onObjectEnd: () => void keysOf.pop(),
    onObjectProperty: (key, offset, _length, line, column, path) => {
      const keys = keysOf[keysOf.length - 1];
      const first = keys.get(key);
      if (first === undefined) keys.set(key, offset);
      else {
        problems.push({
          path: [...path(), key],
          given: new Description(`the key ${JSON.stringify(key)} a second time (line ${line + 1}, column ${column + 1})`),
          allowed: `each key once in an object (the first ${JSON.stringify(key)} is at ${lineAndColumn(text, first)})`,
        });
      }
    },
    onLiteralValue: (value, offset, length, _line, _column, path) => {
      if (typeof value === "number" && !(Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value)))) {
        problems.push({ path: path(), given: new Description(text.slice(offset, offset + length)), allowed: ALLOWED_NUMBER });
      }
    },
  });
  if (problems.length > 0) throw new InputError(source, problems);
  return data;
}

/** What a number in the input may be: JSON.parse would round any other, or make it Infinity. */
export const ALLOWED_NUMBER = `a number JavaScript holds exactly: a whole number from ${Number.MIN_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}, or a decimal within ±1.8e308`;

/** The first place where brackets nest deeper than MAX_JSON_DEPTH, as a problem; strings are skipped. */
function depthProblem(text: string): Problem | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") {
      if (++depth > MAX_JSON_DEPTH) {
        return {
          path: [],
          place: `(${lineAndColumn(text, i)})`,
          given: new Description(`objects and lists nested more than ${MAX_JSON_DEPTH} levels deep`),
          allowed: `JSON nested at most ${MAX_JSON_DEPTH} levels deep`,
        };
      }
    } else if (c === "}" || c === "]") depth--;
  }
  return undefined;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/** What JSON wants where jsonc-parser stopped, in words, by the name of its error code. */
const EXPECTED: Record<string, string> = {
  InvalidSymbol: "a value (an object, list, string in double quotes, number, true, false or null)",
  InvalidNumberFormat: "a number such as 12, -0.5 or 1e3",
  PropertyNameExpected: "a key in double quotes",
  ValueExpected: "a value",
  ColonExpected: "a colon after the key",
  CommaExpected: "a comma between entries",
  CloseBraceExpected: "a } closing the object",
  CloseBracketExpected: "a ] closing the list",
  EndOfFileExpected: "nothing after the top-level value",
  InvalidCommentToken: "no comments",
  UnexpectedEndOfComment: "no comments",
  UnexpectedEndOfString: "a closing double quote",
  UnexpectedEndOfNumber: "a number such as 12, -0.5 or 1e3",
  InvalidUnicode: "\\u and four hex digits",
  InvalidEscapeCharacter: 'an escape JSON has: \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u and four hex digits',
  InvalidCharacter: "no control characters inside a string (write \\n or \\t)",
};

/** jsonc-parser's SyntaxKind values (a const enum, which isolated modules cannot read). */
const TOKEN = { lineComment: 12, blockComment: 13, eof: 17 } as const;

/** The text with every comment's characters but its line breaks written as spaces. */
function blankComments(text: string): string {
  // jsonc-parser's scanner reads tokens one after another, without recursion: deep nesting cannot exhaust it.
  const ranges: [number, number][] = [];
  const scanner = createScanner(text, false);
  for (let token = scanner.scan(); token !== TOKEN.eof; token = scanner.scan()) {
    if (token === TOKEN.lineComment || token === TOKEN.blockComment) {
      ranges.push([scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength()]);
    }
  }
  if (ranges.length === 0) return text;
  let out = "";
  let at = 0;
  for (const [start, end] of ranges) {
    out += text.slice(at, start) + text.slice(start, end).replace(/[^\r\n]/g, " ");
    at = end;
  }
  return out + text.slice(at);
}

/**
 * A syntax error as one problem at its line and column. JSON.parse's own messages carry no position for most
 * errors, so jsonc-parser (strict: no comments, no trailing commas) finds where and what JSON wanted there.
 */
function jsonSyntaxProblem(text: string, message: string): Problem {
  if (text.trim() === "") return { path: [], place: "(file)", given: new Description("an empty file"), allowed: "JSON" };
  let first: { code: ParseErrorCode; offset: number } | undefined;
  visit(text, { onError: (code, offset) => void (first ??= { code, offset }) }, { disallowComments: true, allowTrailingComma: false });
  if (!first)
    return { path: [], place: "(file)", given: new Description("text that is not JSON"), allowed: `JSON (${message.split(",")[0]})` };
  const at = text.slice(first.offset, first.offset + 20);
  return {
    path: [],
    place: `(${lineAndColumn(text, first.offset)})`,
    given: at === "" ? new Description("the end of the file") : at,
    allowed: `JSON: ${EXPECTED[printParseErrorCode(first.code)] ?? printParseErrorCode(first.code)} here`,
  };
}

function schemaProblem(error: ErrorObject, data: unknown): Problem {
  const at = pathFromPointer(error.instancePath, data);
  const schema = error.parentSchema as { description?: string; properties?: Record<string, { description?: string }> };
  switch (error.keyword) {
    case "required": {
      const key = (error.params as { missingProperty: string }).missingProperty;
      return { path: [...at, key], given: undefined, allowed: schema.properties?.[key]?.description ?? "a value" };
    }
    case "additionalProperties": {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const keys = Object.keys(schema.properties ?? {});
      const near = nearestKey(key, keys);
      return {
        path: [...at, key],
        given: (error.data as Record<string, unknown>)[key],
        allowed: `no key ${JSON.stringify(key)} here${near ? ` (did you mean ${JSON.stringify(near)}?)` : ""}; the keys are: ${keys.join(", ")}`,
      };
    }
    case "type": {
      // Leaf descriptions say their type in words ("an integer number of seconds ..."); objects' do not.
      const type = (error.params as { type: string }).type;
      return { path: at, given: error.data, allowed: type === "object" ? `an object: ${schema.description}` : `${schema.description}` };
    }
    case "enum": {
      const allowed = schema.description ?? error.message ?? error.keyword;
      return {
        path: at,
        given: error.data,
        allowed: withMeant(allowed, error.data, (error.params as { allowedValues: unknown[] }).allowedValues),
      };
    }
    default:
      return { path: at, given: error.data, allowed: schema.description ?? error.message ?? error.keyword };
  }
}

/** A JSON pointer into `data` as a path: a list's indexes as numbers, every other key as a string. */
function pathFromPointer(pointer: string, data: unknown): Path {
  const keys = pointer
    .split("/")
    .slice(1)
    .map((key) => key.replace(/~1/g, "/").replace(/~0/g, "~"));
  const path: (string | number)[] = [];
  let at = data;
  for (const key of keys) {
    const step = Array.isArray(at) ? Number(key) : key;
    path.push(step);
    at = (at as Record<string | number, unknown>)?.[step];
  }
  return path;
}
