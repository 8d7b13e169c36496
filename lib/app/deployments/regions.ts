/**
 * Genesys Cloud regions as the genesyscloud provider names them (aws_region), with the domain each one's API
 * (`api.<domain>`) and login (`login.<domain>`) are served from.
 * Source: genesyscloud/provider/provider.go getRegionMap at v1.84.1 (internal dca/tca left out).
 */
export const GENESYS_CLOUD_DOMAINS: Readonly<Record<string, string>> = {
  "us-east-1": "mypurecloud.com",
  "us-east-2": "use2.us-gov-pure.cloud",
  "us-west-2": "usw2.pure.cloud",
  "eu-west-1": "mypurecloud.ie",
  "eu-west-2": "euw2.pure.cloud",
  "ap-southeast-2": "mypurecloud.com.au",
  "ap-northeast-1": "mypurecloud.jp",
  "eu-central-1": "mypurecloud.de",
  "ca-central-1": "cac1.pure.cloud",
  "ap-northeast-2": "apne2.pure.cloud",
  "ap-south-1": "aps1.pure.cloud",
  "sa-east-1": "sae1.pure.cloud",
  "ap-northeast-3": "apne3.pure.cloud",
  "eu-central-2": "euc2.pure.cloud",
  "me-central-1": "mec1.pure.cloud",
  "mx-central-1": "mxc1.pure.cloud",
  "ap-southeast-1": "apse1.pure.cloud",
  "eusc-de-east-1": "edee1.eusc-pure.cloud",
};

export const GENESYS_CLOUD_REGION_NAMES: readonly string[] = Object.keys(GENESYS_CLOUD_DOMAINS);

/**
 * Regions that an older provider than the bindings' constraint (cdktf.json) refuses at plan: provider 1.82.0 validates
 * aws_region against its own region map, and eusc-de-east-1 came with 1.83.0. A stack in such a region requires more.
 */
export const PROVIDER_CONSTRAINT_BY_REGION: Readonly<Record<string, string>> = { "eusc-de-east-1": "~> 1.83" };
