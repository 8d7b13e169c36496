/**
 * `help` and the docs where the user is: every page a text under lib/ cites (docs/<page>.md, or `help <topic>`)
 * is a page the package ships (package.json "files") and `help` prints; `help <command>` is the command's own help.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { COMMANDS } from "../../lib/cli/commands";
import { docsTopics, shownCommands } from "../../lib/cli/help";
import { cli } from "../../lib/cli/main";
import { capturedIo } from "../support/captured-io";

const root = join(__dirname, "../..");
const own = require("../../package.json");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every docs topic a file under lib/ names: `docs/<topic>.md`, `docsPage("<topic>"` and `typed("help", "<topic>"`. */
function citedTopics(): Map<string, string[]> {
  const cited = new Map<string, string[]>();
  for (const file of filesUnder(join(root, "lib")).filter((f) => f.endsWith(".ts"))) {
    const text = readFileSync(file, "utf8");
    const found = [
      ...text.matchAll(/\bdocs\/([\w-]+)\.md/g),
      ...text.matchAll(/docsPage\("([\w-]+)"/g),
      ...text.matchAll(/typed\("help", "(?:docs\/)?([\w-]+?)(?:\.md)?"/g),
    ].map((m) => m[1]);
    for (const topic of found) cited.set(topic, [...(cited.get(topic) ?? []), file.slice(root.length + 1)]);
  }
  return cited;
}

describe("help", () => {
  it("with nothing after it: the command list and the docs' topics, exit 0", async () => {
    const { io, out } = capturedIo();
    expect(await cli(["help"], {}, io)).toBe(0);
    expect(out()).toContain("Commands:");
    expect(out()).toContain(`help docs/<topic>.md prints one): ${docsTopics().join(", ")}`);
  });

  it.each(shownCommands(COMMANDS).filter((name) => name !== "help"))("help %s is %s --help", async (name) => {
    const [help, flag] = [capturedIo(), capturedIo()];
    expect(await cli(["help", name], {}, help.io)).toBe(0);
    await cli([name, "--help"], {}, flag.io);
    expect(help.out()).toBe(flag.out());
    expect(help.out()).toMatch(/^usage: /);
  });

  it.each([["migrating"], ["docs/migrating.md"], ["migrating.md"]])(
    "help %s prints docs/migrating.md and where it is installed",
    async (given) => {
      const { io, out } = capturedIo();
      expect(await cli(["help", given], { INIT_CWD: root }, io)).toBe(0);
      expect(out()).toBe(`docs/migrating.md, installed at docs/migrating.md:\n\n${readFileSync(join(root, "docs/migrating.md"), "utf8")}`);
    },
  );

  it("an unknown topic is one message naming the commands and topics allowed, exit 1", async () => {
    const { io, out, err } = capturedIo();
    expect(await cli(["help", "nonsense"], {}, io)).toBe(1);
    expect(out()).toBe("");
    expect(err()).toBe(
      `help: <command or topic>: given "nonsense"; allowed: the commands ${shownCommands(COMMANDS).join(", ")}, or the topics ${docsTopics().join(", ")}\n`,
    );
  });
});

describe("every docs page a text under lib/ cites is where the user is", () => {
  const cited = citedTopics();

  it("lib/ cites the pages its messages send users to", () => {
    for (const topic of ["migrating", "deploying", "deployments"]) expect(cited.has(topic)).toBe(true);
  });

  it("the package ships docs/*.md (package.json files), and no cited page is left out of it", () => {
    expect(own.files).toContain("docs/*.md");
    const missing = [...cited].filter(([topic]) => !docsTopics().includes(topic));
    expect(missing).toEqual([]);
  });

  it.each([...citedTopics().keys()])("help docs/%s.md prints the page", async (topic) => {
    const { io, out } = capturedIo();
    expect(await cli(["help", `docs/${topic}.md`], {}, io)).toBe(0);
    expect(out()).toContain(readFileSync(join(root, `docs/${topic}.md`), "utf8"));
  });
});

describe("no text under lib/ tells the user to type this repository's npm run form of a command", () => {
  it("names every command through typed-command.ts (npx genesys-scv-oauth-client <command>)", () => {
    const names = shownCommands(COMMANDS).join("|");
    const found = filesUnder(join(root, "lib"))
      .filter((f) => f.endsWith(".ts"))
      .flatMap((file) =>
        [...readFileSync(file, "utf8").matchAll(new RegExp(`npm run (?:${names})(?![\\w:-])`, "g"))].map(
          (m) => `${file.slice(root.length + 1)}: ${m[0]}`,
        ),
      );
    expect(found).toEqual([]);
  });
});
