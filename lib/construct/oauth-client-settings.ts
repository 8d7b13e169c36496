/**
 * The construct's props, their checks and the settings they resolve to, as pure functions:
 * everything the Genesys article decides about the OAuth client, apart from the resource itself.
 */
import { Static } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { TerraformProvider, Token } from "cdktf";
import { adviceFor, DEFAULT_DESCRIPTION, oauthClientPropsSchema, TOKEN_LIFETIME_SECONDS } from "./props-schema";
import {
  DEFAULT_GRANT_TYPE,
  DEFAULT_PREVENT_DESTROY,
  DEFAULT_RETIRE_BY,
  GRANT_TYPES,
  GrantType,
  MigrationStep,
  RetireBy,
} from "../shared/policy";
import { Description, InputError, nearestKey, Problem, withMeant } from "../shared/problems";
import { lightningHostFor, redirectUriFor } from "../shared/salesforce";
import { additionalScopesOf, scopesWith } from "../shared/scopes";

// The props' one declaration is their schema (props-schema.ts), which checks them and says what each allows; this
// interface is its type written out for the API reference, and the compiler holds the two equal (below).
/**
 * The construct's props: the Salesforce org (`myDomain`, with `sandbox` for a sandbox, or `lightningHost`) and the
 * client's settings beyond the article's. Bad props throw one `InputError` that lists every problem, each at its prop.
 */
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
  /**
   * The migration of this (implicit-grant) client to Authorization Code with PKCE, one reviewed step at a time: a
   * second client with the authorization-code grant beside it (`side-by-side`), this one inactive (`deactivate`), this
   * one left (`retire`, forgotten or deleted as `retireBy` says). docs/migrating.md walks through it.
   * @default none: one client, as `grantType` says
   */
  readonly migration?: OAuthClientMigration;
}

/** The migration off the implicit grant, as the `migration` prop declares it. */
export interface OAuthClientMigration {
  /** Where the migration stands: `side-by-side`, `deactivate` or `retire`. */
  readonly step: MigrationStep;
  /**
   * At `retire`: `forget` leaves the implicit client in Genesys Cloud (inactive) and only Terraform forgets it;
   * `delete` deletes it (its id is gone; the review holds the plan until allowed).
   * @default "forget"
   */
  readonly retireBy?: RetireBy;
  /**
   * The implicit client was deactivated although it had requests in the usage window: said in the review comment.
   * @default false
   */
  readonly despiteUsage?: boolean;
}

/** The documented interface is the schema's type: tsc fails here when the two differ in any prop, type or modifier. */
true satisfies Equal<ServiceCloudVoiceOAuthClientProps, Static<typeof oauthClientPropsSchema>>;

/** Whether two types are the same (not merely assignable to each other: readonly and optional count). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

const PROP_KEYS = Object.keys(oauthClientPropsSchema.properties);

const ALLOWED_PROPS =
  "an object of props: myDomain (and sandbox) or lightningHost, and optionally the others of ServiceCloudVoiceOAuthClientProps";

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
  /** The migration to the authorization-code grant, with its defaults; undefined without one. */
  readonly migration?: Required<OAuthClientMigration>;
}

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

/**
 * Every problem with the props, each at the prop's name (and index), at most one per place; an empty list when they
 * are valid. The schema checks each prop; what no single prop says (the org named once) is checked here.
 */
export function checkOAuthClientProps(props: ServiceCloudVoiceOAuthClientProps): Problem[] {
  if (typeof props !== "object" || props === null || Array.isArray(props))
    return [{ path: [], place: "(props)", given: props, allowed: ALLOWED_PROPS }];
  const given = props as Record<string, unknown>;
  const literal: Record<string, unknown> = {};
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(given)) {
    if (!PROP_KEYS.includes(key)) {
      // From JavaScript anything can arrive; from TypeScript a spread of a larger object can. Keys that are not props
      // are left alone (a spread's "host" or "domain" among them), except one so close to a prop's name that it is
      // surely a typo of it: the same but for case, or at most two edits away.
      const meant = nearestKey(key, PROP_KEYS, { holding: false });
      if (meant)
        problems.push({ path: [key], given: value, allowed: `no prop ${JSON.stringify(key)} (did you mean ${JSON.stringify(meant)}?)` });
    } else if (key !== "provider" && isToken(value)) {
      if (!(TOKEN_PROPS as readonly string[]).includes(key)) {
        problems.push({ path: [key], given: new Description(`a Terraform token (${String(value)})`), allowed: ALLOWED_LITERAL });
      }
    } else literal[key] = value;
  }
  // The rules across props first: where one holds, it says more than the prop's own check.
  problems.push(...acrossProps(literal, given), ...schemaProblems(literal));
  const byPlace = new Map<string, Problem>();
  for (const problem of problems) if (!byPlace.has(JSON.stringify(problem.path))) byPlace.set(JSON.stringify(problem.path), problem);
  // In the order of the props, keys that are no prop last.
  const order = (problem: Problem) =>
    PROP_KEYS.includes(String(problem.path[0])) ? PROP_KEYS.indexOf(String(problem.path[0])) : PROP_KEYS.length;
  return [...byPlace.values()].sort((a, b) => order(a) - order(b));
}

/** The org is named once: by myDomain (with sandbox for a sandbox) or by lightningHost. */
function acrossProps(literal: Record<string, unknown>, given: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  if (given.myDomain === undefined && given.lightningHost === undefined) {
    problems.push({
      path: ["myDomain"],
      given: undefined,
      allowed: `${oauthClientPropsSchema.properties.myDomain.description}; or lightningHost instead`,
    });
  }
  if (literal.myDomain !== undefined && literal.lightningHost !== undefined) {
    problems.push({
      path: ["lightningHost"],
      given: literal.lightningHost,
      allowed: "nothing when myDomain is given: give one of the two",
    });
  }
  if (literal.migration !== undefined && literal.grantType !== undefined && literal.grantType !== "implicit") {
    problems.push({
      path: ["migration"],
      given: literal.migration,
      allowed: `nothing with grantType ${JSON.stringify(literal.grantType)}: a migration moves an implicit-grant client (grantType "implicit", the default) to the authorization-code grant`,
    });
  }
  if (literal.sandbox !== undefined && literal.lightningHost !== undefined) {
    problems.push({ path: ["sandbox"], given: literal.sandbox, allowed: "nothing with lightningHost: the host already names the sandbox" });
  }
  return problems;
}

/** What the schema refuses in the props, each at its place, with the schema's description (or advice) of what is allowed. */
function schemaProblems(props: Record<string, unknown>): Problem[] {
  if (Value.Check(oauthClientPropsSchema, props)) return [];
  return [...Value.Errors(oauthClientPropsSchema, props)].map((error) => {
    const path = error.path
      .split("/")
      .slice(1)
      .map((key, i) => (i > 0 && /^\d+$/.test(key) ? Number(key) : key.replace(/~1/g, "/").replace(/~0/g, "~")));
    const allowed = adviceFor(error.schema, error.value) ?? String(error.schema.description);
    return {
      path,
      given: error.value,
      allowed: Array.isArray(error.schema.enum) ? withMeant(allowed, error.value, error.schema.enum) : allowed,
    };
  });
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
    migration: props.migration && {
      step: props.migration.step,
      retireBy: props.migration.retireBy ?? DEFAULT_RETIRE_BY,
      despiteUsage: props.migration.despiteUsage ?? false,
    },
  };
}
