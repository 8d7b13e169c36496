/**
 * The run per deployment (lib/app/commands/deployment-runs.ts): a deployment the guard stops is that deployment's
 * failure, said with its message, and starts no cdktf (this unit project fails any test that starts a process).
 */
import { runPerDeployment } from "../../../lib/app/commands/deployment-runs";
import { Deployment } from "../../../lib/app/deployments/deployments";
import { capturedIo } from "../../support/captured-io";
import { tempDir } from "../../support/temp-dir";

const deployment = (name: string): Deployment => ({ name, genesysCloud: { region: "us-east-1" }, salesforce: { myDomain: "acme" } });

describe("runPerDeployment", () => {
  it("diff of a deployment whose state cannot be read (no engine): stopped by the guard, failing closed, no cdktf started", async () => {
    const production = deployment("production");
    const { io, out, err } = capturedIo();
    const settings = { all: [production], baseDir: tempDir("runs-"), options: ["--skip-synth"], parallelism: 1, approved: false };
    const env = { PATH: tempDir("no-engine-") };
    expect(await runPerDeployment("diff", [production], settings, env, env, io)).toBe(1);
    expect(out()).toBe("");
    expect(err()).toMatch(
      /^production: Neither terraform nor tofu is on PATH[^]*\n {2}\(whether a deploy would create a second client for this Salesforce org cannot be told: nothing was run\)\n$/,
    );
  });
});
