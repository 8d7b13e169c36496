/** Deployment names and patterns on a command line (`production`, `'*'`, `'eu-*'`), and the deployments they name. */
import { Deployment, loadDeploymentsOrProblem } from "./deployments";
import { ArgumentsDeclaration } from "../../shared/command-declaration";
import { CommandName, docsPage, typed } from "../../shared/typed-command";

/** The arguments of a command over deployments (diff, drift, adopt, ...): one or more names or patterns. */
export const DEPLOYMENT_NAMES: ArgumentsDeclaration = {
  name: "deployment name or pattern",
  min: 1,
  allowed: `one or more deployment names or patterns ('*' for all; ${typed("deployments")} lists them)`,
};

/** The deployments the patterns name (`*` matches any characters), in file order; a message when one matches none. */
export function select(deployments: readonly Deployment[], patterns: readonly string[], command: CommandName): Deployment[] | string {
  const names = deployments.map((d) => d.name).join(", ");
  if (deployments.length === 0) {
    return `${command}: the deployments file has no deployments yet; allowed: a name of one of them, once ${typed("deployments")} lists it (${docsPage("deployments")})`;
  }
  if (patterns.length === 0) {
    // The declaration refuses a command line without names before this; a caller that reaches here is told the same.
    return `${command}: <deployment name or pattern>: given nothing; allowed: ${DEPLOYMENT_NAMES.allowed}; the deployments are: ${names}`;
  }
  const matchers = patterns.map((p) => ({ pattern: p, re: new RegExp(`^${p.split("*").map(escape).join(".*")}$`) }));
  const unmatched = matchers.filter((m) => !deployments.some((d) => m.re.test(d.name)));
  if (unmatched.length > 0) {
    return `${command}: no deployment is named ${unmatched.map((m) => JSON.stringify(m.pattern)).join(" or ")}; the deployments are: ${names}`;
  }
  return deployments.filter((d) => matchers.some((m) => m.re.test(d.name)));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The deployments file (DEPLOYMENTS_FILE, else deployments.json) read, and the deployments the patterns name in it;
 * or the one message for the user when the file is not one this project accepts or a pattern names none (with
 * "Nothing was written." for a command that `writes` the file).
 */
export function loadSelected(
  env: NodeJS.ProcessEnv,
  patterns: readonly string[],
  command: CommandName,
  { writes }: { writes: boolean },
): { file: string; baseDir: string; deployments: Deployment[]; selected: Deployment[] } | { problem: string } {
  // The whole file is loaded and checked; what the command then reads and synthesizes is the selection's.
  const loaded = loadDeploymentsOrProblem(env, writes ? "Nothing was written." : "");
  if ("problem" in loaded) return loaded;
  const { file, baseDir, deployments } = loaded;
  const selected = select(deployments, patterns, command);
  return typeof selected === "string" ? { problem: selected } : { file, baseDir, deployments, selected };
}
