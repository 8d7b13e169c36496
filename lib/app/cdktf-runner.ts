/**
 * `npm run synth|diff|deploy|destroy|output`: the cdktf CLI on the app, one deployment at a time where credentials
 * matter. `diff`, `deploy` and `destroy` take deployment names or patterns (`production`, `'*'`, `'eu-*'`); each
 * selected deployment runs in its own cdktf process with its own credentials (lib/app/credentials.ts), one failure
 * does not stop the others, and the exit code is 1 when any failed. `output` prints each deployment's client id from
 * its state, with the backend's credentials only.
 */
import { spawnSync, SpawnSyncOptions } from "child_process";
import { readFileSync } from "fs";
import { dirname, join } from "path";
import { deploymentEnvironment, withoutCredentials } from "./credentials";
import { Deployment, loadDeploymentsOrProblem } from "./deployments";
import { deployPrerequisiteProblem } from "./preflight";
import { outputFolderProblem } from "./synth-output";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  isTerminal: boolean;
}

/** cdktf options that take a value as the next argument; everything else that starts with - stands alone. */
const OPTIONS_WITH_VALUE = new Set(["--output", "-o", "--app", "-a", "--outputs-file", "--parallelism", "--terraform-parallelism", "--var", "--var-file"]);
const PER_DEPLOYMENT = ["diff", "deploy", "destroy"];
export const SALESFORCE_NEXT_STEP =
  "Paste the client id into the Salesforce org's CX Cloud, Digital and AI settings (the Genesys Cloud OAuth client id the Lightning app uses).";

export function runCdktf(command: string, args: string[], env: NodeJS.ProcessEnv, io: Io): number {
  const cdktfEnv: NodeJS.ProcessEnv = { ...env, CHECKPOINT_DISABLE: "1" }; // no version check call to HashiCorp
  // Off a terminal (a pipeline's log, a file), cdktf's CI mode prints each line once instead of spinner frames,
  // and Terraform writes no colour codes.
  if (!io.isTerminal) Object.assign(cdktfEnv, { CI: "true" }, withoutTerraformColour(env));
  if (args.includes("--help") || args.includes("-h") || !["synth", "output", ...PER_DEPLOYMENT].includes(command)) {
    return cdktf([command, ...args], cdktfEnv);
  }
  const loaded = loadDeploymentsOrProblem(env);
  if ("problem" in loaded) return fail(io, loaded.problem);
  const { patterns, options } = splitArguments(args);
  // Checked here, as the deployments file is: cdktf would print an app's failure twice, with a spinner frame.
  const outdir = optionValue(options, "--output", "-o") ?? "cdktf.out";
  if (command !== "output") {
    const problem = outputFolderProblem(outdir);
    if (problem) return fail(io, problem);
  }
  if (command === "synth") return cdktf([command, ...args], cdktfEnv);

  const selected = select(loaded.deployments, patterns, command);
  if (typeof selected === "string") return fail(io, selected);
  if (command === "output") return printOutputs(selected, outdir, cdktfEnv, io);

  const problem = deployPrerequisiteProblem(selected, env);
  if (problem) return fail(io, problem);
  const results = selected.map((deployment) => {
    if (selected.length > 1) io.out(`\n=== ${command} ${deployment.name} ===\n`);
    return { name: deployment.name, status: cdktf([command, deployment.name, ...options], deploymentEnvironment(deployment, cdktfEnv)) };
  });
  const failed = results.filter((r) => r.status !== 0);
  if (selected.length > 1) {
    const lines = results.map((r) => `  ${r.name}: ${r.status === 0 ? "succeeded" : `failed (exit ${r.status})`}`);
    (failed.length > 0 ? io.err : io.out)(`\n${command} of ${results.length} deployments, ${failed.length} failed:\n${lines.join("\n")}\n`);
  }
  return failed.length > 0 ? 1 : 0;
}

/** The value of an option that takes one (`--output DIR`), or undefined. */
function optionValue(options: readonly string[], ...names: string[]): string | undefined {
  const index = options.findIndex((o) => names.includes(o));
  return index >= 0 ? options[index + 1] : undefined;
}

/** The Terraform commands cdktf runs, each of which takes -no-color. */
const TERRAFORM_COMMANDS = ["init", "plan", "apply", "destroy", "output", "show"];

