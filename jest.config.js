/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  // Type checking is `tsc` in `npm test`; with isolatedModules in tsconfig, ts-jest only transpiles.
  transform: {
    "^.+\\.ts$": "ts-jest",
    // GitHub's expression evaluator ships ES modules only: ts-jest turns them into CommonJS for jest.
    "/node_modules/@actions/expressions/.+\\.js$": ["ts-jest", { tsconfig: { allowJs: true } }],
  },
  transformIgnorePatterns: ["/node_modules/(?!@actions/expressions/)"],
  // Its package.json has ES module exports only, which jest's resolver (require conditions) does not read.
  moduleNameMapper: {
    "^@actions/expressions$": "<rootDir>/node_modules/@actions/expressions/dist/index.js",
    "^@actions/expressions/(.+)$": "<rootDir>/node_modules/@actions/expressions/dist/$1.js",
  },
  setupFilesAfterEnv: ["<rootDir>/__tests__/setup.ts"],
  // The tests that run the app as a process need dist/ built once.
  globalSetup: "<rootDir>/__tests__/global-setup.js",
  globalTeardown: "<rootDir>/__tests__/global-teardown.js",
};
