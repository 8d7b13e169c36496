/**
 * The package's public entry: what a cdktf app needs to declare the Service Cloud Voice OAuth client. Every name
 * here is a promise to the package's users; this repository's app reaches the rest through ./internal, which the
 * package does not publish.
 */
export { ServiceCloudVoiceOAuthClient } from "./service-cloud-voice-oauth-client";
export type { OAuthClientMigration, OAuthClientSettings, ServiceCloudVoiceOAuthClientProps } from "./oauth-client-settings";
export type { GrantType, MigrationStep, RetireBy } from "../shared/policy";
export { SERVICE_CLOUD_VOICE_SCOPES } from "../shared/scopes";
export { lightningHostFor, redirectUriFor } from "../shared/salesforce";
export type { Path, Problem } from "../shared/problems";
export { InputError } from "../shared/problems";
// The generated bindings the construct is declared with, compiled into the package; each refuses a stack of the other
// CDK flavour when it is made (./bindings).
export { DataGenesyscloudOauthClient, DataGenesyscloudOrganizationsMe, GenesyscloudProvider, OauthClient } from "./bindings";
export type { GenesyscloudProviderConfig } from "../../.gen/providers/genesyscloud/provider";
