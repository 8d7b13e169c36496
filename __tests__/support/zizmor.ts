/**
 * zizmor (PyPI, pinned in requirements-test.txt, installed into .venv by npm test): its path, or undefined with a
 * notice when it is missing; in GitHub Actions a missing zizmor fails the suite instead.
 */
import { existsSync } from "fs";
import { join } from "path";

export function zizmorOrNotice(root: string): string | undefined {
  const zizmor = join(root, ".venv/bin/zizmor");
  if (existsSync(zizmor)) return zizmor;
  const notice = "zizmor SKIPPED: .venv/bin/zizmor is missing (npm test installs it from requirements-test.txt).";
  if (process.env.GITHUB_ACTIONS) throw new Error(notice);
  console.log(notice);
  return undefined;
}
