/** The HCL export's test stack, for its unit tests (hcl-export.test.ts) and Terraform's parse of it (hcl-export.integration.test.ts). */
import { App, Aspects, dependable, TerraformStack, TerraformVariable } from "cdktf";
import { readFileSync } from "fs";
import { join } from "path";
import { DataGenesyscloudOrganizationsMe, GenesyscloudProvider, ServiceCloudVoiceOAuthClient } from "../../lib/construct/internal";
import { HCL_EXPORT } from "../../lib/construct/hcl-export";
import { tempDir } from "./temp-dir";

/**
 * A stack with the construct (its name a token, so it has preconditions) and a data source with a postcondition that
 * the client depends on; `after` changes them once built, before synth.
 */
export function synthHclExportStack(form: "json" | "hcl", after: (client: ServiceCloudVoiceOAuthClient) => void = () => {}): string {
  const outdir = tempDir("hcl-export-");
  // As `cdktf synth --hcl` asks for it: cdktf's stacks read the variable, not the App's hclOutput option.
  process.env.SYNTH_HCL_OUTPUT = String(form === "hcl");
  const app = new App({ outdir, skipValidation: true });
  const stack = new TerraformStack(app, "s");
  Aspects.of(stack).add(HCL_EXPORT);
  new GenesyscloudProvider(stack, "genesyscloud", { awsRegion: "us-east-1" });
  const name = new TerraformVariable(stack, "name", { type: "string" }).stringValue;
  const client = new ServiceCloudVoiceOAuthClient(stack, "c", { myDomain: "acme", name, grantType: "authorization-code" });
  const me = new DataGenesyscloudOrganizationsMe(stack, "me", {
    lifecycle: { postcondition: [{ condition: '${self.id != ""}', errorMessage: "No org for ${self.name}." }] },
  });
  client.resource.dependsOn = [dependable(me)];
  after(client);
  app.synth();
  delete process.env.SYNTH_HCL_OUTPUT;
  return readFileSync(join(outdir, "stacks/s", form === "hcl" ? "cdk.tf" : "cdk.tf.json"), "utf8");
}
