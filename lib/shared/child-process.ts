/**
 * A child process run to its end without blocking this one (the emulator of a test, or the other deployments of a
 * run, go on meanwhile), its output captured in the order it came: standard output and error interleaved as the child
 * wrote them, so that a deployment's log reads as it would have on a terminal.
 *
 * Every child is known until it ends, so that a SIGINT or SIGTERM to this process ends them too (endChildren, which
 * runMain in command.ts calls): a captured child runs in a process group of its own, which is ended whole (the
 * engine's provider plugins, cdktf's engine); a live one shares this process's terminal (a person may be asked to
 * approve, which a process group of its own could not do), and it is ended with the processes it started. Once a
 * signal has come, no child starts.
 */
import { ChildProcess, spawn } from "child_process";
import { readdirSync, readFileSync } from "fs";

export interface OutputChunk {
  readonly stream: "out" | "err";
  readonly text: string;
}

export interface Finished {
  /** The exit code; null when the child was ended by a signal or never started. */
  readonly status: number | null;
  /** Why the child could not start (not on PATH, not executable), if it could not. */
  readonly error?: Error;
  /** When the child was ended at its deadline (`timeoutMs`). */
  readonly timedOut?: boolean;
  readonly chunks: readonly OutputChunk[];
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env: NodeJS.ProcessEnv;
  /** Ends the child (and what it started) when it has not ended this many milliseconds after its start. */
  readonly timeoutMs?: number;
}

export function runCaptured(command: string, args: readonly string[], options: RunOptions): Promise<Finished> {
  return run(command, args, options, false);
}

/** A child process on this process's own streams (a person may be asked to approve), to its end; its exit code. */
export function runLive(command: string, args: readonly string[], options: RunOptions): Promise<Finished> {
  return run(command, args, options, true);
}

/** The children running now, each with whether it leads a process group of its own. */
const running = new Map<ChildProcess, { readonly group: boolean }>();
let endedBy: NodeJS.Signals | undefined;

function run(command: string, args: readonly string[], options: RunOptions, live: boolean): Promise<Finished> {
  return new Promise((resolve) => {
    if (endedBy) {
      const error = new Error(`not started: this command was ended by ${endedBy}`);
      resolve({ status: null, error, chunks: [], stdout: "", stderr: "" });
      return;
    }
    const chunks: OutputChunk[] = [];
    let error: Error | undefined;
    let timedOut = false;
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: live ? "inherit" : ["ignore", "pipe", "pipe"],
      detached: !live,
    });
    running.set(child, { group: !live });
    const deadline =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            end(child, "SIGKILL");
          }, options.timeoutMs);
    child.stdout?.setEncoding("utf8").on("data", (text: string) => chunks.push({ stream: "out", text }));
    child.stderr?.setEncoding("utf8").on("data", (text: string) => chunks.push({ stream: "err", text }));
    child.on("error", (e) => (error = e));
    child.on("close", (status) => {
      clearTimeout(deadline);
      running.delete(child);
      const joined = (stream: OutputChunk["stream"]) =>
        chunks
          .filter((c) => c.stream === stream)
          .map((c) => c.text)
          .join("");
      // A child that never started closes with the error's number as its code: not an exit code.
      resolve({
        status: error ? null : status,
        ...(error && { error }),
        ...(timedOut && { timedOut }),
        chunks,
        stdout: joined("out"),
        stderr: joined("err"),
      });
    });
  });
}

/**
 * Ends every running child with `signal`, and no child starts after; those still running after `graceMs` are
 * killed. Resolves when all have ended (at most a moment after the grace).
 */
export async function endChildren(signal: NodeJS.Signals, graceMs: number): Promise<void> {
  endedBy ??= signal;
  const children = [...running.keys()];
  if (children.length === 0) return;
  const closed = Promise.all(
    children.map((child) => new Promise<void>((done) => (child.exitCode !== null ? done() : child.once("close", () => done())))),
  );
  for (const child of children) end(child, signal);
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<"grace">((done) => (timer = setTimeout(() => done("grace"), graceMs)));
  if ((await Promise.race([closed, grace])) === "grace") {
    for (const child of children) end(child, "SIGKILL");
    await Promise.race([closed, new Promise((done) => setTimeout(done, 1000).unref())]);
  }
  clearTimeout(timer);
}

/** Sends `signal` to a child and what it started: its process group, or (sharing this one's) its descendants. */
function end(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  const pids = running.get(child)?.group ? [-child.pid] : [...descendants(child.pid), child.pid];
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // Ended already.
    }
  }
}

/** The processes `pid` started, and theirs, deepest first, as Linux's /proc lists them now (none elsewhere). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  for (const entry of entries) {
    try {
      // The parent is the 4th field, after the command's name in parentheses (which may hold spaces and parentheses).
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(parent, [...(parents.get(parent) ?? []), Number(entry)]);
    } catch {
      // Ended meanwhile.
    }
  }
  const found: number[] = [];
  const walk = (of: number) => {
    for (const child of parents.get(of) ?? []) {
      walk(child);
      found.push(child);
    }
  };
  walk(pid);
  return found;
}
