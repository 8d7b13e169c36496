/**
 * The engine that runs every stack: Terraform or OpenTofu. The repository's committed file `.engine` (beside the
 * deployments file, where the workflows read it) names it: `terraform` or `tofu`. cdktf's own variable
 * TERRAFORM_BINARY_NAME chooses the binary (a command on PATH, `terraform` or `tofu`, or the path of either's
 * executable); with `.engine` there, it must be that engine's, so that a run on this machine is never on another
 * engine than the repository's pipeline. Neither given: `terraform` when PATH has it, else `tofu`. Every place this
 * tool runs the engine (reading states, lock, the cdktf processes) takes it from here, and messages about the running
 * engine name it ("OpenTofu", "Terraform").
 */
import { basename, isAbsolute, join, relative } from "path";
import which from "which";
import { baseDirOf, deploymentsFile } from "../deployments/deployments";
import { readFileBeside } from "../../shared/json-input";
import { describeProblem, InputError } from "../../shared/problems";
import { runCaptured } from "../../shared/child-process";
import { docsPage, typed } from "../../shared/typed-command";

/** cdktf's variable for the engine's binary (cdktf, @cdktf/commons and the provider schema reader all read it). */
export const ENGINE_VARIABLE = "TERRAFORM_BINARY_NAME";

export type EngineName = "Terraform" | "OpenTofu";

export interface Engine {
  /** What to run: the executable's absolute path, as found on PATH or given. */
  readonly binary: string;
  /** "Terraform" or "OpenTofu", for messages. */
  readonly name: EngineName;
  /** How a user types it: `terraform` or `tofu`. */
  readonly command: string;
}

/** The one message when neither engine is on PATH and TERRAFORM_BINARY_NAME names none. */
export const ENGINE_MISSING =
  "Neither terraform nor tofu is on PATH: this command runs Terraform (1.5 or later; https://developer.hashicorp.com/terraform/install) " +
  "or OpenTofu (1.10 or later; https://opentofu.org/docs/intro/install/). Install one and run again; with both installed, " +
  `${ENGINE_VARIABLE}=tofu (or terraform) chooses.`;

const ALLOWED = `"terraform" or "tofu" (a command on PATH), or the path of a Terraform or OpenTofu executable`;

/** The repository's engine, as its workflows read it: `terraform` or `tofu`, beside the deployments file. */
export const ENGINE_FILE = ".engine";
const ENGINE_FILE_ALLOWED = '"terraform" or "tofu" (the engine the workflows install; blanks are ignored)';
/** What `.engine` may hold at most: a word and its blanks. */
const ENGINE_FILE_MAX_BYTES = 1024;

const LABEL: Record<string, EngineName> = { terraform: "Terraform", tofu: "OpenTofu" };

/**
 * What `.engine` beside the deployments file says, read as the workflows read it (every blank removed, then
 * `terraform` or `tofu`); undefined when there is no such file; a problem naming the file for anything else.
 */
export function engineFileChoice(
  env: NodeJS.ProcessEnv,
): { readonly command: "terraform" | "tofu"; readonly file: string } | { readonly problem: string } | undefined {
  const path = join(baseDirOf(deploymentsFile(env)), ENGINE_FILE);
  const shown = relative(process.cwd(), path);
  const file = shown === "" || shown.startsWith("..") || isAbsolute(shown) ? path : shown;
  try {
    // Opened as every file beside the deployments file is (a FIFO, a folder, a link out of the folder: one message).
    const text = readFileBeside(path, `a text file saying ${ENGINE_FILE_ALLOWED}`, baseDirOf(path));
    if (text === undefined) return undefined;
    if (Buffer.byteLength(text) > ENGINE_FILE_MAX_BYTES)
      throw new InputError(path, [
        { path: [], place: "(file)", given: `a text of ${Buffer.byteLength(text)} bytes`, allowed: ENGINE_FILE_ALLOWED },
      ]);
    const word = text.replace(/\s+/g, "");
    if (word === "terraform" || word === "tofu") return { command: word, file };
    throw new InputError(path, [{ path: [], place: "(file)", given: text.trim() === "" ? text : word, allowed: ENGINE_FILE_ALLOWED }]);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { problem: new InputError(file, e.problems).message };
  }
}

