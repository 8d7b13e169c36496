/**
 * `migrate <deployment name> [--write]`: moves a deployment's implicit-grant client to Authorization Code
 * with PKCE (the provider's CODE) in reviewed steps, each written into the deployments file as oauthClient.migration
 * (edit.ts, as adopt writes importClientId) and applied by the usual pull request and deploy:
 *   side-by-side  a second client with the authorization-code grant beside the implicit one, which stays as it is
 *   deactivate    the implicit client inactive (same id); refused while it had requests in the usage window
 *   retire        the implicit client forgotten (a removed block; the default, which cannot lose anything) or deleted
 * Without --write it shows where the migration stands and the API usage of both clients (the OAuth client usage API).
 * A step is written only once the one before is applied (the state says so). Exit 0: shown or written; 3: the step
 * was refused (the implicit client is still used, or the step before is not applied); 1: an error (one message).
 */
import { baseDirOf, oauthClientProps } from "../deployments/deployments";
import { writeMigration } from "../deployments/edit";
import { loadSelected } from "../deployments/selection";
import { ApiOptions, ApiUsageRow, GenesysApiError, oauthClientUsage } from "../genesys/api";
import { inUse, summarizeUsage, UsageSummary, usageInWords } from "../genesys/usage";
import { readStates, StateReading } from "../state/read-states";
import { OAuthClientMigration, resolveOAuthClientSettings } from "../../construct/internal";
import { CommandIo } from "../../shared/command";
import { commandLineMessage, declareCommand, OptionDeclarations, ParsedArguments } from "../../shared/command-declaration";
import { MIGRATION_STEP_TEXTS, salesforceAdminAt, salesforceAdminBack, stepNumber } from "../../shared/migration";
import { showHiddenCharacters } from "../../shared/plain-text";
import { DEFAULT_RETIRE_BY, MIGRATION_STEPS, MigrationStep, RETIRE_BY, RetireBy, stopsIssuingTokens } from "../../shared/policy";
import { Description, InputError } from "../../shared/problems";
import { docsPage, typed } from "../../shared/typed-command";

export const EXIT = { ok: 0, error: 1, refused: 3 } as const;

const ONE_DEPLOYMENT = "the name of one deployment, not a pattern";

/** The usage window, in days, unless --days says otherwise. */
export const DEFAULT_USAGE_DAYS = 7;
const MAX_USAGE_DAYS = 30;

/** How migrate reaches the API and the states; tests give their own. */
export interface MigrateOptions {
  readonly api?: ApiOptions & { polls?: number; pollMs?: number };
  readonly readStates?: typeof readStates;
}

/** The migration step after `current`, or undefined after the last. */
export function nextStep(current: MigrationStep | undefined): MigrationStep | undefined {
  return MIGRATION_STEPS[stepNumber(current)];
}

/** The migration that --write writes from `current`: the next step (or the one before with `back`), or why not. */
export function steppedMigration(
  current: Required<OAuthClientMigration> | undefined,
  { back, despiteUsage, retireBy }: { back: boolean; despiteUsage: boolean; retireBy: RetireBy | undefined },
): OAuthClientMigration | string {
  if (back) {
    if (current?.step !== "deactivate")
      return current === undefined
        ? "there is no migration to go back from"
        : current.step === "side-by-side"
          ? "side-by-side is the first step: to give up the migration, remove oauthClient.migration and delete the authorization-code client (preventDestroy: false for that change)"
          : "retire cannot be undone by a step: a forgotten implicit client is still in Genesys Cloud (inactive), and can be adopted again by hand";
    return { step: "side-by-side" };
  }
  const step = nextStep(current?.step);
  if (step === undefined) return "the migration is done: the org uses the authorization-code client only";
  return {
    step,
    ...(step !== "side-by-side" && (despiteUsage || current?.despiteUsage) && { despiteUsage: true }),
    // Written out at retire, so that the reviewer reads which: forget unless told, the way that cannot lose anything.
    ...(step === "retire" && { retireBy: retireBy ?? DEFAULT_RETIRE_BY }),
  };
}

const MIGRATE_OPTIONS = {
  write: {
    type: "boolean",
    description: "write the next step into the deployments file as oauthClient.migration; open a pull request with it, deploy once merged",
  },
  back: { type: "boolean", description: "with --write: go back one step (deactivate → side-by-side reactivates the implicit client)" },
  "despite-usage": {
    type: "boolean",
    description: "with --write: deactivate although the implicit client had requests (the review says so)",
  },
  "retire-by": {
    type: "string",
    value: "how",
    description:
      "with --write at retire: forget (default: it stays in Genesys Cloud, inactive) or delete (the review holds the plan until allowed)",
  },
  days: {
    type: "string",
    value: "n",
    description: `the usage window: 1 to ${MAX_USAGE_DAYS} days (${DEFAULT_USAGE_DAYS} when not given)`,
  },
} satisfies OptionDeclarations;

