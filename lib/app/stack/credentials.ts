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

/** Names, in a pipeline, the deployment whose credentials the unprefixed GENESYSCLOUD_* variables hold. */
export const CREDENTIALS_DEPLOYMENT_VARIABLE = "SCV_CREDENTIALS_DEPLOYMENT";

/**
 * Why a deployment has no usable credentials, as data: rendered by credentialsInWords where it is shown.
 * - `scoped`: SCV_CREDENTIALS_DEPLOYMENT gives the unprefixed variables to another deployment, and this one has none
 *   of its own (no prefix, or nothing under its prefix);
 * - `incomplete`: a client id without its secret, or the reverse;
 * - `none`: nothing set.
 * `blank`: variables that hold only white space (they look set).
 */
export type CredentialsProblem =
  | { readonly kind: "scoped"; readonly deployment: string; readonly named: string; readonly own?: CredentialVariables }
  | {
      readonly kind: "incomplete";
      readonly set: string;
      readonly missing: string;
      readonly secretMissing: boolean;
      readonly blank: readonly string[];
    }
  | { readonly kind: "none"; readonly variables: CredentialVariables; readonly blank: readonly string[] };

/** A deployment's credentials, resolved: the variables they are read from, and their values (set ones only). */
export interface ResolvedCredentials {
  readonly variables: CredentialVariables;
  readonly values: { readonly clientId?: string; readonly clientSecret?: string; readonly accessToken?: string };
}

/**
 * The one rule for which credentials serve a deployment. A deployment with `genesysCloud.credentials` (a prefix)
 * reads its prefixed variables; one without reads the unprefixed ones. SCV_CREDENTIALS_DEPLOYMENT (a pipeline's job,
 * whose GitHub environment holds one deployment's secrets under the unprefixed names) scopes the unprefixed variables
 * to the deployment it names: that deployment reads them (its prefixed ones first, where any is set), and no other
 * deployment ever does: another one needs credentials under a prefix of its own, or is refused before any request.
 */
export function resolveCredentials(
  deployment: Pick<Deployment, "name" | "genesysCloud">,
  env: NodeJS.ProcessEnv,
): ResolvedCredentials | CredentialsProblem {
  const named = env[CREDENTIALS_DEPLOYMENT_VARIABLE];
  const scoped = named !== undefined && named !== "";
  const prefixed = credentialVariables(deployment);
  const hasPrefix = deployment.genesysCloud.credentials !== undefined;
  const anySet = (variables: CredentialVariables) => Object.values(variables).some((name) => isSet(env[name]));
  let variables: CredentialVariables;
  if (!scoped || (hasPrefix && anySet(prefixed))) variables = prefixed;
  else if (named === deployment.name) variables = UNPREFIXED;
  else return { kind: "scoped", deployment: deployment.name, named, ...(hasPrefix && { own: prefixed }) };
  const has = (name: string) => isSet(env[name]);
  const { clientId, clientSecret, accessToken } = variables;
  if (has(accessToken) || (has(clientId) && has(clientSecret))) {
    const value = (name: string) => (has(name) ? env[name] : undefined);
    return { variables, values: { clientId: value(clientId), clientSecret: value(clientSecret), accessToken: value(accessToken) } };
  }
  // Empty is how a variable is often unset; only white space is worth a word, as it looks set.
  const blank = [clientId, clientSecret, accessToken].filter((name) => (env[name] ?? "") !== "" && !has(name));
  if (has(clientId)) return { kind: "incomplete", set: clientId, missing: clientSecret, secretMissing: true, blank };
  if (has(clientSecret)) return { kind: "incomplete", set: clientSecret, missing: clientId, secretMissing: false, blank };
  return { kind: "none", variables, blank };
}

const UNPREFIXED: CredentialVariables = { ...CREDENTIAL_VARIABLES };

/** Whether `resolveCredentials` answered a problem. */
export function isCredentialsProblem(resolved: ResolvedCredentials | CredentialsProblem): resolved is CredentialsProblem {
  return "kind" in resolved;
}

