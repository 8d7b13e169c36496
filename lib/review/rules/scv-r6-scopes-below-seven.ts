import { SERVICE_CLOUD_VOICE_SCOPES } from "../../shared/scopes";
import { listOf, ReviewRule } from "./rule";

/** SCV-R6: without one of the article's seven scopes, part of the Lightning app stops working. */
export const scopesBelowSeven: ReviewRule = {
  id: "SCV-R6",
  level: "warning",
  title: "A client lacks one of the article's seven scopes",
  check: ({ kind, after }) => {
    if (kind === "delete" || !Array.isArray(after.scopes)) return [];
    const missing = SERVICE_CLOUD_VOICE_SCOPES.filter((scope) => !listOf(after.scopes).includes(scope));
    return missing.length > 0 ? [`scopes below the article's seven: missing ${missing.join(", ")}`] : [];
  },
};
