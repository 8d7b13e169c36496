/**
 * `synth`, `diff`, `deploy`, `destroy`, `output`: the cdktf CLI on the app, one deployment at a time where credentials
 * matter. This module declares them and keeps them in order: their arguments (runner-arguments.ts), what they need
 * before cdktf starts (preflight.ts), then `synth` (cdktf itself: cdktf-process.ts), `output` (output.ts), or the run
 * per deployment of `diff`, `deploy` and `destroy` (deployment-runs.ts), which take deployment names or patterns
 * (`production`, `'*'`, `'eu-*'`), `--parallelism` of them at once. One failure does not stop the others, and the exit
 * code is 1 when any failed.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Deployment, loadDeploymentsOrProblem } from "../deployments/deployments";
import { select } from "../deployments/selection";
import { withEngine } from "../stack/engine";
import { cdktf, offTerminal } from "./cdktf-process";
import { runPerDeployment } from "./deployment-runs";
import { SYNTH_DEPLOYMENTS_VARIABLE } from "./synthesize-app";
import { printOutputs } from "./output";
import { parallelismOf } from "./parallelism";
import { deployPrerequisiteProblem, localStatesProblem, synthPrerequisiteProblem } from "./preflight";
import {
  CDKTF_OPTIONS_WITH_VALUE,
  endOfOptionsProblem,
  fromWhereTheUserIs,
  optionValue,
  PARALLELISM_OPTION,
  RunnerCommand,
} from "./runner-arguments";
import { CommandIo } from "../../shared/command";
import { typed } from "../../shared/typed-command";
import { DEPLOYMENT_NAMES } from "../deployments/selection";
import {
  ArgumentsDeclaration,
  CommandDeclaration,
  commandLineMessage,
  declareCommand,
  OptionDeclarations,
  ParsedArguments,
} from "../../shared/command-declaration";

/** The declaration of one of the runner's commands: its own options, cdktf's passed through; `names` the usage of its deployment names. */
function runnerCommand(name: RunnerCommand, summary: string, what: string, names: ArgumentsDeclaration | undefined) {
  return declareCommand({
    name,
    summary,
    arguments: names,
    description: `${what}
Reads the deployments file ($DEPLOYMENTS_FILE, else deployments.json in the current folder).
Other options are cdktf's (for instance --output <dir>${name === "deploy" || name === "destroy" ? ", --auto-approve" : ""}), in any
order with the names; a "--" among them is refused (after it cdktf would take an option for a stack's name).
SIGINT or SIGTERM ends the run and the processes it started within seconds.`,
    options: name === "synth" ? {} : PARALLELISM_OPTION,
    passThrough: { usage: "[cdktf options]", withValue: CDKTF_OPTIONS_WITH_VALUE },
    run: (parsed: ParsedArguments<typeof PARALLELISM_OPTION>, env, io) => runCdktf(name, parsed, env, io),
  });
}

const NAMES = DEPLOYMENT_NAMES;

/** `synth`, `diff`, `deploy`, `destroy`, `output`: the runner's commands, declared. */
export const RUNNER_COMMANDS = {
  synth: runnerCommand(
    "synth",
    "synthesize every deployment's stack into cdktf.out",
    "Synthesizes one Terraform stack per deployment into cdktf.out/stacks/<name> (--hcl: HCL).",
    undefined,
  ),
  diff: runnerCommand(
    "diff",
    "plan the named deployments, each with its own credentials",
    "Plans each named deployment with its own credentials; asks the org first whether it has a client for that Salesforce org.",
    NAMES,
  ),
  deploy: runnerCommand(
    "deploy",
    "apply the named deployments",
    "Applies each named deployment with its own credentials; one failure does not stop the others.",
    NAMES,
  ),
  destroy: runnerCommand(
    "destroy",
    "destroy the named deployments' clients",
    "Destroys each named deployment's client (prevent_destroy refuses it unless turned off).",
    NAMES,
  ),
  output: runnerCommand(
    "output",
    "print each deployment's client id from its state",
    "Prints each named deployment's client id and redirect URIs from its state.",
    { ...DEPLOYMENT_NAMES, min: 0 },
  ),
} as const satisfies Record<RunnerCommand, CommandDeclaration<OptionDeclarations, never>>;

