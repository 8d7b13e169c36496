/**
 * `check`: the policy check pipelines run before any plan. Synthesizes every deployment (into a temporary
 * directory) and lists, in one list, the deployments file's problems and the construct's errors and warnings
 * (implicit-grant retirement, scopes beyond the article's seven, hosts), and a client left without prevent_destroy.
 * In GitHub Actions it also refuses a local state backend, and writes each finding as a workflow annotation on the
 * deployments file. Exits 1 on any error.
 */
import type { AnnotationProperties } from "@actions/core";
import { App } from "cdktf";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { findNodeAtLocation, Node, parseTree } from "jsonc-parser";
import { tmpdir } from "os";
import { join } from "path";
import { DeploymentStack } from "../stack/deployment-stack";
import { orgInWords } from "../genesys/client-identity";
import { baseDirOf, Deployment, deploymentsFile, loadDeployments, oauthClientProps } from "../deployments/deployments";
import { resolveOAuthClientSettings, ServiceCloudVoiceOAuthClient } from "../../construct/internal";
import { declareCommand } from "../../shared/command-declaration";
import { fromWhereTheUserStands } from "../../shared/paths";
import { counted, showHiddenCharacters } from "../../shared/plain-text";
import { destroyProtectionOff } from "../../shared/policy";
import { onOrgOf } from "../../shared/salesforce-org";
import { describeProblem, formatPath, InputError, Path } from "../../shared/problems";
import { docsPage, typed } from "../../shared/typed-command";

export interface Finding {
  readonly level: "error" | "warning";
  /** The deployment (stack) name; or where in the deployments file: its path, or a place outside the data ("(file)"). */
  readonly where: string | Path;
  readonly message: string;
}

/** The construct's annotations that are findings: its errors and warnings (it adds no info). */
const LEVELS: Record<string, Finding["level"]> = { "@cdktf/error": "error", "@cdktf/warn": "warning" };

