/** Reading JSON input from a FIFO, which takes a process (mkfifo) to make (json-input.test.ts: the unit tests). */
import { spawnSync } from "child_process";
import { join } from "path";
import { readTextFile } from "../../lib/shared/json-input";
import { Description, InputError } from "../../lib/shared/problems";
import { tempDir } from "../support/temp-dir";

describe("readTextFile: only regular files, refused before any read", () => {
  it("refuses a FIFO at once, with nobody writing to it (it used to wait forever)", () => {
    const fifo = join(tempDir("json-input-special-"), "deployments.json");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    let error: unknown;
    try {
      readTextFile(fifo, "a JSON file");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toEqual([
      {
        path: [],
        place: "(file)",
        given: new Description("a FIFO (a named pipe, or a shell's process substitution), not a regular file"),
        allowed: "a JSON file: a regular file",
      },
    ]);
  });
});
