/**
 * Reads and checks the deployments file: its shape against the schema (deployments-schema.ts), the rules across
 * deployments, and each deployment's Salesforce org and OAuth client with the construct's own checks; every problem
 * at once, each at its JSON path.
 */
import { Static, TObject } from "@sinclair/typebox";
import { dirname, resolve } from "path";
import { realpathSync } from "fs";
import { stateLocation } from "./state-location";
import { Deployment, deploymentsSchema, oauthClientSchema, salesforceSchema } from "./schema";
import { checkOAuthClientProps, DEFAULT_TEXT, ServiceCloudVoiceOAuthClientProps } from "../../construct/internal";
import { isJsonObject, parseJson, readTextFile, schemaChecker } from "../../shared/json-input";
import { fromWhereTheUserStands } from "../../shared/paths";
import { Description, formatPath, InputError, Problem } from "../../shared/problems";

export type { Deployment, Gateway } from "./schema";

export const DEFAULT_DEPLOYMENTS_FILE = "deployments.json";

/** The deployments file: DEPLOYMENTS_FILE (relative to where the user ran npm), else the project's deployments.json. */
export function deploymentsFile(env: NodeJS.ProcessEnv): string {
  return env.DEPLOYMENTS_FILE ? fromWhereTheUserStands(env.DEPLOYMENTS_FILE, env) : DEFAULT_DEPLOYMENTS_FILE;
}

/** A deployment's salesforce and oauthClient sections hold the construct's props, each under the prop's own name. */
export const PROP_SECTIONS = { salesforce: salesforceSchema, oauthClient: oauthClientSchema } as const;

/** The construct's props for a deployment: the keys its salesforce and oauthClient sections declare. */
export function oauthClientProps(deployment: Deployment): ServiceCloudVoiceOAuthClientProps {
  // Typed from the schema: a section's key whose type is not the prop's does not compile.
  const props: Static<typeof salesforceSchema> & Static<typeof oauthClientSchema> = {
    ...declaredKeys(deployment.salesforce, salesforceSchema),
    ...declaredKeys(deployment.oauthClient, oauthClientSchema),
  };
  return props;
}

/** The keys of a section that its schema declares (others are the schema's problem, reported there). */
function declaredKeys<T extends TObject>(section: Static<T> | undefined, schema: T): Static<T> {
  if (!isJsonObject(section)) return {} as Static<T>;
  return Object.fromEntries(
    Object.keys(schema.properties)
      .filter((key) => section[key] !== undefined)
      .map((key) => [key, section[key]]),
  ) as Static<T>;
}

/** The section a prop stands in. */
function sectionOf(prop: string | number): keyof typeof PROP_SECTIONS {
  return Object.hasOwn(salesforceSchema.properties, prop) ? "salesforce" : "oauthClient";
}

const checkShape = schemaChecker("deployments", deploymentsSchema, { annotations: [DEFAULT_TEXT] });

/** The deployments file read and checked: its deployments, its folder (which a local state path is relative to) and its text. */
export interface DeploymentsFile {
  readonly file: string;
  readonly baseDir: string;
  readonly text: string;
  readonly deployments: Deployment[];
}

/**
 * THE loader of the deployments file: every command, the app and the bin read it here. The whole file is read and
 * checked (its shape, the rules across deployments, each deployment's props: cheap, even for a thousand), whichever
 * deployments a command goes on to synthesize or read. Throws one InputError listing every problem.
 * `snapshot`: read the text from there instead (DEPLOYMENTS_SNAPSHOT: what the runner read of the file and checked,
 * handed to the app cdktf starts, so that the file is read once); it is still named and placed as `file`.
 */
export function loadDeployments(file: string, { snapshot }: { snapshot?: string } = {}): DeploymentsFile {
  const text = readDeploymentsText(snapshot || file);
  return { file, baseDir: baseDirOf(file), text, deployments: parseDeployments(text, file) };
}

/**
 * The deployments file named by the environment (loadDeployments), or, for a user's mistake, the one message the
 * command prints, ending with what was not done (`nothing`: "Nothing was synthesized." where the command
 * synthesizes, "Nothing was written." where it writes, "" where it only reads). The app and `npm run` share it, so
 * that the message is the same whichever finds it first.
 */
export function loadDeploymentsOrProblem(env: NodeJS.ProcessEnv, nothing: string): DeploymentsFile | { problem: string } {
  try {
    return loadDeployments(deploymentsFile(env), { snapshot: env.DEPLOYMENTS_SNAPSHOT });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { problem: nothing ? `${e.message}\n${nothing}` : e.message };
  }
}

/**
 * The folder a deployments file's relative state paths are relative to: its own. Given as /dev/stdin or
 * /proc/self/fd/N (a redirect), that is the folder of the file behind it, never /dev.
 */
