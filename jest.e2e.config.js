/** @type {import('jest').Config} The end-to-end tests: real Terraform and cdktf against the local emulator. */
module.exports = {
  ...require("./jest.config.js"),
  testMatch: ["**/e2e/*.e2e.ts"],
  // One Terraform at a time: the machine has 2 cores, and each run starts several plugin processes.
  maxWorkers: 2,
};
