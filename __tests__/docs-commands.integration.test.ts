/**
 * The test commands the README, CONTRIBUTING and docs/ give run as written. Every example is taken from the pages
 * themselves: the lines of their code blocks and their inline code that run the tests (`npm test`, `npm run test:*`,
 * `npx jest ...`, `node scripts/test-e2e.mjs ...`). An example that names test files runs for real and must pass with
 * at least one test; a whole-suite command (minutes long, or the end-to-end suites) is held to what makes it run: its
 * npm script exists, its jest projects exist, its end-to-end part and names select suites.
 */
import { spawnSync } from "child_process";
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import { allSuites, e2ePasses, PARTS } from "../scripts/e2e-passes.cjs";

const root = join(__dirname, "..");
const pages = [
  "README.md",
  "CONTRIBUTING.md",
  ...readdirSync(join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];
const own = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const projects: string[] = require("../jest.config.js").projects.map((p: { displayName: string }) => p.displayName);

/** A command that runs tests, as a page writes it; `line` is where (1-based). */
interface Example {
  readonly page: string;
  readonly line: number;
  readonly command: string;
}

const TEST_COMMAND =
  /^(?:time\s+)?(?:[A-Z0-9_]+=\S+\s+)*(?:npm test\b|npm run test(?::[\w-]+)?\b|npx jest\b|node scripts\/test-e2e\.mjs\b)/;

/** The test commands of a page: each line of a code block (without its `# comment`), and each inline code span. */
function testExamples(page: string, text: string): Example[] {
  const found: Example[] = [];
  let fenced = false;
  text.split("\n").forEach((content, i) => {
    if (/^\s*```/.test(content)) {
      fenced = !fenced;
      return;
    }
    const candidates = fenced ? [content.replace(/\s+#.*$/, "").trim()] : [...content.matchAll(/`([^`]+)`/g)].map((m) => m[1].trim());
    for (const command of candidates) if (TEST_COMMAND.test(command)) found.push({ page, line: i + 1, command });
  });
  return found;
}

/** A placeholder the reader fills in (FILE…, <name>, NAME): such a command is checked, never run. */
const isPlaceholder = (arg: string) => /[…<>]|\.\.\.|^[A-Z]+$/.test(arg);

/** How an example runs: the environment it sets and its words. */
function split(command: string): { env: Record<string, string>; words: string[] } {
  const words = command.split(/\s+/).filter((w) => w !== "time");
  const env: Record<string, string> = {};
  while (words.length > 0 && /^[A-Z][A-Z0-9_]*=/.test(words[0])) {
    const [name, value] = words.shift()!.split("=");
    env[name] = value;
  }
  return { env, words };
}

/** The test files an example names (each must exist): those examples run for real. */
const namedFiles = (words: string[]) => words.filter((w) => w.startsWith("__tests__/"));

/** Why an example would not run as written, without running it; undefined when nothing stands in its way. */
function staticProblem({ command }: Example): string | undefined {
  const { env, words } = split(command);
  const missing = namedFiles(words).filter((f) => !existsSync(join(root, f)));
  if (missing.length > 0) return `names ${missing.join(", ")}, which does not exist`;
  if (words[0] === "npm") {
    const script = words[1] === "test" ? "test" : words[2];
    if (!Object.hasOwn(own.scripts, script)) return `npm script ${script} does not exist`;
    return undefined;
  }
  if (words[0] === "npx" && words[1] === "jest") {
    for (let i = 2; i < words.length; i++)
      if (words[i] === "--selectProjects" && !projects.includes(words[i + 1]))
        return `--selectProjects ${words[i + 1]}: jest.config.js has the projects ${projects.join(", ")}`;
    return undefined;
  }
  // node scripts/test-e2e.mjs [--part P] [names]
  if (!existsSync(join(root, words[1]))) return `${words[1]} does not exist`;
  const only = env.SCV_E2E_ENGINE as "terraform" | "tofu" | undefined;
  if (only !== undefined && only !== "terraform" && only !== "tofu") return `SCV_E2E_ENGINE=${only}: allowed terraform or tofu`;
  const args = words.slice(2);
  const at = args.indexOf("--part");
  const part = at >= 0 ? args[at + 1] : undefined;
  if (part !== undefined && !(PARTS as readonly string[]).includes(part)) return `--part ${part}: allowed ${PARTS.join(", ")}`;
  const rest = args.filter((_, i) => at < 0 || (i !== at && i !== at + 1)).filter((a) => !isPlaceholder(a));
  const suites = allSuites(root);
  const unknown = rest.filter((a) => !a.startsWith("-")).filter((n) => !suites.some((s) => new RegExp(n).test(s) || s.endsWith(n)));
  if (unknown.length > 0) return `${unknown.join(" ")}: no end-to-end suite has that name`;
  if (e2ePasses({ part: part as (typeof PARTS)[number] | undefined, only, args: rest, suites }).length === 0)
    return `selects no end-to-end suite${part ? ` of the part ${part}` : ""}`;
  return undefined;
}

/** Whether an example runs for real: it names test files, is no end-to-end run, and has no placeholder. */
const runsForReal = ({ command }: Example) => {
  const { words } = split(command);
  return namedFiles(words).length > 0 && !words.includes("scripts/test-e2e.mjs") && !words.some(isPlaceholder);
};

const examples = pages.flatMap((page) => testExamples(page, readFileSync(join(root, page), "utf8")));

jest.setTimeout(240_000);

describe("the test commands the docs give", () => {
  it("are found in the pages, in code blocks and inline, among them one-file examples that run", () => {
    expect(examples.length).toBeGreaterThan(5);
    expect(examples.filter(runsForReal).length).toBeGreaterThan(0);
    expect(new Set(examples.map((e) => e.page)).size).toBeGreaterThan(2);
  });

  it.each(examples.map((e) => [`${e.page}:${e.line}: ${e.command}`, e] as const))("%s: nothing stands in its way", (_, example) => {
    expect(staticProblem(example) ?? "fine").toBe("fine");
  });

  const real = examples.filter(runsForReal);
  // Each distinct command once, however many pages give it.
  const distinct = [...new Map(real.map((e) => [e.command, e])).values()];
  it.each(distinct.map((e) => [`${e.page}:${e.line}: ${e.command}`, e] as const))(
    "%s runs as written and passes with at least one test",
    (_, { command }) => {
      const { env, words } = split(command);
      const run = spawnSync(words[0], words.slice(1), {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, ...env, CI: "", GITHUB_ACTIONS: "" },
      });
      const said = run.stdout + run.stderr;
      expect([run.status, /Tests:\s+(?:\d+ \w+, )*\d+ passed/.test(said) ? "tests passed" : said.slice(-2000)]).toEqual([
        0,
        "tests passed",
      ]);
    },
  );
});

describe("the extraction (what the test above reads from a page)", () => {
  const page = [
    "Run `npm run test:unit -- __tests__/app/gone.test.ts` for one file, or `npm run build` to build.",
    "```sh",
    "npm test               # everything",
    "SCV_E2E_ENGINE=tofu node scripts/test-e2e.mjs FILE…   # on OpenTofu",
    "npm ci",
    "```",
    "`time npx jest --selectProjects unit` and `npx jest --selectProjects nope`",
  ].join("\n");
  const found = testExamples("page.md", page);

  it("takes the test commands of code blocks and inline code, with their lines, and nothing else", () => {
    expect(found).toEqual([
      { page: "page.md", line: 1, command: "npm run test:unit -- __tests__/app/gone.test.ts" },
      { page: "page.md", line: 3, command: "npm test" },
      { page: "page.md", line: 4, command: "SCV_E2E_ENGINE=tofu node scripts/test-e2e.mjs FILE…" },
      { page: "page.md", line: 7, command: "time npx jest --selectProjects unit" },
      { page: "page.md", line: 7, command: "npx jest --selectProjects nope" },
    ]);
  });

  it("finds what would not run: a file that is gone, a project that does not exist; runs only the one-file example", () => {
    expect(found.map(staticProblem)).toEqual([
      "names __tests__/app/gone.test.ts, which does not exist",
      undefined,
      undefined,
      undefined,
      "--selectProjects nope: jest.config.js has the projects unit, integration",
    ]);
    expect(found.map(runsForReal)).toEqual([true, false, false, false, false]);
  });
});
