/**
 * Salesforce My Domain names, the Lightning hosts derived from them, and the redirect URIs on those hosts.
 * Host forms from forcedotcom/sfdx-core src/util/sfdcUrl.ts (see docs/deployments.md, "Salesforce org types").
 * Names are case-insensitive in Salesforce; this module checks them case-insensitively and derives
 * lowercase hosts, which is how Salesforce serves them.
 */

/** My Domain name: letters, digits and single hyphens, no hyphen at either end (length checked apart). */
const MY_DOMAIN = "[a-z0-9](?:-?[a-z0-9])*";
const MY_DOMAIN_MAX_LENGTH = 40;
/** Sandbox name: a letter, then letters and digits, 1..10 characters. */
const SANDBOX = "[a-z][a-z0-9]{0,9}";
/** A My Domain name, optionally followed by `--<sandbox>`, as it stands in the first label of a host. */
const ORG_LABEL = `${MY_DOMAIN}(?:--${SANDBOX})?`;
/** Any DNS label, for the China (Alibaba) hosts whose naming is not documented further. */
const DNS_LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";

const MY_DOMAIN_RE = new RegExp(`^${MY_DOMAIN}$`, "i");
const SANDBOX_RE = new RegExp(`^${SANDBOX}$`, "i");

/** Developer Edition, scratch, demo, patch and Trailhead orgs live under these partitions. */
export const LIGHTNING_PARTITIONS = ["develop", "scratch", "demo", "patch", "trailblaze", "free"] as const;

/** Every Lightning host form we accept, with an example; the examples are also what error messages show. */
export const LIGHTNING_HOST_FORMS: readonly { readonly org: string; readonly example: string; readonly re: RegExp }[] = [
  { org: "production, legacy sandbox", example: "acme.lightning.force.com", re: hostRe(`${ORG_LABEL}\\.lightning\\.force\\.com`) },
  {
    org: "sandbox",
    example: "acme--uat.sandbox.lightning.force.com",
    re: hostRe(`${MY_DOMAIN}--${SANDBOX}\\.sandbox\\.lightning\\.force\\.com`),
  },
  {
    org: "Developer Edition, scratch, demo, patch, Trailhead",
    example: "acme-dev-ed.develop.lightning.force.com",
    re: hostRe(`${ORG_LABEL}\\.(?:${LIGHTNING_PARTITIONS.join("|")})\\.lightning\\.force\\.com`),
  },
  {
    org: "Government Cloud Plus – Defense",
    example: "acme.lightning.crmforce.mil",
    re: hostRe(`${MY_DOMAIN}\\.lightning\\.crmforce\\.mil`),
  },
  {
    org: "Government Cloud Plus – Defense sandbox",
    example: "acme--uat.sandbox.lightning.crmforce.mil",
    re: hostRe(`${MY_DOMAIN}--${SANDBOX}\\.sandbox\\.lightning\\.crmforce\\.mil`),
  },
  { org: "alternative domain", example: "acme.my-lightning.com", re: hostRe(`${MY_DOMAIN}\\.my-lightning\\.com`) },
  {
    org: "alternative domain sandbox",
    example: "uat.acme.sandbox.my-lightning.com",
    re: hostRe(`${SANDBOX}\\.${MY_DOMAIN}\\.sandbox\\.my-lightning\\.com`),
  },
  { org: "China (Alibaba)", example: "acme.lightning.sfcrmapps.cn", re: hostRe(`(?:${DNS_LABEL}\\.)+lightning\\.sfcrmapps\\.cn`) },
];

function hostRe(body: string): RegExp {
  return new RegExp(`^${body}$`, "i");
}

/** The path on the Lightning host that the Genesys article registers as the redirect URI. */
export const LIGHTNING_HOME_PATH = "/lightning/page/home";

export const ALLOWED_MY_DOMAIN =
  "a production org's Salesforce My Domain name (e.g. acme): 1 to 40 letters, digits and single hyphens, no hyphen at either end, " +
  "not ending in -dev-ed (a Developer Edition or scratch org is named by lightningHost)";
export const ALLOWED_SANDBOX = "a Salesforce sandbox name: a letter, then letters and digits, at most 10 characters (e.g. uat)";
export const ALLOWED_LIGHTNING_HOST = `a Salesforce Lightning host name without scheme or path, such as ${LIGHTNING_HOST_FORMS.map(
  (f) => f.example,
).join(", ")}`;
export const ALLOWED_REDIRECT_URI =
  "an https URL on a Salesforce Lightning host, without user, port, query or fragment " +
  "(e.g. https://acme.lightning.force.com/resource/genesysps__genesysAuthCallback)";

export function isMyDomainName(name: string): boolean {
  return name.length <= MY_DOMAIN_MAX_LENGTH && MY_DOMAIN_RE.test(name) && !DEVELOPER_EDITION_RE.test(name);
}

/** Developer Edition and scratch orgs' My Domain names end in -dev-ed; their hosts are under a partition. */
const DEVELOPER_EDITION_RE = /-dev-ed$/i;

/**
 * What to give instead of a My Domain name that names no production org on the standard domains, in words
 * that name the right key and value; undefined when there is nothing better to say than ALLOWED_MY_DOMAIN.
 */
