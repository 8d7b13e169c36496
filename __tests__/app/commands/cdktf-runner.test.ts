import { chmodSync, mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { cdktfCommand, splitArguments, withoutTerraformColour } from "../../../lib/app/commands/cdktf-runner";
import { select } from "../../../lib/app/deployments/selection";
import { Deployment } from "../../../lib/app/deployments/deployments";
import { Emulator, EmulatedOrg, startEmulator } from "../../support/genesys-emulator";
import { capturedIo } from "../../support/captured-io";
import { tempDir } from "../../support/temp-dir";

const deployment = (name: string): Deployment => ({ name, genesysCloud: { region: "us-east-1" }, salesforce: { myDomain: "acme" } });
const deployments = ["production", "uat", "eu-production", "eu-uat"].map(deployment);

describe("splitArguments", () => {
  it("keeps cdktf's options and their values apart from deployment names", () => {
    expect(
      splitArguments(["production", "--auto-approve", "--output", "out", "eu-*", "--var-file", "x.tfvars", "--migrate-state"]),
    ).toEqual({
      patterns: ["production", "eu-*"],
      options: ["--auto-approve", "--output", "out", "--var-file", "x.tfvars", "--migrate-state"],
    });
  });
});

describe("select", () => {
  it("takes names and * patterns, in file order", () => {
    expect((select(deployments, ["eu-*", "production"], "deploy") as Deployment[]).map((d) => d.name)).toEqual([
      "production",
      "eu-production",
      "eu-uat",
    ]);
    expect((select(deployments, ["*"], "deploy") as Deployment[]).map((d) => d.name)).toEqual([
      "production",
      "uat",
      "eu-production",
      "eu-uat",
    ]);
  });

  it("a name that matches nothing is one message with the names there are", () => {
    expect(select(deployments, ["prod", "uat"], "deploy")).toBe(
      'deploy: no deployment is named "prod"; the deployments are: production, uat, eu-production, eu-uat',
    );
  });

  it("no name at all asks for one", () => {
    expect(select(deployments, [], "diff")).toBe(
      "diff: name the deployments, e.g. npm run diff -- production, or npm run diff -- '*' for all; the deployments are: production, uat, eu-production, eu-uat",
    );
  });

  it("pattern characters other than * are literal", () => {
    expect(select(deployments, ["eu.production"], "deploy")).toMatch(/^deploy: no deployment is named "eu\.production"/);
  });
});

describe("withoutTerraformColour", () => {
  it("adds -no-color to each Terraform command cdktf runs, after what the user set, once", () => {
    const env = withoutTerraformColour({ TF_CLI_ARGS_plan: "-parallelism=2", TF_CLI_ARGS_apply: "-no-color" });
    expect(env.TF_CLI_ARGS_plan).toBe("-parallelism=2 -no-color");
    expect(env.TF_CLI_ARGS_apply).toBe("-no-color");
    expect(env.TF_CLI_ARGS_init).toBe("-no-color");
    expect(Object.keys(env).sort()).toEqual([
      "TF_CLI_ARGS_apply",
      "TF_CLI_ARGS_destroy",
      "TF_CLI_ARGS_init",
      "TF_CLI_ARGS_output",
      "TF_CLI_ARGS_plan",
      "TF_CLI_ARGS_show",
    ]);
  });
});

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
    writeFileSync(join(bin, "terraform"), `#!/bin/sh\n[ "$1" = output ] && cat "${join(dir, "outputs.json")}"\nexit 0\n`);
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
      client_id: { value: CLIENT_ID },
      redirect_uris: { value: ["https://acme.lightning.force.com/lightning/page/home"] },
    });
  });

  const output = async () => {
    writeFileSync(join(dir, "outputs.json"), terraformPrints);
    const captured = capturedIo();
    const env = {
      PATH: `${join(dir, "bin")}:${process.env.PATH}`,
      DEPLOYMENTS_FILE: join(dir, "deployments.json"),
      GENESYSCLOUD_OAUTHCLIENT_ID: "ci",
      GENESYSCLOUD_OAUTHCLIENT_SECRET: "ci-secret",
    };
    const status = await cdktfCommand(["output", "production"], env, captured.io);
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

  it.each(["null", "[]", "not json", ""])(
    "terraform output -json printing %j is a problem of the deployment's state, not a crash",
    async (printed) => {
      terraformPrints = printed;
      expect(await output()).toEqual({
        status: 1,
        out: "",
        err: "production: could not read its state: terraform output -json printed no JSON object of outputs\n",
      });
    },
  );

  it("outputs of the wrong shape read as none", async () => {
    terraformPrints = JSON.stringify({ client_id: null, redirect_uris: 5, toString: { value: "x" } });
    expect(await output()).toEqual({ status: 0, out: "production: not deployed yet (its state holds no client id)\n", err: "" });
  });
});
