/**
 * cdktf as the runner starts it: its CLI found through its package (no PATH lookup), its environment off a terminal
 * (no spinners, no colour), and a deployment's kept output with only its own construct warnings.
 */
import { readFileSync } from "fs";
import { dirname, join } from "path";
import { CommandIo } from "../../shared/command";
import { OutputChunk, runLive } from "../../shared/child-process";

/** cdktf with the arguments, live on the user's streams; its exit code (1, said, when it could not start). */
export async function cdktf(args: string[], env: NodeJS.ProcessEnv, io: CommandIo): Promise<number> {
  const run = await runLive(process.execPath, [cdktfCli(), ...args], { env });
  if (run.error) {
    io.err(`cdktf could not start: ${run.error.message}\n`);
    return 1;
  }
  return run.status ?? 1;
}

/** The cdktf CLI's entry, found through its package's bin, so that no PATH lookup can pick another. */
export function cdktfCli(): string {
  const manifest = require.resolve("cdktf-cli/package.json");
  return join(dirname(manifest), JSON.parse(readFileSync(manifest, "utf8")).bin.cdktf);
}

/** A construct's warning as cdktf prints it: `WARN [production/service-cloud-voice]: …`, the stack's name first. */
const ANNOTATION = /^(?:WARN|INFO) \[([^/\]]+)[/\]]/;

/**
 * cdktf prints the construct warnings of every stack it reads, and the run's synth has printed them all once: in a
 * deployment's kept output, the other deployments' warnings are left out, so that each block is that deployment's.
 */
export function ownAnnotationsOnly(chunks: readonly OutputChunk[], name: string): OutputChunk[] {
  return chunks.map(({ stream, text }) => ({
    stream,
    text: text
      .split(/(?<=\n)/)
      .filter((line) => (ANNOTATION.exec(line)?.[1] ?? name) === name)
      .join(""),
  }));
}

/**
 * Off a terminal (a pipeline's log, a file, another deployment's turn), cdktf's CI mode prints each line once instead
 * of spinner frames, and Terraform writes no colour codes.
 */
export function offTerminal(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, CI: "true", NO_COLOR: "1", FORCE_COLOR: "0", ...withoutTerraformColour(env) };
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
