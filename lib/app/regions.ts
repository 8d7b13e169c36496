/**
 * Genesys Cloud regions as the genesyscloud provider names them (aws_region).
 * Source: genesyscloud/provider/provider.go getRegionMap at v1.84.1 (internal dca/tca left out).
 */
export const GENESYS_CLOUD_REGION_NAMES: readonly string[] = [
  "us-east-1",
  "us-east-2",
  "us-west-2",
  "eu-west-1",
  "eu-west-2",
  "ap-southeast-2",
  "ap-northeast-1",
  "eu-central-1",
  "ca-central-1",
  "ap-northeast-2",
  "ap-south-1",
  "sa-east-1",
  "ap-northeast-3",
  "eu-central-2",
  "me-central-1",
  "mx-central-1",
  "ap-southeast-1",
  "eusc-de-east-1",
];

/**
 * Regions that an older provider than the bindings' constraint (cdktf.json) refuses at plan: provider 1.82.0 validates
 * aws_region against its own region map, and eusc-de-east-1 came with 1.83.0. A stack in such a region requires more.
 */
export const PROVIDER_CONSTRAINT_BY_REGION: Readonly<Record<string, string>> = { "eusc-de-east-1": "~> 1.83" };
