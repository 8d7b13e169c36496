// Builds dist/ once before the tests that run the app as cdktf does (node dist/main.js), and gives the run one
// temporary root: every temporary folder of the tests (their own, Testing.app()'s, those of the processes they
// start) goes under it, and global-teardown.js removes it, so that `npm test` leaves nothing behind.
const { spawnSync } = require("child_process");
const { mkdtempSync } = require("fs");
const { tmpdir } = require("os");
const { join } = require("path");

module.exports = () => {
  const build = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: join(__dirname, ".."), encoding: "utf8" });
  if (build.status !== 0) throw new Error(`scripts/build.mjs failed:\n${build.stderr}`);
  // Set before jest starts its workers, which inherit it.
  process.env.TMPDIR = mkdtempSync(join(tmpdir(), "scv-test-"));
};
