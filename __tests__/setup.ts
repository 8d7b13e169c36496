// cdktf's matchers (toHaveResourceWithProperties, toHaveProviderWithProperties, ...) and their types, from the jest
// adapter alone: cdktf's Testing.setupJest() would load all of cdktf into every test file, most of which never use it.
import { setupJest } from "cdktf/lib/testing/adapters/jest";

setupJest();

// No test writes a GitHub workflow command (::error, ::warning, ... or ##[error]) to the real stdout: in CI it would
// annotate the run with a finding that is only a test's. Such a write is kept out of the log and fails the test.
const WORKFLOW_COMMAND = /^(::[\w-]+( [^\n]*)?::|##\[)/m;
const leaked: string[] = [];
const write = process.stdout.write;
process.stdout.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
  if (WORKFLOW_COMMAND.test(String(chunk))) {
    leaked.push(String(chunk));
    return true;
  }
  return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
} as typeof process.stdout.write;
afterEach(() => {
  const lines = leaked.splice(0);
  if (lines.length > 0)
    throw new Error(`the test wrote a workflow command to the real stdout, which CI would read as its own: ${JSON.stringify(lines)}`);
});
