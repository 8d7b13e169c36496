/**
 * `synth`, `diff`, `deploy`, `destroy`, `output`: the cdktf CLI on the app, one deployment at a time where credentials
 * matter. `diff`, `deploy` and `destroy` take deployment names or patterns (`production`, `'*'`, `'eu-*'`): the app is
 * synthesized once, then each selected deployment runs in a cdktf process of its own with its own credentials
 * (lib/app/stack/credentials.ts), `--parallelism` of them at once (parallelism.ts; each-deployment.ts keeps each one's
 * output together). One failure does not stop the others, and the exit code is 1 when any failed. Before diff or deploy
 * would create a client, the org is asked whether it has one for that Salesforce org already (client-identity.ts).
 * `output` prints each deployment's client id from its state, with the backend's credentials only.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { credentialsProblem, deploymentEnvironment, withoutCredentials } from "../stack/credentials";
import { GenesysApiError, oauthClientExists } from "../genesys/api";
import { Deployment, loadDeploymentsOrProblem, oauthClientProps } from "../deployments/deployments";
import { deployPrerequisiteProblem } from "./preflight";
import { adoptedClientStop, clientIdentityStop, identityMessage } from "../genesys/client-identity";
import { select } from "../deployments/selection";
import { readStates } from "../state/read-states";
import { engineProblem, withEngine } from "../stack/engine";
import { outputFolderProblem } from "../stack/synth-output";
import { lockFileProblem } from "../stack/provider-lock";
import { localStateProblem } from "../stack/backend";
import { DEFAULT_PARALLELISM, MOST_PARALLELISM, parallelismOf } from "./parallelism";
import { runEachDeployment } from "./each-deployment";
import { CommandIo } from "../../shared/command";
import { fromWhereTheUserStands } from "../../shared/paths";
import { showHiddenCharacters } from "../../shared/plain-text";
import { salesforceAdminSets } from "../../shared/migration";
import { GrantType } from "../../shared/policy";
import { resolveOAuthClientSettings } from "../../construct/internal";
import { OutputChunk, runCaptured, runLive } from "../../shared/child-process";
import { typed } from "../../shared/typed-command";
import {
  CommandDeclaration,
  declareCommand,
  commandLineMessage,
  OptionDeclarations,
  ParsedArguments,
} from "../../shared/command-declaration";

/** cdktf options that take a value as the next argument; everything else that starts with - stands alone. */
const OPTIONS_WITH_VALUE = [
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

type RunnerCommand = "synth" | "diff" | "deploy" | "destroy" | "output";

const PARALLELISM_OPTION = {
  parallelism: {
    type: "string",
    value: "N",
    description: `how many deployments run at once (${DEFAULT_PARALLELISM} unless given; 1 to ${MOST_PARALLELISM})`,
  },
} satisfies OptionDeclarations;

/** The declaration of one of the runner's commands: its own options, cdktf's passed through; `names` the usage of its deployment names. */
function runnerCommand(name: RunnerCommand, summary: string, what: string, names: string | undefined) {
  return declareCommand({
    name,
    summary,
    arguments: names,
    description: `${what}
Reads the deployments file ($DEPLOYMENTS_FILE, else deployments.json in the current folder).
Other options are cdktf's (for instance --output DIR${name === "deploy" || name === "destroy" ? ", --auto-approve" : ""}), in any
order with the names; a "--" among them is refused (after it cdktf would take an option for a stack's name).
SIGINT or SIGTERM ends the run and the processes it started within seconds.`,
    options: name === "synth" ? {} : PARALLELISM_OPTION,
    passThrough: { usage: "[cdktf options]", withValue: OPTIONS_WITH_VALUE },
    run: (parsed: ParsedArguments<typeof PARALLELISM_OPTION>, env, io) => runCdktf(name, parsed, env, io),
  });
}

const NAMES = "<deployment names or patterns>";

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
    "[deployment names or patterns]",
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
  const ended = endOfOptionsProblem(command, passed);
  if (ended) return fail(io, ended);
  const loaded = loadDeploymentsOrProblem(env);
  if ("problem" in loaded) return fail(io, loaded.problem);
  // The app that cdktf starts synthesizes what was read and checked here: the file is read once.
  const snapshot = mkdtempSync(join(tmpdir(), "scv-deployments-"));
  writeFileSync(join(snapshot, "deployments.json"), loaded.text);
  cdktfEnv.DEPLOYMENTS_SNAPSHOT = join(snapshot, "deployments.json");
  try {
    return await runChecked(
      command,
      { patterns: [...positionals], options: [...passed], parallelism: values.parallelism },
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
  // A relative --output means relative to where the user ran npm; cdktf, run in the project, is given it so.
  const at = split.options.findIndex((o) => o === "--output" || o === "-o");
  if (at >= 0 && at + 1 < split.options.length) split.options[at + 1] = fromWhereTheUserStands(split.options[at + 1], env);
  // Checked here, as the deployments file is: cdktf would print an app's failure twice, with a spinner frame.
  const outdir = optionValue(split.options, "--output", "-o") ?? "cdktf.out";
  if (command !== "output") {
    // The lock file before the output folder is made: one that cannot be read leaves nothing behind.
    const lock = lockFileProblem(loaded.baseDir);
    if (lock) return fail(io, `${lock.message}\nNothing was synthesized.`);
    const problem = outputFolderProblem(
      outdir,
      loaded.deployments.map((d) => d.name),
    );
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
  // Local states the engine would read or write: a FIFO there would hold it forever.
  const states = selected.flatMap((d) => localStateProblem(d.name, d.backend, loaded.baseDir)?.message ?? []);
  if (states.length > 0) return fail(io, `${states.join("\n")}\nNothing was run.`);
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
  // Synthesized once for the whole run, with no Genesys Cloud credential; each deployment's cdktf reads its stack.
  if (!options.includes("--skip-synth")) {
    const synthOptions = ["--output", "-o", "--app", "-a"].flatMap((name) => {
      const value = optionValue(options, name);
      return value === undefined ? [] : [name, value];
    });
    const synth = await cdktf(["synth", ...synthOptions], withoutCredentials(cdktfEnv), io);
    if (synth !== 0) return synth;
  }
  const runOptions = [...options.filter((o) => o !== "--skip-synth"), "--skip-synth"];
  const guarded = ["diff", "deploy"].includes(command);
  const read = guarded ? await readStates(selected, loaded.baseDir, env, parallelism) : new Map();
  // On a terminal, deploy and destroy ask for each deployment's approval: one at a time, on the terminal itself.
  const asks = io.isTerminal && ["deploy", "destroy"].includes(command) && !approved;
  return runEachDeployment(command, selected, { parallelism: asks ? 1 : parallelism, io }, async (deployment, live) => {
    // Never throws: whatever goes wrong asking the org stops this deployment only; the others of the run go on.
    const second = guarded ? await clientIdentityStop(deployment, { all: loaded.deployments, states: read, env }) : undefined;
    if (second) return { status: 1, chunks: [{ stream: "err", text: `${identityMessage(second)}\n` }] };
    // Beside others, a deployment's output is kept until it ends, so it is never a terminal's: no spinners, no colour.
    const runEnv = deploymentEnvironment(deployment, live ? cdktfEnv : offTerminal(cdktfEnv));
    const args = [cdktfCli(), command, deployment.name, ...runOptions];
    const run = await (live ? runLive : runCaptured)(process.execPath, args, { env: runEnv });
    if (run.error) return { status: 1, chunks: [...run.chunks, { stream: "err", text: `cdktf could not start: ${run.error.message}\n` }] };
    return { status: run.status ?? 1, chunks: live ? run.chunks : ownAnnotationsOnly(run.chunks, deployment.name) };
  });
}

/** A construct's warning as cdktf prints it: `WARN [production/service-cloud-voice]: …`, the stack's name first. */
const ANNOTATION = /^(?:WARN|INFO) \[([^/\]]+)[/\]]/;

/**
 * cdktf prints the construct warnings of every stack it reads, and the run's synth has printed them all once: in a
 * deployment's kept output, the other deployments' warnings are left out, so that each block is that deployment's.
 */
export function ownAnnotationsOnly(chunks: readonly OutputChunk[], name: string): OutputChunk[] {
  return chunks.map(({ stream, text }) => ({
    stream,
    text: text
      .split(/(?<=\n)/)
      .filter((line) => (ANNOTATION.exec(line)?.[1] ?? name) === name)
      .join(""),
  }));
}

/**
 * Off a terminal (a pipeline's log, a file, another deployment's turn), cdktf's CI mode prints each line once instead
 * of spinner frames, and Terraform writes no colour codes.
 */
function offTerminal(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, CI: "true", NO_COLOR: "1", FORCE_COLOR: "0", ...withoutTerraformColour(env) };
}

/** The value of an option that takes one (`--output DIR`), or undefined. */
function optionValue(options: readonly string[], ...names: string[]): string | undefined {
  const index = options.findIndex((o) => names.includes(o));
  return index >= 0 ? options[index + 1] : undefined;
}

/** The Terraform commands cdktf runs, each of which takes -no-color. */
const TERRAFORM_COMMANDS = ["init", "plan", "apply", "destroy", "output", "show"];

/** TF_CLI_ARGS_<command> variables that add -no-color to what the user already set there. */
export function withoutTerraformColour(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    TERRAFORM_COMMANDS.map((command) => {
      const name = `TF_CLI_ARGS_${command}`;
      const given = env[name]?.trim() ?? "";
      return [name, given.split(/\s+/).includes("-no-color") ? given : `${given} -no-color`.trim()];
    }),
  );
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

/**
 * The client id and redirect URIs of each deployment, from its state (lib/app/state/read-states.ts), with the next step; and,
 * where the deployment's Genesys Cloud credentials are set, whether the org still has that client.
 */
async function printOutputs(
  deployments: readonly Deployment[],
  baseDir: string,
  env: NodeJS.ProcessEnv,
  parallelism: number,
  io: CommandIo,
): Promise<number> {
  const engine = await engineProblem(env);
  if (engine) return fail(io, engine);
  const readings = await readStates(deployments, baseDir, env, parallelism);
  let failed = 0;
  for (const deployment of deployments) {
    const reading = readings.get(deployment.name)!;
    const name = deployment.name;
    if ("problem" in reading) {
      failed++;
      io.err(`${name}: ${reading.problem}\n`);
      continue;
    }
    const { clientId, redirectUris } = reading.outputs;
    if (!clientId) {
      io.out(`${name}: not deployed yet (its state holds no client id)\n`);
      continue;
    }
    // What a state holds is shown, never obeyed: a terminal's escape sequences and bidi marks in it come out escaped.
    const shown = (text: string) => showHiddenCharacters(text);
    const { authorizationCodeClientId: codeId, migrationStep, salesforceAdminNextStep } = reading.outputs;
    if (codeId && migrationStep !== undefined) {
      // During a migration: both clients, and what the Salesforce admin does at this step.
      io.out(
        `${shown(name)}: migration step ${shown(migrationStep)} (${typed("migrate", shown(name))} shows where it stands)\n` +
          (migrationStep === "retire"
            ? ""
            : `  implicit client id ${shown(clientId)}${migrationStep === "side-by-side" ? "" : " (inactive)"}\n`) +
          `  authorization-code client id ${shown(codeId)}\n  redirect URIs: ${shown(redirectUris.join(", "))}\n` +
          `  next for the Salesforce admin: ${shown(salesforceAdminNextStep ?? salesforceAdminSets("authorization-code"))}\n`,
      );
    } else {
      io.out(
        `${shown(name)}: client id ${shown(clientId)}\n  redirect URIs: ${shown(redirectUris.join(", "))}\n  ${salesforceAdminSets(grantOf(deployment))}\n`,
      );
    }
    const adopted = adoptedClientStop(deployment, reading);
    // Said beside the outputs printed: nothing was stopped.
    if (adopted) io.err(`${identityMessage(adopted, { stopped: false })}\n`);
    if (credentialsProblem(deployment, env) === undefined) {
      try {
        if (!(await oauthClientExists(deployment, env, clientId))) {
          io.err(
            `${shown(name)}: client ${shown(clientId)} no longer exists in Genesys Cloud (deleted outside Terraform): the next deploy creates a new client, ` +
              "with a new client id, which the Salesforce org must then be given.\n",
          );
        }
      } catch (e) {
        if (!(e instanceof GenesysApiError)) throw e;
        io.err(`${e.message}\n  (whether client ${shown(clientId)} still exists could not be asked)\n`);
      }
    }
  }
  return failed > 0 ? 1 : 0;
}

/**
 * The grant of the client the state holds: the one the deployments file declares (a deploy makes it so); once a
 * migration is retired, the deployment's client is its authorization-code client.
 */
function grantOf(deployment: Deployment): GrantType {
  const settings = resolveOAuthClientSettings(oauthClientProps(deployment));
  return settings.migration?.step === "retire" ? "authorization-code" : settings.grantType;
}

async function cdktf(args: string[], env: NodeJS.ProcessEnv, io: CommandIo): Promise<number> {
  const run = await runLive(process.execPath, [cdktfCli(), ...args], { env });
  if (run.error) return fail(io, `cdktf could not start: ${run.error.message}`);
  return run.status ?? 1;
}

/** The cdktf CLI's entry, found through its package's bin, so that no PATH lookup can pick another. */
export function cdktfCli(): string {
  const manifest = require.resolve("cdktf-cli/package.json");
  return join(dirname(manifest), JSON.parse(readFileSync(manifest, "utf8")).bin.cdktf);
}

function fail(io: CommandIo, message: string): number {
  io.err(`${message}\n`);
  return 1;
}
