/**
 * The deployments file's shape, declared once (TypeBox): the TypeScript types of a deployment are derived from it
 * (`Static`), the loader validates with it, and `npm run schema` writes it to deployments.schema.json for editors.
 * Its salesforce and oauthClient sections are the construct's props, picked from the construct's own schema; what
 * JSON Schema cannot say of them (a valid My Domain name, host or scope), the construct's checks say. Each description
 * says what is allowed, and validation messages quote it; `default` (or, where the default is no JSON value,
 * `defaultText`) says what a missing key means. docs/deployments.md's key reference is written from it.
 */
import { Static, TSchema, Type } from "@sinclair/typebox";
import { GENESYS_CLOUD_REGION_NAMES } from "./regions";
import { DEFAULT_TEXT, GUID_PATTERN, oauthClientPropsSchema, SALESFORCE_PROPS } from "../../construct/internal";
import { typed } from "../../shared/typed-command";

/** An environment variable prefix: ACME_EU reads ACME_EU_GENESYSCLOUD_OAUTHCLIENT_ID and the rest. */
export const CREDENTIALS_PREFIX_PATTERN = "^[A-Z][A-Z0-9_]{0,62}[A-Z0-9]$|^[A-Z]$";
export const ALLOWED_CREDENTIALS_PREFIX =
  "an environment variable prefix: capital letters, digits and underscores, starting with a letter and not ending in _ (e.g. ACME_EU reads ACME_EU_GENESYSCLOUD_OAUTHCLIENT_ID, ACME_EU_GENESYSCLOUD_OAUTHCLIENT_SECRET or ACME_EU_GENESYSCLOUD_ACCESS_TOKEN)";

const GATEWAY_HOST_PATTERN =
  "^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$";
const GATEWAY_PATH_PATTERN = "^[A-Za-z0-9._~-]+(?:/[A-Za-z0-9._~-]+)*$";

/**
 * A stack name; not ending in -plan, the suffix of the read-only GitHub environments the workflows plan in: a
 * deployment "foo-plan" would need its write credentials in the environment that holds the read-only ones of "foo".
 */
export const DEPLOYMENT_NAME_PATTERN = "^(?!.*-[Pp][Ll][Aa][Nn]$)[A-Za-z][A-Za-z0-9_-]{0,62}$";
/** Names every JavaScript object has (toString, constructor, ...): the constructs library cannot name a stack so. */
export const RESERVED_DEPLOYMENT_NAMES = Object.getOwnPropertyNames(Object.prototype)
  .filter((name) => new RegExp(DEPLOYMENT_NAME_PATTERN).test(name))
  .sort();
export const ALLOWED_DEPLOYMENT_NAME =
  "a stack name: a letter, then letters, digits, hyphens and underscores, at most 63 characters (e.g. production), " +
  `not ending in -plan (the workflows' read-only environments are <name>-plan), other than ${RESERVED_DEPLOYMENT_NAMES.join(", ")}`;

const text = (description: string) => Type.String({ description });
/** One of `values`, as JSON Schema's enum says it (editors complete it), typed as their union. */
const oneOf = <T extends string>(values: readonly T[], options: object) => Type.Unsafe<T>({ type: "string", enum: values, ...options });
const optional = <T extends TSchema>(schema: T) => Type.Optional(schema);

// Where Terraform keeps a deployment's state (backend.ts declares it on the stack).
const nonEmpty = (description: string, pattern?: string, defaultText?: string) =>
  Type.String({ minLength: 1, description, ...(pattern && { pattern }), ...(defaultText && { [DEFAULT_TEXT]: defaultText }) });
const flag = (description: string, byDefault: boolean | string) =>
  Type.Optional(
    Type.Boolean({ description, ...(typeof byDefault === "boolean" ? { default: byDefault } : { [DEFAULT_TEXT]: byDefault }) }),
  );

/**
 * A relative path that cannot leave its folder: no leading slash or drive, no `..` segment, no control characters;
 * and a file named *.tfstate, so that no state is ever written over the deployments file or any other file.
 */
const INSIDE_PATH =
  "^(?![/\\\\])(?![A-Za-z]:)(?!(?:.*[/\\\\])?\\.\\.(?:[/\\\\]|$))(?=(?:.*[/\\\\])?[^/\\\\]+\\.tfstate$)[^\\u0000-\\u001f\\u007f]+$";
