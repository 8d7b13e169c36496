/**
 * Two jest projects, told apart by file name: `unit` (every `*.test.ts`) answers in seconds and starts no process;
 * `integration` (every `*.integration.test.ts`) holds the suites that start real processes for seconds each (the
 * cdktf CLI, the package as a consumer installs it, the workflows' tools and scripts, the built app, Terraform,
 * mkfifo). A suite where only some tests start a process is split in two: `foo.test.ts` keeps the others.
 * `npm run test:unit` runs the unit project, `npm run test:unit -- FILE...` some of its files; `npx jest` runs both,
 * `npm test` both and then the end-to-end suite (jest.e2e.config.js).
 * @type {import('jest').Config}
 */
const INTEGRATION = "\\.integration\\.test\\.ts$";

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
    {
      ...project,
      displayName: "unit",
      testMatch: ["**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", INTEGRATION],
      // A unit test that starts a process fails, naming the rule (__tests__/unit-setup.ts).
      setupFilesAfterEnv: [...project.setupFilesAfterEnv, "<rootDir>/__tests__/unit-setup.ts"],
    },
    {
      ...project,
      displayName: "integration",
      testRegex: INTEGRATION,
      // The suites that run the app as a process need dist/ built, once per run that includes one of them.
      globalSetup: "<rootDir>/__tests__/build-setup.js",
    },
  ],
  // Every test a temporary root, removed at the end of the run.
  globalSetup: "<rootDir>/__tests__/global-setup.js",
  globalTeardown: "<rootDir>/__tests__/global-teardown.js",
};
