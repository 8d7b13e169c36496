/**
 * Which Salesforce org a host or a redirect URI belongs to: the one notion of "this Salesforce org's client" that
 * adopt, the second-client guard, check, the construct's warning and the review rules share.
 *
 * One org has several hosts (docs/deployments.md, "Salesforce org types"; forcedotcom/sfdx-core sfdcUrl.ts):
 * production `acme.lightning.force.com`; an enhanced sandbox `acme--uat.sandbox.lightning.force.com` and the same
 * sandbox's legacy host `acme--uat.lightning.force.com`; Developer Edition, scratch, demo, patch and Trailhead orgs
 * under a partition (`acme-dev-ed.develop.lightning.force.com`) and their legacy host without it; the My Domain login
 * hosts (`acme.my.salesforce.com`, `acme--uat.sandbox.my.salesforce.com`); the alternative domains
 * (`acme.my-lightning.com`, `uat.acme.sandbox.my-lightning.com`); Government Cloud Plus – Defense
 * (`acme.lightning.crmforce.mil`) and China (`acme.lightning.sfcrmapps.cn`), each a cloud of its own. An org is named
 * by its cloud, its My Domain name and its sandbox (none for production): My Domain names are unique in a cloud.
 * Hosts are compared without case, a trailing dot or a port.
 */
import { LIGHTNING_PARTITIONS } from "./salesforce";

export interface SalesforceOrg {
  /** Salesforce's commercial cloud, Government Cloud Plus – Defense, or China (Alibaba). */
  readonly cloud: "commercial" | "government" | "china";
  /** The My Domain name, lowercase. */
  readonly myDomain: string;
  /** The sandbox name, lowercase; undefined for a production (or Developer Edition, scratch, ...) org. */
  readonly sandbox?: string;
}

/** First label of a host: `<my domain>` or `<my domain>--<sandbox>`. */
const ORG_LABEL = /^([a-z0-9](?:-?[a-z0-9])*)(?:--([a-z][a-z0-9]{0,9}))?$/;
const PARTITIONS = `(?:${LIGHTNING_PARTITIONS.join("|")})`;

/** Host suffixes after the org's first label, for each cloud; `sandbox.` or a partition may stand between. */
const FORMS: readonly { readonly cloud: SalesforceOrg["cloud"]; readonly re: RegExp }[] = [
  { cloud: "commercial", re: new RegExp(`^([^.]+)\\.(?:sandbox\\.|${PARTITIONS}\\.)?(?:lightning\\.force\\.com|my\\.salesforce\\.com)$`) },
  { cloud: "government", re: /^([^.]+)\.(?:sandbox\.)?(?:lightning\.crmforce\.mil|my\.salesforce\.mil)$/ },
  { cloud: "china", re: /^([^.]+)\.(?:sandbox\.)?lightning\.sfcrmapps\.cn$/ },
];

/** The host of a host name or URL, lowercase, without a trailing dot or port; undefined when there is none. */
export function normalHost(hostOrUri: string): string | undefined {
  const text = hostOrUri.trim();
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).hostname;
  } catch {
    return undefined;
  }
  host = host.toLowerCase().replace(/\.$/, "");
  return host === "" ? undefined : host;
}

/** The Salesforce org a host or URI is one of the hosts of; undefined when it is none of Salesforce's org hosts. */
export function salesforceOrgOf(hostOrUri: string): SalesforceOrg | undefined {
  const host = normalHost(hostOrUri);
  if (!host) return undefined;
  // The alternative domains put the sandbox before the My Domain name.
  const alternative = /^(?:([a-z][a-z0-9]{0,9})\.([^.]+)\.sandbox|([^.]+))\.my-lightning\.com$/.exec(host);
  if (alternative) {
    const myDomain = alternative[2] ?? alternative[3];
    return ORG_LABEL.test(myDomain) && !myDomain.includes("--") ? org("commercial", myDomain, alternative[1]) : undefined;
  }
  for (const { cloud, re } of FORMS) {
    const label = re.exec(host)?.[1];
    const parts = label === undefined ? undefined : ORG_LABEL.exec(label);
    if (parts) return org(cloud, parts[1], parts[2]);
  }
  return undefined;
}

function org(cloud: SalesforceOrg["cloud"], myDomain: string, sandbox: string | undefined): SalesforceOrg {
  return sandbox === undefined ? { cloud, myDomain } : { cloud, myDomain, sandbox };
}

export function sameSalesforceOrg(a: SalesforceOrg | undefined, b: SalesforceOrg | undefined): boolean {
  return a !== undefined && b !== undefined && a.cloud === b.cloud && a.myDomain === b.myDomain && a.sandbox === b.sandbox;
}

/** Whether a host or URI is one of the org's hosts. */
export function isOnSalesforceOrg(org: SalesforceOrg, hostOrUri: string): boolean {
  return sameSalesforceOrg(org, salesforceOrgOf(hostOrUri));
}

/** The org in words: `acme`, `acme (sandbox uat)`, `acme (Government Cloud Plus – Defense)`. */
export function describeSalesforceOrg(org: SalesforceOrg): string {
  const where = [
    org.sandbox === undefined ? "" : `sandbox ${org.sandbox}`,
    { commercial: "", government: "Government Cloud Plus – Defense", china: "China" }[org.cloud],
  ];
  const extra = where.filter((w) => w !== "").join(", ");
  return extra === "" ? org.myDomain : `${org.myDomain} (${extra})`;
}

/**
 * The URIs not on the org of `lightningHost`: Genesys sends implicit-grant tokens to whichever registered URI a
 * request names, so a URI on another org's host (or no Salesforce host at all) deserves a reviewer's look. A URI on
 * another host of the same org (a sandbox's legacy host, say) is the org's own.
 */
export function foreignRedirectUris(lightningHost: string, uris: readonly string[]): string[] {
  const home = onOrgOf(lightningHost);
  return uris.filter((uri) => !home(uri));
}

/**
 * Whether a host or URI is on the Salesforce org of `lightningHost`; for a host whose org cannot be told (a China
 * host of a form Salesforce does not document), whether it is that very host.
 */
export function onOrgOf(lightningHost: string): (hostOrUri: string) => boolean {
  const home = salesforceOrgOf(lightningHost);
  if (home) return (other) => isOnSalesforceOrg(home, other);
  const host = normalHost(lightningHost);
  return (other) => host !== undefined && normalHost(other) === host;
}