/** S3 bucket naming rules (AWS "General purpose bucket naming rules"), for buckets on AWS and S3-compatible stores. */
const S3_BUCKET =
  "^(?!\\d+\\.\\d+\\.\\d+\\.\\d+$)(?!xn--|sthree-|amzn-s3-demo-)(?!.*\\.\\.)(?!.*(?:-s3alias|--ol-s3|\\.mrap|--x-s3|--table-s3)$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$";
/** AWS region names: us-east-1, eu-central-2, us-gov-west-1, ap-southeast-7, ... */
const AWS_REGION = "^[a-z]{2}(?:-gov|-iso[a-z]?)?-(?:central|north|south|east|west|northeast|northwest|southeast|southwest)-[1-9][0-9]?$";
/** An S3 object key for the state: no leading slash, no control characters. */
const S3_KEY = "^(?!/)[^\\u0000-\\u001f\\u007f]{1,1024}$";
/** An http(s) URL without user, query or fragment. */
const S3_ENDPOINT = "^https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[^\\s?#]*)?$";
const DYNAMODB_TABLE = "^[A-Za-z0-9_.-]{3,255}$";
/** HCP Terraform organization and workspace names. */
const HCP_NAME = "^[A-Za-z0-9_-]{1,90}$";
const HOSTNAME = "^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$";

const backendSchema = Type.Object(
  {
    local: Type.Optional(
      Type.Object(
        {
          path: Type.Optional(
            nonEmpty(
              "a state file path ending in .tfstate, relative to the deployments file's folder and inside it: no leading /, no ..",
              INSIDE_PATH,
              "terraform.<deployment name>.tfstate",
            ),
          ),
        },
        { description: "a local state file", additionalProperties: false },
      ),
    ),
    s3: Type.Optional(
      Type.Object(
        {
          bucket: nonEmpty(
            "an S3 bucket name: 3 to 63 lowercase letters, digits, dots and hyphens, a letter or digit at each end, not an IP address",
            S3_BUCKET,
          ),
          key: Type.Optional(
            nonEmpty("the state object's key, without a leading /", S3_KEY, "genesys-scv-oauth-client/<deployment name>.tfstate"),
          ),
          region: nonEmpty("an AWS region name, such as eu-central-1 or us-gov-west-1", AWS_REGION),
          encrypt: flag("true or false: server-side encryption of the state", true),
          useLockfile: flag("true or false: S3's own lock file, Terraform 1.10+", "true without dynamodbTable"),
          endpoint: Type.Optional(
            nonEmpty("the http(s) URL of an S3-compatible store, such as https://minio.example.com:9000", S3_ENDPOINT, "AWS S3"),
          ),
          usePathStyle: flag("true or false: path-style URLs, as most S3-compatible stores want", false),
          dynamodbTable: Type.Optional(
            nonEmpty(
              "a DynamoDB table name for state locking, instead of the lock file: 3 to 255 letters, digits, _, - and .",
              DYNAMODB_TABLE,
              "none",
            ),
          ),
        },
        {
          description:
            "state in an S3 bucket: bucket and region, optionally key, encrypt, useLockfile or dynamodbTable, endpoint and usePathStyle",
          additionalProperties: false,
        },
      ),
    ),
    cloud: Type.Optional(
      Type.Object(
        {
          organization: nonEmpty("the HCP Terraform / Terraform Enterprise organization: letters, digits, - and _", HCP_NAME),
          workspace: nonEmpty("the workspace that holds this deployment's state and runs: letters, digits, - and _", HCP_NAME),
          hostname: Type.Optional(nonEmpty("the Terraform Enterprise host name", HOSTNAME, "app.terraform.io")),
        },
        {
          description: "HCP Terraform or Terraform Enterprise: organization and workspace, optionally hostname",
          additionalProperties: false,
        },
      ),
    ),
  },
  {
    description: "where Terraform keeps this deployment's state: exactly one of local, s3, cloud",
    default: { local: {} },
    additionalProperties: false,
    minProperties: 1,
    maxProperties: 1,
  },
);

