import { RUNNER_COMMANDS } from "../../../lib/app/commands/cdktf-runner";
import { parseCommand, runCommand } from "../../../lib/shared/command-declaration";
import { capturedIo } from "../../support/captured-io";
import { select } from "../../../lib/app/deployments/selection";
import { Deployment } from "../../../lib/app/deployments/deployments";

const deployment = (name: string): Deployment => ({ name, genesysCloud: { region: "us-east-1" }, salesforce: { myDomain: "acme" } });
const deployments = ["production", "uat", "eu-production", "eu-uat"].map(deployment);

describe("the runner's arguments", () => {
  it("deployment names apart from cdktf's options and their values, which go on as given; its own --parallelism read", () => {
    const argv = [
      "production",
      "--auto-approve",
      "--output",
      "out",
      "eu-*",
      "--var-file=x.tfvars",
      "--parallelism",
      "2",
      "--migrate-state",
    ];
    expect(parseCommand(RUNNER_COMMANDS.deploy, argv)).toEqual({
      parsed: {
        values: { parallelism: "2" },
        positionals: ["production", "eu-*"],
        passed: ["--auto-approve", "--output", "out", "--var-file", "x.tfvars", "--migrate-state"],
      },
    });
  });

  it("synth declares no --parallelism: it is cdktf's there, passed on with its value", () => {
    expect(parseCommand(RUNNER_COMMANDS.synth, ["--parallelism", "2"])).toEqual({
      parsed: { values: {}, positionals: [], passed: ["--parallelism", "2"] },
    });
  });

  it("a bad --parallelism is one message: where, what was given, what is allowed", async () => {
    const { io, err } = capturedIo();
    expect(await runCommand(RUNNER_COMMANDS.deploy, ["--parallelism", "2", "--parallelism", "3"], { PATH: "" }, io)).toBe(1);
    expect(err()).toBe('deploy: --parallelism: given 2 times ("2", "3"); allowed: once\n');
  });
});

describe("select", () => {
  it("takes names and * patterns, in file order", () => {
    expect((select(deployments, ["eu-*", "production"], "deploy") as Deployment[]).map((d) => d.name)).toEqual([
      "production",
      "eu-production",
      "eu-uat",
    ]);
    expect((select(deployments, ["*"], "deploy") as Deployment[]).map((d) => d.name)).toEqual([
      "production",
      "uat",
      "eu-production",
      "eu-uat",
    ]);
  });

  it("a name that matches nothing is one message with the names there are", () => {
    expect(select(deployments, ["prod", "uat"], "deploy")).toBe(
      'deploy: no deployment is named "prod"; the deployments are: production, uat, eu-production, eu-uat',
    );
  });

  it("no name at all asks for one", () => {
    expect(select(deployments, [], "diff")).toBe(
      "diff: <deployment name or pattern>: given nothing; allowed: one or more deployment names or patterns ('*' for all; npx genesys-scv-oauth-client deployments lists them); the deployments are: production, uat, eu-production, eu-uat",
    );
  });

  it("pattern characters other than * are literal", () => {
    expect(select(deployments, ["eu.production"], "deploy")).toMatch(/^deploy: no deployment is named "eu\.production"/);
  });
});

describe("arguments after `--` are refused, never both read as the tool's options and passed to cdktf as stack names", () => {
  for (const command of ["deploy", "destroy", "diff", "synth", "output"] as const) {
    it(`${command} production -- --auto-approve: refused before anything is read or run`, async () => {
      const { io, out, err } = capturedIo();
      // No deployments file at this path: the refusal comes first, and no process starts (unit-setup.ts).
      const env = { PATH: "", DEPLOYMENTS_FILE: "/nonexistent/deployments.json" };
      expect(await runCommand(RUNNER_COMMANDS[command], ["production", "--", "--auto-approve"], env, io)).toBe(1);
      expect(out()).toBe("");
      expect(err()).toMatch(
        new RegExp(
          `^${command}: "--" is not taken among its arguments \\(given before --auto-approve\\): .* without it \\(npx genesys-scv-oauth-client ${command} .*\\); nothing was run\\.\\n$`,
        ),
      );
    });
  }

  it("the wording, once", async () => {
    const { io, err } = capturedIo();
    expect(await runCommand(RUNNER_COMMANDS.deploy, ["production", "--", "--auto-approve", "x"], { PATH: "" }, io)).toBe(1);
    expect(err()).toBe(
      'deploy: "--" is not taken among its arguments (given before --auto-approve x): deployment names and cdktf\'s options go, in any order, ' +
        "without it (npx genesys-scv-oauth-client deploy production --auto-approve); nothing was run.\n",
    );
  });
});

describe("a deployments file without deployments (a new repository's, as init writes it)", () => {
  const { tempDir } = require("../../support/temp-dir");
  const { writeFileSync } = require("fs");
  const { join } = require("path");
  const empty = () => {
    const file = join(tempDir("empty-"), "deployments.json");
    writeFileSync(file, '// none yet\n{ "deployments": [] }\n');
    return { DEPLOYMENTS_FILE: file, TERRAFORM_BINARY_NAME: "/nonexistent/terraform" };
  };

  it("synth: nothing to synthesize, said, exit 0, no process started", async () => {
    const captured = capturedIo();
    expect(await runCommand(RUNNER_COMMANDS.synth, [], empty(), captured.io)).toBe(0);
    expect([captured.out(), captured.err()]).toEqual(["synth: the deployments file has no deployments yet: nothing to synthesize.\n", ""]);
  });

  it.each(["diff", "deploy", "output"] as const)("%s: one message that the file has none yet, exit 1", async (command) => {
    const captured = capturedIo();
    expect(await runCommand(RUNNER_COMMANDS[command], ["production"], empty(), captured.io)).toBe(1);
    expect(captured.err()).toBe(
      `${command}: the deployments file has no deployments yet; allowed: a name of one of them, once npx genesys-scv-oauth-client deployments lists it (npx genesys-scv-oauth-client help docs/deployments.md)\n`,
    );
  });
});
