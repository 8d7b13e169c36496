// Writes deployments.schema.json, for editors, from the deployments file's one declaration (lib/app/deployments-schema.ts,
// TypeBox: the declaration is JSON Schema). A test fails when the committed file is not what this script writes.
import { build } from "esbuild";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const { outputFiles } = await build({
  entryPoints: ["lib/app/deployments-schema.ts"],
  bundle: true,
  platform: "node",
  format: "cjs",
  write: false,
  logLevel: "warning",
});
const module = { exports: {} };
new Function("module", "exports", "require", outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
writeFileSync("deployments.schema.json", `${JSON.stringify(module.exports.deploymentsSchema, null, 2)}\n`);
