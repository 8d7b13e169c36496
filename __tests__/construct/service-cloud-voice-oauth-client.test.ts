import fc from "fast-check";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { OauthClient } from "../../.gen/providers/genesyscloud/oauth-client";
import { GenesyscloudProvider, ServiceCloudVoiceOAuthClient, ServiceCloudVoiceOAuthClientProps } from "../../lib/construct";
import { destroyProtectionOff, IMPLICIT_GRANT_RETIREMENT } from "../../lib/shared/policy";
import { SEED_ARTICLE_SCOPES } from "../support/seed-article";

/** Synthesizes the construct in a stack; returns the resource block, its Terraform address and the warnings. */
function synth(props: ServiceCloudVoiceOAuthClientProps) {
  const stack = new TerraformStack(Testing.app(), "test");
  const client = new ServiceCloudVoiceOAuthClient(stack, "service-cloud-voice", props);
  const json = JSON.parse(Testing.synth(stack));
  const [[address, resource]] = Object.entries(json.resource.genesyscloud_oauth_client) as [string, any][];
  const warnings = client.node
    .findAll()
    .flatMap((c) => c.node.metadata)
    .filter((m) => m.type === "@cdktf/warn")
    .map((m) => m.data as string);
  return { stack, client, resource, address, warnings, json };
}

