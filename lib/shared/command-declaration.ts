/**
 * The one way a command is declared: its name, the arguments of its usage line, its options (node:util parseArgs's
 * option config, each with a one-line description) and its run, which takes the parsed values. From a declaration
 * come its --help text (helpText), the command list (lib/cli/help.ts), the npm scripts (lib/cli/commands.ts) and one
 * form of message for every option, and every number of arguments, it refuses (`<command>: <where>: given <what>;
 * allowed: <what is allowed>`), and one way of writing a value (`--note <file>`, `<deployment name>`), so that
 * no command opens with a parser, a --help branch or a usage text of its own. A command that hands the options it does
 * not declare to another program (the cdktf runner's) says so with `passThrough`.
 */
import { parseArgs } from "util";
import { CommandIo } from "./command";
import { Description, describeProblem, InputError, Problem, withMeant } from "./problems";
import { CommandName, typed } from "./typed-command";

export interface OptionDeclaration {
  readonly type: "boolean" | "string";
  readonly short?: string;
  /**
   * The value's name, for a string option, in lower-case words (`file`): every usage line, help and message shows it
   * one way, `--note <file>`. `value` when absent.
   */
  readonly value?: string;
  /**
   * A string option that may be given more than once (`--drift-report a.json --drift-report b.json`): its values in
   * order. The usage line shows it as `[--drift-report <file>]...`, and its help line says to repeat the option.
   */
  readonly repeatable?: boolean;
  /** One line: what it does. */
  readonly description: string;
}

export type OptionDeclarations = Readonly<Record<string, OptionDeclaration>>;

/**
 * The arguments that are not options: what one is, how many are taken, and what is allowed, in words. The usage line
 * shows them from it (`<deployment name>`, `[<folder>]`, `<plan file or folder>...`), and a command line with too few
 * or too many is refused by the declaration, in the one form (`guard: <deployment name>: given nothing; allowed: …`).
 */
export interface ArgumentsDeclaration {
  /** What one argument is, in lower-case words: `deployment name`, shown `<deployment name>`. */
  readonly name: string;
  /** At least this many: 0 or 1. */
  readonly min: 0 | 1;
  /** At most one; any number when absent. */
  readonly max?: 1;
  /** What is allowed, in words, for the message that refuses too few or too many: "the name of one deployment". */
  readonly allowed: string;
}

/** The parsed values: a string for each string option given, true for each boolean one. */
export type OptionValues<O extends OptionDeclarations> = {
  readonly [K in keyof O]?: O[K]["type"] extends "string" ? (O[K]["repeatable"] extends true ? readonly string[] : string) : boolean;
};

export interface ParsedArguments<O extends OptionDeclarations> {
  readonly values: OptionValues<O>;
  /** The arguments that are not options, in order. */
  readonly positionals: readonly string[];
  /** With passThrough: every option not declared, each with its value where it takes one, in the order given; from a `--` on, everything as it was. */
  readonly passed: readonly string[];
}

/** Options a command hands on to another program as they are (the cdktf runner's: cdktf's own). */
export interface PassThrough {
  /** How the usage line names them: `[cdktf options]`. */
  readonly usage: string;
  /** Those of them that take the next argument as their value (`--output DIR`). */
  readonly withValue: readonly string[];
}

export interface CommandDeclaration<O extends OptionDeclarations = OptionDeclarations, C = never> {
  readonly name: CommandName;
  /** One line for the command list. */
  readonly summary: string;
  /** The arguments that are not options (ArgumentsDeclaration); none are taken when absent, unless passed through. */
  readonly arguments?: ArgumentsDeclaration;
  /** What the command does, after the usage line of its help. */
  readonly description: string;
  readonly options: O;
  /** After the options in its help: its exit codes, for instance. */
  readonly epilogue?: string;
  readonly passThrough?: PassThrough;
  /** Left out of the command list and the scripts: cdktf.json's app, not a command a person types. */
  readonly hidden?: boolean;
  /** The command's work; `context` is what a test gives in place of the real API or states (runCommand's last argument). */
  run(parsed: ParsedArguments<O>, env: NodeJS.ProcessEnv, io: CommandIo, context?: C): number | Promise<number>;
}

/** A declaration, typed from its options. */
export function declareCommand<O extends OptionDeclarations, C = never>(declaration: CommandDeclaration<O, C>): CommandDeclaration<O, C> {
  return declaration;
}

const HELP: OptionDeclaration = { type: "boolean", short: "h", description: "this text" };

/** Every option of the command, --help last. */
function allOptions(command: CommandDeclaration<OptionDeclarations, unknown>): [string, OptionDeclaration][] {
  return [...Object.entries(command.options), ["help", HELP]];
}

