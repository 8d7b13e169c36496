/**
 * Reading and parsing JSON input (the deployments file and plan files): what is taken as JSON.parse takes it,
 * and what is refused as one problem with where it is.
 */
import fc from "fast-check";
import { spawnSync } from "child_process";
import { statSync, writeFileSync } from "fs";
import { createServer } from "net";
import { join } from "path";
import { InputError } from "../../lib/construct";
import { MAX_JSON_DEPTH, parseJson, readTextFile } from "../../lib/shared/json-input";
import { tempDir } from "../support/temp-dir";

function problemsOf(run: () => unknown) {
  try {
    run();
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
  throw new Error("no InputError");
}

function refusedByJsonParse(text: string): boolean {
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}

/** JSON values whose numbers JavaScript holds exactly: the input parseJson must read as JSON.parse does. */
const exactJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.string({ unit: "binary" }),
    fc.maxSafeInteger(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Number.isInteger(x) || Number.isSafeInteger(x)),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie("value"), { maxKeys: 4 }),
  ),
})).value;

describe("parseJson", () => {
  it("reads any JSON with exact numbers and unique keys as JSON.parse does", () => {
    fc.assert(
      fc.property(exactJson, fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        expect(parseJson(text, "input.json")).toEqual(JSON.parse(text));
      }),
    );
  });

  it("refuses a key given twice in any object, at any depth, naming its path", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b-c", "0"), { maxLength: 6 }), fc.string({ minLength: 1, maxLength: 8 }), (keys, key) => {
        const inner = `{${JSON.stringify(key)}: 1, ${JSON.stringify(key)}: 2}`;
        const text = keys.reduceRight((nested, k) => `{${JSON.stringify(k)}: ${nested}}`, inner);
        const message = problemsOf(() => parseJson(text, "input.json"));
        expect(message).toContain(`given the key ${JSON.stringify(key)} a second time`);
        expect(message).toContain("1 problem");
      }),
    );
  });

  it(`takes nesting ${MAX_JSON_DEPTH} levels deep and refuses one level more`, () => {
    const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
    expect(() => parseJson(nested(MAX_JSON_DEPTH), "input.json")).not.toThrow();
    expect(problemsOf(() => parseJson(nested(MAX_JSON_DEPTH + 1), "input.json"))).toContain(`nested more than ${MAX_JSON_DEPTH} levels deep`);
  });

  it.each(["", "   ", "\n\t\n"])("calls the text %j an empty file", (text) => {
    expect(problemsOf(() => parseJson(text, "input.json"))).toContain("(file): given an empty file; allowed: JSON");
  });

  it("shows a number JavaScript cannot hold as it was written", () => {
    expect(parseJson('{"a": [1e400, 12345678901234567890, 1.5]}', "input.json")).toEqual({
      a: [expect.objectContaining({ text: "1e400" }), expect.objectContaining({ text: "12345678901234567890" }), 1.5],
    });
  });

  it("names the line and column of a syntax error, and what JSON wants there", () => {
    expect(problemsOf(() => parseJson('{\n  "a": 1,\n  "b": }', "input.json"))).toContain('(line 3, column 8): given "}"; allowed: JSON: a value here');
    expect(problemsOf(() => parseJson('{"a": 1,}', "input.json"))).toContain("(line 1, column 9): given \"}\"; allowed: JSON: a key in double quotes here");
    expect(problemsOf(() => parseJson('{"a": 1 // note\n}', "input.json"))).toContain("allowed: JSON: no comments here");
    expect(problemsOf(() => parseJson('{"a": [1, 2', "input.json"))).toContain("(line 1, column 12): given the end of the file; allowed: JSON: a ] closing the list here");
  });

  it("puts every text JSON.parse refuses at one line and column, never echoing the whole file", () => {
    const edits = fc.constantFrom(..."{}[]\",:01-eE.tfn \\/\t\nx\u0001");
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.nat(), fc.boolean(), edits, (value, i, remove, c) => {
        const text = JSON.stringify(value);
        const at = i % (text.length + 1);
        const broken = remove ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + c + text.slice(at);
        fc.pre(broken.trim() !== "" && refusedByJsonParse(broken));
        const message = problemsOf(() => parseJson(broken, "input.json"));
        expect(message).toMatch(/^input\.json has 1 problem:\n {2}- \(line \d+, column \d+\): given .{0,130}; allowed: JSON: [^\n]+ here$/s);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("readTextFile", () => {
  const dir = tempDir("json-input-");
  const file = (name: string, bytes: Buffer | string) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };

  it("drops a UTF-8 byte order mark", () => {
    expect(readTextFile(file("bom.json", Buffer.from("\ufeff{}", "utf8")), "a JSON file")).toBe("{}");
  });

  it.each([
    ["UTF-16 with a byte order mark", Buffer.from("\ufeff{}", "utf16le"), "a UTF-16 text file"],
    ["UTF-16 without one", Buffer.from("{}", "utf16le"), "UTF-16 text without a byte order mark"],
    ["a ZIP archive", Buffer.from("PK\x03\x04rest", "latin1"), "a ZIP archive"],
    ["Latin-1 text", Buffer.from('{"a": "caf\xe9"}', "latin1"), "bytes that are not UTF-8 text (at byte offset 10)"],
  ])("names %s", (_what, bytes, words) => {
    expect(problemsOf(() => readTextFile(file("input.json", bytes), "a JSON file"))).toContain(words);
  });

  it("says why a file cannot be read, and how to name another", () => {
    const message = problemsOf(() => readTextFile(join(dir, "missing.json"), "a JSON file", { hint: "; set FILE" }));
    expect(message).toContain("allowed: a JSON file (it does not exist); set FILE");
    expect(problemsOf(() => readTextFile(dir, "a JSON file"))).toContain("(it is a folder)");
  });
});

describe("readTextFile: size", () => {
  it("refuses a file larger than the limit before reading it", () => {
    const file = join(tempDir("json-input-"), "big.json");
    writeFileSync(file, "x".repeat(3 * 1024 * 1024));
    expect(problemsOf(() => readTextFile(file, "a JSON file", { maxBytes: 1024 * 1024 }))).toContain(
      "(file): given a file of 3 MiB; allowed: a JSON file, of at most 1 MiB",
    );
    expect(readTextFile(file, "a JSON file").length).toBe(3 * 1024 * 1024);
  });
});

describe("readTextFile: only regular files, refused before any read", () => {
  const dir = tempDir("json-input-special-");

  it("refuses a FIFO at once, with nobody writing to it (it used to wait forever)", () => {
    const fifo = join(dir, "deployments.json");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    expect(problemsOf(() => readTextFile(fifo, "a JSON file"))).toContain(
      "(file): given a FIFO (a named pipe, or a shell's process substitution), not a regular file; allowed: a JSON file: a regular file",
    );
  });

  it.each(["/dev/zero", "/dev/urandom", "/dev/null"])("refuses the character device %s (/dev/zero used to fill the memory)", (device) => {
    expect(problemsOf(() => readTextFile(device, "a JSON file"))).toContain("given a character device (such as /dev/zero or a terminal), not a regular file");
  });

  it("refuses a socket", async () => {
    const socket = join(dir, "plan.sock");
    const server = createServer().listen(socket);
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      expect(problemsOf(() => readTextFile(socket, "a JSON file"))).toContain("given a socket, not a regular file");
    } finally {
      server.close();
    }
  });

  it("holds the size limit to what is read, not to what stat says (/proc files say 0 bytes)", () => {
    expect(statSync("/proc/self/maps").size).toBe(0);
    expect(problemsOf(() => readTextFile("/proc/self/maps", "a JSON file", { maxBytes: 16 }))).toContain(
      "(file): given a file of more than 16 bytes; allowed: a JSON file, of at most 16 bytes",
    );
  });
});
