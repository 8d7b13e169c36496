/** A command's streams, captured as text for a test (lib/shared/command.ts); off a terminal unless told. */
import { CommandIo } from "../../lib/shared/command";

export function capturedIo(isTerminal = false): { io: CommandIo; out: () => string; err: () => string } {
  let [out, err] = ["", ""];
  return {
    io: { out: (text) => void (out += text), err: (text) => void (err += text), isTerminal },
    out: () => out,
    err: () => err,
  };
}
