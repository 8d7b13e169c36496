/**
 * `init` (as the CLI runs it, through the registry): the scaffold written whole, the tool pinned at its own version, a
 * script for every command, nothing pointing at a placeholder, nothing written over or half.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "fs";
import { join } from "path";
import { COMMANDS } from "../../../lib/cli/commands";
import { runCommand } from "../../../lib/shared/command-declaration";
import { shownCommands } from "../../../lib/cli/help";
import { loadDeployments } from "../../../lib/app/deployments/deployments";
import { capturedIo } from "../../support/captured-io";
import { tempDir } from "../../support/temp-dir";

const own = require("../../../package.json");
const initCommand = (argv: string[], env: NodeJS.ProcessEnv, io: ReturnType<typeof capturedIo>["io"]) =>
  runCommand(COMMANDS.init, argv, env, io);
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
    // Empty: the scaffold's first push to main applies nothing (the deploy workflow skips an empty list).
    expect(loadDeployments(join(dir, "deployments.json")).deployments).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    expect(manifest.devDependencies).toEqual({
      "genesys-scv-oauth-client": own.version,
      cdktf: own.devDependencies.cdktf,
      "cdktf-cli": own.devDependencies["cdktf-cli"],
      constructs: own.devDependencies.constructs,
    });
  });

  it.each(["", " "])("an empty folder argument (%j) is refused, not taken for the current folder", async (given) => {
    const { io, err } = capturedIo();
    expect(await initCommand([given], {}, io)).toBe(1);
    expect(err()).toBe(`init: <folder>: given ${JSON.stringify(given)}; allowed: a folder's path (. for the current folder), or none\n`);
  });

  it("the example deployment in its comments, uncommented, is one that loads (with the org's id filled in)", async () => {
    const dir = tempDir("init-");
    await initCommand([dir], {}, capturedIo().io);
    const text = readFileSync(join(dir, "deployments.json"), "utf8");
    const example = text
      .split("\n")
      .map((line) => (/^ {4}\/\/ /.test(line) ? line.replace(/^ {4}\/\/ /, "    ") : line))
      .join("\n")
      .replace("<your org's id>", "f2d8b3a1-0000-4000-8000-000000000001");
    expect(example).not.toBe(text);
    writeFileSync(join(dir, "deployments.json"), example);
    expect(loadDeployments(join(dir, "deployments.json")).deployments.map((d) => d.name)).toEqual(["production"]);
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
    expect(err()).toBe(`init: ${dir} already has README.md (a file); nothing was written. Allowed: a folder without them.\n`);
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

/** What a folder holds, every entry (links not followed), for comparing before and after a refusal. */
function tree(dir: string, under = ""): string[] {
  return readdirSync(join(dir, under), { withFileTypes: true }).flatMap((e) => {
    const path = under ? `${under}/${e.name}` : e.name;
    return e.isDirectory() ? [`${path}/`, ...tree(dir, path)] : [path];
  });
}

describe("init: any refusal, at any file, names the file and what it is, and leaves the target as it was", () => {
  it("a dangling link at one of its files is named, with where it points; nothing is made", () => {
    const dir = tempDir("init-");
    symlinkSync(join(dir, "nowhere.json"), join(dir, "deployments.json"));
    const { io, err } = capturedIo();
    expect(initCommand([dir], {}, io)).toBe(1);
    expect(err()).toBe(
      `init: ${dir} already has deployments.json (a symbolic link to ${JSON.stringify(join(dir, "nowhere.json"))}, which points to nothing); ` +
        "nothing was written. Allowed: a folder without them.\n",
    );
    expect(tree(dir)).toEqual(["deployments.json"]);
  });

  it("a file or a dangling link where one of its folders goes is named; no empty folder is left", () => {
    const dir = tempDir("init-");
    mkdirSync(join(dir, ".github"));
    symlinkSync(join(dir, "gone"), join(dir, ".github", "workflows"));
    const { io, err } = capturedIo();
    expect(initCommand([dir], {}, io)).toBe(1);
    expect(err()).toMatch(/already has \.github\/workflows \(a symbolic link to ".*gone", which points to nothing\); nothing was written/);
    expect(tree(dir)).toEqual([".github/", ".github/workflows"]);
  });

  it("the folder itself a dangling link: named, with where it points", () => {
    const base = tempDir("init-");
    symlinkSync(join(base, "gone"), join(base, "repo"));
    const { io, err } = capturedIo();
    expect(initCommand([join(base, "repo")], {}, io)).toBe(1);
    expect(err()).toMatch(/^init: .*repo is a symbolic link to ".*gone", which points to nothing, not a folder; nothing was written/);
    expect(tree(base)).toEqual(["repo"]);
  });

  it("a write that fails midway removes what it wrote and every folder it made, the target folder included", () => {
    // A target whose path leaves room for its folders but not for the workflows' files (PATH_MAX, 4096 on Linux):
    // the folders are made, then a write fails, whoever runs it.
    const base = tempDir("init-");
    let repo = base;
    while (repo.length + "/.github/workflows".length + 200 < 4095) repo = join(repo, "d".repeat(199));
    repo = join(repo, "r".repeat(4095 - "/.github/workflows".length - repo.length - 1));
    expect(`${repo}/.github/workflows`.length).toBe(4095);
    const { io, err } = capturedIo();
    expect(initCommand([repo], {}, io)).toBe(1);
    expect(err()).toMatch(
      /^init: could not write in .* at .*\/\.github\/workflows\/\w+\.yml \(ENAMETOOLONG\); nothing was left written\n$/,
    );
    expect(tree(base)).toEqual([]);
  });
});
