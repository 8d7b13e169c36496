import { writeFileSync } from "fs";
import { join } from "path";
import { outputFolderProblem, outputProblem, withOutputLock } from "../../lib/app/synth-output";
import { tempDir } from "../support/temp-dir";

describe("outputFolderProblem", () => {
  it("makes the stacks folder, as cdktf would, and has nothing to say", () => {
    const outdir = join(tempDir("synth-output-"), "deep", "cdktf.out");
    expect(outputFolderProblem(outdir)).toBeUndefined();
    expect(outputFolderProblem(outdir)).toBeUndefined();
  });

  it("refuses an empty folder name, which would put the stacks in the project itself", () => {
    expect(outputFolderProblem("")).toBe(`Nothing was synthesized: the output folder "" (cdktf's --output, CDKTF_OUTDIR) is empty. Give a folder.`);
  });

  it.each(["/proc/x", "/sys/y/z", "/dev/out"])("refuses %s at once: the kernel's files (mkdir under /proc never returned)", (outdir) => {
    expect(outputFolderProblem(outdir)).toBe(
      `Nothing was synthesized: the output folder ${JSON.stringify(outdir)} (cdktf's --output, CDKTF_OUTDIR) cannot be written: ${outdir} is in the kernel's /proc, /sys or /dev, where no output folder can be made. Give a folder that can be.`,
    );
  });

  it("names a folder that is a file, with the system's reason", () => {
    const file = join(tempDir("synth-output-"), "cdktf.out");
    writeFileSync(file, "");
    expect(outputFolderProblem(file)).toMatch(/^Nothing was synthesized: the output folder ".*cdktf\.out" \(cdktf's --output, CDKTF_OUTDIR\) cannot be written: ENOTDIR: /);
  });
});

describe("outputProblem", () => {
  it("keeps errors that are not the file system's (bugs keep their stack)", () => {
    expect(outputProblem(new TypeError("x is undefined"), "cdktf.out")).toBeUndefined();
    expect(outputProblem("text", "cdktf.out")).toBeUndefined();
  });
});

describe("two synths into one output folder", () => {
  it("waits for the other, then says so once if it never finishes", () => {
    const outdir = join(tempDir("synth-lock-"), "out");
    const held = withOutputLock(outdir, () => {
      try {
        withOutputLock(outdir, () => "never", 300);
        return "ran";
      } catch (e) {
        return outputProblem(e, outdir);
      }
    });
    expect(held).toBe(`Nothing was synthesized: another synth has been writing to ${JSON.stringify(outdir)} for 0.3 s: try again when it has finished.`);
  });
});
