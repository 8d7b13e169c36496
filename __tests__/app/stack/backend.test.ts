import { Testing, TerraformStack } from "cdktf";
import { BackendConfig, declareBackend } from "../../../lib/app/stack/backend";

function terraformBlock(config?: BackendConfig) {
  const stack = new TerraformStack(Testing.app(), "production");
  declareBackend(stack, "production", config, "/project");
  return JSON.parse(Testing.synth(stack)).terraform;
}

describe("declareBackend", () => {
  it("defaults to a local state file per deployment beside the deployments file, as cdktf does at the project root", () => {
    expect(terraformBlock().backend).toEqual({ local: { path: "/project/terraform.production.tfstate" } });
  });

  it("anchors a local path at the deployments file's folder, not in cdktf.out", () => {
    expect(terraformBlock({ local: { path: "state/production.tfstate" } }).backend).toEqual({
      local: { path: "/project/state/production.tfstate" },
    });
  });

  it("s3: encrypted, a key per deployment, locked with S3's lock file by default", () => {
    expect(terraformBlock({ s3: { bucket: "tf-state", region: "eu-central-1" } }).backend).toEqual({
      s3: {
        bucket: "tf-state",
        key: "genesys-scv-oauth-client/production.tfstate",
        region: "eu-central-1",
        encrypt: true,
        use_lockfile: true,
      },
    });
  });

  it("s3: locking with a DynamoDB table instead, and the given key", () => {
    expect(
      terraformBlock({ s3: { bucket: "b", key: "k.tfstate", region: "us-east-1", dynamodbTable: "locks", encrypt: false } }).backend,
    ).toEqual({ s3: { bucket: "b", key: "k.tfstate", region: "us-east-1", encrypt: false, dynamodb_table: "locks" } });
  });

  it("s3: an S3-compatible store, in the form Terraform 1.6+ reads (endpoints.s3, use_path_style), with no AWS account to ask", () => {
    expect(
      terraformBlock({ s3: { bucket: "tf-state", region: "us-east-1", endpoint: "http://127.0.0.1:9000", usePathStyle: true } }).backend.s3,
    ).toEqual({
      bucket: "tf-state",
      key: "genesys-scv-oauth-client/production.tfstate",
      region: "us-east-1",
      encrypt: true,
      endpoints: { s3: "http://127.0.0.1:9000" },
      use_path_style: true,
      skip_credentials_validation: true,
      skip_requesting_account_id: true,
      use_lockfile: true,
    });
  });

  it("cloud: the organization and the workspace", () => {
    expect(terraformBlock({ cloud: { organization: "acme", workspace: "scv-production", hostname: "tfe.acme.example" } }).cloud).toEqual({
      organization: "acme",
      hostname: "tfe.acme.example",
      workspaces: { name: "scv-production" },
    });
  });
});