/** How long `<engine> version` has to answer (it answers in well under a second; a machine under load is slower). */
export const VERSION_DEADLINE_MS = 15_000;

/**
 * The engine the repository and the environment choose (`.engine`, TERRAFORM_BINARY_NAME, else PATH), or the one
 * message why there is none. Starts no process unless the setting names an executable called neither terraform nor
 * tofu (then `<it> version` says which engine it is: asked once per executable in a run, with one deadline,
 * VERSION_DEADLINE_MS).
 */
export async function resolveEngine(
  env: NodeJS.ProcessEnv,
  { versionDeadlineMs = VERSION_DEADLINE_MS }: { versionDeadlineMs?: number } = {},
): Promise<Engine | { readonly problem: string }> {
  const chosen = engineFileChoice(env);
  if (chosen && "problem" in chosen) return chosen;
  const engine = await engineOfSetting(env, chosen, versionDeadlineMs);
  if ("problem" in engine || !chosen || engine.command === chosen.command) return engine;
  return {
    problem:
      `${ENGINE_VARIABLE} and ${chosen.file} disagree: ${ENGINE_VARIABLE} (given ${JSON.stringify(env[ENGINE_VARIABLE])}) is ${engine.name}, ` +
      `${chosen.file} says ${chosen.command} (${LABEL[chosen.command]}), the engine this repository's workflows run; allowed: ` +
      `${ENGINE_VARIABLE} unset, or naming ${chosen.command} (the command, or the path of its executable). To switch engines, ` +
      `change ${chosen.file} and run ${typed("lock")} (${docsPage("engines")}).`,
  };
}

/** TERRAFORM_BINARY_NAME's engine; unset, `fromFile`'s command on PATH, else terraform, else tofu. */
async function engineOfSetting(
  env: NodeJS.ProcessEnv,
  fromFile: { readonly command: "terraform" | "tofu"; readonly file: string } | undefined,
  versionDeadlineMs: number,
): Promise<Engine | { readonly problem: string }> {
  const given = env[ENGINE_VARIABLE];
  if ((given === undefined || given.trim() === "") && fromFile) {
    const { command, file } = fromFile;
    const binary = onPath(command, env);
    if (binary) return { binary, command, name: LABEL[command] };
    return { problem: `${file} says ${command}, and ${command} is not on PATH: ${INSTALL[command]}` };
  }
  if (given === undefined || given.trim() === "") {
    for (const command of ["terraform", "tofu"]) {
      const binary = onPath(command, env);
      if (binary) return { binary, command, name: command === "tofu" ? "OpenTofu" : "Terraform" };
    }
    return { problem: ENGINE_MISSING };
  }
  const binary = isAbsolute(given) ? executable(given) : given.includes("/") ? undefined : onPath(given, env);
  const why = isAbsolute(given) ? "no executable file there" : given.includes("/") ? "a relative path" : "not on PATH";
  if (!binary) return { problem: settingProblem(given, why) };
  let name = nameOfCommand(basename(binary));
  if (!name) {
    const version = await versionOf(binary, versionDeadlineMs);
    if ("problem" in version) return { problem: settingProblem(given, version.problem) };
    name = engineNameFromVersion(version.text);
  }
  if (!name) return { problem: settingProblem(given, "its `version` names neither Terraform nor OpenTofu") };
  return { binary, name, command: name === "OpenTofu" ? "tofu" : "terraform" };
}

/** The message when the environment has no engine; undefined when it has one. */
export async function engineProblem(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const engine = await resolveEngine(env);
  return "problem" in engine ? engine.problem : undefined;
}

