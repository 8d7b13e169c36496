// npm run test:unit and test:integration: one jest project (jest.config.js), with whatever follows `--` (files, -t,
// --watch): `npm run test:unit -- __tests__/app/deployments.test.ts` runs that file alone. Not `jest --selectProjects
// unit` in package.json: that option takes a list, and would take the file for the name of a second project.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [project, ...args] = process.argv.slice(2);
const jest = createRequire(import.meta.url).resolve("jest/bin/jest");
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const run = spawnSync(process.execPath, [jest, ...args, "--selectProjects", project], { stdio: "inherit", cwd: root });
process.exit(run.status ?? 1);
