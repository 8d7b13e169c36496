/** `init`: the scaffold written whole, the tool pinned at its own version, nothing written over or half. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { initCommand } from "../../../lib/app/commands/init";
import { loadDeployments } from "../../../lib/app/deployments/deployments";
import { capturedIo } from "../../support/captured-io";
import { tempDir } from "../../support/temp-dir";

const own = require("../../../package.json");
const FILES = [
  ".github/workflows/deploy.yml",
  ".github/workflows/drift.yml",
  ".github/workflows/plan.yml",
  ".gitignore",
  "README.md",
  "cdktf.json",
  "deployments.json",
  "package.json",
];

describe("init", () => {
  it("writes the scaffold into a new folder; its deployments file has comments and loads", () => {
    const dir = join(tempDir("init-"), "ours");
    const { io, out, err } = capturedIo();
    expect(initCommand([dir], {}, io)).toBe(0);
    expect(err()).toBe("");
    for (const file of FILES) expect(out()).toContain(`  ${file}\n`);
    expect(FILES.filter((f) => !existsSync(join(dir, f)))).toEqual([]);
    expect(readFileSync(join(dir, "deployments.json"), "utf8")).toMatch(/^\/\/ /);
    // Empty: the scaffold's first push to main applies nothing (the deploy workflow skips an empty list).
    expect(loadDeployments(join(dir, "deployments.json"))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    expect(manifest.devDependencies).toEqual({
      "genesys-scv-oauth-client": own.version,
      cdktf: own.devDependencies.cdktf,
      "cdktf-cli": own.devDependencies["cdktf-cli"],
      constructs: own.devDependencies.constructs,
    });
  });

  it("the example deployment in its comments, uncommented, is one that loads (with the org's id filled in)", () => {
    const dir = tempDir("init-");
    initCommand([dir], {}, capturedIo().io);
    const text = readFileSync(join(dir, "deployments.json"), "utf8");
    const example = text
      .split("\n")
      .map((line) => (/^ {4}\/\/ /.test(line) ? line.replace(/^ {4}\/\/ /, "    ") : line))
      .join("\n")
      .replace("<your org's id>", "f2d8b3a1-0000-4000-8000-000000000001");
    expect(example).not.toBe(text);
    writeFileSync(join(dir, "deployments.json"), example);
    expect(loadDeployments(join(dir, "deployments.json")).map((d) => d.name)).toEqual(["production"]);
  });

  it("its workflows read deployments through the tool, never require(), and run nothing of this project's tests", () => {
    const dir = tempDir("init-");
    initCommand([dir], {}, capturedIo().io);
    for (const file of readdirSync(join(dir, ".github/workflows"))) {
      const text = readFileSync(join(dir, ".github/workflows", file), "utf8");
      expect([file, /require\("\.\/deployments|npm test|npm run test|\.\/\.github\/actions/.test(text)]).toEqual([file, false]);
      expect(text).toContain("genesys-scv-oauth-client deployments --json");
    }
  });

  it("refuses a folder that has any of its files, and writes nothing there", () => {
    const dir = tempDir("init-");
    writeFileSync(join(dir, "README.md"), "ours");
    const { io, err } = capturedIo();
    expect(initCommand([dir], {}, io)).toBe(1);
    expect(err()).toBe(`init: ${dir} already has README.md; nothing was written. Allowed: a folder without them.\n`);
    expect(readdirSync(dir)).toEqual(["README.md"]);
  });
});
