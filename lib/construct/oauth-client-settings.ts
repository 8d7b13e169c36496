/**
 * The construct's props, their checks and the settings they resolve to, as pure functions:
 * everything the Genesys article decides about the OAuth client, apart from the resource itself.
 */
import { TerraformProvider, Token } from "cdktf";
import { DEFAULT_GRANT_TYPE, DEFAULT_PREVENT_DESTROY, GRANT_TYPES, GRANT_TYPE_NAMES, GrantType, isGrantType } from "../shared/policy";
import { Description, InputError, nearestKey, Problem } from "../shared/problems";
import { isPlainText, PLAIN_TEXT, TEXT_LIMITS } from "../shared/plain-text";

export { TEXT_LIMITS };
import {
  ALLOWED_LIGHTNING_HOST,
  ALLOWED_MY_DOMAIN,
  ALLOWED_REDIRECT_URI,
  ALLOWED_SANDBOX,
  isLightningHost,
  isMyDomainName,
  isSalesforceRedirectUri,
  isSandboxName,
  lightningHostAdvice,
  lightningHostFor,
  myDomainAdvice,
  redirectUriFor,
} from "../shared/salesforce";
import { ALLOWED_SCOPE, additionalScopesOf, isScopeName, scopesWith } from "../shared/scopes";

export interface ServiceCloudVoiceOAuthClientProps {
  /**
   * The genesyscloud provider of the Genesys Cloud org the client belongs to: with several orgs in one stack,
   * each has its own aliased provider. This package's `GenesyscloudProvider`, or the one your own `cdktf get`
   * generated (any cdktf `TerraformProvider` of mypurecloud/genesyscloud).
   * @default the stack's default genesyscloud provider
   */
  readonly provider?: TerraformProvider;
  /**
   * The Salesforce org's My Domain name, e.g. `acme` for acme.my.salesforce.com.
   * Give this (with `sandbox` for a sandbox) or `lightningHost`, not both.
   */
  readonly myDomain?: string;
  /**
   * The sandbox name, for a sandbox of the org named by `myDomain`.
   * @default none: the production org
   */
  readonly sandbox?: string;
  /**
   * The org's Lightning host, for org types the My Domain name alone does not identify
   * (Developer Edition, scratch, Government Cloud, alternative domains, China), e.g. `acme-dev-ed.develop.lightning.force.com`.
   */
  readonly lightningHost?: string;
  /**
   * The App Name, shown when someone authorizes the client.
   * @default "Salesforce Service Cloud Voice (<lightning host>)"
   */
  readonly name?: string;
  /**
   * The client's description in Genesys Cloud.
   * @default a sentence saying what uses the client and that it is managed as code
   */
  readonly description?: string;
  /**
   * Seconds until tokens from this client expire: an integer from 300 to 172800 (2 days).
   * @default 86400
   */
  readonly tokenLifetimeSeconds?: number;
  /**
   * `implicit` (the article's Token Implicit Grant) or `authorization-code` (PKCE).
   * @default "implicit"
   */
  readonly grantType?: GrantType;
  /**
   * Scopes beyond the article's seven, which are always granted.
   * @default none
   */
  readonly additionalScopes?: readonly string[];
  /**
   * Redirect URIs beyond `https://<lightning host>/lightning/page/home`, e.g. the pop-up authentication callback.
   * @default none
   */
  readonly additionalRedirectUris?: readonly string[];
  /**
   * Refuse to destroy the client: a new client gets a new id and logs every agent out of the softphone.
   * @default true
   */
  readonly preventDestroy?: boolean;
  /**
   * The id of an OAuth client made by hand (from the Genesys article) to adopt instead of creating a new one:
   * Terraform imports it, and the next plan shows only where it differs from these settings.
   * @default none: a new client is created
   */
  readonly importClientId?: string;
}

/**
 * Every prop's name: a key that is none of these but close to one is a typo, and named as such. (`satisfies` makes
 * the compiler refuse a prop missing here, or a name here that is no prop.)
 */
export const PROP_NAMES = Object.keys({
  provider: true,
  myDomain: true,
  sandbox: true,
  lightningHost: true,
  name: true,
  description: true,
  tokenLifetimeSeconds: true,
  grantType: true,
  additionalScopes: true,
  additionalRedirectUris: true,
  preventDestroy: true,
  importClientId: true,
} satisfies Record<keyof ServiceCloudVoiceOAuthClientProps, true>) as readonly (keyof ServiceCloudVoiceOAuthClientProps)[];

const ALLOWED_PROPS = "an object of props: myDomain (and sandbox) or lightningHost, and optionally the others of ServiceCloudVoiceOAuthClientProps";

