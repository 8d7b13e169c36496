import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "fs";
import { join } from "path";
import { outputFolderProblem, outputProblem, withOutputLock } from "../../../lib/app/stack/synth-output";
import { tempDir } from "../../support/temp-dir";

describe("outputFolderProblem", () => {
  it("makes the stacks folder, as cdktf would, and has nothing to say", () => {
    const outdir = join(tempDir("synth-output-"), "deep", "cdktf.out");
    expect(outputFolderProblem(outdir)).toBeUndefined();
    expect(outputFolderProblem(outdir)).toBeUndefined();
  });

  it("refuses an empty folder name, which would put the stacks in the project itself", () => {
    expect(outputFolderProblem("")).toBe(
      `Nothing was synthesized: the output folder "" (cdktf's --output, CDKTF_OUTDIR) is empty. Give a folder.`,
    );
  });

  const refused = (outdir: string, why: string) =>
    `Nothing was synthesized: the output folder ${JSON.stringify(outdir)} (cdktf's --output, CDKTF_OUTDIR) cannot be written: ${why}. Give a folder that can be.`;
  const linux = process.platform === "linux" ? it : it.skip;

  linux.each([
    ["/proc/x", "proc"],
    ["/sys/y/z", "sysfs"],
    ["/proc/self/fd/out", "proc"],
  ])("refuses %s at once: the kernel's files (mkdir under /proc never returned)", (outdir, fileSystem) => {
    expect(outputFolderProblem(outdir)).toBe(
      refused(
        outdir,
        `${outdir} is on ${fileSystem}, a file system of the kernel's (as /proc and /sys are), where no output folder can be made`,
      ),
    );
  });

  linux("decides by what the path is, not how it is spelt: a link to /proc is refused, /proc/self/root (a link out, to /) is not", () => {
    const dir = tempDir("synth-output-");
    symlinkSync("/proc", join(dir, "kernel"));
    const outdir = join(dir, "kernel", "out");
    expect(outputFolderProblem(outdir)).toBe(
      refused(outdir, `${outdir} is on proc, a file system of the kernel's (as /proc and /sys are), where no output folder can be made`),
    );
    expect(outputFolderProblem(join("/proc/self/root", dir, "out"))).toBeUndefined();
    expect(readdirSync(join(dir, "out"))).toEqual(["stacks"]);
  });

  it("refuses a folder in a device, by what the path is", () => {
    expect(outputFolderProblem("/dev/null/out")).toBe(
      refused("/dev/null/out", "/dev/null is a character device (such as /dev/zero or a terminal), not a folder"),
    );
  });

  // Where /dev is a file system of its own (Linux's devtmpfs, macOS's devfs): root could make folders there.
  const devices = statSync("/dev", { throwIfNoEntry: false });
  (devices && devices.dev !== statSync("/").dev ? it : it.skip)("refuses a folder among the device files, pointing to /dev/shm", () => {
    expect(outputFolderProblem("/dev/out")).toBe(
      refused(
        "/dev/out",
        "/dev/out is among the system's device files, where no output folder belongs: a RAM disk such as /dev/shm is the place for one",
      ),
    );
  });

  // Linux's standard RAM disk, a tmpfs as /dev is (/dev reports itself as one): a place like any other.
  (existsSync("/dev/shm") ? it : it.skip)("takes a folder on the RAM disk /dev/shm, for synth and its lock alike", () => {
    const shm = mkdtempSync("/dev/shm/synth-output-");
    try {
      const outdir = join(shm, "deep", "cdktf.out");
      expect(outputFolderProblem(outdir)).toBeUndefined();
      expect(readdirSync(outdir)).toEqual(["stacks"]);
      expect(withOutputLock(join(shm, "other"), () => "written")).toBe("written");
    } finally {
      rmSync(shm, { recursive: true, force: true });
    }
  });

  it("names a folder that is a file, with the system's reason", () => {
    const file = join(tempDir("synth-output-"), "cdktf.out");
    writeFileSync(file, "");
    expect(outputFolderProblem(file)).toMatch(
      /^Nothing was synthesized: the output folder ".*cdktf\.out" \(cdktf's --output, CDKTF_OUTDIR\) cannot be written: ENOTDIR: /,
    );
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
    expect(held).toBe(
      `Nothing was synthesized: another synth has been writing to ${JSON.stringify(outdir)} for 0.3 s: try again when it has finished.`,
    );
  });
});
