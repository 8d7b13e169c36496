/**
 * Where synth writes: an output folder that can be made, and in each stack folder one form only, `cdk.tf.json` from
 * `synth` or `cdk.tf` from `synth --hcl`. cdktf writes one and leaves the other from an earlier run, and Terraform
 * would then load both and fail on every definition twice; so the form not written this time is removed.
 */
import { App, TerraformStack } from "cdktf";
import { mkdirSync, rmSync } from "fs";
import { join, resolve } from "path";
import { lockSync } from "proper-lockfile";

export const STACK_FILES = { json: "cdk.tf.json", hcl: "cdk.tf" } as const;

/** Removes, from the folder of every stack of the app, the configuration file of the form not synthesized. */
export function removeOtherForm(app: App): void {
  const stale = app.hclOutput ? STACK_FILES.json : STACK_FILES.hcl;
  for (const child of app.node.children) {
    if (child instanceof TerraformStack) rmSync(join(app.outdir, "stacks", child.node.id, stale), { force: true });
  }
}

/**
 * /proc, /sys and /dev hold the kernel's files, not folders to write to; Node's recursive mkdir never returns under
 * /proc (it loops, and ignores SIGTERM). Refused as a file system error would be, before anything is made.
 */
function refuseKernelFolder(outdir: string): void {
  if (/^\/(proc|sys|dev)(\/|$)/.test(resolve(outdir))) {
    throw Object.assign(new Error(`${resolve(outdir)} is in the kernel's /proc, /sys or /dev, where no output folder can be made`), {
      code: "EINVAL",
      syscall: "mkdir",
    });
  }
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

/** Makes the folder synth writes stacks to, as cdktf would; a message when that cannot be done. */
export function outputFolderProblem(outdir: string): string | undefined {
  // An empty --output would put the stacks in the project itself.
  if (outdir.trim() === "")
    return `Nothing was synthesized: the output folder ${JSON.stringify(outdir)} (cdktf's --output, CDKTF_OUTDIR) is empty. Give a folder.`;
  try {
    refuseKernelFolder(outdir);
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
