/**
 * The committed provider schema snapshot (npm run provider:schema writes it from the built provider; the end-to-end
 * test provider-schema.e2e.ts fails when the two differ), checked here against what this project relies on in the
 * provider's Go schema (genesyscloud/oauth_client/resource_genesyscloud_oauth_client_schema.go,
 * genesyscloud/provider/provider_schema.go), and the bindings generated from it.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { PROVIDER_VERSION } from "../scripts/provider-install.cjs";

const root = join(__dirname, "..");
const cdktfJson = JSON.parse(readFileSync(join(root, "cdktf.json"), "utf8"));
const snapshot = JSON.parse(readFileSync(join(root, `provider-schema/genesyscloud-${PROVIDER_VERSION}.json`), "utf8"));
const provider = snapshot.provider_schemas["registry.terraform.io/mypurecloud/genesyscloud"];

type Mode = "required" | "optional" | "computed" | "optional+computed";
const modeOf = (a: any): Mode =>
  a.required ? "required" : a.optional && a.computed ? "optional+computed" : a.optional ? "optional" : "computed";
const table = (block: any) =>
  Object.fromEntries(Object.entries(block.attributes).map(([k, a]: [string, any]) => [k, [a.type, modeOf(a), Boolean(a.sensitive)]]));

describe("provider schema snapshot", () => {
  it("is a `terraform providers schema -json` document of the proven version, which cdktf.json's constraint admits", () => {
    expect(PROVIDER_VERSION).toBe("1.82.0");
    expect(snapshot.format_version).toBe("1.0");
    expect(Object.keys(snapshot.provider_schemas)).toEqual(["registry.terraform.io/mypurecloud/genesyscloud"]);
    expect(cdktfJson.terraformProviders).toEqual(["mypurecloud/genesyscloud@~> 1.82"]);
    expect(Object.keys(provider.resource_schemas)).toEqual(["genesyscloud_oauth_client"]);
    expect(Object.keys(provider.data_source_schemas)).toEqual(["genesyscloud_oauth_client", "genesyscloud_organizations_me"]);
  });

  it("has the oauth_client resource as the provider's Go schema declares it", () => {
    const resource = provider.resource_schemas.genesyscloud_oauth_client;
    expect(resource.version).toBe(1);
    expect(table(resource.block)).toEqual({
      access_token_validity_seconds: ["number", "optional", false],
      authorized_grant_type: ["string", "required", false],
      client_id: ["string", "computed", false],
      client_secret: ["string", "optional+computed", true],
      description: ["string", "optional", false],
      directory_client_secret: ["string", "optional", false],
      expose_client_secret: ["bool", "optional", false],
      id: ["string", "optional+computed", false],
      integration_credential_id: ["string", "computed", false],
      integration_credential_name: ["string", "optional", false],
      name: ["string", "required", false],
      registered_redirect_uris: [["set", "string"], "optional", false],
      scopes: [["set", "string"], "optional", false],
      state: ["string", "optional", false],
    });
    const roles = resource.block.block_types.roles;
    expect(roles.nesting_mode).toBe("set");
    expect(table(roles.block)).toEqual({
      division_id: ["string", "optional+computed", false],
      role_id: ["string", "required", false],
    });
    expect(resource.block.attributes.access_token_validity_seconds.description).toMatch(/Defaults to `86400`\.$/);
  });

  it("has the oauth_client data source: a name in, the id out", () => {
    expect(table(provider.data_source_schemas.genesyscloud_oauth_client.block)).toEqual({
      id: ["string", "optional+computed", false],
      name: ["string", "required", false],
    });
  });

  it("has the organizations_me data source (genesyscloud/data_source_genesyscloud_organizations_me.go): everything read", () => {
    const block = provider.data_source_schemas.genesyscloud_organizations_me.block;
    expect(table(block)).toEqual({
      default_country_code: ["string", "optional+computed", false],
      default_language: ["string", "optional+computed", false],
      default_site_id: ["string", "optional+computed", false],
      domain: ["string", "optional+computed", false],
      id: ["string", "optional+computed", false],
      name: ["string", "optional+computed", false],
      product_platform: ["string", "optional+computed", false],
      support_uri: ["string", "optional+computed", false],
      third_party_org_name: ["string", "optional+computed", false],
      voicemail_enabled: ["bool", "optional+computed", false],
    });
  });

  it("has the provider block: every setting optional, the client secret sensitive, proxy at most one", () => {
    const block = provider.provider.block;
    const attributes = table(block);
    expect(Object.keys(attributes).sort()).toEqual(
      [
        "access_token",
        "aws_region",
        "custom_retry_timeout",
        "log_stack_traces",
        "log_stack_traces_file_path",
        "oauthclient_id",
        "oauthclient_secret",
        "sdk_client_pool_debug",
        "sdk_debug",
        "sdk_debug_file_path",
        "sdk_debug_format",
        "token_acquire_timeout",
        "token_init_timeout",
        "token_pool_size",
      ].sort(),
    );
    expect(Object.values(attributes).every(([, mode]) => mode === "optional")).toBe(true);
    expect(attributes.oauthclient_secret).toEqual(["string", "optional", true]);
    expect(block.block_types.proxy).toMatchObject({ nesting_mode: "set", max_items: 1 });
    expect(block.block_types.gateway.nesting_mode).toBe("set");
    expect(Object.keys(block.block_types.gateway.block.block_types).sort()).toEqual(["auth", "path_params"]);
  });
});

describe("generated bindings in .gen/ (npm run get)", () => {
  it("were generated by cdktf from this snapshot, declaring cdktf.json's constraint", () => {
    expect(readFileSync(join(root, ".gen/providers/genesyscloud/provider/index.ts"), "utf8")).toContain(
      "providerVersionConstraint: '~> 1.82'",
    );
    expect(readFileSync(join(root, ".gen/providers/genesyscloud/index.ts"), "utf8")).toMatch(/^\/\/ generated by cdktf get/);
    const binding = readFileSync(join(root, ".gen/providers/genesyscloud/oauth-client/index.ts"), "utf8");
    for (const attribute of Object.keys(provider.resource_schemas.genesyscloud_oauth_client.block.attributes)) {
      expect(binding).toMatch(new RegExp(`['"]${attribute}['"]`));
    }
  });
});
