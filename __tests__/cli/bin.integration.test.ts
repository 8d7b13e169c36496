/**
 * The real bin (dist/cli/genesys-scv-oauth-client.js, built by build-setup.js) on hostile files beside the deployments
 * file and on signals: what would wait is refused at once, and every command ends within seconds on SIGINT and SIGTERM,
 * its children too. The deadlines have room for a loaded 2-core machine.
 */
import { spawn, spawnSync } from "child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "fs";
import { join } from "path";
import { tempDir } from "../support/temp-dir";

const root = join(__dirname, "..", "..");
const bin = join(root, "dist/cli/genesys-scv-oauth-client.js");
/** A refusal starts no engine and reads nothing that waits: far less than this even on a loaded machine. */
const REFUSED_WITHIN_MS = 10_000;
/** From the signal to the exit: the children's grace (3 s) and the command's (2 s), with room. */
const ENDED_WITHIN_MS = 10_000;

/** A folder with the shipped deployments file, and a `terraform` (and `mytf`) that never answers. */
function repository(): string {
  const dir = tempDir("bin-");
  copyFileSync(join(root, "deployments.json"), join(dir, "deployments.json"));
  // As init's cdktf.json, with the built bin for the installed one.
  writeFileSync(
    join(dir, "cdktf.json"),
    JSON.stringify({ language: "typescript", app: `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} app` }),
  );
  mkdirSync(join(dir, "bin"));
  for (const name of ["terraform", "mytf"]) {
    // Its pid written where the test reads it, then a wait that only a signal ends.
    writeFileSync(join(dir, "bin", name), `#!/bin/sh\necho $$ >> ${JSON.stringify(join(dir, "children"))}\nexec sleep 300\n`);
    chmodSync(join(dir, "bin", name), 0o755);
  }
  return dir;
}

