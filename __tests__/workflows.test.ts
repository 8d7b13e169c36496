/**
 * The GitHub Actions workflows: valid for a real validator (@action-validator/cli), and holding the properties the
 * pipeline depends on: secrets only from environments and never echoed, one apply at a time per deployment, the
 * gate wired to plan-summary's exit code.
 */
import { spawnSync } from "child_process";
import { readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { parse } from "yaml";
import { tempDir } from "./support/temp-dir";

const root = join(__dirname, "..");
const dir = join(root, ".github/workflows");
const files = readdirSync(dir).filter((f) => f.endsWith(".yml"));
const workflow = (name: string) => parse(readFileSync(join(dir, name), "utf8"));
const text = (name: string) => readFileSync(join(dir, name), "utf8");

function validate(file: string) {
  return spawnSync(process.execPath, [join(root, "node_modules/@action-validator/cli/cli.mjs"), file], { encoding: "utf8" });
}

describe("workflows", () => {
  it("are the pull-request plan, the deploy on main and the drift check", () => {
    expect(files.sort()).toEqual(["deploy.yml", "drift.yml", "plan.yml"]);
  });

  it.each(files)("%s passes action-validator", (file) => {
    const result = validate(join(dir, file));
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("action-validator does catch a broken workflow", () => {
    const broken = join(tempDir("workflow-"), "plan.yml");
    writeFileSync(broken, text("plan.yml").replace("runs-on: ubuntu-latest", "runs-onn: ubuntu-latest"));
    expect(validate(broken).status).not.toBe(0);
  });

  it.each(files)("%s takes Genesys credentials only from secrets, only as step env, and never prints them", (file) => {
    const source = text(file);
    const uses = source.match(/\$\{\{\s*secrets\.[A-Z_]+\s*\}\}/g) ?? [];
    for (const use of uses) expect(use).toMatch(/secrets\.GENESYSCLOUD_OAUTHCLIENT_(ID|SECRET)/);
    expect(source).not.toMatch(/echo[^\n]*(secrets\.|GENESYSCLOUD_OAUTHCLIENT)/);
    expect(source).not.toMatch(/set -x|ACTIONS_STEP_DEBUG/);
    for (const job of Object.values(workflow(file).jobs) as any[]) {
      const usesSecrets = JSON.stringify(job).includes("secrets.");
      if (usesSecrets) expect(job.environment).toBe("${{ matrix.deployment }}");
      expect(JSON.stringify(job.env ?? {})).not.toContain("secrets.");
    }
  });

  it("plan: one job per deployment, one comment updated through the marker, the gate on exit code 2 unless labelled", () => {
    const plan = workflow("plan.yml");
    expect(Object.keys(plan.on)).toEqual(["pull_request"]);
    expect(plan.on.pull_request.types).toEqual(expect.arrayContaining(["labeled", "unlabeled"]));
    expect(plan.jobs.plan.strategy.matrix.deployment).toBe("${{ fromJSON(needs.check.outputs.deployments) }}");
    expect(plan.jobs.check.steps.map((s: any) => s.run).filter(Boolean)).toEqual(
      expect.arrayContaining(["npm ci", "npm test", "npm run check", "npm run synth"]),
    );
    const summary = plan.jobs.summary.steps.find((s: any) => s.id === "summary");
    expect(summary.run).toContain("--allow-destroy");
    expect(summary.env.ALLOWED).toContain("env.ALLOW_LABEL");
    expect(text("plan.yml")).toContain("updateComment");
    const gate = plan.jobs.summary.steps.find((s: any) => s.name === "gate");
    expect(gate.if).toBe("steps.summary.outputs.exit != '0'");
    expect(gate.run).toContain("exit 1");
  });

  it("deploy: on push to main, one deployment per job, never two applies at once on one deployment", () => {
    const deploy = workflow("deploy.yml");
    expect(deploy.on.push.branches).toEqual(["main"]);
    expect(deploy.jobs.deploy.concurrency).toEqual({ group: "terraform-${{ matrix.deployment }}", "cancel-in-progress": false });
    expect(deploy.jobs.deploy.steps.at(-1).run).toBe('npm run deploy -- "${{ matrix.deployment }}" --auto-approve');
  });

  it("drift: scheduled, detailed exit code, shares the deploy concurrency group, opens or updates one issue", () => {
    const drift = workflow("drift.yml");
    expect(drift.on.schedule).toHaveLength(1);
    expect(drift.jobs.drift.concurrency.group).toBe(workflow("deploy.yml").jobs.deploy.concurrency.group);
    expect(text("drift.yml")).toContain("-detailed-exitcode");
    expect(text("drift.yml")).toMatch(/issues\.update\(.*\n.*issues\.create\(/);
  });
});
