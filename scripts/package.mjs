// Compiles the package others install (package.json "exports" and "files"): the construct in lib/construct/ and
// the generated bindings it is declared with, as JavaScript with .d.ts declarations, into dist/package/. Run by
// `prepare`, so `npm ci` and `npm pack` both leave a current build.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";

rmSync("dist/package", { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const run = spawnSync(process.execPath, [tsc, "-p", "tsconfig.package.json"], { stdio: "inherit" });
process.exit(run.status ?? 1);
