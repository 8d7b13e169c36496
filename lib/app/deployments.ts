/**
 * Reads and checks the deployments file: its shape against the JSON Schema, then every value with the
 * construct's own checks, reporting all problems at once with their JSON paths.
 */
import { dirname, resolve } from "path";
import { BackendConfig, stateLocation } from "./backend";
import { deploymentsSchema } from "./deployments-schema";
import { isJsonObject, parseJson, readTextFile, schemaChecker } from "./json-input";
import { checkOAuthClientProps, Description, GrantType, InputError, Problem, ServiceCloudVoiceOAuthClientProps } from "../construct";

/** One deployment: a Genesys Cloud org and a Salesforce org, synthesized as one Terraform stack. */
export interface Deployment {
  readonly name: string;
  readonly genesysCloud: {
    readonly region: string;
    /** The prefix of the environment variables holding this deployment's credentials (ACME_EU → ACME_EU_GENESYSCLOUD_…). */
    readonly credentials?: string;
    /** The id of the org the deployment belongs to: the plan fails, before any change, in any other org. */
    readonly organizationId?: string;
    /** An API gateway in front of Genesys Cloud: the provider sends its login and every API call there. */
    readonly gateway?: Gateway;
  };
  readonly salesforce: { readonly myDomain?: string; readonly sandbox?: string; readonly lightningHost?: string };
  readonly oauthClient?: {
    readonly name?: string;
    readonly description?: string;
    readonly tokenLifetimeSeconds?: number;
    readonly grantType?: GrantType;
    readonly additionalScopes?: string[];
    readonly additionalRedirectUris?: string[];
    readonly preventDestroy?: boolean;
    readonly importClientId?: string;
  };
  readonly backend?: BackendConfig;
}

/** The provider's gateway block, in the deployments file's words. */
export interface Gateway {
  readonly host: string;
  readonly port: number;
  readonly protocol: "http" | "https";
  /** Path prefixes: `login` before /oauth/token, `api` before /api/v2. */
  readonly pathParams?: readonly { readonly pathName: "login" | "api"; readonly pathValue: string }[];
}

export const DEFAULT_DEPLOYMENTS_FILE = "deployments.json";

/** The deployments file: DEPLOYMENTS_FILE, else deployments.json in the current folder. */
export function deploymentsFile(env: NodeJS.ProcessEnv): string {
  return env.DEPLOYMENTS_FILE || DEFAULT_DEPLOYMENTS_FILE;
}

/** Where each prop stands in a deployment. */
const PROP_PATHS: Record<Exclude<keyof ServiceCloudVoiceOAuthClientProps, "provider">, string> = {
  myDomain: "salesforce.myDomain",
  sandbox: "salesforce.sandbox",
  lightningHost: "salesforce.lightningHost",
  name: "oauthClient.name",
  description: "oauthClient.description",
  tokenLifetimeSeconds: "oauthClient.tokenLifetimeSeconds",
  grantType: "oauthClient.grantType",
  additionalScopes: "oauthClient.additionalScopes",
  additionalRedirectUris: "oauthClient.additionalRedirectUris",
  preventDestroy: "oauthClient.preventDestroy",
  importClientId: "oauthClient.importClientId",
};

/** The construct's props for a deployment, each read from where PROP_PATHS says it stands. */
export function oauthClientProps(deployment: Deployment): ServiceCloudVoiceOAuthClientProps {
  const props: Record<string, unknown> = {};
  for (const [prop, path] of Object.entries(PROP_PATHS)) {
    const [group, key] = path.split(".");
    const section: unknown = (deployment as unknown as Record<string, unknown>)[group];
    if (isJsonObject(section) && section[key] !== undefined) props[prop] = section[key];
  }
  return props;
}

const checkShape = schemaChecker(deploymentsSchema);

/**
 * The deployments file named by the environment, read and checked, with its folder (which a local state path is
 * relative to); or, for a user's mistake, the one message the app prints. The app and `npm run` share it, so that
 * the message is the same whichever finds it first.
 */
export function loadDeploymentsOrProblem(env: NodeJS.ProcessEnv): { deployments: Deployment[]; baseDir: string } | { problem: string } {
  const file = deploymentsFile(env);
  try {
    return { deployments: loadDeployments(file), baseDir: dirname(resolve(file)) };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { problem: `${e.message}\nNothing was synthesized.` };
  }
}