/** A value's placeholder, the one way every usage line, help and message writes it: `<file>`. */
export const placeholder = (name: string) => `<${name}>`;

/** An option as it is written once: `--note <file>`, `--write`. */
export const withValue = (name: string, option: OptionDeclaration) =>
  option.type === "string" ? `--${name} ${placeholder(option.value ?? "value")}` : `--${name}`;

/** How the usage line shows the arguments: `<name>` (one), `[<name>]` (one at most), `<name>...`, `[<name>...]`. */
export function argumentsUsage({ name, min, max }: ArgumentsDeclaration): string {
  const one = `${placeholder(name)}${max === 1 ? "" : "..."}`;
  return min === 0 ? `[${one}]` : one;
}

/** `usage: npx genesys-scv-oauth-client <name> <arguments> [--option <value>] [--repeatable <value>]... [passed-through options]`. */
export function usageLine(command: CommandDeclaration<OptionDeclarations, unknown>): string {
  return `usage: ${typed(
    command.name,
    ...(command.arguments === undefined ? [] : [argumentsUsage(command.arguments)]),
    ...Object.entries(command.options).map(([name, option]) => `[${withValue(name, option)}]${option.repeatable ? "..." : ""}`),
    ...(command.passThrough ? [command.passThrough.usage] : []),
  )}`;
}

