// cdktf.json's "app": the built app in dist/, rebuilt first when main.ts, lib/ or the generated bindings are newer
// than the build, so that `npx cdktf synth` (or diff, deploy) right after an edit synthesizes the edit, never the
// last build. `npm run ...` builds before cdktf starts, so there this only looks (a few stat calls) and runs.
const { spawnSync } = require("node:child_process");
const { readdirSync, statSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");
const modified = (file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;

/** The newest modification time of the TypeScript sources in a folder, its subfolders included. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, modified(path));
  }
  return newest;
}

const built = statSync(join(root, "dist/main.js"), { throwIfNoEntry: false })?.mtimeMs ?? -Infinity;
const sources = Math.max(
  newestSource(join(root, "lib")),
  modified(join(root, "main.ts")),
  // `npm run get` rewrites every binding; the provider's stands for them all.
  modified(join(root, ".gen/providers/genesyscloud/provider/index.ts")),
);
if (sources > built) {
  const build = spawnSync(process.execPath, [join(root, "scripts/build.mjs")], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
require(join(root, "dist/main.js"));
