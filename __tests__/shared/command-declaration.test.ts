/**
 * The one way a command is declared (lib/shared/command-declaration.ts): its help, its usage line and every message
 * for arguments it refuses come from the declaration, in one form (`<command>: <where>: given <what>; allowed: …`).
 */
import { declareCommand, helpText, parseCommand, runCommand, usageLine } from "../../lib/shared/command-declaration";
import { capturedIo } from "../support/captured-io";

const ran: unknown[] = [];
const example = declareCommand({
  name: "adopt",
  summary: "an example",
  arguments: { name: "name", min: 1, allowed: "one or more names" },
  description: "What it does.",
  options: {
    write: { type: "boolean", description: "write it" },
    note: { type: "string", value: "file", description: "the note's file" },
  },
  epilogue: "Exit code: 0.",
  run: (parsed) => {
    ran.push(parsed);
    return 0;
  },
});
const noArguments = declareCommand({ name: "deployments", summary: "", description: "Lists.", options: {}, run: () => 0 });

async function run(command: typeof example | typeof noArguments, argv: string[]) {
  const { io, out, err } = capturedIo();
  const code = await runCommand(command, argv, {}, io);
  return { code, out: out(), err: err() };
}

describe("a declared command's help", () => {
  it("is its usage line (the typed form), what it does, one line an option (--help last), its epilogue", () => {
    expect(helpText(example)).toBe(
      [
        "usage: npx genesys-scv-oauth-client adopt <name>... [--write] [--note <file>]",
        "",
        "What it does.",
        "",
        "  --write        write it",
        "  --note <file>  the note's file",
        "  -h, --help     this text",
        "",
        "Exit code: 0.",
      ].join("\n"),
    );
  });

  it.each([["--help"], ["-h"], ["x", "--help"]])("%s prints it, exit 0, and nothing runs", async (...argv) => {
    expect(await run(example, argv)).toEqual({ code: 0, out: `${helpText(example)}\n`, err: "" });
  });

  it("a pass-through command's usage line names the options it hands on", () => {
    const passing = declareCommand({ ...noArguments, passThrough: { usage: "[cdktf options]", withValue: [] } });
    expect(usageLine(passing)).toBe("usage: npx genesys-scv-oauth-client deployments [cdktf options]");
  });
});

describe("every argument a declaration refuses is one message in one form, exit 1, and nothing runs", () => {
  const allowed = "--write, --note <file>, -h/--help (npx genesys-scv-oauth-client adopt --help says what each does)";
  it.each([
    [["--zzz"], `adopt: options: given "--zzz"; allowed: ${allowed}`],
    [["-x"], `adopt: options: given "-x"; allowed: ${allowed}`],
    [["--wrte"], `adopt: options: given "--wrte"; allowed: ${allowed} (did you mean "--write"?)`],
    [["a", "--note"], `adopt: --note: given nothing; allowed: --note <file> (a value starting with "-" as --note=<file>)`],
    [["a", "--note", "--write"], `adopt: --note: given nothing; allowed: --note <file> (a value starting with "-" as --note=<file>)`],
    [["--write=yes"], `adopt: --write: given "yes"; allowed: --write alone, without a value`],
    [["a", "--note", "a", "--note=b"], `adopt: --note: given 2 times ("a", "b"); allowed: once`],
    [["a", "--write", "--write"], `adopt: --write: given 2 times; allowed: once`],
    [[], `adopt: <name>: given nothing; allowed: one or more names`],
    [["--write"], `adopt: <name>: given nothing; allowed: one or more names`],
  ])("%j", async (argv, message) => {
    ran.length = 0;
    expect(await run(example, argv)).toEqual({ code: 1, out: "", err: `${message}\n` });
    expect(ran).toEqual([]);
  });

  it.each([
    [["x"], '"x"'],
    [["x", "y"], '2 arguments ("x", "y")'],
    [["--", "x"], '"x"'],
  ])("an argument to a command that takes none: %j", async (argv, given) => {
    expect(await run(noArguments, argv)).toEqual({
      code: 1,
      out: "",
      err: `deployments: arguments: given ${given}; allowed: none: -h/--help (npx genesys-scv-oauth-client deployments --help says what each does)\n`,
    });
  });

  it.each([
    [{ min: 1, max: 1 }, "<folder>", [[], ["a", "b"]], [["a"]]],
    [{ min: 0, max: 1 }, "[<folder>]", [["a", "b"]], [[], ["a"]]],
    [{ min: 1 }, "<folder>...", [[]], [["a"], ["a", "b", "c"]]],
    [{ min: 0 }, "[<folder>...]", [], [[], ["a", "b"]]],
  ] as const)("arguments %j: shown %s, too few or too many refused by the declaration", (count, shown, refused, taken) => {
    const command = declareCommand({
      name: "init",
      summary: "",
      arguments: { name: "folder", ...count, allowed: "what is allowed" },
      description: "",
      options: {},
      run: () => 0,
    });
    expect(usageLine(command)).toBe(`usage: npx genesys-scv-oauth-client init ${shown}`);
    for (const argv of refused)
      expect(parseCommand(command, [...argv])).toEqual({
        problem: { path: [], place: "<folder>", given: argv.length === 0 ? undefined : expect.anything(), allowed: "what is allowed" },
      });
    for (const argv of taken) expect(parseCommand(command, [...argv])).toMatchObject({ parsed: { positionals: argv } });
  });

  it("--help is answered whatever the arguments", () => {
    expect(parseCommand(example, ["--help"])).toEqual({ help: true });
    expect(parseCommand(noArguments, ["x", "--help"])).toEqual({ help: true });
  });
});

describe("what a declaration parses", () => {
  it("values by option, the rest in order; a value may start with - when written --opt=value, and after -- everything is an argument", () => {
    expect(parseCommand(example, ["a", "--note=-x", "--write", "--", "--b"])).toEqual({
      parsed: { values: { note: "-x", write: true }, positionals: ["a", "--b"], passed: [] },
    });
  });

  it("a negative number is a value, not an option", () => {
    expect(parseCommand(example, ["a", "--note", "-2"])).toEqual({ parsed: { values: { note: "-2" }, positionals: ["a"], passed: [] } });
  });

  it("a repeatable option's values in the order given (also once: a list of one), shown as repeating the option in the usage and its help; any other given twice is refused", () => {
    const repeatable = declareCommand({
      name: "plan-summary",
      summary: "",
      arguments: { name: "plan", min: 0, allowed: "plans" },
      description: "Sums up.",
      options: {
        report: { type: "string", value: "file", repeatable: true, description: "a report" },
        json: { type: "string", value: "file", description: "the verdict" },
      },
      run: () => 0,
    });
    expect(parseCommand(repeatable, ["--report", "a", "p", "--report=b"])).toEqual({
      parsed: { values: { report: ["a", "b"] }, positionals: ["p"], passed: [] },
    });
    expect(parseCommand(repeatable, ["--report", "a"])).toEqual({ parsed: { values: { report: ["a"] }, positionals: [], passed: [] } });
    expect(usageLine(repeatable)).toBe("usage: npx genesys-scv-oauth-client plan-summary [<plan>...] [--report <file>]... [--json <file>]");
    expect(helpText(repeatable)).toContain("  --report <file>  a report (give it once per <file>)\n");
    expect(parseCommand(repeatable, ["--json", "a", "--json", "b"])).toMatchObject({ problem: { place: "--json", allowed: "once" } });
  });
});