function runBin(dir: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const started = Date.now();
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    env: { ...process.env, CI: "true", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { ...run, ms: Date.now() - started };
}

function mkfifo(path: string): void {
  expect(spawnSync("mkfifo", [path]).status).toBe(0);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("files beside the deployments file: a FIFO, a folder, a device or a link out of the folder is one message naming the file", () => {
  const kinds: [string, (path: string, dir: string) => void, RegExp][] = [
    ["a FIFO", (path) => mkfifo(path), /given a FIFO \(a named pipe, or a shell's process substitution\), not a regular file/],
    ["a folder", (path) => mkdirSync(path), /given a folder;/],
    ["a device", (path) => symlinkSync("/dev/zero", path), /given a symbolic link to "\/dev\/zero", outside /],
    ["a link out of the folder", (path) => symlinkSync("/etc/passwd", path), /given a symbolic link to "\/etc\/passwd", outside /],
    [
      "a link to nothing",
      (path, dir) => symlinkSync(join(dir, "gone"), path),
      /given a symbolic link to ".*gone", which points to nothing/,
    ],
  ];
  for (const [kind, make, given] of kinds) {
    it(`the provider lock file as ${kind}: synth and lock refuse it at once, naming it; nothing is written`, () => {
      const dir = repository();
      const lock = join(dir, ".terraform.lock.hcl");
      make(lock, dir);
      for (const command of ["synth", "lock"]) {
        const run = runBin(dir, [command], { TERRAFORM_BINARY_NAME: join(dir, "bin", "terraform") });
        expect([command, run.status, run.signal]).toEqual([command, 1, null]);
        expect(run.ms).toBeLessThan(REFUSED_WITHIN_MS);
        expect(run.stderr).toContain(`${lock} has 1 problem:\n  - (file): `);
        expect(run.stderr).toMatch(given);
        expect(run.stderr).not.toMatch(/\n\s+at /);
      }
      // No output folder made, no engine started.
      expect(existsSync(join(dir, "cdktf.out"))).toBe(false);
      expect(existsSync(join(dir, "children"))).toBe(false);
    });
  }

  it("a link to a lock file inside the folder is followed; one to a lock file of another repository is refused", () => {
    const dir = repository();
    mkdirSync(join(dir, "locks"));
    writeFileSync(join(dir, "locks", "lock.hcl"), "# ours\n");
    symlinkSync(join(dir, "locks", "lock.hcl"), join(dir, ".terraform.lock.hcl"));
    const inside = runBin(dir, ["synth"]);
    expect(inside.status).toBe(0);
    expect(readFileSync(join(dir, "cdktf.out", "stacks", "production", ".terraform.lock.hcl"), "utf8")).toBe("# ours\n");
    const other = repository();
    symlinkSync(join(dir, "locks", "lock.hcl"), join(other, ".terraform.lock.hcl"));
    const outside = runBin(other, ["synth"]);
    expect(outside.status).toBe(1);
    expect(outside.stderr).toContain(`given a symbolic link to ${JSON.stringify(join(dir, "locks", "lock.hcl"))}, outside ${other}`);
  });

  it("a local state file that is a FIFO: output and deploy refuse it, naming it, before the engine starts", () => {
    const dir = repository();
    mkfifo(join(dir, "terraform.production.tfstate"));
    for (const args of [
      ["output", "production"],
      ["deploy", "production", "--auto-approve"],
    ]) {
      const run = runBin(dir, args, { TERRAFORM_BINARY_NAME: join(dir, "bin", "terraform"), GENESYSCLOUD_ACCESS_TOKEN: "t" });
      expect([args[0], run.status]).toEqual([args[0], 1]);
      expect(run.ms).toBeLessThan(REFUSED_WITHIN_MS);
      expect(run.stderr).toContain(`${join(dir, "terraform.production.tfstate")} has 1 problem:`);
      expect(run.stderr).toContain(`allowed: deployment "production"'s local state file (backend.local.path): a regular file`);
    }
    expect(existsSync(join(dir, "children"))).toBe(false);
  });

  it("a file synth writes in the output folder that is a FIFO is named; synth does not open it", () => {
    const dir = repository();
    mkdirSync(join(dir, "cdktf.out", "stacks", "production"), { recursive: true });
    mkfifo(join(dir, "cdktf.out", "stacks", "production", "cdk.tf.json"));
    const run = runBin(dir, ["synth"]);
    expect(run.status).toBe(1);
    expect(run.ms).toBeLessThan(REFUSED_WITHIN_MS);
    expect(run.stderr).toContain(`cdktf.out/stacks/production/cdk.tf.json has 1 problem:\n  - (file): given a FIFO`);
  });
});

describe("every command ends on SIGINT and SIGTERM within seconds, and the processes it started end with it", () => {
  /** Starts the bin, waits until its child has started (its pid written), sends the signal; the exit and the child. */
  async function signalled(args: string[], signal: NodeJS.Signals, env: (dir: string) => NodeJS.ProcessEnv) {
    const dir = repository();
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: dir,
      env: { ...process.env, PATH: `${join(dir, "bin")}:${process.env.PATH}`, CI: "true", ...env(dir) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (text) => (stderr += text));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
      child.on("exit", (code, sig) => done({ code, signal: sig })),
    );
    // The command's child has started once it wrote its pid: 60 s is room for the synth before it on a loaded machine.
    const until = Date.now() + 60_000;
    while (!existsSync(join(dir, "children")) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    const pids = readFileSync(join(dir, "children"), "utf8").trim().split("\n").map(Number);
    const sent = Date.now();
    child.kill(signal);
    const exit = await exited;
    const ms = Date.now() - sent;
    // The engine's process group is ended with it: given a moment to be reaped.
    await new Promise((r) => setTimeout(r, 500));
    return { exit, ms, pids, stderr, dir };
  }

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    const code = signal === "SIGTERM" ? 143 : 130;
    it(`lock while its terraform init hangs: ${signal} ends lock (exit ${code}) and the init, leaving the lock file as it was`, async () => {
      const run = await signalled(["lock"], signal, (dir) => ({ TERRAFORM_BINARY_NAME: join(dir, "bin", "terraform") }));
      expect(run.exit).toEqual({ code, signal: null });
      expect(run.ms).toBeLessThan(ENDED_WITHIN_MS);
      expect(run.pids.filter(alive)).toEqual([]);
      expect(readdirSync(run.dir).sort()).toEqual(["bin", "cdktf.json", "children", "deployments.json"]);
    }, 90_000);

    it(`output while the engine's version call hangs: ${signal} ends it (exit ${code}) and the version call`, async () => {
      const run = await signalled(["output", "production"], signal, (dir) => ({ TERRAFORM_BINARY_NAME: join(dir, "bin", "mytf") }));
      expect(run.exit).toEqual({ code, signal: null });
      expect(run.ms).toBeLessThan(ENDED_WITHIN_MS);
      expect(run.pids.filter(alive)).toEqual([]);
    }, 90_000);

    it(`output while the state's init hangs: ${signal} ends it (exit ${code}) and the engine`, async () => {
      const run = await signalled(["output", "production"], signal, (dir) => ({ TERRAFORM_BINARY_NAME: join(dir, "bin", "terraform") }));
      expect(run.exit).toEqual({ code, signal: null });
      expect(run.ms).toBeLessThan(ENDED_WITHIN_MS);
      expect(run.pids.filter(alive)).toEqual([]);
    }, 90_000);
  }
});
