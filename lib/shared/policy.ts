/**
 * The project's policy, in one place for the construct, the app's schema and check, and the review rules:
 * the OAuth grant and Genesys's retirement of the implicit one, and the protection of a client from destroy.
 */
import { docsPage, typed } from "./typed-command";

/**
 * The OAuth grant the Lightning app uses to get tokens, in the user's words, and the provider's value for it.
 * The Genesys article uses the implicit grant; browser apps move to the authorization code grant with PKCE, which
 * the provider calls CODE.
 */
export const GRANT_TYPES = {
  implicit: "TOKEN",
  "authorization-code": "CODE",
} as const;

export type GrantType = keyof typeof GRANT_TYPES;

export const GRANT_TYPE_NAMES = Object.keys(GRANT_TYPES) as GrantType[];

export function isGrantType(value: string): value is GrantType {
  return Object.prototype.hasOwnProperty.call(GRANT_TYPES, value);
}

/** The article's grant stays the default while Genesys retires it: existing clients keep working until the end. */
export const DEFAULT_GRANT_TYPE: GrantType = "implicit";

/**
 * The migration off the implicit grant, in its order (the migrate command writes one step at a time; docs/migrating.md):
 * side-by-side (a second client with the authorization-code grant beside the implicit one), deactivate (the implicit
 * one inactive), retire (the implicit one forgotten or deleted). Watching the usage of both is no step of the file.
 */
export const MIGRATION_STEPS = ["side-by-side", "deactivate", "retire"] as const;
export type MigrationStep = (typeof MIGRATION_STEPS)[number];

/** How the implicit client leaves at retire: forgotten (left in Genesys Cloud, inactive) or deleted. */
export const RETIRE_BY = ["forget", "delete"] as const;
export type RetireBy = (typeof RETIRE_BY)[number];
/** The way that cannot lose anything: the client stays in Genesys Cloud, and can be adopted again. */
export const DEFAULT_RETIRE_BY: RetireBy = "forget";

/**
 * Whether applying the migration step stops the implicit client from issuing tokens: deactivate (inactive), and a
 * retire that deletes it. Such a step is written only while the client had no usage in the window (or with
 * --despite-usage, which the review then shows). A retire that forgets the client leaves it as it is (inactive).
 */
export function stopsIssuingTokens(migration: { readonly step: MigrationStep; readonly retireBy?: RetireBy }): boolean {
  return migration.step === "deactivate" || (migration.step === "retire" && migration.retireBy === "delete");
}

/** The migration command for a deployment, as the user types it (typed-command.ts). */
export function migrateCommandFor(deploymentName: string): string {
  return typed("migrate", deploymentName);
}

/** The implicit grant as the provider and a plan name it (`authorized_grant_type`). */
export const IMPLICIT_GRANT = GRANT_TYPES.implicit;

/**
 * Genesys's retirement of the implicit grant: no new implicit-grant clients from the first date, implicit tokens stop
 * by the second (a Genesys community answer; not yet on an official page).
 */
export const IMPLICIT_GRANT_DATES = { noNewClients: "March 2026", tokensStop: "March 2027" } as const;

/** The way out of the implicit grant, as the deployments file says it. */
export const IMPLICIT_GRANT_WAY_OUT =
  'the authorization-code grant (oauthClient.grantType "authorization-code"), configured in the Salesforce package first';

/** The way an existing implicit client's org moves off it without a login gap: the migration. */
export const IMPLICIT_CLIENT_MIGRATION =
  `the authorization-code grant in a second client side by side with this one (${typed("migrate", "<deployment name>")}, ${docsPage("migrating")}), ` +
  "configured in the Salesforce package before this one is deactivated";

/** The warning every synth of an implicit-grant client prints. */
export const IMPLICIT_GRANT_RETIREMENT =
  `Genesys is retiring the implicit grant: since ${IMPLICIT_GRANT_DATES.noNewClients} Genesys may refuse to create a new implicit-grant ` +
  `OAuth client, and implicit tokens stop working by ${IMPLICIT_GRANT_DATES.tokensStop} (existing clients keep working until then). ` +
  `Move to Authorization Code with PKCE without a login gap: ${typed("migrate", "<deployment name>")} (the construct's migration prop) declares ` +
  `a second client with the authorization-code grant beside this one, then deactivates and retires this one in reviewed steps (${docsPage("migrating")}). ` +
  'Setting oauthClient.grantType to "authorization-code" instead updates this client in place (same id), for a Salesforce switch in a maintenance window.';

/** What a deployment that would create an implicit-grant client is told: an existing one can be kept by adopting it. */
/** What an app says of a deployment that keeps an existing implicit-grant client (adopted or deployed): its way off. */
export function migrateImplicitClient(deploymentName: string): string {
  return (
    `Deployment "${deploymentName}" keeps an implicit-grant client: move it to Authorization Code with PKCE with no login gap, ` +
    `in reviewed steps: ${typed("migrate", deploymentName)} (${docsPage("migrating")}).`
  );
}

export function keepExistingImplicitClient(deploymentName: string): string {
  return (
    `Deployment "${deploymentName}" would create a new implicit-grant client, which Genesys refuses on orgs of today. If the org ` +
    `already has this client (made by hand from the article), keep it and its implicit grant: ${typed("adopt", deploymentName, "--write")} ` +
    "finds it and writes its id as oauthClient.importClientId, and the next deploy imports it."
  );
}

/** A client is protected from destroy unless told otherwise: a new client gets a new id, which every org must be given. */
export const DEFAULT_PREVENT_DESTROY = true;

/**
 * The warning for a client whose protection from destroy is off (`who` lets Terraform delete it): meant for the one
 * change that needs it, and easy to forget afterwards.
 */
export function destroyProtectionOff(who: string): string {
  return (
    `${who} lets Terraform delete its OAuth client: a destroy, or a plan that replaces the client, ` +
    "takes its client id with it, and the Salesforce org's agents cannot log in until an admin enters a new one. " +
    "Set preventDestroy back to true once the change that needed it is applied."
  );
}
