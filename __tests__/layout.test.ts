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
  return [...text.matchAll(/(?:from|import)\s+"([^"]+)"/g)].map((m) =>
    m[1].startsWith(".") ? relative(root, resolve(dirname(file), m[1])) : m[1],
  );
}

/** The imports of every file under `dirs` that `allowed` refuses, as "file -> target". */
function wrongImports(dirs: string[], allowed: (target: string) => boolean): string[] {
  return dirs
    .flatMap((dir) => (dir.endsWith(".ts") ? [join(root, dir)] : sources(join(root, dir))))
    .flatMap((file) =>
      importsOf(file)
        .filter((target) => !allowed(target))
        .map((target) => `${relative(root, file)} -> ${target}`),
    );
}

const isPackage = (target: string) => !target.startsWith("lib/") && !target.startsWith(".gen/") && target !== "main";
const within =
  (...parts: string[]) =>
  (target: string) =>
    parts.some((part) => target === part || target.startsWith(`${part}/`));

describe("layout", () => {
  it("lib/ holds exactly the construct, the app, the review tools, the CLI over them and what they share", () => {
    expect(readdirSync(join(root, "lib")).sort()).toEqual(["app", "cli", "construct", "review", "shared"]);
  });

  it("the CLI (lib/cli) is the top: it imports the app's commands and rooms, the review tools' CLI and lib/shared; nothing imports it", () => {
    const allowed = (target: string) =>
      isPackage(target) || within("lib/cli", "lib/app", "lib/shared")(target) || target === "lib/review/plan-summary/cli";
    expect(wrongImports(["lib/cli"], allowed)).toEqual([]);
    expect(wrongImports(["lib/app", "lib/construct", "lib/review", "lib/shared"], (target) => !within("lib/cli")(target))).toEqual([]);
  });

  it("the construct imports nothing of the app or the review tools, and of lib/shared nothing the package cannot ship", () => {
    const shipped = (target: string) =>
      within("lib/construct", "lib/shared", ".gen/providers/genesyscloud")(target) && target !== "lib/shared/json-input";
    expect(wrongImports(["lib/construct"], (target) => isPackage(target) || shipped(target))).toEqual([]);
  });

  it("lib/shared imports nothing of the others, nor cdktf", () => {
    expect(
      wrongImports(["lib/shared"], (target) => (isPackage(target) && !/^(cdktf|constructs)$/.test(target)) || within("lib/shared")(target)),
    ).toEqual([]);
  });

  it("the review tools depend on neither the construct nor the app, nor on cdktf", () => {
    expect(
      wrongImports(
        ["lib/review"],
        (target) => (isPackage(target) && !/^(cdktf|constructs)$/.test(target)) || within("lib/review", "lib/shared")(target),
      ),
    ).toEqual([]);
  });

  it("the app uses the construct only through its entries, and never the review tools", () => {
    const entries = ["lib/construct", "lib/construct/internal"];
    const allowed = (target: string) => isPackage(target) || entries.includes(target) || within("lib/app", "lib/shared")(target);
    expect(wrongImports(["lib/app"], allowed)).toEqual([]);
  });

  it("__tests__ mirrors lib/: a test folder per part, and one per room of the app", () => {
    for (const part of ["construct", "app", "review", "shared", "cli", ...APP_ROOMS.map((room) => `app/${room}`)])
      expect(statSync(join(__dirname, part)).isDirectory()).toBe(true);
  });
});

/**
 * The app's rooms, each a folder, from the bottom up: the deployments file's model; the stack (provider, backend, the
 * environment a deployment's Terraform runs with); reading Terraform state; the Genesys Cloud API and which client is
 * a deployment's; `check`'s rules (lib/app/check/rules/); the commands. A room imports only the rooms below it, so there is no circle between them.
 */
const APP_ROOMS = ["deployments", "stack", "state", "genesys", "check", "commands"];

