/**
 * The provider lock file (`.terraform.lock.hcl`): which provider version a `terraform init` selects, with the
 * checksums of its packages. A team's repository commits one, beside its deployments file, written and updated by
 * the `lock` command; every synth copies it into each stack folder, so that the pull request's plan and the deploy
 * on main init from the same selection. Terraform refuses a package whose checksum the file does not list, and with
 * `-lockfile=readonly` (the workflows') any change to the selection: what is applied is what was reviewed.
 */
import { App, TerraformStack } from "cdktf";
import { copyFileSync, existsSync } from "fs";
import { join } from "path";

export const LOCK_FILE = ".terraform.lock.hcl";

/** Copies the lock file beside the deployments file, where there is one, into the folder of every stack of the app. */
export function copyLockFileToStacks(app: App, baseDir: string): void {
  const lock = join(baseDir, LOCK_FILE);
  if (!existsSync(lock)) return;
  for (const child of app.node.children) {
    if (child instanceof TerraformStack) copyFileSync(lock, join(app.outdir, "stacks", child.node.id, LOCK_FILE));
  }
}
