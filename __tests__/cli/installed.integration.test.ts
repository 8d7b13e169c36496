/**
 * The tool through the door users use: packed (npm pack), installed into a folder `init` made (offline:
 * __tests__/support/installed-tool.ts), and run there as a team types it: `npx genesys-scv-oauth-client help`,
 * `help docs/<page>.md`, and the scaffold's npm scripts. Every command a message names is one that folder has (a
 * command of the installed tool, with a script in its package.json), and every docs page a message names is
 * installed there.
 */
import { spawnSync } from "child_process";
import { existsSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { initWithPackedTool } from "../support/installed-tool";
import { tempDir } from "../support/temp-dir";

jest.setTimeout(300_000);

const work = tempDir("installed-");
const repo = join(work, "ours");
const installedDocs = join(repo, "node_modules/genesys-scv-oauth-client/docs");

/** A run in the config repository, with none of this repository's npm or deployments settings. */
function inRepo(command: string, args: string[]) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm_|INIT_CWD$|DEPLOYMENTS_FILE$)/.test(name)));
  const run = spawnSync(command, args, { cwd: repo, encoding: "utf8", env: { ...env, CI: "true", CHECKPOINT_DISABLE: "1" } });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

/** What the texts tell the user to type, and the pages they cite, that this folder does not have. */
function unfollowable(text: string): string[] {
  const { scripts } = JSON.parse(readFileSync(join(repo, "package.json"), "utf8"));
  const help = inRepo("npx", ["--no-install", "genesys-scv-oauth-client", "help"]).out;
  const commands = [...help.matchAll(/^ {2}([\w-]+) {2,}/gm)].map((m) => m[1]);
  const problems: string[] = [];
  for (const [said, command] of text.matchAll(/npx genesys-scv-oauth-client ([\w-]+)/g)) {
    if (!commands.includes(command) || !Object.hasOwn(scripts, command)) problems.push(`${said}: no such command or script here`);
  }
  for (const [said, page] of text.matchAll(/help (docs\/[\w-]+\.md)/g)) {
    if (!existsSync(join(repo, "node_modules/genesys-scv-oauth-client", page))) problems.push(`${said}: not installed`);
  }
  for (const [said] of text.matchAll(/npm run [\w:-]+/g)) {
    const script = said.slice("npm run ".length);
    if (!Object.hasOwn(scripts, script)) problems.push(`${said}: no such script here`);
  }
  return problems;
}

beforeAll(() => initWithPackedTool(work, repo));

describe("the packed tool installed in a folder init made", () => {
  it("help lists the commands, each a script of the scaffold's package.json, and the docs installed with it", () => {
    const help = inRepo("npx", ["--no-install", "genesys-scv-oauth-client", "help"]);
    expect(help.status).toBe(0);
    const commands = [...help.out.matchAll(/^ {2}([\w-]+) {2,}/gm)].map((m) => m[1]);
    for (const name of ["init", "check", "diff", "deploy", "destroy", "output", "adopt", "migrate", "deployments", "plan-summary", "lock"])
      expect(commands).toContain(name);
    const { scripts } = JSON.parse(readFileSync(join(repo, "package.json"), "utf8"));
    expect(Object.keys(scripts).sort()).toEqual([...commands].sort());
    const topics = help.out.match(/help docs\/<topic>\.md prints one\): (.*)$/m)?.[1].split(", ") ?? [];
    expect(topics).toEqual(expect.arrayContaining(["deploying", "deployments", "migrating", "your-repository"]));
    for (const topic of topics) expect(existsSync(join(installedDocs, `${topic}.md`))).toBe(true);
  });

  it("help docs/migrating.md prints the installed page and says where it is", () => {
    const page = inRepo("npx", ["--no-install", "genesys-scv-oauth-client", "help", "docs/migrating.md"]);
    expect(page.status).toBe(0);
    expect(page.out).toBe(
      `docs/migrating.md, installed at node_modules/genesys-scv-oauth-client/docs/migrating.md:\n\n${readFileSync(join(installedDocs, "migrating.md"), "utf8")}`,
    );
  });

  it("the scaffold's npm scripts run the installed bin, and every command and page their messages name is here", () => {
    // A deployment with the implicit grant (the synth warnings name migrate and adopt, and docs/migrating.md).
    writeFileSync(
      join(repo, "deployments.json"),
      JSON.stringify({
        deployments: [
          {
            name: "production",
            genesysCloud: { region: "us-east-1" },
            salesforce: { myDomain: "acme" },
            backend: { s3: { bucket: "acme-terraform-state", region: "us-east-1" } },
          },
        ],
      }),
    );
    const runs = [
      inRepo("npm", ["run", "--silent", "check"]),
      inRepo("npm", ["run", "--silent", "adopt"]),
      inRepo("npm", ["run", "--silent", "migrate"]),
      inRepo("npm", ["run", "--silent", "deploy"]),
      inRepo("npm", ["run", "--silent", "help", "--", "migrate"]),
      inRepo("npx", ["--no-install", "genesys-scv-oauth-client", "init", "."]),
    ];
    const said = runs.map((r) => r.out).join("\n");
    expect(runs[0].out).toContain("npx genesys-scv-oauth-client migrate <deployment name>");
    expect(runs[0].out).toContain("npx genesys-scv-oauth-client help docs/migrating.md");
    expect(runs[1]).toEqual({
      status: 1,
      out: "adopt: <deployment name or pattern>: given nothing; allowed: one or more deployment names or patterns ('*' for all; npx genesys-scv-oauth-client deployments lists them)\n",
    });
    expect(runs[4]).toMatchObject({
      status: 0,
      out: expect.stringMatching(/^usage: npx genesys-scv-oauth-client migrate <deployment name> /),
    });
    expect(said).toMatch(/npx genesys-scv-oauth-client (adopt|migrate|deploy|diff)/);
    expect(unfollowable(said)).toEqual([]);
  });
});
