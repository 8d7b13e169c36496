/**
 * Where Terraform keeps a deployment's state: a local file (the default), S3, or HCP Terraform / Terraform
 * Enterprise. The local default is cdktf's own: `terraform.<deployment name>.tfstate` at the project root.
 */
import { CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, TerraformStack } from "cdktf";
import { dirname, isAbsolute, join, relative } from "path";
import type { BackendConfig } from "../deployments/schema";
import { besideFileProblem } from "../../shared/json-input";
import type { InputError } from "../../shared/problems";

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
    // A relative path would be relative to the stack's folder in cdktf.out, which synth rewrites: anchor it.
    new LocalBackend(stack, { path: localStatePath(deploymentName, config, baseDir)! });
  }
}

/** The file a local backend keeps the deployment's state in (anchored at baseDir); undefined for S3 and HCP Terraform. */
export function localStatePath(deploymentName: string, config: BackendConfig | undefined, baseDir: string): string | undefined {
  if (config?.s3 || config?.cloud) return undefined;
  return join(baseDir, config?.local?.path ?? `terraform.${deploymentName}.tfstate`);
}

/**
 * Why a local backend's state file cannot be used, as one InputError naming it (json-input.ts besideFileProblem: a
 * folder, a FIFO, a device, a socket, a link to nothing or out of its folder, which Terraform would read or write
 * through and, for a FIFO, wait on forever); undefined for a regular file, none yet, or another backend. Its folder is
 * the deployments file's when the path is in it; a path the deployments file places elsewhere has its own folder.
 */
export function localStateProblem(deploymentName: string, config: BackendConfig | undefined, baseDir: string): InputError | undefined {
  const path = localStatePath(deploymentName, config, baseDir);
  if (path === undefined) return undefined;
  const rel = relative(baseDir, path);
  const within = rel.startsWith("..") || isAbsolute(rel) ? dirname(path) : baseDir;
  return besideFileProblem(path, `deployment "${deploymentName}"'s local state file (backend.local.path)`, within);
}
