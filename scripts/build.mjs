// Compiles the app (main.ts, lib/ and the generated bindings in .gen/) to dist/ with esbuild, in ~0.1 s:
// main.js, what cdktf.json's "app" runs; preflight.js for scripts/cdktf.mjs; plan-summary.js and check.js.
import { build } from "esbuild";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const { outputFiles } = await build({
  entryPoints: {
    main: "main.ts",
    preflight: "lib/preflight.ts",
    "plan-summary": "lib/plan-summary/cli.ts",
    check: "lib/check.ts",
  },
  outdir: "dist",
  bundle: true,
  // cdktf and constructs stay shared with any other construct library; ajv is bundled, which halves its load time.
  external: ["cdktf", "constructs"],
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  logLevel: "warning",
  write: false,
});
// Each file replaced in one rename, so that an app already running (another synth, a test) never reads half a file.
for (const file of outputFiles) {
  mkdirSync(dirname(file.path), { recursive: true });
  const temporary = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temporary, file.contents);
  renameSync(temporary, file.path);
}
