/** @type {import('jest').Config} The end-to-end tests: real Terraform and cdktf against the local emulator. */
const { projects, globalSetup, globalTeardown } = require("./jest.config.js");
// The integration project's settings (with its build of dist/), without the unit project's ban on processes.
const { displayName, testRegex, ...integration } = projects.find((p) => p.displayName === "integration");

module.exports = {
  projects: [{ ...integration, displayName: "e2e", testMatch: ["**/e2e/*.e2e.ts"] }],
  globalSetup,
  globalTeardown,
  // One Terraform at a time: the machine has 2 cores, and each run starts several plugin processes.
  maxWorkers: 2,
};
