import {
  DEFAULT_GRANT_TYPE,
  destroyProtectionOff,
  GRANT_TYPES,
  IMPLICIT_GRANT,
  IMPLICIT_GRANT_RETIREMENT,
  isGrantType,
} from "../../lib/shared/policy";

describe("the grant policy", () => {
  it("keeps the article's implicit grant (the provider's TOKEN) the default while Genesys retires it", () => {
    expect(DEFAULT_GRANT_TYPE).toBe("implicit");
    expect(IMPLICIT_GRANT).toBe("TOKEN");
    expect(GRANT_TYPES["authorization-code"]).toBe("CODE");
  });

  it("knows only its own grant names, none of an object's own keys", () => {
    expect(["implicit", "authorization-code"].every(isGrantType)).toBe(true);
    expect(["TOKEN", "client-credentials", "toString", "constructor"].some(isGrantType)).toBe(false);
  });

  it("says both dates of the retirement and the way out", () => {
    expect(IMPLICIT_GRANT_RETIREMENT).toMatch(/^Genesys is retiring the implicit grant: since March 2026 .* stop working by March 2027 /);
  });
});

describe("destroyProtectionOff", () => {
  it("says who lets Terraform delete the client, what that costs, and what to do after", () => {
    expect(destroyProtectionOff('deployment "production"')).toBe(
      'deployment "production" lets Terraform delete its OAuth client: a destroy, or a plan that replaces the client, takes its client id with it, ' +
        "and the Salesforce org's agents cannot log in until an admin enters a new one. Set preventDestroy back to true once the change that needed it is applied.",
    );
  });
});
