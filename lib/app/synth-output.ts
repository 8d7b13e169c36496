/**
 * Each stack folder in cdktf.out holds its configuration in one form only: `cdk.tf.json` from `synth`, or
 * `cdk.tf` from `synth --hcl`. cdktf writes one and leaves the other from an earlier run, and Terraform would
 * then load both and fail on every definition twice; so the form not written this time is removed.
 */
import { App, TerraformStack } from "cdktf";
import { rmSync } from "fs";
import { join } from "path";

export const STACK_FILES = { json: "cdk.tf.json", hcl: "cdk.tf" } as const;

/** Removes, from the folder of every stack of the app, the configuration file of the form not synthesized. */
export function removeOtherForm(app: App): void {
  const stale = app.hclOutput ? STACK_FILES.json : STACK_FILES.hcl;
  for (const child of app.node.children) {
    if (child instanceof TerraformStack) rmSync(join(app.outdir, "stacks", child.node.id, stale), { force: true });
  }
}
