// Where `npm run opentofu:build` installs OpenTofu (the engine the end-to-end tests run beside Terraform): one place
// for the build, the end-to-end harness and the test runner.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");
/** The OpenTofu release this project builds and proves end to end (package.json config). */
const OPENTOFU_VERSION = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).config.opentofuVersion;
const OPENTOFU_MODULE = "github.com/opentofu/opentofu";
/** The release build's own flags (the module's .goreleaser.yaml): without version.dev=no it says `-dev`. */
const OPENTOFU_LDFLAGS = "-s -w -X 'github.com/opentofu/opentofu/version.dev=no'";

/** The install under `<project>/.opentofu` (git-ignored): the binary, and build.json saying how it was made. */
function opentofuInstall(project = root) {
  const dir = join(project, ".opentofu");
  return { dir, binary: join(dir, `v${OPENTOFU_VERSION}`, "tofu"), stamp: join(dir, "build.json") };
}

module.exports = { OPENTOFU_LDFLAGS, OPENTOFU_MODULE, OPENTOFU_VERSION, opentofuInstall };
