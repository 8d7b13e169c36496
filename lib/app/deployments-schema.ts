/**
 * The JSON Schema of the deployments file. It is the one source of the file's shape: the loader validates with
 * it, and `npm run schema` writes it to deployments.schema.json for editors. Each description says what is
 * allowed, and validation messages quote it.
 */
import { backendSchema } from "./backend";
import { GENESYS_CLOUD_REGION_NAMES } from "./regions";
import {
  ALLOWED_CLIENT_ID,
  ALLOWED_DESCRIPTION,
  ALLOWED_GRANT_TYPE,
  ALLOWED_LIGHTNING_HOST,
  ALLOWED_MY_DOMAIN,
  ALLOWED_NAME,
  ALLOWED_REDIRECT_URI,
  ALLOWED_SANDBOX,
  ALLOWED_SCOPE,
  ALLOWED_TOKEN_LIFETIME,
  DEFAULT_DESCRIPTION,
  GRANT_TYPE_NAMES,
  GUID_PATTERN,
  SERVICE_CLOUD_VOICE_SCOPES,
  TEXT_LIMITS,
  TOKEN_LIFETIME_SECONDS,
} from "../construct";

/** An environment variable prefix: ACME_EU reads ACME_EU_GENESYSCLOUD_OAUTHCLIENT_ID and the rest. */
export const CREDENTIALS_PREFIX_PATTERN = "^[A-Z][A-Z0-9_]{0,62}[A-Z0-9]$|^[A-Z]$";
export const ALLOWED_CREDENTIALS_PREFIX =
  "an environment variable prefix: capital letters, digits and underscores, starting with a letter and not ending in _ (e.g. ACME_EU reads ACME_EU_GENESYSCLOUD_OAUTHCLIENT_ID, ACME_EU_GENESYSCLOUD_OAUTHCLIENT_SECRET or ACME_EU_GENESYSCLOUD_ACCESS_TOKEN)";

const GATEWAY_HOST_PATTERN = "^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$";
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

const text = (description: string) => ({ type: "string", description });

