/**
 * Paths where the user stands. npm runs every script in the project's folder and says where `npm run` was typed in
 * INIT_CWD: a relative path a user gives (an argument, DEPLOYMENTS_FILE) means relative to there, as in any other
 * command. The result is relative to the current folder again where it can be, so that messages stay short.
 */
import { isAbsolute, relative, resolve } from "path";

export function fromWhereTheUserStands(path: string, env: NodeJS.ProcessEnv): string {
  if (path === "" || isAbsolute(path) || !env.INIT_CWD) return path;
  const full = resolve(env.INIT_CWD, path);
  const shorter = relative(process.cwd(), full);
  return shorter === "" ? "." : shorter.startsWith("..") ? full : shorter;
}
