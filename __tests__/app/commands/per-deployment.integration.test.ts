/**
 * A command about one deployment costs one deployment: adopt, migrate, guard, output and diff of "first", in a file
 * of a hundred orgs (each deployment its own org), read only first's state and synthesize only first's stack. Seen
 * through a stand-in terraform on PATH that writes down where it runs (each state is read in a folder named after its
 * deployment, each stack runs in its own), and, for diff, the synthesized manifest.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { adoptCommand } from "../../../lib/app/commands/adopt";
import { RUNNER_COMMANDS } from "../../../lib/app/commands/cdktf-runner";
import { guardCommand } from "../../../lib/app/commands/guard";
import { migrateCommand } from "../../../lib/app/commands/migrate";
import { Deployment } from "../../../lib/app/deployments/deployments";
import { runCommand } from "../../../lib/shared/command-declaration";
import { readStates } from "../../../lib/app/state/read-states";
import { EmulatedOrg, Emulator, startEmulator } from "../../support/genesys-emulator";
import { capturedIo } from "../../support/captured-io";
import { SEED_ARTICLE_SCOPES } from "../../support/seed-article";
import { tempDir } from "../../support/temp-dir";

const ORGS: EmulatedOrg[] = Array.from({ length: 4 }, (_, i) => ({
  id: `a1b2c3d4-0000-4000-8000-00000000000${i + 1}`,
  name: `Org ${i}`,
  credentials: { clientId: `ci-${i}`, clientSecret: `ci-secret-${i}` },
}));
const NAMES = ["first", "second", "third", "fourth"];
const LOCK = `provider "registry.terraform.io/mypurecloud/genesyscloud" {\n  version = "1.82.0"\n}\n`;
const api = { polls: 5, pollMs: 0, sleep: async () => undefined, tries: 1 };

let emulator: Emulator;
let dir: string;
let handMade: string;
const log = () => join(dir, "terraform.log");
/** The folders the stand-in terraform ran in, by the deployment they are named after (`backends/<name>`, `stacks/<name>`). */
const touched = () =>
  existsSync(log())
    ? [
        ...new Set(
          readFileSync(log(), "utf8")
            .split("\n")
            .flatMap((line) => /\/(?:backends|stacks)\/([^/\s]+)/.exec(line)?.[1] ?? []),
        ),
      ].sort()
    : [];

beforeAll(async () => {
  emulator = await startEmulator(ORGS);
  dir = tempDir("per-deployment-");
  handMade = emulator.seed(ORGS[0].id, {
    name: "Salesforce SCV",
    accessTokenValiditySeconds: 86400,
    authorizedGrantType: "TOKEN",
    registeredRedirectUri: ["https://acme0.lightning.force.com/lightning/page/home"],
    scope: SEED_ARTICLE_SCOPES,
  });
  // A terraform that reads no state: it writes down where it runs, and prints the outputs the test put beside the
  // deployments file for the deployment whose folder it runs in (none: an empty state).
  const bin = join(dir, "bin");
  mkdirSync(bin);
  writeFileSync(
    join(bin, "terraform"),
    `#!/bin/sh\necho "$PWD $1" >> "${log()}"\n` +
      `if [ "$1 $2" = "state pull" ]; then f="${dir}/outputs/$(basename "$PWD").json"; if [ -f "$f" ]; then printf '{"version":4,"outputs":'; cat "$f"; printf '}'; fi; fi\nexit 0\n`,
  );
  chmodSync(join(bin, "terraform"), 0o755);
  mkdirSync(join(dir, "outputs"));
  writeFileSync(join(dir, ".terraform.lock.hcl"), LOCK);
});
afterAll(() => emulator.close());

/** The file: first, then three more deployments, each of its own org and credentials; first adopted or not. */
function deploymentsFile(adopted: boolean): NodeJS.ProcessEnv {
  const gateway = { host: "127.0.0.1", port: Number(new URL(emulator.url).port), protocol: "http" };
  const deployments = NAMES.map((name, i) => ({
    name,
    genesysCloud: { region: "us-east-1", gateway, organizationId: ORGS[i].id, credentials: `ORG${i}` },
    salesforce: { myDomain: `acme${i}` },
    ...(i === 0 && adopted && { oauthClient: { importClientId: handMade } }),
    backend: { local: { path: `state/${name}.tfstate` } },
  }));
  writeFileSync(join(dir, "deployments.json"), JSON.stringify({ deployments }));
  rmSync(log(), { force: true });
  return {
    PATH: `${join(dir, "bin")}:${process.env.PATH}`,
    DEPLOYMENTS_FILE: join(dir, "deployments.json"),
    ...Object.fromEntries(
      ORGS.flatMap((org, i) => [
        [`ORG${i}_GENESYSCLOUD_OAUTHCLIENT_ID`, org.credentials.clientId],
        [`ORG${i}_GENESYSCLOUD_OAUTHCLIENT_SECRET`, org.credentials.clientSecret],
      ]),
    ),
  };
}

