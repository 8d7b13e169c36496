import {
  checkOAuthClientProps,
  resolveOAuthClientSettings,
  ServiceCloudVoiceOAuthClientProps,
} from "../../lib/construct/oauth-client-settings";
import { DEFAULT_DESCRIPTION, oauthClientPropsSchema } from "../../lib/construct/props-schema";
import { InputError, placeOf, Problem } from "../../lib/shared/problems";
import { ALLOWED_SCOPE } from "../../lib/shared/scopes";

const problemsOf = (props: ServiceCloudVoiceOAuthClientProps) =>
  checkOAuthClientProps(props).map((p) => `${placeOf(p)}: ${JSON.stringify(p.given)} -> ${p.allowed}`);

/** What the schema allows at a prop, as every message of that prop says it. */
const allowed = (prop: keyof typeof oauthClientPropsSchema.properties) => oauthClientPropsSchema.properties[prop].description as string;

describe("resolveOAuthClientSettings: the seed's defaults", () => {
  const s = resolveOAuthClientSettings({ myDomain: "acme" });

  it("derives the redirect URI from the My Domain name", () => {
    expect(s.lightningHost).toBe("acme.lightning.force.com");
    expect(s.redirectUris).toEqual(["https://acme.lightning.force.com/lightning/page/home"]);
  });
  it("names the client after Service Cloud Voice and the org, with a description", () => {
    expect(s.name).toBe("Salesforce Service Cloud Voice (acme.lightning.force.com)");
    expect(s.description).toBe(DEFAULT_DESCRIPTION);
  });
  it("uses Genesys's default token lifetime, the implicit grant and protection from destroy", () => {
    expect(s.tokenLifetimeSeconds).toBe(86400);
    expect(s.grantType).toBe("implicit");
    expect(s.authorizedGrantType).toBe("TOKEN");
    expect(s.preventDestroy).toBe(true);
    expect(s.additionalScopes).toEqual([]);
  });
});

describe("resolveOAuthClientSettings: options", () => {
  it("uses a sandbox host", () => {
    expect(resolveOAuthClientSettings({ myDomain: "acme", sandbox: "uat" }).redirectUris).toEqual([
      "https://acme--uat.sandbox.lightning.force.com/lightning/page/home",
    ]);
  });
  it("uses an explicit Lightning host, lowercased", () => {
    const s = resolveOAuthClientSettings({ lightningHost: "Acme-Dev-Ed.develop.lightning.force.com" });
    expect(s.lightningHost).toBe("acme-dev-ed.develop.lightning.force.com");
    expect(s.redirectUris).toEqual(["https://acme-dev-ed.develop.lightning.force.com/lightning/page/home"]);
  });
  it("takes name, description, token lifetime and grant type as given", () => {
    const s = resolveOAuthClientSettings({
      myDomain: "acme",
      name: "SCV",
      description: "",
      tokenLifetimeSeconds: 300,
      grantType: "authorization-code",
      preventDestroy: false,
    });
    expect([s.name, s.description, s.tokenLifetimeSeconds, s.authorizedGrantType, s.preventDestroy]).toEqual([
      "SCV",
      "",
      300,
      "CODE",
      false,
    ]);
  });
  it("adds redirect URIs after the seed's, normalized and without duplicates", () => {
    const s = resolveOAuthClientSettings({
      myDomain: "acme",
      additionalRedirectUris: [
        "https://ACME.lightning.force.com/resource/genesysps__genesysAuthCallback",
        "https://acme.lightning.force.com/lightning/page/home",
      ],
    });
    expect(s.redirectUris).toEqual([
      "https://acme.lightning.force.com/lightning/page/home",
      "https://acme.lightning.force.com/resource/genesysps__genesysAuthCallback",
    ]);
  });
  it("accepts both ends of the token lifetime range", () => {
    expect(problemsOf({ myDomain: "acme", tokenLifetimeSeconds: 300 })).toEqual([]);
    expect(problemsOf({ myDomain: "acme", tokenLifetimeSeconds: 172800 })).toEqual([]);
  });
});

