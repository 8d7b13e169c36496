/**
 * THE app builder: cdktf's App with one stack per given deployment. Every command that synthesizes builds its app
 * here: the app cdktf.json runs (all the file's deployments, or only those a diff, deploy or destroy names), `check`,
 * `lock` (one stack), and the state reads (each deployment's backend block alone, `backendsOnly`: no provider, no
 * client). The deployments given come from the loader (deployments.ts), which has checked the whole file, so a stack
 * of one of them does not throw InputError; building the stacks of some never needs the others'.
 */
import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { declareBackend } from "./backend";
import { DeploymentStack } from "./deployment-stack";
import type { Deployment } from "../deployments/deployments";

/** A deployment's backend alone, under the deployment's name: what reading its state needs. */
class BackendStack extends TerraformStack {
  constructor(scope: Construct, deployment: Deployment, baseDir: string) {
    super(scope, deployment.name);
    declareBackend(this, deployment.name, deployment.backend, baseDir);
  }
}

export interface AppOptions {
  /** Where synth writes (cdktf's own default, CDKTF_OUTDIR or cdktf.out, when not given). */
  readonly outdir?: string;
  /** Each deployment's backend block alone, instead of its whole stack. */
  readonly backendsOnly?: boolean;
}

/**
 * The app for `deployments` (in their order), with `baseDir`, the deployments file's folder, which a local state path
 * is relative to. skipValidation: cdktf would run `terraform version` once per import block; synth must work without
 * Terraform. No construct stack traces: they would
 * name this tool's files, never the user's.
 */
export function buildApp(deployments: readonly Deployment[], baseDir: string, { outdir, backendsOnly }: AppOptions = {}): App {
  const app = new App({ ...(outdir !== undefined && { outdir }), stackTraces: false, skipValidation: true });
  for (const deployment of deployments) {
    if (backendsOnly) new BackendStack(app, deployment, baseDir);
    else new DeploymentStack(app, deployment, baseDir);
  }
  return app;
}
