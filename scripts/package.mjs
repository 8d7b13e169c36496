// Compiles the package others install (package.json "exports" and "files"): the construct in lib/construct/ and
// the generated bindings it is declared with, as JavaScript with .d.ts declarations, into dist/package/. Run by
// `prepare`, so `npm ci` and `npm pack` both leave a current build.
// Then the same build for CDK Terrain apps (the "./cdktn" export, docs/cdk-terrain.md) in dist/package/cdktn/: cdktn is
// cdktf's API under another name (`cdktn get` writes these bindings with `cdktn` for `cdktf` and nothing else but
// texts changed), so each module name "cdktf" (or "cdktf/…") that the compiled files and declarations load becomes
// "cdktn", and nothing else is touched. A cdktn app then loads the one cdktn it has: the construct's resources are its
// classes (the construct's HCL export Aspect tells them apart with instanceof, which two flavours' copies would fail).
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";

rmSync("dist/package", { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const run = spawnSync(process.execPath, [tsc, "-p", "tsconfig.package.json"], { stdio: "inherit" });
if (run.status !== 0) process.exit(run.status ?? 1);

const files = (dir) => readdirSync(dir).flatMap((e) => (statSync(join(dir, e)).isDirectory() ? files(join(dir, e)) : [join(dir, e)]));
// require("cdktf"), from "cdktf", import("cdktf"), with either quote, and their subpaths.
const CDKTF_MODULE = /(\brequire\(|\bfrom |\bimport\()(["'])cdktf(\/[^"']*)?\2/g;
const built = files("dist/package");
for (const file of built) {
  const target = join("dist/package/cdktn", relative("dist/package", file));
  const text = readFileSync(file, "utf8").replace(CDKTF_MODULE, (_, before, quote, sub = "") => `${before}${quote}cdktn${sub}${quote}`);
  if (/["']cdktf(\/[^"']*)?["']/.test(text.replace(/^\s*(\/\/|\/?\*).*$/gm, ""))) {
    console.error(`${target}: a use of "cdktf" that is not a module name this build knows: see scripts/package.mjs`);
    process.exit(1);
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
}
