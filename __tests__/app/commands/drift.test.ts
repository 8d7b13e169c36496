/** The drift command's refusals before it reads anything: one message each, saying what was not done, exit 1. */
import { writeFileSync } from "fs";
import { join } from "path";
import { driftCommand } from "../../../lib/app/commands/drift";
import { runCommand } from "../../../lib/shared/command-declaration";
import { capturedIo } from "../../support/captured-io";
import { tempDir } from "../../support/temp-dir";

describe("the drift command refuses before it reads anything, saying what it did not do", () => {
  const file = join(tempDir("drift-command-"), "deployments.json");

  it.each([
    [
      "a deployments file that is not one",
      '{ "deployments": { "production": {} } }',
      ["production"],
      /has 1 problem:[\s\S]*\nNothing was read\.\n$/,
    ],
    [
      "a deployments file without deployments",
      '{ "deployments": [] }',
      ["production"],
      /^drift: the deployments file has no deployments yet/,
    ],
    ["an unknown option", '{ "deployments": [] }', ["--drift"], /^drift: options: given "--drift"; allowed: --json, --parallelism <n>,/],
    ["a parallelism that is none", '{ "deployments": [] }', ["x", "--parallelism", "0"], /^drift: --parallelism: given "0"/],
  ])("%s", async (_, text, argv, message) => {
    writeFileSync(file, text);
    const { io, out, err } = capturedIo();
    expect(await runCommand(driftCommand, argv, { DEPLOYMENTS_FILE: file }, io)).toBe(1);
    expect(out()).toBe("");
    expect(err()).toMatch(message);
    expect(err()).not.toMatch(/synthesized|\n\s+at /);
  });
});
