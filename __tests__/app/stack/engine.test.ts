/** Which engine runs the stacks (lib/app/stack/engine.ts): TERRAFORM_BINARY_NAME, else terraform, else tofu on PATH. */
import { chmodSync, mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { ENGINE_MISSING, engineNameFromVersion, engineProblem, resolveEngine, withEngine } from "../../../lib/app/stack/engine";
import { tempDir } from "../../support/temp-dir";

/** A folder holding empty executables with these names. */
function binFolder(...names: string[]): string {
  const dir = tempDir("engine-");
  for (const name of names) {
    writeFileSync(join(dir, name), "#!/bin/sh\n");
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

const both = binFolder("terraform", "tofu");
const tofuOnly = binFolder("tofu");
const terraformOnly = binFolder("terraform");
const none = binFolder();

describe("resolveEngine", () => {
  it("unset: terraform when PATH has it, even beside tofu", async () => {
    expect(await resolveEngine({ PATH: both })).toEqual({ binary: join(both, "terraform"), name: "Terraform", command: "terraform" });
    expect(await resolveEngine({ PATH: terraformOnly, TERRAFORM_BINARY_NAME: "" })).toMatchObject({ name: "Terraform" });
  });

  it("unset: tofu when PATH has no terraform", async () => {
    expect(await resolveEngine({ PATH: `${none}:${tofuOnly}` })).toEqual({
      binary: join(tofuOnly, "tofu"),
      name: "OpenTofu",
      command: "tofu",
    });
  });

  it("unset and neither on PATH (or no PATH at all): the one message, naming both and the setting", async () => {
    expect(await resolveEngine({ PATH: none })).toEqual({ problem: ENGINE_MISSING });
    expect(await engineProblem({})).toBe(ENGINE_MISSING);
    expect(ENGINE_MISSING).toBe(
      "Neither terraform nor tofu is on PATH: this command runs Terraform (1.5 or later; https://developer.hashicorp.com/terraform/install) " +
        "or OpenTofu (1.10 or later; https://opentofu.org/docs/intro/install/). Install one and run again; with both installed, " +
        "TERRAFORM_BINARY_NAME=tofu (or terraform) chooses.",
    );
  });

  it("TERRAFORM_BINARY_NAME=tofu chooses OpenTofu where both are on PATH", async () => {
    expect(await resolveEngine({ PATH: both, TERRAFORM_BINARY_NAME: "tofu" })).toEqual({
      binary: join(both, "tofu"),
      name: "OpenTofu",
      command: "tofu",
    });
  });

  it("takes the absolute path of an executable, named by its file", async () => {
    expect(await resolveEngine({ PATH: none, TERRAFORM_BINARY_NAME: join(tofuOnly, "tofu") })).toMatchObject({
      binary: join(tofuOnly, "tofu"),
      name: "OpenTofu",
    });
  });

  it("a name not on PATH, a relative path, a missing or non-executable file: one message with what was given and what is allowed", async () => {
    const allowed = 'allowed: "terraform" or "tofu" (a command on PATH), or the path of a Terraform or OpenTofu executable';
    expect(await resolveEngine({ PATH: both, TERRAFORM_BINARY_NAME: "opentofu" })).toEqual({
      problem: `TERRAFORM_BINARY_NAME (not on PATH): given "opentofu"; ${allowed}`,
    });
    expect(await resolveEngine({ PATH: terraformOnly, TERRAFORM_BINARY_NAME: "tofu" })).toEqual({
      problem: `TERRAFORM_BINARY_NAME (not on PATH): given "tofu"; ${allowed}`,
    });
    expect(await engineProblem({ PATH: both, TERRAFORM_BINARY_NAME: "bin/tofu" })).toBe(
      `TERRAFORM_BINARY_NAME (a relative path): given "bin/tofu"; ${allowed}`,
    );
    const plain = tempDir("engine-plain-");
    mkdirSync(join(plain, "dir"));
    writeFileSync(join(plain, "tofu"), "");
    for (const path of [join(plain, "tofu"), join(plain, "dir"), join(plain, "missing")])
      expect(await engineProblem({ PATH: both, TERRAFORM_BINARY_NAME: path })).toBe(
        `TERRAFORM_BINARY_NAME (no executable file there): given ${JSON.stringify(path)}; ${allowed}`,
      );
  });
});

describe("withEngine", () => {
  it("hands cdktf the resolved binary through TERRAFORM_BINARY_NAME", async () => {
    expect(await withEngine({ PATH: tofuOnly, OTHER: "kept" })).toEqual({
      PATH: tofuOnly,
      OTHER: "kept",
      TERRAFORM_BINARY_NAME: join(tofuOnly, "tofu"),
    });
  });

  it("leaves the environment as it is when there is no engine (synth needs none)", async () => {
    const env = { PATH: none, TERRAFORM_BINARY_NAME: "nope" };
    expect(await withEngine(env)).toBe(env);
  });
});

describe("engineNameFromVersion", () => {
  it("reads the first line of `version`", async () => {
    expect(engineNameFromVersion("OpenTofu v1.12.6\non linux_amd64\n")).toBe("OpenTofu");
    expect(engineNameFromVersion("Terraform v1.11.4\non linux_amd64\n")).toBe("Terraform");
    expect(engineNameFromVersion("tofu 1.12\n")).toBeUndefined();
    expect(engineNameFromVersion("")).toBeUndefined();
  });
});
