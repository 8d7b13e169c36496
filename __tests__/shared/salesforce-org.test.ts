/** Which Salesforce org a host or redirect URI belongs to (lib/shared/salesforce-org.ts). */
import fc from "fast-check";
import { lightningHostFor } from "../../lib/shared/salesforce";
import { describeSalesforceOrg, foreignRedirectUris, onOrgOf, salesforceOrgOf, sameSalesforceOrg } from "../../lib/shared/salesforce-org";

describe("salesforceOrgOf", () => {
  it.each([
    ["acme.lightning.force.com", { cloud: "commercial", myDomain: "acme" }],
    ["acme.my.salesforce.com", { cloud: "commercial", myDomain: "acme" }],
    ["acme.my-lightning.com", { cloud: "commercial", myDomain: "acme" }],
    ["acme--uat.sandbox.lightning.force.com", { cloud: "commercial", myDomain: "acme", sandbox: "uat" }],
    ["acme--uat.lightning.force.com", { cloud: "commercial", myDomain: "acme", sandbox: "uat" }],
    ["acme--uat.sandbox.my.salesforce.com", { cloud: "commercial", myDomain: "acme", sandbox: "uat" }],
    ["uat.acme.sandbox.my-lightning.com", { cloud: "commercial", myDomain: "acme", sandbox: "uat" }],
    ["acme-dev-ed.develop.lightning.force.com", { cloud: "commercial", myDomain: "acme-dev-ed" }],
    ["acme-dev-ed.lightning.force.com", { cloud: "commercial", myDomain: "acme-dev-ed" }],
    ["acme.scratch.lightning.force.com", { cloud: "commercial", myDomain: "acme" }],
    ["acme.lightning.crmforce.mil", { cloud: "government", myDomain: "acme" }],
    ["acme--uat.sandbox.lightning.crmforce.mil", { cloud: "government", myDomain: "acme", sandbox: "uat" }],
    ["acme.lightning.sfcrmapps.cn", { cloud: "china", myDomain: "acme" }],
  ])("%s is %j", (host, org) => {
    expect(salesforceOrgOf(host)).toEqual(org);
  });

  it.each([
    "https://ACME.Lightning.Force.COM/lightning/page/home",
    "https://acme.lightning.force.com./lightning/page/home",
    "https://acme.lightning.force.com:443/lightning/page/home",
    "acme.lightning.force.com.",
    " acme.lightning.force.com ",
  ])("reads the host of %j without case, a trailing dot or a port", (uri) => {
    expect(salesforceOrgOf(uri)).toEqual({ cloud: "commercial", myDomain: "acme" });
  });

  it.each([
    "evil.example",
    "https://acme.lightning.force.com.evil.example/cb",
    "https://lightning.force.com/",
    "acme.other.lightning.force.com",
    "a.b.lightning.force.com",
    "acme---uat.lightning.force.com",
    "-acme.lightning.force.com",
    "not a uri",
    "",
  ])("%j is no Salesforce org's host", (host) => {
    expect(salesforceOrgOf(host)).toBeUndefined();
  });

  it("tells every org's production, sandbox and legacy hosts apart from any other org's (property)", () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,3})?$/);
    const sandbox = fc.option(fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/), { nil: undefined });
    fc.assert(
      fc.property(name, sandbox, name, sandbox, (a, sa, b, sb) => {
        const hosts = (n: string, s?: string) =>
          s === undefined
            ? [lightningHostFor(n), `${n}.my.salesforce.com`, `${n}.my-lightning.com`, `${n.toUpperCase()}.lightning.force.com.`]
            : [
                lightningHostFor(n, s),
                `${n}--${s}.lightning.force.com`,
                `${n}--${s}.sandbox.my.salesforce.com`,
                `${s}.${n}.sandbox.my-lightning.com`,
              ];
        const same = a === b && sa === sb;
        for (const x of hosts(a, sa)) {
          for (const y of hosts(b, sb)) expect(sameSalesforceOrg(salesforceOrgOf(x), salesforceOrgOf(y))).toBe(same);
        }
      }),
    );
  });
});

describe("foreignRedirectUris and onOrgOf", () => {
  it("keeps the URIs on another org's host or on none, whatever host of its own org the others name", () => {
    const uris = [
      "https://acme--uat.sandbox.lightning.force.com/lightning/page/home",
      "https://ACME--UAT.lightning.force.com./resource/genesysps__genesysAuthCallback",
      "https://acme.lightning.force.com/lightning/page/home",
      "https://evil.example/cb",
      "no uri",
    ];
    expect(foreignRedirectUris("acme--uat.sandbox.lightning.force.com", uris)).toEqual(uris.slice(2));
  });

  it("compares a host whose org cannot be told by the host itself", () => {
    const on = onOrgOf("a.b.lightning.sfcrmapps.cn");
    expect([on("https://A.B.lightning.sfcrmapps.cn./x"), on("https://c.b.lightning.sfcrmapps.cn/x")]).toEqual([true, false]);
  });
});

it("describes an org in words", () => {
  expect(
    ["acme.lightning.force.com", "acme--uat.lightning.force.com", "acme--uat.sandbox.lightning.crmforce.mil"].map((h) =>
      describeSalesforceOrg(salesforceOrgOf(h)!),
    ),
  ).toEqual(["acme", "acme (sandbox uat)", "acme (sandbox uat, Government Cloud Plus – Defense)"]);
});
