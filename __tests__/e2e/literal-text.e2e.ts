/**
 * Text a user writes stays what they wrote: a name, a description and a state path holding Terraform's template
 * syntax (`${file(...)}`, `%{...}`), quotes and backslashes reach Terraform, the plan and Genesys exactly as given, in
 * the JSON and in the HCL export; nothing is evaluated, so no file or environment is read into the plan.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { deployment, expectSuccess, useHarness } from "./harness";

const harness = useHarness();
const NAME = 'SCV ${file("/proc/self/environ")} C:\\ path "quoted" %{if true}x%{endif}';
const DESCRIPTION = "Managed as code \\n $${kept} ${env.HOME}";
const STATE = 'state/${path.root} "q" %{x}.tfstate';

async function plannedClient(form: "json" | "hcl") {
  const h = harness();
  h.writeDeployments([
    {
      ...deployment("literal", "acme", { name: NAME, description: DESCRIPTION, grantType: "authorization-code" }),
      backend: { local: { path: STATE } },
    },
  ]);
  await expectSuccess(h.synth(form));
  await expectSuccess(h.terraform("literal", "init", "-input=false", "-no-color"));
  const plan = JSON.parse(readFileSync(await h.planJson("literal"), "utf8"));
  return plan.resource_changes.find((c: { type: string }) => c.type === "genesyscloud_oauth_client").change.after;
}

it.each(["json", "hcl"] as const)("the %s form plans the name and description exactly as written", async (form) => {
  const after = await plannedClient(form);
  expect([after.name, after.description]).toEqual([NAME, DESCRIPTION]);
  expect(JSON.stringify(after)).not.toMatch(/GENESYSCLOUD_OAUTHCLIENT|PATH=/);
});

it("a deploy creates the client with that name, and keeps the state at that path, literally", async () => {
  const h = harness();
  await expectSuccess(h.synth("json"));
  await expectSuccess(h.terraform("literal", "apply", "-input=false", "-auto-approve", "-no-color"));
  expect([...h.emulator.clients.values()].map((c) => [c.name, c.description])).toEqual([[NAME, DESCRIPTION]]);
  expect(existsSync(join(h.dir, STATE))).toBe(true);
});
