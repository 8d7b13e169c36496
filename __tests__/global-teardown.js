// Removes the test run's temporary root (global-setup.js).
const { rmSync } = require("fs");

module.exports = () => {
  if (process.env.TMPDIR?.includes("scv-test-")) rmSync(process.env.TMPDIR, { recursive: true, force: true });
};
