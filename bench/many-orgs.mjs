// Many orgs at once: `diff '*'` of 50 deployments with the real cdktf CLI, Terraform and genesyscloud provider
// (npm run provider:build) against the local Genesys Cloud emulator, which answers every request after 150 ms (a
// round trip to a Genesys region). Candidate: the runner with --parallelism 4 (its default); baseline: the same runner
// one deployment at a time (--parallelism 1). Medians of several runs, alternating. Once, for the record: the way the
// runner went before, a `cdktf diff NAME` per deployment that synthesized every deployment again. Each way counts the
// app's runs (synths) through a counting app given as --app.
// Usage: node bench/many-orgs.mjs [--runs N] [--deployments N] [--parallelism N] [--skip-before]; bench.mjs runs it.
// Exits 1 when a budget is missed.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { LATENCY_MS, providerOrSkip, root, startEmulatedOrg } from "./emulated-org.mjs";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    deployments: { type: "string", default: "50" },
    parallelism: { type: "string", default: "4" },
    "skip-before": { type: "boolean" },
  },
});
const [runs, count, parallelism] = [Number(values.runs), Number(values.deployments), Number(values.parallelism)];
const install = providerOrSkip("diff '*' of many deployments");
const work = mkdtempSync(join(tmpdir(), "scv-bench-orgs-"));
const { emulator, gateway, env: orgEnv } = await startEmulatedOrg(work, install);

/** Runs a command to its end without blocking the emulator, which answers from this process. */
const run = (args, env) =>
  new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) =>
      status === 0
        ? resolve(Number(process.hrtime.bigint() - started) / 1e9)
        : reject(new Error(`${args.slice(0, 3).join(" ")} … failed (exit ${status}):\n${stderr.slice(-4000)}`)),
    );
  });

try {
  const deployments = Array.from({ length: count }, (_, i) => ({
    name: `org${i}`,
    genesysCloud: { region: "us-east-1", gateway },
    salesforce: { myDomain: `acme${i}` },
    backend: { local: { path: `state/org${i}.tfstate` } },
  }));
  writeFileSync(join(work, "deployments.json"), JSON.stringify({ deployments }));
  // The app, counting its runs: each synth of the deployments is one line in synths.txt.
  const synths = join(work, "synths.txt");
  const countingApp = join(work, "counting-app.cjs");
  writeFileSync(
    countingApp,
    // The bin's app command, as cdktf.json runs it: the bin reads its command from process.argv.
    `require("fs").appendFileSync(${JSON.stringify(synths)}, "synth\\n");\nprocess.argv.splice(2, 0, "app");\nrequire(${JSON.stringify(join(root, "dist/cli/genesys-scv-oauth-client.js"))});\n`,
  );
  const synthCount = () => (existsSync(synths) ? readFileSync(synths, "utf8").split("\n").length - 1 : 0);
  const env = orgEnv;
  let outdirs = 0;
  const cli = join(root, "dist/cli/genesys-scv-oauth-client.js");
  /** `diff '*'` through the runner; its seconds and the synths it caused. */
  const diffAll = async (n) => {
    rmSync(synths, { force: true });
    const out = join(work, `out-${outdirs++}`);
    const app = `node ${countingApp}`;
    const seconds = await run([cli, "diff", "*", "--parallelism", String(n), "--app", app, "--output", out, "--skip-provider-lock"], env);
    return { seconds, synths: synthCount() };
  };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const candidate = [];
  const baseline = [];
  for (let i = 0; i < runs; i++) {
    candidate.push(await diffAll(parallelism));
    baseline.push(await diffAll(1));
  }
  const summary = (ms) => ({ seconds: median(ms.map((m) => m.seconds)), synths: median(ms.map((m) => m.synths)) });
  const c = summary(candidate);
  const b = summary(baseline);
  const speedUp = b.seconds / c.seconds;
  // Each deployment is a cdktf, a Terraform and a provider process, mostly busy on a CPU: the speed-up is bounded by
  // the cores as well as by the parallelism. Budget: 80% of the smaller.
  const bound = Math.min(parallelism, availableParallelism());
  const ok = c.synths === 1 && b.synths === 1 && speedUp >= 0.8 * bound;
  console.log(
    `${ok ? "ok  " : "MISS"} diff '*' of ${count} deployments, each request answered after ${LATENCY_MS} ms (budget: one synth, and at least ${(0.8 * bound).toFixed(1)}x faster at --parallelism ${parallelism} than one at a time: 80% of the smaller of ${parallelism} and this machine's ${availableParallelism()} cores)\n` +
      `     candidate (--parallelism ${parallelism}) ${c.seconds.toFixed(1)} s, ${c.synths} synth; baseline (--parallelism 1) ${b.seconds.toFixed(1)} s, ${b.synths} synth; ${speedUp.toFixed(2)}x faster`,
  );
  if (!values["skip-before"]) {
    // The runner before: one `cdktf diff NAME` after another, each synthesizing every deployment (once, for the record).
    rmSync(synths, { force: true });
    const out = join(work, `out-${outdirs++}`);
    const cdktf = join(root, "node_modules/cdktf-cli/bundle/bin/cdktf");
    let seconds = 0;
    for (const { name } of deployments) {
      seconds += await run([cdktf, "diff", name, "--app", `node ${countingApp}`, "--output", out, "--skip-provider-lock"], env);
    }
    console.log(
      `info the runner before (a cdktf diff per deployment, one after another, 1 run): ${seconds.toFixed(1)} s, ${synthCount()} synths`,
    );
  }
  process.exitCode = ok ? 0 : 1;
} finally {
  await emulator.close();
  rmSync(work, { recursive: true, force: true });
}
