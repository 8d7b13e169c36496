import { isSalesforceRedirectUri } from "../../shared/salesforce";
import { listOf, ReviewRule } from "./rule";

/** SCV-R5: a Salesforce org's Lightning app can no longer log in through a removed redirect URI. */
export const redirectUriRemoved: ReviewRule = {
  id: "SCV-R5",
  level: "warning",
  title: "A Salesforce redirect URI is removed from a client",
  // Masked (sensitive) lists cannot be compared: nothing is said of them.
  check: ({ kind, before, after, sensitive = [] }) => {
    if ((kind !== "update" && kind !== "replace") || sensitive.includes("registered_redirect_uris")) return [];
    // A set, not a search of the list per URI: a plan's lists may be long (a plan is read up to 256 MiB).
    const kept = new Set(listOf(after.registered_redirect_uris));
    return listOf(before.registered_redirect_uris)
      .filter((uri): uri is string => typeof uri === "string" && isSalesforceRedirectUri(uri))
      .filter((uri) => !kept.has(uri))
      .map((uri) => `Salesforce redirect URI removed: ${uri}: that org's Lightning app can no longer log in through it`);
  },
};
