/**
 * `init` (as the CLI runs it, through the registry): the scaffold written whole, the tool pinned at its own version, a
 * script for every command, nothing pointing at a placeholder, nothing written over or half.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { COMMANDS } from "../../../lib/cli/commands";
import { shownCommands } from "../../../lib/cli/help";
import { loadDeployments } from "../../../lib/app/deployments/deployments";
import { capturedIo } from "../../support/captured-io";
import { tempDir } from "../../support/temp-dir";

const own = require("../../../package.json");
const initCommand = (argv: string[], env: NodeJS.ProcessEnv, io: ReturnType<typeof capturedIo>["io"]) => COMMANDS.init.run(argv, env, io);
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
  it("writes the scaffold into a new folder; its deployments file has comments and loads", async () => {
    const dir = join(tempDir("init-"), "ours");
    const { io, out, err } = capturedIo();
    expect(await initCommand([dir], {}, io)).toBe(0);
    expect(err()).toBe("");
    for (const file of FILES) expect(out()).toContain(`  ${file}\n`);
    expect(FILES.filter((f) => !existsSync(join(dir, f)))).toEqual([]);
    expect(readFileSync(join(dir, "deployments.json"), "utf8")).toMatch(/^\/\/ /);
    expect(loadDeployments(join(dir, "deployments.json")).map((d) => d.name)).toEqual(["production"]);
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    expect(manifest.devDependencies).toEqual({
      "genesys-scv-oauth-client": own.version,
      cdktf: own.devDependencies.cdktf,
      "cdktf-cli": own.devDependencies["cdktf-cli"],
      constructs: own.devDependencies.constructs,
    });
  });

  it("its workflows read deployments through the tool, never require(), and run nothing of this project's tests", async () => {
    const dir = tempDir("init-");
    await initCommand([dir], {}, capturedIo().io);
    for (const file of readdirSync(join(dir, ".github/workflows"))) {
      const text = readFileSync(join(dir, ".github/workflows", file), "utf8");
      expect([file, /require\("\.\/deployments|npm test|npm run test|\.\/\.github\/actions/.test(text)]).toEqual([file, false]);
      expect(text).toContain("genesys-scv-oauth-client deployments --json");
    }
  });

  it("refuses a folder that has any of its files, and writes nothing there", async () => {
    const dir = tempDir("init-");
    writeFileSync(join(dir, "README.md"), "ours");
    const { io, err } = capturedIo();
    expect(await initCommand([dir], {}, io)).toBe(1);
    expect(err()).toBe(`init: ${dir} already has README.md; nothing was written. Allowed: a folder without them.\n`);
    expect(readdirSync(dir)).toEqual(["README.md"]);
  });

  it("its package.json has a script for every command a person types (the registry's), each running the installed bin", async () => {
    const dir = tempDir("init-");
    await initCommand([dir], {}, capturedIo().io);
    const { scripts } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const commands = shownCommands(COMMANDS);
    for (const name of ["migrate", "destroy", "deployments", "plan-summary", "adopt", "lock", "help"]) expect(commands).toContain(name);
    expect(scripts).toEqual(Object.fromEntries(commands.map((name) => [name, `genesys-scv-oauth-client ${name}`])));
  });

  it("nothing it writes points at a placeholder repository, and every docs page it names is one the package ships", async () => {
    const dir = tempDir("init-");
    await initCommand([dir], {}, capturedIo().io);
    const shipped: string[] = own.files;
    const docs = readdirSync(join(__dirname, "../../../docs")).filter((f) => f.endsWith(".md"));
    for (const file of FILES) {
      const text = readFileSync(join(dir, file), "utf8");
      expect([file, text.match(/github\.com\/acme\/[^\s)]*/g)]).toEqual([file, null]);
      for (const [, page] of text.matchAll(/docs\/([\w-]+\.md)/g)) expect([file, page, docs.includes(page)]).toEqual([file, page, true]);
      // `help <topic>` prints the page unless a command has that name (deployments): then only help docs/<topic>.md does.
      for (const [, path, topic] of text.matchAll(/genesys-scv-oauth-client help (docs\/)?([\w-]+)/g))
        expect([file, topic, docs.includes(`${topic}.md`) && (path !== undefined || !Object.hasOwn(COMMANDS, topic))]).toEqual([
          file,
          topic,
          true,
        ]);
    }
    expect(shipped).toContain("docs/*.md");
  });
});
