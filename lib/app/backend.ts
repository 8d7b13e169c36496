/**
 * Where Terraform keeps a deployment's state: a local file (the default), S3, or HCP Terraform / Terraform
 * Enterprise. The local default is cdktf's own: `terraform.<deployment name>.tfstate` at the project root.
 */
import { CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, TerraformStack } from "cdktf";
import { join, posix } from "path";
import { isJsonObject } from "./json-input";

export interface LocalBackendConfig {
  /** The state file, relative to the deployments file's folder and inside it. @default terraform.<deployment name>.tfstate */
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
  /** The URL of an S3-compatible store (MinIO, Ceph) instead of AWS S3. @default AWS S3 */
  readonly endpoint?: string;
  /** Path-style URLs (https://host/bucket/key), as most S3-compatible stores want. @default false */
  readonly usePathStyle?: boolean;
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

const text = (description: string, pattern?: string) => ({ type: "string", minLength: 1, description, ...(pattern && { pattern }) });

/**
 * A relative path that cannot leave its folder: no leading slash or drive, no `..` segment, no control characters;
 * and a file named *.tfstate, so that no state is ever written over the deployments file or any other file.
 */
const INSIDE_PATH = "^(?![/\\\\])(?![A-Za-z]:)(?!(?:.*[/\\\\])?\\.\\.(?:[/\\\\]|$))(?=(?:.*[/\\\\])?[^/\\\\]+\\.tfstate$)[^\\u0000-\\u001f\\u007f]+$";
/** S3 bucket naming rules (AWS "General purpose bucket naming rules"), for buckets on AWS and S3-compatible stores. */
const S3_BUCKET =
  "^(?!\\d+\\.\\d+\\.\\d+\\.\\d+$)(?!xn--|sthree-|amzn-s3-demo-)(?!.*\\.\\.)(?!.*(?:-s3alias|--ol-s3|\\.mrap|--x-s3|--table-s3)$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$";
/** AWS region names: us-east-1, eu-central-2, us-gov-west-1, ap-southeast-7, ... */
const AWS_REGION = "^[a-z]{2}(?:-gov|-iso[a-z]?)?-(?:central|north|south|east|west|northeast|northwest|southeast|southwest)-[1-9][0-9]?$";
/** An S3 object key for the state: no leading slash, no control characters. */
const S3_KEY = "^(?!/)[^\\u0000-\\u001f\\u007f]{1,1024}$";
/** An http(s) URL without user, query or fragment. */
const S3_ENDPOINT = "^https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[^\\s?#]*)?$";
const DYNAMODB_TABLE = "^[A-Za-z0-9_.-]{3,255}$";
/** HCP Terraform organization and workspace names. */
const HCP_NAME = "^[A-Za-z0-9_-]{1,90}$";
const HOSTNAME = "^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$";

export const backendSchema = {
  type: "object",
  description:
    "where Terraform keeps this deployment's state: exactly one of local, s3, cloud (default: local, terraform.<name>.tfstate beside the deployments file)",
  additionalProperties: false,
  minProperties: 1,
  maxProperties: 1,
  properties: {
    local: {
      type: "object",
      description: "a local state file",
      additionalProperties: false,
      properties: {
        path: text(
          "a state file path ending in .tfstate, relative to the deployments file's folder and inside it: no leading /, no .. (default: terraform.<deployment name>.tfstate)",
          INSIDE_PATH,
        ),
      },
    },
    s3: {
      type: "object",
      description: "state in an S3 bucket: bucket and region, optionally key, encrypt, useLockfile or dynamodbTable, endpoint and usePathStyle",
      additionalProperties: false,
      required: ["bucket", "region"],
      properties: {
        bucket: text("an S3 bucket name: 3 to 63 lowercase letters, digits, dots and hyphens, a letter or digit at each end, not an IP address", S3_BUCKET),
        key: text("the state object's key, without a leading / (default: genesys-scv-oauth-client/<deployment name>.tfstate)", S3_KEY),
        region: text("an AWS region name, such as eu-central-1 or us-gov-west-1", AWS_REGION),
        encrypt: { type: "boolean", description: "true or false (default: true): server-side encryption of the state" },
        useLockfile: { type: "boolean", description: "true or false (default: true without dynamodbTable): S3 lock file, Terraform 1.10+" },
        endpoint: text("the http(s) URL of an S3-compatible store, such as https://minio.example.com:9000 (default: AWS S3)", S3_ENDPOINT),
        usePathStyle: { type: "boolean", description: "true or false (default: false): path-style URLs, as most S3-compatible stores want" },
        dynamodbTable: text("a DynamoDB table name for state locking, instead of the lock file: 3 to 255 letters, digits, _, - and .", DYNAMODB_TABLE),
      },
    },
    cloud: {
      type: "object",
      description: "HCP Terraform or Terraform Enterprise: organization and workspace, optionally hostname",
      additionalProperties: false,
      required: ["organization", "workspace"],
      properties: {
        organization: text("the HCP Terraform / Terraform Enterprise organization: letters, digits, - and _", HCP_NAME),
        workspace: text("the workspace that holds this deployment's state and runs: letters, digits, - and _", HCP_NAME),
        hostname: text("the Terraform Enterprise host name (default: app.terraform.io)", HOSTNAME),
      },
    },
  },
} as const;

/**
 * Where the backend keeps the deployment's state, as one comparable text: two deployments must never share a state,
 * or each would plan to delete the other's client. Case is ignored (file systems, HCP names); undefined when the
 * config is not one the schema accepts.
 */
export function stateLocation(deploymentName: string, config: unknown): string | undefined {
  const of = (value: unknown) => (isJsonObject(value) ? value : undefined);
  const backend = config === undefined ? { local: {} } : of(config);
  const local = of(backend?.local);
  const s3 = of(backend?.s3);
  const cloud = of(backend?.cloud);
  const text = (value: unknown, fallback?: string) => (typeof value === "string" ? value : fallback);
  let location: string | undefined;
  if (local) location = `local file ${posix.normalize(text(local.path, `terraform.${deploymentName}.tfstate`)!.replace(/\\/g, "/"))}`;
  else if (s3 && text(s3.bucket)) {
    location = `s3 ${text(s3.endpoint, "aws")} bucket ${text(s3.bucket)} key ${text(s3.key, `genesys-scv-oauth-client/${deploymentName}.tfstate`)}`;
  } else if (cloud && text(cloud.organization) && text(cloud.workspace)) {
    location = `cloud ${text(cloud.hostname, "app.terraform.io")} organization ${text(cloud.organization)} workspace ${text(cloud.workspace)}`;
  }
  return location?.toLowerCase();
}

/** Declares the deployment's backend on its stack; a local path is taken relative to baseDir, the deployments file's folder. */
export function declareBackend(stack: TerraformStack, deploymentName: string, config: BackendConfig | undefined, baseDir: string): void {
  if (config === undefined || "local" in config) {
    const path = (config as { local: LocalBackendConfig } | undefined)?.local.path ?? `terraform.${deploymentName}.tfstate`;
    // A relative path would be relative to the stack's folder in cdktf.out, which synth rewrites: anchor it.
    new LocalBackend(stack, { path: join(baseDir, path) });
  } else if ("s3" in config) {
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
  } else {
    const { organization, workspace, hostname } = config.cloud;
    new CloudBackend(stack, { organization, hostname, workspaces: new NamedCloudWorkspace(workspace) });
  }
}
