/**
 * What each deployment's state holds (its outputs: the client id and the redirect URIs), read without the
 * genesyscloud provider: the given deployments' backend blocks alone are synthesized into a temporary folder (the
 * app builder's backendsOnly: no other deployment's stack is built), and each goes into a folder of its own, where the engine's `init` needs no provider (so no registry) and its
 * `state pull` reads the state, once: its outputs and the client's attributes (Terraform or OpenTofu: lib/app/stack/engine.ts). The output folder of synth, and a `cdk.tf` kept from `synth --hcl`, are
 * not touched; only the backend's credentials are used.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { withoutCredentials } from "../stack/credentials";
import { MIGRATION_OUTPUTS } from "../stack/deployment-stack";
import { buildApp } from "../stack/app";
import { Deployment } from "../deployments/deployments";
import { Engine, resolveEngine } from "../stack/engine";
import { localStateProblem } from "../stack/backend";

import { isJsonObject } from "../../shared/json-input";
import { inParallel } from "../../shared/in-parallel";
import { runCaptured } from "../../shared/child-process";

export interface StateOutputs {
  /** The client id in the state; undefined when the state holds none (not deployed yet). */
  readonly clientId?: string;
  readonly redirectUris: string[];
  /** During a migration: the authorization-code client's id, once its step is applied. */
  readonly authorizationCodeClientId?: string;
  /** During a migration: the step the state holds (applied), as the migration output says it. */
  readonly migrationStep?: string;
  /** During a migration: what the Salesforce admin does now (the stack's salesforce_admin_next_step output). */
  readonly salesforceAdminNextStep?: string;
  /**
   * The attributes the state holds for the client `clientId` names (its genesyscloud_oauth_client instance, from
   * `state pull`): what the last apply left, which the drift report compares with the org. Undefined when not found.
   */
  readonly clientAttributes?: Readonly<Record<string, unknown>>;
}

export type StateReading = { readonly outputs: StateOutputs } | { readonly problem: string };

/**
 * Each deployment's outputs, or why its state could not be read; `parallelism` states are read at once (each an init
 * and an output of its backend alone): the runner's --parallelism, or DEFAULT_PARALLELISM where a command has none,
 * never one at a time by default. Only the deployments given are built and read: a command about one deployment gives
 * that one. Throws nothing for a user's mistake.
 */
export async function readStates(
  deployments: readonly Deployment[],
  baseDir: string,
  env: NodeJS.ProcessEnv,
  parallelism: number,
): Promise<Map<string, StateReading>> {
  const readings = new Map<string, StateReading>();
  const engine = await resolveEngine(env);
  if ("problem" in engine) {
    for (const d of deployments) readings.set(d.name, { problem: engine.problem });
    return readings;
  }
  const read = await inBackendFolders(
    deployments,
    baseDir,
    env,
    parallelism,
    (dir, backendEnv) => readOutputs(dir, backendEnv, engine),
    (why) => ({ problem: `could not read its state: ${why}` }),
  );
  deployments.forEach(({ name }, i) => readings.set(name, read[i]));
  return readings;
}

/** The states of the deployments given, as far as read (a reader may leave a deployment out: unknown). */
export type StatesOf = (deployments: readonly Deployment[]) => Promise<ReadonlyMap<string, StateReading | undefined>>;

/**
 * States read when a command finds it needs them, each at most once (a read under way is shared by whoever asks
 * next), `parallelism` at once per batch: a command about one deployment reads its own state, and another's only
 * where it must tell whose a client is. `read`: readStates, or a test's own.
 */
export function statesOnDemand(
  read: (
    deployments: readonly Deployment[],
    baseDir: string,
    env: NodeJS.ProcessEnv,
    parallelism: number,
  ) => Promise<ReadonlyMap<string, StateReading>>,
  baseDir: string,
  env: NodeJS.ProcessEnv,
  parallelism: number,
): StatesOf {
  const asked = new Map<string, Promise<StateReading | undefined>>();
  return async (deployments) => {
    const missing = deployments.filter((d) => !asked.has(d.name));
    if (missing.length > 0) {
      const batch = read(missing, baseDir, env, parallelism);
      for (const { name } of missing)
        asked.set(
          name,
          batch.then((states) => states.get(name)),
        );
    }
    return new Map(await Promise.all(deployments.map(async ({ name }) => [name, await asked.get(name)] as const)));
  };
}

