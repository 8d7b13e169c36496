/** An engine named neither terraform nor tofu is told apart by what its `version` prints (lib/app/stack/engine.ts). */
import { chmodSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { resolveEngine } from "../../../lib/app/stack/engine";
import { tempDir } from "../../support/temp-dir";

function script(name: string, prints: string): string {
  const dir = tempDir("engine-version-");
  writeFileSync(join(dir, name), `#!/bin/sh\nprintf '%s\\n' ${JSON.stringify(prints)}\n`);
  chmodSync(join(dir, name), 0o755);
  return join(dir, name);
}

it("a path to `tofu-1.12` whose version says OpenTofu is OpenTofu, typed as tofu in messages", async () => {
  const binary = script("tofu-1.12", "OpenTofu v1.12.6");
  expect(await resolveEngine({ PATH: "", TERRAFORM_BINARY_NAME: binary })).toEqual({ binary, name: "OpenTofu", command: "tofu" });
});

it("a command on PATH whose version names neither engine is refused, naming what was given", async () => {
  const binary = script("mytf", "something else 1.0");
  expect(await resolveEngine({ PATH: join(binary, ".."), TERRAFORM_BINARY_NAME: "mytf" })).toEqual({
    problem:
      'TERRAFORM_BINARY_NAME (its `version` names neither Terraform nor OpenTofu): given "mytf"; allowed: "terraform" or "tofu" (a command on PATH), or the path of a Terraform or OpenTofu executable',
  });
});

describe("an engine whose `version` never answers: asked once in a run, with one deadline, and the message says it did not answer", () => {
  it("two resolutions (as withEngine, then the preflight, would) start `version` once, and both name the binary and the deadline", async () => {
    const dir = tempDir("engine-version-");
    const binary = join(dir, "mytf");
    writeFileSync(binary, `#!/bin/sh\necho asked >> ${JSON.stringify(join(dir, "calls"))}\nexec sleep 60\n`);
    chmodSync(binary, 0o755);
    const env = { PATH: dir, TERRAFORM_BINARY_NAME: binary };
    const started = Date.now();
    const [first, second] = [await resolveEngine(env, { versionDeadlineMs: 500 }), await resolveEngine(env, { versionDeadlineMs: 500 })];
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(readFileSync(join(dir, "calls"), "utf8")).toBe("asked\n");
    expect(first).toEqual({
      problem: `TERRAFORM_BINARY_NAME (${binary} did not answer its \`version\` call within 0.5 s, so which engine it is is unknown): given ${JSON.stringify(binary)}; allowed: "terraform" or "tofu" (a command on PATH), or the path of a Terraform or OpenTofu executable`,
    });
    expect(second).toEqual(first);
  });
});
