import { IMPLICIT, ReviewRule } from "./rule";

/** SCV-R3: creating a new implicit-grant client, which Genesys may refuse since March 2026. */
export const newImplicitClient: ReviewRule = {
  id: "SCV-R3",
  level: "warning",
  title: "A new implicit-grant (TOKEN) client is created, which Genesys may refuse",
  check: ({ kind, after }) =>
    kind === "create" && after.authorized_grant_type === IMPLICIT
      ? [
          "a new implicit-grant client: Genesys no longer creates these, so the apply may fail. " +
            'Use the authorization-code grant (oauthClient.grantType "authorization-code"), configured in the Salesforce package first',
        ]
      : [],
};
