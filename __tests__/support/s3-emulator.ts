/**
 * A local S3 for state-backend tests: moto's server (Python, pinned in requirements-test.txt, installed into .venv by
 * .ci/run), on 127.0.0.1 and a free port. Buckets and objects are read over plain HTTP; moto checks no signatures.
 */
import { ChildProcess, spawn, spawnSync } from "child_process";
import { existsSync } from "fs";
import { createServer } from "net";
import { join } from "path";

const root = join(__dirname, "../..");

export interface S3Emulator {
  readonly endpoint: string;
  createBucket(bucket: string): Promise<void>;
  /** The keys in a bucket. */
  keys(bucket: string): Promise<string[]>;
  object(bucket: string, key: string): Promise<string | undefined>;
  close(): Promise<void>;
}

/** The moto server command: the project's .venv first, then PATH; undefined when there is none. */
export function motoServer(): string[] | undefined {
  const venv = join(root, ".venv/bin/moto_server");
  if (existsSync(venv)) return [venv];
  if (spawnSync("moto_server", ["--help"], { stdio: "ignore" }).status === 0) return ["moto_server"];
  return undefined;
}

export async function startS3Emulator(): Promise<S3Emulator> {
  const command = motoServer();
  if (!command) throw new Error("moto_server not found: run `python3 -m venv .venv && .venv/bin/pip install -r requirements-test.txt`");
  const port = await freePort();
  const server: ChildProcess = spawn(command[0], [...command.slice(1), "-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
  const endpoint = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await fetch(`${endpoint}/moto-api/`);
      break;
    } catch {
      if (attempt > 100) throw new Error("moto_server did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    endpoint,
    async createBucket(bucket) {
      const response = await fetch(`${endpoint}/${bucket}`, { method: "PUT" });
      if (!response.ok) throw new Error(`create bucket ${bucket}: ${response.status} ${await response.text()}`);
    },
    async keys(bucket) {
      const xml = await (await fetch(`${endpoint}/${bucket}?list-type=2`)).text();
      return [...xml.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1]);
    },
    async object(bucket, key) {
      // moto answers object reads only to a signed-looking request; it checks no signature.
      const authorization = "AWS4-HMAC-SHA256 Credential=e2e/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0";
      const response = await fetch(`${endpoint}/${bucket}/${key}`, { headers: { authorization } });
      return response.ok ? response.text() : undefined;
    },
    close: () =>
      new Promise((resolve) => {
        server.once("exit", () => resolve());
        server.kill();
      }),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
