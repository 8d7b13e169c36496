import { ReviewRule } from "./rule";

/** SCV-R4: an inactive client issues no tokens. */
export const clientInactive: ReviewRule = {
  id: "SCV-R4",
  level: "warning",
  title: "A client is set inactive",
  check: ({ kind, before, after }) =>
    kind !== "delete" && after.state === "inactive" && before.state !== "inactive"
      ? ["state → inactive: no new tokens; agents lose softphone login"]
      : [],
};
