/**
 * The construct's props, declared once (TypeBox): each prop's type, limits, description (what is allowed, in the words
 * every message quotes) and default. From it come the props' TypeScript type (oauth-client-settings.ts proves the
 * documented interface equal to it), the construct's validator, the deployments file's salesforce and oauthClient
 * sections (lib/app/deployments/schema.ts picks them from it) and docs/deployments.md's key reference.
 */
import { Kind, SchemaOptions, Static, TSchema, Type, TypeRegistry } from "@sinclair/typebox";
import { TerraformProvider } from "cdktf";
import {
  DEFAULT_GRANT_TYPE,
  DEFAULT_PREVENT_DESTROY,
  DEFAULT_RETIRE_BY,
  GrantType,
  GRANT_TYPE_NAMES,
  isGrantType,
  MIGRATION_STEPS,
  MigrationStep,
  RETIRE_BY,
  RetireBy,
} from "../shared/policy";
import { isPlainText, PLAIN_TEXT, TEXT_LIMITS } from "../shared/plain-text";
import {
  ALLOWED_LIGHTNING_HOST,
  ALLOWED_MY_DOMAIN,
  ALLOWED_REDIRECT_URI,
  ALLOWED_SANDBOX,
  isLightningHost,
  isMyDomainName,
  isSalesforceRedirectUri,
  isSandboxName,
  LIGHTNING_HOME_PATH,
  lightningHostAdvice,
  myDomainAdvice,
} from "../shared/salesforce";
import { ALLOWED_SCOPE, isScopeName, meantScope, SERVICE_CLOUD_VOICE_SCOPES } from "../shared/scopes";
import { typed } from "../shared/typed-command";

/**
 * A value the construct checks with a function beyond what JSON Schema says of it. JSON Schema (editors, the
 * deployments file's first pass) sees only `options`; TypeBox, validating the props, calls `IS_VALID` instead of its
 * own checks (a text's maxLength is read by IS_VALID, which counts characters as JSON Schema does, where TypeBox would
 * count UTF-16 units); `ADVICE` says what to give instead of a refused value, where there is something better to say
 * than the description.
 */
/*
 * The kind and its keys are process-wide, not this module's: the package is built once per CDK flavour (the main entry and
 * `/cdktn`, scripts/package.mjs) and one process may load both builds, which then share one @sinclair/typebox and its
 * TypeRegistry. So the kind is registered once, by whichever build loads first, with a check that reads the schema's
 * own function through a Symbol.for key that every build holds alike: each build's schemas validate under either's
 * registration. The "/1" names this contract (IS_VALID's signature): a release that changes it takes the next name, so
 * that two versions of the package in one process never read each other's schemas.
 */
const CHECKED = "genesys-scv-oauth-client/Checked/1";
const IS_VALID: unique symbol = Symbol.for(`${CHECKED}:isValid`);
const ADVICE: unique symbol = Symbol.for(`${CHECKED}:advice`);

interface CheckedSchema extends TSchema {
  readonly [IS_VALID]: (value: unknown, schema: CheckedSchema) => boolean;
  readonly [ADVICE]?: (value: string) => string | undefined;
}

if (!TypeRegistry.Has(CHECKED)) TypeRegistry.Set<CheckedSchema>(CHECKED, (schema, value) => schema[IS_VALID](value, schema));

function checked<T>(
  isValid: (value: unknown, schema: CheckedSchema) => value is T,
  options: SchemaOptions,
  advice?: (value: string) => string | undefined,
) {
  return Type.Unsafe<T>({ ...options, [Kind]: CHECKED, [IS_VALID]: isValid, [ADVICE]: advice });
}

/** A string that `isValid` accepts (given the schema, to read its limits from); JSON Schema sees a string with `options`. */
function checkedString(
  isValid: (value: string, schema: SchemaOptions) => boolean,
  options: SchemaOptions,
  advice?: (value: string) => string | undefined,
) {
  return checked(
    (value, schema): value is string => typeof value === "string" && isValid(value, schema),
    { ...options, type: "string" },
    advice,
  );
}

/** What to give instead of `value`, which `schema` refused, when the schema knows better than its description. */
export function adviceFor(schema: TSchema, value: unknown): string | undefined {
  return typeof value === "string" ? (schema as Partial<CheckedSchema>)[ADVICE]?.(value) : undefined;
}

