/**
 * Where synth writes: an output folder that can be made, and in each stack folder one form only, `cdk.tf.json` from
 * `synth` or `cdk.tf` from `synth --hcl`. cdktf writes one and leaves the other from an earlier run, and Terraform
 * would then load both and fail on every definition twice; so the form not written this time is removed.
 */
import { App, TerraformStack } from "cdktf";
import { mkdirSync, rmSync, Stats, statfsSync, statSync } from "fs";
import { dirname, join, resolve } from "path";
import { lockSync } from "proper-lockfile";
import { besideFileProblem, fileKind } from "../../shared/json-input";
import { LOCK_FILE } from "./provider-lock";

export const STACK_FILES = { json: "cdk.tf.json", hcl: "cdk.tf" } as const;

/** Removes, from the folder of every stack of the app, the configuration file of the form not synthesized. */
export function removeOtherForm(app: App): void {
  const stale = app.hclOutput ? STACK_FILES.json : STACK_FILES.hcl;
  for (const child of app.node.children) {
    if (child instanceof TerraformStack) rmSync(join(app.outdir, "stacks", child.node.id, stale), { force: true });
  }
}

/**
 * Linux's file systems of the kernel (statfs types): their files are the kernel's, not folders to write output to, and
 * Node's recursive mkdir never returns under /proc (it loops, and ignores SIGTERM). A tmpfs, such as /dev/shm, the
 * standard RAM disk, is not one of them: it holds folders as a disk does.
 */
const KERNEL_FILE_SYSTEMS = new Map<number, string>([
  [0x9fa0, "proc"],
  [0x62656572, "sysfs"],
  [0x27e0eb, "cgroup"],
  [0x63677270, "cgroup2"],
  [0x1cd1, "devpts"],
  [0x19800202, "mqueue"],
  [0x64626720, "debugfs"],
  [0x74726163, "tracefs"],
  [0x73636673, "securityfs"],
  [0xcafe4a11, "bpf"],
  [0x6165676c, "pstore"],
  [0x62656570, "configfs"],
  [0xde5e81e4, "efivarfs"],
  [0x42494e4d, "binfmt_misc"],
  [0x65735543, "fusectl"],
  [0xf97cff8c, "selinuxfs"],
  [0x6e736673, "nsfs"],
]);

/**
 * Why no output folder can be made at `outdir`, decided by what the nearest existing part of its path is, before
 * anything is made: a device, FIFO or socket (`/dev/null/out`); a folder on a file system of the kernel's (/proc,
 * /sys, ...); or a folder among the system's device files (/dev, which Linux's devtmpfs serves: root may make folders
 * there, but they would sit among the devices). A RAM disk, /dev/shm or another tmpfs mount, is a place like any other.
 * Undefined for anything else: a file in the way or a missing permission is for mkdir to say.
 */
function kernelFolderProblem(outdir: string): string | undefined {
  const full = resolve(outdir);
  let existing = full;
  let stats: Stats | undefined;
  for (;;) {
    try {
      stats = statSync(existing);
      break;
    } catch (e) {
      const parent = dirname(existing);
      if (!["ENOENT", "ENOTDIR"].includes((e as NodeJS.ErrnoException).code ?? "") || parent === existing) return undefined;
      existing = parent;
    }
  }
  if (!stats.isDirectory()) return stats.isFile() ? undefined : `${existing} is ${fileKind(stats)}, not a folder`;
  if (process.platform === "linux") {
    const kernel = KERNEL_FILE_SYSTEMS.get(statfsSync(existing).type);
    if (kernel) return `${full} is on ${kernel}, a file system of the kernel's (as /proc and /sys are), where no output folder can be made`;
  }
  if (stats.dev === deviceFilesDevice() && !/^\/dev\/shm(\/|$)/.test(full)) {
    return `${full} is among the system's device files, where no output folder belongs: a RAM disk such as /dev/shm is the place for one`;
  }
  return undefined;
}

/** The file system of the device files (that of /dev/null) where it is one of its own, as /dev is on Linux and macOS. */
function deviceFilesDevice(): number | undefined {
  try {
    const devices = statSync("/dev/null").dev;
    return devices === statSync("/").dev ? undefined : devices;
  } catch {
    return undefined;
  }
}

