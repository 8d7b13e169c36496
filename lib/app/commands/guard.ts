/**
 * `guard <deployment name> [--note <file>]`: every check a deploy makes before it applies, for one deployment, in the
 * order they can fail without running anything: its Genesys Cloud credentials (before any engine runs, so that a
 * missing secret is this message, not the provider's `Auth Error: 401`), the provider lock file, the org the
 * credentials belong to (GET /api/v2/organizations/me: credentials Genesys refuses are said here too; compared with
 * genesysCloud.organizationId where the file has it), a second client for the
 * Salesforce org (client-identity.ts), and, when the file's migration step stops the implicit client issuing tokens
 * (deactivate, retire by delete: stopsIssuingTokens) and is not applied yet, that client's usage over the last days,
 * asked now (a step written while the client was unused may be merged after it was used again). The plan job of a
 * pull request runs it with --note, so that the comment and the gate say what the deploy would stop on; the deploy
 * job runs it right before the apply. Exit 0: nothing stops the deploy; 1: something does, or it cannot be told.
 */
import { baseDirOf, Deployment } from "../deployments/deployments";
import { loadSelected } from "../deployments/selection";
import { ApiOptions, GenesysApiError, oauthClientUsage, organizationOf } from "../genesys/api";
import { clientIdentityStop, deployStopOf } from "../genesys/client-identity";
import { DeployStop, stopInLog, stopInNote } from "../genesys/deploy-stop";
import { inUse, summarizeUsage, usageInWords } from "../genesys/usage";
import { readStates, StateReading, statesOnDemand } from "../state/read-states";
import { DEFAULT_PARALLELISM } from "./parallelism";
import { credentialsDeploymentProblem, credentialsInWords, isCredentialsProblem, resolveCredentials } from "../stack/credentials";
import { resolveEngine } from "../stack/engine";
import { LOCK_FILE, readLockFile } from "../stack/provider-lock";
import { DEFAULT_USAGE_DAYS } from "./migrate";
import { noteProblem, writeNote } from "./note-file";
import { CommandIo } from "../../shared/command";
import { commandLineMessage, declareCommand, OptionDeclarations, ParsedArguments } from "../../shared/command-declaration";
import { fromWhereTheUserStands } from "../../shared/paths";
import { showHiddenCharacters } from "../../shared/plain-text";
import { stopsIssuingTokens } from "../../shared/policy";
import { typed } from "../../shared/typed-command";
import { InputError } from "../../shared/problems";

export const EXIT = { ok: 0, stopped: 1 } as const;

const ONE_DEPLOYMENT = "the name of one deployment, not a pattern";

/** How the guard reaches the API and the states; tests give their own. */
export interface GuardOptions {
  readonly api?: ApiOptions & { polls?: number; pollMs?: number };
  readonly readStates?: typeof readStates;
  /** "credentials": the credentials and the org only (the drift check, which reports what the rest would find). */
  readonly only?: "credentials";
}

const GUARD_OPTIONS = {
  note: {
    type: "string",
    value: "file",
    description:
      "also write what stops the deploy into <file> (<deployment>.note.json beside the plan), which plan-summary shows and which fails its gate",
  },
  credentials: { type: "boolean", description: "the credentials and their org only (the drift check runs this before its plan)" },
} satisfies OptionDeclarations;

export const guardCommand = declareCommand({
  name: "guard",
  summary: "every check a deploy makes before it applies, for one deployment (the workflows run it before plan and apply)",
  arguments: { name: "deployment name", min: 1, max: 1, allowed: ONE_DEPLOYMENT },
  description: `Every check a deploy of the deployment makes before it applies, in this order: its Genesys Cloud credentials (before
any engine runs), the provider lock file (${LOCK_FILE}, with the genesyscloud provider of the engine that runs), the
org the credentials belong to (genesysCloud.organizationId), a second client for its Salesforce org, and, when the
file's migration step deactivates or deletes the implicit client and is not applied yet, that client's API usage
over the last ${DEFAULT_USAGE_DAYS} days (any use stops it, unless the step was written with --despite-usage).
Pipelines run it in a pull request's plan job (--note) and right before the deploy's apply.`,
  options: GUARD_OPTIONS,
  epilogue: "Exit code: 0 when nothing stops the deploy; 1 when something does, or it cannot be told (each reason printed).",
  run: guard,
});

