// Writes what the deployments file's one declaration (lib/app/deployments/schema.ts, TypeBox: the declaration is JSON
// Schema) says to people: deployments.schema.json, for editors, and the key reference in docs/deployments.md
// (scripts/key-reference.ts). Tests fail when either committed file is not what this script writes.
import { build } from "esbuild";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const { outputFiles } = await build({
  stdin: {
    contents:
      'export { deploymentsSchema } from "./lib/app/deployments/schema"; export { withKeyReference } from "./scripts/key-reference";',
    resolveDir: ".",
    loader: "ts",
  },
  bundle: true,
  platform: "node",
  format: "cjs",
  external: ["cdktf", "constructs"],
  write: false,
  logLevel: "warning",
});
const module = { exports: {} };
new Function("module", "exports", "require", outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
const { deploymentsSchema, withKeyReference } = module.exports;
writeFileSync("deployments.schema.json", `${JSON.stringify(deploymentsSchema, null, 2)}\n`);
const doc = "docs/deployments.md";
writeFileSync(doc, withKeyReference(readFileSync(doc, "utf8")));