/** The command's --help: the usage line, what it does, one line an option, then its epilogue. */
export function helpText(command: CommandDeclaration<OptionDeclarations, unknown>): string {
  const rows = allOptions(command).map(([name, option]) => [
    `${option.short ? `-${option.short}, ` : ""}${withValue(name, option)}`,
    option.repeatable ? `${option.description} (give it once per ${placeholder(option.value ?? "value")})` : option.description,
  ]);
  const width = Math.max(...rows.map(([left]) => left.length));
  return [
    usageLine(command),
    "",
    command.description,
    "",
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`),
    ...(command.epilogue === undefined ? [] : ["", command.epilogue]),
  ].join("\n");
}

/** The options as an allowed list reads them: `--write, --client-id <id>, -h/--help`. */
function allowedOptions(command: CommandDeclaration<OptionDeclarations, unknown>): string {
  const list = allOptions(command)
    .map(
      ([name, option]) =>
        `${option.short ? `-${option.short}/` : ""}${withValue(name, option)}${option.repeatable ? ` (once per ${placeholder(option.value ?? "value")})` : ""}`,
    )
    .join(", ");
  return `${list}${command.passThrough ? `, and ${command.passThrough.usage.replace(/^\[|\]$/g, "")}` : ""} (${typed(command.name, "--help")} says what each does)`;
}

/** What parseCommand makes of a command line: --help asked for, the parsed arguments, or the one problem with them. */
export type ParseResult<O extends OptionDeclarations> =
  { readonly help: true } | { readonly parsed: ParsedArguments<O> } | { readonly problem: Problem };

/** The command line parsed by the declaration: never throws for what the user typed. */
export function parseCommand<O extends OptionDeclarations>(
  command: CommandDeclaration<O, unknown>,
  argv: readonly string[],
): ParseResult<O> {
  const { own, passed } = command.passThrough ? splitPassedThrough(command, argv) : { own: [...argv], passed: [] };
  const config = Object.fromEntries(
    allOptions(command).map(([name, { type, short }]) => [name, { type, ...(short && { short }), multiple: true }]),
  );
  const { tokens } = parseArgs({ args: own, options: config, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, (string | boolean)[]> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === "option-terminator") continue;
    else if (token.kind === "positional") positionals.push(token.value);
    else {
      const option = Object.hasOwn(command.options, token.name) ? command.options[token.name] : token.name === "help" ? HELP : undefined;
      if (option === undefined)
        return {
          problem: {
            path: [],
            place: "options",
            given: token.rawName,
            allowed: withMeant(
              allowedOptions(command),
              token.rawName,
              allOptions(command).map(([name]) => `--${name}`),
            ),
          },
        };
      const place = `--${token.name}`;
      if (option.type === "boolean" && token.value !== undefined)
        return { problem: { path: [], place, given: token.value, allowed: `${place} alone, without a value` } };
      // The next argument is taken as the value unless it is an option: `--note --guard` gave --note none.
      const value = token.value;
      if (option.type === "string" && (value === undefined || (token.inlineValue !== true && /^-(?:-|[A-Za-z])/.test(value))))
        return {
          problem: {
            path: [],
            place,
            given: undefined,
            allowed: `${withValue(token.name, option)} (a value starting with "-" as ${place}=${placeholder(option.value ?? "value")})`,
          },
        };
      (values[token.name] ??= []).push(value ?? true);
    }
  }
  for (const [name, given] of Object.entries(values)) {
    if (given.length > 1 && name !== "help" && !command.options[name]?.repeatable)
      return {
        problem: {
          path: [],
          place: `--${name}`,
          // A flag's values are all `true`: how often it was given is all there is to say.
          given: new Description(
            `${given.length} times${given.every((v) => typeof v === "string") ? ` (${given.map((v) => JSON.stringify(v)).join(", ")})` : ""}`,
          ),
          allowed: "once",
        },
      };
  }
  if (values.help) return { help: true };
  const counted = argumentsProblem(command, positionals);
  if (counted) return { problem: counted };
  const once = Object.fromEntries(
    Object.entries(values).map(([name, given]) => [name, command.options[name]?.repeatable ? given : given[0]]),
  );
  return { parsed: { values: once as OptionValues<O>, positionals, passed } };
}

/**
 * Too few or too many arguments for the declaration, as one problem: `given nothing`, or how many were given and
 * each of them (`given 2 arguments ("a", "b")`); undefined when their number is allowed. A pass-through command
 * without arguments of its own hands every argument on.
 */
export function argumentsProblem(command: CommandDeclaration<OptionDeclarations, unknown>, given: readonly string[]): Problem | undefined {
  const declared = command.arguments;
  if (declared === undefined && command.passThrough) return undefined;
  const [min, max] = declared === undefined ? [0, 0] : [declared.min, declared.max ?? Infinity];
  if (given.length >= min && given.length <= max) return undefined;
  return {
    path: [],
    place: declared === undefined ? "arguments" : placeholder(declared.name),
    given: givenArguments(given),
    allowed: declared === undefined ? `none: ${allowedOptions(command)}` : declared.allowed,
  };
}

/** Arguments as a message shows them: nothing, the one given, or how many and each (`2 arguments ("a", "b")`). */
export function givenArguments(given: readonly string[]): unknown {
  if (given.length === 0) return undefined;
  if (given.length === 1) return given[0];
  return new Description(`${given.length} arguments (${given.map((a) => JSON.stringify(a)).join(", ")})`);
}

/**
 * The arguments the command reads itself (its options, the rest), apart from the options it hands on: an option it
 * does not declare goes on as it was given, with the next argument where it takes a value (`--output DIR`; `--output=DIR` is read as that).
 */
function splitPassedThrough(
  command: CommandDeclaration<OptionDeclarations, unknown>,
  argv: readonly string[],
): { own: string[]; passed: string[] } {
  const { withValue: takesValue } = command.passThrough!;
  const declared = new Set(allOptions(command).flatMap(([name, { short }]) => [`--${name}`, ...(short ? [`-${short}`] : [])]));
  const own: string[] = [];
  const passed: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      passed.push(...argv.slice(i));
      break;
    }
    const [name, ...inline] = arg.split("=");
    if (!arg.startsWith("-") || declared.has(name)) own.push(arg);
    else if (takesValue.includes(name) && inline.length > 0) passed.push(name, inline.join("="));
    else {
      passed.push(arg);
      if (takesValue.includes(arg) && i + 1 < argv.length) passed.push(argv[++i]);
    }
  }
  return { own, passed };
}

/** The help asked for (exit 0), or the one message for the arguments refused (exit 1), printed. */
export function answered(
  command: CommandDeclaration<OptionDeclarations, unknown>,
  result: Exclude<ParseResult<OptionDeclarations>, { parsed: unknown }>,
  io: CommandIo,
): number {
  if ("help" in result) {
    io.out(`${helpText(command)}\n`);
    return 0;
  }
  io.err(`${commandLineMessage(command.name, result.problem)}\n`);
  return 1;
}

/** A problem with a command's arguments (or an option's value, which the command checks itself), as the user reads it. */
export function commandLineMessage(command: CommandName, problem: Problem): string {
  return `${command}: ${problem.place}: ${describeProblem(problem)}`;
}

/**
 * A problem with a command's line that a reader below the command finds (plan-summary's --json target, its plans):
 * thrown and caught at the command's edge as every InputError is, its message the command line's one form.
 */
export class CommandLineError extends InputError {
  constructor(command: CommandName, problems: readonly Problem[]) {
    super(command, problems);
    this.message = problems.map((problem) => commandLineMessage(command, problem)).join("\n");
  }
}

/**
 * Runs the command on its command line: its help, one message for arguments it refuses (exit 1), else its work
 * (synchronous where the work is). `context` is what a test gives in place of the real API or states.
 */
export function runCommand<O extends OptionDeclarations, C>(
  command: CommandDeclaration<O, C>,
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CommandIo,
  context?: C,
): number | Promise<number> {
  const result = parseCommand(command, argv);
  return "parsed" in result ? command.run(result.parsed, env, io, context) : answered(command, result, io);
}
