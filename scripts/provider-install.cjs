// Where `npm run provider:build` installs the genesyscloud provider, and the Terraform CLI configuration that takes it
// from there: one place for the build, the schema snapshot, the end-to-end tests and the benchmarks.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");
/** The provider version this project builds, snapshots and proves end to end (package.json config). */
const PROVIDER_VERSION = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).config.genesyscloudProviderVersion;
const PROVIDER_SOURCE = "registry.terraform.io/mypurecloud/genesyscloud";
const PROVIDER_MODULE = "github.com/mypurecloud/terraform-provider-genesyscloud";
const PLATFORMS = { x64: "amd64", arm64: "arm64" };

/** The install under `<project>/.provider` (git-ignored). `env` points Terraform at it and keeps it offline. */
function providerInstall(project = root) {
  const dir = join(project, ".provider");
  const mirror = join(dir, "mirror");
  const platform = `${process.platform}_${PLATFORMS[process.arch] ?? process.arch}`;
  const binary = join(mirror, PROVIDER_SOURCE, PROVIDER_VERSION, platform, `terraform-provider-genesyscloud_v${PROVIDER_VERSION}`);
  const cliConfig = join(dir, "terraformrc");
  const cliConfigText = `provider_installation {
  filesystem_mirror {
    path    = ${JSON.stringify(mirror)}
    include = ["${PROVIDER_SOURCE}"]
  }
  direct {
    exclude = ["${PROVIDER_SOURCE}"]
  }
}
`;
  const env = { TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" };
  return { dir, mirror, binary, cliConfig, cliConfigText, env };
}

module.exports = { PROVIDER_MODULE, PROVIDER_SOURCE, PROVIDER_VERSION, providerInstall };
