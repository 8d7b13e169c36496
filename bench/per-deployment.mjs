// Per-deployment work costs one deployment: each command about one deployment (adopt, migrate, guard, output, diff of
// "first") with a deployments file of 201 deployments, beside the same command with a file of that one deployment,
// medians of several runs, alternating, against the tests' Genesys Cloud emulator (each request answered after
// LATENCY_MS) and local states. A hundred orgs in one file: each deployment is its own emulated org, with its own
// credentials (genesysCloud.credentials, a prefix) and organizationId. Budget: each ratio at most 1.5x. Then, once,
// `diff '*'` over the 201 at --parallelism 4, with the share of its time the synth of the 201 stacks and the reads of
// the 201 states take (each measured alone as the runner runs it: the app, and `output '*'`, which reads every state).
// The org of "first" holds a client made by hand for its Salesforce org: adopt's candidate. adopt runs first; then
// both files adopt it (importClientId), which migrate shows the usage of, guard lets deploy and diff plans to import.
// `diff '*'` runs only with --diff-all (npm run bench -- --diff-all): on the 2-core machine measured, each deployment's
// plan (a cdktf, a Terraform and a provider process) takes about 6 s of it, 20 minutes for 201, twice the whole bench.
// Usage: node bench/per-deployment.mjs [--runs N] [--deployments N] [--diff-all] [--skip-side-by-side]; bench.mjs
// runs it. Exits 1 when a budget is missed.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { LATENCY_MS, providerOrSkip, root, startEmulator } from "./emulated-org.mjs";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    deployments: { type: "string", default: "201" },
    "diff-all": { type: "boolean" },
    "skip-side-by-side": { type: "boolean" },
  },
});
const [runs, count] = [Number(values.runs), Number(values.deployments)];
const BUDGET = 1.5;
const PARALLELISM = 4;
const install = providerOrSkip("per-deployment commands with 201 deployments");
const work = mkdtempSync(join(tmpdir(), "scv-bench-per-deployment-"));
const cli = join(root, "dist/cli/genesys-scv-oauth-client.js");

const orgs = Array.from({ length: count }, (_, i) => ({
  id: `a1b2c3d4-0000-4000-8000-${String(i + 1).padStart(12, "0")}`,
  name: `Org ${i}`,
  credentials: { clientId: `bench-ci-${i}`, clientSecret: `bench-secret-${i}` },
  legacyImplicitGrant: true,
}));
const emulator = await startEmulator(work, orgs);
const gateway = { host: "127.0.0.1", port: Number(new URL(emulator.url).port), protocol: "http" };
const prefix = (i) => `ORG${i}`;
const env = {
  ...process.env,
  ...install.env,
  HOME: work,
  ...Object.fromEntries(
    orgs.flatMap((org, i) => [
      [`${prefix(i)}_GENESYSCLOUD_OAUTHCLIENT_ID`, org.credentials.clientId],
      [`${prefix(i)}_GENESYSCLOUD_OAUTHCLIENT_SECRET`, org.credentials.clientSecret],
    ]),
  ),
};
const names = orgs.map((_, i) => (i === 0 ? "first" : `org${i}`));
// The client an admin made by hand from Genesys's article for first's Salesforce org: what adopt finds.
const handMade = emulator.seed(orgs[0].id, {
  name: "Salesforce Service Cloud Voice",
  accessTokenValiditySeconds: 86400,
  authorizedGrantType: "TOKEN",
  registeredRedirectUri: ["https://acmefirst.lightning.force.com/lightning/page/home"],
  scope: ["conversations", "notifications", "presence", "response-management:readonly", "routing:readonly", "upload", "users:readonly"],
});