export const migrateCommand = declareCommand({
  name: "migrate",
  summary: "move a deployment off the implicit grant, step by reviewed step, with no login gap",
  arguments: { name: "deployment name", min: 1, max: 1, allowed: ONE_DEPLOYMENT },
  description: `Moves the deployment's implicit-grant OAuth client to Authorization Code with PKCE in reviewed steps, without a login
gap (${docsPage("migrating")}). Without --write: where the migration stands, and the API usage of both clients over the last
--days days (the role needs ${"OAuth > Client > View"} or Usage > Client > View). --write writes the next step:
  1 side-by-side  a second client, authorization-code grant, beside the untouched implicit one
  2 deactivate    the implicit client inactive, same id (refused while it had requests)
  3 retire        the implicit client forgotten (kept in Genesys Cloud) or deleted`,
  options: MIGRATE_OPTIONS,
  epilogue: `Exit code: 0 shown or written; 3 the step was refused (the implicit client is still used, or the step before it is
not applied yet); 1 on an error.`,
  run: migrate,
});

async function migrate(
  { values: v, positionals }: ParsedArguments<typeof MIGRATE_OPTIONS>,
  env: NodeJS.ProcessEnv,
  io: CommandIo,
  { api = {}, readStates: statesOf = readStates }: MigrateOptions = {},
): Promise<number> {
  const refuse = (option: string, given: string, allowed: string) => {
    io.err(`migrate: ${option}: given ${JSON.stringify(showHiddenCharacters(given))}; allowed: ${allowed}\n`);
    return EXIT.error;
  };
  const days = v.days === undefined ? DEFAULT_USAGE_DAYS : /^\d{1,2}$/.test(v.days) ? Number(v.days) : NaN;
  if (!(days >= 1 && days <= MAX_USAGE_DAYS)) return refuse("--days", v.days ?? "", `a whole number of days from 1 to ${MAX_USAGE_DAYS}`);
  const retireBy = v["retire-by"];
  if (retireBy !== undefined && !(RETIRE_BY as readonly string[]).includes(retireBy))
    return refuse("--retire-by", retireBy, `${RETIRE_BY.join(" or ")}`);
  for (const flag of ["back", "despite-usage", "retire-by"] as const) {
    if (v[flag] !== undefined && !v.write) {
      io.err(
        `${commandLineMessage("migrate", { path: [], place: `--${flag}`, given: new Description(`--${flag} without --write`), allowed: "only with --write, which writes the step it changes" })}\n`,
      );
      return EXIT.error;
    }
  }

  const loaded = loadSelected(env, positionals, "migrate", { writes: true });
  if ("problem" in loaded) {
    io.err(`${loaded.problem}\n`);
    return EXIT.error;
  }
  const { file, selected } = loaded;
  if (selected.length !== 1) return refuse("<deployment name>", positionals[0], ONE_DEPLOYMENT);
  const deployment = selected[0];
  const settings = resolveOAuthClientSettings(oauthClientProps(deployment));
  const migration = settings.migration;
  const heading = `${deployment.name} (${settings.lightningHost})`;
  if (settings.grantType !== "implicit") {
    io.err(
      `migrate: ${deployment.name}: its client has the ${settings.grantType} grant already (oauthClient.grantType): there is no implicit client to migrate. Nothing was written.\n`,
    );
    return EXIT.error;
  }

  // Its own state alone: where its migration stands is in no other.
  const state: StateReading | undefined = (await statesOf([deployment], baseDirOf(file), env, 1)).get(deployment.name);
  if (state && "problem" in state) {
    io.err(`${deployment.name}: ${state.problem}\n  (where the migration stands cannot be told: nothing was written)\n`);
    return EXIT.error;
  }
  const outputs = state?.outputs;
  const applied = outputs?.migrationStep as MigrationStep | undefined;
  // The implicit client the deploy acts on: the state's (until retire is applied, when the state's client is the new
  // one), else the one the file adopts. Where both name one and they differ, both are judged, and no step is written.
  const held = applied === "retire" ? undefined : outputs?.clientId;
  const named = settings.importClientId;
  const mismatch = held !== undefined && named !== undefined && held.toLowerCase() !== named.toLowerCase();
  const implicitIds = [...new Set([held, named].filter((id): id is string => id !== undefined))];
  const implicitId = implicitIds[0];
  const codeId = outputs?.authorizationCodeClientId;
  const shown = showHiddenCharacters;

  io.out(`${heading}: migration off the implicit grant to Authorization Code with PKCE\n`);
  io.out(`  in the deployments file: ${migration ? MIGRATION_STEP_TEXTS[migration.step].title : "no migration yet"}\n`);
  io.out(
    `  applied (its state): ${applied ? `step ${stepNumber(applied)}, ${shown(applied)}` : outputs?.clientId ? "no migration step yet" : "nothing deployed"}\n`,
  );
  io.out(
    `  implicit client: ${
      mismatch
        ? `${shown(held)} in its state, but oauthClient.importClientId names ${shown(named)}`
        : implicitId !== undefined
          ? shown(implicitId)
          : applied === "retire"
            ? "retired"
            : `none: adopt or deploy it first (${typed("adopt", deployment.name, "--write")})`
    }\n`,
  );
  io.out(
    `  authorization-code client: ${codeId !== undefined ? shown(codeId) : migration ? "not created yet (deploy the side-by-side step)" : "none yet"}\n`,
  );

  // The usage of every client the migration judges, where its id is known.
  const judged: [label: string, id: string][] = [
    ...implicitIds.map((id) => [mismatch ? `implicit client ${id}` : "implicit client", id] as [string, string]),
    ...(codeId === undefined ? [] : [["authorization-code client", codeId] as [string, string]]),
  ];
  const usage = new Map<string, UsageSummary>();
  for (const [label, id] of judged) {
    let rows: ApiUsageRow[];
    try {
      rows = await oauthClientUsage(deployment, env, id, days, api);
    } catch (e) {
      if (!(e instanceof GenesysApiError)) throw e;
      io.err(`${e.message}\n${v.write ? "Nothing was written.\n" : ""}`);
      return EXIT.error;
    }
    const summary = summarizeUsage(rows);
    usage.set(id, summary);
    io.out(`  usage of the ${shown(label)}: ${usageInWords(summary, days)}\n`);
  }
  const implicitUsed = implicitIds.filter((id) => inUse(usage.get(id)!));
  if (implicitIds.length > 0 && migration?.step === applied && applied !== undefined && nextStep(applied) !== undefined) {
    io.out(
      implicitUsed.length === 0
        ? `  the implicit client had no requests in the last ${days} days: the next step, ${nextStep(applied)}, may be written\n`
        : "  the implicit client is still used: agents still log in through it (is the package switched to the new client with PKCE in every profile?)\n",
    );
  }

  if (!v.write) {
    const next = nextStep(migration?.step);
    io.out(
      next === undefined
        ? "  the migration is done\n"
        : `  next: ${typed("migrate", deployment.name, "--write")} (${MIGRATION_STEP_TEXTS[next].title})\n`,
    );
    return EXIT.ok;
  }

  // --write: the step after the one applied, never two at once.
  const written = steppedMigration(migration, {
    back: Boolean(v.back),
    despiteUsage: Boolean(v["despite-usage"]),
    retireBy: retireBy as RetireBy,
  });
  if (typeof written === "string") {
    io.err(`migrate: ${deployment.name}: ${written}. Nothing was written.\n`);
    return EXIT.refused;
  }
  if (mismatch) {
    io.err(
      `migrate: ${deployment.name}: its state holds implicit client ${shown(held)}, but oauthClient.importClientId names ${shown(named)}: ` +
        `a deploy would act on ${shown(held)}, and which client the migration is for cannot be told. Make them agree first ` +
        `(${typed("deploy", deployment.name)} says how). Nothing was written.\n`,
    );
    return EXIT.refused;
  }
  if (!implicitId && written.step === "side-by-side") {
    io.err(
      `migrate: ${deployment.name}: it has no implicit client yet (no importClientId, nothing in its state): adopt the one the org has (${typed("adopt", deployment.name, "--write")}) or deploy, then migrate. Nothing was written.\n`,
    );
    return EXIT.refused;
  }
  if (!v.back && migration && applied !== migration.step) {
    io.err(
      `migrate: ${deployment.name}: the file's step (${migration.step}) is not applied yet (its state: ${applied ? shown(applied) : "no migration step"}): ` +
        `merge and deploy it first, then write the next. Nothing was written.\n`,
    );
    return EXIT.refused;
  }
  // A step that stops the implicit client from issuing tokens is evidence-gated: any use in the window refuses it.
  if (!v.back && stopsIssuingTokens(written) && implicitUsed.length > 0 && !v["despite-usage"]) {
    const what =
      written.step === "deactivate"
        ? "deactivating it now would log those agents out"
        : "deleting it now would log out whoever still holds its tokens, for good";
    io.err(
      `migrate: ${deployment.name}: the implicit client had ${implicitUsed.map((id) => usageInWords(usage.get(id)!, days)).join("; the other, ")}: ${what}. ` +
        "Wait until it has none (switch the remaining profiles to the new client with PKCE), or write the step anyway with --despite-usage " +
        "(the review comment then says so). Nothing was written.\n",
    );
    return EXIT.refused;
  }
  try {
    writeMigration(file, deployment, written);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.err(`${e.message}\nNothing was written.\n`);
    return EXIT.error;
  }
  const text = MIGRATION_STEP_TEXTS[written.step];
  io.out(
    `  wrote oauthClient.migration ${JSON.stringify(written)} into ${file}: ${v.back ? "back to " : ""}${text.title}\n` +
      `  for agents: ${text.agents}\n` +
      `  the Salesforce admin: ${v.back ? salesforceAdminBack(deployment.name) : salesforceAdminAt(written.step, { deploymentName: deployment.name })}\n` +
      (written.step === "retire" && written.retireBy === "delete"
        ? "  the implicit client will be deleted: the plan is held until a maintainer adds the allow label\n"
        : "") +
      (written.despiteUsage && stopsIssuingTokens(written)
        ? "  written despite the implicit client's usage: the review comment says so\n"
        : "") +
      "  open a pull request with this change; once merged, the deploy applies it\n",
  );
  return EXIT.ok;
}
