/**
 * Reading and parsing JSON input (the deployments file and plan files): what is taken as JSON.parse takes it,
 * and what is refused as one problem with where it is.
 */
import fc from "fast-check";
import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "fs";
import { createServer } from "net";
import { dirname, join } from "path";
import {
  ALLOWED_NUMBER,
  besideFileProblem,
  MAX_JSON_DEPTH,
  parseJson,
  readFileBeside,
  readTextFile,
  writeFileBeside,
} from "../../lib/shared/json-input";
import { Description, InputError, Problem } from "../../lib/shared/problems";
import { binaryString } from "../support/fast-check";
import { tempDir } from "../support/temp-dir";

/** The InputError's problems (path, place, given, allowed); fails the test when `run` throws none. */
function problemsOf(run: () => unknown): Problem[] {
  try {
    run();
  } catch (e) {
    if (e instanceof InputError) return [...e.problems];
    throw e;
  }
  throw new Error("no InputError");
}

/** A problem outside the data (a file, a line and column): where, what was given, what is allowed. */
const at = (place: string, given: unknown, allowed: string) => ({ path: [], place, given, allowed });

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
    binaryString(),
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
        const problems = problemsOf(() => parseJson(text, "input.json"));
        expect(problems).toHaveLength(1);
        expect(problems[0].path).toEqual([...keys, key]);
        expect((problems[0].given as Description).text.startsWith(`the key ${JSON.stringify(key)} a second time`)).toBe(true);
        expect(problems[0].allowed).toMatch(/^each key once in an object \(the first .* is at line \d+, column \d+\)$/);
      }),
    );
  });

  it(`takes nesting ${MAX_JSON_DEPTH} levels deep and refuses one level more`, () => {
    const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
    expect(() => parseJson(nested(MAX_JSON_DEPTH), "input.json")).not.toThrow();
    expect(problemsOf(() => parseJson(nested(MAX_JSON_DEPTH + 1), "input.json"))).toEqual([
      at(
        "(line 1, column 257)",
        new Description(`objects and lists nested more than ${MAX_JSON_DEPTH} levels deep`),
        `JSON nested at most ${MAX_JSON_DEPTH} levels deep`,
      ),
    ]);
  });

  it.each(["", "   ", "\n\t\n"])("calls the text %j an empty file", (text) => {
    expect(problemsOf(() => parseJson(text, "input.json"))).toEqual([at("(file)", new Description("an empty file"), "JSON")]);
  });

  it("reports each number JavaScript cannot hold exactly as a problem at its path, given as written", () => {
    let error: unknown;
    try {
      parseJson('{"a": [1e400, 12345678901234567890, 1.5], "b": {"c": -1e400}, "d": 9007199254740991}', "input.json");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toStrictEqual([
      { path: ["a", 0], given: new Description("1e400"), allowed: ALLOWED_NUMBER },
      { path: ["a", 1], given: new Description("12345678901234567890"), allowed: ALLOWED_NUMBER },
      { path: ["b", "c"], given: new Description("-1e400"), allowed: ALLOWED_NUMBER },
    ]);
    // The wording, once.
    expect((error as Error).message.split("\n")[1]).toBe(
      "  - a[0]: given 1e400; allowed: a number JavaScript holds exactly: a whole number from -9007199254740991 to 9007199254740991, or a decimal within ±1.8e308",
    );
  });

  it("returns plain data: what JSON.parse reads", () => {
    const text = '{"a": [1, -0.5, 1e3, 9007199254740991, null, true, "x"], "b": {}}';
    expect(parseJson(text, "input.json")).toStrictEqual(JSON.parse(text));
  });

  it("names the line and column of a syntax error, and what JSON wants there", () => {
    expect(problemsOf(() => parseJson('{\n  "a": 1,\n  "b": }', "input.json"))).toEqual([
      at("(line 3, column 8)", "}", "JSON: a value here"),
    ]);
    expect(problemsOf(() => parseJson('{"a": 1,}', "input.json"))).toEqual([
      at("(line 1, column 9)", "}", "JSON: a key in double quotes here"),
    ]);
    expect(problemsOf(() => parseJson('{"a": 1 // note\n}', "input.json"))).toEqual([
      at("(line 1, column 9)", "// note\n}", "JSON: no comments here"),
    ]);
    expect(problemsOf(() => parseJson('{"a": [1, 2', "input.json"))).toEqual([
      at("(line 1, column 12)", new Description("the end of the file"), "JSON: a ] closing the list here"),
    ]);
  });

  it("puts every text JSON.parse refuses at one line and column, never echoing the whole file", () => {
    const edits = fc.constantFrom(...'{}[]",:01-eE.tfn \\/\t\nx\u0001');
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.nat(), fc.boolean(), edits, (value, i, remove, c) => {
        const text = JSON.stringify(value);
        const at = i % (text.length + 1);
        const broken = remove ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + c + text.slice(at);
        fc.pre(broken.trim() !== "" && refusedByJsonParse(broken));
        const problems = problemsOf(() => parseJson(broken, "input.json"));
        // One problem, at a line and column, quoting at most 20 characters of the file. A boolean rather than expect:
        // 2,000 rounds of expect cost twice the parsing; fast-check names the text that fails.
        const [problem] = problems;
        return (
          problems.length === 1 &&
          problem.path.length === 0 &&
          /^\(line \d+, column \d+\)$/.test(problem.place ?? "") &&
          problem.given !== undefined &&
          problem.given !== null &&
          /^JSON: .+ here$/.test(problem.allowed) &&
          !(typeof problem.given === "string" && problem.given.length > 20)
        );
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
    const [problem] = problemsOf(() => readTextFile(file("input.json", bytes), "a JSON file"));
    expect(problem).toMatchObject({ path: [], place: "(file)" });
    expect((problem.given as Description).text).toContain(words);
  });

  it("says why a file cannot be read, and how to name another", () => {
    const missing = join(dir, "missing.json");
    expect(problemsOf(() => readTextFile(missing, "a JSON file", { hint: "; set FILE" }))).toEqual([
      at("(file)", missing, "a JSON file (it does not exist); set FILE"),
    ]);
    expect(problemsOf(() => readTextFile(dir, "a JSON file"))).toEqual([at("(file)", dir, "a JSON file (it is a folder)")]);
  });
});

