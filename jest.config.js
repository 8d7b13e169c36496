/**
 * Two jest projects: `unit` answers in seconds (`npx jest --selectProjects unit`, or `npm run test:unit`);
 * `integration` holds the suites that start real processes for seconds each (the cdktf CLI, the package as a
 * consumer installs it, the workflows' tools and scripts, the built app). `npx jest` runs both, `npm test` both and
 * then the end-to-end suite (jest.e2e.config.js).
 * @type {import('jest').Config}
 */
const INTEGRATION = [
  "<rootDir>/__tests__/cdktf-cli.test.ts",
  "<rootDir>/__tests__/construct/package.test.ts",
  "<rootDir>/__tests__/docs.test.ts",
  "<rootDir>/__tests__/main.test.ts",
  "<rootDir>/__tests__/scaffold-workflows.integration.test.ts",
  "<rootDir>/__tests__/workflows.test.ts",
];

/** What every project shares (jest.e2e.config.js takes it from the unit project). */
const project = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
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
};

module.exports = {
  projects: [
    { ...project, displayName: "unit", testMatch: ["**/*.test.ts"], testPathIgnorePatterns: ["/node_modules/", ...INTEGRATION] },
    { ...project, displayName: "integration", testMatch: INTEGRATION },
  ],
  // The tests that run the app as a process need dist/ built once (and every test a temporary root).
  globalSetup: "<rootDir>/__tests__/global-setup.js",
  globalTeardown: "<rootDir>/__tests__/global-teardown.js",
};