/** A list typed readonly, as the props take lists (a consumer's readonly lists fit). */
function readonlyList<T extends TSchema>(items: T, options: SchemaOptions) {
  return Type.Unsafe<readonly Static<T>[]>(Type.Array(items, options));
}

/** An optional prop: props are readonly. */
const prop = <T extends TSchema>(schema: T) => Type.ReadonlyOptional(schema);

export const TOKEN_LIFETIME_SECONDS = { min: 300, max: 172800, default: 86400 } as const;

export const ALLOWED_TOKEN_LIFETIME = `an integer number of seconds from ${TOKEN_LIFETIME_SECONDS.min} to ${TOKEN_LIFETIME_SECONDS.max}`;
export const ALLOWED_NAME = `a non-empty text of at most ${TEXT_LIMITS.name} characters, ${PLAIN_TEXT}`;
export const ALLOWED_DESCRIPTION = `a text of at most ${TEXT_LIMITS.description} characters, ${PLAIN_TEXT}`;
export const ALLOWED_CLIENT_ID = "a Genesys Cloud OAuth client id: a GUID such as 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
/** A GUID, the form of Genesys Cloud ids (OAuth clients, orgs), in any case. */
export const GUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

export const DEFAULT_DESCRIPTION =
  "Used by the CX Cloud, Digital and AI for Salesforce Service Cloud Voice Lightning app to get tokens. " +
  "Managed as code: change it through the repository, not in Genesys Cloud.";

/**
 * The default when it is no JSON value (a name made from the Lightning host, or none at all), in words: an
 * annotation for docs/deployments.md's key reference, which JSON Schema validators and editors pass over.
 */
export const DEFAULT_TEXT = "defaultText";

/** The props that name the Salesforce org: the deployments file's salesforce section. */
export const SALESFORCE_PROPS = ["myDomain", "sandbox", "lightningHost"] as const;

/**
 * The migration off the implicit grant, in the steps the migrate command writes (docs/migrating.md): side-by-side (a second
 * client with the authorization-code grant beside the untouched implicit one), deactivate (the implicit one inactive),
 * retire (the implicit one forgotten or deleted).
 */
export const migrationSchema = Type.Object(
  {
    step: Type.Readonly(
      checked((value): value is MigrationStep => (MIGRATION_STEPS as readonly unknown[]).includes(value), {
        type: "string",
        enum: MIGRATION_STEPS,
        description:
          "side-by-side (a second client, with the authorization-code grant, beside the implicit one, which stays as it is), " +
          "deactivate (the implicit client set inactive: no new tokens; going back to side-by-side reactivates it, same id) or " +
          "retire (the implicit client leaves the configuration, as retireBy says)",
      }),
    ),
    retireBy: Type.ReadonlyOptional(
      checked((value): value is RetireBy => (RETIRE_BY as readonly unknown[]).includes(value), {
        type: "string",
        enum: RETIRE_BY,
        default: DEFAULT_RETIRE_BY,
        description:
          "forget (at retire, the implicit client stays in Genesys Cloud, inactive, and Terraform forgets it: a removed block with destroy = false) " +
          "or delete (at retire, Terraform deletes it: its id is gone for good, and the review holds the plan until allowed)",
      }),
    ),
    despiteUsage: Type.ReadonlyOptional(
      Type.Boolean({
        default: false,
        description: `true or false: the implicit client was deactivated although it had requests in the usage window (${typed("migrate", "<name>", "--write", "--despite-usage")}); the review comment says so`,
      }),
    ),
  },
  {
    description: `the migration of this client off the implicit grant to the authorization-code grant (PKCE), one reviewed step at a time: written by ${typed("migrate", "<name>", "--write")}`,
    [DEFAULT_TEXT]: "none: one client, as grantType says",
    additionalProperties: false,
  },
);