const gatewaySchema = Type.Object(
  {
    host: Type.String({
      pattern: GATEWAY_HOST_PATTERN,
      description: "the gateway's host name or IPv4 address, without scheme, port or path (e.g. genesys-gateway.acme.example)",
    }),
    port: Type.Integer({ minimum: 1, maximum: 65535, description: "the gateway's port: an integer from 1 to 65535" }),
    protocol: oneOf(["https", "http"], { description: "https or http (http to another machine gets a warning)" }),
    pathParams: optional(
      Type.Array(
        Type.Object(
          {
            pathName: oneOf(["login", "api"], { description: "login or api" }),
            pathValue: Type.String({
              pattern: GATEWAY_PATH_PATTERN,
              description:
                "a path without leading or trailing slash: letters, digits, ., _, ~ and - in segments joined by / (e.g. genesys/api)",
            }),
          },
          { description: "a path prefix: pathName (login or api) and pathValue", additionalProperties: false },
        ),
        {
          description: "path prefixes: at most one with pathName login (before /oauth/token) and one with pathName api (before /api/v2)",
          maxItems: 2,
          [DEFAULT_TEXT]: "none: /oauth/token and /api/v2 at the gateway's root",
        },
      ),
    ),
  },
  {
    description:
      "an API gateway in front of Genesys Cloud, written into the provider's gateway block: host, port, protocol, optionally pathParams. " +
      "The provider logs in there with the deployment's client id and secret and sends every API call there: name only a gateway your organisation runs",
    [DEFAULT_TEXT]: "none: the region's public API",
    additionalProperties: false,
  },
);

const genesysCloudSchema = Type.Object(
  {
    region: Type.String({
      enum: GENESYS_CLOUD_REGION_NAMES,
      description: `one of the Genesys Cloud regions: ${GENESYS_CLOUD_REGION_NAMES.join(", ")}`,
    }),
    organizationId: optional(
      Type.String({
        pattern: GUID_PATTERN,
        description:
          "the Genesys Cloud org's id, a GUID such as 8f0a3b4c-1d2e-4f5a-8b6c-7d8e9f0a1b2c (Admin > Account Settings > Organization Settings): " +
          "the plan fails, before any change, when the credentials belong to another org",
        [DEFAULT_TEXT]: "none (recommended for every deployment)",
      }),
    ),
    gateway: optional(gatewaySchema),
    credentials: optional(
      Type.String({
        pattern: CREDENTIALS_PREFIX_PATTERN,
        description: ALLOWED_CREDENTIALS_PREFIX,
        [DEFAULT_TEXT]: "none: the unprefixed variables",
      }),
    ),
  },
  {
    description: "the Genesys Cloud org: its region, optionally its organizationId, gateway and the credentials prefix",
    additionalProperties: false,
  },
);

/** The Salesforce org: the construct's props that name it. */
export const salesforceSchema = Type.Pick(oauthClientPropsSchema, SALESFORCE_PROPS, {
  description: "the Salesforce org: myDomain (and sandbox), or lightningHost",
  additionalProperties: false,
});

/** The OAuth client's settings: the construct's other props (the provider is the deployment's own). */
export const oauthClientSchema = Type.Omit(oauthClientPropsSchema, ["provider", ...SALESFORCE_PROPS], {
  description: "the OAuth client's settings beyond the article's defaults",
  [DEFAULT_TEXT]: "none: the article's settings, with the defaults below",
  additionalProperties: false,
});

export const deploymentSchema = Type.Object(
  {
    name: Type.String({ pattern: DEPLOYMENT_NAME_PATTERN, not: { enum: RESERVED_DEPLOYMENT_NAMES }, description: ALLOWED_DEPLOYMENT_NAME }),
    genesysCloud: genesysCloudSchema,
    salesforce: salesforceSchema,
    oauthClient: optional(oauthClientSchema),
    backend: optional(backendSchema),
    allowSecondClient: flag(
      `true or false: let a deploy create a client although the org already has one on a host of this deployment's Salesforce org (${typed("adopt", "<deployment name>", "--write")} adopts that one instead)`,
      false,
    ),
  },
  {
    description: "a deployment: name, genesysCloud, salesforce and optionally oauthClient, backend and allowSecondClient",
    additionalProperties: false,
  },
);

export const deploymentsSchema = Type.Object(
  {
    $schema: optional(text("a string: the path or URL of this schema, for editors")),
    // Empty in a new repository (init writes it so): every command then has nothing to do, and the first push applies nothing.
    deployments: Type.Array(deploymentSchema, { description: "a list of deployments (empty: nothing to plan or deploy yet)" }),
  },
  {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "Service Cloud Voice OAuth client deployments",
    description: "One deployment per Genesys Cloud org and Salesforce org pair; each becomes one Terraform stack.",
    additionalProperties: false,
  },
);

/** One deployment: a Genesys Cloud org and a Salesforce org, synthesized as one Terraform stack. */
export type Deployment = Static<typeof deploymentSchema>;
/** The provider's gateway block, in the deployments file's words. */
export type Gateway = Static<typeof gatewaySchema>;
/** A deployment's backend as the deployments file gives it: exactly one of its keys (the schema sees to that). */
export type BackendConfig = Static<typeof backendSchema>;
