import { chmodSync, mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { Deployment } from "../../../lib/app/deployments/deployments";
import { deployPrerequisiteProblem, localStatesProblem, synthPrerequisiteProblem } from "../../../lib/app/commands/preflight";
import { ENGINE_MISSING } from "../../../lib/app/stack/engine";
import { tempDir } from "../../support/temp-dir";

const withTerraform = tempDir("preflight-");
writeFileSync(join(withTerraform, "terraform"), "#!/bin/sh\n");
chmodSync(join(withTerraform, "terraform"), 0o755);
const withoutTerraform = tempDir("preflight-empty-");

const deployment = (name: string, credentials?: string): Deployment => ({
  name,
  genesysCloud: { region: "us-east-1", ...(credentials && { credentials }) },
  salesforce: { myDomain: "acme" },
});
const production = deployment("production");

describe("deployPrerequisiteProblem", () => {
  it("asks to install Terraform or OpenTofu when neither is on PATH (the wording: engine.test.ts)", async () => {
    expect(await deployPrerequisiteProblem([production], { PATH: withoutTerraform, GENESYSCLOUD_ACCESS_TOKEN: "t" })).toBe(ENGINE_MISSING);
  });

  it("does not take a file that is not executable for Terraform", async () => {
    const dir = tempDir("preflight-noexec-");
    writeFileSync(join(dir, "terraform"), "");
    chmodSync(join(dir, "terraform"), 0o644);
    expect(await deployPrerequisiteProblem([production], { PATH: dir, GENESYSCLOUD_ACCESS_TOKEN: "t" })).toBe(ENGINE_MISSING);
  });

  it("names, in one message, every deployment without credentials and the exact variables it looked for", async () => {
    const deployments = [production, deployment("eu", "ACME_EU"), deployment("test", "ACME_TEST"), deployment("apac", "ACME_APAC")];
    const env = {
      PATH: withTerraform,
      ACME_EU_GENESYSCLOUD_OAUTHCLIENT_ID: "id",
      ACME_TEST_GENESYSCLOUD_OAUTHCLIENT_SECRET: "s",
      ACME_APAC_GENESYSCLOUD_ACCESS_TOKEN: "t",
    };
    expect(await deployPrerequisiteProblem(deployments, env)).toBe(
      [
        "No Genesys Cloud credentials for 3 deployments (a Client Credentials OAuth client of the deployment's org, or an access token):",
        "  - production: none of GENESYSCLOUD_OAUTHCLIENT_ID with GENESYSCLOUD_OAUTHCLIENT_SECRET, or GENESYSCLOUD_ACCESS_TOKEN, is set",
        "  - eu: ACME_EU_GENESYSCLOUD_OAUTHCLIENT_ID is set but ACME_EU_GENESYSCLOUD_OAUTHCLIENT_SECRET is not: a client id without its secret",
        "  - test: ACME_TEST_GENESYSCLOUD_OAUTHCLIENT_SECRET is set but ACME_TEST_GENESYSCLOUD_OAUTHCLIENT_ID is not: a secret without its client id",
      ].join("\n"),
    );
  });

  it("a prefixed deployment is not satisfied by the unprefixed variables", async () => {
    const env = { PATH: withTerraform, GENESYSCLOUD_OAUTHCLIENT_ID: "id", GENESYSCLOUD_OAUTHCLIENT_SECRET: "s" };
    expect(await deployPrerequisiteProblem([production], env)).toBeUndefined();
    expect(await deployPrerequisiteProblem([deployment("eu", "ACME_EU")], env)).toMatch(
      / {2}- eu: none of ACME_EU_GENESYSCLOUD_OAUTHCLIENT_ID/,
    );
  });

  it("passes with a client id and secret, or with an access token", async () => {
    expect(
      await deployPrerequisiteProblem([production], {
        PATH: withTerraform,
        GENESYSCLOUD_OAUTHCLIENT_ID: "id",
        GENESYSCLOUD_OAUTHCLIENT_SECRET: "s",
      }),
    ).toBeUndefined();
    expect(
      await deployPrerequisiteProblem([production], { PATH: `${withoutTerraform}:${withTerraform}`, GENESYSCLOUD_ACCESS_TOKEN: "t" }),
    ).toBeUndefined();
  });

  it("never echoes a credential", async () => {
    const env = { PATH: withTerraform, GENESYSCLOUD_OAUTHCLIENT_SECRET: "s3cr3t", ACME_EU_GENESYSCLOUD_OAUTHCLIENT_ID: "id-v4lue" };
    const problem = await deployPrerequisiteProblem([production, deployment("eu", "ACME_EU")], env);
    expect(problem).not.toMatch(/s3cr3t|id-v4lue/);
  });
});

describe("synthPrerequisiteProblem", () => {
  it("a lock file that cannot be read: its message, and that nothing was synthesized", () => {
    const dir = tempDir("preflight-lock-");
    mkdirSync(join(dir, ".terraform.lock.hcl"));
    expect(synthPrerequisiteProblem(dir, join(dir, "cdktf.out"), [production])).toMatch(
      /\.terraform\.lock\.hcl[^]*\nNothing was synthesized\.$/,
    );
  });

  it("an output folder that is a file: the output folder's message; none when both will do", () => {
    const dir = tempDir("preflight-out-");
    writeFileSync(join(dir, "out"), "");
    expect(synthPrerequisiteProblem(dir, join(dir, "out"), [production])).toEqual(expect.any(String));
    expect(synthPrerequisiteProblem(dir, join(dir, "cdktf.out"), [production])).toBeUndefined();
  });
});

describe("localStatesProblem", () => {
  it("each local state file that is not a file, in one message, and that nothing was run; none otherwise", () => {
    const dir = tempDir("preflight-states-");
    const local = (name: string): Deployment => ({ ...deployment(name), backend: { local: { path: `${name}.tfstate` } } });
    mkdirSync(join(dir, "eu.tfstate"));
    mkdirSync(join(dir, "us.tfstate"));
    const problem = localStatesProblem([local("eu"), local("us"), production], dir);
    expect(problem).toMatch(/deployment "eu"'s local state file[^]*\n[^]*deployment "us"'s local state file[^]*\nNothing was run\.$/);
    expect(localStatesProblem([local("fine"), production], dir)).toBeUndefined();
  });
});
