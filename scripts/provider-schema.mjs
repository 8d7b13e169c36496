// npm run provider:schema: writes the committed provider schema snapshot from the provider that `npm run
// provider:build` installed: `terraform providers schema -json`, cut to what this project declares (the provider block,
// the resource and data source genesyscloud_oauth_client, the data source genesyscloud_organizations_me).
// `--check` writes nothing and exits 1 when the committed snapshot differs from what the provider reports.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { providerInstall, PROVIDER_SOURCE, PROVIDER_VERSION } from "./provider-install.cjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const snapshotFile = join(root, `provider-schema/genesyscloud-${PROVIDER_VERSION}.json`);
const RESOURCES = ["genesyscloud_oauth_client"];
const DATA_SOURCES = ["genesyscloud_oauth_client", "genesyscloud_organizations_me"];
const check = process.argv.includes("--check");

const install = providerInstall(root);
if (!existsSync(install.binary) || !existsSync(install.cliConfig)) {
  console.error(`provider:schema: no provider in ${relative(root, install.mirror)}: run \`npm run provider:build\` first.`);
  process.exit(1);
}

const pick = (all, names) => Object.fromEntries(names.map((name) => [name, all[name]]));
const work = mkdtempSync(join(tmpdir(), "provider-schema-"));
try {
  writeFileSync(
    join(work, "main.tf.json"),
    JSON.stringify({
      terraform: { required_providers: { genesyscloud: { source: "mypurecloud/genesyscloud", version: PROVIDER_VERSION } } },
    }),
  );
  const env = { ...process.env, ...install.env };
  const terraform = (...args) => {
    const result = spawnSync("terraform", args, { cwd: work, env, encoding: "utf8", maxBuffer: 1 << 30 });
    if (result.error || result.status !== 0) {
      console.error(`provider:schema: terraform ${args.join(" ")} failed: ${result.error?.message ?? result.stderr}`);
      process.exit(1);
    }
    return result.stdout;
  };
  terraform("init", "-input=false", "-backend=false", "-no-color");
  const full = JSON.parse(terraform("providers", "schema", "-json"));
  const provider = full.provider_schemas[PROVIDER_SOURCE];
  const snapshot = {
    format_version: full.format_version,
    provider_schemas: {
      [PROVIDER_SOURCE]: {
        provider: provider.provider,
        resource_schemas: pick(provider.resource_schemas, RESOURCES),
        data_source_schemas: pick(provider.data_source_schemas, DATA_SOURCES),
      },
    },
  };
  const text = `${JSON.stringify(snapshot, null, 2)}\n`;
  const name = relative(root, snapshotFile);
  if (!check) {
    writeFileSync(snapshotFile, text);
    console.log(`provider:schema: wrote ${name} from provider ${PROVIDER_VERSION}`);
  } else if (!existsSync(snapshotFile) || readFileSync(snapshotFile, "utf8") !== text) {
    console.error(
      `provider:schema: ${name} is not what provider ${PROVIDER_VERSION} reports: run \`npm run provider:schema\` and commit it.`,
    );
    process.exitCode = 1;
  } else {
    console.log(`provider:schema: ${name} is what provider ${PROVIDER_VERSION} reports.`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
