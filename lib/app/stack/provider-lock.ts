/**
 * The provider lock file (`.terraform.lock.hcl`): which provider version a `terraform init` selects, with the
 * checksums of its packages. A team's repository commits one, beside its deployments file, written and updated by
 * the `lock` command; every synth copies it into each stack folder, so that the pull request's plan and the deploy
 * on main init from the same selection. Terraform refuses a package whose checksum the file does not list, and with
 * `-lockfile=readonly` (the workflows') any change to the selection: what is applied is what was reviewed.
 * It is opened as every file beside the deployments file is (json-input.ts besideFileProblem): a folder, a FIFO, a
 * device, a socket or a symbolic link out of the deployments file's folder is one message naming it.
 */
import { App, TerraformStack } from "cdktf";
import { join } from "path";
import writeFileAtomic from "write-file-atomic";
import { besideFileProblem, readFileBeside } from "../../shared/json-input";

export const LOCK_FILE = ".terraform.lock.hcl";

/** What the lock file should be, in messages. */
export const LOCK_FILE_ALLOWED = "the provider lock file the lock command writes";

/** The lock file's path beside the deployments file in `baseDir`. */
export function lockFilePath(baseDir: string): string {
  return join(baseDir, LOCK_FILE);
}

/** Why the lock file beside the deployments file cannot be used, as one InputError; undefined when it can (or is absent). */
export function lockFileProblem(baseDir: string) {
  return besideFileProblem(lockFilePath(baseDir), LOCK_FILE_ALLOWED, baseDir);
}

/** The lock file's text, undefined when there is none; an InputError naming it when it cannot be used. */
export function readLockFile(baseDir: string): string | undefined {
  return readFileBeside(lockFilePath(baseDir), LOCK_FILE_ALLOWED, baseDir);
}

/**
 * Writes the lock file's text (read before synth: readLockFile) into the folder of every stack of the app; each copy
 * whole (a temporary file renamed), so that whatever an earlier run left there, a FIFO included, is replaced, never opened.
 */
export function copyLockFileToStacks(app: App, text: string | undefined): void {
  if (text === undefined) return;
  for (const child of app.node.children) {
    if (child instanceof TerraformStack) writeFileAtomic.sync(join(app.outdir, "stacks", child.node.id, LOCK_FILE), text);
  }
}
