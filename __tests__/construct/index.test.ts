/**
 * The package's public entry is a promise to its users: what a cdktf app needs to declare the client (the construct,
 * its props' types, the provider, the error), and nothing of the app's toolbox, which the unpublished internal entry
 * holds. Its types are held below through tsc (`npx tsc -p .`, which npm test runs), and in the packed tarball by the
 * package test, which compiles docs/construct.md's example against it.
 */
import { TerraformStack, Testing } from "cdktf";
import * as publicEntry from "../../lib/construct";
import type {
  GenesyscloudProviderConfig,
  GrantType,
  MigrationStep,
  OAuthClientMigration,
  OAuthClientSettings,
  Path,
  Problem,
  RetireBy,
  ServiceCloudVoiceOAuthClientProps,
} from "../../lib/construct";
import * as internalEntry from "../../lib/construct/internal";

describe("the public entry", () => {
  it("exports what a construct user needs: the construct, the provider they pass, the error its props throw; no other binding", () => {
    expect(Object.keys(publicEntry).sort()).toEqual(["GenesyscloudProvider", "InputError", "ServiceCloudVoiceOAuthClient"]);
  });

  it("exports the types a user writes: the props and their parts, the settings, the provider's config, the problems' shape", () => {
    const stack = new TerraformStack(Testing.app(), "service-cloud-voice");
    const config: GenesyscloudProviderConfig = { alias: "us", awsRegion: "us-east-1" };
    const [grantType, step, retireBy]: [GrantType, MigrationStep, RetireBy] = ["implicit", "side-by-side", "forget"];
    const migration: OAuthClientMigration = { step, retireBy };
    const props: ServiceCloudVoiceOAuthClientProps = {
      provider: new publicEntry.GenesyscloudProvider(stack, "genesyscloud", config),
      myDomain: "acme",
      grantType,
      migration,
    };
    const settings: OAuthClientSettings = new publicEntry.ServiceCloudVoiceOAuthClient(stack, "acme", props).settings;
    expect([settings.grantType, settings.migration?.step, settings.migration?.retireBy]).toEqual(["implicit", "side-by-side", "forget"]);
    let problems: readonly Problem[] = [];
    try {
      new publicEntry.ServiceCloudVoiceOAuthClient(stack, "bad", { myDomain: "acme", tokenLifetimeSeconds: -1 });
    } catch (e) {
      if (e instanceof publicEntry.InputError) problems = e.problems;
    }
    const paths: Path[] = problems.map((p) => p.path);
    expect(paths).toEqual([["tokenLifetimeSeconds"]]);
  });

  it("is part of the internal entry, which adds the checks and texts for the app", () => {
    for (const [name, value] of Object.entries(publicEntry)) expect(internalEntry[name as keyof typeof internalEntry]).toBe(value);
    expect(Object.keys(internalEntry)).toEqual(expect.arrayContaining(["checkOAuthClientProps", "oauthClientPropsSchema", "ALLOWED_NAME"]));
  });
});
