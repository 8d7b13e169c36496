/** Two synths, each a process of the built app, into one output folder (synth-output.test.ts: the unit tests). */
import { spawn } from "child_process";
import { readdirSync, writeFileSync } from "fs";
import { join } from "path";
import { tempDir } from "../../support/temp-dir";

describe("two synths into one output folder", () => {
  const root = join(__dirname, "../../..");
  /** The app as cdktf runs it, in one form, into `outdir`; resolves with its exit code and stderr. */
  const synth = (outdir: string, form: "json" | "hcl", deployments: string) =>
    new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ["dist/cli/genesys-scv-oauth-client.js", "app"], {
        cwd: root,
        env: { ...process.env, CDKTF_OUTDIR: outdir, DEPLOYMENTS_FILE: deployments, SYNTH_HCL_OUTPUT: String(form === "hcl") },
      });
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += d));
      child.on("close", (status) => resolve({ status, stderr }));
    });

  it("take turns: both succeed, and every stack folder holds exactly one form, however they interleave", async () => {
    const dir = tempDir("synth-race-");
    const deployments = join(dir, "deployments.json");
    const names = Array.from({ length: 40 }, (_, i) => `org${i}`);
    writeFileSync(
      deployments,
      JSON.stringify({
        deployments: names.map((name) => ({
          name,
          genesysCloud: { region: "us-east-1" },
          salesforce: { myDomain: name },
          oauthClient: { grantType: "authorization-code" },
        })),
      }),
    );
    const outdir = join(dir, "out");
    for (let round = 0; round < 6; round++) {
      const runs = await Promise.all([synth(outdir, "json", deployments), synth(outdir, "hcl", deployments)]);
      expect(runs.map((r) => [r.status, r.stderr])).toEqual([
        [0, ""],
        [0, ""],
      ]);
      for (const name of names) {
        const files = readdirSync(join(outdir, "stacks", name)).filter((f) => f === "cdk.tf" || f === "cdk.tf.json");
        expect([name, files.length]).toEqual([name, 1]);
      }
    }
  }, 120_000);
});
