/**
 * Genesys Cloud credentials per deployment. The genesyscloud provider reads GENESYSCLOUD_OAUTHCLIENT_ID and
 * GENESYSCLOUD_OAUTHCLIENT_SECRET (or GENESYSCLOUD_ACCESS_TOKEN) from its environment; a deployment with
 * `genesysCloud.credentials: "ACME_EU"` gets them from ACME_EU_GENESYSCLOUD_OAUTHCLIENT_ID and so on, and from
 * nothing else. Values are only ever copied between environment variables: never into arguments, files or messages.
 */
import { Deployment } from "../deployments/deployments";

export const CREDENTIAL_VARIABLES = {
  clientId: "GENESYSCLOUD_OAUTHCLIENT_ID",
  clientSecret: "GENESYSCLOUD_OAUTHCLIENT_SECRET",
  accessToken: "GENESYSCLOUD_ACCESS_TOKEN",
} as const;

type CredentialVariables = { -readonly [K in keyof typeof CREDENTIAL_VARIABLES]: string };

/**
 * The provider's other GENESYSCLOUD_* variables, decided one by one (docs/deploying.md, "The environment of a deployment"):
 * - removed from each deployment's runs: what the deployments file decides, so that a variable left in a shell or a
 *   runner cannot override it: GENESYSCLOUD_REGION, GENESYSCLOUD_GATEWAY_* (host, port, protocol, path, auth: where
 *   the credentials are sent), GENESYSCLOUD_PROXY_*, GENESYSCLOUD_TOKEN_POOL_SIZE. (The stacks also write region,
 *   token pool and gateway explicitly, and the provider reads a gateway or proxy variable only inside a block of
 *   its own, which the stacks write only from the deployments file: terraform run by hand is as safe.)
 * - refused (REFUSED_WHEN_ON): GENESYSCLOUD_SDK_DEBUG, which logs every API request and answer, tokens included, to
 *   a file in the stack folder.
 * - allowed: GENESYSCLOUD_CUSTOM_RETRY_TIMEOUT, GENESYSCLOUD_TOKEN_ACQUIRE_TIMEOUT, GENESYSCLOUD_TOKEN_INIT_TIMEOUT
 *   (how long to wait), GENESYSCLOUD_LOG_STACK_TRACES(_FILE_PATH), GENESYSCLOUD_SDK_CLIENT_POOL_DEBUG,
 *   GENESYSCLOUD_SDK_DEBUG_FORMAT and _FILE_PATH (inert without SDK_DEBUG): none of them sends or writes a secret.
 */
const DECIDED_BY_THE_DEPLOYMENTS_FILE = /^GENESYSCLOUD_(?:REGION|GATEWAY_[A-Z_]+|PROXY_[A-Z_]+|TOKEN_POOL_SIZE)$/;

/** Variables refused while they are on (Go's strconv.ParseBool true, as the provider reads them). */
export const REFUSED_WHEN_ON: Readonly<Record<string, string>> = {
  GENESYSCLOUD_SDK_DEBUG:
    "the provider would write every Genesys Cloud API request and answer, access tokens included, to sdk_debug.log in the stack folder",
};

/** The refused variables that are on, in words; undefined when none is. */
export function refusedVariablesProblem(env: NodeJS.ProcessEnv): string | undefined {
  const on = Object.keys(REFUSED_WHEN_ON).filter((name) => ["1", "t", "T", "true", "TRUE", "True"].includes(env[name]?.trim() ?? ""));
  if (on.length === 0) return undefined;
  return on
    .map(
      (name) =>
        `${name} is ${JSON.stringify(env[name])}: ${REFUSED_WHEN_ON[name]}. Unset it; to debug, run terraform in the stack's folder yourself.`,
    )
    .join("\n");
}

/** Any Genesys Cloud credential variable, prefixed or not. */
const ANY_CREDENTIAL_VARIABLE = /(?:^|_)GENESYSCLOUD_(?:OAUTHCLIENT_ID|OAUTHCLIENT_SECRET|ACCESS_TOKEN)$/;

/** The variables a deployment's credentials are read from. */
export function credentialVariables(deployment: Pick<Deployment, "genesysCloud">): CredentialVariables {
  const prefix = deployment.genesysCloud.credentials;
  const named = (name: string) => (prefix ? `${prefix}_${name}` : name);
  return {
    clientId: named(CREDENTIAL_VARIABLES.clientId),
    clientSecret: named(CREDENTIAL_VARIABLES.clientSecret),
    accessToken: named(CREDENTIAL_VARIABLES.accessToken),
  };
}

