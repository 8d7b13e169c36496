/**
 * The cdktf runner's arguments (synth, diff, deploy, destroy, output): its own option (--parallelism), the cdktf
 * options it hands on (and those of them that take a value), the ones it reads before cdktf does (--output,
 * --auto-approve), and why a `--` among them is refused.
 */
import { DEFAULT_PARALLELISM, MOST_PARALLELISM } from "./parallelism";
import { OptionDeclarations } from "../../shared/command-declaration";
import { fromWhereTheUserStands } from "../../shared/paths";
import { showHiddenCharacters } from "../../shared/plain-text";
import { typed } from "../../shared/typed-command";

/** The commands the runner runs. */
export type RunnerCommand = "synth" | "diff" | "deploy" | "destroy" | "output";

/** cdktf options that take a value as the next argument; everything else that starts with - stands alone. */
export const CDKTF_OPTIONS_WITH_VALUE = [
  "--output",
  "-o",
  "--app",
  "-a",
  "--outputs-file",
  "--parallelism",
  "--terraform-parallelism",
  "--var",
  "--var-file",
];

/** The runner's own option, beside the deployment names (synth has none: there --parallelism is cdktf's). */
export const PARALLELISM_OPTION = {
  parallelism: {
    type: "string",
    value: "n",
    description: `how many deployments run at once (${DEFAULT_PARALLELISM} unless given; 1 to ${MOST_PARALLELISM})`,
  },
} satisfies OptionDeclarations;

/** cdktf's options with a relative --output made relative to where the user ran npm (cdktf runs in the project). */
export function fromWhereTheUserIs(options: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const at = options.findIndex((o) => o === "--output" || o === "-o");
  return options.map((option, i) => (at >= 0 && i === at + 1 ? fromWhereTheUserStands(option, env) : option));
}

/** The value of an option that takes one (`--output DIR`), or undefined. */
export function optionValue(options: readonly string[], ...names: string[]): string | undefined {
  const index = options.findIndex((o) => names.includes(o));
  return index >= 0 ? options[index + 1] : undefined;
}

/**
 * Why `--` is refused among the runner's arguments: they are deployment names or patterns and cdktf options, in any
 * order, which this tool reads (--auto-approve, --parallelism, --output) before cdktf does. After a `--`, cdktf takes
 * everything as stack names, so an option there would count for this tool and reach cdktf as a stack's name: one
 * meaning each, so none is taken. Undefined when there is no `--`.
 */
export function endOfOptionsProblem(command: RunnerCommand, args: readonly string[]): string | undefined {
  if (!args.includes("--")) return undefined;
  const after = args.slice(args.indexOf("--") + 1);
  const example =
    command === "synth"
      ? "--output cdktf.out"
      : ["deploy", "destroy"].includes(command)
        ? "production --auto-approve"
        : "production --parallelism 4";
  return (
    `${command}: "--" is not taken among its arguments (given before ${after.length > 0 ? showHiddenCharacters(after.join(" ")) : "nothing"}): ` +
    `${command === "synth" ? "cdktf's options go" : "deployment names and cdktf's options go, in any order,"} without it ` +
    `(${typed(command, example)}); nothing was run.`
  );
}
