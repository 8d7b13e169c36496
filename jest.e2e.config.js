/** @type {import('jest').Config} The end-to-end tests: real Terraform and cdktf against the local emulator. */
const { projects, globalSetup, globalTeardown } = require("./jest.config.js");
const { displayName, testMatch, testPathIgnorePatterns, ...project } = projects[0];

module.exports = {
  ...project,
  globalSetup,
  globalTeardown,
  testMatch: ["**/e2e/*.e2e.ts"],
  // One Terraform at a time: the machine has 2 cores, and each run starts several plugin processes.
  maxWorkers: 2,
};
