// Benchmarks, each against a baseline measured in the same run, medians of several runs:
//   1. the app (what cdktf.json's "app" runs) for one deployment  vs  node -e "require('cdktf')";
//   2. the app for 1,000 deployments (time, peak memory)           vs  cdktf synthesizing 1,000 stacks of the app's
//      shape (bench/shaped-stacks.ts: a backend, the provider, an OAuth client, two outputs), itself shown against
//      1,000 empty stacks;
//   3. `npm run synth` after an edit to lib/                        vs  `cdktf synth` of the built app, unedited
//      (cdktf's own cost, with no build at all: what the edit's build and npm add must stay small against);
//   4. plan-summary over a plan of 1,000 resource changes           vs  node reading and parsing the same file;
//      and over a plan of one client whose scopes hold 10,000 items    vs  the same (a list compared per item was 37 s);
//   5. logins and time per `terraform plan` with the real provider   vs  the provider's default token pool
//      (bench/logins.mjs: needs Terraform and `npm run provider:build`, else it says it skipped);
//   6. adopt, migrate, guard, output and diff of one deployment in a file of 201 (one org each) vs  the same command
//      with a file of that one deployment, each within 1.5x (bench/per-deployment.mjs: the emulator, local states; as
//      5 needs for diff; 3 runs at most); with --diff-all also `diff '*'` of the 201 once, with its synth's and state
//      reads' shares (about 20 minutes on a loaded 2-core machine, so not by default);
//   7. with --many-orgs: `diff '*'` of 50 deployments, --parallelism 4  vs  the same one deployment at a time, with the
//      synths each way counts (bench/many-orgs.mjs: as 5 needs; 3 runs at most; over 16 minutes on a loaded 2-core
//      machine, so not by default).
// Usage: npm run bench [-- --runs N] [--skip-logins] [--skip-per-deployment] [--diff-all] [--many-orgs]. Exits 1
// when a budget is missed.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
// The tool's one entry (the package's bin), as cdktf.json's app and the npm scripts run it.
const BIN = "dist/cli/genesys-scv-oauth-client.js";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    "skip-logins": { type: "boolean" },
    "skip-per-deployment": { type: "boolean" },
    "diff-all": { type: "boolean" },
    "many-orgs": { type: "boolean" },
  },
});
const runs = Number(values.runs);
const work = mkdtempSync(join(tmpdir(), "scv-bench-"));
// Synthesized output goes to a RAM-backed folder where there is one, so that the figures are the app's cost and
// not this machine's disk write-back (which, on the VM measured, moved 1,000-stack runs by up to 0.5 s).
const ramRoot = existsSync("/dev/shm") ? mkdtempSync("/dev/shm/scv-bench-") : work;
let outdirs = 0;

function deploymentsFile(count) {
  const deployments = Array.from({ length: count }, (_, i) => ({
    name: `org${i}`,
    genesysCloud: { region: "us-east-1" },
    salesforce: { myDomain: `acme${i}` },
  }));
  const file = join(work, `deployments-${count}.json`);
  writeFileSync(file, JSON.stringify({ deployments }));
  return file;
}

