// `node dist/check.js [deployments file]`, what `npm run check` runs after the build (check.ts says what it does).
import { checkCommand } from "./check";
import { runMain } from "../../shared/command";

runMain(checkCommand);
