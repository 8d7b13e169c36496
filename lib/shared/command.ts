/**
 * The one shape of every command (check, adopt, plan-summary, the cdktf runner): it takes its arguments, its
 * environment and its two streams, and answers its exit code. A program's main hands it the process's own
 * (runMain); a test hands it strings to read. Nothing a command prints goes past its streams.
 */
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

/** Runs the command as the program: the process's arguments, environment and streams; its answer the exit code. */
export function runMain(command: Command): void {
  void Promise.resolve(command(process.argv.slice(2), process.env, processIo())).then((code) => {
    process.exitCode = code;
  });
}
