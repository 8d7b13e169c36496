/** An engine named neither terraform nor tofu is told apart by what its `version` prints (lib/app/stack/engine.ts). */
import { chmodSync, writeFileSync } from "fs";
import { join } from "path";
import { resolveEngine } from "../../../lib/app/stack/engine";
import { tempDir } from "../../support/temp-dir";

function script(name: string, prints: string): string {
  const dir = tempDir("engine-version-");
  writeFileSync(join(dir, name), `#!/bin/sh\nprintf '%s\\n' ${JSON.stringify(prints)}\n`);
  chmodSync(join(dir, name), 0o755);
  return join(dir, name);
}

it("a path to `tofu-1.12` whose version says OpenTofu is OpenTofu, typed as tofu in messages", () => {
  const binary = script("tofu-1.12", "OpenTofu v1.12.6");
  expect(resolveEngine({ PATH: "", TERRAFORM_BINARY_NAME: binary })).toEqual({ binary, name: "OpenTofu", command: "tofu" });
});

it("a command on PATH whose version names neither engine is refused, naming what was given", () => {
  const binary = script("mytf", "something else 1.0");
  expect(resolveEngine({ PATH: join(binary, ".."), TERRAFORM_BINARY_NAME: "mytf" })).toEqual({
    problem:
      'TERRAFORM_BINARY_NAME (its `version` names neither Terraform nor OpenTofu): given "mytf"; allowed: "terraform" or "tofu" (a command on PATH), or the path of a Terraform or OpenTofu executable',
  });
});
