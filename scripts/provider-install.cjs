// Where `npm run provider:build` installs the genesyscloud provider, and the CLI configuration that takes it from there
// (Terraform and OpenTofu both read TF_CLI_CONFIG_FILE): one place for the build, the schema snapshot, the end-to-end
// tests and the benchmarks.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");
/** The provider version this project builds, snapshots and proves end to end (package.json config). */
const PROVIDER_VERSION = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).config.genesyscloudProviderVersion;
const PROVIDER_SOURCE = "registry.terraform.io/mypurecloud/genesyscloud";
/** Where OpenTofu looks for the same provider: a stack names it `mypurecloud/genesyscloud`, each engine adds its own host. */
const OPENTOFU_PROVIDER_SOURCE = "registry.opentofu.org/mypurecloud/genesyscloud";
const PROVIDER_MODULE = "github.com/mypurecloud/terraform-provider-genesyscloud";
const PLATFORMS = { x64: "amd64", arm64: "arm64" };

/**
 * The install under `<project>/.provider` (git-ignored). `env` points Terraform and OpenTofu at it and keeps them
 * offline. `binary` is under Terraform's host; `opentofuBinary`, a link to it, under OpenTofu's.
 */
function providerInstall(project = root) {
  const dir = join(project, ".provider");
  const mirror = join(dir, "mirror");
  const platform = `${process.platform}_${PLATFORMS[process.arch] ?? process.arch}`;
  const at = (source) => join(mirror, source, PROVIDER_VERSION, platform, `terraform-provider-genesyscloud_v${PROVIDER_VERSION}`);
  const binary = at(PROVIDER_SOURCE);
  const opentofuBinary = at(OPENTOFU_PROVIDER_SOURCE);
  const sources = [PROVIDER_SOURCE, OPENTOFU_PROVIDER_SOURCE].map((s) => JSON.stringify(s)).join(", ");
  const cliConfig = join(dir, "terraformrc");
  const cliConfigText = `provider_installation {
  filesystem_mirror {
    path    = ${JSON.stringify(mirror)}
    include = [${sources}]
  }
  direct {
    exclude = [${sources}]
  }
}
`;
  const env = { TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" };
  return { dir, mirror, binary, opentofuBinary, cliConfig, cliConfigText, env };
}

module.exports = { OPENTOFU_PROVIDER_SOURCE, PROVIDER_MODULE, PROVIDER_SOURCE, PROVIDER_VERSION, providerInstall };