async function guard(
  { values, positionals }: ParsedArguments<typeof GUARD_OPTIONS>,
  env: NodeJS.ProcessEnv,
  io: CommandIo,
  { api = {}, readStates: statesOf = readStates }: GuardOptions = {},
): Promise<number> {
  if (positionals[0].includes("*")) {
    io.err(`${commandLineMessage("guard", { path: [], place: "<deployment name>", given: positionals[0], allowed: ONE_DEPLOYMENT })}\n`);
    return EXIT.stopped;
  }
  const note = values.note === undefined ? undefined : fromWhereTheUserStands(values.note, env);
  const notWritable = note === undefined ? undefined : noteProblem(note);
  if (notWritable) {
    io.err(
      `guard: --note: given ${JSON.stringify(showHiddenCharacters(values.note!))} (${notWritable}); allowed: a file, or a new one in an existing folder\n`,
    );
    return EXIT.stopped;
  }
  const loaded = loadSelected(env, positionals, "guard", { writes: false });
  if ("problem" in loaded) {
    io.err(`${loaded.problem}\n`);
    return EXIT.stopped;
  }
  const { file, deployments, selected } = loaded;
  const deployment = selected[0];
  const only = values.credentials ? "credentials" : undefined;
  const stops = await checksBeforeApply(deployment, deployments, baseDirOf(file), env, { api, readStates: statesOf, only });
  if (stops.length === 0) {
    io.out(
      only
        ? `${deployment.name}: its credentials are set, Genesys Cloud accepts them, and they are of its org\n`
        : `${deployment.name}: nothing stops a deploy (credentials, lock file, org, second client, usage checked)\n`,
    );
    return EXIT.ok;
  }
  for (const stop of stops) io.err(`${stopInLog(stop)}\n`);
  const unwritten = note === undefined ? undefined : writeNote(note, { stack: deployment.name, stops: stops.map(stopInNote) });
  if (unwritten) io.err(`guard: --note: ${unwritten}: what stops the deploy is in this log only\n`);
  return EXIT.stopped;
}

/**
 * What stops a deploy of the deployment, each reason one message naming the deployment; none when nothing does.
 * Never throws for what it asks: a question that cannot be answered is a reason (it fails closed).
 */
export async function checksBeforeApply(
  deployment: Deployment,
  all: readonly Deployment[],
  baseDir: string,
  env: NodeJS.ProcessEnv,
  { api = {}, readStates: statesOf = readStates, only }: GuardOptions = {},
): Promise<DeployStop[]> {
  const name = deployment.name;
  const stop = (reason: string, more: Omit<DeployStop, "deployment" | "reason"> = {}): DeployStop => ({
    deployment: name,
    reason,
    ...more,
  });
  // 1. The credentials, before anything is asked or run: the environment and the secrets named, as the job holds them.
  const scoped = credentialsDeploymentProblem(env, all);
  if (scoped) return [stop(`${scoped}.`, { undone: "Nothing was asked." })];
  const resolved = resolveCredentials(deployment, env);
  const github = env.GITHUB_ACTIONS === "true" && env.SCV_CREDENTIALS_DEPLOYMENT === name;
  const where = github
    ? ` In GitHub, the job's environment (${name} for a deploy, ${name}-plan for a pull request's plan) holds them as the secrets ` +
      "GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET (Settings > Environments)."
    : "";
  if (isCredentialsProblem(resolved)) {
    return [
      stop(`no Genesys Cloud credentials: ${credentialsInWords(resolved)}.${where}`, { undone: "Nothing was asked, nothing was run." }),
    ];
  }
  const stops: DeployStop[] = [];
  // 2. The lock file, beside the deployments file, with the provider of the engine that runs.
  const lock = only ? undefined : await lockFileProblem(baseDir, env);
  if (lock) stops.push(stop(lock));
  // 3. The org the credentials belong to: asked whatever the file says, so that credentials Genesys refuses are this
  // message, not the provider's; compared with genesysCloud.organizationId where the file has it.
  const expected = deployment.genesysCloud.organizationId;
  try {
    const org = await organizationOf(deployment, env, api);
    if (expected !== undefined && org.id.toLowerCase() !== expected.toLowerCase()) {
      stops.push(
        stop(
          `its credentials are of org ${org.id} (${JSON.stringify(org.name)}), and genesysCloud.organizationId is ${expected}: ` +
            `a deploy would act on the wrong org. Use the credentials of org ${expected}, or correct genesysCloud.organizationId.`,
        ),
      );
      // Whatever else is asked would be asked of the wrong org.
      return stops;
    }
  } catch (e) {
    if (!(e instanceof GenesysApiError)) throw e;
    return [...stops, stop(`${e.message}${where ? `.${where}` : ""}`, { named: true, unknown: "whose org the credentials are" })];
  }
  if (only) return stops;
  // 4. A second client for the Salesforce org (and an importClientId the state contradicts): its own state; another
  // deployment's only where a client on the org must be told whose it is (ownersOfOrgClients).
  const moreStates = statesOnDemand(statesOf, baseDir, env, DEFAULT_PARALLELISM);
  const states = await moreStates([deployment]);
  const state = states.get(name);
  const second = await clientIdentityStop(deployment, { all, states, moreStates, env, api });
  if (second) stops.push(deployStopOf(second));
  // 5. The usage of the implicit client a step not yet applied would deactivate or delete, asked now.
  const usage = await usageProblem(deployment, state, env, api);
  if (usage) stops.push(usage);
  return stops;
}

