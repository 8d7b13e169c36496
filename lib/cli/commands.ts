/**
 * Every command of `genesys-scv-oauth-client`, in one registry of declarations (lib/shared/command-declaration.ts:
 * name, usage, options, run): the dispatcher (lib/cli/main.ts), each command's --help, the command list and `help`
 * (help.ts), this repository's npm scripts and the scaffold's (packageScripts, scaffoldScripts: `init` writes the
 * latter, and a test holds package.json's equal to the former) all come from it. It is keyed by exactly
 * lib/shared/typed-command.ts's COMMAND_NAMES, through which every message names a command (tsc holds the two equal;
 * a test holds each key its declaration's name). Adding a command is its declaration, one line here and its name there.
 */
import { adoptCommand } from "../app/commands/adopt";
import { RUNNER_COMMANDS } from "../app/commands/cdktf-runner";
import { checkCommand } from "../app/commands/check";
import { deploymentsCommand } from "../app/commands/deployments-list";
import { driftCommand } from "../app/commands/drift";
import { guardCommand } from "../app/commands/guard";
import { initCommand } from "../app/commands/init";
import { lockCommand } from "../app/commands/lock";
import { migrateCommand } from "../app/commands/migrate";
import { synthesizeApp } from "../app/commands/synthesize-app";
import { planSummaryCommand } from "../review/plan-summary/cli";
import { CommandDeclaration, declareCommand, OptionDeclarations } from "../shared/command-declaration";
import { PACKAGE_NAME } from "../shared/own-package";
import { CommandName } from "../shared/typed-command";
import { helpCommand, shownCommands } from "./help";

/** A command of the registry, whatever its options. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each declaration's run takes its own options' values and its own test context
export type RegisteredCommand = CommandDeclaration<OptionDeclarations, any>;

export const COMMANDS: Readonly<Record<CommandName, RegisteredCommand>> = {
  init: initCommand(() => scaffoldScripts()),
  check: checkCommand,
  deployments: deploymentsCommand,
  lock: lockCommand,
  ...RUNNER_COMMANDS,
  drift: driftCommand,
  adopt: adoptCommand,
  guard: guardCommand,
  migrate: migrateCommand,
  "plan-summary": planSummaryCommand,
  help: helpCommand(() => COMMANDS),
  app: declareCommand({
    name: "app",
    summary: "the app cdktf.json runs",
    description: "Synthesizes one stack per deployment of the deployments file: the app cdktf.json runs, which cdktf starts.",
    options: {},
    hidden: true,
    run: (_parsed, env, io) => synthesizeApp([], env, io),
  }),
};

/** The bin as this repository runs it: the build first (~0.1 s, nothing written when nothing changed), then the command. */
export const OWN_BIN = "node dist/cli/genesys-scv-oauth-client.js";

/** This repository's npm scripts for the commands (package.json "scripts"): `npm run <command> -- …` runs the bin. */
export function packageScripts(): Record<string, string> {
  return Object.fromEntries(shownCommands(COMMANDS).map((name) => [name, `node scripts/build.mjs && ${OWN_BIN} ${name}`]));
}

/** The scaffold's package.json scripts, which `init` writes: one per command a person types, running the installed bin. */
export function scaffoldScripts(): Record<string, string> {
  return Object.fromEntries(shownCommands(COMMANDS).map((name) => [name, `${PACKAGE_NAME} ${name}`]));
}
