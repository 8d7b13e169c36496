/**
 * `npm run check`: the policy check pipelines run before any plan. Synthesizes every deployment (into a temporary
 * directory) and lists, in one list, the deployments file's problems and the construct's errors and warnings
 * (implicit-grant retirement, scopes beyond the article's seven, hosts). Exits 1 on any error.
 */
import { App } from "cdktf";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { dirname, join, resolve } from "path";
import { parseArgs } from "util";
import { DeploymentStack } from "../app/deployment-stack";
import { deploymentsFile, loadDeployments } from "../app/deployments";
import { describeGiven, InputError } from "../construct";

export interface Finding {
  readonly level: "error" | "warning";
  /** The deployment (stack) name, or the JSON path for a problem in the deployments file. */
  readonly where: string;
  readonly message: string;
}

/** The construct's annotations that are findings: its errors and warnings (it adds no info). */
const LEVELS: Record<string, Finding["level"]> = { "@cdktf/error": "error", "@cdktf/warn": "warning" };

export function checkDeployments(file: string): Finding[] {
  let deployments;
  try {
    deployments = loadDeployments(file);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.problems.map((p) => ({
      level: "error",
      where: p.path,
      message: `given ${describeGiven(p.given)}; allowed: ${p.allowed}`,
    }));
  }
  const outdir = mkdtempSync(join(tmpdir(), "scv-check-"));
  const findings: Finding[] = [];
  try {
    const app = new App({ outdir, stackTraces: false, skipValidation: true });
    // loadDeployments has run the construct's checks: a stack of a loaded deployment does not throw InputError.
    for (const deployment of deployments) new DeploymentStack(app, deployment, dirname(resolve(file)));
    app.synth();
    for (const construct of app.node.findAll()) {
      for (const entry of construct.node.metadata) {
        const level = LEVELS[entry.type];
        if (level) findings.push({ level, where: construct.node.path.split("/")[0], message: String(entry.data) });
      }
    }
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
  return findings;
}

export function formatFindings(file: string, findings: readonly Finding[]): string {
  const count = (level: Finding["level"]) => findings.filter((f) => f.level === level).length;
  const lines = findings.map((f) => `  ${f.level.padEnd(7)} ${f.where}: ${f.message}`);
  return [`Policy check of ${file}:`, ...lines, `${count("error")} errors, ${count("warning")} warnings`].join("\n");
}

const USAGE = `usage: npm run check -- [DEPLOYMENTS_FILE]

Synthesizes every deployment of the deployments file (default: $DEPLOYMENTS_FILE, else deployments.json) into a
temporary folder and lists its problems, errors and warnings. Exit code 1 on any error, 0 otherwise.`;

/** The command line: prints the findings and returns the exit code; bad arguments are one message and exit 1. */
export function checkCommand(argv: string[], env: NodeJS.ProcessEnv, print: (text: string) => void, printError: (text: string) => void): number {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: "boolean", short: "h" } } });
  } catch (e) {
    printError(`check: ${(e as Error).message}\n${USAGE}`);
    return 1;
  }
  if (args.values.help) {
    print(USAGE);
    return 0;
  }
  if (args.positionals.length > 1) {
    printError(`check: one deployments file at most; given ${args.positionals.length}: ${args.positionals.join(" ")}\n${USAGE}`);
    return 1;
  }
  const file = args.positionals[0] ?? deploymentsFile(env);
  const findings = checkDeployments(file);
  print(formatFindings(file, findings));
  return findings.some((f) => f.level === "error") ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = checkCommand(process.argv.slice(2), process.env, console.log, console.error);
}
