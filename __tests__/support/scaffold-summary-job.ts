/**
 * The summary job of a scaffold's plan.yml (templates/config-repository, as `init` writes it), run step by step as
 * GitHub runs it: the plan-summary step's own shell over the plans the plan jobs left (the tool as the base branch
 * installed it: `base` is a folder with the tool in node_modules) and their drift reports, the comment step's `if:`
 * and its github-script against a stand-in of the GitHub API, and the gate's `if:` and shell. Conditions and `env:`
 * values are evaluated by GitHub's own @actions/expressions. Also drift.yml's report job: its plan summaries step's
 * shell over what the drift jobs uploaded (plans and drift reports), and its github-script that opens, updates or
 * closes the issues.
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
  /** What the plan-summary step printed (its ::warning:: lines, the tool's messages). */
  log: string;
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
    driftReports,
  }: {
    base: string;
    plans: string;
    /** A folder of the drift reports the plan jobs uploaded (`<deployment>.drift.json`), as download-artifact leaves it. */
    driftReports?: string;
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
  if (driftReports !== undefined) cpSync(driftReports, join(runnerTemp, "drift-reports"), { recursive: true });
  symlinkSync(base, join(work, "base"));
  const output = join(work, "github-output");
  writeFileSync(output, "");
  const pullRequest = { number: 7, labels: labels.map((name) => ({ name })) };
  const contexts = {
    github: { event: { pull_request: pullRequest } },
    needs: { check: { result: "success", outputs: { deployments: JSON.stringify(deployments) } }, plan: { result: planResult } },
  };
  if (!condition(job.if, contexts)) {
    return { ran: false, outputs: {}, calls: [], commented: false, passed: true, gateOutput: "", comment: "", log: "" };
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
  const log = ran.stdout + ran.stderr;
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
  return { ran: true, outputs, calls, commented, passed, gateOutput, comment: existsSync(file) ? readFileSync(file, "utf8") : "", log };
}

export interface DriftReportJobRun {
  /** Whether the plan summaries step passed. */
  passed: boolean;
  /** What that step printed (its ::warning:: lines, the tool's messages). */
  log: string;
  /** The calls the issue step made (listForRepo is not among them), each with its parameters. */
  calls: [string, Record<string, unknown>][];
}

/**
 * drift.yml's report job, as GitHub runs it in the scaffold `repo` (the tool in its node_modules): the plan summaries
 * step's shell over `artifacts` (what the drift jobs uploaded: `<deployment>.json` plans, `<deployment>.drift.json`
 * drift reports), then, when it passed, the github-script step against a stand-in of the GitHub API holding `open`
 * issues.
 */
export async function runScaffoldDriftReportJob(
  yaml: string,
  { repo, artifacts, deployments, open = [] }: { repo: string; artifacts: string; deployments: string[]; open?: object[] },
): Promise<DriftReportJobRun> {
  const job = parse(yaml).jobs.report;
  const summaries = job.steps.find((s: any) => s.name === "plan summaries");
  const issues = job.steps.find((s: any) => String(s.uses).startsWith("actions/github-script@"));
  if (!summaries || !issues) throw new Error("drift.yml's report job has no plan summaries or github-script step");
  const runnerTemp = tempDir("drift-report-job-");
  cpSync(artifacts, join(runnerTemp, "drift"), { recursive: true });
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? runnerTemp,
    npm_config_update_notifier: "false",
    RUNNER_TEMP: runnerTemp,
  };
  const ran = spawnSync("bash", ["-e", "-c", summaries.run], { cwd: repo, env, encoding: "utf8" });
  const calls: [string, Record<string, unknown>][] = [];
  if (ran.status === 0) {
    const call = (name: string) => async (params: Record<string, unknown>) => void calls.push([name, params]);
    const github = {
      paginate: async (method: (p: unknown) => unknown, params: unknown) => method(params),
      rest: { issues: { listForRepo: () => open, create: call("create"), update: call("update"), createComment: call("createComment") } },
    };
    const context = { repo: { owner: "acme", repo: "scv-clients" }, serverUrl: "https://github.example", runId: 7 };
    const contexts = { needs: { deployments: { outputs: { names: JSON.stringify(deployments) } } } };
    await runGithubScript({ step: issues, contexts, context, github, runnerEnv: { RUNNER_TEMP: runnerTemp } });
  }
  return { passed: ran.status === 0, log: ran.stdout + ran.stderr, calls };
}
