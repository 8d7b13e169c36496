/**
 * The unit project's setup (jest.config.js). It starts no process: a test that does (the built app, Terraform, mkfifo,
 * a CLI) belongs in a `*.integration.test.ts` suite. Every way of starting one fails here, naming the rule, also when
 * the process would be started by the code under test.
 */
function refuse(name: string) {
  return () => {
    throw new Error(
      `child_process.${name}: a unit test starts no process; move this test to a *.integration.test.ts suite (jest.config.js)`,
    );
  };
}

const STARTS_A_PROCESS = ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"] as const;

for (const module of ["child_process", "node:child_process"]) {
  jest.mock(module, () => {
    const real = jest.requireActual<typeof import("child_process")>("child_process");
    return { ...real, ...Object.fromEntries(STARTS_A_PROCESS.map((name) => [name, refuse(name)])) };
  });
}

// cdktf records where each of its tokens was made, a whole stack trace formatted through jest's source maps (about 7%
// of this project's time); as in the app (main.ts), it records nothing here: only the message of a token that fails
// to resolve would show it.
Object.assign(jest.requireActual<object>("cdktf/lib/tokens/private/stack-trace"), { captureStackTrace: (): string[] => [] });
