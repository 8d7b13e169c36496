/**
 * The layout says what the house is: lib/construct is the package (its index.ts the public entry, internal.ts the
 * app's), lib/app the deployments app (and `npm run check`, which builds its stacks), lib/review the review tools
 * that read plans, lib/shared what they share (problems, the JSON reader, Salesforce hosts, scopes, the
 * implicit-grant policy). The review tools depend on neither the construct nor the app, nor on cdktf: they read
 * `terraform show -json` and outlive CDKTF. The construct imports nothing of the app or the review tools.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { dirname, join, relative, resolve } from "path";

const root = join(__dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Every import of a file: relative ones as a path from the project root (without extension), packages by name. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s+"([^"]+)"/g)].map((m) => (m[1].startsWith(".") ? relative(root, resolve(dirname(file), m[1])) : m[1]));
}

/** The imports of every file under `dirs` that `allowed` refuses, as "file -> target". */
function wrongImports(dirs: string[], allowed: (target: string) => boolean): string[] {
  return dirs
    .flatMap((dir) => (dir.endsWith(".ts") ? [join(root, dir)] : sources(join(root, dir))))
    .flatMap((file) => importsOf(file).filter((target) => !allowed(target)).map((target) => `${relative(root, file)} -> ${target}`));
}

const isPackage = (target: string) => !target.startsWith("lib/") && !target.startsWith(".gen/") && target !== "main";
const within = (...parts: string[]) => (target: string) => parts.some((part) => target === part || target.startsWith(`${part}/`));

describe("layout", () => {
  it("lib/ holds exactly the construct, the app, the review tools and what they share", () => {
    expect(readdirSync(join(root, "lib")).sort()).toEqual(["app", "construct", "review", "shared"]);
  });

  it("the construct imports nothing of the app or the review tools, and of lib/shared nothing the package cannot ship", () => {
    const shipped = (target: string) => within("lib/construct", "lib/shared", ".gen/providers/genesyscloud")(target) && target !== "lib/shared/json-input";
    expect(wrongImports(["lib/construct"], (target) => isPackage(target) || shipped(target))).toEqual([]);
  });

  it("lib/shared imports nothing of the others, nor cdktf", () => {
    expect(wrongImports(["lib/shared"], (target) => (isPackage(target) && !/^(cdktf|constructs)$/.test(target)) || within("lib/shared")(target))).toEqual([]);
  });

  it("the review tools depend on neither the construct nor the app, nor on cdktf", () => {
    expect(wrongImports(["lib/review"], (target) => (isPackage(target) && !/^(cdktf|constructs)$/.test(target)) || within("lib/review", "lib/shared")(target))).toEqual([]);
  });

  it("the app and main.ts use the construct only through its entries, and never the review tools", () => {
    const entries = ["lib/construct", "lib/construct/internal"];
    const allowed = (target: string) => isPackage(target) || entries.includes(target) || within("lib/app", "lib/shared")(target);
    expect(wrongImports(["lib/app", "main.ts"], allowed)).toEqual([]);
  });

  it("__tests__ mirrors lib/: a test folder per part", () => {
    for (const part of ["construct", "app", "review", "shared"]) expect(statSync(join(__dirname, part)).isDirectory()).toBe(true);
  });

  it("a suite that starts processes is an integration suite (*.integration.test.ts): no unit suite imports child_process", () => {
    const unit = sources(__dirname).filter((file) => file.endsWith(".test.ts") && !file.endsWith(".integration.test.ts"));
    expect(unit.filter((file) => /from "(node:)?child_process"/.test(readFileSync(file, "utf8"))).map((file) => relative(root, file))).toEqual([]);
  });
});

/** The project's Markdown: the README, CONTRIBUTING, CHANGELOG and docs/ (the generated docs/api/ aside). */
const markdownFiles = [
  "README.md",
  "CONTRIBUTING.md",
  "CHANGELOG.md",
  ...readdirSync(join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

const exists = (path: string) => {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
};

describe("the README and docs/", () => {
  it.each(markdownFiles)("%s names only project paths that exist", (file) => {
    const text = readFileSync(join(root, file), "utf8");
    const named = [...text.matchAll(/`((?:lib|scripts|__tests__|\.github|docs|bench)\/[^`\s*<>]+)`/g)].map((m) => m[1]);
    expect(named.filter((path) => !exists(join(root, path)))).toEqual([]);
  });

  it.each(markdownFiles)("%s links only to files that exist", (file) => {
    const text = readFileSync(join(root, file), "utf8");
    const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((l) => !/^[a-z]+:/.test(l) && !l.startsWith("#"));
    expect(links.filter((link) => !exists(join(root, dirname(file), link.split("#")[0])))).toEqual([]);
  });

  it("between them name many project paths, and the README links every page of docs/", () => {
    const all = markdownFiles.map((f) => readFileSync(join(root, f), "utf8")).join("\n");
    expect([...all.matchAll(/`((?:lib|scripts|__tests__|\.github|docs)\/[^`\s*<>]+)`/g)].length).toBeGreaterThan(20);
    const readme = readFileSync(join(root, "README.md"), "utf8");
    expect(markdownFiles.filter((f) => f.startsWith("docs/") && !readme.includes(`(${f})`))).toEqual([]);
  });
});
