/**
 * The migration off the implicit grant in words, once for the command that writes its steps (migrate), the
 * stack's outputs, the review comment and docs/migrating.md: what each step changes for agents, and what the
 * Salesforce admin does before and after it is applied.
 */
import { GrantType, MIGRATION_STEPS, migrateCommandFor, MigrationStep } from "./policy";
import { typed } from "./typed-command";

export interface MigrationStepText {
  /** The step's number and name as people read it. */
  readonly title: string;
  /** What applying it changes for agents. */
  readonly agents: string;
  /** What the Salesforce admin does before merging it, or after it is applied. */
  readonly salesforceAdmin: string;
}

/**
 * What the Salesforce admin does at `step`: the one text for the review comment and the migrate command (the generic
 * words) and the stack's salesforce_admin_next_step output (the deployment's name and the authorization-code client's
 * id, a Terraform reference there).
 */
export function salesforceAdminAt(
  step: MigrationStep,
  { deploymentName = "<name>", codeClientId }: { deploymentName?: string; codeClientId?: string } = {},
): string {
  const client =
    codeClientId === undefined ? `the new client's id (${typed("output")}: authorization_code_client_id)` : `the client id ${codeClientId}`;
  const migrate = migrateCommandFor(deploymentName);
  switch (step) {
    case "side-by-side":
      return (
        `after it is applied: enter ${client} in the CX Cloud, Digital and AI settings and switch the login to Authorization Code ` +
        `with PKCE; agents log in again once. Then watch the implicit client's usage fall to none (${migrate})`
      );
    case "deactivate":
      return (
        `before merging: the package uses ${codeClientId === undefined ? "the authorization-code client" : `client ${codeClientId}`} with PKCE, ` +
        `and the implicit client had no requests in the usage window (${migrate} shows both); if agents cannot log in afterwards, ` +
        `go back: ${migrate} --back --write reactivates it (same id)`
      );
    case "retire":
      return `nothing: the org uses ${codeClientId === undefined ? "the authorization-code client" : `client ${codeClientId}`} (Authorization Code with PKCE) only`;
  }
}

export const MIGRATION_STEP_TEXTS: Readonly<Record<MigrationStep, MigrationStepText>> = {
  "side-by-side": {
    title: "step 1 of 3, side by side: a second client with the authorization-code grant (PKCE) beside the implicit one",
    agents: "nothing yet: the implicit client stays exactly as it is, and agents keep logging in through it",
    salesforceAdmin: salesforceAdminAt("side-by-side"),
  },
  deactivate: {
    title: "step 2 of 3, deactivate: the implicit client set inactive (same id)",
    agents: "the implicit client issues no new tokens: an agent still on it is logged out when the token expires",
    salesforceAdmin: salesforceAdminAt("deactivate"),
  },
  retire: {
    title: "step 3 of 3, retire: the implicit client leaves the configuration",
    agents: "nothing: the implicit client was inactive already",
    salesforceAdmin: salesforceAdminAt("retire"),
  },
};

/** Where a step stands in the order: 1, 2, 3; 0 for no migration. */
export function stepNumber(step: string | undefined): number {
  return step === undefined ? 0 : MIGRATION_STEPS.indexOf(step as MigrationStep) + 1;
}

/** The login the Salesforce package is set to for a client of each grant, in the words of its settings. */
export const SALESFORCE_LOGIN: Readonly<Record<GrantType, string>> = {
  implicit: "Implicit Grant",
  "authorization-code": "Authorization Code with PKCE",
};

/** What the Salesforce admin sets for a deployment's client: its id, and the login that matches its grant. */
export function salesforceAdminSets(grantType: GrantType): string {
  return (
    "In the Salesforce org's CX Cloud, Digital and AI settings: paste the client id (the Genesys Cloud OAuth client id the Lightning app uses), " +
    `and set the login to ${SALESFORCE_LOGIN[grantType]}${grantType === "authorization-code" ? " (the client has the authorization-code grant: no implicit login works with it)" : ""}.`
  );
}

/**
 * What the Salesforce admin does when a migration goes back a step (deactivate → side-by-side: the implicit client
 * reactivated, same id).
 */
export function salesforceAdminBack(deploymentName = "<name>"): string {
  return (
    "after it is applied: the implicit client issues tokens again (same id). Profiles that moved to the authorization-code client " +
    "with PKCE need nothing; a profile whose agents could not log in goes back to the implicit client's id with the login set to " +
    `Implicit Grant, until it is switched again. Then watch the implicit client's usage (${migrateCommandFor(deploymentName)})`
  );
}