describe("readTextFile: size", () => {
  it("refuses a file larger than the limit before reading it", () => {
    const file = join(tempDir("json-input-"), "big.json");
    writeFileSync(file, "x".repeat(3 * 1024 * 1024));
    expect(problemsOf(() => readTextFile(file, "a JSON file", { maxBytes: 1024 * 1024 }))).toEqual([
      at("(file)", new Description("a file of 3 MiB"), "a JSON file, of at most 1 MiB"),
    ]);
    expect(readTextFile(file, "a JSON file").length).toBe(3 * 1024 * 1024);
  });

  it("says a size of one byte in the singular", () => {
    const file = join(tempDir("json-input-"), "two.json");
    writeFileSync(file, "{}");
    expect(problemsOf(() => readTextFile(file, "a JSON file", { maxBytes: 1 }))).toEqual([
      at("(file)", new Description("a file of 2 bytes"), "a JSON file, of at most 1 byte"),
    ]);
  });
});

describe("readTextFile: only regular files, refused before any read", () => {
  const dir = tempDir("json-input-special-");

  it.each(["/dev/zero", "/dev/urandom", "/dev/null"])("refuses the character device %s (/dev/zero used to fill the memory)", (device) => {
    expect(problemsOf(() => readTextFile(device, "a JSON file"))).toEqual([
      at(
        "(file)",
        new Description("a character device (such as /dev/zero or a terminal), not a regular file"),
        "a JSON file: a regular file",
      ),
    ]);
  });

  it("refuses a socket", async () => {
    const socket = join(dir, "plan.sock");
    const server = createServer().listen(socket);
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      expect(problemsOf(() => readTextFile(socket, "a JSON file"))).toEqual([
        at("(file)", new Description("a socket, not a regular file"), "a JSON file: a regular file"),
      ]);
    } finally {
      server.close();
    }
  });

  it("holds the size limit to what is read, not to what stat says (/proc files say 0 bytes)", () => {
    expect(statSync("/proc/self/maps").size).toBe(0);
    expect(problemsOf(() => readTextFile("/proc/self/maps", "a JSON file", { maxBytes: 16 }))).toEqual([
      at("(file)", new Description("a file of more than 16 bytes"), "a JSON file, of at most 16 bytes"),
    ]);
  });
});

