/**
 * Where Terraform keeps a deployment's state: a local file (the default), S3, or HCP Terraform / Terraform
 * Enterprise. The local default is cdktf's own: `terraform.<deployment name>.tfstate` at the project root.
 */
import { CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, TerraformStack } from "cdktf";
import { isAbsolute, join } from "path";

export interface LocalBackendConfig {
  /** The state file, relative to the project root. @default terraform.<deployment name>.tfstate */
  readonly path?: string;
}

export interface S3BackendConfig {
  readonly bucket: string;
  /** @default genesys-scv-oauth-client/<deployment name>.tfstate */
  readonly key?: string;
  readonly region: string;
  /** Server-side encryption of the state object. @default true */
  readonly encrypt?: boolean;
  /** State locking with a lock file next to the state (Terraform 1.10+). @default true unless dynamodbTable is set */
  readonly useLockfile?: boolean;
  /** State locking with a DynamoDB table instead. */
  readonly dynamodbTable?: string;
}

export interface CloudBackendConfig {
  readonly organization: string;
  readonly workspace: string;
  /** @default app.terraform.io */
  readonly hostname?: string;
}

export type BackendConfig =
  | { readonly local: LocalBackendConfig }
  | { readonly s3: S3BackendConfig }
  | { readonly cloud: CloudBackendConfig };

const text = (description: string) => ({ type: "string", minLength: 1, description });

export const backendSchema = {
  type: "object",
  description:
    "where Terraform keeps this deployment's state: exactly one of local, s3, cloud (default: local, terraform.<name>.tfstate at the project root)",
  additionalProperties: false,
  minProperties: 1,
  maxProperties: 1,
  properties: {
    local: {
      type: "object",
      description: "a local state file",
      additionalProperties: false,
      properties: { path: text("the state file, relative to the project root (default: terraform.<deployment name>.tfstate)") },
    },
    s3: {
      type: "object",
      description: "state in an S3 bucket: bucket and region, optionally key, encrypt, useLockfile or dynamodbTable",
      additionalProperties: false,
      required: ["bucket", "region"],
      properties: {
        bucket: text("the S3 bucket name"),
        key: text("the state object's key (default: genesys-scv-oauth-client/<deployment name>.tfstate)"),
        region: text("the bucket's AWS region, e.g. eu-central-1"),
        encrypt: { type: "boolean", description: "true or false (default: true): server-side encryption of the state" },
        useLockfile: { type: "boolean", description: "true or false (default: true without dynamodbTable): S3 lock file, Terraform 1.10+" },
        dynamodbTable: text("a DynamoDB table for state locking, instead of the lock file"),
      },
    },
    cloud: {
      type: "object",
      description: "HCP Terraform or Terraform Enterprise: organization and workspace, optionally hostname",
      additionalProperties: false,
      required: ["organization", "workspace"],
      properties: {
        organization: text("the HCP Terraform / Terraform Enterprise organization"),
        workspace: text("the workspace that holds this deployment's state and runs"),
        hostname: text("the Terraform Enterprise host (default: app.terraform.io)"),
      },
    },
  },
} as const;

/** Declares the deployment's backend on its stack. */
export function declareBackend(stack: TerraformStack, deploymentName: string, config?: BackendConfig, projectRoot = process.cwd()): void {
  if (config === undefined || "local" in config) {
    const path = (config as { local: LocalBackendConfig } | undefined)?.local.path ?? `terraform.${deploymentName}.tfstate`;
    // A relative path would be relative to the stack's folder in cdktf.out, which synth rewrites: anchor it.
    new LocalBackend(stack, { path: isAbsolute(path) ? path : join(projectRoot, path) });
  } else if ("s3" in config) {
    const { bucket, key, region, encrypt, useLockfile, dynamodbTable } = config.s3;
    const backend = new S3Backend(stack, {
      bucket,
      key: key ?? `genesys-scv-oauth-client/${deploymentName}.tfstate`,
      region,
      encrypt: encrypt ?? true,
      dynamodbTable,
    });
    // cdktf 0.21 predates S3's own locking (use_lockfile, Terraform 1.10): an override adds it.
    if (useLockfile ?? dynamodbTable === undefined) backend.addOverride("use_lockfile", true);
  } else {
    const { organization, workspace, hostname } = config.cloud;
    new CloudBackend(stack, { organization, hostname, workspaces: new NamedCloudWorkspace(workspace) });
  }
}
