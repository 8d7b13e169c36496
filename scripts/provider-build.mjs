// npm run provider:build: the real genesyscloud provider that the end-to-end tests run, installed in a filesystem
// mirror (.provider/mirror, under registry.terraform.io for Terraform and, linked, registry.opentofu.org for OpenTofu)
// with a CLI configuration (.provider/terraformrc) that takes it from there, so `terraform init` and `tofu init` need
// no registry. Prints the binary's absolute path as its last line. The first way that applies:
//   1. SCV_PROVIDER_BINARY names a provider binary you already have (of the version below): it is linked in.
//   2. ../shared/vendor holds the released source of the provider and of the Go SDK it pins: checked against
//      SHA256SUMS, unpacked, and built together through a go.work that replaces the SDK module with its source.
//   3. Otherwise `go install` of the provider module at that version, through the Go module proxy.
// A build is reused while nothing that goes into it changed. Exit 3: no Go and no binary, so nothing can be built.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { providerInstall, PROVIDER_MODULE, PROVIDER_VERSION } from "./provider-install.cjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const vendor = join(root, "../shared/vendor");
const archives = {
  provider: `terraform-provider-genesyscloud-${PROVIDER_VERSION}.tar.gz`,
  sdk: "platform-client-sdk-go-188.0.0.tar.gz",
};
// What provider 1.82.0's go.mod requires, exactly.
const SDK_MODULE = "github.com/mypurecloud/platform-client-sdk-go/v188";
const SDK_VERSION = "v188.0.0";
const LDFLAGS = `-X main.version=${PROVIDER_VERSION}`;

const install = providerInstall(root);
const fail = (message, code = 1) => {
  console.error(`provider:build: ${message}`);
  process.exit(code);
};
const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { stdio: ["ignore", "inherit", "inherit"], ...options });
  if (result.error) fail(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(" ")} exited ${result.status}`);
  return result;
};
const goVersion = () => {
  const go = spawnSync("go", ["env", "GOVERSION"], { encoding: "utf8" });
  return go.error || go.status !== 0 ? undefined : go.stdout.trim();
};
// The Go toolchain on this machine, never one downloaded because a go.mod asks for a newer one.
const goEnv = { ...process.env, GOTOOLCHAIN: "local", GOFLAGS: "-buildvcs=false", CGO_ENABLED: "0" };

/** Links the binary in for OpenTofu and writes the mirror's CLI configuration; the binary itself is already in place. */
function finish(how) {
  mkdirSync(dirname(install.opentofuBinary), { recursive: true });
  rmSync(install.opentofuBinary, { force: true });
  symlinkSync(install.binary, install.opentofuBinary);
  writeFileSync(install.cliConfig, install.cliConfigText);
  console.log(`provider:build: genesyscloud provider ${PROVIDER_VERSION} (${how})`);
  console.log(install.binary);
}

/** The binary may be reused when the recipe that made it (stamp) is the one asked for now. */
const stamp = join(install.dir, "build.json");
const isBuilt = (recipe) => existsSync(install.binary) && existsSync(stamp) && readFileSync(stamp, "utf8") === JSON.stringify(recipe);
const markBuilt = (recipe) => writeFileSync(stamp, JSON.stringify(recipe));

mkdirSync(dirname(install.binary), { recursive: true });
const given = process.env.SCV_PROVIDER_BINARY?.trim();
if (given) {
  const binary = isAbsolute(given) ? given : resolve(process.env.INIT_CWD ?? process.cwd(), given);
  if (!existsSync(binary) || !lstatSync(binary).isFile())
    fail(
      `SCV_PROVIDER_BINARY: given ${JSON.stringify(given)}; allowed: the path of a terraform-provider-genesyscloud ${PROVIDER_VERSION} binary`,
    );
  rmSync(install.binary, { force: true });
  rmSync(stamp, { force: true });
  symlinkSync(binary, install.binary);
  finish(`linked from SCV_PROVIDER_BINARY ${binary}`);
  process.exit(0);
}

const go = goVersion();
if (!go) fail("Go is not on PATH, and SCV_PROVIDER_BINARY names no binary: install Go 1.25 or later, or set SCV_PROVIDER_BINARY.", 3);

if (existsSync(join(vendor, "SHA256SUMS"))) {
  // 2. The vendored source: check it, unpack it, build the provider with the SDK from source.
  const sums = Object.fromEntries(
    readFileSync(join(vendor, "SHA256SUMS"), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) =>
        line
          .trim()
          .split(/\s+\*?/)
          .reverse(),
      ),
  );
  for (const name of Object.values(archives)) {
    if (!sums[name]) fail(`${join(vendor, "SHA256SUMS")} names no checksum for ${name}`);
    const actual = createHash("sha256")
      .update(readFileSync(join(vendor, name)))
      .digest("hex");
    if (actual !== sums[name])
      fail(`${join(vendor, name)}: given sha256 ${actual}; allowed: ${sums[name]} (SHA256SUMS): the archive is not the released source`);
  }
  const recipe = { way: "vendor", sums: Object.values(archives).map((n) => sums[n]), go, ldflags: LDFLAGS };
  if (isBuilt(recipe)) {
    finish(`reused: built from ${vendor} with ${go}`);
    process.exit(0);
  }
  const src = join(install.dir, "src");
  rmSync(src, { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  for (const name of Object.values(archives)) run("tar", ["-xzf", join(vendor, name), "-C", src]);
  const providerDir = join(src, archives.provider.replace(/\.tar\.gz$/, ""));
  const sdkDir = join(src, archives.sdk.replace(/\.tar\.gz$/, ""));
  writeFileSync(
    join(src, "go.work"),
    `go 1.25.0\n\nuse ./${archives.provider.replace(/\.tar\.gz$/, "")}\n\nreplace ${SDK_MODULE} ${SDK_VERSION} => ./${archives.sdk.replace(/\.tar\.gz$/, "")}\n`,
  );
  if (!existsSync(sdkDir)) fail(`${archives.sdk} did not unpack into ${sdkDir}`);
  const started = Date.now();
  console.error(
    `provider:build: building provider ${PROVIDER_VERSION} from ${vendor} (cold: about 4 minutes and 6 GiB of memory; warm: seconds)`,
  );
  const temporary = `${install.binary}.${process.pid}.tmp`;
  run("go", ["build", "-trimpath", "-ldflags", LDFLAGS, "-o", temporary, "."], {
    cwd: providerDir,
    env: { ...goEnv, GOWORK: join(src, "go.work") },
  });
  renameSync(temporary, install.binary);
  markBuilt(recipe);
  finish(`built from ${vendor} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} else {
  // 3. No vendored source: the module proxy serves the provider elsewhere, and its go.mod has no replace lines.
  const recipe = { way: "go install", module: `${PROVIDER_MODULE}@v${PROVIDER_VERSION}`, go, ldflags: LDFLAGS };
  if (isBuilt(recipe)) {
    finish(`reused: go install ${recipe.module} with ${go}`);
    process.exit(0);
  }
  const bin = join(install.dir, "go-install");
  const started = Date.now();
  run("go", ["install", "-trimpath", "-ldflags", LDFLAGS, `${PROVIDER_MODULE}@v${PROVIDER_VERSION}`], { env: { ...goEnv, GOBIN: bin } });
  renameSync(join(bin, "terraform-provider-genesyscloud"), install.binary);
  chmodSync(install.binary, 0o755);
  markBuilt(recipe);
  finish(`go install ${PROVIDER_MODULE}@v${PROVIDER_VERSION} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