/** Runs a command once; returns seconds and peak memory (MiB, when the command is node with bench/max-rss.cjs). */
function measure(command, args, env = {}, outRoot = ramRoot) {
  // A new output directory each run: removing and rewriting the same one measures the file system's discards.
  const outdir = join(outRoot, `out-${outdirs++}`);
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    env: { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: "1", ...env },
    stdio: ["ignore", "ignore", "pipe", "pipe"],
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stderr}`);
  const rss = String(result.output[3] ?? "").trim();
  return { seconds, mib: rss ? Number(rss) / 1024 : undefined };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs candidate and baseline alternately, so that both see the same machine. */
function compare(candidate, baseline) {
  const c = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    c.push(candidate());
    b.push(baseline());
  }
  const summary = (ms) => ({
    seconds: median(ms.map((m) => m.seconds)),
    mib: ms[0].mib === undefined ? undefined : median(ms.map((m) => m.mib)),
  });
  return { candidate: summary(c), baseline: summary(b) };
}

const results = [];
const figures = ({ seconds, mib }) => `${seconds.toFixed(3)} s${mib === undefined ? "" : `, ${mib.toFixed(0)} MiB peak`}`;
function report(name, { candidate, baseline }, budget) {
  const ratio = candidate.seconds / baseline.seconds;
  const ok = budget ? budget(candidate, ratio) : undefined;
  if (budget) results.push(ok);
  console.log(
    `${ok === undefined ? "info" : ok ? "ok  " : "MISS"} ${name}\n     candidate ${figures(candidate)}; ` +
      `baseline ${figures(baseline)}; ratio ${ratio.toFixed(2)}`,
  );
}

spawnSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
const node = process.execPath;
const rss = ["-r", "./bench/max-rss.cjs"];
console.log(`median of ${runs} runs each, candidate and baseline alternating`);

const one = deploymentsFile(1);
report(
  "app, 1 deployment (budget: at most 1.5x require('cdktf'))",
  compare(
    () => measure(node, [...rss, BIN, "app"], { DEPLOYMENTS_FILE: one }),
    () => measure(node, [...rss, "-e", "require('cdktf')"]),
  ),
  (_, ratio) => ratio <= 1.5,
);

// cdktf's floor for the app's shape, bundled as scripts/build.mjs bundles the app; run from the work folder, it finds
// cdktf and constructs in this project's node_modules through NODE_PATH.
const shaped = join(work, "shaped-stacks.cjs");
await build({
  entryPoints: ["bench/shaped-stacks.ts"],
  outfile: shaped,
  bundle: true,
  external: ["cdktf", "constructs"],
  platform: "node",
  target: "node20",
  format: "cjs",
  logLevel: "warning",
});
const floor = (outRoot) => measure(node, [...rss, shaped, "1000"], { NODE_PATH: join(process.cwd(), "node_modules") }, outRoot);

const thousand = deploymentsFile(1000);
report(
  "app, 1,000 deployments (budget: at most 1.5x cdktf synthesizing 1,000 stacks of the same shape, and 300 MiB)",
  compare(
    () => measure(node, [...rss, BIN, "app"], { DEPLOYMENTS_FILE: thousand }),
    () => floor(ramRoot),
  ),
  (c, ratio) => ratio <= 1.5 && c.mib <= 300,
);
report(
  "cdktf itself, 1,000 stacks of the app's shape against 1,000 empty stacks (no budget: what the shape costs in cdktf)",
  compare(
    () => floor(ramRoot),
    () => measure(node, [...rss, "bench/bare-stacks.cjs", "1000"]),
  ),
);
report(
  "the app's 1,000 deployments again, output on this project's disk instead of RAM (no budget: shows the disk's share)",
  compare(
    () => measure(node, [...rss, BIN, "app"], { DEPLOYMENTS_FILE: thousand }, work),
    () => floor(work),
  ),
);

/** A plan of `count` OAuth client updates: scopes, redirect URIs, token lifetime and name change in each. */
function planFile(count) {
  const before = {
    name: "Salesforce Service Cloud Voice (acme.lightning.force.com)",
    access_token_validity_seconds: 86400,
    authorized_grant_type: "TOKEN",
    scopes: ["conversations", "notifications", "presence", "response-management:readonly", "routing:readonly", "upload", "users:readonly"],
    registered_redirect_uris: ["https://acme.lightning.force.com/lightning/page/home"],
    client_secret: null,
  };
  const resource_changes = Array.from({ length: count }, (_, i) => ({
    address: `genesyscloud_oauth_client.client_${i}`,
    mode: "managed",
    type: "genesyscloud_oauth_client",
    name: `client_${i}`,
    change: {
      actions: ["update"],
      before: { ...before, id: `id-${i}` },
      after: {
        ...before,
        id: `id-${i}`,
        name: `SCV ${i}`,
        access_token_validity_seconds: 3600,
        scopes: [...before.scopes, "analytics:readonly"],
        registered_redirect_uris: [...before.registered_redirect_uris, "https://acme.my-lightning.com/lightning/page/home"],
      },
      after_unknown: {},
      before_sensitive: { client_secret: true },
      after_sensitive: { client_secret: true },
    },
  }));
  const file = join(work, "production.json");
  writeFileSync(file, JSON.stringify({ format_version: "1.2", planned_values: { root_module: {} }, resource_changes }));
  return file;
}

/** plan-summary over a plan file, against node reading and parsing the same file; within `budget` seconds. */
function planSummaryCase(label, file, budget) {
  report(
    `${label} (budget: under ${budget} s)`,
    compare(
      () => measure(node, [...rss, BIN, "plan-summary", file]),
      () => measure(node, [...rss, "-e", `JSON.parse(require("fs").readFileSync(${JSON.stringify(file)}, "utf8"))`]),
    ),
    (c) => c.seconds < budget,
  );
}

planSummaryCase("plan-summary, 1,000 resource changes", planFile(1000), 1);

/** A plan of one OAuth client update whose scopes hold `count` different items before and after. */
function longListPlanFile(count) {
  const client = (prefix) => ({
    id: "id-0",
    name: "SCV",
    authorized_grant_type: "TOKEN",
    scopes: Array.from({ length: count }, (_, i) => `${prefix}-scope-${i}`),
    registered_redirect_uris: [],
  });
  const change = { actions: ["update"], before: client("before"), after: client("after"), after_unknown: {} };
  const resource_changes = [
    { address: "genesyscloud_oauth_client.c", mode: "managed", type: "genesyscloud_oauth_client", name: "c", change },
  ];
  const file = join(work, "long-lists.json");
  writeFileSync(file, JSON.stringify({ format_version: "1.2", planned_values: { root_module: {} }, resource_changes }));
  return file;
}

planSummaryCase("plan-summary, one client whose scopes hold 10,000 different items before and after", longListPlanFile(10_000), 2);

const touchMain = () => utimesSync("lib/app/commands/synthesize-app.ts", new Date(), new Date());
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
report(
  "npm run synth after an edit to lib/ (budget: at most 1.5x cdktf synth of the built app, no edit, no build)",
  compare(
    () => (touchMain(), measure(npm, ["run", "synth"])),
    () => measure(npx, ["cdktf", "synth", "--app", `node ${BIN} app`]),
  ),
  (_, ratio) => ratio <= 1.5,
);

if (!values["skip-logins"]) {
  const logins = spawnSync(node, ["bench/logins.mjs", "--runs", String(runs)], { stdio: "inherit" });
  results.push(logins.status === 0);
}

if (!values["skip-per-deployment"]) {
  const args = ["bench/per-deployment.mjs", "--runs", String(Math.min(runs, 3)), ...(values["diff-all"] ? ["--diff-all"] : [])];
  const perDeployment = spawnSync(node, args, { stdio: "inherit" });
  results.push(perDeployment.status === 0);
}

if (values["many-orgs"]) {
  const orgs = spawnSync(node, ["bench/many-orgs.mjs", "--runs", String(Math.min(runs, 3))], { stdio: "inherit" });
  results.push(orgs.status === 0);
}

for (const dir of new Set([work, ramRoot])) rmSync(dir, { recursive: true, force: true });
process.exit(results.every(Boolean) ? 0 : 1);
