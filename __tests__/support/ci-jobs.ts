/**
 * Two rules of this repository's own workflows, each a function answering the problems it finds (none for sound
 * workflows), so that a test can also show it fails on a workflow that breaks it:
 * - every CI job installs exactly what the commands it runs use (`installProblems`), what they use read from the
 *   tests they select (a suite that spawns terraform, reads zizmor or moto, or needs the cdktn toolchain) and from
 *   the end-to-end parts (scripts/e2e-passes.cjs); and together the CI jobs run what `npm test` runs;
 * - the release publishes with provenance (`releaseProblems`): changesets' version pull request from the one job that
 *   may write, `npm publish --provenance` from the one job that may ask for an OIDC token, after the version pull
 *   request is merged, with no secret and no cache.
 */
import { readdirSync, readFileSync } from "fs";
import { join, relative } from "path";
import { parse } from "yaml";
import { allSuites, e2ePasses, PARTS, suitesRun } from "../../scripts/e2e-passes.cjs";
import { condition, valueOf } from "./github-expressions";

const root = join(__dirname, "../..");

/** What a job can install: an engine, the genesyscloud provider, the Python test tools, the cdktn toolchain. */
export type Tool = "terraform" | "tofu" | "provider" | "python-tools" | "cdktn-tools";

const ENGINES: Record<string, Tool[]> = { terraform: ["terraform"], tofu: ["tofu"], both: ["terraform", "tofu"], none: [] };

/** What the steps of a job install. */
export function installedBy(job: any): Tool[] {
  const tools = new Set<Tool>();
  for (const step of job.steps ?? []) {
    const uses = String(step.uses ?? "");
    // This repository commits no .engine: the setup action's default ("file") installs Terraform.
    if (uses.endsWith("/.github/actions/setup") || uses === "./.github/actions/setup")
      for (const t of ENGINES[step.with?.engine ?? "terraform"] ?? []) tools.add(t);
    if (uses === "./.github/actions/provider") tools.add("provider");
    if (uses.startsWith("hashicorp/setup-terraform@")) tools.add("terraform");
    if (uses.startsWith("opentofu/setup-opentofu@")) tools.add("tofu");
    const run = String(step.run ?? "");
    if (run.includes("scripts/python-tools.mjs")) tools.add("python-tools");
    if (run.includes("scripts/cdktn-tools.mjs")) tools.add("cdktn-tools");
  }
  return [...tools].sort();
}

