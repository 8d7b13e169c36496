/** What the Salesforce admin does at each step: one text, for the review and npm run migrate, and for the stack's output. */
import { salesforceAdminNextStep } from "../../lib/app/stack/deployment-stack";
import { MIGRATION_STEP_TEXTS, salesforceAdminAt } from "../../lib/shared/migration";
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