export const deploymentsSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "Service Cloud Voice OAuth client deployments",
  description: "One deployment per Genesys Cloud org and Salesforce org pair; each becomes one Terraform stack.",
  type: "object",
  additionalProperties: false,
  required: ["deployments"],
  properties: {
    $schema: text("a string: the path or URL of this schema, for editors"),
    deployments: {
      type: "array",
      description: "a list of at least one deployment",
      minItems: 1,
      items: {
        type: "object",
        description: "a deployment: name, genesysCloud, salesforce and optionally oauthClient and backend",
        additionalProperties: false,
        required: ["name", "genesysCloud", "salesforce"],
        properties: {
          name: {
            type: "string",
            pattern: DEPLOYMENT_NAME_PATTERN,
            not: { enum: RESERVED_DEPLOYMENT_NAMES },
            description: ALLOWED_DEPLOYMENT_NAME,
          },
          genesysCloud: {
            type: "object",
            description: "the Genesys Cloud org: its region, optionally its organizationId and the credentials prefix",
            additionalProperties: false,
            required: ["region"],
            properties: {
              credentials: {
                type: "string",
                pattern: CREDENTIALS_PREFIX_PATTERN,
                description: ALLOWED_CREDENTIALS_PREFIX,
              },
              gateway: {
                type: "object",
                description:
                  "an API gateway in front of Genesys Cloud, which the provider sends its login and every API call to: host, port, protocol, optionally pathParams",
                additionalProperties: false,
                required: ["host", "port", "protocol"],
                properties: {
                  host: {
                    type: "string",
                    pattern: GATEWAY_HOST_PATTERN,
                    description: "the gateway's host name or IPv4 address, without scheme, port or path (e.g. genesys-gateway.acme.example)",
                  },
                  port: { type: "integer", minimum: 1, maximum: 65535, description: "the gateway's port: an integer from 1 to 65535" },
                  protocol: { type: "string", enum: ["https", "http"], description: "https or http" },
                  pathParams: {
                    type: "array",
                    description: "path prefixes: at most one with pathName login (before /oauth/token) and one with pathName api (before /api/v2)",
                    maxItems: 2,
                    items: {
                      type: "object",
                      description: "a path prefix: pathName (login or api) and pathValue",
                      additionalProperties: false,
                      required: ["pathName", "pathValue"],
                      properties: {
                        pathName: { type: "string", enum: ["login", "api"], description: "login or api" },
                        pathValue: {
                          type: "string",
                          pattern: GATEWAY_PATH_PATTERN,
                          description: "a path without leading or trailing slash: letters, digits, ., _, ~ and - in segments joined by / (e.g. genesys/api)",
                        },
                      },
                    },
                  },
                },
              },
              organizationId: {
                type: "string",
                pattern: GUID_PATTERN,
                description: "the Genesys Cloud org's id, a GUID such as 8f0a3b4c-1d2e-4f5a-8b6c-7d8e9f0a1b2c (Admin > Account Settings > Organization Settings)",
              },
              region: {
                type: "string",
                enum: GENESYS_CLOUD_REGION_NAMES,
                description: `one of the Genesys Cloud regions: ${GENESYS_CLOUD_REGION_NAMES.join(", ")}`,
              },
            },
          },
          salesforce: {
            type: "object",
            description: "the Salesforce org: myDomain (and sandbox), or lightningHost",
            additionalProperties: false,
            properties: {
              myDomain: text(ALLOWED_MY_DOMAIN),
              sandbox: text(`${ALLOWED_SANDBOX}; only with myDomain`),
              lightningHost: text(`${ALLOWED_LIGHTNING_HOST}; instead of myDomain`),
            },
          },
          oauthClient: {
            type: "object",
            description: "the OAuth client's settings beyond the article's defaults",
            additionalProperties: false,
            properties: {
              name: {
                ...text(`${ALLOWED_NAME}: the App Name shown when someone authorizes the client (default: Salesforce Service Cloud Voice (<lightning host>))`),
                maxLength: TEXT_LIMITS.name,
              },
              description: {
                ...text(`${ALLOWED_DESCRIPTION} (default: "${DEFAULT_DESCRIPTION}")`),
                maxLength: TEXT_LIMITS.description,
              },
              tokenLifetimeSeconds: {
                type: "integer",
                minimum: TOKEN_LIFETIME_SECONDS.min,
                maximum: TOKEN_LIFETIME_SECONDS.max,
                default: TOKEN_LIFETIME_SECONDS.default,
                description: `${ALLOWED_TOKEN_LIFETIME} (default: ${TOKEN_LIFETIME_SECONDS.default})`,
              },
              grantType: {
                type: "string",
                enum: GRANT_TYPE_NAMES,
                default: "implicit",
                description: `${ALLOWED_GRANT_TYPE} (default: implicit, which Genesys is retiring)`,
              },
              additionalScopes: {
                type: "array",
                description: `a list of scopes beyond ${SERVICE_CLOUD_VOICE_SCOPES.join(", ")}, each ${ALLOWED_SCOPE}`,
                items: text(ALLOWED_SCOPE),
              },
              additionalRedirectUris: {
                type: "array",
                description: `a list of redirect URIs beyond https://<lightning host>/lightning/page/home, each ${ALLOWED_REDIRECT_URI}`,
                items: text(ALLOWED_REDIRECT_URI),
              },
              preventDestroy: {
                type: "boolean",
                default: true,
                description: "true or false (default: true): refuse to destroy the client, whose id the Salesforce org holds",
              },
              importClientId: text(`${ALLOWED_CLIENT_ID}: a client made by hand to adopt (import) instead of creating one`),
            },
          },
          backend: backendSchema,
        },
      },
    },
  },
} as const;