describe("ServiceCloudVoiceOAuthClient", () => {
  it("declares the OAuth client exactly as the seed article sets it up", () => {
    const { stack } = synth({ myDomain: "acme" });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(OauthClient, {
      name: "Salesforce Service Cloud Voice (acme.lightning.force.com)",
      access_token_validity_seconds: 86400,
      authorized_grant_type: "TOKEN",
      registered_redirect_uris: ["https://acme.lightning.force.com/lightning/page/home"],
      scopes: SEED_ARTICLE_SCOPES,
      expose_client_secret: false,
      lifecycle: { prevent_destroy: true },
    });
  });

  it("writes nothing secret and no role, state or integration credential", () => {
    const { resource } = synth({ myDomain: "acme" });
    for (const key of ["client_secret", "directory_client_secret", "roles", "state", "integration_credential_name"]) {
      expect(resource).not.toHaveProperty(key);
    }
  });

  it("keeps a stable Terraform address: renaming it would replace the client and change its id", () => {
    expect(synth({ myDomain: "acme" }).address).toBe("service-cloud-voice_client_A93DE14E");
  });

  it("warns about the implicit grant's retirement, naming the migration and the in-place update", () => {
    const { warnings } = synth({ myDomain: "acme" });
    expect(warnings).toEqual([IMPLICIT_GRANT_RETIREMENT]);
    expect(IMPLICIT_GRANT_RETIREMENT).toMatch(/Genesys may refuse to create a new implicit-grant OAuth client/);
    expect(IMPLICIT_GRANT_RETIREMENT).toMatch(/npx genesys-scv-oauth-client migrate <deployment name> \(the construct's migration prop\)/);
    expect(IMPLICIT_GRANT_RETIREMENT).toMatch(
      /Setting oauthClient\.grantType to "authorization-code" instead updates this client in place \(same id\)/,
    );
  });

  it("uses the authorization code grant (PKCE) one setting away, without the warning", () => {
    const { resource, warnings } = synth({ myDomain: "acme", grantType: "authorization-code" });
    expect(resource.authorized_grant_type).toBe("CODE");
    expect(warnings).toEqual([]);
  });

  it("adds extra scopes sorted and deduplicated, with one least-privilege warning per scope beyond the seven", () => {
    const { resource, warnings } = synth({
      myDomain: "acme",
      grantType: "authorization-code",
      additionalScopes: ["analytics:readonly", "presence", "alerting", "analytics:readonly"],
    });
    expect(resource.scopes).toEqual(["alerting", "analytics:readonly", ...SEED_ARTICLE_SCOPES]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^Additional scope "alerting" is beyond the seven/);
    expect(warnings[1]).toMatch(/^Additional scope "analytics:readonly" is beyond the seven/);
  });

  it("takes the token lifetime, name, description and extra redirect URIs", () => {
    const { resource } = synth({
      lightningHost: "acme.lightning.crmforce.mil",
      name: "SCV",
      description: "Softphone",
      tokenLifetimeSeconds: 172800,
      additionalRedirectUris: ["https://acme.lightning.crmforce.mil/resource/genesysps__genesysAuthCallback"],
    });
    expect(resource).toMatchObject({
      name: "SCV",
      description: "Softphone",
      access_token_validity_seconds: 172800,
      registered_redirect_uris: [
        "https://acme.lightning.crmforce.mil/lightning/page/home",
        "https://acme.lightning.crmforce.mil/resource/genesysps__genesysAuthCallback",
      ],
    });
  });

  it("warns when preventDestroy is false, with the words npm run check uses, said of the prop", () => {
    const { warnings } = synth({ myDomain: "acme", grantType: "authorization-code", preventDestroy: false });
    expect(warnings).toEqual([ServiceCloudVoiceOAuthClient.DESTROY_PROTECTION_OFF]);
    expect(warnings[0]).toBe(destroyProtectionOff("preventDestroy: false"));
    expect(synth({ myDomain: "acme", grantType: "authorization-code", preventDestroy: true }).warnings).toEqual([]);
  });

  it("lets destroy through only when preventDestroy is explicitly false", () => {
    expect(synth({ myDomain: "acme", preventDestroy: false }).resource.lifecycle).toEqual({ prevent_destroy: false });
  });

  it("exposes the client id (the resource id, known after import too) and the redirect URIs", () => {
    const { client } = synth({ myDomain: "acme", sandbox: "uat" });
    expect(client.clientId).toMatch(/^\$\{TfToken\[TOKEN\.\d+\]\}$/);
    expect(client.redirectUris).toEqual(["https://acme--uat.sandbox.lightning.force.com/lightning/page/home"]);
  });

  it("adopts a hand-made client with an import block to its (lowercased) id, instead of creating one", () => {
    const { json, address } = synth({ myDomain: "acme", importClientId: "0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D" });
    expect(json.import).toEqual([{ to: `genesyscloud_oauth_client.${address}`, id: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d" }]);
    expect(synth({ myDomain: "acme" }).json.import).toBeUndefined();
  });

  it("refuses bad props with one error listing every problem", () => {
    const stack = new TerraformStack(Testing.app(), "test");
    expect(() => new ServiceCloudVoiceOAuthClient(stack, "c", { myDomain: "acme", sandbox: "u-a-t", tokenLifetimeSeconds: 0 })).toThrow(
      /has 2 problems:\n {2}- sandbox: given "u-a-t"; .*\n {2}- tokenLifetimeSeconds: given 0; /,
    );
  });

  it("lists a mistyped prop's name with every other problem, in the one InputError", () => {
    const stack = new TerraformStack(Testing.app(), "test");
    const props = {
      myDomain: "acme",
      sandbox: "u-a-t",
      tokenLifetimeSeconds: 0,
      additionalScope: ["analytics"],
    } as ServiceCloudVoiceOAuthClientProps;
    expect(() => new ServiceCloudVoiceOAuthClient(stack, "c", props)).toThrow(
      /has 3 problems:\n {2}- sandbox: given "u-a-t"; .*\n {2}- tokenLifetimeSeconds: given 0; .*\n {2}- additionalScope: given \["analytics"\]; allowed: no prop "additionalScope" \(did you mean "additionalScopes"\?\)$/,
    );
  });
});

describe("ServiceCloudVoiceOAuthClient: a provider per client", () => {
  it("declares each client with the aliased provider of its org", () => {
    const stack = new TerraformStack(Testing.app(), "two-orgs");
    const us = new GenesyscloudProvider(stack, "us", { alias: "us", awsRegion: "us-east-1" });
    const eu = new GenesyscloudProvider(stack, "eu", { alias: "eu", awsRegion: "eu-central-1" });
    new ServiceCloudVoiceOAuthClient(stack, "a", { provider: us, myDomain: "acme" });
    new ServiceCloudVoiceOAuthClient(stack, "b", { provider: eu, myDomain: "globex" });
    const clients = Object.values(JSON.parse(Testing.synth(stack)).resource.genesyscloud_oauth_client) as any[];
    expect(clients.map((c) => [c.provider, c.registered_redirect_uris[0]])).toEqual([
      ["genesyscloud.us", "https://acme.lightning.force.com/lightning/page/home"],
      ["genesyscloud.eu", "https://globex.lightning.force.com/lightning/page/home"],
    ]);
  });

  it("without one, uses the stack's default provider", () => {
    expect(synth({ myDomain: "acme" }).resource).not.toHaveProperty("provider");
  });
});

describe("ServiceCloudVoiceOAuthClient: Terraform tokens in props", () => {
  const variable = (stack: TerraformStack, name: string) => new TerraformVariable(stack, name, { type: "string" }).stringValue;

  it.each(["myDomain", "sandbox", "lightningHost", "importClientId", "grantType"])(
    "%s as a token is one InputError: it must be literal",
    (prop) => {
      const stack = new TerraformStack(Testing.app(), "tokens");
      const props = { myDomain: "acme", [prop]: variable(stack, prop) } as ServiceCloudVoiceOAuthClientProps;
      if (prop === "lightningHost") delete (props as { myDomain?: string }).myDomain;
      expect(() => new ServiceCloudVoiceOAuthClient(stack, "c", props)).toThrow(
        new RegExp(
          `^ServiceCloudVoiceOAuthClient props has 1 problem:\\n  - ${prop}: given a Terraform token \\(\\$\\{TfToken\\[TOKEN\\.\\d+\\]\\}\\); allowed: a literal value, not a Terraform token`,
        ),
      );
    },
  );

  it("a token inside a list (additionalRedirectUris) is refused too", () => {
    const stack = new TerraformStack(Testing.app(), "tokens");
    expect(
      () => new ServiceCloudVoiceOAuthClient(stack, "c", { myDomain: "acme", additionalRedirectUris: [variable(stack, "uri")] }),
    ).toThrow(/ {2}- additionalRedirectUris: given a Terraform token .*; allowed: a literal value/);
  });

  it("name and description as tokens pass through, checked by preconditions at plan time with the same words", () => {
    const stack = new TerraformStack(Testing.app(), "tokens");
    new ServiceCloudVoiceOAuthClient(stack, "c", {
      myDomain: "acme",
      name: variable(stack, "name"),
      description: variable(stack, "description"),
    });
    const [resource] = Object.values(JSON.parse(Testing.synth(stack)).resource.genesyscloud_oauth_client) as any[];
    expect(resource.name).toBe("${var.name}");
    expect(resource.description).toBe("${var.description}");
    expect(resource.lifecycle.prevent_destroy).toBe(true);
    const [name, description] = resource.lifecycle.precondition;
    expect(name.condition).toBe(
      '${((length(trimspace(var.name)) >= 1) && ((length(var.name) <= 200) && !can(regex("[\\\\p{Cc}\\\\p{Cf}\\\\x{2028}\\\\x{2029}\\\\x{034f}\\\\x{115f}\\\\x{1160}\\\\x{17b4}\\\\x{17b5}\\\\x{180b}-\\\\x{180f}\\\\x{2065}\\\\x{3164}\\\\x{fe00}-\\\\x{fe0f}\\\\x{ffa0}\\\\x{fff0}-\\\\x{fff8}\\\\x{1bca0}-\\\\x{1bca3}\\\\x{1d173}-\\\\x{1d17a}\\\\x{e0000}-\\\\x{e0fff}]", var.name))))}',
    );
    expect(name.error_message).toBe(
      "The OAuth client's name must be a non-empty text of at most 200 characters, without control characters, line breaks, bidirectional marks or invisible characters.",
    );
    expect(description.condition).toMatch(/^\$\{\(\(length\(var\.description\) <= 1000\) && !can\(regex\(/);
  });

  it("literal names get no precondition", () => {
    expect(synth({ myDomain: "acme", name: "Voice" }).resource.lifecycle).toEqual({ prevent_destroy: true });
  });
});

describe("ServiceCloudVoiceOAuthClient: redirect URIs on another host", () => {
  it("warns for each URI that is not on the org's Lightning host", () => {
    const { warnings } = synth({
      myDomain: "acme",
      grantType: "authorization-code",
      additionalRedirectUris: [
        "https://acme.lightning.force.com/resource/genesysps__genesysAuthCallback",
        "https://globex.lightning.force.com/lightning/page/home",
      ],
    });
    expect(warnings).toEqual([
      "Redirect URI https://globex.lightning.force.com/lightning/page/home is not on a host of this Salesforce org (its Lightning host is acme.lightning.force.com): Genesys sends agents' tokens to any registered URI a login names; keep it only if that host is this org's.",
    ]);
  });
});

describe("names stay unique at the name-length limit", () => {
  const LIMIT = 200;
  /** The migration's two client names for a given implicit client name. */
  const names = (name: string) => {
    const { client } = synth({ myDomain: "acme", name, migration: { step: "side-by-side" } });
    return { implicit: client.settings.name, code: client.authorizationCodeClient!.nameInput! };
  };

  it("a name made to meet the cut (it ends in the suffix, at the limit) still gives the code client a name of its own", () => {
    const name = `${"Y".repeat(LIMIT - 7)} (PKCE)`;
    const { implicit, code } = names(name);
    expect(implicit).toBe(name);
    expect(code).not.toBe(name);
    expect([...code].length).toBeLessThanOrEqual(LIMIT);
    expect(code.endsWith(" (PKCE)")).toBe(true);
  });

  it("two names that differ only past the cut give two code client names", () => {
    const stem = "Salesforce SCV ".repeat(13); // 195 characters: the cut falls inside it
    const [a, b] = [names(`${stem}1`).code, names(`${stem}2`).code];
    expect(a).not.toBe(b);
  });

  it("a name with room keeps the plain suffix", () => {
    expect(names("Salesforce SCV").code).toBe("Salesforce SCV (PKCE)");
  });

  it("for any two names within the limit: code names within the limit, distinct from each other and from either implicit name", () => {
    const long = fc.string({ unit: fc.constantFrom("a", "b", " ", "(", ")", "P", "K", "C", "E"), minLength: 180, maxLength: LIMIT });
    fc.assert(
      fc.property(long, long, (x, y) => {
        const [nx, ny] = [names(x.trim() || "a"), names(y.trim() || "a")];
        for (const n of [nx, ny]) expect([...n.code].length).toBeLessThanOrEqual(LIMIT);
        expect(nx.code).not.toBe(nx.implicit);
        expect(nx.code).not.toBe(ny.implicit);
        if (nx.implicit !== ny.implicit) expect(nx.code).not.toBe(ny.code);
      }),
      { numRuns: 60 },
    );
  });
});
