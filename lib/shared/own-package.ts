/**
 * This tool's own package: its folder and manifest, found from the running file upwards (lib/… in this repository,
 * dist/cli/… in the built bundle, node_modules/genesys-scv-oauth-client/dist/cli/… where a team installed it), so
 * that the version `--version` prints and `init` pins, and the scaffold's templates, are the installed package's.
 */
import { existsSync, readFileSync } from "fs";
import { dirname, join } from "path";

export const PACKAGE_NAME = "genesys-scv-oauth-client";

export interface OwnPackage {
  readonly root: string;
  readonly version: string;
  readonly devDependencies: Readonly<Record<string, string>>;
  readonly peerDependencies: Readonly<Record<string, string>>;
}

export function ownPackage(from: string = __dirname): OwnPackage {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, "utf8"));
      if (parsed.name === PACKAGE_NAME)
        return {
          root: dir,
          version: parsed.version,
          devDependencies: parsed.devDependencies ?? {},
          peerDependencies: parsed.peerDependencies ?? {},
        };
    }
    if (dirname(dir) === dir) throw new Error(`${PACKAGE_NAME}: its package.json was not found above ${from}`);
  }
}
