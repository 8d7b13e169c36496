/**
 * A child process run to its end without blocking this one (the emulator of a test, or the other deployments of a
 * run, go on meanwhile), its output captured in the order it came: standard output and error interleaved as the child
 * wrote them, so that a deployment's log reads as it would have on a terminal.
 */
import { spawn } from "child_process";

export interface OutputChunk {
  readonly stream: "out" | "err";
  readonly text: string;
}

export interface Finished {
  /** The exit code; null when the child was ended by a signal or never started. */
  readonly status: number | null;
  /** Why the child could not start (not on PATH, not executable), if it could not. */
  readonly error?: Error;
  readonly chunks: readonly OutputChunk[];
  readonly stdout: string;
  readonly stderr: string;
}

export function runCaptured(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env: NodeJS.ProcessEnv },
): Promise<Finished> {
  return run(command, args, options, false);
}

/** A child process on this process's own streams (a person may be asked to approve), to its end; its exit code. */
export function runLive(command: string, args: readonly string[], options: { cwd?: string; env: NodeJS.ProcessEnv }): Promise<Finished> {
  return run(command, args, options, true);
}

function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env: NodeJS.ProcessEnv },
  live: boolean,
): Promise<Finished> {
  return new Promise((resolve) => {
    const chunks: OutputChunk[] = [];
    let error: Error | undefined;
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: live ? "inherit" : ["ignore", "pipe", "pipe"] });
    child.stdout?.setEncoding("utf8").on("data", (text: string) => chunks.push({ stream: "out", text }));
    child.stderr?.setEncoding("utf8").on("data", (text: string) => chunks.push({ stream: "err", text }));
    child.on("error", (e) => (error = e));
    child.on("close", (status) => {
      const joined = (stream: OutputChunk["stream"]) =>
        chunks
          .filter((c) => c.stream === stream)
          .map((c) => c.text)
          .join("");
      // A child that never started closes with the error's number as its code: not an exit code.
      resolve({ status: error ? null : status, ...(error && { error }), chunks, stdout: joined("out"), stderr: joined("err") });
    });
  });
}
