/**
 * zizmor (PyPI, pinned in requirements-test.txt, installed into .venv by npm test): its path, or undefined with a
 * notice when it is missing on a person's machine. Under CI (CI or GITHUB_ACTIONS set, as every CI service sets one)
 * a missing zizmor fails the suite instead: a check that CI skips would hold nothing.
 */
import { existsSync } from "fs";
import { join } from "path";

/** Whether the tests run under CI: CI set to anything but "" or "false" (GitHub Actions, .ci/run), or GITHUB_ACTIONS. */
export function underCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = (env.CI ?? "").trim().toLowerCase();
  return (ci !== "" && ci !== "false" && ci !== "0") || Boolean(env.GITHUB_ACTIONS);
}

export function zizmorOrNotice(root: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const zizmor = join(root, ".venv/bin/zizmor");
  if (existsSync(zizmor)) return zizmor;
  const notice = "zizmor SKIPPED: .venv/bin/zizmor is missing (npm test installs it from requirements-test.txt).";
  if (underCi(env)) throw new Error(notice.replace("SKIPPED", "MISSING under CI, where no check is skipped"));
  console.log(notice);
  return undefined;
}