/** A thousand deployments take about 150 KB; more than this is not a deployments file. */
export const MAX_DEPLOYMENTS_FILE_BYTES = 16 * 1024 * 1024;

/** Reads the deployments file; throws one InputError listing every problem. */
export function loadDeployments(file: string): Deployment[] {
  const text = readTextFile(file, "a readable JSON file", { hint: "; set DEPLOYMENTS_FILE to use another path", maxBytes: MAX_DEPLOYMENTS_FILE_BYTES });
  return parseDeployments(text, file);
}

/** Parses and checks the text of a deployments file; `source` names it in messages. */
export function parseDeployments(text: string, source: string): Deployment[] {
  const data = parseJson(text, source);
  const problems = [...checkShape(data), ...valueProblems(data)];
  if (problems.length > 0) throw new InputError(source, sortedUniqueProblems(problems));
  return (data as { deployments: Deployment[] }).deployments;
}

/** The checks JSON Schema cannot express: the construct's value checks; names and states unique across deployments. */
function valueProblems(data: unknown): Problem[] {
  const deployments = isJsonObject(data) && Array.isArray(data.deployments) ? data.deployments : [];
  const problems: Problem[] = [];
  const firstWithName = new Map<string, number>();
  const firstWithState = new Map<string, number>();
  deployments.forEach((deployment: unknown, i: number) => {
    if (!isJsonObject(deployment)) return;
    const at = `deployments[${i}]`;
    if (typeof deployment.name === "string") {
      // Stack directories must differ on case-insensitive file systems too.
      const sameName = seenBefore(firstWithName, deployment.name.toLowerCase(), i);
      if (sameName !== undefined) {
        problems.push({
          path: `${at}.name`,
          given: deployment.name,
          allowed: `a name no other deployment has (deployments[${sameName}] is named ${JSON.stringify(deployments[sameName].name)})`,
        });
      } else {
        // (A taken name also shares its default state: the name's problem says it.)
        const state = stateLocation(deployment.name, deployment.backend);
        const sameState = state === undefined ? undefined : seenBefore(firstWithState, state, i);
        if (sameState !== undefined) {
          problems.push({
            path: `${at}.backend`,
            given: new Description(`the state of deployments[${sameState}] (${JSON.stringify(deployments[sameState].name)}): ${state}`),
            allowed: "a state of its own: two deployments in one state would each plan to delete the other's OAuth client",
          });
        }
      }
    }
    const pathParams = isJsonObject(deployment.genesysCloud) && isJsonObject(deployment.genesysCloud.gateway) ? deployment.genesysCloud.gateway.pathParams : undefined;
    if (Array.isArray(pathParams)) {
      pathParams.forEach((param: unknown, j: number) => {
        const name = isJsonObject(param) ? param.pathName : undefined;
        const first = pathParams.findIndex((other: unknown) => isJsonObject(other) && other.pathName === name);
        if (typeof name === "string" && first < j) {
          problems.push({
            path: `${at}.genesysCloud.gateway.pathParams[${j}].pathName`,
            given: name,
            allowed: `a pathName no other entry has (pathParams[${first}] is ${JSON.stringify(name)})`,
          });
        }
      });
    }
    if (!isJsonObject(deployment.salesforce)) return;
    for (const problem of checkOAuthClientProps(oauthClientProps(deployment as unknown as Deployment))) {
      const [prop, rest] = splitHead(problem.path);
      const propPath = PROP_PATHS[prop as keyof typeof PROP_PATHS] ?? prop;
      problems.push({ ...problem, path: `${at}.${propPath}${rest}` });
    }
  });
  return problems;
}

/** The index recorded for this key before, if any; else this one is recorded, as the first with the key. */
function seenBefore(first: Map<string, number>, key: string, index: number): number | undefined {
  const earlier = first.get(key);
  if (earlier === undefined) first.set(key, index);
  return earlier;
}

function splitHead(path: string): [string, string] {
  const match = /^([A-Za-z]+)(.*)$/.exec(path);
  return match ? [match[1], match[2]] : [path, ""];
}

/** Orders problems by path, with array indexes in numeric order, and keeps the first problem per path. */
function sortedUniqueProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  const unique = problems.filter((p) => !seen.has(p.path) && seen.add(p.path));
  return unique.sort((a, b) => a.path.localeCompare(b.path, "en", { numeric: true }));
}
