/**
 * The migration off the implicit grant in words, once for the command that writes its steps (npm run migrate), the
 * stack's outputs, the review comment and docs/migrating.md: what each step changes for agents, and what the
 * Salesforce admin does before and after it is applied.
 */
import { MIGRATION_STEPS, MigrationStep } from "./policy";

export interface MigrationStepText {
  /** The step's number and name as people read it. */
  readonly title: string;
  /** What applying it changes for agents. */
  readonly agents: string;
  /** What the Salesforce admin does before merging it, or after it is applied. */
  readonly salesforceAdmin: string;
}

export const MIGRATION_STEP_TEXTS: Readonly<Record<MigrationStep, MigrationStepText>> = {
  "side-by-side": {
    title: "step 1 of 3, side by side: a second client with the authorization-code grant (PKCE) beside the implicit one",
    agents: "nothing yet: the implicit client stays exactly as it is, and agents keep logging in through it",
    salesforceAdmin:
      "after it is applied: enter the new client's id (npm run output: authorization_code_client_id) in the CX Cloud, Digital and AI " +
      "settings and switch the login to Authorization Code with PKCE; agents log in again once",
  },
  deactivate: {
    title: "step 2 of 3, deactivate: the implicit client set inactive (same id)",
    agents: "the implicit client issues no new tokens: an agent still on it is logged out when the token expires",
    salesforceAdmin:
      "before merging: the package uses the authorization-code client with PKCE, and the implicit client had no requests in the usage window " +
      "(npm run migrate shows both); if agents cannot log in afterwards, go back (npm run migrate -- <name> --back --write reactivates it)",
  },
  retire: {
    title: "step 3 of 3, retire: the implicit client leaves the configuration",
    agents: "nothing: the implicit client was inactive already",
    salesforceAdmin: "nothing: the org uses the authorization-code client only",
  },
};

/** Where a step stands in the order: 1, 2, 3; 0 for no migration. */
export function stepNumber(step: string | undefined): number {
  return step === undefined ? 0 : MIGRATION_STEPS.indexOf(step as MigrationStep) + 1;
}
