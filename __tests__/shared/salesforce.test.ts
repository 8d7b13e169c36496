import fc from "fast-check";
import {
  isLightningHost,
  isMyDomainName,
  isSalesforceRedirectUri,
  isSandboxName,
  LIGHTNING_HOST_FORMS,
  lightningHostFor,
  redirectUriFor,
} from "../../lib/shared/salesforce";

const alnum = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");
const letter = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

/** Valid My Domain names: alphanumeric runs joined by single hyphens, 1..40 characters. */
const myDomainName = fc
  .array(fc.string({ unit: alnum, minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join("-"))
  .filter((name) => name.length <= 40);
const sandboxName = fc.tuple(letter, fc.string({ unit: alnum, maxLength: 9 })).map(([first, rest]) => first + rest);

describe("My Domain and sandbox names", () => {
  it.each(["acme", "a", "acme-corp", "acme2", "2acme", "a".repeat(40)])("accepts %s", (name) => {
    expect(isMyDomainName(name)).toBe(true);
  });
  it.each(["", "-acme", "acme-", "acme--uat", "acme_corp", "acme.corp", "a".repeat(41), "acmé", " acme"])("rejects %j", (name) => {
    expect(isMyDomainName(name)).toBe(false);
  });
  it.each(["uat", "UAT", "dev2", "a123456789"])("accepts sandbox %s", (name) => {
    expect(isSandboxName(name)).toBe(true);
  });
  it.each(["", "2uat", "u-at", "a1234567890", "uat "])("rejects sandbox %j", (name) => {
    expect(isSandboxName(name)).toBe(false);
  });
});

describe("Lightning host derivation", () => {
  it("derives production and sandbox hosts as the seed and Salesforce name them", () => {
    expect(lightningHostFor("acme")).toBe("acme.lightning.force.com");
    expect(lightningHostFor("acme", "uat")).toBe("acme--uat.sandbox.lightning.force.com");
    expect(lightningHostFor("Acme", "UAT")).toBe("acme--uat.sandbox.lightning.force.com");
  });

  it("builds the seed's redirect URI on the host", () => {
    expect(redirectUriFor("acme.lightning.force.com")).toBe("https://acme.lightning.force.com/lightning/page/home");
  });

  it("every documented example host is accepted by its own form", () => {
    for (const form of LIGHTNING_HOST_FORMS) {
      expect(form.re.test(form.example)).toBe(true);
      expect(isLightningHost(form.example)).toBe(true);
    }
  });

  it("property: any valid My Domain (and sandbox) derives a valid, lowercase Lightning host and redirect URI", () => {
    fc.assert(
      fc.property(myDomainName, fc.option(sandboxName, { nil: undefined }), (myDomain, sandbox) => {
        const host = lightningHostFor(myDomain, sandbox);
        expect(host).toBe(host.toLowerCase());
        expect(host.startsWith(myDomain.toLowerCase())).toBe(true);
        expect(isLightningHost(host)).toBe(true);
        const uri = redirectUriFor(host);
        expect(isSalesforceRedirectUri(uri)).toBe(true);
        expect(new URL(uri).hostname).toBe(host);
        expect(new URL(uri).pathname).toBe("/lightning/page/home");
      }),
    );
  });

  it("property: derivation is injective: different orgs never share a host", () => {
    fc.assert(
      fc.property(
        fc.tuple(myDomainName, fc.option(sandboxName, { nil: undefined })),
        fc.tuple(myDomainName, fc.option(sandboxName, { nil: undefined })),
        ([d1, s1], [d2, s2]) => {
          const same = d1.toLowerCase() === d2.toLowerCase() && s1?.toLowerCase() === s2?.toLowerCase();
          expect(lightningHostFor(d1, s1) === lightningHostFor(d2, s2)).toBe(same);
        },
      ),
    );
  });
});

describe("Lightning host validation", () => {
  it.each([
    "acme.lightning.force.com",
    "acme--uat.sandbox.lightning.force.com",
    "acme--uat.lightning.force.com",
    "acme-dev-ed.develop.lightning.force.com",
    "acme.scratch.lightning.force.com",
    "acme.trailblaze.lightning.force.com",
    "acme.lightning.crmforce.mil",
    "acme--sbx.sandbox.lightning.crmforce.mil",
    "acme.my-lightning.com",
    "sbx.acme.sandbox.my-lightning.com",
    "acme.lightning.sfcrmapps.cn",
    "ACME.Lightning.Force.com",
  ])("accepts %s", (host) => {
    expect(isLightningHost(host)).toBe(true);
  });

  it.each([
    "lightning.force.com",
    "acme.my.salesforce.com",
    "acme.lightning.force.com.evil.example",
    "evil.example/acme.lightning.force.com",
    "acme.lightning.force.com.",
    "acme.unknown.lightning.force.com",
    "-acme.lightning.force.com",
    "acme_x.lightning.force.com",
    "https://acme.lightning.force.com",
    "acme.lightning.force.com:443",
    "acme.visualforce.com",
  ])("rejects %s", (host) => {
    expect(isLightningHost(host)).toBe(false);
  });

  it("property: a valid host with anything appended after the domain is rejected", () => {
    fc.assert(
      fc.property(
        myDomainName,
        fc.stringMatching(/^[.a-z0-9-]{1,20}$/).filter((s) => /[a-z0-9]/.test(s)),
        (myDomain, suffix) => {
          expect(isLightningHost(`${lightningHostFor(myDomain)}.${suffix}`)).toBe(false);
        },
      ),
    );
  });

  it("property: arbitrary text is accepted only when it has a Lightning domain ending", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        if (isLightningHost(text)) {
          expect(text.toLowerCase()).toMatch(
            /\.(lightning\.force\.com|lightning\.crmforce\.mil|my-lightning\.com|lightning\.sfcrmapps\.cn)$/,
          );
        }
      }),
    );
  });
});

describe("redirect URI validation", () => {
  it.each([
    "https://acme.lightning.force.com/lightning/page/home",
    "https://acme.lightning.force.com/resource/genesysps__genesysAuthCallback",
    "https://acme--uat.sandbox.lightning.force.com/lightning/page/home",
    "https://acme.lightning.force.com",
  ])("accepts %s", (uri) => {
    expect(isSalesforceRedirectUri(uri)).toBe(true);
  });

  it.each([
    "http://acme.lightning.force.com/lightning/page/home",
    "https://acme.my.salesforce.com/lightning/page/home",
    "https://user@acme.lightning.force.com/",
    "https://acme.lightning.force.com:8443/",
    "https://acme.lightning.force.com/home?x=1",
    "https://acme.lightning.force.com/home#top",
    "https://acme.lightning.force.com\\@evil.example/",
    "https://evil.example/https://acme.lightning.force.com/",
    "acme.lightning.force.com/lightning/page/home",
    "https://acme.lightning.force.com/a b",
    "",
  ])("rejects %j", (uri) => {
    expect(isSalesforceRedirectUri(uri)).toBe(false);
  });

  it("property: only https URLs pass", () => {
    fc.assert(
      fc.property(fc.webUrl(), (url) => {
        if (isSalesforceRedirectUri(url)) expect(url.startsWith("https://")).toBe(true);
      }),
    );
  });
});
