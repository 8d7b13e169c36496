/**
 * `help`: the command list, a command's help (`help migrate`) and the docs (`help docs/migrating.md` as a message
 * cites it, or `help migrating` where no command has the page's name). The docs ship in the package (package.json "files": docs/*.md), so a page
 * a message names is where the user is: printed here, with the path it is installed at.
 */
import { existsSync, readdirSync, readFileSync } from "fs";
import { join, relative } from "path";
import type { RegisteredCommand } from "./commands";
import { CommandIo } from "../shared/command";
import { commandLineMessage, declareCommand, helpText } from "../shared/command-declaration";
import { ownPackage, PACKAGE_NAME } from "../shared/own-package";

type Registry = Readonly<Record<string, RegisteredCommand>>;

/** The folder of the shipped docs: the package's docs/ (node_modules/genesys-scv-oauth-client/docs where installed). */
export function docsFolder(): string {
  return join(ownPackage().root, "docs");
}

/** The docs' topics: each shipped page docs/<topic>.md, in name order. */
export function docsTopics(folder = docsFolder()): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(".md"))
    .map((name) => name.slice(0, -".md".length))
    .sort();
}

/** The registry's commands a person types: all but the hidden ones (cdktf.json's app). */
export function shownCommands(commands: Registry): string[] {
  return Object.keys(commands).filter((name) => !commands[name].hidden);
}

export function usageOf(commands: Registry): string {
  const shown = shownCommands(commands);
  const width = Math.max(...shown.map((name) => name.length));
  return [
    `usage: ${PACKAGE_NAME} <command> [arguments]    (npx ${PACKAGE_NAME} <command> in your repository)`,
    "",
    "Commands:",
    ...shown.map((name) => `  ${name.padEnd(width)}  ${commands[name].summary}`),
    "",
    `Each command takes --help. Run them in the folder of your deployments file (or set DEPLOYMENTS_FILE).`,
    `The docs, installed with the tool (help docs/<topic>.md prints one): ${docsTopics().join(", ")}`,
  ].join("\n");
}

/** A topic as given: `migrating`, `migrating.md` or `docs/migrating.md`. */
const topicOf = (given: string) => given.replace(/^(?:\.\/)?docs\//, "").replace(/\.md$/, "");

/** `help [command or topic]`, over the registry it is given (lib/cli/commands.ts, which lists it). */
export const helpCommand = (registry: () => Registry) =>
  declareCommand({
    name: "help",
    summary: "this list; help <command> for a command's options, help <topic> for a page of the docs",
    arguments: { name: "command or topic", min: 0, max: 1, allowed: "one command or topic, or none for the list" },
    description:
      "With nothing after it: the list of commands and the docs' topics. With a command: its help (as <command> --help).\n" +
      "With a topic (migrating, migrating.md or docs/migrating.md): that page of the docs, installed with the tool.",
    options: {},
    run: ({ positionals }, env, io) => {
      const commands = registry();
      if (positionals.length === 0) {
        io.out(`${usageOf(commands)}\n`);
        return 0;
      }
      const [given] = positionals;
      if (Object.hasOwn(commands, given) && !commands[given].hidden && given !== "help") {
        io.out(`${helpText(commands[given])}\n`);
        return 0;
      }
      return printTopic(commands, given, env, io);
    },
  });

/** A page of the docs, by its topic as given. */
function printTopic(commands: Registry, given: string, env: NodeJS.ProcessEnv, io: CommandIo): number {
  const topic = topicOf(given);
  const topics = docsTopics();
  if (!topics.includes(topic)) {
    const allowed = `the commands ${shownCommands(commands).join(", ")}, or the topics ${topics.join(", ")}`;
    io.err(`${commandLineMessage("help", { path: [], place: "<command or topic>", given, allowed })}\n`);
    return 1;
  }
  const page = join(docsFolder(), `${topic}.md`);
  // Relative to where the user typed the command (npm scripts run in the project's folder: INIT_CWD), unless above it.
  const where = relative(env.INIT_CWD ?? process.cwd(), page);
  io.out(`docs/${topic}.md, installed at ${where.startsWith("..") ? page : where}:\n\n${readFileSync(page, "utf8")}`);
  return 0;
}
