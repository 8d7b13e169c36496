import { IMPLICIT_GRANT, IMPLICIT_CLIENT_MIGRATION } from "../../shared/policy";
import { ReviewRule } from "./rule";

/**
 * SCV-R2: Genesys no longer creates implicit-grant clients (the dates: lib/shared/policy.ts): a deleted or replaced
 * implicit client may not come back at all.
 */
export const implicitClientReplaced: ReviewRule = {
  id: "SCV-R2",
  level: "caution",
  title: `An implicit-grant (${IMPLICIT_GRANT}) client is deleted or replaced, and Genesys may refuse to create it again`,
  check: ({ kind, before, after }) =>
    (kind === "delete" || kind === "replace") &&
    (before.authorized_grant_type === IMPLICIT_GRANT || after.authorized_grant_type === IMPLICIT_GRANT)
      ? [
          "it uses the implicit grant, and Genesys no longer creates implicit-grant clients: its replacement may not be creatable at all. " +
            `The way out is ${IMPLICIT_CLIENT_MIGRATION}`,
        ]
      : [],
};