/** The deployments file of the first `n` deployments (both files in one folder: one state of first, one lock file). */
function writeFile(n, adopted) {
  const deployments = names.slice(0, n).map((name, i) => ({
    name,
    genesysCloud: { region: "us-east-1", gateway, organizationId: orgs[i].id, credentials: prefix(i) },
    salesforce: { myDomain: i === 0 ? "acmefirst" : `acme${i}` },
    ...(i === 0 && adopted && { oauthClient: { importClientId: handMade } }),
    backend: { local: { path: `state/${name}.tfstate` } },
  }));
  const file = join(work, `deployments-${n}.json`);
  writeFileSync(file, JSON.stringify({ deployments }));
  return file;
}

/** Runs the bin to its end without blocking the emulator, which answers from this process; its seconds. */
const run = (args, file, expected = [0]) =>
  new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const outdir = join(work, `out-${outdirs++}`);
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: work,
      env: { ...env, DEPLOYMENTS_FILE: file, CDKTF_OUTDIR: outdir },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) =>
      expected.includes(status)
        ? resolve(Number(process.hrtime.bigint() - started) / 1e9)
        : reject(new Error(`${args.join(" ")} with ${file} failed (exit ${status}):\n${stderr.slice(-4000)}`)),
    );
  });
let outdirs = 0;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const misses = [];
/** The command with the file of `count` and with the file of one, alternating; the ratio of their medians. */
async function sideBySide(label, args, many, one) {
  const m = [];
  const o = [];
  for (let i = 0; i < runs; i++) {
    m.push(await run(args, many));
    o.push(await run(args, one));
  }
  const ratio = median(m) / median(o);
  const ok = ratio <= BUDGET;
  if (!ok) misses.push(label);
  console.log(
    `${ok ? "ok  " : "MISS"} ${label}: ${count} deployments ${median(m).toFixed(2)} s, 1 deployment ${median(o).toFixed(2)} s; ` +
      `ratio ${ratio.toFixed(2)} (budget: at most ${BUDGET}x)`,
  );
}

try {
  mkdirSync(join(work, "state"));
  // A team's config repository: cdktf.json's app is the bin's app command, as init writes it.
  writeFileSync(join(work, "cdktf.json"), JSON.stringify({ language: "typescript", app: `node ${cli} app`, sendCrashReports: "false" }));
  console.log(
    `per-deployment commands, a file of ${count} deployments (one org each) beside a file of one, median of ${runs} runs each, ` +
      `alternating; every request answered after ${LATENCY_MS} ms`,
  );
  let [many, one] = [writeFile(count, false), writeFile(1, false)];
  if (!values["skip-side-by-side"]) await sideBySide("adopt first", ["adopt", "first"], many, one);
  [many, one] = [writeFile(count, true), writeFile(1, true)];
  // The reviewed lock file beside the deployments file, which guard and deploy init from.
  await run(["lock"], one);
  if (!values["skip-side-by-side"]) {
    await sideBySide("migrate first", ["migrate", "first"], many, one);
    await sideBySide("guard first", ["guard", "first"], many, one);
    await sideBySide("output first", ["output", "first"], many, one);
    await sideBySide("diff first", ["diff", "first"], many, one);
  }

  if (values["diff-all"]) {
    // Once each: diff '*' over them all, then its synth (the app, every stack) and its state reads (output '*' reads
    // every state, --parallelism at once, and asks nothing of Genesys Cloud where a state holds no client) alone.
    const p = ["--parallelism", String(PARALLELISM)];
    const all = await run(["diff", "*", ...p], many);
    const synth = await run(["app"], many);
    const reads = await run(["output", "*", ...p], many);
    const share = (s) => `${s.toFixed(1)} s (${((100 * s) / all).toFixed(0)}%)`;
    console.log(
      `info diff '*' of ${count} deployments at --parallelism ${PARALLELISM}: ${all.toFixed(1)} s; of which synth of the ${count} stacks ` +
        `${share(synth)}, reading the ${count} states ${share(reads)}; the rest is each deployment's cdktf, Terraform and provider`,
    );
  }
  process.exitCode = misses.length === 0 ? 0 : 1;
} finally {
  await emulator.close();
  rmSync(work, { recursive: true, force: true });
}