export const oauthClientPropsSchema = Type.Object({
  provider: prop(
    checked((value): value is TerraformProvider => TerraformProvider.isTerraformProvider(value), {
      description:
        "the genesyscloud provider of the client's Genesys Cloud org: the package's GenesyscloudProvider, or the one your own cdktf get generated (a cdktf TerraformProvider)",
      [DEFAULT_TEXT]: "the stack's default genesyscloud provider",
    }),
  ),
  myDomain: prop(
    checkedString(isMyDomainName, { description: ALLOWED_MY_DOMAIN, [DEFAULT_TEXT]: "this or lightningHost" }, myDomainAdvice),
  ),
  sandbox: prop(
    checkedString(isSandboxName, { description: `${ALLOWED_SANDBOX}; only with myDomain`, [DEFAULT_TEXT]: "none: the production org" }),
  ),
  lightningHost: prop(
    checkedString(
      isLightningHost,
      {
        description: `${ALLOWED_LIGHTNING_HOST}; instead of myDomain, for orgs the My Domain name alone does not identify`,
        [DEFAULT_TEXT]: "this or myDomain",
      },
      lightningHostAdvice,
    ),
  ),
  name: prop(
    checkedString((value, { maxLength }) => isPlainText(value, maxLength) && value.trim() !== "", {
      description: `${ALLOWED_NAME}: the App Name shown when someone authorizes the client`,
      minLength: 1,
      maxLength: TEXT_LIMITS.name,
      [DEFAULT_TEXT]: "Salesforce Service Cloud Voice (<lightning host>)",
    }),
  ),
  description: prop(
    checkedString((value, { maxLength }) => isPlainText(value, maxLength), {
      description: `${ALLOWED_DESCRIPTION}: the client's description in Genesys Cloud`,
      maxLength: TEXT_LIMITS.description,
      default: DEFAULT_DESCRIPTION,
    }),
  ),
  tokenLifetimeSeconds: prop(
    Type.Integer({
      minimum: TOKEN_LIFETIME_SECONDS.min,
      maximum: TOKEN_LIFETIME_SECONDS.max,
      default: TOKEN_LIFETIME_SECONDS.default,
      description: `${ALLOWED_TOKEN_LIFETIME} (2 days, the article's range): how long the client's tokens last`,
    }),
  ),
  grantType: prop(
    checked((value): value is GrantType => typeof value === "string" && isGrantType(value), {
      type: "string",
      enum: GRANT_TYPE_NAMES,
      default: DEFAULT_GRANT_TYPE,
      description:
        "implicit (the article's Token Implicit Grant, the provider's TOKEN, which Genesys is retiring) or authorization-code (Authorization Code with PKCE, the provider's CODE)",
    }),
  ),
  additionalScopes: prop(
    readonlyList(
      // A scope close to one of the seven is a misspelling of it, and granting it would leave the one meant out.
      checkedString(
        (value) => isScopeName(value) && meantScope(value) === undefined,
        { description: ALLOWED_SCOPE },
        (value) => {
          const meant = meantScope(value);
          return meant && `${ALLOWED_SCOPE}, not a misspelling of one of the article's seven (did you mean ${JSON.stringify(meant)}?)`;
        },
      ),
      {
        default: [],
        description: `a list of scopes beyond the article's seven (${SERVICE_CLOUD_VOICE_SCOPES.join(", ")}), which are always granted; each ${ALLOWED_SCOPE}`,
      },
    ),
  ),
  additionalRedirectUris: prop(
    readonlyList(checkedString(isSalesforceRedirectUri, { description: ALLOWED_REDIRECT_URI }), {
      default: [],
      description: `a list of redirect URIs beyond https://<lightning host>${LIGHTNING_HOME_PATH}, which is always registered (such as the pop-up authentication callback); each ${ALLOWED_REDIRECT_URI}`,
    }),
  ),
  preventDestroy: prop(
    Type.Boolean({
      default: DEFAULT_PREVENT_DESTROY,
      description:
        "true or false: refuse to destroy the client, whose id the Salesforce org holds (false lets destroy, and any plan that would replace the client, through)",
    }),
  ),
  importClientId: prop(
    Type.String({
      pattern: GUID_PATTERN,
      description:
        "the id of an OAuth client made by hand (from the Genesys article) to adopt instead of creating one, which Terraform imports: " +
        "a GUID such as 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
      [DEFAULT_TEXT]: "none: a new client is created",
    }),
  ),
  migration: prop(migrationSchema),
});
