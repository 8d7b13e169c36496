// npm run opentofu:build: OpenTofu, built from its released source through the Go module proxy, into .opentofu/
// (git-ignored), for the end-to-end tests that run on both engines. Prints the binary's absolute path as its last
// line. `go install module@version` is refused for OpenTofu (its go.mod has a replace line), so the module is
// downloaded (`go mod download`) and built inside its own folder of the module cache, with the release's flags
// (.goreleaser.yaml: CGO off, -trimpath, -mod=readonly, version.dev=no), so that `tofu version` says the plain
// release version. A build is reused while the version, the Go and the flags are the same. Exit 3: no Go.
// SCV_OPENTOFU_BINARY names an OpenTofu of that version you already have (a pipeline's setup-opentofu): it is linked in.
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { OPENTOFU_LDFLAGS, OPENTOFU_MODULE, OPENTOFU_VERSION, opentofuInstall } from "./opentofu-install.cjs";

const install = opentofuInstall();
const fail = (message, code = 1) => {
  console.error(`opentofu:build: ${message}`);
  process.exit(code);
};
// The Go toolchain on this machine, never one downloaded because a go.mod asks for a newer one.
const goEnv = { ...process.env, GOTOOLCHAIN: "local", GOFLAGS: "-buildvcs=false", CGO_ENABLED: "0" };
const go = (args, options = {}) => {
  const result = spawnSync("go", args, { env: goEnv, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], ...options });
  if (result.error) fail(`go could not start: ${result.error.message}`, result.error.code === "ENOENT" ? 3 : 1);
  if (result.status !== 0) fail(`go ${args.join(" ")} exited ${result.status}`);
  return result.stdout;
};

/** What `<binary> version` says first: "OpenTofu v1.12.6". */
const versionOf = (binary) =>
  spawnSync(binary, ["version"], {
    encoding: "utf8",
    env: { ...process.env, TF_CLI_CONFIG_FILE: "", CHECKPOINT_DISABLE: "1" },
  }).stdout?.split("\n")[0];
const expected = `OpenTofu v${OPENTOFU_VERSION}`;

const given = process.env.SCV_OPENTOFU_BINARY?.trim();
if (given) {
  const binary = isAbsolute(given) ? given : resolve(process.env.INIT_CWD ?? process.cwd(), given);
  const says = existsSync(binary) && lstatSync(binary).isFile() ? versionOf(binary) : undefined;
  if (says !== expected)
    fail(
      `SCV_OPENTOFU_BINARY: given ${JSON.stringify(given)}${says ? ` (it says ${JSON.stringify(says)})` : ""}; allowed: the path of an OpenTofu ${OPENTOFU_VERSION} binary`,
    );
  mkdirSync(dirname(install.binary), { recursive: true });
  rmSync(install.binary, { force: true });
  rmSync(install.stamp, { force: true });
  symlinkSync(binary, install.binary);
  console.log(`opentofu:build: OpenTofu ${OPENTOFU_VERSION} (linked from SCV_OPENTOFU_BINARY ${binary})`);
  console.log(install.binary);
  process.exit(0);
}

const goVersion = spawnSync("go", ["env", "GOVERSION"], { env: goEnv, encoding: "utf8" });
if (goVersion.error || goVersion.status !== 0)
  fail(
    `Go is not on PATH, and SCV_OPENTOFU_BINARY names no binary: install Go 1.26 or later to build OpenTofu ${OPENTOFU_VERSION}, or set SCV_OPENTOFU_BINARY (docs/engines.md).`,
    3,
  );
const recipe = { module: `${OPENTOFU_MODULE}@v${OPENTOFU_VERSION}`, go: goVersion.stdout.trim(), ldflags: OPENTOFU_LDFLAGS };
const stamp = existsSync(install.stamp) ? JSON.parse(readFileSync(install.stamp, "utf8")) : undefined;
if (existsSync(install.binary) && JSON.stringify(stamp?.recipe) === JSON.stringify(recipe)) {
  console.log(`opentofu:build: OpenTofu ${OPENTOFU_VERSION} (reused: built with ${recipe.go} in ${stamp.seconds} s)`);
  console.log(install.binary);
  process.exit(0);
}

const started = Date.now();
console.error(
  `opentofu:build: building OpenTofu ${OPENTOFU_VERSION} from the Go module proxy (cold: about 5 to 13 minutes; warm: seconds)`,
);
const { Dir: source } = JSON.parse(go(["mod", "download", "-json", recipe.module]));
if (!source || !existsSync(source)) fail(`go mod download named no folder for ${recipe.module}`);
mkdirSync(dirname(install.binary), { recursive: true });
const temporary = `${install.binary}.${process.pid}.tmp`;
go(["build", "-mod=readonly", "-trimpath", "-ldflags", OPENTOFU_LDFLAGS, "-o", temporary, "./cmd/tofu"], {
  cwd: source,
  stdio: ["ignore", "inherit", "inherit"],
});
const said = spawnSync(temporary, ["version"], {
  encoding: "utf8",
  env: { ...process.env, TF_CLI_CONFIG_FILE: "", CHECKPOINT_DISABLE: "1" },
});
if (!said.stdout?.startsWith(`OpenTofu v${OPENTOFU_VERSION}\n`))
  fail(`the build says ${JSON.stringify(said.stdout?.split("\n")[0])}, not "OpenTofu v${OPENTOFU_VERSION}"`);
renameSync(temporary, install.binary);
const seconds = Math.round((Date.now() - started) / 1000);
writeFileSync(install.stamp, JSON.stringify({ recipe, seconds, builtAt: new Date().toISOString() }, null, 2));
console.log(`opentofu:build: OpenTofu ${OPENTOFU_VERSION} (built with ${recipe.go} in ${seconds} s)`);
console.log(install.binary);
