/**
 * A workflow's actions/github-script step run as that action runs it: its script as the body of an async function
 * of github, context, core and require, with the step's `env:` (evaluated by @actions/expressions) as process.env.
 * `github` is the test's stand-in for the REST API; what the script sets with core.setOutput is returned.
 */
import { valueOf } from "./github-expressions";

export interface ScriptRun {
  /** The step: its `with.script` and `env`. */
  step: { with: { script: string }; env?: Record<string, string> };
  /** The contexts its `env:` expressions read (inputs, needs, matrix, ...). */
  contexts?: Record<string, unknown>;
  context: Record<string, unknown>;
  github: unknown;
  /** Variables the runner sets (RUNNER_TEMP, ...). */
  runnerEnv?: Record<string, string>;
  /** What the script may call on `core` besides setOutput (getIDToken, ...): the test's stand-ins. */
  core?: Record<string, unknown>;
}

const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<unknown>;

export async function runGithubScript({
  step,
  contexts = {},
  context,
  github,
  runnerEnv = {},
  core: extra = {},
}: ScriptRun): Promise<Record<string, string>> {
  const env: Record<string, string> = { ...runnerEnv };
  for (const [name, value] of Object.entries(step.env ?? {})) env[name] = valueOf(value, contexts);
  const outputs: Record<string, string> = {};
  const core = { ...extra, setOutput: (name: string, value: unknown) => void (outputs[name] = String(value)) };
  const script = new AsyncFunction("github", "context", "core", "require", "process", step.with.script);
  await script(github, context, core, require, { env });
  return outputs;
}
