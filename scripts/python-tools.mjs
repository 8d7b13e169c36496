// Makes sure .venv holds the Python test tools pinned in requirements-test.txt (moto's server, the local S3 of the
// state-backend end-to-end tests, and zizmor), installing them when the file changed since the last install (~10 s,
// from PyPI). Every package is pinned with its hashes (pip-compile --generate-hashes from requirements-test.in), and
// pip refuses any file whose hash differs (--require-hashes), as the workflows pin actions by commit SHA.
// Without Python or PyPI the tests that need these tools are skipped with a notice, and fail in GitHub Actions.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const requirements = readFileSync("requirements-test.txt");
const digest = createHash("sha256").update(requirements).digest("hex");
const stamp = ".venv/requirements-test.sha256";
if (existsSync(stamp) && readFileSync(stamp, "utf8") === digest) process.exit(0);

const run = (command, args) => spawnSync(command, args, { stdio: ["ignore", "inherit", "inherit"] }).status === 0;
const installed =
  (existsSync(".venv/bin/pip") || run("python3", ["-m", "venv", ".venv"])) &&
  run(".venv/bin/pip", ["install", "--quiet", "--disable-pip-version-check", "--require-hashes", "-r", "requirements-test.txt"]);
if (installed) writeFileSync(stamp, digest);
else
  console.log(
    "\nPython test tools NOT installed (python3 -m venv .venv && .venv/bin/pip install --require-hashes -r requirements-test.txt failed): the tests that need them will be skipped.\n",
  );
