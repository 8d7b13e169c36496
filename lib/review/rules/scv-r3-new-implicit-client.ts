import { IMPLICIT_GRANT, IMPLICIT_GRANT_WAY_OUT } from "../../shared/policy";
import { ReviewRule } from "./rule";

/** SCV-R3: creating a new implicit-grant client, which Genesys may refuse (the dates: lib/shared/policy.ts). */
export const newImplicitClient: ReviewRule = {
  id: "SCV-R3",
  level: "warning",
  title: `A new implicit-grant (${IMPLICIT_GRANT}) client is created, which Genesys may refuse`,
  check: ({ kind, after }) =>
    kind === "create" && after.authorized_grant_type === IMPLICIT_GRANT
      ? ["a new implicit-grant client: Genesys no longer creates these, so the apply may fail. " + `Use ${IMPLICIT_GRANT_WAY_OUT}`]
      : [],
};
