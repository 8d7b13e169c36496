import { IMPLICIT, ReviewRule } from "./rule";

/**
 * SCV-R2: Genesys no longer creates implicit-grant clients (since March 2026): a deleted or replaced implicit client
 * may not come back at all.
 */
export const implicitClientReplaced: ReviewRule = {
  id: "SCV-R2",
  level: "caution",
  title: "An implicit-grant (TOKEN) client is deleted or replaced, and Genesys may refuse to create it again",
  check: ({ kind, before, after }) =>
    (kind === "delete" || kind === "replace") && (before.authorized_grant_type === IMPLICIT || after.authorized_grant_type === IMPLICIT)
      ? [
          "it uses the implicit grant, and Genesys no longer creates implicit-grant clients: its replacement may not be creatable at all. " +
            'The way out is the authorization-code grant (oauthClient.grantType "authorization-code"), configured in the Salesforce package first',
        ]
      : [],
};