/** One of the runner's commands on the names and options parsed by its declaration. */
async function runCdktf(
  command: RunnerCommand,
  { values, positionals, passed }: ParsedArguments<typeof PARALLELISM_OPTION>,
  env: NodeJS.ProcessEnv,
  io: CommandIo,
): Promise<number> {
  // The engine resolved once (TERRAFORM_BINARY_NAME, else terraform, else tofu); no version check call to HashiCorp.
  const onTerminal: NodeJS.ProcessEnv = { ...(await withEngine(env)), CHECKPOINT_DISABLE: "1" };
  const cdktfEnv = io.isTerminal ? onTerminal : offTerminal(onTerminal);
  // The runner alone names the deployments a synth builds (a diff, deploy or destroy of some); any other synth builds all.
  delete cdktfEnv[SYNTH_DEPLOYMENTS_VARIABLE];
  const ended = endOfOptionsProblem(command, passed);
  if (ended) return fail(io, ended);
  const loaded = loadDeploymentsOrProblem(env, "Nothing was synthesized.");
  if ("problem" in loaded) return fail(io, loaded.problem);
  // The app that cdktf starts synthesizes what was read and checked here: the file is read once.
  const snapshot = mkdtempSync(join(tmpdir(), "scv-deployments-"));
  writeFileSync(join(snapshot, "deployments.json"), loaded.text);
  cdktfEnv.DEPLOYMENTS_SNAPSHOT = join(snapshot, "deployments.json");
  try {
    return await runChecked(
      command,
      { patterns: [...positionals], options: fromWhereTheUserIs(passed, env), parallelism: values.parallelism },
      loaded,
      env,
      cdktfEnv,
      io,
    );
  } finally {
    rmSync(snapshot, { recursive: true, force: true });
  }
}

async function runChecked(
  command: RunnerCommand,
  split: { patterns: string[]; options: string[]; parallelism: string | undefined },
  loaded: { deployments: Deployment[]; baseDir: string },
  env: NodeJS.ProcessEnv,
  cdktfEnv: NodeJS.ProcessEnv,
  io: CommandIo,
): Promise<number> {
  const { patterns } = split;
  // Checked here, as the deployments file is: cdktf would print an app's failure twice, with a spinner frame.
  const outdir = optionValue(split.options, "--output", "-o") ?? "cdktf.out";
  if (command !== "output") {
    const problem = synthPrerequisiteProblem(loaded.baseDir, outdir, loaded.deployments);
    if (problem) return fail(io, problem);
  }
  if (command === "synth") {
    // cdktf would log "ERROR: No Terraform code synthesized." for an app without stacks, and exit 0.
    if (loaded.deployments.length === 0) {
      io.out("synth: the deployments file has no deployments yet: nothing to synthesize.\n");
      return 0;
    }
    return cdktf([command, ...patterns, ...split.options], cdktfEnv, io);
  }
  const taken = parallelismOf(split.parallelism);
  if (typeof taken !== "number") return fail(io, commandLineMessage(command, taken));
  const [parallelism, options] = [taken, split.options];

  const selected = select(loaded.deployments, patterns, command);
  if (typeof selected === "string") return fail(io, selected);
  const states = localStatesProblem(selected, loaded.baseDir);
  if (states) return fail(io, states);
  if (command === "output") return await printOutputs(selected, loaded.baseDir, env, parallelism, io);

  const problem = await deployPrerequisiteProblem(selected, env);
  if (problem) return fail(io, problem);
  const approved = options.includes("--auto-approve");
  if (["deploy", "destroy"].includes(command) && !io.isTerminal && !approved) {
    return fail(
      io,
      `${command}: off a terminal (a pipeline, a redirect) cdktf cannot ask for approval. Review the plan (${typed("diff", ...patterns)}), then run ${typed(command, ...patterns, "--auto-approve")}.`,
    );
  }
  return runPerDeployment(
    command,
    selected,
    { all: loaded.deployments, baseDir: loaded.baseDir, options, parallelism, approved },
    env,
    cdktfEnv,
    io,
  );
}

function fail(io: CommandIo, message: string): number {
  io.err(`${message}\n`);
  return 1;
}
