/**
 * The tool as a team installs it, offline: this repository built and packed (npm pack), `init` in a fresh folder, and
 * the tarball installed there with cdktf, cdktf-cli and constructs from the npm cache (a lockfile made from this
 * repository's, so that `npm ci --offline` finds every package in the cache). For the tests that go through the door
 * users use: __tests__/cli/installed.integration.test.ts and __tests__/e2e/config-repository.e2e.ts.
 */
import { execFileSync } from "child_process";
import { createHash } from "crypto";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";

const root = join(__dirname, "../..");

type LockEntry = {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

/** The lock's entries that `names` need, found as Node resolves them (nested node_modules first). */
function closure(names: string[]): Record<string, object> {
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
  const packages = lock.packages as Record<string, LockEntry>;
  const found: Record<string, object> = {};
  const visit = (from: string, name: string) => {
    for (let base = from; ; base = base.includes("/node_modules/") ? base.slice(0, base.lastIndexOf("/node_modules/")) : "") {
      const path = `${base ? `${base}/` : ""}node_modules/${name}`;
      if (packages[path]) {
        if (found[path]) return;
        found[path] = { ...packages[path], dev: undefined, devOptional: undefined, peer: undefined };
        const entry = packages[path];
        const peers = Object.keys(entry.peerDependencies ?? {}).filter((p) => !entry.peerDependenciesMeta?.[p]?.optional);
        for (const dep of [...Object.keys({ ...entry.dependencies, ...entry.optionalDependencies }), ...peers]) visit(path, dep);
        return;
      }
      if (base === "") return;
    }
  };
  for (const name of names) visit("", name);
  return found;
}

/**
 * Builds and packs this repository into `work`, runs the packed tool's `init` into `repo` and installs the tarball
 * there (npm ci --offline); `repo`'s package.json is init's, with the tool taken from the tarball.
 */
export function initWithPackedTool(work: string, repo: string): void {
  const own = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "pipe" });
  execFileSync(process.execPath, ["scripts/package.mjs"], { cwd: root, stdio: "pipe" });
  // --ignore-scripts: prepare would regenerate .gen/ under the other test files' feet; the build is the line above.
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: root, encoding: "utf8" }),
  );
  execFileSync(process.execPath, [join(root, "dist/cli/genesys-scv-oauth-client.js"), "init", repo], { stdio: "pipe" });
  const manifest = JSON.parse(readFileSync(join(repo, "package.json"), "utf8"));
  execFileSync("cp", [join(work, packed.filename), join(repo, "tool.tgz")]);
  manifest.devDependencies[own.name] = "file:tool.tgz";
  writeFileSync(join(repo, "package.json"), JSON.stringify(manifest, null, 2));
  const packages: Record<string, object> = {
    "": { name: manifest.name, devDependencies: manifest.devDependencies },
    ...closure(["cdktf", "cdktf-cli", "constructs"]),
  };
  packages[`node_modules/${own.name}`] = {
    version: own.version,
    resolved: "file:tool.tgz",
    integrity: `sha512-${createHash("sha512")
      .update(readFileSync(join(repo, "tool.tgz")))
      .digest("base64")}`,
    dev: true,
    dependencies: own.dependencies,
    peerDependencies: own.peerDependencies,
    peerDependenciesMeta: own.peerDependenciesMeta,
    bin: own.bin,
  };
  for (const [path, entry] of Object.entries(closure(Object.keys(own.dependencies)))) packages[path] = entry;
  writeFileSync(
    join(repo, "package-lock.json"),
    JSON.stringify({ name: manifest.name, lockfileVersion: 3, requires: true, packages }, null, 2),
  );
  execFileSync("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: repo, stdio: "pipe" });
}
