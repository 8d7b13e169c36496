import { implicitClientReplaced } from "../../../lib/review/rules/scv-r2-implicit-client-replaced";
import { change, client } from "./fixture";

describe("SCV-R2: an implicit client replaced may not come back", () => {
  it("has its id and level", () => {
    expect([implicitClientReplaced.id, implicitClientReplaced.level]).toEqual(["SCV-R2", "caution"]);
  });

  it.each([
    [
      "an authorization-code client replaced",
      change("replace", { ...client, authorized_grant_type: "CODE" }, { ...client, authorized_grant_type: "CODE" }),
    ],
    ["an implicit client updated in place (to CODE)", change("update", client, { ...client, authorized_grant_type: "CODE" })],
  ])("Compliance: %s", (_, c) => {
    expect(implicitClientReplaced.check(c)).toEqual([]);
  });

  it.each([
    ["an implicit client replaced", change("replace", client, client)],
    ["an implicit client deleted", change("delete", client, {})],
  ])("Noncompliance: %s", (_, c) => {
    expect(implicitClientReplaced.check(c)).toEqual([
      "it uses the implicit grant, and Genesys no longer creates implicit-grant clients: its replacement may not be creatable at all. The way out is the authorization-code grant in a second client side by side with this one (npx genesys-scv-oauth-client migrate <deployment name>, npx genesys-scv-oauth-client help docs/migrating.md), configured in the Salesforce package before this one is deactivated",
    ]);
  });

  it("a replacement that moves to the authorization-code grant is told what it needs, not to move to it", () => {
    const [text] = implicitClientReplaced.check(change("replace", client, { ...client, authorized_grant_type: "CODE" }));
    expect(text).toBe(
      "it moves from the implicit grant to the authorization-code grant: the new client gets a new client id, and the Salesforce package must be configured for the authorization-code grant, with that id, when this is applied",
    );
    expect(text).not.toContain("The way out");
  });

  it("the migration's retire by delete says what it is: the last step, a client id the Salesforce org no longer uses", () => {
    const [text] = implicitClientReplaced.check({ ...change("delete", client, {}), retiredByMigration: true });
    expect(text).toMatch(
      /^the migration's last step \(retire by delete\): it deletes the implicit client, whose client id the Salesforce org no longer uses/,
    );
    expect(text).not.toContain("may not be creatable");
  });
});
