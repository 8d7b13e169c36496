/**
 * The CLI's dispatcher and registry (lib/cli): every command listed and answering --help, one message for an
 * unknown command, the version, and the pipeline's credentials for a deployment with a prefix.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { COMMANDS } from "../../lib/cli/commands";
import { asTypedWhereInstalled, cli, runByOwnScripts, usage } from "../../lib/cli/main";
import { ownPackage } from "../../lib/shared/own-package";
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

describe("the commands a message names, as the user types them", () => {
  const ownScripts = { npm_package_json: join(ownPackage().root, "package.json") };
  const configRepository = { npm_package_json: "/home/team/scv-oauth-clients/package.json" };
  const deploymentsFile = () => {
    const file = join(tempDir("typed-"), "deployments.json");
    writeFileSync(
      file,
      JSON.stringify({ deployments: [{ name: "production", genesysCloud: { region: "us-east-1" }, salesforce: { myDomain: "acme" } }] }),
    );
    return file;
  };

  it("this repository's npm scripts are told apart by the package.json npm runs them from", () => {
    expect([runByOwnScripts(ownScripts), runByOwnScripts(configRepository), runByOwnScripts({})]).toEqual([true, false, false]);
  });

  it.each([
    ["npm run adopt -- production --write", "npx genesys-scv-oauth-client adopt production --write"],
    ["npm run deploy -- '*'", "npx genesys-scv-oauth-client deploy '*'"],
    [
      "(npm run migrate -- <name> --back --write reactivates it)",
      "(npx genesys-scv-oauth-client migrate <name> --back --write reactivates it)",
    ],
    ["npm run migrate --despite-usage", "npx genesys-scv-oauth-client migrate --despite-usage"],
    ["Review the plan (npm run diff), then", "Review the plan (npx genesys-scv-oauth-client diff), then"],
    ["usage: npm run check -- [DEPLOYMENTS_FILE]", "usage: npx genesys-scv-oauth-client check [DEPLOYMENTS_FILE]"],
    // Not one of the tool's commands, or not the command's whole name: left as it is.
    ["npm run provider:build, npm run synth:hcl, npm run test", "npm run provider:build, npm run synth:hcl, npm run test"],
  ])("%s", (text, typed) => {
    expect(asTypedWhereInstalled(text)).toBe(typed);
  });

  it("the installed CLI (a config repository, npx) says npx genesys-scv-oauth-client <command>; this repository's npm run says npm run", async () => {
    const file = deploymentsFile();
    const run = async (env: Record<string, string>) => {
      const { io, err } = capturedIo();
      expect(await cli(["adopt"], { ...env, DEPLOYMENTS_FILE: file }, io)).toBe(1);
      return err();
    };
    expect(await run(configRepository)).toBe(
      "adopt: name the deployments, e.g. npx genesys-scv-oauth-client adopt production, or npx genesys-scv-oauth-client adopt '*' for all; the deployments are: production\n",
    );
    expect(await run(ownScripts)).toBe(
      "adopt: name the deployments, e.g. npm run adopt -- production, or npm run adopt -- '*' for all; the deployments are: production\n",
    );
    const help = capturedIo();
    await cli(["migrate", "--help"], configRepository, help.io);
    expect(help.out()).toMatch(/^usage: npx genesys-scv-oauth-client migrate <deployment name> /);
    expect(help.out()).not.toContain("npm run");
  });
});