/** Why the lock file would not do for a deploy, or undefined. */
export async function lockFileProblem(baseDir: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  let text: string | undefined;
  try {
    // Read as every file beside the deployments file is: a FIFO, a folder or a link out of the folder is one message.
    text = readLockFile(baseDir);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.message;
  }
  if (text === undefined) {
    return `${LOCK_FILE} is missing beside the deployments file: a deploy inits from the reviewed lock file only. Write it (${typed("lock")}) and commit it.`;
  }
  const engine = await resolveEngine(env);
  if ("problem" in engine) return engine.problem;
  const registry = engine.name === "OpenTofu" ? "registry.opentofu.org" : "registry.terraform.io";
  if (!text.includes(`provider "${registry}/mypurecloud/genesyscloud"`)) {
    return (
      `${LOCK_FILE} names no genesyscloud provider from ${registry}, which ${engine.name} inits from: ` +
      `write it with ${engine.name} (${typed("lock")}, with .engine saying ${engine.command}) and commit it.`
    );
  }
  return undefined;
}

async function usageProblem(
  deployment: Deployment,
  state: StateReading | undefined,
  env: NodeJS.ProcessEnv,
  api: GuardOptions["api"],
): Promise<DeployStop | undefined> {
  const migration = deployment.oauthClient?.migration;
  if (!migration || !stopsIssuingTokens(migration) || migration.despiteUsage) return undefined;
  if (state && "problem" in state)
    return { deployment: deployment.name, reason: state.problem, unknown: "whether its implicit client is still used" };
  const outputs = state?.outputs;
  // Applied already: the step's change is made; nothing more stops issuing tokens.
  if (outputs?.migrationStep === migration.step) return undefined;
  const implicit = outputs?.migrationStep === "retire" ? undefined : (outputs?.clientId ?? deployment.oauthClient?.importClientId);
  if (implicit === undefined) return undefined;
  const days = DEFAULT_USAGE_DAYS;
  try {
    const summary = summarizeUsage(await oauthClientUsage(deployment, env, implicit, days, api));
    if (!inUse(summary)) return undefined;
    const what =
      migration.step === "deactivate"
        ? "deactivating it would log those agents out"
        : "deleting it would log out whoever still holds its tokens, for good";
    return {
      deployment: deployment.name,
      reason: `the migration's step ${migration.step} would stop the implicit client ${implicit} issuing tokens, and it had ${usageInWords(summary, days)}: ${what}.`,
      undone: "Nothing was run.",
      details: [
        {
          text:
            `Wait until it has none (${typed("migrate", deployment.name)} shows its usage), ` +
            "or write the step with --despite-usage (oauthClient.migration.despiteUsage: true) in a reviewed pull request.",
        },
      ],
    };
  } catch (e) {
    if (!(e instanceof GenesysApiError)) throw e;
    return {
      deployment: deployment.name,
      reason: e.message,
      named: true,
      unknown: `whether the implicit client ${implicit} is still used`,
    };
  }
}
