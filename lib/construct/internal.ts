/**
 * The construct's internal entry, for this repository's app: the public entry plus the checks, texts and helpers
 * behind it. package.json's `exports` does not publish it, so nothing here binds the package. (What the construct
 * shares with the app and the review tools, Salesforce hosts, scopes, problems, is in lib/shared.)
 */
export * from "./index";
export { ALLOWED_LITERAL, checkOAuthClientProps, resolveOAuthClientSettings, TOKEN_PROPS } from "./oauth-client-settings";
export {
  ALLOWED_CLIENT_ID,
  ALLOWED_DESCRIPTION,
  ALLOWED_NAME,
  ALLOWED_TOKEN_LIFETIME,
  DEFAULT_DESCRIPTION,
  DEFAULT_TEXT,
  GUID_PATTERN,
  oauthClientPropsSchema,
  SALESFORCE_PROPS,
  TOKEN_LIFETIME_SECONDS,
} from "./props-schema";
export { HCL_EXPORT } from "./hcl-export";
export { terraformLiteral } from "./terraform-literal";
// The app's stack reads its org through this data source; the construct does not use it, and the package ships it not.
export { DataGenesyscloudOrganizationsMe } from "../../.gen/providers/genesyscloud/data-genesyscloud-organizations-me";
