/**
 * `init [folder]`: scaffolds a team's own config repository in a folder (default: the current one): the
 * deployments file with comments that explain it, a package.json that pins this tool at the version that ran init
 * (and cdktf, constructs and cdktf-cli at the versions it was built with), cdktf.json, thin workflows for plan
 * review, deploy and drift that call the tool, a readme for the team, and .gitignore. The templates are the
 * package's `templates/config-repository/`. Nothing is overwritten: when any of the files exists, nothing is written.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmdirSync, rmSync, Stats, statSync, writeFileSync } from "fs";
import { dirname, join, relative } from "path";
import { CommandIo } from "../../shared/command";
import { declareCommand } from "../../shared/command-declaration";
import { fromWhereTheUserStands } from "../../shared/paths";
import { ownPackage, PACKAGE_NAME } from "../../shared/own-package";
import { showHiddenCharacters } from "../../shared/plain-text";
import { fileKind } from "../../shared/json-input";
import { typed } from "../../shared/typed-command";

/** What is at a path, without following a symbolic link: undefined when nothing is there. */
function entryAt(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (e) {
    if (["ENOENT", "ENOTDIR"].includes((e as NodeJS.ErrnoException).code ?? "")) return undefined;
    throw e;
  }
}

/** What an entry is, in words: a file, a folder, a symbolic link (to what, and whether that exists), a FIFO, ... */
function describeEntry(path: string, stats: Stats): string {
  if (stats.isSymbolicLink()) {
    let target = "";
    try {
      target = ` to ${JSON.stringify(readlinkSync(path))}`;
    } catch {
      // Described without its target.
    }
    return exists(path) ? `a symbolic link${target}` : `a symbolic link${target}, which points to nothing`;
  }
  if (stats.isFile()) return "a file";
  if (stats.isDirectory()) return "a folder";
  return fileKind(stats);
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The scaffold's paths that something is in the way of, each with what is there: the file itself (anything at all: a
 * file, a folder, a link, a link to nothing, a FIFO), or a folder on its way that is not a real folder (a file, a link).
 */
function inTheWay(folder: string, names: readonly string[]): string[] {
  const found = new Map<string, string>();
  for (const name of names) {
    const parts = name.split("/");
    for (let i = 1; i <= parts.length; i++) {
      const sub = parts.slice(0, i).join("/");
      const stats = entryAt(join(folder, sub));
      if (!stats) break;
      if (i === parts.length || !stats.isDirectory()) {
        found.set(sub, `${sub} (${describeEntry(join(folder, sub), stats)})`);
        break;
      }
    }
  }
  return [...found.values()];
}

/** npm pack leaves out files named .gitignore: the template is `gitignore`. */
const RENAMED: Readonly<Record<string, string>> = { gitignore: ".gitignore" };

/**
 * The scaffold's files, by their path in the new repository. `scripts` are its package.json's, one per command a person
 * types (the CLI's registry derives them: lib/cli/commands.ts scaffoldScripts).
 */
export function scaffoldFiles(templates: string, scripts: Readonly<Record<string, string>>, pkg = ownPackage()): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const name = relative(templates, path);
        files.set(RENAMED[name] ?? name, readFileSync(path, "utf8"));
      }
    }
  };
  walk(templates);
  const pinned = (name: string) => pkg.devDependencies[name] ?? pkg.peerDependencies[name];
  const manifest = {
    name: "genesys-scv-oauth-clients",
    private: true,
    description: "Our Genesys Cloud OAuth clients for Salesforce Service Cloud Voice (made by genesys-scv-oauth-client init)",
    scripts,
    // Exact versions: what the pipeline runs changes only through a reviewed pull request.
    devDependencies: {
      [PACKAGE_NAME]: pkg.version,
      cdktf: pinned("cdktf"),
      "cdktf-cli": pinned("cdktf-cli"),
      constructs: pinned("constructs"),
    },
    engines: { node: ">=20" },
  };
  files.set("package.json", `${JSON.stringify(manifest, null, 2)}\n`);
  return files;
}

export function templatesFolder(pkg = ownPackage()): string {
  return join(pkg.root, "templates/config-repository");
}

