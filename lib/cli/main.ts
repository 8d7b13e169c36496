/**
 * `genesys-scv-oauth-client <command> [arguments]` (npx genesys-scv-oauth-client …): the tool's one entry, the
 * package's bin, in a team's config repository and in this one alike (this repository's npm scripts, workflows, tests
 * and bench run it too). The commands are lib/cli/commands.ts's registry of declarations; this answers the list and
 * --version, and runs the command by its declaration (its --help, its arguments' one form of message, then its work).
 * What a command prints is printed as it is: every message names a command as the user types it
 * (lib/shared/typed-command.ts), so nothing is rewritten here.
 */
import { COMMANDS } from "./commands";
import { shownCommands, usageOf } from "./help";
import { loadDeploymentsOrProblem } from "../app/deployments/deployments";
import { CREDENTIALS_DEPLOYMENT_VARIABLE, credentialsDeploymentProblem } from "../app/stack/credentials";
import { CommandIo } from "../shared/command";
import { answered, parseCommand } from "../shared/command-declaration";
import { ownPackage, PACKAGE_NAME } from "../shared/own-package";
import { describeProblem, withMeant } from "../shared/problems";

export function usage(): string {
  return usageOf(COMMANDS);
}

/** The tool's one entry. */
export async function cli(argv: string[], env: NodeJS.ProcessEnv, io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(`${usage()}\n`);
    return 1;
  }
  if (name === "--help" || name === "-h") {
    io.out(`${usage()}\n`);
    return 0;
  }
  if (name === "--version" || name === "-v") {
    io.out(`${ownPackage().version}\n`);
    return 0;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name as keyof typeof COMMANDS] : undefined;
  if (!entry) {
    io.err(
      `${PACKAGE_NAME}: <command>: ${describeProblem({ path: [], given: name, allowed: withMeant(shownCommands(COMMANDS).join(", "), name, shownCommands(COMMANDS)) })}\n`,
    );
    return 1;
  }
  const result = parseCommand(entry, rest);
  if (!("parsed" in result)) return answered(entry, result, io);
  if (env[CREDENTIALS_DEPLOYMENT_VARIABLE]) {
    // A deployments file with a problem is the command's to report; only a readable one has deployments to name.
    const loaded = loadDeploymentsOrProblem(env, "");
    const problem = "problem" in loaded ? undefined : credentialsDeploymentProblem(env, loaded.deployments);
    if (problem) {
      io.err(`${problem}\n`);
      return 1;
    }
  }
  return entry.run(result.parsed, env, io);
}
