// What a plan costs a real org: logins (POST /oauth/token) per `terraform plan` and the plan's time, with the real
// genesyscloud provider (npm run provider:build) against the local Genesys Cloud emulator answering every request after
// 150 ms (a round trip to a Genesys region). Candidate: the stack as the app writes it (token_pool_size = 1);
// baseline: the same stack with the provider's default token pool. Medians of several runs, alternating.
// Usage: node bench/logins.mjs [--runs N]; bench.mjs runs it. Exits 1 when a budget is missed.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { LATENCY_MS, providerOrSkip, root, startEmulatedOrg } from "./emulated-org.mjs";

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
const runs = Number(values.runs);
const install = providerOrSkip("logins per plan");
const work = mkdtempSync(join(tmpdir(), "scv-bench-logins-"));
const { emulator, gateway, env: orgEnv } = await startEmulatedOrg(work, install);

try {
  const deploymentsFile = join(work, "deployments.json");
  const deployment = {
    name: "production",
    genesysCloud: { region: "us-east-1", gateway },
    salesforce: { myDomain: "acme" },
    backend: { local: { path: "production.tfstate" } },
  };
  writeFileSync(deploymentsFile, JSON.stringify({ deployments: [deployment] }));
  const env = { ...orgEnv, CDKTF_OUTDIR: join(work, "out") };
  const synth = spawnSync(process.execPath, [join(root, "dist/cli/genesys-scv-oauth-client.js"), "app"], { env, encoding: "utf8" });
  if (synth.status !== 0) throw new Error(`synth failed:\n${synth.stderr}`);
  const ours = join(work, "out/stacks/production");
  const stack = JSON.parse(readFileSync(join(ours, "cdk.tf.json"), "utf8"));
  // The baseline: the provider's own default pool (token_pool_size left out).
  const defaults = join(work, "default-pool");
  mkdirSync(defaults);
  delete stack.provider.genesyscloud[0].token_pool_size;
  writeFileSync(join(defaults, "cdk.tf.json"), JSON.stringify(stack));

  // Asynchronous: the emulator answers the provider from this same process.
  const terraform = (cwd, ...args) =>
    new Promise((resolve, reject) => {
      const child = spawn("terraform", args, { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += d));
      child.on("close", (status) =>
        status === 0 ? resolve() : reject(new Error(`terraform ${args.join(" ")} in ${cwd} failed:\n${stderr}`)),
      );
    });
  for (const dir of [ours, defaults]) await terraform(dir, "init", "-input=false", "-no-color");

  /** One `terraform plan`: its seconds and the logins the emulator saw. */
  const plan = async (dir) => {
    const before = emulator.requests.length;
    const started = process.hrtime.bigint();
    await terraform(dir, "plan", "-input=false", "-no-color", "-lock=false");
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const logins = emulator.requests.slice(before).filter((r) => r.startsWith("POST /oauth/token ")).length;
    return { seconds, logins };
  };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const candidate = [];
  const baseline = [];
  for (let i = 0; i < runs; i++) {
    candidate.push(await plan(ours));
    baseline.push(await plan(defaults));
  }
  const summary = (ms) => ({ seconds: median(ms.map((m) => m.seconds)), logins: median(ms.map((m) => m.logins)) });
  const c = summary(candidate);
  const b = summary(baseline);
  // Ours: one login for the provider and one pooled token. Fewer logins than the default pool, and no slower.
  const ok = c.logins === 2 && c.logins < b.logins && c.seconds <= b.seconds * 1.1;
  console.log(
    `${ok ? "ok  " : "MISS"} logins per terraform plan, each request answered after ${LATENCY_MS} ms (budget: 2 logins, and no slower than the default pool)\n` +
      `     candidate (token_pool_size = 1) ${c.logins} logins, ${c.seconds.toFixed(3)} s; baseline (the provider's default pool) ${b.logins} logins, ${b.seconds.toFixed(3)} s; ratio ${(c.seconds / b.seconds).toFixed(2)}`,
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  await emulator.close();
  rmSync(work, { recursive: true, force: true });
}
