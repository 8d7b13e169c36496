/**
 * Reads and checks the deployments file: its shape against the JSON Schema, then every value with the
 * construct's own checks, reporting all problems at once with their JSON paths.
 */
import { readFileSync } from "fs";
import Ajv, { ErrorObject } from "ajv";
import { GrantType } from "./grant-type";
import { deploymentsSchema } from "./deployments-schema";
import { checkOAuthClientProps, ServiceCloudVoiceOAuthClientProps } from "./oauth-client-settings";
import { InputError, Problem, sortedUniqueProblems } from "./problems";

/** One deployment: a Genesys Cloud org and a Salesforce org, synthesized as one Terraform stack. */
export interface Deployment {
  readonly name: string;
  readonly genesysCloud: { readonly region: string };
  readonly salesforce: { readonly myDomain?: string; readonly sandbox?: string; readonly lightningHost?: string };
  readonly oauthClient?: {
    readonly name?: string;
    readonly description?: string;
    readonly tokenLifetimeSeconds?: number;
    readonly grantType?: GrantType;
    readonly additionalScopes?: string[];
    readonly additionalRedirectUris?: string[];
    readonly preventDestroy?: boolean;
  };
}

export const DEFAULT_DEPLOYMENTS_FILE = "deployments.json";

/** Where each prop stands in a deployment. */
const PROP_PATHS: Record<keyof ServiceCloudVoiceOAuthClientProps, string> = {
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
};

/** The construct's props for a deployment, each read from where PROP_PATHS says it stands. */
export function oauthClientProps(deployment: Deployment): ServiceCloudVoiceOAuthClientProps {
  const props: Record<string, unknown> = {};
  for (const [prop, path] of Object.entries(PROP_PATHS)) {
    const [group, key] = path.split(".");
    const section: unknown = (deployment as unknown as Record<string, unknown>)[group];
    if (isObject(section) && section[key] !== undefined) props[prop] = section[key];
  }
  return props;
}

let validateShape: ReturnType<Ajv["compile"]> | undefined;

/** Reads the deployments file; throws one InputError listing every problem. */
export function loadDeployments(file: string): Deployment[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "it does not exist" : (e as Error).message;
    throw new InputError(file, [
      { path: "(file)", given: file, allowed: `a readable JSON file (${reason}); set DEPLOYMENTS_FILE to use another path` },
    ]);
  }
  return parseDeployments(text, file);
}

/** Parses and checks the text of a deployments file; `source` names it in messages. */
export function parseDeployments(text: string, source: string): Deployment[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(source, [jsonSyntaxProblem(text, (e as Error).message)]);
  }
  validateShape ??= new Ajv({ allErrors: true, verbose: true, strict: true, validateSchema: false }).compile(deploymentsSchema);
  const problems = validateShape(data) ? [] : (validateShape.errors ?? []).map(shapeProblem);
  problems.push(...valueProblems(data));
  if (problems.length > 0) throw new InputError(source, sortedUniqueProblems(problems));
  return (data as { deployments: Deployment[] }).deployments;
}

function jsonSyntaxProblem(text: string, message: string): Problem {
  const position = /position (\d+)/.exec(message);
  if (!position) return { path: "(file)", given: text.slice(0, 40), allowed: `JSON (${message})` };
  const offset = Number(position[1]);
  const before = text.slice(0, offset).split("\n");
  const where = `line ${before.length}, column ${before[before.length - 1].length + 1}`;
  return { path: `(${where})`, given: text.slice(offset, offset + 20), allowed: `JSON (${message})` };
}

/** A JSON Schema error in the project's words: the path, the value there, and the schema's description of what is allowed. */
function shapeProblem(error: ErrorObject): Problem {
  const at = pathFromPointer(error.instancePath);
  const schema = error.parentSchema as { description?: string; properties?: Record<string, { description?: string }> };
  switch (error.keyword) {
    case "required": {
      const key = (error.params as { missingProperty: string }).missingProperty;
      return { path: joinPath(at, key), given: undefined, allowed: schema.properties?.[key]?.description ?? "a value" };
    }
    case "additionalProperties": {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(schema.properties ?? {}).join(", ");
      return {
        path: joinPath(at, key),
        given: (error.data as Record<string, unknown>)[key],
        allowed: `no key "${key}" here; the keys are: ${known}`,
      };
    }
    case "type": {
      // Leaf descriptions say their type in words ("an integer number of seconds ..."); objects' do not.
      const type = (error.params as { type: string }).type;
      return { path: at, given: error.data, allowed: type === "object" ? `an object: ${schema.description}` : `${schema.description}` };
    }
    default:
      return { path: at, given: error.data, allowed: schema.description ?? error.message ?? error.keyword };
  }
}

function pathFromPointer(pointer: string): string {
  const keys = pointer
    .split("/")
    .slice(1)
    .map((key) => key.replace(/~1/g, "/").replace(/~0/g, "~"));
  return keys.reduce(joinPath, "");
}

function joinPath(path: string, key: string): string {
  if (/^\d+$/.test(key)) return `${path}[${key}]`;
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === "" ? key : `${path}.${key}`;
}

/** The checks JSON Schema cannot express: the construct's value checks, and names unique across deployments. */
function valueProblems(data: unknown): Problem[] {
  const deployments = isObject(data) && Array.isArray(data.deployments) ? data.deployments : [];
  const problems: Problem[] = [];
  const firstWithName = new Map<string, number>();
  deployments.forEach((deployment: unknown, i: number) => {
    if (!isObject(deployment)) return;
    const at = `deployments[${i}]`;
    if (typeof deployment.name === "string") {
      // Stack directories must differ on case-insensitive file systems too.
      const key = deployment.name.toLowerCase();
      const first = firstWithName.get(key);
      if (first === undefined) firstWithName.set(key, i);
      else {
        problems.push({
          path: `${at}.name`,
          given: deployment.name,
          allowed: `a name no other deployment has (deployments[${first}] is named ${JSON.stringify(deployments[first].name)})`,
        });
      }
    }
    if (!isObject(deployment.salesforce)) return;
    for (const problem of checkOAuthClientProps(oauthClientProps(deployment as unknown as Deployment))) {
      const [prop, rest] = splitHead(problem.path);
      const propPath = PROP_PATHS[prop as keyof ServiceCloudVoiceOAuthClientProps] ?? prop;
      problems.push({ ...problem, path: `${at}.${propPath}${rest}` });
    }
  });
  return problems;
}

function splitHead(path: string): [string, string] {
  const match = /^([A-Za-z]+)(.*)$/.exec(path);
  return match ? [match[1], match[2]] : [path, ""];
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
