/**
 * `check`: the policy check pipelines run before any plan. Synthesizes every deployment (into a temporary
 * directory) and lists, in one list, the deployments file's problems and what its rules find (lib/app/check/rules/,
 * SCV-C…: the construct's errors and warnings, a client left without prevent_destroy, in GitHub Actions a local
 * state backend, …), each with its rule's id; in GitHub Actions it writes each finding as a workflow annotation on the
 * deployments file, titled with the id. Exits 1 on any error.
 */
import type { AnnotationProperties } from "@actions/core";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { findNodeAtLocation, Node, parseTree } from "jsonc-parser";
import { tmpdir } from "os";
import { join } from "path";
import { buildApp } from "../stack/app";
import { baseDirOf, deploymentsFile, loadDeployments } from "../deployments/deployments";
import { Finding, runCheckRules } from "../check/rules";
import { declareCommand } from "../../shared/command-declaration";
import { fromWhereTheUserStands } from "../../shared/paths";
import { counted, showHiddenCharacters } from "../../shared/plain-text";
import { describeProblem, formatPath, InputError } from "../../shared/problems";

export type { Finding } from "../check/rules";

/** In GitHub Actions (env.GITHUB_ACTIONS), a local state backend is an error: the runner discards the state (SCV-C1). */
export function checkDeployments(file: string, env: NodeJS.ProcessEnv = {}): Finding[] {
  let deployments;
  try {
    deployments = loadDeployments(file).deployments;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.problems.map((p) => ({
      level: "error",
      where: p.place ?? p.path,
      message: describeProblem(p),
    }));
  }
  const outdir = mkdtempSync(join(tmpdir(), "scv-check-"));
  try {
    // loadDeployments has run the construct's checks: a stack of a loaded deployment does not throw InputError.
    const app = buildApp(deployments, baseDirOf(file), { outdir });
    app.synth();
    return runCheckRules({
      deployments,
      inGitHubActions: env.GITHUB_ACTIONS === "true",
      synthesized: (name) => JSON.parse(readFileSync(join(outdir, "stacks", name, "cdk.tf.json"), "utf8")),
      annotations: app.node
        .findAll()
        .flatMap((construct) =>
          construct.node.metadata.map(({ type, data }) => ({ type, data, stack: construct.node.path.split("/")[0] })),
        ),
    });
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** A finding as GitHub shows it on a file of the pull request. */
export interface Annotation {
  readonly level: Finding["level"];
  readonly message: string;
  readonly properties: AnnotationProperties;
}

/**
 * Each finding as a GitHub Actions annotation on the deployments file, at the line of the key it is about (or of its
 * deployment), so that GitHub shows it on the file in the pull request; titled with its rule's id (`SCV-C1
 * deployments[1].backend`), or `check:` for a problem of the file itself.
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
    const properties: AnnotationProperties = { title: showHiddenCharacters(`${f.rule ?? "check:"} ${whereOf(f)}`), file };
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

/** A finding's deployment, or its path as messages print it (its rule's id, where it has one, is put before it). */
function whereOf(finding: Finding): string {
  return typeof finding.where === "string" ? finding.where : formatPath(finding.where) || "(top level)";
}

export function formatFindings(file: string, findings: readonly Finding[]): string {
  const count = (level: Finding["level"]) => findings.filter((f) => f.level === level).length;
  const lines = findings.map((f) => `  ${f.level.padEnd(7)} ${f.rule ? `${f.rule} ` : ""}${whereOf(f)}: ${f.message}`);
  return [`Policy check of ${file}:`, ...lines, `${counted(count("error"), "error")}, ${counted(count("warning"), "warning")}`]
    .map(showHiddenCharacters)
    .join("\n");
}

/** The command line: prints the findings and returns the exit code. */
export const checkCommand = declareCommand({
  name: "check",
  summary: "the policy check: every deployment synthesized, its problems listed",
  arguments: {
    name: "deployments file",
    min: 0,
    max: 1,
    allowed: "one deployments file, or none for $DEPLOYMENTS_FILE, else deployments.json",
  },
  description:
    "Synthesizes every deployment of <deployments file> (default: $DEPLOYMENTS_FILE, else deployments.json) into a\n" +
    "temporary folder and lists its problems, errors and warnings. Exit code 1 on any error, 0 otherwise.",
  options: {},
  run: ({ positionals }, env, io) => {
    const print = (text: string) => io.out(`${text}\n`);
    const file = positionals[0] !== undefined ? fromWhereTheUserStands(positionals[0], env) : deploymentsFile(env);
    const findings = checkDeployments(file, env);
    print(formatFindings(file, findings));
    if (env.GITHUB_ACTIONS === "true") printAnnotations(workflowAnnotations(file, findings), print);
    return findings.some((f) => f.level === "error") ? 1 : 0;
  },
});
