/**
 * `init [folder]`: scaffolds a team's own config repository in a folder (default: the current one): the
 * deployments file with comments that explain it, a package.json that pins this tool at the version that ran init
 * (and cdktf, constructs and cdktf-cli at the versions it was built with), cdktf.json, thin workflows for plan
 * review, deploy and drift that call the tool, a readme for the team, and .gitignore. The templates are the
 * package's `templates/config-repository/`. Nothing is overwritten: when any of the files exists, nothing is written.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { dirname, join, relative } from "path";
import { parseArgs } from "util";
import { CommandIo } from "../../shared/command";
import { fromWhereTheUserStands } from "../../shared/paths";
import { ownPackage, PACKAGE_NAME } from "../../shared/own-package";
import { showHiddenCharacters } from "../../shared/plain-text";

export const USAGE = `usage: ${PACKAGE_NAME} init [FOLDER]

Scaffolds your config repository in FOLDER (default: the current folder): deployments.json (with comments),
package.json pinning this tool, cdktf.json, .github/workflows/{plan,deploy,drift}.yml, a readme for your team
and .gitignore.
Refuses, writing nothing, when any of these files exists. The deployments file starts empty (an example in its
comments), so that the first commit, pushed to main, applies nothing. Next: npm install, commit (package-lock.json
too) and push to main; the readme it writes says the rest.

  -h, --help  this text`;

/** npm pack leaves out files named .gitignore: the template is `gitignore`. */
const RENAMED: Readonly<Record<string, string>> = { gitignore: ".gitignore" };

/** The scaffold's files, by their path in the new repository. */
export function scaffoldFiles(templates: string, pkg = ownPackage()): Map<string, string> {
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
    scripts: {
      check: `${PACKAGE_NAME} check`,
      synth: `${PACKAGE_NAME} synth`,
      diff: `${PACKAGE_NAME} diff`,
      deploy: `${PACKAGE_NAME} deploy`,
      output: `${PACKAGE_NAME} output`,
      adopt: `${PACKAGE_NAME} adopt`,
      lock: `${PACKAGE_NAME} lock`,
    },
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

export function initCommand(argv: string[], env: NodeJS.ProcessEnv, io: CommandIo): number {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: "boolean", short: "h" } } });
  } catch (e) {
    io.err(`init: ${(e as Error).message}\n${USAGE}\n`);
    return 1;
  }
  if (args.values.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (args.positionals.length > 1) {
    io.err(`init: one folder at most; given ${args.positionals.length}\n${USAGE}\n`);
    return 1;
  }
  const folder = fromWhereTheUserStands(args.positionals[0] ?? ".", env);
  const shown = showHiddenCharacters(folder);
  if (existsSync(folder) && !statSync(folder).isDirectory()) {
    io.err(`init: ${shown} is not a folder; allowed: a folder, new or without the scaffold's files\n`);
    return 1;
  }
  const files = scaffoldFiles(templatesFolder());
  const present = [...files.keys()].filter((name) => existsSync(join(folder, name)));
  if (present.length > 0) {
    io.err(`init: ${shown} already has ${present.join(", ")}; nothing was written. Allowed: a folder without them.\n`);
    return 1;
  }
  const written: string[] = [];
  try {
    for (const [name, text] of files) {
      mkdirSync(dirname(join(folder, name)), { recursive: true });
      writeFileSync(join(folder, name), text, { flag: "wx" });
      written.push(name);
    }
  } catch (e) {
    // Nothing half-written: what this run wrote goes again.
    for (const name of written) rmSync(join(folder, name), { force: true });
    io.err(`init: could not write in ${shown} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); nothing was left written\n`);
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
      "  then the readme it wrote: the GitHub environments, secrets, label and branch protection, then your first",
      "  deployment in a pull request, with the lock file npx genesys-scv-oauth-client lock writes",
      "",
    ].join("\n"),
  );
  return 0;
}