/** Refused as a file system error would be, before anything is made. */
function refuseKernelFolder(outdir: string): void {
  const problem = kernelFolderProblem(outdir);
  if (problem) throw Object.assign(new Error(problem), { code: "EINVAL", syscall: "mkdir" });
}

/** How long a synth waits for another one writing to the same output folder. */
export const OUTPUT_LOCK_WAIT_MS = 60_000;

/**
 * Runs `write` while holding the output folder's lock (proper-lockfile: a lock folder beside `stacks`, stale after
 * 10 s without its holder), so that two synths into one folder take turns: each leaves its own form whole, never a
 * stack folder without either file. Waits up to `waitMs` for another synth, then says so.
 */
export function withOutputLock<T>(outdir: string, write: () => T, waitMs = OUTPUT_LOCK_WAIT_MS): T {
  const stacks = join(outdir, "stacks");
  refuseKernelFolder(outdir);
  mkdirSync(outdir, { recursive: true });
  const until = Date.now() + waitMs;
  let release: () => void;
  for (;;) {
    try {
      release = lockSync(stacks, { realpath: false, stale: 10_000 });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ELOCKED") throw e;
      if (Date.now() > until) {
        throw Object.assign(
          new Error(`another synth has been writing to ${JSON.stringify(outdir)} for ${waitMs / 1000} s: try again when it has finished`),
          { code: "ELOCKED", syscall: "lock" },
        );
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    return write();
  } finally {
    release();
  }
}

/**
 * The files synth writes in the output folder (manifest.json; in each stack's folder its two forms and the lock file's
 * copy) where one is there already as something else than a regular file in the folder: cdktf would open a FIFO and
 * wait forever, write through a link to wherever it points, or fail on a folder with a stack trace. One message naming
 * the first such file; undefined when there is none.
 */
function outputFilesProblem(outdir: string, stacks: readonly string[]): string | undefined {
  const files = [
    join(outdir, "manifest.json"),
    ...stacks.flatMap((name) => [STACK_FILES.json, STACK_FILES.hcl, LOCK_FILE].map((file) => join(outdir, "stacks", name, file))),
  ];
  for (const file of files) {
    const problem = besideFileProblem(file, "a file synth writes (remove it: synth writes it again)", outdir);
    if (problem) return `${problem.message}\nNothing was synthesized.`;
  }
  return undefined;
}

/**
 * Makes the folder synth writes stacks to, as cdktf would; a message when that cannot be done, or when a file synth
 * writes there (of the `stacks` named) is in the way as something else than a regular file.
 */
export function outputFolderProblem(outdir: string, stacks: readonly string[] = []): string | undefined {
  // An empty --output would put the stacks in the project itself.
  if (outdir.trim() === "")
    return `Nothing was synthesized: the output folder ${JSON.stringify(outdir)} (cdktf's --output, CDKTF_OUTDIR) is empty. Give a folder.`;
  try {
    refuseKernelFolder(outdir);
    const files = outputFilesProblem(outdir, stacks);
    if (files) return files;
    mkdirSync(join(outdir, "stacks"), { recursive: true });
    return undefined;
  } catch (e) {
    const problem = outputProblem(e, outdir);
    if (problem) return problem;
    throw e;
  }
}

/**
 * A file system error while writing the synthesized output (an --output that is a file, or a folder that cannot be
 * made) as one message naming the folder; undefined for any other error, which is a bug and keeps its stack.
 */
export function outputProblem(error: unknown, outdir: string): string | undefined {
  // Not `instanceof Error`: an error of Node's own may come from another realm (a VM context, as under jest).
  const e = error as NodeJS.ErrnoException;
  if (typeof error !== "object" || error === null || typeof e.code !== "string" || typeof e.syscall !== "string") return undefined;
  if (e.code === "ELOCKED") return `Nothing was synthesized: ${e.message}.`;
  return `Nothing was synthesized: the output folder ${JSON.stringify(outdir)} (cdktf's --output, CDKTF_OUTDIR) cannot be written: ${e.message}. Give a folder that can be.`;
}
