import { chmodSync, writeFileSync } from "fs";
import { join } from "path";
import { deployPrerequisiteProblem } from "../../lib/app/preflight";
import { tempDir } from "../support/temp-dir";

const withTerraform = tempDir("preflight-");
writeFileSync(join(withTerraform, "terraform"), "#!/bin/sh\n");
chmodSync(join(withTerraform, "terraform"), 0o755);
const withoutTerraform = tempDir("preflight-empty-");

describe("deployPrerequisiteProblem", () => {
  it("asks to install Terraform when it is not on PATH", () => {
    expect(deployPrerequisiteProblem({ PATH: withoutTerraform, GENESYSCLOUD_ACCESS_TOKEN: "t" }, "linux")).toBe(
      "Terraform CLI not found on PATH: install Terraform 1.x (https://developer.hashicorp.com/terraform/install) and run again.",
    );
  });

  it("does not take a file that is not executable for Terraform", () => {
    const dir = tempDir("preflight-noexec-");
    writeFileSync(join(dir, "terraform"), "");
    chmodSync(join(dir, "terraform"), 0o644);
    expect(deployPrerequisiteProblem({ PATH: dir, GENESYSCLOUD_ACCESS_TOKEN: "t" }, "linux")).toMatch(/^Terraform CLI not found/);
  });

  it("asks for the provider's credential variables when none are set", () => {
    const expected =
      "No Genesys Cloud credentials in the environment: set GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET " +
      "(a Client Credentials OAuth client of the target org), or GENESYSCLOUD_ACCESS_TOKEN.";
    expect(deployPrerequisiteProblem({ PATH: withTerraform }, "linux")).toBe(expected);
    expect(deployPrerequisiteProblem({ PATH: withTerraform, GENESYSCLOUD_OAUTHCLIENT_ID: "id" }, "linux")).toBe(expected);
  });

  it("passes with a client id and secret, or with an access token", () => {
    expect(
      deployPrerequisiteProblem(
        { PATH: withTerraform, GENESYSCLOUD_OAUTHCLIENT_ID: "id", GENESYSCLOUD_OAUTHCLIENT_SECRET: "s" },
        "linux",
      ),
    ).toBeUndefined();
    expect(deployPrerequisiteProblem({ PATH: `${withoutTerraform}:${withTerraform}`, GENESYSCLOUD_ACCESS_TOKEN: "t" }, "linux")).toBeUndefined();
  });

  it("never echoes a credential", () => {
    const problem = deployPrerequisiteProblem({ PATH: withoutTerraform, GENESYSCLOUD_OAUTHCLIENT_SECRET: "s3cr3t" }, "linux");
    expect(problem).not.toContain("s3cr3t");
  });
});
