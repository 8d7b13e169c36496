/**
 * The engine that runs every stack: Terraform or OpenTofu. cdktf's own variable TERRAFORM_BINARY_NAME chooses it (a
 * command on PATH, `terraform` or `tofu`, or the path of either's executable); unset, it is `terraform` when PATH has
 * it, else `tofu`. Every place this tool runs the engine (reading states, lock, the cdktf processes) takes it from here,
 * and messages about the running engine name it ("OpenTofu", "Terraform").
 */
import { basename, isAbsolute } from "path";
import which from "which";
import { describeProblem } from "../../shared/problems";
import { runCaptured } from "../../shared/child-process";

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

/** How long `<engine> version` has to answer (it answers in well under a second; a machine under load is slower). */
export const VERSION_DEADLINE_MS = 15_000;

/**
 * The engine the environment chooses, or the one message why there is none. Starts no process unless the
 * setting names an executable called neither terraform nor tofu (then `<it> version` says which engine it is: asked
 * once per executable in a run, with one deadline, VERSION_DEADLINE_MS).
 */
export async function resolveEngine(
  env: NodeJS.ProcessEnv,
  { versionDeadlineMs = VERSION_DEADLINE_MS }: { versionDeadlineMs?: number } = {},
): Promise<Engine | { readonly problem: string }> {
  const given = env[ENGINE_VARIABLE];
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

/** The environment with TERRAFORM_BINARY_NAME set to the resolved engine, for cdktf; unchanged when there is none. */
export async function withEngine(env: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> {
  const engine = await resolveEngine(env);
  return "problem" in engine ? env : { ...env, [ENGINE_VARIABLE]: engine.binary };
}

/** "OpenTofu" or "Terraform" from the first line `<engine> version` prints; undefined for anything else. */
export function engineNameFromVersion(text: string): EngineName | undefined {
  const first = text.trimStart().split("\n")[0];
  if (/^OpenTofu v\d/.test(first)) return "OpenTofu";
  if (/^Terraform v\d/.test(first)) return "Terraform";
  return undefined;
}

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