export function myDomainAdvice(given: string): string | undefined {
  const name = given.trim().toLowerCase();
  if (DEVELOPER_EDITION_RE.test(name) && MY_DOMAIN_RE.test(name)) {
    return (
      `a production org's My Domain name; "${name}" is a Developer Edition or scratch org's, whose Lightning host has a partition: ` +
      `give lightningHost "${name}.develop.lightning.force.com" (Developer Edition) or "${name}.scratch.lightning.force.com" (scratch org) instead`
    );
  }
  const sandbox = /^([a-z0-9-]+)--([a-z0-9]+)$/.exec(name);
  if (sandbox && isMyDomainName(sandbox[1]) && isSandboxName(sandbox[2])) {
    return `a My Domain name without its sandbox: give myDomain "${sandbox[1]}" and sandbox "${sandbox[2]}"`;
  }
  const host = hostOf(name);
  // A host (or URL) of the org on the standard domains holds the My Domain name itself: that is what was meant.
  const org = host && orgOfHost(host);
  if (org)
    return `the My Domain name alone, not a host or URL: give myDomain "${org.myDomain}"${org.sandbox ? ` and sandbox "${org.sandbox}"` : ""}`;
  if (host && isLightningHost(host)) return `a My Domain name, not a host: give lightningHost "${host}" instead`;
  const lightning = host && lightningHostOfMySalesforceHost(host);
  if (lightning) return `a My Domain name, not a host: give lightningHost "${lightning}" instead`;
  return undefined;
}

/** What to give instead of a Lightning host that is not one; undefined when there is nothing better to say. */
export function lightningHostAdvice(given: string): string | undefined {
  const host = hostOf(given.trim().toLowerCase());
  if (!host) return undefined;
  const developerEdition = /^([a-z0-9-]+-dev-ed)\.lightning\.force\.com$/.exec(host);
  if (developerEdition) {
    return (
      `a Lightning host with its partition: Developer Edition and scratch orgs are at ` +
      `"${developerEdition[1]}.develop.lightning.force.com" or "${developerEdition[1]}.scratch.lightning.force.com"`
    );
  }
  if (host !== given && isLightningHost(host)) return `a host name alone, without scheme or path: "${host}"`;
  const lightning = lightningHostOfMySalesforceHost(host);
  if (lightning) return `the org's Lightning host, not its My Domain login host: "${lightning}"`;
  return undefined;
}

/**
 * A production org's or an (enhanced) sandbox's host on the standard domains, whatever its service: login
 * (my.salesforce.com), Lightning, Setup and Experience Cloud sites; `<name>--<sandbox>.sandbox.` for a sandbox.
 */
const ORG_HOST_RE = new RegExp(
  `^(${MY_DOMAIN})(?:--(${SANDBOX})\\.sandbox)?\\.(?:my\\.salesforce|lightning\\.force|my\\.salesforce-setup|my\\.site)\\.com$`,
  "i",
);

/** The My Domain name (and sandbox name) of such a host; undefined for any other host, such as a Developer Edition's. */
function orgOfHost(host: string): { myDomain: string; sandbox?: string } | undefined {
  const match = ORG_HOST_RE.exec(host);
  return match && isMyDomainName(match[1]) ? { myDomain: match[1], sandbox: match[2] } : undefined;
}

/** The host of a host name or URL, or undefined when it has none. */
function hostOf(text: string): string | undefined {
  try {
    return new URL(/^[a-z]+:\/\//.test(text) ? text : `https://${text}`).hostname || undefined;
  } catch {
    return undefined;
  }
}

/** acme.my.salesforce.com → acme.lightning.force.com, and the same for sandbox and partition hosts. */
function lightningHostOfMySalesforceHost(host: string): string | undefined {
  const match = /^(.+)\.my\.salesforce\.com$/.exec(host);
  const lightning = match && `${match[1]}.lightning.force.com`;
  return lightning && isLightningHost(lightning) ? lightning : undefined;
}

export function isSandboxName(name: string): boolean {
  return SANDBOX_RE.test(name);
}

export function isLightningHost(host: string): boolean {
  // Developer Edition orgs have had enhanced domains since Winter '24: their host always names the partition.
  if (/^[^.]*-dev-ed\.lightning\.force\.com$/i.test(host)) return false;
  return LIGHTNING_HOST_FORMS.some((form) => form.re.test(host));
}

/**
 * The Lightning host of an org on the standard Salesforce domains:
 * `acme` → `acme.lightning.force.com`; `acme` with sandbox `uat` → `acme--uat.sandbox.lightning.force.com`.
 * Callers check the names first (isMyDomainName, isSandboxName).
 */
export function lightningHostFor(myDomain: string, sandbox?: string): string {
  const org = myDomain.toLowerCase();
  return sandbox === undefined ? `${org}.lightning.force.com` : `${org}--${sandbox.toLowerCase()}.sandbox.lightning.force.com`;
}

/** The redirect URI the Genesys article asks for: `https://<lightning host>/lightning/page/home`. */
export function redirectUriFor(lightningHost: string): string {
  return `https://${lightningHost.toLowerCase()}${LIGHTNING_HOME_PATH}`;
}

/** An https URL on a Lightning host, without anything Genesys would compare differently or OAuth forbids. */
export function isSalesforceRedirectUri(uri: string): boolean {
  // Scheme, no query, no fragment, no backslash or white space; URL checks the rest.
  if (!/^https:\/\/[^/?#\\\s]+(?:\/[^?#\\\s]*)?$/i.test(uri)) return false;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  return url.username === "" && url.password === "" && url.port === "" && isLightningHost(url.hostname);
}