/** TF_CLI_ARGS_<command> variables that add -no-color to what the user already set there. */
export function withoutTerraformColour(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    TERRAFORM_COMMANDS.map((command) => {
      const name = `TF_CLI_ARGS_${command}`;
      const given = env[name]?.trim() ?? "";
      return [name, given.split(/\s+/).includes("-no-color") ? given : `${given} -no-color`.trim()];
    }),
  );
}

/** Deployment names and patterns apart from cdktf's own options (and their values). */
export function splitArguments(args: readonly string[]): { patterns: string[]; options: string[] } {
  const patterns: string[] = [];
  const options: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("-")) patterns.push(arg);
    else {
      options.push(arg);
      if (OPTIONS_WITH_VALUE.has(arg) && i + 1 < args.length) options.push(args[++i]);
    }
  }
  return { patterns, options };
}

/** The deployments the patterns name (`*` matches any characters), in file order; a message when one matches none. */
export function select(deployments: readonly Deployment[], patterns: readonly string[], command: string): Deployment[] | string {
  const names = deployments.map((d) => d.name).join(", ");
  if (patterns.length === 0) {
    return `${command}: name the deployments, e.g. npm run ${command} -- ${deployments[0].name}, or -- '*' for all; the deployments are: ${names}`;
  }
  const matchers = patterns.map((p) => ({ pattern: p, re: new RegExp(`^${p.split("*").map(escape).join(".*")}$`) }));
  const unmatched = matchers.filter((m) => !deployments.some((d) => m.re.test(d.name)));
  if (unmatched.length > 0) {
    return `${command}: no deployment is named ${unmatched.map((m) => JSON.stringify(m.pattern)).join(" or ")}; the deployments are: ${names}`;
  }
  return deployments.filter((d) => matchers.some((m) => m.re.test(d.name)));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The client id and redirect URIs of each deployment, from its state (`terraform output`), with the next step. */
function printOutputs(deployments: readonly Deployment[], outdir: string, env: NodeJS.ProcessEnv, io: Io): number {
  // The backend's credentials only: reading outputs never configures the genesyscloud provider.
  const backendEnv = { ...withoutCredentials(env), CDKTF_OUTDIR: outdir };
  const synth = spawnSync(process.execPath, [join(__dirname, "main.js")], { env: backendEnv, encoding: "utf8" });
  if (synth.status !== 0) return fail(io, synth.stderr.trim());
  let failed = 0;
  for (const deployment of deployments) {
    const cwd = join(outdir, "stacks", deployment.name);
    const run = (...args: string[]) => spawnSync("terraform", args, { cwd, env: backendEnv, encoding: "utf8" });
    const init = run("init", "-input=false", "-no-color");
    const output = init.status === 0 ? run("output", "-json", "-no-color") : init;
    if (output.status !== 0) {
      failed++;
      io.err(`${deployment.name}: could not read its state:\n${(output.stderr || output.stdout).trim()}\n`);
      continue;
    }
    const values = JSON.parse(output.stdout) as Record<string, { value: unknown }>;
    if (!values.client_id) {
      io.out(`${deployment.name}: not deployed yet (its state holds no client id)\n`);
      continue;
    }
    const uris = (values.redirect_uris?.value as string[] | undefined) ?? [];
    io.out(`${deployment.name}: client id ${String(values.client_id.value)}\n  redirect URIs: ${uris.join(", ")}\n  ${SALESFORCE_NEXT_STEP}\n`);
  }
  return failed > 0 ? 1 : 0;
}

function cdktf(args: string[], env: NodeJS.ProcessEnv): number {
  const options: SpawnSyncOptions = { stdio: "inherit", env };
  const run = spawnSync(process.execPath, [cdktfCli(), ...args], options);
  if (run.error) {
    process.stderr.write(`cdktf could not start: ${run.error.message}\n`);
    return 1;
  }
  return run.status ?? 1;
}

/** The cdktf CLI's entry, found through its package's bin, so that no PATH lookup can pick another. */
export function cdktfCli(): string {
  const manifest = require.resolve("cdktf-cli/package.json");
  return join(dirname(manifest), JSON.parse(readFileSync(manifest, "utf8")).bin.cdktf);
}

function fail(io: Io, message: string): number {
  io.err(`${message}\n`);
  return 1;
}

// `node dist/cdktf-runner.js <command> [arguments]`, which `npm run synth|diff|deploy|destroy|output` run after the build.
if (require.main === module) {
  const [command, ...args] = process.argv.slice(2);
  process.exitCode = runCdktf(command, args, process.env, {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    isTerminal: Boolean(process.stdout.isTTY),
  });
}