/** What the props resolve to: every value the OAuth client resource is declared with. */
export interface OAuthClientSettings {
  readonly lightningHost: string;
  readonly name: string;
  readonly description: string;
  readonly tokenLifetimeSeconds: number;
  readonly grantType: GrantType;
  /** The provider's `authorized_grant_type`. */
  readonly authorizedGrantType: string;
  readonly scopes: string[];
  /** Scopes beyond the article's seven. */
  readonly additionalScopes: string[];
  readonly redirectUris: string[];
  readonly preventDestroy: boolean;
  readonly importClientId?: string;
}

export const TOKEN_LIFETIME_SECONDS = { min: 300, max: 172800, default: 86400 } as const;

export const ALLOWED_TOKEN_LIFETIME = `an integer number of seconds from ${TOKEN_LIFETIME_SECONDS.min} to ${TOKEN_LIFETIME_SECONDS.max}`;
export const ALLOWED_GRANT_TYPE = `one of ${GRANT_TYPE_NAMES.join(", ")}`;
export const ALLOWED_NAME = `a non-empty text of at most ${TEXT_LIMITS.name} characters, ${PLAIN_TEXT}`;
export const ALLOWED_DESCRIPTION = `a text of at most ${TEXT_LIMITS.description} characters, ${PLAIN_TEXT}`;
export const ALLOWED_CLIENT_ID = "a Genesys Cloud OAuth client id: a GUID such as 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
/** A GUID, the form of Genesys Cloud ids (OAuth clients, orgs), in any case. */
export const GUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
const CLIENT_ID_RE = new RegExp(GUID_PATTERN);

export const DEFAULT_DESCRIPTION =
  "Used by the CX Cloud, Digital and AI for Salesforce Service Cloud Voice Lightning app to get tokens. " +
  "Managed as code: change it through the repository, not in Genesys Cloud.";

export function defaultName(lightningHost: string): string {
  return `Salesforce Service Cloud Voice (${lightningHost})`;
}

/**
 * The props that may be Terraform tokens (a TerraformVariable, another resource's attribute): texts a person reads,
 * checked at plan time by a precondition on the resource instead (see ServiceCloudVoiceOAuthClient). Every other
 * prop decides where tokens go or what they may do, and must be literal, so that a reviewer reads it in the
 * synthesized configuration.
 */
export const TOKEN_PROPS = ["name", "description"] as const;

export const ALLOWED_LITERAL =
  "a literal value, not a Terraform token (a TerraformVariable or another resource's attribute): the redirect URIs, " +
  "scopes and grant that agents' tokens depend on must be readable in the synthesized configuration";

/** Whether a value is, or holds, an unresolved cdktf token. */
export function isToken(value: unknown): boolean {
  return Array.isArray(value) ? Token.isUnresolved(value) || value.some((item) => Token.isUnresolved(item)) : Token.isUnresolved(value);
}

/** Every problem with the props, each at the prop's name; an empty list when they are valid. */
export function checkOAuthClientProps(props: ServiceCloudVoiceOAuthClientProps): Problem[] {
  // From JavaScript anything can arrive; from TypeScript a spread of a larger object can. Keys that are not props
  // are left alone (a spread's "host" or "domain" among them), except one so close to a prop's name that it is
  // surely a typo of it: the same but for case, or at most two edits away.
  if (typeof props !== "object" || props === null || Array.isArray(props)) return [{ path: [], place: "(props)", given: props, allowed: ALLOWED_PROPS }];
  const typos: Problem[] = Object.entries(props).flatMap(([key, value]) => {
    const meant = (PROP_NAMES as readonly string[]).includes(key) ? undefined : nearestKey(key, PROP_NAMES, { holding: false });
    return meant ? [{ path: [key], given: value, allowed: `no prop ${JSON.stringify(key)} (did you mean ${JSON.stringify(meant)}?)` }] : [];
  });
  if (typos.length > 0) return typos;
  const literal = Object.fromEntries(
    Object.entries(props).filter(([key, value]) => key === "provider" || !isToken(value)),
  ) as ServiceCloudVoiceOAuthClientProps;
  const problems: Problem[] = Object.entries(props)
    .filter(([key, value]) => key !== "provider" && !(TOKEN_PROPS as readonly string[]).includes(key) && isToken(value))
    .map(([key, value]) => ({ path: [key], given: new Description(`a Terraform token (${String(value)})`), allowed: ALLOWED_LITERAL }));
  return [...problems, ...literalProblems(literal, props)];
}

