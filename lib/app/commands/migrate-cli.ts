// `node dist/migrate.js`, what `npm run migrate` runs after the build (migrate.ts says what it does).
import { migrateCommand } from "./migrate";
import { runMain } from "../../shared/command";

runMain(migrateCommand);
