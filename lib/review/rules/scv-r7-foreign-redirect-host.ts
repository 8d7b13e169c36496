import { LIGHTNING_HOME_PATH } from "../../shared/salesforce";
import { foreignRedirectUris } from "../../shared/salesforce-org";
import { listOf, ReviewRule } from "./rule";

/**
 * SCV-R7: a redirect URI on no host of the client's own Salesforce org (the org of its /lightning/page/home URI's
 * host; lib/shared/salesforce-org.ts). Genesys sends implicit-grant tokens to any registered URI the request names.
 * In the drift (a URI added by hand in Genesys Cloud), each such URI the state did not have: a warning of the drift
 * report, not neutral drift, since tokens can be sent there until the next deploy takes it off.
 */
export const foreignRedirectHost: ReviewRule = {
  id: "SCV-R7",
  level: "warning",
  title: "A redirect URI is not on a host of the client's own Salesforce org",
  readsDrift: true,
  check: ({ kind, before, after, outside }) => {
    if (kind === "delete") return [];
    const uris = listOf(after.registered_redirect_uris).filter((uri): uri is string => typeof uri === "string");
    const home = uris.find((uri) => safeUrl(uri)?.pathname === LIGHTNING_HOME_PATH);
    const host = home && safeUrl(home)?.hostname;
    if (!host) return [];
    if (outside) {
      const had = new Set(listOf(before.registered_redirect_uris));
      return foreignRedirectUris(host, uris)
        .filter((uri) => !had.has(uri))
        .map(
          (uri) =>
            `redirect URI ${uri} was added outside Terraform, on no host of the client's Salesforce org (its Lightning host is ${host}): agents' tokens can be sent there until the next deploy takes it off`,
        );
    }
    return foreignRedirectUris(host, uris).map(
      (uri) =>
        `redirect URI ${uri} is not on a host of the client's Salesforce org (its Lightning host is ${host}): agents' tokens can be sent there`,
    );
  },
};

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