/** first's state holds the hand-made client (deployed), or nothing. */
const firstState = (deployed: boolean) =>
  deployed
    ? writeFileSync(
        join(dir, "outputs", "first.json"),
        JSON.stringify({
          client_id: { value: handMade },
          redirect_uris: { value: ["https://acme0.lightning.force.com/lightning/page/home"] },
        }),
      )
    : rmSync(join(dir, "outputs", "first.json"), { force: true });

describe("a per-deployment command reads only the named deployment's state and synthesizes only its stack", () => {
  it("adopt first: its candidate found, first's state read and no other's", async () => {
    firstState(false);
    const env = deploymentsFile(false);
    const captured = capturedIo();
    const code = await runCommand(adoptCommand, ["first"], env, captured.io, { api });
    expect({ code, out: captured.out() }).toEqual({ code: 0, out: expect.stringContaining(`client ${handMade}`) });
    expect(touched()).toEqual(["first"]);
  });

  it("adopt first --guard: first's state read and no other's", async () => {
    firstState(false);
    const env = deploymentsFile(false);
    const captured = capturedIo();
    // The org has a client for first's Salesforce org and first would create another: the guard stops it.
    expect(await runCommand(adoptCommand, ["first", "--guard"], env, captured.io, { api })).toBe(1);
    expect(captured.err()).toContain(handMade);
    expect(touched()).toEqual(["first"]);
  });

  it("migrate first: first's state read and no other's", async () => {
    firstState(true);
    const env = deploymentsFile(true);
    const captured = capturedIo();
    expect(await runCommand(migrateCommand, ["first"], env, captured.io, { api })).toBe(0);
    expect(touched()).toEqual(["first"]);
  });

  it("guard first: first's state read and no other's", async () => {
    firstState(true);
    const env = deploymentsFile(true);
    const captured = capturedIo();
    expect({ code: await runCommand(guardCommand, ["first"], env, captured.io, { api }), err: captured.err() }).toEqual({
      code: 0,
      err: "",
    });
    expect(touched()).toEqual(["first"]);
  });

  it("output first: first's state read and no other's", async () => {
    firstState(true);
    const env = deploymentsFile(true);
    const captured = capturedIo();
    expect(await runCommand(RUNNER_COMMANDS.output, ["first"], env, captured.io)).toBe(0);
    expect(captured.out()).toContain(`first: client id ${handMade}`);
    expect(touched()).toEqual(["first"]);
  });

  it("diff first: only first's stack synthesized, first's state read, no other's folder run in", async () => {
    firstState(true);
    const env = deploymentsFile(true);
    const out = join(dir, "cdktf.out");
    const captured = capturedIo();
    // The stand-in plans nothing cdktf can read: what counts here is what was synthesized and read, not the plan.
    await runCommand(RUNNER_COMMANDS.diff, ["first", "--output", out], env, captured.io);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(Object.keys(manifest.stacks)).toEqual(["first"]);
    expect(readdirSync(join(out, "stacks"))).toEqual(["first"]);
    expect(touched()).toEqual(["first"]);
  }, 120_000);

  it("synth still synthesizes every deployment", async () => {
    const env = deploymentsFile(true);
    const out = join(dir, "cdktf.out.all");
    const captured = capturedIo();
    expect(await runCommand(RUNNER_COMMANDS.synth, ["--output", out], env, captured.io)).toBe(0);
    expect(readdirSync(join(out, "stacks")).sort()).toEqual([...NAMES].sort());
  }, 120_000);
});

describe("readStates over many deployments runs the engine at the concurrency given", () => {
  it.each([1, 3])(
    "%i at once: never more, and that many",
    async (parallelism) => {
      const at = tempDir("read-many-");
      const bin = join(at, "bin");
      mkdirSync(bin);
      // Each output waits a little, writing down when it starts and ends.
      writeFileSync(
        join(bin, "terraform"),
        `#!/bin/sh\nif [ "$1 $2" = "state pull" ]; then echo start >> "${at}/runs.log"; sleep 0.3; echo end >> "${at}/runs.log"; fi\nexit 0\n`,
      );
      chmodSync(join(bin, "terraform"), 0o755);
      const deployments = Array.from({ length: 7 }, (_, i) => ({
        name: `org${i}`,
        genesysCloud: { region: "us-east-1" as const },
        salesforce: { myDomain: `acme${i}` },
      }));
      const readings = await readStates(deployments as Deployment[], at, { PATH: `${bin}:${process.env.PATH}` }, parallelism);
      expect([...readings.values()]).toEqual(deployments.map(() => ({ outputs: { redirectUris: [] } })));
      let running = 0;
      let most = 0;
      for (const line of readFileSync(join(at, "runs.log"), "utf8").trim().split("\n")) {
        running += line === "start" ? 1 : -1;
        most = Math.max(most, running);
      }
      expect(most).toBe(parallelism);
    },
    60_000,
  );
});