/**
 * The folder, in each stack's folder, where OpenTofu keeps its working data (TF_DATA_DIR) when this tool runs it:
 * Terraform keeps `.terraform`. Each engine records the backend there with a hash of its own (their backends' schemas
 * differ), so one engine's record stops the other's init ("Backend configuration changed"): kept apart, a working
 * copy switches engines without removing cdktf.out, and each engine still sees a real change of backend.
 */
export const OPENTOFU_DATA_DIR = ".tofu";

/**
 * The environment with TERRAFORM_BINARY_NAME set to the resolved engine, for cdktf, and on OpenTofu its own data
 * folder (OPENTOFU_DATA_DIR) unless TF_DATA_DIR is set; unchanged when there is no engine.
 */
export async function withEngine(env: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> {
  const engine = await resolveEngine(env);
  if ("problem" in engine) return env;
  const dataDir = engine.name === "OpenTofu" && !env.TF_DATA_DIR ? { TF_DATA_DIR: OPENTOFU_DATA_DIR } : {};
  return { ...env, [ENGINE_VARIABLE]: engine.binary, ...dataDir };
}

/** "OpenTofu" or "Terraform" from the first line `<engine> version` prints; undefined for anything else. */
export function engineNameFromVersion(text: string): EngineName | undefined {
  const first = text.trimStart().split("\n")[0];
  if (/^OpenTofu v\d/.test(first)) return "OpenTofu";
  if (/^Terraform v\d/.test(first)) return "Terraform";
  return undefined;
}

const INSTALL: Record<string, string> = {
  terraform: `install Terraform (1.5 or later; https://developer.hashicorp.com/terraform/install), or set ${ENGINE_VARIABLE} to the path of its executable.`,
  tofu: `install OpenTofu (1.10 or later; https://opentofu.org/docs/intro/install/), or set ${ENGINE_VARIABLE} to the path of its executable.`,
};

function settingProblem(given: string, why: string): string {
  return `${ENGINE_VARIABLE} (${why}): ${describeProblem({ path: [], given, allowed: ALLOWED })}`;
}

function nameOfCommand(file: string): EngineName | undefined {
  const name = file.toLowerCase().replace(/\.exe$/, "");
  return name === "tofu" ? "OpenTofu" : name === "terraform" ? "Terraform" : undefined;
}

/** What each executable's `version` answered in this run: asked once, however many places resolve the engine. */
const versions = new Map<string, Promise<{ readonly text: string } | { readonly problem: string }>>();

/** What `<binary> version` prints (empty when it fails), or why it gave no answer: it did not answer by the deadline. */
function versionOf(binary: string, deadlineMs: number): Promise<{ readonly text: string } | { readonly problem: string }> {
  let asked = versions.get(binary);
  if (!asked) {
    asked = runCaptured(binary, ["version"], { env: { ...process.env, CHECKPOINT_DISABLE: "1" }, timeoutMs: deadlineMs }).then((run) =>
      run.timedOut
        ? {
            problem: `${binary} did not answer its \`version\` call within ${deadlineMs / 1000} s, so which engine it is is unknown`,
          }
        : run.status === null
          ? { problem: `${binary} could not be asked its \`version\` (${run.error?.message ?? "it was ended before it answered"})` }
          : { text: run.status === 0 ? run.stdout : "" },
    );
    versions.set(binary, asked);
  }
  return asked;
}

/** The executable's path on the environment's PATH (with PATHEXT's names on Windows), as a shell finds it. */
function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  // An empty PATH finds nothing (which would look in the current folder).
  if (!env.PATH) return undefined;
  return which.sync(name, { path: env.PATH, pathExt: env.PATHEXT, nothrow: true }) ?? undefined;
}

/** The path, when it is an executable file. */
function executable(path: string): string | undefined {
  return which.sync(path, { nothrow: true }) ?? undefined;
}