/** `init [folder]`; `scripts` are the scaffold's package.json scripts (scaffoldFiles), which the CLI's registry derives. */
export const initCommand = (scripts: () => Readonly<Record<string, string>>) =>
  declareCommand({
    name: "init",
    summary: "scaffold a config repository for your deployments in a folder",
    arguments: { name: "folder", min: 0, max: 1, allowed: "one folder's path (. for the current folder), or none" },
    description: `Scaffolds your config repository in <folder> (default: the current folder): deployments.json (with comments),
package.json pinning this tool, cdktf.json, .github/workflows/{plan,deploy,drift}.yml, a readme for your team
and .gitignore.
Its package.json has a script for each command (npm run <command> -- …, or npx ${PACKAGE_NAME} <command> …).
Refuses, writing nothing, when any of these files exists. The deployments file starts empty (an example in its
comments), so that the first commit, pushed to main, applies nothing. Next: npm install, commit (package-lock.json
too) and push to main; the readme it writes says the rest (${typed("help", "your-repository")} the whole way).`,
    options: {},
    run: ({ positionals }, env, io) => scaffold(positionals, env, io, scripts()),
  });

function scaffold(
  positionals: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CommandIo,
  scripts: Readonly<Record<string, string>>,
): number {
  if (positionals[0]?.trim() === "") {
    io.err(`init: <folder>: given ${JSON.stringify(positionals[0])}; allowed: a folder's path (. for the current folder), or none\n`);
    return 1;
  }
  const folder = fromWhereTheUserStands(positionals[0] ?? ".", env);
  const shown = showHiddenCharacters(folder);
  // The folder itself: a real folder, or nothing yet (a link to nothing would be made a folder somewhere else).
  const itself = entryAt(folder);
  if (itself && !(itself.isDirectory() || (itself.isSymbolicLink() && exists(folder) && statSync(folder).isDirectory()))) {
    io.err(
      `init: ${shown} is ${describeEntry(folder, itself)}, not a folder; nothing was written. Allowed: a folder, new or without the scaffold's files\n`,
    );
    return 1;
  }
  const files = scaffoldFiles(templatesFolder(), scripts);
  const present = inTheWay(folder, [...files.keys()]);
  if (present.length > 0) {
    io.err(
      `init: ${shown} already has ${showHiddenCharacters(present.join(", "))}; nothing was written. Allowed: a folder without them.\n`,
    );
    return 1;
  }
  const written: string[] = [];
  const made: string[] = [];
  try {
    for (const [name, text] of files) {
      // The folders made for it, outermost first, so that a failure removes exactly those.
      const missing: string[] = [];
      for (let dir = dirname(join(folder, name)); !entryAt(dir); dir = dirname(dir)) missing.unshift(dir);
      for (const dir of missing) {
        mkdirSync(dir);
        made.push(dir);
      }
      writeFileSync(join(folder, name), text, { flag: "wx" });
      written.push(name);
    }
  } catch (e) {
    // Nothing half-written: what this run wrote goes again, and the folders it made, innermost first.
    for (const name of written) rmSync(join(folder, name), { force: true });
    for (const dir of made.reverse()) {
      try {
        rmdirSync(dir);
      } catch {
        // Not empty: something else wrote there meanwhile, which is not this run's to remove.
      }
    }
    const error = e as NodeJS.ErrnoException;
    const where = error.path ? ` at ${showHiddenCharacters(error.path)}` : "";
    io.err(`init: could not write in ${shown}${where} (${error.code ?? error.message}); nothing was left written\n`);
    return 1;
  }
  io.out(
    [
      `Your config repository, in ${shown}:`,
      ...[...files.keys()].sort().map((name) => `  ${name}`),
      "",
      "Next:",
      `  npm install                              (installs ${PACKAGE_NAME} ${ownPackage().version} and cdktf, as package.json pins them; writes package-lock.json)`,
      "  git add -A && git commit, push to main   (the first commit, package-lock.json in it: no deployments yet, so the deploy applies nothing)",
      `  then the readme it wrote (the whole way: ${typed("help", "your-repository")}): the GitHub environments, secrets, label and`,
      `  branch protection, then your first deployment in a pull request, with the lock file ${typed("lock")} writes`,
      "",
    ].join("\n"),
  );
  return 0;
}
