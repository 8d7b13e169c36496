/**
 * The package's public entry: what a cdktf app needs to declare the Service Cloud Voice OAuth client, and nothing
 * else: the construct, its props, the provider it is given, the error its props throw. Every name here is a promise to
 * the package's users; this repository's app reaches the rest through ./internal, which the package does not publish.
 */
// The construct.
export { ServiceCloudVoiceOAuthClient } from "./service-cloud-voice-oauth-client";
// Its props and their parts, and its resolved settings (its `settings`).
export type { OAuthClientMigration, OAuthClientSettings, ServiceCloudVoiceOAuthClientProps } from "./oauth-client-settings";
export type { GrantType, MigrationStep, RetireBy } from "../shared/policy";
// The provider a user passes as its `provider` (compiled into the package; it refuses a stack of the other CDK flavour
// when it is made: ./bindings).
export { GenesyscloudProvider } from "./bindings";
export type { GenesyscloudProviderConfig } from "../../.gen/providers/genesyscloud/provider";
// The error bad props throw, and the shape of each of its problems.
export { InputError } from "../shared/problems";
export type { Path, Problem } from "../shared/problems";
