/** What the Salesforce admin does at each step: one text, for the review and npm run migrate, and for the stack's output. */
import { salesforceAdminNextStep } from "../../lib/app/stack/deployment-stack";
import { MIGRATION_STEP_TEXTS, salesforceAdminAt, salesforceAdminBack, salesforceAdminSets } from "../../lib/shared/migration";
import { MIGRATION_STEPS } from "../../lib/shared/policy";

describe.each(MIGRATION_STEPS)("at %s", (step) => {
  it("the review's words are the generic text", () => {
    expect(MIGRATION_STEP_TEXTS[step].salesforceAdmin).toBe(salesforceAdminAt(step));
  });

  it("the stack's salesforce_admin_next_step output is the same text, with the deployment's name and the client id", () => {
    const output = salesforceAdminNextStep("production", step, "CODE-ID");
    const text = salesforceAdminAt(step, { deploymentName: "production", codeClientId: "CODE-ID" });
    expect(output).toBe(text.charAt(0).toUpperCase() + text.slice(1));
    expect(output).toContain("CODE-ID");
    expect(output).not.toContain("<name>");
  });
});

it("names the command with the deployment's name where one is run", () => {
  expect(salesforceAdminAt("deactivate", { deploymentName: "production" })).toContain(
    "npx genesys-scv-oauth-client migrate production --back --write",
  );
  expect(salesforceAdminAt("side-by-side")).toContain("npx genesys-scv-oauth-client migrate <name>");
});

describe("the Salesforce admin is told the grant", () => {
  it("output's text per client: the client id, and the login that matches its grant", () => {
    expect(salesforceAdminSets("implicit")).toMatch(/paste the client id .*and set the login to Implicit Grant\.$/);
    expect(salesforceAdminSets("authorization-code")).toMatch(/paste the client id .*and set the login to Authorization Code with PKCE \(/);
  });

  it("going back a step says what the admin does to go back, not step 1's text", () => {
    const back = salesforceAdminBack("production");
    expect(back).toContain("the implicit client issues tokens again (same id)");
    expect(back).toContain("login set to Implicit Grant");
    expect(back).toContain("npx genesys-scv-oauth-client migrate production");
    expect(back).not.toBe(salesforceAdminAt("side-by-side", { deploymentName: "production" }));
  });
});