/** A credentials problem in words naming the exact variables. */
export function credentialsInWords(problem: CredentialsProblem): string {
  switch (problem.kind) {
    case "scoped":
      return (
        `no credentials for deployment ${problem.deployment}: ${CREDENTIALS_DEPLOYMENT_VARIABLE} names ${problem.named}, ` +
        `whose credentials the unprefixed GENESYSCLOUD_* variables hold, and they serve no other deployment; ` +
        (problem.own
          ? `set ${problem.own.clientId} with ${problem.own.clientSecret} (or ${problem.own.accessToken}) for it, or run it in a job of its own`
          : `give it credentials of its own (genesysCloud.credentials, a prefix for its variables), or run it in a job of its own`)
      );
    case "incomplete": {
      const what = problem.secretMissing ? "a client id without its secret" : "a secret without its client id";
      return `${problem.set} is set but ${problem.missing} is not: ${what}${blankNote(problem.blank)}`;
    }
    case "none": {
      const { clientId, clientSecret, accessToken } = problem.variables;
      return `none of ${clientId} with ${clientSecret}, or ${accessToken}, is set${blankNote(problem.blank)}`;
    }
  }
}

function blankNote(blank: readonly string[]): string {
  return blank.length > 0 ? ` (${listed(blank)} ${blank.length > 1 ? "hold" : "holds"} only white space)` : "";
}

/**
 * The deployments of a run that SCV_CREDENTIALS_DEPLOYMENT leaves without credentials, as one message: a command
 * over several deployments says it before its first request, so that no deployment is half done; undefined when none.
 */
export function scopedCredentialsProblem(
  deployments: readonly Pick<Deployment, "name" | "genesysCloud">[],
  env: NodeJS.ProcessEnv,
): string | undefined {
  const refused = deployments.flatMap((d) => {
    const resolved = resolveCredentials(d, env);
    return isCredentialsProblem(resolved) && resolved.kind === "scoped" ? [credentialsInWords(resolved)] : [];
  });
  return refused.length === 0 ? undefined : `${refused.join("\n")}\nNothing was asked of any org.`;
}

/** What is missing from a deployment's credentials, in words naming the exact variables; undefined when complete. */
export function credentialsProblem(deployment: Pick<Deployment, "name" | "genesysCloud">, env: NodeJS.ProcessEnv): string | undefined {
  const resolved = resolveCredentials(deployment, env);
  return isCredentialsProblem(resolved) ? credentialsInWords(resolved) : undefined;
}

function listed(names: readonly string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names[0];
}

/** A credential variable counts only with a value: empty or blank is as good as unset. */
function isSet(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

/**
 * The environment of one deployment's Terraform runs: its own credentials (resolveCredentials) under the names the
 * provider reads, no other Genesys Cloud credential (another deployment's must never reach this org's provider), and
 * none of the variables that would override what its deployments file decides.
 */
export function deploymentEnvironment(deployment: Pick<Deployment, "name" | "genesysCloud">, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const result = Object.fromEntries(
    Object.entries(withoutCredentials(env)).filter(
      ([name]) => !DECIDED_BY_THE_DEPLOYMENTS_FILE.test(name) && name !== CREDENTIALS_DEPLOYMENT_VARIABLE,
    ),
  );
  const resolved = resolveCredentials(deployment, env);
  if (isCredentialsProblem(resolved)) return result;
  for (const key of Object.keys(CREDENTIAL_VARIABLES) as (keyof typeof CREDENTIAL_VARIABLES)[]) {
    const value = resolved.values[key];
    if (value !== undefined) result[CREDENTIAL_VARIABLES[key]] = value;
  }
  return result;
}

/** The environment without any Genesys Cloud credential: for what needs only the backend's (the output command). */
export function withoutCredentials(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !ANY_CREDENTIAL_VARIABLE.test(name)));
}

/**
 * A GitHub environment per deployment holds that deployment's secrets under the unprefixed names, whatever prefix
 * (`genesysCloud.credentials`) the deployments file gives it for a person's machine; SCV_CREDENTIALS_DEPLOYMENT names
 * that deployment (resolveCredentials scopes the unprefixed variables to it). A name the file does not have is one
 * message; undefined when the variable is unset or names a deployment.
 */
export function credentialsDeploymentProblem(env: NodeJS.ProcessEnv, deployments: readonly Pick<Deployment, "name">[]): string | undefined {
  const name = env[CREDENTIALS_DEPLOYMENT_VARIABLE];
  if (name === undefined || name === "" || deployments.some((d) => d.name === name)) return undefined;
  return `${CREDENTIALS_DEPLOYMENT_VARIABLE} is ${JSON.stringify(name)}, which names no deployment of the deployments file; allowed: ${deployments.map((d) => d.name).join(", ")}`;
}