/** In GitHub Actions (env.GITHUB_ACTIONS), a local state backend is an error: the runner discards the state. */
export function checkDeployments(file: string, env: NodeJS.ProcessEnv = {}): Finding[] {
  let deployments;
  try {
    deployments = loadDeployments(file);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.problems.map((p) => ({
      level: "error",
      where: p.place ?? p.path,
      message: describeProblem(p),
    }));
  }
  const outdir = mkdtempSync(join(tmpdir(), "scv-check-"));
  const findings: Finding[] = [];
  try {
    const app = new App({ outdir, stackTraces: false, skipValidation: true });
    if (env.GITHUB_ACTIONS === "true") findings.push(...localStateFindings(deployments));
    findings.push(
      ...organizationFindings(deployments),
      ...protectionFindings(deployments),
      ...secondClientFindings(deployments),
      ...sameSalesforceOrgFindings(deployments),
      ...templateSyntaxFindings(deployments),
    );
    // loadDeployments has run the construct's checks: a stack of a loaded deployment does not throw InputError.
    for (const deployment of deployments) new DeploymentStack(app, deployment, baseDirOf(file));
    app.synth();
    findings.push(...evaluatedTextFindings(outdir, deployments));
    for (const construct of app.node.findAll()) {
      for (const entry of construct.node.metadata) {
        const level = LEVELS[entry.type];
        // protectionFindings says this one at its key.
        if (entry.data === ServiceCloudVoiceOAuthClient.DESTROY_PROTECTION_OFF) continue;
        if (level) findings.push({ level, where: construct.node.path.split("/")[0], message: String(entry.data) });
      }
    }
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
  return findings;
}

/** preventDestroy turned off, said at its key in the deployments file (instead of the construct's warning, said of the prop). */
function protectionFindings(deployments: readonly Deployment[]): Finding[] {
  return deployments.flatMap((deployment, i) =>
    deployment.oauthClient?.preventDestroy === false
      ? [
          {
            level: "warning" as const,
            where: ["deployments", i, "oauthClient", "preventDestroy"],
            message: destroyProtectionOff(`deployment "${deployment.name}"`),
          },
        ]
      : [],
  );
}

/** A deployment without genesysCloud.organizationId: nothing stops credentials of another org (docs/deploying.md, "Many Genesys Cloud orgs"). */
function organizationFindings(deployments: readonly Deployment[]): Finding[] {
  return deployments.flatMap((deployment, i) =>
    deployment.genesysCloud.organizationId === undefined
      ? [
          {
            level: "warning" as const,
            where: ["deployments", i, "genesysCloud"],
            message:
              `deployment "${deployment.name}" has no organizationId: credentials of another Genesys Cloud org would create the client there, silently. ` +
              "Set genesysCloud.organizationId to the org's id (Admin > Account Settings > Organization Settings), so that the plan stops instead.",
          },
        ]
      : [],
  );
}

/** allowSecondClient: true, said at its key: meant for a deliberate second client, and easy to leave behind. */
function secondClientFindings(deployments: readonly Deployment[]): Finding[] {
  return deployments.flatMap((deployment, i) =>
    deployment.allowSecondClient
      ? [
          {
            level: "warning" as const,
            where: ["deployments", i, "allowSecondClient"],
            message:
              `deployment "${deployment.name}" may create a client although its org already has one for this Salesforce org: ` +
              `two client ids for one org, and the Salesforce org uses only one. Adopt the existing client instead (${typed("adopt", deployment.name, "--write")}), unless a second one is meant.`,
          },
        ]
      : [],
  );
}

/**
 * Two deployments for one Salesforce org (lib/shared/salesforce-org.ts: any of its hosts), neither allowed a second
 * client: each would deploy a client of its own, two client ids for one org; said at the later one's salesforce key.
 */
function sameSalesforceOrgFindings(deployments: readonly Deployment[]): Finding[] {
  const hosts = deployments.map((d) => resolveOAuthClientSettings(oauthClientProps(d)).lightningHost);
  return deployments.flatMap((deployment, i) => {
    const onOrg = onOrgOf(hosts[i]);
    const first = deployments.findIndex((other, j) => j < i && onOrg(hosts[j]) && !other.allowSecondClient);
    if (first < 0 || deployment.allowSecondClient) return [];
    const same = hosts[first] === hosts[i] ? hosts[i] : `${hosts[first]} and ${hosts[i]} are both its hosts`;
    return [
      {
        level: "warning" as const,
        where: ["deployments", i, "salesforce"],
        message:
          `deployment "${deployment.name}" is for the same Salesforce org as deployment "${deployments[first].name}" (${orgInWords(hosts[i])}: ${same}): ` +
          "each would deploy a client of its own, two client ids for one Salesforce org. Keep one deployment per Salesforce org, " +
          `or set "allowSecondClient": true on "${deployment.name}" if a second client is meant.`,
      },
    ];
  });
}

const TEXT_KEYS = ["name", "description"] as const;

/** Template syntax in a name or description: said once, as the text is written literally and never evaluated. */
function templateSyntaxFindings(deployments: readonly Deployment[]): Finding[] {
  return deployments.flatMap((deployment, i) =>
    TEXT_KEYS.filter((key) => /[$%]\{/.test(deployment.oauthClient?.[key] ?? "")).map((key) => ({
      level: "warning" as const,
      where: ["deployments", i, "oauthClient", key],
      message:
        `holds Terraform's template syntax (\${ or %{): the ${key} is written as literal text, character for character, ` +
        "and Terraform evaluates none of it (the deployments file holds no expressions)",
    })),
  );
}

/**
 * The synthesized clients' texts, as Terraform reads them: a `${` or `%{` that is not an escape would be evaluated at
 * plan time (a file or the environment read into the plan, and into the client). The construct escapes literal
 * text, so this is an error only if that ever breaks.
 */
function evaluatedTextFindings(outdir: string, deployments: readonly Deployment[]): Finding[] {
  return deployments.flatMap(({ name }) => {
    const stack = JSON.parse(readFileSync(join(outdir, "stacks", name, "cdk.tf.json"), "utf8"));
    return Object.values<Record<string, unknown>>(stack.resource?.genesyscloud_oauth_client ?? {}).flatMap((client) =>
      ["name", "description", "registered_redirect_uris", "scopes"]
        .filter((key) => [client[key]].flat().some((text) => typeof text === "string" && /[$%]\{/.test(text.replace(/\$\$\{|%%\{/g, ""))))
        .map((key) => ({
          level: "error" as const,
          where: name,
          message: `the synthesized ${key} holds a Terraform template that the plan would evaluate: nothing may be planned from it`,
        })),
    );
  });
}

function localStateFindings(deployments: readonly Deployment[]): Finding[] {
  return deployments.flatMap((deployment, i) =>
    deployment.backend === undefined || "local" in deployment.backend
      ? [
          {
            level: "error" as const,
            where: ["deployments", i, "backend"],
            message:
              `deployment "${deployment.name}" keeps its Terraform state in a local file, which a GitHub Actions runner throws away: ` +
              `the next run would create another OAuth client with a new client id. Set its backend to "s3" or "cloud" (${docsPage("deployments", "Choosing a backend")}).`,
          },
        ]
      : [],
  );
}

/** A finding as GitHub shows it on a file of the pull request. */
export interface Annotation {
  readonly level: Finding["level"];
  readonly message: string;
  readonly properties: AnnotationProperties;
}

/**
 * Each finding as a GitHub Actions annotation on the deployments file, at the line of the key it is about (or of its
 * deployment), so that GitHub shows it on the file in the pull request.
 */
export function workflowAnnotations(file: string, findings: readonly Finding[]): Annotation[] {
  let tree: Node | undefined;
  let text = "";
  try {
    text = readFileSync(file, "utf8");
    tree = parseTree(text);
  } catch {
    // an unreadable file: annotate it without a line
  }
  const names = tree ? (findNodeAtLocation(tree, ["deployments"])?.children ?? []).map((d) => findNodeAtLocation(d, ["name"])?.value) : [];
  return findings.map((f) => {
    const path = typeof f.where !== "string" ? f.where : names.includes(f.where) ? ["deployments", names.indexOf(f.where)] : [];
    let node: Node | undefined;
    for (let n = path.length; tree && !node && n > 0; n--) node = findNodeAtLocation(tree, path.slice(0, n));
    // f.where stays the raw key above, to find it in the file; what is shown has its hidden characters escaped.
    const properties: AnnotationProperties = { title: showHiddenCharacters(`check: ${whereOf(f)}`), file };
    if (node) properties.startLine = text.slice(0, node.offset).split("\n").length;
    return { level: f.level, message: showHiddenCharacters(f.message), properties };
  });
}

/**
 * Prints annotations as workflow commands (::error / ::warning), one a line, through `print`: the command's own
 * printer, never process.stdout past it (a test's printer keeps them out of the test run's log).
 */
export function printAnnotations(annotations: readonly Annotation[], print: (text: string) => void): void {
  for (const a of annotations) print(workflowCommand(a));
}

/**
 * An annotation as a workflow command on one line, escaped as GitHub's @actions/core escapes it (core.error and
 * core.warning write it to process.stdout themselves): its properties in core's order, the empty ones left out.
 */
export function workflowCommand({ level, message, properties: p }: Annotation): string {
  const properties = Object.entries({
    title: p.title,
    file: p.file,
    line: p.startLine,
    endLine: p.endLine,
    col: p.startColumn,
    endColumn: p.endColumn,
  })
    .filter(([, value]) => value !== undefined && value !== "" && value !== 0)
    .map(([key, value]) => `${key}=${commandText(String(value)).replace(/:/g, "%3A").replace(/,/g, "%2C")}`);
  // As @actions/core writes it: a space after the command whenever properties were given, even if none has a value.
  return `::${level}${Object.keys(p).length > 0 ? ` ${properties.join(",")}` : ""}::${commandText(message)}`;
}

/** %, CR and LF escaped, so that a text cannot end the command's line and start another. */
function commandText(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A finding's deployment, or its path as messages print it. */
function whereOf(finding: Finding): string {
  return typeof finding.where === "string" ? finding.where : formatPath(finding.where) || "(top level)";
}

export function formatFindings(file: string, findings: readonly Finding[]): string {
  const count = (level: Finding["level"]) => findings.filter((f) => f.level === level).length;
  const lines = findings.map((f) => `  ${f.level.padEnd(7)} ${whereOf(f)}: ${f.message}`);
  return [`Policy check of ${file}:`, ...lines, `${counted(count("error"), "error")}, ${counted(count("warning"), "warning")}`]
    .map(showHiddenCharacters)
    .join("\n");
}

/** The command line: prints the findings and returns the exit code. */
export const checkCommand = declareCommand({
  name: "check",
  summary: "the policy check: every deployment synthesized, its problems listed",
  arguments: "[DEPLOYMENTS_FILE]",
  description:
    "Synthesizes every deployment of the deployments file (default: $DEPLOYMENTS_FILE, else deployments.json) into a\n" +
    "temporary folder and lists its problems, errors and warnings. Exit code 1 on any error, 0 otherwise.",
  options: {},
  run: ({ positionals }, env, io) => {
    const print = (text: string) => io.out(`${text}\n`);
    if (positionals.length > 1) {
      io.err(`check: one deployments file at most; given ${positionals.length}: ${positionals.join(" ")}\n`);
      return 1;
    }
    const file = positionals[0] !== undefined ? fromWhereTheUserStands(positionals[0], env) : deploymentsFile(env);
    const findings = checkDeployments(file, env);
    print(formatFindings(file, findings));
    if (env.GITHUB_ACTIONS === "true") printAnnotations(workflowAnnotations(file, findings), print);
    return findings.some((f) => f.level === "error") ? 1 : 0;
  },
});
