/** The HCL export parsed by real Terraform (hcl-export.test.ts: the unit tests; end to end: __tests__/e2e/hcl-export.e2e.ts). */
import { spawnSync } from "child_process";
import { synthHclExportStack as synth } from "../support/hcl-export-stack";

describe("the HCL export", () => {
  const hasTerraform = spawnSync("terraform", ["version"], { stdio: "ignore" }).status === 0;
  (hasTerraform ? it : it.skip)("is HCL that Terraform parses (terraform fmt), also with a lifecycle changed after construction", () => {
    const changed = synth(
      "hcl",
      (client) => (client.resource.lifecycle = { ...client.resource.lifecycle, ignoreChanges: ["description"] }),
    );
    for (const text of [synth("hcl"), changed]) {
      const fmt = spawnSync("terraform", ["fmt", "-"], {
        input: text,
        encoding: "utf8",
        env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null" },
      });
      expect(fmt.stderr).toBe("");
      expect(fmt.status).toBe(0);
    }
  });
});
