/**
 * How a person types one of the tool's commands where they are: in a team's config repository (made by `init`) and in
 * this one alike, `npx genesys-scv-oauth-client <command> <arguments>` (npx finds the installed package's bin, and in
 * this repository the project's own). Every message that tells the user to run a command names it through `typed`,
 * including the texts that go into a synthesized stack or a pull request's comment, which no CLI sees again.
 * The names are those of lib/cli/commands.ts's registry, which is keyed by exactly this list (tsc holds them equal);
 * nothing under lib/ but the CLI imports the registry itself.
 */
import { PACKAGE_NAME } from "./own-package";

export const COMMAND_NAMES = [
  "init",
  "check",
  "deployments",
  "lock",
  "synth",
  "diff",
  "deploy",
  "destroy",
  "output",
  "drift",
  "adopt",
  "migrate",
  "plan-summary",
  "guard",
  "help",
  "app",
] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];

/** `npx genesys-scv-oauth-client <command> <args…>`: the command as the user types it. */
export function typed(command: CommandName, ...args: string[]): string {
  return [`npx ${PACKAGE_NAME}`, command, ...args].join(" ");
}

/** The docs' topics a message may cite: each is docs/<topic>.md, which the package ships and `help <topic>` prints. */
export type DocsTopic = "deployments" | "deploying" | "migrating" | "engines" | "your-repository" | "cdk-terrain";

/**
 * A page of the docs as the user reaches it where they are, the package's installed docs/ (help.ts):
 * `npx genesys-scv-oauth-client help docs/migrating.md` (the page's path, which no command name can shadow).
 */
export function docsPage(topic: DocsTopic, section?: string): string {
  return `${typed("help", `docs/${topic}.md`)}${section === undefined ? "" : `, "${section}"`}`;
}
