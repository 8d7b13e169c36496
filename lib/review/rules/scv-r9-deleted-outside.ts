import { ReviewRule } from "./rule";

/**
 * SCV-R9: the client was deleted outside Terraform (in the admin UI, say) and the plan creates it again: Genesys gives
 * the new one a new client id, which every Salesforce org the old one served must then be given.
 */
export const deletedOutside: ReviewRule = {
  id: "SCV-R9",
  level: "caution",
  title: "A client deleted outside Terraform is created again, with a new client id",
  check: ({ kind, deletedOutside }) =>
    kind === "create" && deletedOutside
      ? [
          "the client was deleted outside Terraform since the last apply, and this creates a new one: the org's client id changes, " +
            "and the Salesforce org's CX Cloud, Digital and AI settings must get the new one",
        ]
      : [],
};
