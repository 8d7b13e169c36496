/**
 * The summary job of a scaffold's plan.yml (templates/config-repository, as `init` writes it), run step by step as
 * GitHub runs it: the plan-summary step's own shell over the plans the plan jobs left (the tool as the base branch
 * installed it: `base` is a folder with the tool in node_modules), the comment step's `if:` and its github-script
 * against a stand-in of the GitHub API, and the gate's `if:` and shell. Conditions and `env:` values are evaluated by
 * GitHub's own @actions/expressions.
 */
import { spawnSync } from "child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "fs";
import { join } from "path";
import { parse } from "yaml";
import { condition, valueOf } from "./github-expressions";
import { runGithubScript } from "./github-script";
import { tempDir } from "./temp-dir";

export interface SummaryJobRun {
  /** Whether the job ran at all (its `if:` over the plan jobs' result). */
  ran: boolean;
  /** What the plan-summary step wrote to GITHUB_OUTPUT (exit). */
  outputs: Record<string, string>;
  /** The calls the comment step made (listComments, createComment, updateComment); none when it was skipped. */
  calls: [string, Record<string, unknown>][];
  commented: boolean;
  /** Whether the gate step passed (or was skipped). */
  passed: boolean;
  gateOutput: string;
  comment: string;
}

export async function runScaffoldSummaryJob(
  yaml: string,
  {
    base,
    plans,
    labels,
    deployments,
    existing = [],
    planResult = "success",
  }: {
    base: string;
    plans: string;
    labels: string[];
    deployments: string[];
    existing?: object[];
    /** The plan jobs' result, as `needs.plan.result` says it: success, failure (some failed) or skipped (none ran). */
    planResult?: "success" | "failure" | "skipped";
  },
): Promise<SummaryJobRun> {
  const job = parse(yaml).jobs.summary;
  const step = (predicate: (s: any) => boolean, what: string) => {
    const found = job.steps.find(predicate);
    if (!found) throw new Error(`the summary job has no ${what} step`);
    return found;
  };
  const summary = step((s) => s.id === "summary", "summary");
  const comment = step((s) => String(s.uses).startsWith("actions/github-script@"), "comment");
  const gate = step((s) => s.name === "gate", "gate");

  const work = tempDir("scaffold-summary-");
  const runnerTemp = join(work, "temp");
  mkdirSync(runnerTemp);
  // As download-artifact leaves it: the plans and notes the plan jobs uploaded, or no folder when none did.
  if (existsSync(plans)) cpSync(plans, join(runnerTemp, "plans"), { recursive: true });
  symlinkSync(base, join(work, "base"));
  const output = join(work, "github-output");
  writeFileSync(output, "");
  const pullRequest = { number: 7, labels: labels.map((name) => ({ name })) };
  const contexts = {
    github: { event: { pull_request: pullRequest } },
    needs: { check: { result: "success", outputs: { deployments: JSON.stringify(deployments) } }, plan: { result: planResult } },
  };
  if (!condition(job.if, contexts)) {
    return { ran: false, outputs: {}, calls: [], commented: false, passed: true, gateOutput: "", comment: "" };
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? work,
    npm_config_update_notifier: "false",
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: output,
  };
  for (const [name, value] of Object.entries(summary.env ?? {})) env[name] = valueOf(value, contexts);
  const ran = spawnSync("bash", ["-e", "-c", summary.run], { cwd: work, env, encoding: "utf8" });
  if (ran.status !== 0) throw new Error(`the plan-summary step failed: ${ran.stdout}${ran.stderr}`);
  const outputs = Object.fromEntries(
    readFileSync(output, "utf8")
      .trim()
      .split("\n")
      .filter((line) => line.includes("="))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
  const stepContexts = { ...contexts, steps: { summary: { outputs } } };

  const calls: [string, Record<string, unknown>][] = [];
  const commented = condition(comment.if, stepContexts);
  if (commented) {
    const record = (name: string, answer?: unknown) => async (params: Record<string, unknown>) => (calls.push([name, params]), answer);
    const github = {
      paginate: async (method: (p: Record<string, unknown>) => Promise<unknown>, params: Record<string, unknown>) => method(params),
      rest: {
        issues: {
          listComments: record("listComments", existing),
          createComment: record("createComment"),
          updateComment: record("updateComment"),
        },
      },
    };
    const context = { repo: { owner: "acme", repo: "scv-clients" }, payload: { pull_request: pullRequest } };
    await runGithubScript({ step: comment, contexts: stepContexts, context, github, runnerEnv: { RUNNER_TEMP: runnerTemp } });
  }

  let passed = true;
  let gateOutput = "";
  if (condition(gate.if, stepContexts)) {
    const gateEnv: Record<string, string> = { PATH: env.PATH };
    for (const [name, value] of Object.entries(gate.env ?? {})) gateEnv[name] = valueOf(value, stepContexts);
    const result = spawnSync("bash", ["-e", "-c", gate.run], { cwd: work, env: gateEnv, encoding: "utf8" });
    passed = result.status === 0;
    gateOutput = result.stdout + result.stderr;
  }
  const file = join(runnerTemp, "comment.md");
  return { ran: true, outputs, calls, commented, passed, gateOutput, comment: existsSync(file) ? readFileSync(file, "utf8") : "" };
}