/** What a test file uses, read from its text (and its support modules' names). */
function usedByTestFile(file: string, skipCdktn: boolean): Tool[] {
  const text = readFileSync(join(root, file), "utf8");
  const tools: Tool[] = [];
  if (/spawnSync\("terraform"|spawn\("terraform"/.test(text)) tools.push("terraform");
  if (/zizmorOrNotice|startS3Emulator|motoServer/.test(text)) tools.push("python-tools");
  if (/describeWithCdktn\(\)/.test(text) && !skipCdktn) tools.push("cdktn-tools");
  return tools;
}

const integrationFiles = (dir = join(root, "__tests__")): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === "e2e"
        ? []
        : integrationFiles(join(dir, e.name))
      : e.name.endsWith(".integration.test.ts")
        ? [relative(root, join(dir, e.name))]
        : [],
  );

/** The integration files a `npm run test:integration [-- files...]` selects. */
function selectedIntegrationFiles(run: string): string[] {
  const after = /npm run test:integration(?: -- (.*))?$/m.exec(run)?.[1] ?? "";
  const named = after.split(/\s+/).filter((a) => a.startsWith("__tests__/"));
  return named.length > 0 ? named : integrationFiles();
}

/** The end-to-end part a step runs (`node scripts/test-e2e.mjs --part <part>`), if any. */
const partOf = (run: string) => /scripts\/test-e2e\.mjs --part (\S+)/.exec(run)?.[1] as (typeof PARTS)[number] | undefined;

/** What the commands of a job's steps use. */
export function usedBy(job: any): Tool[] {
  const tools = new Set<Tool>();
  for (const step of job.steps ?? []) {
    const run = String(step.run ?? "");
    if (/npm run test:integration/.test(run)) {
      const skipCdktn = Boolean(step.env?.SCV_SKIP_CDKTN);
      for (const file of selectedIntegrationFiles(run)) for (const t of usedByTestFile(file, skipCdktn)) tools.add(t);
    }
    const part = partOf(run);
    if (part) {
      // Every end-to-end suite runs the provider from its mirror, on the engines of its passes.
      tools.add("provider");
      const passes = e2ePasses({ part, suites: allSuites(root) });
      for (const [engine, suite] of suitesRun(passes, allSuites(root)).map((s) => s.split(" "))) {
        tools.add(engine as Tool);
        // The cross-engine suite runs the other engine beside its own.
        if (/ENGINES\.tofu/.test(readFileSync(join(root, suite), "utf8"))) tools.add("tofu");
        for (const t of usedByTestFile(suite, false)) tools.add(t);
      }
    }
    if (/(^|\s)npm test\b/m.test(run))
      for (const t of ["terraform", "tofu", "provider", "python-tools", "cdktn-tools"] as Tool[]) tools.add(t);
  }
  return [...tools].sort();
}

/** Each job of a workflow whose installs differ from what it uses, as "job: installs [...], uses [...]". */
export function installProblems(yaml: string): string[] {
  return Object.entries<any>(parse(yaml).jobs ?? {}).flatMap(([name, job]) => {
    const [installed, used] = [installedBy(job), usedBy(job)];
    return JSON.stringify(installed) === JSON.stringify(used)
      ? []
      : [`job ${name}: installs ${JSON.stringify(installed)}, uses ${JSON.stringify(used)}`];
  });
}

/** Which of what `npm test` runs no job of the CI workflow runs. */
export function coverageProblems(yaml: string): string[] {
  const jobs = Object.values<any>(parse(yaml).jobs ?? {});
  const steps = jobs.flatMap((job) => job.steps ?? []);
  const runs = steps.map((s) => String(s.run ?? ""));
  const problems: string[] = [];
  for (const [what, pattern] of [
    ["lint", /npm run lint\b/],
    ["tsc", /npx tsc -p \./],
    ["the unit tests", /npm run test:unit$/m],
    ["the integration tests", /npm run test:integration$/m],
  ] as const)
    if (!runs.some((r) => pattern.test(r))) problems.push(`no job runs ${what}`);
  for (const part of PARTS) {
    const count = runs.filter((r) => partOf(r) === part).length;
    if (count !== 1) problems.push(`the end-to-end part ${part} runs in ${count} jobs, not 1`);
  }
  // The cdktn suites a job leaves aside (SCV_SKIP_CDKTN) run in a job that selects each of them, by file and by name.
  if (steps.some((s) => s.env?.SCV_SKIP_CDKTN)) {
    const cdktnSuites = integrationFiles().filter((f) => /describeWithCdktn\(\)/.test(readFileSync(join(root, f), "utf8")));
    const titles = cdktnSuites.flatMap((f) =>
      [...readFileSync(join(root, f), "utf8").matchAll(/describeWithCdktn\(\)\("([^"]+)"/g)].map((m) => m[1]),
    );
    const runner = steps.find(
      (s) =>
        !s.env?.SCV_SKIP_CDKTN &&
        /npm run test:integration/.test(String(s.run ?? "")) &&
        cdktnSuites.every((f) => selectedIntegrationFiles(String(s.run)).includes(f)),
    );
    if (!runner) problems.push(`no job runs the cdktn suites (${cdktnSuites.join(", ")}) that SCV_SKIP_CDKTN leaves aside`);
    else {
      const t = /(?:^|\s)-t (\S+)/.exec(String(runner.run))?.[1];
      const missed = t === undefined ? [] : titles.filter((title) => !new RegExp(t).test(title));
      if (missed.length > 0) problems.push(`the cdktn job's -t ${t} leaves out ${JSON.stringify(missed)}`);
    }
  }
  return problems;
}

const writes = (job: any) =>
  Object.entries(job.permissions ?? {})
    .filter(([, level]) => level === "write")
    .map(([scope]) => scope)
    .sort();

/** Every way the release workflow differs from: a version pull request by changesets, then npm publish with provenance. */
export function releaseProblems(yaml: string, packageJson = JSON.parse(readFileSync(join(root, "package.json"), "utf8"))): string[] {
  const w = parse(yaml);
  const problems: string[] = [];
  if (JSON.stringify(w.on) !== JSON.stringify({ push: { branches: ["main"] } }))
    problems.push(`runs on ${JSON.stringify(w.on)}, not pushes to main`);
  if (yaml.includes("secrets.")) problems.push("holds a secret (trusted publishing needs none)");
  const jobs = Object.entries<any>(w.jobs ?? {});
  const stepsOf = (job: any): any[] => job.steps ?? [];
  for (const [name, job] of jobs)
    for (const step of stepsOf(job)) {
      if (String(step.uses ?? "").startsWith("actions/cache@")) problems.push(`job ${name} uses a cache`);
      if (String(step.uses ?? "").startsWith("actions/setup-node@") && step.with?.["package-manager-cache"] !== false)
        problems.push(`job ${name}: setup-node with its package manager cache`);
    }

  const versioning = jobs.filter(([, job]) => stepsOf(job).some((s) => String(s.uses ?? "").startsWith("changesets/action@")));
  const publishing = jobs.filter(([, job]) => stepsOf(job).some((s) => /(^|\s)npm publish\b/m.test(String(s.run ?? ""))));
  if (versioning.length !== 1 || publishing.length !== 1) {
    problems.push(`${versioning.length} jobs run changesets/action and ${publishing.length} run npm publish; one each`);
    return problems;
  }
  const [[versionName, version]] = versioning;
  const [[publishName, publish]] = publishing;
  const action = stepsOf(version).find((s) => String(s.uses ?? "").startsWith("changesets/action@"));

  // The version pull request: changeset version through an npm script, committed through the API (no git credentials).
  const script = /^npm run (\S+)$/.exec(action.with?.version ?? "")?.[1];
  if (!script || !/^changeset version\b/.test(packageJson.scripts?.[script] ?? ""))
    problems.push(`changesets/action's version is ${JSON.stringify(action.with?.version)}, not an npm script that runs changeset version`);
  if (action.with?.commitMode !== "github-api") problems.push("changesets/action commits with git, but the checkout keeps no credentials");
  if (action.with?.publish !== undefined) problems.push("changesets/action publishes: the job that may write would publish");
  if (JSON.stringify(writes(version)) !== JSON.stringify(["contents", "pull-requests"]) || version.permissions?.["id-token"])
    problems.push(`job ${versionName}'s permissions ${JSON.stringify(version.permissions)}: contents and pull-requests write, no id-token`);

  // The publish: only after the version pull request is merged (no changeset left), with provenance, by OIDC.
  if (JSON.stringify(publish.permissions) !== JSON.stringify({ contents: "read", "id-token": "write" }))
    problems.push(`job ${publishName}'s permissions ${JSON.stringify(publish.permissions)}: contents read and id-token write only`);
  const publishRun = stepsOf(publish)
    .map((s) => String(s.run ?? ""))
    .find((r) => /(^|\s)npm publish\b/m.test(r))!;
  for (const line of publishRun.split("\n").filter((l) => /(^|\s)npm publish\b/.test(l)))
    if (!/\s--provenance(\s|$)/.test(line)) problems.push(`job ${publishName}: "${line.trim()}" without --provenance`);
  if (![publish.needs].flat().includes(versionName)) problems.push(`job ${publishName} does not wait for job ${versionName}`);
  const output = (hasChangesets: string) => valueOf(version.outputs?.publish, { steps: { [action.id]: { outputs: { hasChangesets } } } });
  const runs = (hasChangesets: string) =>
    condition(publish.if, { needs: { [versionName]: { result: "success", outputs: { publish: output(hasChangesets) } } } });
  if (runs("true") || !runs("false"))
    problems.push(
      `job ${publishName} runs ${runs("true") ? "while changesets are pending" : "never"}, not once the version pull request is merged`,
    );
  for (const [name, job] of jobs) {
    if (name !== publishName && job.permissions?.["id-token"]) problems.push(`job ${name} may ask for an OIDC token`);
    if (name !== versionName && writes(job).some((scope) => scope !== "id-token")) problems.push(`job ${name} may write`);
  }
  return problems;
}
