/** npm run output as a process would meet them: a stand-in terraform on PATH, the emulator for Genesys Cloud. */
import { chmodSync, mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { RUNNER_COMMANDS } from "../../../lib/app/commands/cdktf-runner";
import { runCommand } from "../../../lib/shared/command-declaration";
import { Emulator, EmulatedOrg, startEmulator } from "../../support/genesys-emulator";
import { capturedIo } from "../../support/captured-io";
import { tempDir } from "../../support/temp-dir";

describe("npm run output on answers that are not what they should be", () => {
  const ORG: EmulatedOrg = {
    id: "a1b2c3d4-0000-4000-8000-00000000ac3e",
    name: "Acme",
    credentials: { clientId: "ci", clientSecret: "ci-secret" },
  };
  const CLIENT_ID = "0f5b4f3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
  const dir = tempDir("output-");
  let emulator: Emulator;
  let terraformPrints: string;

  beforeAll(async () => {
    emulator = await startEmulator([ORG]);
    // A terraform on PATH that reads no state: it prints what the test puts in its file.
    const bin = join(dir, "bin");
    mkdirSync(bin);
    writeFileSync(join(bin, "terraform"), `#!/bin/sh\n[ "$1 $2" = "state pull" ] && cat "${join(dir, "state.json")}"\nexit 0\n`);
    chmodSync(join(bin, "terraform"), 0o755);
    const port = Number(new URL(emulator.url).port);
    const gateway = { host: "127.0.0.1", port, protocol: "http" };
    writeFileSync(
      join(dir, "deployments.json"),
      JSON.stringify({
        deployments: [{ name: "production", genesysCloud: { region: "us-east-1", gateway }, salesforce: { myDomain: "acme" } }],
      }),
    );
  });
  afterAll(() => emulator.close());
  beforeEach(() => {
    terraformPrints = JSON.stringify({
      version: 4,
      outputs: {
        client_id: { value: CLIENT_ID },
        redirect_uris: { value: ["https://acme.lightning.force.com/lightning/page/home"] },
      },
    });
  });

  const output = async () => {
    writeFileSync(join(dir, "state.json"), terraformPrints);
    const captured = capturedIo();
    const env = {
      PATH: `${join(dir, "bin")}:${process.env.PATH}`,
      DEPLOYMENTS_FILE: join(dir, "deployments.json"),
      GENESYSCLOUD_OAUTHCLIENT_ID: "ci",
      GENESYSCLOUD_OAUTHCLIENT_SECRET: "ci-secret",
    };
    const status = await runCommand(RUNNER_COMMANDS.output, ["production"], env, captured.io);
    return { status, out: captured.out(), err: captured.err() };
  };

  it.each([
    [
      "the client's read",
      "GET /api/v2/oauth/clients/",
      "Genesys Cloud's answer for one OAuth client is not the client it documents (not a JSON object)",
    ],
    ["the login", "POST /oauth/token", "Genesys Cloud's login answered without an access token"],
  ])(
    "a 200 whose body is JSON null, or other JSON but an object (%s), is one message, and the client id is still shown",
    async (_, route, message) => {
      for (const body of ["null", "42", '"text"', "[]"]) {
        emulator.inject({ route, status: 200, times: 1, rawBody: body });
        expect(await output()).toEqual({
          status: 0,
          out: expect.stringMatching(new RegExp(`^production: client id ${CLIENT_ID}\n`)),
          err: `deployment "production": ${message}\n  (whether client ${CLIENT_ID} still exists could not be asked)\n`,
        });
      }
    },
  );

  it.each(["null", "[]", "not json", '{ "outputs": 5 }', '{ "outputs": [] }'])(
    "terraform state pull printing %j is a problem of the deployment's state, not a crash",
    async (printed) => {
      terraformPrints = printed;
      expect(await output()).toEqual({
        status: 1,
        out: "",
        err: "production: could not read its state: terraform state pull printed no state (a JSON object with its outputs)\n",
      });
    },
  );

  it("no state yet (state pull prints nothing): not deployed yet", async () => {
    terraformPrints = "";
    expect(await output()).toEqual({ status: 0, out: "production: not deployed yet (its state holds no client id)\n", err: "" });
  });

  it("outputs of the wrong shape read as none", async () => {
    terraformPrints = JSON.stringify({ outputs: { client_id: null, redirect_uris: 5, toString: { value: "x" } } });
    expect(await output()).toEqual({ status: 0, out: "production: not deployed yet (its state holds no client id)\n", err: "" });
  });
});
