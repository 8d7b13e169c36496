// Generates the genesyscloud provider bindings in .gen/ offline, with the real `cdktf get`: the committed
// provider schema snapshot is handed to it as its provider schema cache, so it neither calls terraform nor
// the registry. The snapshot is `terraform providers schema -json` of the built provider, cut to what this project
// declares (npm run provider:schema). The bindings declare cdktf.json's version constraint.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PROVIDER_VERSION } from "./provider-install.cjs";

const config = JSON.parse(readFileSync("cdktf.json", "utf8"));
const [constraint] = config.terraformProviders;
const [source, version] = constraint.split("@");
const name = source.split("/").pop();
const snapshotFile = `provider-schema/${name}-${PROVIDER_VERSION}.json`;
const registryAddress = `registry.terraform.io/${source}`;

const schema = JSON.parse(readFileSync(snapshotFile, "utf8"));
if (!schema.provider_schemas?.[registryAddress]) {
  console.error(`${snapshotFile} has no provider_schemas["${registryAddress}"]: refresh it as docs/provider.md says.`);
  process.exit(1);
}

const cacheDir = mkdtempSync(join(tmpdir(), "provider-schema-cache-"));
try {
  // cdktf's cache entry, named after the constraint. Without provider_versions, the bindings' required_providers
  // carries the constraint itself rather than one version.
  writeFileSync(join(cacheDir, `${encodeURIComponent(name)}@${encodeURIComponent(version)}.json`), JSON.stringify(schema));
  // The project's own cdktf-cli, found through its package, never another one on PATH.
  const manifest = createRequire(import.meta.url).resolve("cdktf-cli/package.json");
  const cli = join(dirname(manifest), JSON.parse(readFileSync(manifest, "utf8")).bin.cdktf);
  const cdktf = spawnSync(process.execPath, [cli, "get", "--force", "--experimental-provider-schema-cache-path", cacheDir], {
    stdio: "inherit",
    // Off a terminal (npm ci's log), cdktf's CI mode prints its lines once, without spinner frames.
    env: { ...process.env, CHECKPOINT_DISABLE: "1", ...(process.stdout.isTTY ? {} : { CI: "true" }) },
  });
  if (cdktf.error) console.error(`cdktf get could not start: ${cdktf.error.message}`);
  process.exitCode = cdktf.status ?? 1;
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
