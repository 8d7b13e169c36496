/** Which engine runs the stacks (lib/app/stack/engine.ts): TERRAFORM_BINARY_NAME, else terraform, else tofu on PATH. */
import { chmodSync, mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import {
  ENGINE_MISSING,
  engineFileChoice,
  engineNameFromVersion,
  engineProblem,
  resolveEngine,
  withEngine,
} from "../../../lib/app/stack/engine";
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
  it("hands cdktf the resolved binary through TERRAFORM_BINARY_NAME, and OpenTofu a data folder of its own", async () => {
    expect(await withEngine({ PATH: tofuOnly, OTHER: "kept" })).toEqual({
      PATH: tofuOnly,
      OTHER: "kept",
      TERRAFORM_BINARY_NAME: join(tofuOnly, "tofu"),
      TF_DATA_DIR: ".tofu",
    });
    expect(await withEngine({ PATH: terraformOnly })).toEqual({
      PATH: terraformOnly,
      TERRAFORM_BINARY_NAME: join(terraformOnly, "terraform"),
    });
    // A data folder the user chose is theirs.
    expect(await withEngine({ PATH: tofuOnly, TF_DATA_DIR: "/data" })).toMatchObject({ TF_DATA_DIR: "/data" });
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

describe("the repository's .engine beside the deployments file", () => {
  /** A folder with a deployments file and, unless undefined, `.engine` holding `text`; the environment naming it. */
  function repository(text: string | undefined, env: NodeJS.ProcessEnv = {}): { env: NodeJS.ProcessEnv; file: string } {
    const dir = tempDir("engine-repo-");
    writeFileSync(join(dir, "deployments.json"), '{ "deployments": [] }');
    if (text !== undefined) writeFileSync(join(dir, ".engine"), text);
    return { env: { ...env, DEPLOYMENTS_FILE: join(dir, "deployments.json") }, file: join(dir, ".engine") };
  }

  it("chooses the engine where TERRAFORM_BINARY_NAME is unset: tofu even where terraform is on PATH", async () => {
    expect(await resolveEngine(repository("tofu\n", { PATH: both }).env)).toEqual({
      binary: join(both, "tofu"),
      name: "OpenTofu",
      command: "tofu",
    });
    expect(await resolveEngine(repository("terraform", { PATH: both, TERRAFORM_BINARY_NAME: "" }).env)).toMatchObject({
      name: "Terraform",
    });
    expect(engineFileChoice(repository(" to fu \r\n", { PATH: both }).env)).toMatchObject({ command: "tofu" });
  });

  it("without it, the engine is chosen as before (TERRAFORM_BINARY_NAME, else PATH)", async () => {
    expect(engineFileChoice(repository(undefined).env)).toBeUndefined();
    expect(await resolveEngine(repository(undefined, { PATH: tofuOnly }).env)).toMatchObject({ name: "OpenTofu" });
    expect(await resolveEngine(repository(undefined, { PATH: both, TERRAFORM_BINARY_NAME: "tofu" }).env)).toMatchObject({
      name: "OpenTofu",
    });
  });

  it("TERRAFORM_BINARY_NAME may name the binary of the engine .engine names, and nothing else", async () => {
    expect(await resolveEngine(repository("tofu", { PATH: none, TERRAFORM_BINARY_NAME: join(tofuOnly, "tofu") }).env)).toEqual({
      binary: join(tofuOnly, "tofu"),
      name: "OpenTofu",
      command: "tofu",
    });
    const { env, file } = repository("tofu", { PATH: both, TERRAFORM_BINARY_NAME: "terraform" });
    expect(await engineProblem(env)).toBe(
      `TERRAFORM_BINARY_NAME and ${file} disagree: TERRAFORM_BINARY_NAME (given "terraform") is Terraform, ${file} says tofu (OpenTofu), ` +
        "the engine this repository's workflows run; allowed: TERRAFORM_BINARY_NAME unset, or naming tofu (the command, or the path of " +
        `its executable). To switch engines, change ${file} and run npx genesys-scv-oauth-client lock (npx genesys-scv-oauth-client help docs/engines.md).`,
    );
    expect(await withEngine(env)).toBe(env);
  });

  it("names the file when the engine it names is not on PATH", async () => {
    const { env, file } = repository("terraform", { PATH: tofuOnly });
    expect(await engineProblem(env)).toBe(
      `${file} says terraform, and terraform is not on PATH: install Terraform (1.5 or later; https://developer.hashicorp.com/terraform/install), ` +
        "or set TERRAFORM_BINARY_NAME to the path of its executable.",
    );
  });

  it("anything but terraform or tofu in it is one message naming the file, what it holds and what is allowed", async () => {
    const allowed = 'allowed: "terraform" or "tofu" (the engine the workflows install; blanks are ignored)';
    for (const [text, given] of [
      ["opentofu\n", '"opentofu"'],
      ["", '""'],
      ["Terraform", '"Terraform"'],
      ["terraform\ntofu\n", '"terraformtofu"'],
    ]) {
      const { env, file } = repository(text, { PATH: both });
      expect(await engineProblem(env)).toBe(`${file} has 1 problem:\n  - (file): given ${given}; ${allowed}`);
    }
    const folder = repository(undefined, { PATH: both });
    mkdirSync(folder.file);
    expect(await engineProblem(folder.env)).toMatch(
      new RegExp(`^${folder.file} has 1 problem:\\n  - \\(file\\): given .*; allowed: a text file saying`),
    );
    const binary = repository(undefined, { PATH: both });
    writeFileSync(binary.file, Buffer.from([0xff, 0xfe, 0x74, 0x00]));
    expect(await engineProblem(binary.env)).toMatch(/^.*\.engine has 1 problem:\n {2}- \(file\): given a UTF-16 text file/);
  });
});
