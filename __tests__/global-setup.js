// Gives the test run one temporary root: every temporary folder of the tests (their own, Testing.app()'s, those of
// the processes they start) goes under it, and global-teardown.js removes it, so that `npm test` leaves nothing
// behind. (The build of dist/ is build-setup.js, for the projects that run the app as a process.)
const { mkdtempSync } = require("fs");
const { tmpdir } = require("os");
const { join } = require("path");

module.exports = () => {
  // Set before jest starts its workers, which inherit it.
  process.env.TMPDIR = mkdtempSync(join(tmpdir(), "scv-test-"));
};
