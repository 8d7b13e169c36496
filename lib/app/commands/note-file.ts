/**
 * The note a guard writes beside a plan for plan-summary (`--note <file>`: `<stack>.note.json`), for `guard` and
 * `adopt --guard` alike: whether the file can be written, checked before any request, and the write itself.
 */
import { closeSync, constants, openSync, Stats, statSync, writeFileSync } from "fs";
import { dirname } from "path";
import { showHiddenCharacters } from "../../shared/plain-text";

/**
 * Why --note's file cannot be written, checked before any request; undefined when it can be (a folder or a missing
 * folder would otherwise be a stack trace after the requests).
 */
export function noteProblem(note: string): string | undefined {
  if (note.trim() === "") return "an empty path";
  let stats: Stats;
  try {
    stats = statSync(note);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "ENOENT") return `it cannot be looked at: ${code}`;
    try {
      return statSync(dirname(note)).isDirectory() ? undefined : `${dirname(note)} is not a folder`;
    } catch {
      return `its folder ${dirname(note)} does not exist`;
    }
  }
  return stats.isDirectory() ? "a folder" : undefined;
}

/** Writes the note as JSON; why it could not be, in words naming the file; undefined when written. */
export function writeNote(note: string, content: object): string | undefined {
  try {
    // Non-blocking: a FIFO nothing reads is an error (ENXIO) at once, not a step that waits forever.
    const fd = openSync(note, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NONBLOCK, 0o666);
    try {
      writeFileSync(fd, `${JSON.stringify(content, null, 2)}\n`);
    } finally {
      closeSync(fd);
    }
    return undefined;
  } catch (e) {
    const error = e as NodeJS.ErrnoException;
    return `could not write ${JSON.stringify(showHiddenCharacters(note))} (${showHiddenCharacters(error.code ?? error.message)})`;
  }
}
