// Makes sure tools/cdktn/ holds CDK Terrain as its lockfile pins it (cdktn, cdktn-cli, constructs and Node 22 from the
// npm registry: about 30 s and 400 MB the first time, nothing after), that tools/cdktn/.gen holds the bindings
// `cdktn get` makes from the committed provider schema snapshot, and that tools/cdktn/dist/main.js is the app built
// for cdktn (scripts/cdktn-toolchain.cjs says how). `npm test` runs it before jest, as it runs python-tools.mjs; the
// main package's own `npm ci` never needs Node 22.
// Without the npm registry the cdktn tests are skipped with a notice, and fail under CI (CI or GITHUB_ACTIONS).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { buildCdktnApp, cdktnToolchain, cdktnToolchainProblem, generateCdktnBindings } = require("./cdktn-toolchain.cjs");
const { PROVIDER_VERSION } = require("./provider-install.cjs");

let t = cdktnToolchain();
const sha256 = (...parts) => parts.reduce((hash, part) => hash.update(part), createHash("sha256")).digest("hex");
const stamped = (file, digest) => existsSync(file) && readFileSync(file, "utf8") === digest;
const skip = (why) => {
  console.log(`\ncdktn toolchain NOT ready (${why}): the cdktn tests will be skipped, and fail under CI.\n`);
  process.exit(0);
};

const lock = readFileSync(`${t.dir}/package-lock.json`);
const lockDigest = sha256(lock);
if (!stamped(t.installStamp, lockDigest)) {
  const started = Date.now();
  // --ignore-scripts: nothing in the toolchain needs an install script. On Node 20 npm warns that cdktn-cli wants
  // Node 22.19 (EBADENGINE); the CLI runs on the Node 22 installed beside it.
  const npm = spawnSync("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], {
    cwd: t.dir,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (npm.status !== 0) skip(`npm ci in tools/cdktn failed${npm.error ? `: ${npm.error.message}` : ""}`);
  writeFileSync(t.installStamp, lockDigest);
  console.log(`cdktn toolchain installed in tools/cdktn/ (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
// Read again: the Node 22 of the toolchain is there only now, on a first install.
t = cdktnToolchain();
if (!t.node) skip(cdktnToolchainProblem());

const snapshot = `provider-schema/genesyscloud-${PROVIDER_VERSION}.json`;
const bindingsDigest = sha256(lockDigest, readFileSync(snapshot), readFileSync("cdktf.json"));
if (!stamped(t.bindingsStamp, bindingsDigest)) {
  const get = generateCdktnBindings(snapshot);
  if (get.status !== 0) {
    console.error(`cdktn get failed:\n${get.stdout}${get.stderr}${get.error?.message ?? ""}`);
    process.exit(1);
  }
  writeFileSync(t.bindingsStamp, bindingsDigest);
}
await buildCdktnApp();
