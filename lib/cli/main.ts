/**
 * `genesys-scv-oauth-client <command> [arguments]` (npx genesys-scv-oauth-client …): the tool's one entry, the
 * package's bin. The commands are lib/cli/commands.ts's registry; this answers the list, --version and each
 * registered help text, and hands everything else to the command.
 */
import { join } from "path";
import { COMMANDS } from "./commands";
import { loadDeploymentsOrProblem } from "../app/deployments/deployments";
import { CREDENTIALS_DEPLOYMENT_VARIABLE, credentialsDeploymentProblem } from "../app/stack/credentials";
import { CommandIo } from "../shared/command";
import { ownPackage, PACKAGE_NAME } from "../shared/own-package";

export function usage(): string {
  const shown = Object.entries(COMMANDS).filter(([, entry]) => !entry.hidden);
  const width = Math.max(...shown.map(([name]) => name.length));
  return [
    `usage: ${PACKAGE_NAME} <command> [arguments]    (npx ${PACKAGE_NAME} <command> in your repository)`,
    "",
    "Commands:",
    ...shown.map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`),
    "",
    `Each command takes --help. Run them in the folder of your deployments file (or set DEPLOYMENTS_FILE).`,
  ].join("\n");
}

/**
 * Whether this run is one of this repository's own npm scripts (`npm run adopt -- …` here): npm, and npx, name the
 * package.json of the project they run in (npm_package_json), and only in this repository is that the tool's own.
 */
export function runByOwnScripts(env: NodeJS.ProcessEnv): boolean {
  return env.npm_package_json !== undefined && env.npm_package_json === join(ownPackage().root, "package.json");
}

/**
 * The commands a message tells the user to run, as the user types them where the tool is installed (a config
 * repository): the messages name this repository's npm scripts (`npm run migrate -- <name>`), which a config
 * repository does not have; there they read `npx genesys-scv-oauth-client migrate <name>`. Only the registry's
 * commands are rewritten.
 */
export function asTypedWhereInstalled(text: string): string {
  const names = Object.keys(COMMANDS)
    .filter((n) => !COMMANDS[n].hidden)
    .join("|");
  return text.replace(new RegExp(`\\bnpm run (${names})(?![\\w:-])(?: --(?= ))?`, "g"), (_, name: string) => `npx ${PACKAGE_NAME} ${name}`);
}

/**
 * The tool's one entry. Everything a command writes goes through here: outside this repository's own npm scripts
 * (runByOwnScripts), the commands it names read as the user types them (asTypedWhereInstalled).
 */
export async function cli(argv: string[], env: NodeJS.ProcessEnv, io: CommandIo): Promise<number> {
  if (runByOwnScripts(env)) return dispatch(argv, env, io);
  const typed: CommandIo = {
    out: (text) => io.out(asTypedWhereInstalled(text)),
    err: (text) => io.err(asTypedWhereInstalled(text)),
    isTerminal: io.isTerminal,
  };
  return dispatch(argv, env, typed);
}

async function dispatch(argv: string[], env: NodeJS.ProcessEnv, io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.err : io.out)(`${usage()}\n`);
    return name === undefined ? 1 : 0;
  }
  if (name === "--version" || name === "-v") {
    io.out(`${ownPackage().version}\n`);
    return 0;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    io.err(
      `${PACKAGE_NAME}: no command ${JSON.stringify(name)}; allowed: ${Object.keys(COMMANDS)
        .filter((n) => !COMMANDS[n].hidden)
        .join(", ")}\n`,
    );
    return 1;
  }
  if (entry.help !== undefined && (rest.includes("--help") || rest.includes("-h"))) {
    io.out(`${entry.help}\n`);
    return 0;
  }
  if (env[CREDENTIALS_DEPLOYMENT_VARIABLE]) {
    // A deployments file with a problem is the command's to report; only a readable one has deployments to name.
    const loaded = loadDeploymentsOrProblem(env);
    const problem = "problem" in loaded ? undefined : credentialsDeploymentProblem(env, loaded.deployments);
    if (problem) {
      io.err(`${problem}\n`);
      return 1;
    }
  }
  return entry.run(rest, env, io);
}
