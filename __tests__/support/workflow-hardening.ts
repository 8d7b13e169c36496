/**
 * The hardening rules every set of workflows this project ships is held to: this repository's own
 * (.github/workflows) and the ones `init` writes into a team's config repository (templates/config-repository).
 * One list of checks, each answering the problems it finds (none for a sound workflow), so that a test can also show
 * that a check fails on a workflow that breaks its rule; `describeHardening` runs them all as jest tests.
 */
import { readFileSync } from "fs";
import { basename } from "path";
import { parse } from "yaml";
import { evaluate } from "./github-expressions";

export interface WorkflowFile {
  /** The file's name (deploy.yml), as the checks and their messages name it. */
  readonly name: string;
  readonly text: string;
}

/** A check of one workflow file: its problems, none when the file keeps the rule. */
export interface FileCheck {
  /** A short name, by which a set of workflows may be excused from the check (describeHardening's `except`). */
  readonly id: string;
  readonly rule: string;
  /** Whether the check applies to composite actions (action.yml) too, not only to workflows. */
  readonly actions?: boolean;
  readonly problems: (file: WorkflowFile) => string[];
}

const jobsOf = (file: WorkflowFile): [string, any][] => Object.entries(parse(file.text).jobs ?? {});
const stepsOf = (file: WorkflowFile): any[] => jobsOf(file).flatMap(([, job]) => job.steps ?? []);

/** A line of a run script that inits the engine (terraform, tofu or "$TERRAFORM_BINARY_NAME"). */
const ENGINE_INIT = /(?:^|[\s;&|(])(?:terraform|tofu|"\$TERRAFORM_BINARY_NAME"|\$TERRAFORM_BINARY_NAME)\s+init\b.*$/gm;

export const FILE_CHECKS: readonly FileCheck[] = [
  {
    id: "pinned",
    rule: "every action pinned to a full commit SHA, its version in a comment",
    actions: true,
    problems: ({ name, text }) =>
      [...text.matchAll(/uses:\s*(\S+)(.*)$/gm)]
        .filter(([, action]) => !action.startsWith("./"))
        .filter(([, action, rest]) => !/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/.test(action) || !/^ # v\d+\.\d+\.\d+$/.test(rest))
        .map(([line]) => `${name}: ${line.trim()}`),
  },
  {
    id: "permissions",
    rule: "no permissions at the top, the least each job needs; a job that writes holds no secret",
    problems: (file) => {
      const w = parse(file.text);
      const problems =
        JSON.stringify(w.permissions) === "{}" ? [] : [`${file.name}: permissions at the top are ${JSON.stringify(w.permissions)}`];
      for (const [name, job] of jobsOf(file)) {
        // Every job states what it does with the contents: read, or write where it commits (release.yml's version
        // pull request), which the rule below keeps free of secrets.
        if (job.permissions?.contents !== "read" && job.permissions?.contents !== "write")
          problems.push(`${file.name}: job ${name}'s permissions ${JSON.stringify(job.permissions)}`);
        const writes = Object.entries(job.permissions ?? {}).filter(([, level]) => level === "write");
        const onlyOidc = writes.every(([scope]) => scope === "id-token");
        if (writes.length > 0 && !onlyOidc && JSON.stringify(job).includes("secrets.")) {
          problems.push(`${file.name}: job ${name} may write (${writes.map(([s]) => s).join(", ")}) and holds secrets`);
        }
      }
      return problems;
    },
  },
  {
    id: "no-expressions-in-run",
    rule: "checkouts keep no credentials; no ${{ }} inside a run script",
    problems: (file) =>
      stepsOf(file).flatMap((step) => [
        ...(String(step.uses ?? "").startsWith("actions/checkout@") && step.with?.["persist-credentials"] !== false
          ? [`${file.name}: a checkout keeps its credentials`]
          : []),
        ...(String(step.run ?? "").includes("${{")
          ? [`${file.name}: step ${step.name ?? step.id ?? "(unnamed)"} has \${{ }} in its run`]
          : []),
      ]),
  },
  {
    id: "secrets-in-environments",
    rule: "secrets only in environments: write credentials in deploy.yml alone, read-only ones in <name>-plan",
    problems: (file) =>
      jobsOf(file).flatMap(([name, job]) => {
        if (!JSON.stringify(job).includes("secrets.")) return [];
        const expected = file.name === "deploy.yml" ? "${{ matrix.deployment }}" : "${{ matrix.deployment }}-plan";
        return [
          ...(job.environment === expected
            ? []
            : [`${file.name}: job ${name} holds secrets in environment ${JSON.stringify(job.environment)}`]),
          ...(JSON.stringify(job.env ?? {}).includes("secrets.") ? [`${file.name}: job ${name} has secrets in its job-wide env`] : []),
        ];
      }),
  },
  {
    id: "lockfile-readonly",
    rule: "every init of the engine with -lockfile=readonly: exactly the provider the reviewed lock file selects",
    problems: (file) =>
      stepsOf(file).flatMap((step) =>
        [...String(step.run ?? "").matchAll(ENGINE_INIT)]
          .map(([line]) => line.trim())
          .filter((line) => !/(^|\s)-lockfile=readonly(\s|$)/.test(line))
          .map((line) => `${file.name}: ${line}`),
      ),
  },
];

/** The deployment names the concurrency check evaluates the groups with (as GitHub compares them: without case). */
const NAMES = ["production", "uat", "eu-production", "drift", "Deploy-production", "plan-7", "terraform-production"];

/** Every concurrency group a workflow's runs and jobs enter, for each of NAMES, lower-cased. */
export function concurrencyGroups(text: string): string[] {
  const w = parse(text);
  const contexts = (deployment: string) => ({ github: { event: { pull_request: { number: 7 } } }, matrix: { deployment } });
  const specs = [w.concurrency, ...Object.values<any>(w.jobs ?? {}).map((job) => job.concurrency)].filter((c) => c !== undefined);
  return specs.flatMap((spec) =>
    NAMES.map((deployment) =>
      String(typeof spec === "string" ? spec : spec.group)
        .replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression) => evaluate(expression, contexts(deployment)).coerceString())
        .toLowerCase(),
    ),
  );
}

