/**
 * The CLI's dispatcher and registry (lib/cli): every command listed and answering --help, one message for an
 * unknown command, the version, and the pipeline's credentials for a deployment with a prefix.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { COMMANDS } from "../../lib/cli/commands";
import { cli, usage } from "../../lib/cli/main";
import { capturedIo } from "../support/captured-io";
import { tempDir } from "../support/temp-dir";

const own = require("../../package.json");

describe("genesys-scv-oauth-client", () => {
  it("lists the commands the issue names, and init's helpers, each with a summary", () => {
    const shown = Object.keys(COMMANDS).filter((name) => !COMMANDS[name].hidden);
    for (const name of ["init", "check", "synth", "diff", "deploy", "destroy", "output", "adopt", "plan-summary", "lock", "deployments"])
      expect(shown).toContain(name);
    for (const name of shown) expect(usage()).toContain(`  ${name} `);
    expect(usage()).not.toMatch(/^ {2}app /m);
  });

  it.each(Object.keys(COMMANDS).filter((name) => !COMMANDS[name].hidden))("%s --help: its usage, exit 0", async (name) => {
    const { io, out, err } = capturedIo();
    expect(await cli([name, "--help"], {}, io)).toBe(0);
    expect(out()).toMatch(/^usage: /);
    expect(err()).toBe("");
  });

  it("an unknown command is one message and exit 1; none at all prints the list to stderr", async () => {
    const unknown = capturedIo();
    expect(await cli(["plan"], {}, unknown.io)).toBe(1);
    expect(unknown.err()).toBe(
      `genesys-scv-oauth-client: no command "plan"; allowed: ${Object.keys(COMMANDS)
        .filter((n) => !COMMANDS[n].hidden)
        .join(", ")}\n`,
    );
    const none = capturedIo();
    expect(await cli([], {}, none.io)).toBe(1);
    expect(none.err()).toContain("Commands:");
  });

  it("--version is the package's", async () => {
    const { io, out } = capturedIo();
    expect(await cli(["--version"], {}, io)).toBe(0);
    expect(out()).toBe(`${own.version}\n`);
  });

  it("SCV_CREDENTIALS_DEPLOYMENT naming no deployment is one message before the command runs", async () => {
    const dir = tempDir("cli-");
    const file = join(dir, "deployments.json");
    writeFileSync(
      file,
      JSON.stringify({
        deployments: [{ name: "eu", genesysCloud: { region: "eu-west-1", credentials: "EU" }, salesforce: { myDomain: "acme" } }],
      }),
    );
    const { io, err } = capturedIo();
    expect(await cli(["deployments"], { DEPLOYMENTS_FILE: file, SCV_CREDENTIALS_DEPLOYMENT: "us" }, io)).toBe(1);
    expect(err()).toBe('SCV_CREDENTIALS_DEPLOYMENT is "us", which names no deployment of the deployments file; allowed: eu\n');
  });
});
