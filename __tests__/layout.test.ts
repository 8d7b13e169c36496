/**
 * The layout says what the house is: lib/construct is the package (its index.ts the public entry), lib/app the
 * deployments app, lib/review the review tools. The construct imports nothing of the other two, and they import
 * the construct only through its entries: the public one, or the internal one that the package does not publish.
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

/** Every relative import of a file, as a path from the project root (without extension). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s+"(\.{1,2}\/[^"]+)"/g)].map((m) => relative(root, resolve(dirname(file), m[1])));
}

describe("layout", () => {
  it("lib/ holds exactly the construct, the app and the review tools", () => {
    expect(readdirSync(join(root, "lib")).sort()).toEqual(["app", "construct", "review"]);
  });

  it("the construct imports nothing of the app or the review tools", () => {
    const wrong = sources(join(root, "lib/construct")).flatMap((file) =>
      importsOf(file)
        .filter((target) => !target.startsWith("lib/construct") && !target.startsWith(".gen/providers/genesyscloud"))
        .map((target) => `${relative(root, file)} -> ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it("the app, the review tools and main.ts use the construct only through its entries", () => {
    const users = [...sources(join(root, "lib/app")), ...sources(join(root, "lib/review")), join(root, "main.ts")];
    const entries = ["lib/construct", "lib/construct/internal"];
    const wrong = users.flatMap((file) =>
      importsOf(file)
        .filter((target) => (target.startsWith("lib/construct") && !entries.includes(target)) || target.startsWith(".gen"))
        .map((target) => `${relative(root, file)} -> ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it("the review tools may use the app; the app never uses the review tools", () => {
    const wrong = sources(join(root, "lib/app")).flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith("lib/review"))
        .map((target) => `${relative(root, file)} -> ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it("__tests__ mirrors lib/: a test folder per part", () => {
    for (const part of ["construct", "app", "review"]) expect(statSync(join(__dirname, part)).isDirectory()).toBe(true);
  });
});

describe("the README", () => {
  it("names only project paths that exist", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const named = [...readme.matchAll(/`((?:lib|scripts|__tests__|\.github)\/[^`\s*<>]+)`/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(5);
    const missing = named.filter((path) => {
      try {
        statSync(join(root, path));
        return false;
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
  });
});