/** The checks of the literal props; a prop given as a token is absent from `props` but present in `given`. */
function literalProblems(props: ServiceCloudVoiceOAuthClientProps, given: ServiceCloudVoiceOAuthClientProps): Problem[] {
  const problems: Problem[] = [];
  const check = (ok: boolean, prop: keyof ServiceCloudVoiceOAuthClientProps, value: unknown, allowed: string) => {
    if (!ok) problems.push({ path: [prop], given: value, allowed });
  };
  const { myDomain, sandbox, lightningHost } = props;

  if (given.myDomain === undefined && given.lightningHost === undefined) {
    check(false, "myDomain", undefined, `${ALLOWED_MY_DOMAIN}; or lightningHost instead`);
  }
  if (myDomain !== undefined) {
    const ok = isText(myDomain) && isMyDomainName(myDomain);
    check(ok, "myDomain", myDomain, (!ok && isText(myDomain) && myDomainAdvice(myDomain)) || ALLOWED_MY_DOMAIN);
    check(lightningHost === undefined, "lightningHost", lightningHost, "nothing when myDomain is given: give one of the two");
  }
  if (sandbox !== undefined) {
    check(isText(sandbox) && isSandboxName(sandbox), "sandbox", sandbox, ALLOWED_SANDBOX);
    check(lightningHost === undefined, "sandbox", sandbox, "nothing with lightningHost: the host already names the sandbox");
  }
  if (lightningHost !== undefined && myDomain === undefined) {
    const ok = isText(lightningHost) && isLightningHost(lightningHost);
    check(ok, "lightningHost", lightningHost, (!ok && isText(lightningHost) && lightningHostAdvice(lightningHost)) || ALLOWED_LIGHTNING_HOST);
  }
  if (props.name !== undefined) {
    check(isPlainText(props.name, TEXT_LIMITS.name) && props.name.trim() !== "", "name", props.name, ALLOWED_NAME);
  }
  if (props.description !== undefined) {
    check(isPlainText(props.description, TEXT_LIMITS.description), "description", props.description, ALLOWED_DESCRIPTION);
  }
  const lifetime = props.tokenLifetimeSeconds;
  if (lifetime !== undefined) {
    check(
      Number.isInteger(lifetime) && lifetime >= TOKEN_LIFETIME_SECONDS.min && lifetime <= TOKEN_LIFETIME_SECONDS.max,
      "tokenLifetimeSeconds",
      lifetime,
      ALLOWED_TOKEN_LIFETIME,
    );
  }
  if (props.grantType !== undefined) {
    check(isText(props.grantType) && isGrantType(props.grantType), "grantType", props.grantType, ALLOWED_GRANT_TYPE);
  }
  checkEach(problems, "additionalScopes", props.additionalScopes, isScopeName, ALLOWED_SCOPE);
  checkEach(problems, "additionalRedirectUris", props.additionalRedirectUris, isSalesforceRedirectUri, ALLOWED_REDIRECT_URI);
  if (props.preventDestroy !== undefined) {
    check(typeof props.preventDestroy === "boolean", "preventDestroy", props.preventDestroy, "true or false");
  }
  if (props.importClientId !== undefined) {
    check(isText(props.importClientId) && CLIENT_ID_RE.test(props.importClientId), "importClientId", props.importClientId, ALLOWED_CLIENT_ID);
  }
  return problems;
}

function checkEach(
  problems: Problem[],
  prop: keyof ServiceCloudVoiceOAuthClientProps,
  values: readonly unknown[] | undefined,
  isValid: (value: string) => boolean,
  allowed: string,
): void {
  if (values === undefined) return;
  if (!Array.isArray(values)) {
    problems.push({ path: [prop], given: values, allowed: `a list, each item ${allowed}` });
    return;
  }
  values.forEach((value, i) => {
    if (!isText(value) || !isValid(value)) problems.push({ path: [prop, i], given: value, allowed });
  });
}

function isText(value: unknown): value is string {
  return typeof value === "string";
}

/** Resolves valid props to settings, applying the article's defaults; throws one InputError listing every problem. */
export function resolveOAuthClientSettings(
  props: ServiceCloudVoiceOAuthClientProps,
  source = "ServiceCloudVoiceOAuthClient props",
): OAuthClientSettings {
  const problems = checkOAuthClientProps(props);
  if (problems.length > 0) throw new InputError(source, problems);

  const lightningHost = (props.lightningHost ?? lightningHostFor(props.myDomain as string, props.sandbox)).toLowerCase();
  const grantType = props.grantType ?? DEFAULT_GRANT_TYPE;
  const additionalScopes = props.additionalScopes ?? [];
  const additionalRedirectUris = (props.additionalRedirectUris ?? []).map((uri) => new URL(uri).href);
  return {
    lightningHost,
    name: props.name ?? defaultName(lightningHost),
    description: props.description ?? DEFAULT_DESCRIPTION,
    tokenLifetimeSeconds: props.tokenLifetimeSeconds ?? TOKEN_LIFETIME_SECONDS.default,
    grantType,
    authorizedGrantType: GRANT_TYPES[grantType],
    scopes: scopesWith(additionalScopes),
    additionalScopes: additionalScopesOf(additionalScopes),
    redirectUris: [...new Set([redirectUriFor(lightningHost), ...additionalRedirectUris])],
    preventDestroy: props.preventDestroy ?? DEFAULT_PREVENT_DESTROY,
    importClientId: props.importClientId?.toLowerCase(),
  };
}
