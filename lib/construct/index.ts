/**
 * The package's public entry: the Service Cloud Voice OAuth client construct, its props, the generated genesyscloud
 * bindings it is declared with, and the pure checks and texts behind it (for apps that read their own
 * configuration, as this repository's app does).
 */
export { ServiceCloudVoiceOAuthClient } from "./service-cloud-voice-oauth-client";
export type { OAuthClientSettings, ServiceCloudVoiceOAuthClientProps } from "./oauth-client-settings";
export {
  ALLOWED_CLIENT_ID,
  ALLOWED_DESCRIPTION,
  ALLOWED_GRANT_TYPE,
  ALLOWED_LITERAL,
  ALLOWED_NAME,
  ALLOWED_TOKEN_LIFETIME,
  checkOAuthClientProps,
  DEFAULT_DESCRIPTION,
  GUID_PATTERN,
  resolveOAuthClientSettings,
  TEXT_LIMITS,
  TOKEN_LIFETIME_SECONDS,
  TOKEN_PROPS,
} from "./oauth-client-settings";
export type { GrantType } from "./grant-type";
export { DEFAULT_GRANT_TYPE, GRANT_TYPE_NAMES, GRANT_TYPES, IMPLICIT_GRANT_RETIREMENT } from "./grant-type";
export { ALLOWED_SCOPE, SERVICE_CLOUD_VOICE_SCOPES } from "./scopes";
export {
  ALLOWED_LIGHTNING_HOST,
  ALLOWED_MY_DOMAIN,
  ALLOWED_REDIRECT_URI,
  ALLOWED_SANDBOX,
  foreignRedirectUris,
  isLightningHost,
  isSalesforceRedirectUri,
  LIGHTNING_HOME_PATH,
  lightningHostFor,
  redirectUriFor,
} from "./salesforce";
export { dependsOnAddresses, lifecycleForHcl } from "./hcl-export";
export { showHiddenCharacters } from "./plain-text";
export type { Path, Problem } from "./problems";
export { Description, describeGiven, describeProblem, formatPath, InputError, nearestKey, placeOf } from "./problems";
// The generated bindings the construct is declared with, compiled into the package.
export { GenesyscloudProvider } from "../../.gen/providers/genesyscloud/provider";
export type { GenesyscloudProviderConfig } from "../../.gen/providers/genesyscloud/provider";
export { OauthClient } from "../../.gen/providers/genesyscloud/oauth-client";
export { DataGenesyscloudOauthClient } from "../../.gen/providers/genesyscloud/data-genesyscloud-oauth-client";
export { DataGenesyscloudOrganizationsMe } from "../../.gen/providers/genesyscloud/data-genesyscloud-organizations-me";
