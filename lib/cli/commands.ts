/**
 * Every command of `genesys-scv-oauth-client`, in one registry: the dispatcher (lib/cli/main.ts), the command list
 * and `help` (help.ts), this repository's npm scripts and the scaffold's (packageScripts, scaffoldScripts: `init`
 * writes the latter, and a test holds package.json's equal to the former) all come from it. It is keyed by exactly
 * lib/shared/typed-command.ts's COMMAND_NAMES, through which every message names a command (tsc holds the two equal).
 * Adding a command is one line here, its name there (and its import). A command with `help` has that text answered
 * for `--help` by the dispatcher (the cdktf runner's commands, whose own --help is cdktf's); the others answer --help
 * themselves.
 */
import { adoptCommand } from "../app/commands/adopt";
import { cdktfCommand } from "../app/commands/cdktf-runner";
import { DEFAULT_PARALLELISM, MOST_PARALLELISM } from "../app/commands/parallelism";
import { checkCommand } from "../app/commands/check";
import { deploymentsCommand } from "../app/commands/deployments-list";
import { driftCommand } from "../app/commands/drift";
import { guardCommand } from "../app/commands/guard";
import { initCommand } from "../app/commands/init";
import { lockCommand } from "../app/commands/lock";
import { migrateCommand } from "../app/commands/migrate";
import { synthesizeApp } from "../app/commands/synthesize-app";
import { planSummary } from "../review/plan-summary/cli";
import { Command } from "../shared/command";
import { PACKAGE_NAME } from "../shared/own-package";
import { CommandName } from "../shared/typed-command";
import { helpCommand, shownCommands } from "./help";

export interface CommandEntry {
  /** One line for the command list. */
  readonly summary: string;
  readonly run: Command;
  /** The --help text, where the command does not answer --help itself. */
  readonly help?: string;
  /** Left out of the command list: cdktf.json's app, not a command a person types. */
  readonly hidden?: boolean;
}

/** The cdktf runner (cdktf-runner.ts) as one command: `synth` runs `cdktfCommand(["synth", ...argv])`. */
const viaCdktf =
  (command: string): Command =>
  (argv, env, io) =>
    cdktfCommand([command, ...argv], env, io);

const runnerHelp = (command: string, what: string, names: string) =>
  `usage: genesys-scv-oauth-client ${command}${names}

${what}
Reads the deployments file ($DEPLOYMENTS_FILE, else deployments.json in the current folder).${
    command === "synth"
      ? ""
      : `\n--parallelism N: how many deployments ${command === "output" ? "are read" : "run"} at once (${DEFAULT_PARALLELISM} unless given; 1 to ${MOST_PARALLELISM}).`
  }
Other options are cdktf's (for instance --output DIR${command === "deploy" || command === "destroy" ? ", --auto-approve" : ""}), in any
order with the names; a "--" among them is refused (after it cdktf would take an option for a stack's name).
SIGINT or SIGTERM ends the run and the processes it started within seconds.`;
const NAMES = " <deployment names or patterns> [cdktf options]";

export const COMMANDS: Readonly<Record<CommandName, CommandEntry>> = {
  init: {
    summary: "scaffold a config repository for your deployments in a folder",
    run: (argv, env, io) => initCommand(argv, env, io, scaffoldScripts()),
  },
  check: { summary: "the policy check: every deployment synthesized, its problems listed", run: checkCommand },
  deployments: { summary: "list the deployments' names (--json for a workflow matrix)", run: deploymentsCommand },
  lock: { summary: "write or update the provider lock file, .terraform.lock.hcl", run: lockCommand },
  synth: {
    summary: "synthesize every deployment's stack into cdktf.out",
    run: viaCdktf("synth"),
    help: runnerHelp(
      "synth",
      "Synthesizes one Terraform stack per deployment into cdktf.out/stacks/<name> (--hcl: HCL).",
      " [cdktf options]",
    ),
  },
  diff: {
    summary: "plan the named deployments, each with its own credentials",
    run: viaCdktf("diff"),
    help: runnerHelp(
      "diff",
      "Plans each named deployment with its own credentials; asks the org first whether it has a client for that Salesforce org.",
      NAMES,
    ),
  },
  deploy: {
    summary: "apply the named deployments",
    run: viaCdktf("deploy"),
    help: runnerHelp("deploy", "Applies each named deployment with its own credentials; one failure does not stop the others.", NAMES),
  },
  destroy: {
    summary: "destroy the named deployments' clients",
    run: viaCdktf("destroy"),
    help: runnerHelp("destroy", "Destroys each named deployment's client (prevent_destroy refuses it unless turned off).", NAMES),
  },
  output: {
    summary: "print each deployment's client id from its state",
    run: viaCdktf("output"),
    help: runnerHelp(
      "output",
      "Prints each named deployment's client id and redirect URIs from its state.",
      " [deployment names or patterns]",
    ),
  },
  drift: {
    summary: "what changed outside the code on the named deployments' clients, and who changed it, when (from the audit)",
    run: driftCommand,
  },
  adopt: { summary: "find the OAuth client an org already has, and adopt it", run: adoptCommand },
  guard: {
    summary: "every check a deploy makes before it applies, for one deployment (the workflows run it before plan and apply)",
    run: (argv, env, io) => guardCommand(argv, env, io),
  },
  migrate: { summary: "move a deployment off the implicit grant, step by reviewed step, with no login gap", run: migrateCommand },
  "plan-summary": { summary: "the pull-request comment for terraform show -json plans, and the gate", run: planSummary },
  help: {
    summary: "this list; help <command> for a command's options, help <topic> for a page of the docs",
    run: (argv, env, io) => helpCommand(COMMANDS, argv, env, io),
  },
  app: { summary: "the app cdktf.json runs", run: synthesizeApp, hidden: true },
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