/**
 * `each` run for every deployment, `parallelism` at once, in a temporary folder holding that deployment's backend block
 * alone (no provider, no resource), with the environment for the engine there: the backend's credentials only, never
 * the genesyscloud provider's. The folders are removed afterwards. Results in the deployments' order. A local state
 * that is not a regular file beside the deployments file (a FIFO would hold the engine's init forever) is `refused`,
 * with why, before the engine runs.
 */
export async function inBackendFolders<T>(
  deployments: readonly Deployment[],
  baseDir: string,
  env: NodeJS.ProcessEnv,
  parallelism: number,
  each: (dir: string, backendEnv: NodeJS.ProcessEnv, deployment: Deployment) => Promise<T>,
  refused: (why: string) => T,
): Promise<T[]> {
  const work = mkdtempSync(join(tmpdir(), "scv-state-"));
  try {
    // The given deployments' backends alone: reading some states never builds the others' stacks.
    buildApp(deployments, baseDir, { outdir: join(work, "synth"), backendsOnly: true }).synth();
    const backendEnv = { ...withoutCredentials(env), CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
    return await inParallel(deployments, parallelism, async (deployment) => {
      const local = localStateProblem(deployment.name, deployment.backend, baseDir);
      if (local) return refused(local.message);
      const stack = JSON.parse(readFileSync(join(work, "synth", "stacks", deployment.name, "cdk.tf.json"), "utf8"));
      const dir = join(work, "backends", deployment.name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "backend.tf.json"), JSON.stringify({ terraform: { backend: stack.terraform.backend } }));
      return each(dir, backendEnv, deployment);
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function readOutputs(dir: string, env: NodeJS.ProcessEnv, engine: Engine): Promise<StateReading> {
  const run = (...args: string[]) => runCaptured(engine.binary, args, { cwd: dir, env });
  const init = await run("init", "-input=false", "-no-color");
  // One read of the state gives its outputs and the client's attributes (the drift report compares them with the org).
  const pulled = init.status === 0 ? await run("state", "pull") : init;
  if (pulled.status !== 0) return { problem: `could not read its state:\n${(pulled.stderr || pulled.stdout).trim()}` };
  // What the engine on PATH prints is read as data: nothing is no state yet; anything but a state is a problem of it.
  let state: unknown;
  try {
    state = pulled.stdout.trim() === "" ? {} : JSON.parse(pulled.stdout);
  } catch {
    state = undefined;
  }
  const values = isJsonObject(state) ? (state.outputs ?? {}) : undefined;
  if (!isJsonObject(values))
    return { problem: `could not read its state: ${engine.command} state pull printed no state (a JSON object with its outputs)` };
  const outputOf = (name: string) => (Object.hasOwn(values, name) && isJsonObject(values[name]) ? values[name].value : undefined);
  const clientId = outputOf("client_id");
  const uris = outputOf("redirect_uris");
  const codeClientId = outputOf(MIGRATION_OUTPUTS.authorizationCodeClientId);
  const migration = outputOf(MIGRATION_OUTPUTS.migration);
  const step = isJsonObject(migration) ? migration.step : undefined;
  const nextStep = outputOf(MIGRATION_OUTPUTS.nextStep);
  const attributes = typeof clientId === "string" ? clientAttributesOf(state, clientId) : undefined;
  return {
    outputs: {
      clientId: typeof clientId === "string" ? clientId : undefined,
      redirectUris: Array.isArray(uris) ? uris.filter((u): u is string => typeof u === "string") : [],
      ...(typeof codeClientId === "string" && { authorizationCodeClientId: codeClientId }),
      ...(typeof step === "string" && { migrationStep: step }),
      ...(typeof nextStep === "string" && { salesforceAdminNextStep: nextStep }),
      ...(attributes && { clientAttributes: attributes }),
    },
  };
}

/** The attributes of the state's genesyscloud_oauth_client instance whose id is `clientId`, from `state pull`'s JSON. */
export function clientAttributesOf(state: unknown, clientId: string): Record<string, unknown> | undefined {
  if (!isJsonObject(state) || !Array.isArray(state.resources)) return undefined;
  for (const resource of state.resources) {
    if (!isJsonObject(resource) || resource.type !== "genesyscloud_oauth_client" || resource.mode !== "managed") continue;
    for (const instance of Array.isArray(resource.instances) ? resource.instances : []) {
      if (isJsonObject(instance) && isJsonObject(instance.attributes) && instance.attributes.id === clientId) return instance.attributes;
    }
  }
  return undefined;
}