describe("checkOAuthClientProps: every problem, at its prop", () => {
  const LIFETIME = "an integer number of seconds from 300 to 172800 (2 days, the article's range): how long the client's tokens last";
  const NAME =
    "a non-empty text of at most 200 characters, without control characters, line breaks, bidirectional marks or invisible characters: the App Name shown when someone authorizes the client";
  it.each<[string, ServiceCloudVoiceOAuthClientProps, string[]]>([
    [
      "no org",
      {},
      [
        "myDomain: undefined -> a production org's Salesforce My Domain name (e.g. acme): 1 to 40 letters, digits and single hyphens, no hyphen at either end, not ending in -dev-ed (a Developer Edition or scratch org is named by lightningHost); or lightningHost instead",
      ],
    ],
    [
      "both myDomain and lightningHost",
      { myDomain: "acme", lightningHost: "acme.lightning.force.com" },
      ['lightningHost: "acme.lightning.force.com" -> nothing when myDomain is given: give one of the two'],
    ],
    [
      "sandbox with lightningHost",
      { lightningHost: "acme.lightning.force.com", sandbox: "uat" },
      ['sandbox: "uat" -> nothing with lightningHost: the host already names the sandbox'],
    ],
    [
      "bad My Domain",
      { myDomain: "acme_corp" },
      [
        'myDomain: "acme_corp" -> a production org\'s Salesforce My Domain name (e.g. acme): 1 to 40 letters, digits and single hyphens, no hyphen at either end, not ending in -dev-ed (a Developer Edition or scratch org is named by lightningHost)',
      ],
    ],
    [
      "a URL in myDomain: the My Domain name it holds",
      { myDomain: "https://northwind.lightning.force.com/lightning/page/home" },
      [
        'myDomain: "https://northwind.lightning.force.com/lightning/page/home" -> the My Domain name alone, not a host or URL: give myDomain "northwind"',
      ],
    ],
    [
      "bad sandbox",
      { myDomain: "acme", sandbox: "user-acceptance" },
      [
        'sandbox: "user-acceptance" -> a Salesforce sandbox name: a letter, then letters and digits, at most 10 characters (e.g. uat); only with myDomain',
      ],
    ],
    ["token lifetime too short", { myDomain: "acme", tokenLifetimeSeconds: 299 }, [`tokenLifetimeSeconds: 299 -> ${LIFETIME}`]],
    ["token lifetime too long", { myDomain: "acme", tokenLifetimeSeconds: 172801 }, [`tokenLifetimeSeconds: 172801 -> ${LIFETIME}`]],
    ["token lifetime not an integer", { myDomain: "acme", tokenLifetimeSeconds: 3600.5 }, [`tokenLifetimeSeconds: 3600.5 -> ${LIFETIME}`]],
    [
      "token lifetime not a number (from JavaScript)",
      { myDomain: "acme", tokenLifetimeSeconds: "3600" as never },
      [`tokenLifetimeSeconds: "3600" -> ${LIFETIME}`],
    ],
    [
      "unknown grant type",
      { myDomain: "acme", grantType: "client-credentials" as never },
      [
        "grantType: \"client-credentials\" -> implicit (the article's Token Implicit Grant, the provider's TOKEN, which Genesys is retiring) or authorization-code (Authorization Code with PKCE, the provider's CODE)",
      ],
    ],
    [
      "a grant type one letter off",
      { myDomain: "acme", grantType: "authorisation-code" as never },
      [`grantType: "authorisation-code" -> ${allowed("grantType")} (did you mean "authorization-code"?)`],
    ],
    ["empty name", { myDomain: "acme", name: "  " }, [`name: "  " -> ${NAME}`]],
    ["a name of 201 characters", { myDomain: "acme", name: "x".repeat(201) }, [`name: "${"x".repeat(201)}" -> ${NAME}`]],
    [
      "malformed scope",
      { myDomain: "acme", additionalScopes: ["analytics", "Users:write"] },
      [
        'additionalScopes[1]: "Users:write" -> a Genesys Cloud scope name: lowercase words joined by hyphens, optionally ending in :readonly (e.g. analytics:readonly)',
      ],
    ],
    [
      "a misspelt scope of the article's seven: an error, with the scope meant (an unknown one stays a warning)",
      { myDomain: "acme", additionalScopes: ["analytics:readonly", "converstations", "Presence"] },
      [
        'additionalScopes[1]: "converstations" -> a Genesys Cloud scope name: lowercase words joined by hyphens, optionally ending in :readonly (e.g. analytics:readonly), not a misspelling of one of the article\'s seven (did you mean "conversations"?)',
        `additionalScopes[2]: "Presence" -> ${ALLOWED_SCOPE}, not a misspelling of one of the article's seven (did you mean "presence"?)`,
      ],
    ],
    [
      "scopes that are no list (from JavaScript)",
      { myDomain: "acme", additionalScopes: "analytics" as never },
      [`additionalScopes: "analytics" -> ${allowed("additionalScopes")}`],
    ],
    [
      "a prop's name mistyped (from JavaScript, or a spread)",
      { myDomain: "acme", additionalScope: ["analytics"] } as never,
      ['additionalScope: ["analytics"] -> no prop "additionalScope" (did you mean "additionalScopes"?)'],
    ],
    [
      "a prop's name in the wrong case: that, and the org it then lacks",
      { mydomain: "acme" } as never,
      [
        `myDomain: undefined -> ${allowed("myDomain")}; or lightningHost instead`,
        'mydomain: "acme" -> no prop "mydomain" (did you mean "myDomain"?)',
      ],
    ],
    ["a key that is no prop and like none (a spread's): left alone", { myDomain: "acme", host: "x", orgName: "Acme" } as never, []],
    [
      "a provider that is none (from JavaScript)",
      { myDomain: "acme", provider: "genesyscloud" } as never,
      [`provider: "genesyscloud" -> ${allowed("provider")}`],
    ],
    [
      "no object at all (from JavaScript)",
      null as never,
      [
        "(props): null -> an object of props: myDomain (and sandbox) or lightningHost, and optionally the others of ServiceCloudVoiceOAuthClientProps",
      ],
    ],
  ])("%s", (_, props, expected) => {
    expect(problemsOf(props)).toEqual(expected);
  });

  it("counts a name's characters as JSON Schema does (code points, not UTF-16 units), to the schema's limit", () => {
    expect(checkOAuthClientProps({ myDomain: "acme", name: "\u{1F4DE}".repeat(200) })).toEqual([]);
    expect(checkOAuthClientProps({ myDomain: "acme", name: "\u{1F4DE}".repeat(201) }).map((p) => p.path)).toEqual([["name"]]);
    expect(oauthClientPropsSchema.properties.name.maxLength).toBe(200);
  });

  it("a mistyped prop hides none of the others: all of them, in the props' order, the unknown key last", () => {
    const props = {
      myDomain: "acme_corp",
      tokenLifetimeSeconds: 1,
      additionalScope: ["analytics"],
      additionalRedirectUris: ["http://x"],
    } as never;
    expect(checkOAuthClientProps(props)).toEqual<Problem[]>([
      { path: ["myDomain"], given: "acme_corp", allowed: allowed("myDomain") },
      { path: ["tokenLifetimeSeconds"], given: 1, allowed: allowed("tokenLifetimeSeconds") },
      {
        path: ["additionalRedirectUris", 0],
        given: "http://x",
        allowed: oauthClientPropsSchema.properties.additionalRedirectUris.items.description as string,
      },
      { path: ["additionalScope"], given: ["analytics"], allowed: 'no prop "additionalScope" (did you mean "additionalScopes"?)' },
    ]);
  });

  it("says each prop's problem in the schema's words: one text per prop, wherever the props come from", () => {
    for (const [prop, props] of [
      ["sandbox", { myDomain: "acme", sandbox: "-" }],
      ["name", { myDomain: "acme", name: "a\nb" }],
      ["description", { myDomain: "acme", description: "x".repeat(1001) }],
      ["grantType", { myDomain: "acme", grantType: "token" }],
      ["preventDestroy", { myDomain: "acme", preventDestroy: "no" }],
      ["importClientId", { myDomain: "acme", importClientId: "my-client" }],
    ] as const) {
      expect(checkOAuthClientProps(props as never)).toEqual([
        { path: [prop], given: (props as Record<string, unknown>)[prop], allowed: allowed(prop) },
      ]);
    }
  });

  it("rejects non-https and non-Salesforce hosts, in the host and in extra redirect URIs", () => {
    expect(
      checkOAuthClientProps({
        lightningHost: "acme.example.com",
        additionalRedirectUris: ["http://acme.lightning.force.com/x", "https://evil.example/cb"],
      }).map((p) => p.path),
    ).toEqual([["lightningHost"], ["additionalRedirectUris", 0], ["additionalRedirectUris", 1]]);
  });

  it("throws one InputError listing every problem", () => {
    expect(() => resolveOAuthClientSettings({ myDomain: "-", tokenLifetimeSeconds: 1 })).toThrow(InputError);
    expect(() => resolveOAuthClientSettings({ myDomain: "-", tokenLifetimeSeconds: 1 })).toThrow(
      /^ServiceCloudVoiceOAuthClient props has 2 problems:\n {2}- myDomain: given "-"; allowed: .*\n {2}- tokenLifetimeSeconds: given 1; allowed: an integer number of seconds from 300 to 172800 .*$/,
    );
  });
});
