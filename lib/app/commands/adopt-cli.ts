// `node dist/adopt.js`, what `npm run adopt` runs after the build (lib/app/commands/adopt.ts says what it does). An entry of
// its own: adopt.ts is also bundled into the runner (the deploy guard uses it), where a main block would run too.
import { adoptCommand } from "./adopt";

adoptCommand(process.argv.slice(2), process.env, { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) }).then(
  (code) => (process.exitCode = code),
);
