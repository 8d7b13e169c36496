/** Where a deployment's backend keeps its state, as one comparable text (two deployments must never share one). */
import { posix } from "path";
import { isJsonObject } from "../../shared/json-input";

/**
 * Where the backend keeps the deployment's state, as one comparable text: two deployments must never share a state,
 * or each would plan to delete the other's client. It compares storage, not spelling: a local path in Unicode NFC
 * (macOS spells one file in NFC and NFD) and without case (macOS and Windows ignore it); an S3 object by its store
 * (the endpoint's host and port without case or a trailing slash; AWS's own endpoints, such as
 * https://s3.eu-central-1.amazonaws.com, are AWS S3), its bucket and its key, case kept (S3 keys are case-sensitive);
 * an HCP workspace without case. Undefined when the config is not one the schema accepts.
 */
export function stateLocation(deploymentName: string, config: unknown): string | undefined {
  const of = (value: unknown) => (isJsonObject(value) ? value : undefined);
  const backend = config === undefined ? { local: {} } : of(config);
  const local = of(backend?.local);
  const s3 = of(backend?.s3);
  const cloud = of(backend?.cloud);
  const text = (value: unknown, fallback?: string) => (typeof value === "string" ? value : fallback);
  if (local) {
    const path = posix.normalize(text(local.path, `terraform.${deploymentName}.tfstate`)!.replace(/\\/g, "/"));
    return `local file ${path.normalize("NFC").toLowerCase()}`;
  }
  if (s3 && text(s3.bucket)) {
    const key = text(s3.key, `genesys-scv-oauth-client/${deploymentName}.tfstate`)!;
    return `s3 ${s3Store(text(s3.endpoint))} bucket ${text(s3.bucket)!.toLowerCase()} key ${key}`;
  }
  if (cloud && text(cloud.organization) && text(cloud.workspace)) {
    return `cloud ${text(cloud.hostname, "app.terraform.io")} organization ${text(cloud.organization)} workspace ${text(cloud.workspace)}`.toLowerCase();
  }
  return undefined;
}

/** The S3 store an endpoint names: "aws" for AWS S3 (no endpoint, or one of AWS's own), else its host and port. */
function s3Store(endpoint: string | undefined): string {
  if (endpoint === undefined) return "aws";
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return endpoint.toLowerCase();
  }
  // s3.amazonaws.com, s3.<region>.amazonaws.com, s3-<region>.amazonaws.com, s3.dualstack.<region>.amazonaws.com.
  if (/^s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com$/.test(url.hostname)) return "aws";
  // URL has dropped the scheme's default port; the path (a trailing slash, say) names no other store.
  return `${url.protocol}//${url.host}`;
}