export function baseDirOf(file: string): string {
  const full = resolve(file);
  if (!/^\/(dev|proc)\//.test(full)) return dirname(full);
  try {
    return dirname(realpathSync(full));
  } catch {
    return dirname(full);
  }
}

/** A thousand deployments take about 150 KB; more than this is not a deployments file. */
export const MAX_DEPLOYMENTS_FILE_BYTES = 16 * 1024 * 1024;

function readDeploymentsText(file: string): string {
  return readTextFile(file, "a readable JSON file", {
    hint: "; set DEPLOYMENTS_FILE to use another path",
    maxBytes: MAX_DEPLOYMENTS_FILE_BYTES,
  });
}

/** Parses and checks the text of a deployments file; `source` names it in messages. */
export function parseDeployments(text: string, source: string): Deployment[] {
  const data = parseJson(text, source, { comments: true });
  // The shape's problems first: where a key has the wrong type, that is what its place says.
  const problems = [...checkShape(data), ...valueProblems(data)];
  if (problems.length > 0) throw new InputError(source, onePerPlaceInOrder(problems));
  return (data as { deployments: Deployment[] }).deployments;
}

/** The checks a schema cannot express: names and states unique across deployments; the construct's value checks. */
function valueProblems(data: unknown): Problem[] {
  const deployments = isJsonObject(data) && Array.isArray(data.deployments) ? data.deployments : [];
  const problems: Problem[] = [];
  const firstWithName = new Map<string, number>();
  const firstWithState = new Map<string, number>();
  const firstWithClient = new Map<string, number>();
  deployments.forEach((deployment: unknown, i: number) => {
    if (!isJsonObject(deployment)) return;
    const at = ["deployments", i];
    const clientId = isJsonObject(deployment.oauthClient) ? deployment.oauthClient.importClientId : undefined;
    // One client per Salesforce org: two deployments adopting one client would rename it and replace its redirect
    // URI in turn, each undoing the other on every deploy (Genesys ids are GUIDs, in any case).
    const sameClient = typeof clientId === "string" ? seenBefore(firstWithClient, clientId.toLowerCase(), i) : undefined;
    if (sameClient !== undefined) {
      problems.push({
        path: [...at, "oauthClient", "importClientId"],
        given: clientId,
        allowed:
          `a client no other deployment adopts (deployments[${sameClient}], ${JSON.stringify(deployments[sameClient].name)}, names it): ` +
          "one client serves one Salesforce org, and two deployments would undo each other's name and redirect URIs on every deploy",
      });
    }
    if (typeof deployment.name === "string") {
      // Stack directories must differ on case-insensitive file systems too.
      const sameName = seenBefore(firstWithName, deployment.name.toLowerCase(), i);
      if (sameName !== undefined) {
        problems.push({
          path: [...at, "name"],
          given: deployment.name,
          allowed: `a name no other deployment has (deployments[${sameName}] is named ${JSON.stringify(deployments[sameName].name)})`,
        });
      } else {
        // (A taken name also shares its default state: the name's problem says it.)
        const state = stateLocation(deployment.name, deployment.backend);
        const sameState = state === undefined ? undefined : seenBefore(firstWithState, state, i);
        if (sameState !== undefined) {
          problems.push({
            path: [...at, "backend"],
            given: new Description(`the state of deployments[${sameState}] (${JSON.stringify(deployments[sameState].name)}): ${state}`),
            allowed: "a state of its own: two deployments in one state would each plan to delete the other's OAuth client",
          });
        }
      }
    }
    const pathParams =
      isJsonObject(deployment.genesysCloud) && isJsonObject(deployment.genesysCloud.gateway)
        ? deployment.genesysCloud.gateway.pathParams
        : undefined;
    if (Array.isArray(pathParams)) {
      pathParams.forEach((param: unknown, j: number) => {
        const name = isJsonObject(param) ? param.pathName : undefined;
        const first = pathParams.findIndex((other: unknown) => isJsonObject(other) && other.pathName === name);
        if (typeof name === "string" && first < j) {
          problems.push({
            path: [...at, "genesysCloud", "gateway", "pathParams", j, "pathName"],
            given: name,
            allowed: `a pathName no other entry has (pathParams[${first}] is ${JSON.stringify(name)})`,
          });
        }
      });
    }
    if (!isJsonObject(deployment.salesforce)) return;
    for (const problem of checkOAuthClientProps(oauthClientProps(deployment as Deployment))) {
      const [prop] = problem.path;
      problems.push({ ...problem, path: [...at, sectionOf(prop), ...problem.path] });
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

/** One problem per place, the first found there, ordered by place (list indexes in numeric order). */
function onePerPlaceInOrder(problems: readonly Problem[]): Problem[] {
  const byPlace = new Map<string, Problem>();
  for (const problem of problems) {
    const place = formatPath(problem.path);
    if (!byPlace.has(place)) byPlace.set(place, problem);
  }
  return [...byPlace].sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true })).map(([, problem]) => problem);
}
