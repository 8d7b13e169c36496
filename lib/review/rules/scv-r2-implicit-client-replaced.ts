import { IMPLICIT_GRANT, IMPLICIT_CLIENT_MIGRATION } from "../../shared/policy";

/** The provider's value for the authorization-code grant (PKCE included). */
const AUTHORIZATION_CODE_GRANT = "CODE";
import { ReviewRule } from "./rule";

/**
 * SCV-R2: Genesys no longer creates implicit-grant clients (the dates: lib/shared/policy.ts): a deleted or replaced
 * implicit client may not come back at all.
 */
export const implicitClientReplaced: ReviewRule = {
  id: "SCV-R2",
  level: "caution",
  title: `An implicit-grant (${IMPLICIT_GRANT}) client is deleted or replaced, and Genesys may refuse to create it again`,
  check: ({ kind, before, after, retiredByMigration }) => {
    if (kind !== "delete" && kind !== "replace") return [];
    if (before.authorized_grant_type !== IMPLICIT_GRANT && after.authorized_grant_type !== IMPLICIT_GRANT) return [];
    // A replacement that leaves the implicit grant is already the way out: say what it needs, not to take it.
    if (kind === "replace" && before.authorized_grant_type === IMPLICIT_GRANT && after.authorized_grant_type === AUTHORIZATION_CODE_GRANT)
      return [
        "it moves from the implicit grant to the authorization-code grant: the new client gets a new client id, and the Salesforce " +
          "package must be configured for the authorization-code grant, with that id, when this is applied",
      ];
    // The migration's last step, retire by delete: what it is, not a warning that the client may not come back.
    if (kind === "delete" && retiredByMigration && before.authorized_grant_type === IMPLICIT_GRANT)
      return [
        "the migration's last step (retire by delete): it deletes the implicit client, whose client id the Salesforce org no longer uses " +
          "(it logs in through the authorization-code client); deleted, it is gone for good, since Genesys no longer creates implicit-grant clients",
      ];
    return [
      "it uses the implicit grant, and Genesys no longer creates implicit-grant clients: its replacement may not be creatable at all. " +
        `The way out is ${IMPLICIT_CLIENT_MIGRATION}`,
    ];
  },
};
