/** The construct's preconditions run by real Terraform (service-cloud-voice-oauth-client.test.ts: the unit tests). */
import { spawnSync } from "child_process";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { writeFileSync } from "fs";
import { join } from "path";
import { ServiceCloudVoiceOAuthClient } from "../../lib/construct";
import { tempDir } from "../support/temp-dir";

describe("ServiceCloudVoiceOAuthClient: Terraform tokens in props", () => {
  const hasTerraform = spawnSync("terraform", ["version"], { stdio: "ignore" }).status === 0;
  (hasTerraform ? it : it.skip)("the name's precondition, run by real Terraform, refuses what synth refuses and passes the rest", () => {
    const stack = new TerraformStack(Testing.app(), "tokens");
    new ServiceCloudVoiceOAuthClient(stack, "c", {
      myDomain: "acme",
      name: new TerraformVariable(stack, "name", { type: "string" }).stringValue,
    });
    const [resource] = Object.values(JSON.parse(Testing.synth(stack)).resource.genesyscloud_oauth_client) as any[];
    // The same precondition on Terraform's built-in terraform_data, which needs no provider.
    const dir = tempDir("precondition-");
    writeFileSync(
      join(dir, "main.tf.json"),
      JSON.stringify({
        variable: { name: { type: "string" } },
        resource: { terraform_data: { name: { input: "${var.name}", lifecycle: { precondition: resource.lifecycle.precondition } } } },
      }),
    );
    const env = { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", CHECKPOINT_DISABLE: "1" };
    expect(spawnSync("terraform", ["init", "-input=false"], { cwd: dir, env }).status).toBe(0);
    const plan = (name: string) =>
      spawnSync("terraform", ["plan", "-input=false", "-no-color", "-var", `name=${name}`], { cwd: dir, env, encoding: "utf8" });
    for (const good of ["Salesforce Service Cloud Voice", "Sprachkanal Ü – 音声", "x".repeat(200)]) expect(plan(good).status).toBe(0);
    for (const bad of ["   ", "a\u202eb", "tab\there", "x".repeat(201)]) {
      const run = plan(bad);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("The OAuth client's name must be a non-empty text of at most 200 characters");
    }
  });
});