/**
 * The concurrency rules of a set of workflows with a deploy.yml: one deploy at a time per deployment, never a running
 * one cancelled; no other workflow's run enters a deploy's group (GitHub keeps one pending run per group, and a run
 * that enters a group cancels the pending one: a plan or drift check there would cancel a waiting deploy); the drift
 * check one at a time, never cancelling a running one.
 */
export function concurrencyProblems(files: readonly WorkflowFile[]): string[] {
  const deploy = files.find((f) => f.name === "deploy.yml");
  if (!deploy) return ["no deploy.yml"];
  const problems: string[] = [];
  const w = parse(deploy.text);
  if (w.concurrency !== undefined)
    problems.push("deploy.yml: a run-wide concurrency group (one deployment's deploy would wait for another's)");
  const job = w.jobs?.deploy;
  if (JSON.stringify(job?.concurrency) !== JSON.stringify({ group: "deploy-${{ matrix.deployment }}", "cancel-in-progress": false })) {
    problems.push(`deploy.yml: the deploy job's concurrency is ${JSON.stringify(job?.concurrency)}`);
  }
  const deploys = new Set(concurrencyGroups(deploy.text));
  if (deploys.size !== NAMES.length) problems.push("deploy.yml: its groups are not one per deployment");
  for (const other of files.filter((f) => f !== deploy)) {
    const shared = concurrencyGroups(other.text).filter((g) => deploys.has(g));
    if (shared.length > 0) problems.push(`${other.name}: enters a deploy's group (${[...new Set(shared)].join(", ")})`);
  }
  const drift = files.find((f) => f.name === "drift.yml");
  if (drift && JSON.stringify(parse(drift.text).concurrency) !== JSON.stringify({ group: "drift", "cancel-in-progress": false })) {
    problems.push(`drift.yml: concurrency is ${JSON.stringify(parse(drift.text).concurrency)}`);
  }
  return problems;
}

/** Checks a set of workflows is excused from, each with why (a test of that set holds the reason true). */
export type Exceptions = Readonly<Partial<Record<string, string>>>;

/** Every problem of the set: each file check on each file, and the concurrency rules. */
export function hardeningProblems(
  files: readonly WorkflowFile[],
  actions: readonly WorkflowFile[] = [],
  except: Exceptions = {},
): string[] {
  return [
    ...FILE_CHECKS.filter((check) => except[check.id] === undefined).flatMap((check) =>
      [...files, ...(check.actions ? actions : [])].flatMap((f) => check.problems(f)),
    ),
    ...concurrencyProblems(files),
  ];
}

export const readWorkflow = (path: string): WorkflowFile => ({ name: basename(path), text: readFileSync(path, "utf8") });

/**
 * The checks as jest tests: one per rule and file, and one for the concurrency rules of the set. A check in `except`
 * is not run for this set (never a skipped test): the caller tests that its reason holds.
 */
export function describeHardening(
  title: string,
  files: readonly WorkflowFile[],
  actions: readonly WorkflowFile[] = [],
  except: Exceptions = {},
): void {
  describe(`hardening: ${title}`, () => {
    for (const check of FILE_CHECKS.filter((c) => except[c.id] === undefined)) {
      it.each([...files, ...(check.actions ? actions : [])].map((f) => [f.name, f] as const))(`%s: ${check.rule}`, (_, file) => {
        expect(check.problems(file)).toEqual([]);
      });
    }
    it("concurrency: one deploy at a time per deployment, never cancelled, and no other workflow's run can cancel one", () => {
      expect(concurrencyProblems(files)).toEqual([]);
    });
  });
}
