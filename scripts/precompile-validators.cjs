// The validators of every schema the app declares (lib/shared/json-input.ts, schemaChecker), as one module of Ajv's
// standalone code (https://ajv.js.org/standalone.html): the build bundles it in place of
// lib/shared/precompiled-validators.ts, so that no command compiles a schema at start-up. The schemas are read from
// the app's own modules (bundled and loaded here, as write-schema.mjs loads the deployments schema), with the same
// Ajv options the run-time compile uses (ajvOptions), so the two cannot differ.
// Loading the app's modules is most of the cost (~0.7 s); with a `cache` file, the module is made again only when the
// app's code (the bundle loaded) or the locked packages differ from the last time it was made.
const { build } = require("esbuild");
const { createHash } = require("node:crypto");
const { readFileSync, writeFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { join } = require("node:path");

/**
 * The module's source: `exports.precompiled[name]` is the validator of the schema declared under that name; its first
 * line is the key of what it was made from. `cache`: a file to reuse it from, and to keep it in.
 */
async function precompiledValidators(root = process.cwd(), { cache } = {}) {
  const { outputFiles } = await build({
    stdin: {
      // main.ts loads every command, and with them every module that declares a schema.
      contents: 'import "./lib/cli/main"; export { ajvOptions, declaredSchemas } from "./lib/shared/json-input";',
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "cjs",
    // The packages are loaded from node_modules as they are: bundling them too would take longer than loading them.
    packages: "external",
    write: false,
    logLevel: "warning",
  });
  const key = createHash("sha256")
    .update(outputFiles[0].text)
    .update(readIfAny(join(root, "package-lock.json")) ?? "no lockfile")
    .digest("hex");
  const head = `// precompiled validators of ${key}\n`;
  const cached = cache && readIfAny(cache);
  if (cached?.startsWith(head)) return cached;
  const fromRoot = createRequire(join(root, "package.json"));
  const loaded = { exports: {} };
  new Function("module", "exports", "require", outputFiles[0].text)(loaded, loaded.exports, fromRoot);
  const { ajvOptions, declaredSchemas } = loaded.exports;
  const { default: Ajv } = fromRoot("ajv");
  const { default: standaloneCode } = fromRoot("ajv/dist/standalone");
  const parts = [...declaredSchemas()].map(([name, { schema, annotations }]) => {
    const ajv = new Ajv({ ...ajvOptions(annotations), code: { source: true } });
    const code = standaloneCode(ajv, ajv.compile(schema));
    return `exports.precompiled[${JSON.stringify(name)}] = (() => {\nconst module = { exports: {} };\n${code}\nreturn module.exports;\n})();`;
  });
  const source = `${head}"use strict";\nexports.precompiled = {};\n${parts.join("\n")}\n`;
  if (cache) {
    try {
      writeFileSync(cache, source);
    } catch {
      // a checkout that cannot be written (read-only): made each time, as if there were no cache
    }
  }
  return source;
}

function readIfAny(file) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

module.exports = { precompiledValidators };
