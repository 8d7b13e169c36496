/**
 * The package's public entry is a promise to its users: what a cdktf app needs to declare the client, and nothing of
 * the app's toolbox, which the unpublished internal entry holds.
 */
import * as publicEntry from "../../lib/construct";
import * as internalEntry from "../../lib/construct/internal";

describe("the public entry", () => {
  it("exports the construct, the article's scopes, the host and redirect URI derivation, InputError and the bindings", () => {
    expect(Object.keys(publicEntry).sort()).toEqual([
      "DataGenesyscloudOauthClient",
      "DataGenesyscloudOrganizationsMe",
      "GenesyscloudProvider",
      "InputError",
      "OauthClient",
      "SERVICE_CLOUD_VOICE_SCOPES",
      "ServiceCloudVoiceOAuthClient",
      "lightningHostFor",
      "redirectUriFor",
    ]);
  });

  it("is part of the internal entry, which adds the checks and texts for the app", () => {
    for (const [name, value] of Object.entries(publicEntry)) expect(internalEntry[name as keyof typeof internalEntry]).toBe(value);
    expect(Object.keys(internalEntry)).toEqual(expect.arrayContaining(["checkOAuthClientProps", "oauthClientPropsSchema", "ALLOWED_NAME"]));
  });
});