/** What is missing from a deployment's credentials, in words naming the exact variables; undefined when complete. */
export function credentialsProblem(deployment: Pick<Deployment, "genesysCloud">, env: NodeJS.ProcessEnv): string | undefined {
  const { clientId, clientSecret, accessToken } = credentialVariables(deployment);
  const has = (name: string) => isSet(env[name]);
  if (has(accessToken) || (has(clientId) && has(clientSecret))) return undefined;
  // Empty is how a variable is often unset; only white space is worth a word, as it looks set.
  const blank = [clientId, clientSecret, accessToken].filter((name) => (env[name] ?? "") !== "" && !has(name));
  const blankNote = blank.length > 0 ? ` (${listed(blank)} ${blank.length > 1 ? "hold" : "holds"} only white space)` : "";
  if (has(clientId)) return `${clientId} is set but ${clientSecret} is not: a client id without its secret${blankNote}`;
  if (has(clientSecret)) return `${clientSecret} is set but ${clientId} is not: a secret without its client id${blankNote}`;
  return `none of ${clientId} with ${clientSecret}, or ${accessToken}, is set${blankNote}`;
}

function listed(names: string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names[0];
}

/** A credential variable counts only with a value: empty or blank is as good as unset. */
function isSet(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

/**
 * The environment of one deployment's Terraform runs: its own credentials under the names the provider reads, no
 * other Genesys Cloud credential (another deployment's must never reach this org's provider), and none of the
 * variables that would override what its deployments file decides.
 */
export function deploymentEnvironment(deployment: Pick<Deployment, "genesysCloud">, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const own = credentialVariables(deployment);
  const result = Object.fromEntries(
    Object.entries(withoutCredentials(env)).filter(([name]) => !DECIDED_BY_THE_DEPLOYMENTS_FILE.test(name)),
  );
  for (const key of Object.keys(CREDENTIAL_VARIABLES) as (keyof typeof CREDENTIAL_VARIABLES)[]) {
    const value = env[own[key]];
    if (isSet(value)) result[CREDENTIAL_VARIABLES[key]] = value;
  }
  return result;
}

/** The environment without any Genesys Cloud credential: for what needs only the backend's (npm run output). */
export function withoutCredentials(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !ANY_CREDENTIAL_VARIABLE.test(name)));
}

/** Names, in a pipeline, the deployment whose credentials the unprefixed GENESYSCLOUD_* variables hold. */
export const CREDENTIALS_DEPLOYMENT_VARIABLE = "SCV_CREDENTIALS_DEPLOYMENT";

/**
 * A GitHub environment per deployment holds that deployment's secrets under the unprefixed names, whatever prefix
 * (`genesysCloud.credentials`) the deployments file gives it for a person's machine. With SCV_CREDENTIALS_DEPLOYMENT
 * naming the deployment, its prefixed variables are taken from the unprefixed ones (where they are not set
 * themselves), so that the same file works on a machine and in the pipeline. A name the file does not have is one
 * message.
 */
export function withPipelineCredentials(
  env: NodeJS.ProcessEnv,
  deployments: readonly Pick<Deployment, "name" | "genesysCloud">[],
): { env: NodeJS.ProcessEnv } | { problem: string } {
  const name = env[CREDENTIALS_DEPLOYMENT_VARIABLE];
  if (name === undefined || name === "") return { env };
  const deployment = deployments.find((d) => d.name === name);
  if (!deployment) {
    return {
      problem: `${CREDENTIALS_DEPLOYMENT_VARIABLE} is ${JSON.stringify(name)}, which names no deployment of the deployments file; allowed: ${deployments.map((d) => d.name).join(", ")}`,
    };
  }
  const named = credentialVariables(deployment);
  const copied: NodeJS.ProcessEnv = { ...env };
  for (const key of Object.keys(CREDENTIAL_VARIABLES) as (keyof typeof CREDENTIAL_VARIABLES)[]) {
    const from = CREDENTIAL_VARIABLES[key];
    if (named[key] !== from && isSet(env[from]) && !isSet(env[named[key]])) copied[named[key]] = env[from];
  }
  return { env: copied };
}
