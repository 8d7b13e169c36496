/**
 * docs/api/, the construct's API reference, is what TypeDoc (typedoc.json, pinned in package.json) generates from the
 * public entry's doc comments: generated again here, it must equal the committed one (`npm run docs:api` refreshes it).
 */
import { spawnSync } from "child_process";
import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";
import { tempDir } from "./support/temp-dir";

const root = join(__dirname, "..");

function files(dir: string): Record<string, string> {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((e) => (statSync(join(d, e)).isDirectory() ? walk(join(d, e)) : [join(d, e)]));
  return Object.fromEntries(walk(dir).map((f) => [relative(dir, f), readFileSync(f, "utf8")]));
}

jest.setTimeout(60_000);

it("docs/api is what TypeDoc makes of lib/construct/index.ts now", () => {
  const out = join(tempDir("typedoc-"), "api");
  const run = spawnSync(process.execPath, [join(root, "node_modules/typedoc/bin/typedoc"), "--out", out, "--logLevel", "Error"], {
    cwd: root,
    encoding: "utf8",
  });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const generated = files(out);
  expect(Object.keys(generated)).toContain("classes/ServiceCloudVoiceOAuthClient.md");
  expect(files(join(root, "docs/api"))).toEqual(generated);
});
