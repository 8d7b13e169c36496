// `node dist/adopt.js`, what `npm run adopt` runs after the build (adopt.ts says what it does).
import { adoptCommand } from "./adopt";
import { runMain } from "../../shared/command";

runMain(adoptCommand);