describe("the app's rooms", () => {
  it("lib/app holds exactly its rooms, and no file beside them", () => {
    expect(readdirSync(join(root, "lib/app")).sort()).toEqual([...APP_ROOMS].sort());
  });

  it.each(APP_ROOMS.map((room, i) => [room, APP_ROOMS.slice(0, i)] as const))(
    "lib/app/%s imports of the app only its own room and those below it (%j)",
    (room, below) => {
      const allowed = (target: string) => !target.startsWith("lib/app/") || within(...[room, ...below].map((r) => `lib/app/${r}`))(target);
      expect(wrongImports([`lib/app/${room}`], allowed)).toEqual([]);
    },
  );

  it("__tests__/app holds no test beside the rooms' folders", () => {
    expect(readdirSync(join(__dirname, "app")).filter((entry) => !APP_ROOMS.includes(entry))).toEqual([]);
  });

  it("a suite that starts processes is an integration suite (*.integration.test.ts): no unit suite imports child_process", () => {
    const unit = sources(__dirname).filter((file) => file.endsWith(".test.ts") && !file.endsWith(".integration.test.ts"));
    expect(
      unit.filter((file) => /from "(node:)?child_process"/.test(readFileSync(file, "utf8"))).map((file) => relative(root, file)),
    ).toEqual([]);
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

/**
 * Every `lib/...` and `__tests__/...` path the README, CONTRIBUTING and docs/ name, anywhere in their text: prose, inline
 * code, commands in code blocks (`npm run test:unit -- __tests__/...`), table cells. A pattern (`<name>`, `*`, `…`) is
 * no path. Not CHANGELOG.md: a release's notes name the paths of that release.
 */
function missingPaths(text: string, exists: (path: string) => boolean): { line: number; path: string }[] {
  return text.split("\n").flatMap((content, i) =>
    [...content.matchAll(/(?<![\w./-])((?:lib|__tests__)\/[\w./*<>\u2026-]*)/g)]
      .map((m) => m[1].replace(/[.,;:]+$/, ""))
      .filter((path) => !/[<>*\u2026]/.test(path) && !exists(path))
      .map((path) => ({ line: i + 1, path })),
  );
}

describe("the paths the README, CONTRIBUTING and docs/ name", () => {
  const docs = markdownFiles.filter((f) => f !== "CHANGELOG.md");

  it.each(docs)("%s: every lib/ and __tests__/ path it names, anywhere in its text, exists", (file) => {
    const missing = missingPaths(readFileSync(join(root, file), "utf8"), (path) => exists(join(root, path)));
    expect(missing.map(({ line, path }) => `${file}:${line}: ${path} does not exist`)).toEqual([]);
  });

  it("between them name many such paths, in commands too; a path inside a command or code block that is gone is found, with its line", () => {
    const all = docs.map((f) => readFileSync(join(root, f), "utf8")).join("\n");
    expect([...all.matchAll(/(?<![\w./-])(?:lib|__tests__)\//g)].length).toBeGreaterThan(30);
    const text =
      "intro\n```sh\nnpm run test:unit -- __tests__/app/deployments.test.ts   # one file\n```\nsee lib/app/<room>/ and `lib/shared/problems.ts`.";
    expect(missingPaths(text, (path) => exists(join(root, path)))).toEqual([{ line: 3, path: "__tests__/app/deployments.test.ts" }]);
  });
});

describe("pointers into the docs from the code", () => {
  /**
   * Every `docs/<page>.md` or README named in lib/ and scripts/, with the section quoted after it, if any; and every
   * page a message names through docsPage("<page>", "<section>") (lib/shared/typed-command.ts).
   */
  const pointers = [...sources(join(root, "lib")), ...readdirSync(join(root, "scripts")).map((f) => join(root, "scripts", f))].flatMap(
    (file) => {
      const text = readFileSync(file, "utf8");
      return [
        ...[...text.matchAll(/\b(README(?:\.md)?|docs\/[\w-]+\.md)(?:,\s*\\?"([^"\\]+)\\?")?/g)].map((m) => ({
          at: relative(root, file),
          page: m[1] === "README" ? "README.md" : m[1],
          section: m[2],
        })),
        ...[...text.matchAll(/\bdocsPage\("([\w-]+)"(?:,\s*"([^"]+)")?\)/g)].map((m) => ({
          at: relative(root, file),
          page: `docs/${m[1]}.md`,
          section: m[2],
        })),
      ];
    },
  );

  it("are many, and each names a page that exists and, where it quotes one, a section the page has (a heading or a bold lead-in)", () => {
    expect(pointers.length).toBeGreaterThan(5);
    const broken = pointers.filter(({ page, section }) => {
      if (!exists(join(root, page))) return true;
      if (section === undefined) return false;
      const text = readFileSync(join(root, page), "utf8");
      const escaped = section.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      return !new RegExp(`^#+ ${escaped}\\s*$|\\*\\*${escaped}\\.?\\*\\*`, "m").test(text);
    });
    expect(broken).toEqual([]);
  });

  it("a bare README in a message is no pointer: it names a page and, for a section, quotes it", () => {
    const vague = pointers.filter(({ page, section }) => page === "README.md" && section === undefined);
    expect(vague).toEqual([]);
  });
});
