/** Reading each deployment's state (lib/app/state/read-states.ts); what reads a real state runs in the e2e suite. */
import { Deployment } from "../../../lib/app/deployments/deployments";
import { ENGINE_MISSING } from "../../../lib/app/stack/engine";
import { readFileSync } from "fs";
import { join } from "path";
import { clientAttributesOf, inBackendFolders, readStates, StateReading, statesOnDemand } from "../../../lib/app/state/read-states";
import { tempDir } from "../../support/temp-dir";

const deployment = (name: string) => ({ name, genesysCloud: { region: "us-east-1" }, salesforce: { myDomain: "acme" } }) as Deployment;

it("without Terraform or OpenTofu on PATH, every deployment's reading is the one message for it, and nothing is run", async () => {
  const readings = await readStates([deployment("production"), deployment("uat")], "/nonexistent", { PATH: "" }, 4);
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
  it("are the attributes of the managed client whose id the state's client_id names, among several", () => {
    expect(clientAttributesOf(state, "c-1")).toEqual({ id: "c-1", name: "SCV" });
  });

  it.each([
    ["an empty state (nothing deployed)", {}],
    ["what is not a state", "not a state"],
    ["a state without resources", { version: 4 }],
    ["resources that are not a list", { ...state, resources: { code: state.resources[2] } }],
    ["no instance with that id", { ...state, resources: state.resources.slice(0, 2) }],
  ])("are none for %s", (_, given) => {
    expect(clientAttributesOf(given, "c-1")).toBeUndefined();
  });
});

describe("states over many deployments are read at the given concurrency, each once, never one at a time by default", () => {
  const many = Array.from({ length: 9 }, (_, i) => deployment(`org${i}`));

  it.each([1, 3, 4])("inBackendFolders at %i at once: never more, and that many when there are more deployments", async (limit) => {
    let running = 0;
    let most = 0;
    const seen: string[] = [];
    const results = await inBackendFolders(
      many,
      tempDir("read-states-"),
      {},
      limit,
      async (dir, _env, d) => {
        running++;
        most = Math.max(most, running);
        // Each folder holds that deployment's backend block alone.
        seen.push(JSON.stringify(JSON.parse(readFileSync(join(dir, "backend.tf.json"), "utf8")).terraform.backend.local.path));
        await new Promise((r) => setTimeout(r, 20));
        running--;
        return d.name;
      },
      (why) => why,
    );
    expect(most).toBe(limit);
    expect(results).toEqual(many.map((d) => d.name));
    expect(seen.length).toBe(many.length);
    expect(new Set(seen).size).toBe(many.length);
  });

  it("statesOnDemand: each state read once, the missing ones in one batch at the parallelism given", async () => {
    const batches: { names: string[]; parallelism: number }[] = [];
    const read = async (ds: readonly Deployment[], _baseDir: string, _env: NodeJS.ProcessEnv, parallelism: number) => {
      batches.push({ names: ds.map((d) => d.name), parallelism });
      return new Map<string, StateReading>(ds.map((d) => [d.name, { outputs: { redirectUris: [] } }]));
    };
    const statesOf = statesOnDemand(read, "/nonexistent", {}, 4);
    await Promise.all([statesOf(many.slice(0, 2)), statesOf(many.slice(0, 2))]);
    const more = await statesOf(many.slice(0, 5));
    expect(batches).toEqual([
      { names: ["org0", "org1"], parallelism: 4 },
      { names: ["org2", "org3", "org4"], parallelism: 4 },
    ]);
    expect([...more.keys()]).toEqual(["org0", "org1", "org2", "org3", "org4"]);
  });
});