describe("files beside the deployments file: a FIFO, a folder, a device or a link out of the folder is one message naming the file", () => {
  const dir = tempDir("beside-");
  const allowed = "the provider lock file";
  const problemOf = (file: string, within = dir) => besideFileProblem(file, allowed, within)?.problems;

  it("absent, a regular file, or a link to one inside the folder: nothing against it", () => {
    writeFileSync(join(dir, "lock.hcl"), "x");
    symlinkSync(join(dir, "lock.hcl"), join(dir, "inside.hcl"));
    expect([problemOf(join(dir, "absent")), problemOf(join(dir, "lock.hcl")), problemOf(join(dir, "inside.hcl"))]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(readFileBeside(join(dir, "inside.hcl"), allowed, dir)).toBe("x");
    expect(readFileBeside(join(dir, "absent"), allowed, dir)).toBeUndefined();
  });

  it("a folder, a device, a link out of the folder, a link to nothing: one problem at (file), saying what it is", () => {
    mkdirSync(join(dir, "folder"));
    symlinkSync("/etc/passwd", join(dir, "out.hcl"));
    symlinkSync(join(dir, "gone"), join(dir, "dangling.hcl"));
    const at = (given: string, what = `${allowed}: a regular file`) => [
      { path: [], place: "(file)", given: new Description(given), allowed: what },
    ];
    const linked = `${allowed}: a regular file, or a symbolic link to one in ${dir}`;
    expect(problemOf(join(dir, "folder"))).toEqual(at("a folder"));
    expect(problemOf("/dev/null", "/dev")).toEqual(at("a character device (such as /dev/zero or a terminal), not a regular file"));
    expect(problemOf(join(dir, "out.hcl"))).toEqual(at('a symbolic link to "/etc/passwd", outside ' + dir, linked));
    expect(problemOf(join(dir, "dangling.hcl"))).toEqual(
      at(`a symbolic link to ${JSON.stringify(join(dir, "gone"))}, which points to nothing`, linked),
    );
    expect(() => readFileBeside(join(dir, "out.hcl"), allowed, dir)).toThrow(`${join(dir, "out.hcl")} has 1 problem:`);
  });

  it("a folder on the way that is a link out of the folder: refused, whether the file is there or not", () => {
    const outside = tempDir("beside-outside-");
    writeFileSync(join(outside, "a.tfstate"), "{}");
    symlinkSync(outside, join(dir, "state"));
    for (const file of [join(dir, "state", "a.tfstate"), join(dir, "state", "new.tfstate"), join(dir, "state", "deeper", "b.tfstate")]) {
      expect(problemOf(file)).toEqual([
        {
          path: [],
          place: "(file)",
          given: new Description(
            `a path through ${JSON.stringify(file.includes("deeper") ? join(dir, "state") : dirname(file))}, which is ${JSON.stringify(outside)}, outside ${dir}`,
          ),
          allowed: `${allowed}: a regular file in ${dir}, through folders in it`,
        },
      ]);
    }
    expect(() => writeFileBeside(join(dir, "state", "new.tfstate"), "x", allowed, dir)).toThrow(/outside/);
    expect(existsSync(join(outside, "new.tfstate"))).toBe(false);
  });

  it("written whole through writeFileBeside, and never through a link out of the folder", () => {
    writeFileBeside(join(dir, "written.hcl"), "new\n", allowed, dir);
    expect(readFileSync(join(dir, "written.hcl"), "utf8")).toBe("new\n");
    expect(() => writeFileBeside(join(dir, "out.hcl"), "new\n", allowed, dir)).toThrow(/outside/);
    expect(readFileSync("/etc/passwd", "utf8")).not.toBe("new\n");
  });
});
