/** Reading each deployment's state (lib/app/state/read-states.ts); what reads a real state runs in the e2e suite. */
import { Deployment } from "../../../lib/app/deployments/deployments";
import { ENGINE_MISSING } from "../../../lib/app/stack/engine";
import { readStates } from "../../../lib/app/state/read-states";

const deployment = (name: string) => ({ name, genesysCloud: { region: "us-east-1" }, salesforce: { myDomain: "acme" } }) as Deployment;

it("without Terraform or OpenTofu on PATH, every deployment's reading is the one message for it, and nothing is run", async () => {
  const readings = await readStates([deployment("production"), deployment("uat")], "/nonexistent", { PATH: "" }, 4);
  expect([...readings]).toEqual([
    ["production", { problem: ENGINE_MISSING }],
    ["uat", { problem: ENGINE_MISSING }],
  ]);
});
