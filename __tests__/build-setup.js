// Builds dist/ once before the tests that run the bin as users and cdktf do (node dist/cli/genesys-scv-oauth-client.js): the global setup of the
// integration and end-to-end projects only, so that a unit run starts no process.
const { spawnSync } = require("child_process");
const { join } = require("path");

module.exports = () => {
  const build = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: join(__dirname, ".."), encoding: "utf8" });
  if (build.status !== 0) throw new Error(`scripts/build.mjs failed:\n${build.stderr}`);
};
