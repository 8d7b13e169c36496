import { ReviewRule } from "./rule";

/** SCV-R1: a deleted or replaced client comes back, if at all, with a new client id that every Salesforce org must be given. */
export const clientIdChanges: ReviewRule = {
  id: "SCV-R1",
  level: "caution",
  title: "An OAuth client is deleted or replaced: its client id changes",
  check: ({ kind }) =>
    kind === "delete" || kind === "replace"
      ? [`the client is ${kind === "delete" ? "deleted" : "replaced"}: the client id every Salesforce org holds stops working`]
      : [],
};
