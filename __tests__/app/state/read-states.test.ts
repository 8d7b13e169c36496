/** Reading each deployment's state (lib/app/state/read-states.ts); what reads a real state runs in the e2e suite. */
import { Deployment } from "../../../lib/app/deployments/deployments";
import { ENGINE_MISSING } from "../../../lib/app/stack/engine";
import { clientAttributesOf, readStates } from "../../../lib/app/state/read-states";

const deployment = (name: string) => ({ name, genesysCloud: { region: "us-east-1" }, salesforce: { myDomain: "acme" } }) as Deployment;

it("without Terraform or OpenTofu on PATH, every deployment's reading is the one message for it, and nothing is run", async () => {
  const readings = await readStates([deployment("production"), deployment("uat")], "/nonexistent", { PATH: "" });
  expect([...readings]).toEqual([
    ["production", { problem: ENGINE_MISSING }],
    ["uat", { problem: ENGINE_MISSING }],
  ]);
});

describe("the state's client attributes, from state pull (what the drift report compares with the org)", () => {
  const instance = (id: string, name = "SCV") => ({ schema_version: 0, attributes: { id, name } });
  const state = {
    version: 4,
    resources: [
      { mode: "data", type: "genesyscloud_oauth_client", name: "d", instances: [instance("c-1", "a data source")] },
      { mode: "managed", type: "genesyscloud_oauth_client", name: "implicit", instances: [instance("c-0", "the other client")] },
      { mode: "managed", type: "genesyscloud_oauth_client", name: "code", instances: [instance("c-1")] },
    ],
  };
  const pulled = (stdout: string, status = 0) => ({ status, stdout });

  it("are the attributes of the managed client whose id the state's client_id names, among several", () => {
    expect(clientAttributesOf(pulled(JSON.stringify(state)), "c-1")).toEqual({ id: "c-1", name: "SCV" });
  });

  it.each([
    ["a failed state pull", pulled(JSON.stringify(state), 1)],
    ["an empty state", pulled("")],
    ["text that is not JSON", pulled("not json")],
    ["a state without resources", pulled(JSON.stringify({ version: 4 }))],
    ["no instance with that id", pulled(JSON.stringify({ ...state, resources: state.resources.slice(0, 2) }))],
  ])("are none for %s", (_, given) => {
    expect(clientAttributesOf(given, "c-1")).toBeUndefined();
  });
});
