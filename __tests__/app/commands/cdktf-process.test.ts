import { ownAnnotationsOnly, withoutTerraformColour } from "../../../lib/app/commands/cdktf-process";

describe("withoutTerraformColour", () => {
  it("adds -no-color to each Terraform command cdktf runs, after what the user set, once", () => {
    const env = withoutTerraformColour({ TF_CLI_ARGS_plan: "-parallelism=2", TF_CLI_ARGS_apply: "-no-color" });
    expect(env.TF_CLI_ARGS_plan).toBe("-parallelism=2 -no-color");
    expect(env.TF_CLI_ARGS_apply).toBe("-no-color");
    expect(env.TF_CLI_ARGS_init).toBe("-no-color");
    expect(Object.keys(env).sort()).toEqual([
      "TF_CLI_ARGS_apply",
      "TF_CLI_ARGS_destroy",
      "TF_CLI_ARGS_init",
      "TF_CLI_ARGS_output",
      "TF_CLI_ARGS_plan",
      "TF_CLI_ARGS_show",
    ]);
  });
});

describe("ownAnnotationsOnly", () => {
  it("keeps a deployment's own construct warnings and everything else it printed, and leaves out the other stacks' warnings", () => {
    const chunks = [
      { stream: "out" as const, text: "WARN [eu/service-cloud-voice]: eu's\nWARN [us/service-cloud-voice]: us's\nus  Initializing" },
      { stream: "err" as const, text: "Error: WARN [eu/x] in a message\n" },
      { stream: "out" as const, text: " the backend...\nWARN [eu-wrong/service-cloud-voice]: eu-wrong's\n" },
    ];
    expect(ownAnnotationsOnly(chunks, "us")).toEqual([
      { stream: "out", text: "WARN [us/service-cloud-voice]: us's\nus  Initializing" },
      { stream: "err", text: "Error: WARN [eu/x] in a message\n" },
      { stream: "out", text: " the backend...\n" },
    ]);
  });
});
