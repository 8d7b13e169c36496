/**
 * The one shape of every command (check, adopt, plan-summary, the cdktf runner): it takes its arguments, its
 * environment and its two streams, and answers its exit code. A program's main hands it the process's own
 * (runMain); a test hands it strings to read. Nothing a command prints goes past its streams.
 */
import { constants } from "os";
import { endChildren } from "./child-process";
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether standard output is a terminal (a person may be asked; colour and spinners make sense). */
  readonly isTerminal: boolean;
}

export type Command = (argv: string[], env: NodeJS.ProcessEnv, io: CommandIo) => number | Promise<number>;

/** The process's own streams. */
export function processIo(): CommandIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    isTerminal: Boolean(process.stdout.isTTY),
  };
}

/** How long the children of an ended command have to end on the signal, before they are killed. */
export const CHILDREN_GRACE_MS = 3_000;
/** How long an ended command has, once its children have ended, to finish (remove its temporary folders). */
export const FINISH_GRACE_MS = 2_000;

/**
 * Runs the command as the program: the process's arguments, environment and streams; its answer the exit code.
 * A SIGINT or SIGTERM ends the command within seconds: its children (terraform, tofu, cdktf, and what they started)
 * get the signal, and are killed if still running after CHILDREN_GRACE_MS; no child starts after it; the command has
 * FINISH_GRACE_MS more to finish what it was doing (its `finally` blocks remove temporary folders), then the process
 * exits with 128 + the signal's number (130, 143), as a shell reports a process ended by it. A second signal exits at once.
 */
export function runMain(command: Command): void {
  const finished = Promise.resolve()
    .then(() => command(process.argv.slice(2), process.env, processIo()))
    .then(
      (code) => void (process.exitCode = code),
      (e: unknown) => {
        // A bug: its stack, as Node would print it, and exit code 1.
        process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
        process.exitCode = 1;
      },
    );
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    const code = 128 + constants.signals[signal];
    if (signalled) process.exit(code);
    signalled = true;
    process.stderr.write(`\n${signal}: stopping (ending the processes this command started)\n`);
    const settled = new Promise((done) => setTimeout(done, FINISH_GRACE_MS).unref());
    void endChildren(signal, CHILDREN_GRACE_MS)
      .then(() => Promise.race([finished, settled]))
      .then(() => process.exit(code));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}
