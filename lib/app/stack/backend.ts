/**
 * Where Terraform keeps a deployment's state: a local file (the default), S3, or HCP Terraform / Terraform
 * Enterprise. The local default is cdktf's own: `terraform.<deployment name>.tfstate` at the project root.
 */
import { CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, TerraformStack } from "cdktf";
import { join } from "path";
import type { BackendConfig } from "../deployments/schema";

export type { BackendConfig } from "../deployments/schema";

/** Declares the deployment's backend on its stack; a local path is taken relative to baseDir, the deployments file's folder. */
export function declareBackend(stack: TerraformStack, deploymentName: string, config: BackendConfig | undefined, baseDir: string): void {
  if (config?.s3) {
    const { bucket, key, region, encrypt, useLockfile, dynamodbTable, endpoint, usePathStyle } = config.s3;
    const backend = new S3Backend(stack, {
      bucket,
      key: key ?? `genesys-scv-oauth-client/${deploymentName}.tfstate`,
      region,
      encrypt: encrypt ?? true,
      dynamodbTable,
      // Terraform 1.6+ forms: endpoints.s3 and use_path_style (endpoint and force_path_style are deprecated).
      endpoints: endpoint === undefined ? undefined : { s3: endpoint },
      usePathStyle,
      // An S3-compatible store has no AWS STS or account to ask for.
      skipCredentialsValidation: endpoint === undefined ? undefined : true,
      skipRequestingAccountId: endpoint === undefined ? undefined : true,
    });
    // cdktf 0.21 predates S3's own locking (use_lockfile, Terraform 1.10): an override adds it.
    if (useLockfile ?? dynamodbTable === undefined) backend.addOverride("use_lockfile", true);
  } else if (config?.cloud) {
    const { organization, workspace, hostname } = config.cloud;
    new CloudBackend(stack, { organization, hostname, workspaces: new NamedCloudWorkspace(workspace) });
  } else {
    const path = config?.local?.path ?? `terraform.${deploymentName}.tfstate`;
    // A relative path would be relative to the stack's folder in cdktf.out, which synth rewrites: anchor it.
    new LocalBackend(stack, { path: join(baseDir, path) });
  }
}
