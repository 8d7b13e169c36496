/**
 * The HCL export writes lifecycle conditions as blocks and depends_on as references, which cdktf 0.21's renderer
 * alone does not; the JSON output stays as it was. (End to end, with Terraform: __tests__/e2e/hcl-export.e2e.ts.)
 */
import { spawnSync } from "child_process";
import { App, TerraformStack, TerraformVariable } from "cdktf";
import { readFileSync } from "fs";
import { join } from "path";
import { DataGenesyscloudOrganizationsMe, GenesyscloudProvider, ServiceCloudVoiceOAuthClient } from "../../lib/construct";
import { dependsOnAddresses, lifecycleForHcl } from "../../lib/construct/hcl-export";
import { tempDir } from "../support/temp-dir";

/** A stack with the construct (its name a token, so it has preconditions) and a data source with a postcondition. */
function synth(form: "json" | "hcl"): string {
  const outdir = tempDir("hcl-export-");
  // As `cdktf synth --hcl` asks for it: cdktf's stacks read the variable, not the App's hclOutput option.
  process.env.SYNTH_HCL_OUTPUT = String(form === "hcl");
  const app = new App({ outdir, skipValidation: true });
  const stack = new TerraformStack(app, "s");
  new GenesyscloudProvider(stack, "genesyscloud", { awsRegion: "us-east-1" });
  const name = new TerraformVariable(stack, "name", { type: "string" }).stringValue;
  const client = new ServiceCloudVoiceOAuthClient(stack, "c", { myDomain: "acme", name, grantType: "authorization-code" });
  const me = new DataGenesyscloudOrganizationsMe(stack, "me", {
    lifecycle: { postcondition: [{ condition: '${self.id != ""}', errorMessage: "No org for ${self.name}." }] },
  });
  lifecycleForHcl(me);
  dependsOnAddresses(client.resource, ["data.genesyscloud_organizations_me.me"]);
  app.synth();
  delete process.env.SYNTH_HCL_OUTPUT;
  return readFileSync(join(outdir, "stacks/s", form === "hcl" ? "cdk.tf" : "cdk.tf.json"), "utf8");
}

describe("the HCL export", () => {
  const hcl = synth("hcl");

  it("writes preconditions and postconditions as blocks, never as attributes", () => {
    expect(hcl.match(/^\s*precondition \{$/gm)?.length).toBe(1);
    expect(hcl.match(/^\s*postcondition \{$/gm)?.length).toBe(1);
    expect(hcl).not.toMatch(/(pre|post)condition\s*=/);
    expect(hcl).toMatch(/lifecycle \{\s*prevent_destroy = true\s*precondition \{/);
  });

  it("writes depends_on as a reference, not a string", () => {
    expect(hcl).toMatch(/depends_on\s*=\s*\[data\.genesyscloud_organizations_me\.me\]/);
  });

  const hasTerraform = spawnSync("terraform", ["version"], { stdio: "ignore" }).status === 0;
  (hasTerraform ? it : it.skip)("is HCL that Terraform parses (terraform fmt)", () => {
    const fmt = spawnSync("terraform", ["fmt", "-"], { input: hcl, encoding: "utf8", env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null" } });
    expect(fmt.stderr).toBe("");
    expect(fmt.status).toBe(0);
  });
});

describe("the JSON output", () => {
  it("is as cdktf writes it: lifecycle conditions as lists, depends_on as address strings", () => {
    const json = JSON.parse(synth("json"));
    const [client] = Object.values(json.resource.genesyscloud_oauth_client) as any[];
    expect(client.lifecycle.prevent_destroy).toBe(true);
    expect(client.lifecycle.precondition).toHaveLength(1);
    expect(client.depends_on).toEqual(["data.genesyscloud_organizations_me.me"]);
    expect(json.data.genesyscloud_organizations_me.me.lifecycle).toEqual({
      postcondition: [{ condition: '${self.id != ""}', error_message: "No org for ${self.name}." }],
    });
  });
});
