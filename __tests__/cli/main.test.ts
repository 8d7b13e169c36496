/**
 * The CLI's dispatcher and registry (lib/cli): every command listed and answering --help, one message for an
 * unknown command, the version, the pipeline's credentials for a deployment with a prefix; and the npm scripts of this
 * repository and of the scaffold, which the registry derives.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { COMMANDS, packageScripts, scaffoldScripts } from "../../lib/cli/commands";
import { shownCommands } from "../../lib/cli/help";
import { cli, usage } from "../../lib/cli/main";
import { helpText, OptionDeclaration, usageLine } from "../../lib/shared/command-declaration";
import { COMMAND_NAMES, CommandName } from "../../lib/shared/typed-command";
import { capturedIo } from "../support/captured-io";
import { tempDir } from "../support/temp-dir";

const own = require("../../package.json");
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("genesys-scv-oauth-client", () => {
  it("lists the commands the issue names, and init's helpers, each with a summary", () => {
    const shown = shownCommands(COMMANDS);
    for (const name of ["init", "check", "synth", "diff", "deploy", "destroy", "output", "adopt", "plan-summary", "lock", "deployments"])
      expect(shown).toContain(name);
    for (const name of shown) expect(usage()).toContain(`  ${name} `);
    expect(usage()).not.toMatch(/^ {2}app /m);
  });

  it.each(shownCommands(COMMANDS))("%s --help: its usage, exit 0", async (name) => {
    const { io, out, err } = capturedIo();
    expect(await cli([name, "--help"], {}, io)).toBe(0);
    expect(out()).toMatch(/^usage: /);
    expect(err()).toBe("");
  });

  it.each(shownCommands(COMMANDS).filter((name) => !COMMANDS[name as CommandName].passThrough))(
    "%s: an option it does not declare is one message naming what is allowed, exit 1, nothing run",
    async (name) => {
      const { io, out, err } = capturedIo();
      expect(await cli([name, "--no-such-option", "--help"], {}, io)).toBe(1);
      expect(out()).toBe("");
      expect(err()).toMatch(
        new RegExp(
          `^${name}: options: given "--no-such-option"; allowed: .*-h/--help \\(npx genesys-scv-oauth-client ${name} --help says what each does\\)\n$`,
        ),
      );
    },
  );

  describe.each(shownCommands(COMMANDS))(
    "%s: every mistake on its command line is one message in one form, exit 1, nothing run",
    (name) => {
      const command = COMMANDS[name as CommandName];
      const refused = async (argv: string[]) => {
        const { io, out, err } = capturedIo();
        const code = await cli([name, ...argv], {}, io);
        return { code, out: out(), err: err() };
      };
      const form = (place: string, given: string) => new RegExp(`^${escape(`${name}: ${place}: given ${given}; allowed: `)}.+\n$`);

      it("writes every value one way: <lower-case words>, in its usage, its help and its messages", () => {
        const values = Object.values(command.options).flatMap((o) => (o.type === "string" ? [o.value ?? "value"] : []));
        for (const value of [...values, ...(command.arguments ? [command.arguments.name] : [])]) expect(value).toMatch(/^[a-z][a-z ]*$/);
        expect(helpText(command)).not.toMatch(/--[a-z-]+ (?:[A-Z]{2,}|<[^>]*[A-Z][^>]*>)/);
        // A repeatable option reads as the option repeated, never as several values after it.
        expect(usageLine(command)).not.toMatch(/--[a-z-]+ <[^>]+>\.\.\./);
      });

      it("too few arguments, or too many", async () => {
        const declared = command.arguments;
        if (declared === undefined) {
          if (command.passThrough) return;
          expect(await refused(["x", "y"])).toEqual({
            code: 1,
            out: "",
            err: expect.stringMatching(form("arguments", '2 arguments ("x", "y")')),
          });
          return;
        }
        const place = `<${declared.name}>`;
        if (declared.min === 1)
          expect(await refused([])).toEqual({ code: 1, out: "", err: `${name}: ${place}: given nothing; allowed: ${declared.allowed}\n` });
        if (declared.max === 1)
          expect(await refused(["x", "y"])).toEqual({
            code: 1,
            out: "",
            err: `${name}: ${place}: given 2 arguments ("x", "y"); allowed: ${declared.allowed}\n`,
          });
      });

      it("an option given twice, or without its value", async () => {
        for (const [option, declared] of Object.entries(command.options)) await optionMistakes(option, declared);
      });

      async function optionMistakes(option: string, declared: OptionDeclaration) {
        const twice = declared.type === "string" ? [`--${option}`, "a", `--${option}`, "b"] : [`--${option}`, `--${option}`];
        if (!declared.repeatable)
          expect(await refused(twice)).toEqual({
            code: 1,
            out: "",
            err: `${name}: --${option}: given 2 times${declared.type === "string" ? ' ("a", "b")' : ""}; allowed: once\n`,
          });
        if (declared.type === "string") {
          const value = `<${declared.value ?? "value"}>`;
          expect(await refused([`--${option}`])).toEqual({
            code: 1,
            out: "",
            err: `${name}: --${option}: given nothing; allowed: --${option} ${value} (a value starting with "-" as --${option}=${value})\n`,
          });
        }
      }
    },
  );

  it("an unknown command is one message and exit 1; none at all prints the list to stderr", async () => {
    const unknown = capturedIo();
    expect(await cli(["plan"], {}, unknown.io)).toBe(1);
    expect(unknown.err()).toBe(`genesys-scv-oauth-client: <command>: given "plan"; allowed: ${shownCommands(COMMANDS).join(", ")}\n`);
    const mistyped = capturedIo();
    expect(await cli(["adoptt"], {}, mistyped.io)).toBe(1);
    expect(mistyped.err()).toBe(
      `genesys-scv-oauth-client: <command>: given "adoptt"; allowed: ${shownCommands(COMMANDS).join(", ")} (did you mean "adopt"?)\n`,
    );
    const none = capturedIo();
    expect(await cli([], {}, none.io)).toBe(1);
    expect(none.err()).toContain("Commands:");
  });

  it.each([
    ["deployments", ""],
    ["lock", "\nlock: nothing was run; .terraform.lock.hcl is unchanged."],
  ])("%s: a deployments file with a problem ends with what was not done, and only what it would have done", async (name, ending) => {
    const file = join(tempDir("cli-"), "deployments.json");
    writeFileSync(file, '{ "deployments": 1 }');
    const { io, out, err } = capturedIo();
    expect(await cli([name], { DEPLOYMENTS_FILE: file }, io)).toBe(1);
    expect(out()).toBe("");
    expect(err()).toBe(
      `${file} has 1 problem:\n  - deployments: given 1; allowed: a list of deployments (empty: nothing to plan or deploy yet)${ending}\n`,
    );
  });

  it("--version is the package's", async () => {
    const { io, out } = capturedIo();
    expect(await cli(["--version"], {}, io)).toBe(0);
    expect(out()).toBe(`${own.version}\n`);
  });

  it("SCV_CREDENTIALS_DEPLOYMENT naming no deployment is one message before the command runs", async () => {
    const dir = tempDir("cli-");
    const file = join(dir, "deployments.json");
    writeFileSync(
      file,
      JSON.stringify({
        deployments: [{ name: "eu", genesysCloud: { region: "eu-west-1", credentials: "EU" }, salesforce: { myDomain: "acme" } }],
      }),
    );
    const { io, err } = capturedIo();
    expect(await cli(["deployments"], { DEPLOYMENTS_FILE: file, SCV_CREDENTIALS_DEPLOYMENT: "us" }, io)).toBe(1);
    expect(err()).toBe('SCV_CREDENTIALS_DEPLOYMENT is "us", which names no deployment of the deployments file; allowed: eu\n');
  });
});

describe("the npm scripts come from the registry", () => {
  it("the registry is keyed by exactly the command names messages use (typed-command.ts), each its declaration's name", () => {
    expect(Object.keys(COMMANDS).sort()).toEqual([...COMMAND_NAMES].sort());
    for (const [name, command] of Object.entries(COMMANDS)) expect(command.name).toBe(name);
  });

  it("this repository's package.json has the registry's script for every command, and no other script runs the bin", () => {
    const derived = packageScripts();
    expect(Object.keys(derived)).toEqual(shownCommands(COMMANDS));
    for (const [name, script] of Object.entries(derived)) expect([name, own.scripts[name]]).toEqual([name, script]);
    // A variant (synth:hcl) is its command's script with options after it.
    const runsBin = Object.entries(own.scripts as Record<string, string>).filter(([, script]) => script.includes("dist/cli/"));
    for (const [name, script] of runsBin) {
      const command = name.split(":")[0];
      expect([name, Object.hasOwn(derived, command) && (script === derived[command] || script.startsWith(`${derived[command]} `))]).toEqual(
        [name, true],
      );
    }
  });

  it("the scaffold's scripts are one per command a person types, each the installed bin", () => {
    expect(scaffoldScripts()).toEqual(Object.fromEntries(shownCommands(COMMANDS).map((n) => [n, `genesys-scv-oauth-client ${n}`])));
  });

  it("no command's help names this repository's npm run form", async () => {
    for (const name of shownCommands(COMMANDS)) {
      const { io, out } = capturedIo();
      await cli([name, "--help"], {}, io);
      expect([name, out().match(/npm run [\w-]+/g)]).toEqual([name, null]);
    }
  });
});
