import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { join } from "path";
import { COMMENT_MARKER, GITHUB_COMMENT_LIMIT, renderMarkdown } from "../../../lib/review/plan-summary/markdown";
import { readPlan, StackPlan } from "../../../lib/review/plan-summary/plans";
import { summarizePlans } from "../../../lib/review/plan-summary/summarize";
import { binaryString } from "../../support/fast-check";

const fixture = (name: string) => readPlan(join(__dirname, "../../fixtures/plans", `${name}.json`));
const render = (names: string[], allowDestroy = false) => renderMarkdown(summarizePlans(names.map(fixture)), { allowDestroy }).markdown;

/** A plan of `count` OAuth client updates, each with a long description, in one stack. */
function bigPlan(stack: string, count: number): StackPlan {
  const before = { name: "a", description: "d".repeat(300), scopes: ["conversations"] };
  return {
    stack,
    file: `${stack}.json`,
    plan: {
      format_version: "1.2",
      resource_changes: Array.from({ length: count }, (_, i) => ({
        address: `genesyscloud_oauth_client.c${i}`,
        type: "genesyscloud_oauth_client",
        mode: "managed",
        change: { actions: ["update" as const], before, after: { ...before, description: "e".repeat(300) } },
      })),
    },
  };
}

/** The comment as GitHub would turn it into HTML: CommonMark with tables and raw HTML (markdown-it). */
const toHtml = (markdown: string) => markdownIt.render(markdown);
// One instance: linkify-it compiles its patterns on an instance's first render, which cost more than the render.
const markdownIt = new MarkdownIt({ html: true, linkify: true });

describe("renderMarkdown", () => {
  it("starts with the hidden marker the workflow updates its comment by", () => {
    expect(render(["no-op"]).startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
  });

  it("puts the danger block first when a client is replaced, and says the plan is held", () => {
    const markdown = render(["update", "replace-delete-create"]);
    expect(markdown.indexOf("> [!CAUTION]")).toBeLessThan(markdown.indexOf("> [!WARNING]"));
    expect(markdown.indexOf("> [!CAUTION]")).toBeLessThan(markdown.indexOf("| stack |"));
    expect(markdown).toContain("**1 OAuth client loses its client id.**");
    expect(markdown).toContain("is **replaced** because an attribute that forces replacement changed; name forces replacement.");
    expect(markdown).toContain("the Salesforce admin of each affected org must enter the new client id");
    expect(markdown).toContain("The plan is held");
  });

  it("says when the gate was overridden", () => {
    expect(render(["delete"], true)).toContain(
      "This was allowed: the label `allow-oauth-client-replacement` (or `--allow-destroy`) lets it through.",
    );
  });

  it("has no danger block without deletions or replacements", () => {
    expect(render(["create", "update", "import", "no-op"])).not.toContain("[!CAUTION]");
  });

  it("names the stacks without changes", () => {
    expect(render(["create", "no-op"])).toContain("No changes: `no-op`.");
  });

  it("escapes plan values: no HTML, no fake marker, no broken <details>", () => {
    expect(render(["update"])).toContain('"Softphone &lt;b&gt;login&lt;/b&gt;"');
  });

  describe("untrusted text (plan values, addresses, stack names from file names) cannot shape the comment", () => {
    const hostile = "x`` </details><img src=x onerror=alert(1)> [click](https://evil.example) @octocat **ALLOWED** | a\n# b \u202e";
    const plan = (stack: string, count: number): StackPlan => ({
      stack,
      file: `${stack}.json`,
      plan: {
        format_version: "1.2",
        resource_changes: Array.from({ length: count }, (_, i) => ({
          address: `genesyscloud_oauth_client.c["${hostile}${i}"]`,
          type: "genesyscloud_oauth_client",
          change: { actions: ["update" as const], before: { name: "a" }, after: { name: `${hostile}${i}`, description: hostile } },
        })),
      },
    });

    it.each([
      ["a short stack section", 1],
      ["a section folded into <details>", 30],
    ])("%s", (_, count) => {
      const markdown = renderMarkdown(summarizePlans([plan(`prod${hostile}`, count)]), { allowDestroy: false }).markdown;
      const rendered = toHtml(markdown);
      expect(rendered).not.toMatch(/<img|<a |<h1|<strong>ALLOWED/);
      expect(rendered.match(/<details>/g)?.length ?? 0).toBe(rendered.match(/<\/details>/g)?.length ?? 0);
      expect(rendered.match(/<details>/g)?.length ?? 0).toBe(count > 1 ? 1 : 0);
      // No @mention: GitHub links mentions in rendered text outside code, so a zero-width space follows each @.
      expect(rendered.replace(/<code>[^]*?<\/code>/g, "").replace(/<[^>]*>/g, "")).not.toContain("@octocat");
      expect(markdown).not.toContain("\u202e");
      // The stack's table row keeps its seven cells, its name whole in the first.
      const row = /<tr>\s*<td><code>prod[^]*?<\/tr>/.exec(rendered)?.[0] ?? "";
      expect(row.match(/<td/g)?.length).toBe(7);
      // Each address is one code span, however many backticks it holds.
      expect(rendered).toContain("<code>genesyscloud_oauth_client.c[&quot;x`` &lt;/details&gt;&lt;img src=x onerror=alert(1)&gt;");
    });
  });

  it("whatever text a plan or file name brings, the comment's HTML holds only the tags the summary writes", () => {
    // Markdown's and HTML's own characters, often, with anything else between them.
    const pieces = [
      "<",
      ">",
      "`",
      "``",
      "[",
      "]",
      "(",
      ")",
      "@",
      "*",
      "|",
      "#",
      "&",
      "\\",
      "\n",
      " ",
      "x",
      "<img src=x>",
      "</details>",
      "<b>",
      "[l](http://e.x)",
      "http://e.x",
      "@u",
      "https://evil.example/p?q",
      "www.evil.example",
      "evil.example.com",
      "//localhost",
      "//¢.0",
      "a@b.co",
      "mailto:a@b.co",
      ".",
      ":",
      "/",
      "//",
    ];
    const text = fc.array(fc.oneof(fc.constantFrom(...pieces), binaryString({ maxLength: 3 })), { maxLength: 16 }).map((p) => p.join(""));
    const allowed = new Set([
      "h3",
      "h4",
      "p",
      "strong",
      "em",
      "code",
      "ul",
      "li",
      "blockquote",
      "table",
      "thead",
      "tbody",
      "tr",
      "th",
      "td",
      "details",
      "summary",
      "b",
      "br",
    ]);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, text, text), { minLength: 1, maxLength: 3 }),
        text,
        fc.integer({ min: 1, max: 30 }),
        (clients, stackName, copies) => {
          const stack = `s${stackName}`;
          const plan: StackPlan = {
            stack,
            file: "plan.json",
            plan: {
              format_version: "1.2",
              resource_changes: clients.flatMap(([key, name, description], i) =>
                Array.from({ length: copies }, (_, j) => ({
                  address: `genesyscloud_oauth_client.c["${key}${i}-${j}"]`,
                  type: "genesyscloud_oauth_client",
                  change: { actions: ["update" as const], before: { name: "a" }, after: { name, description } },
                })),
              ),
            },
          };
          const rendered = toHtml(renderMarkdown(summarizePlans([plan]), { allowDestroy: false }).markdown);
          const tags = [...rendered.matchAll(/<([a-z][a-z0-9]*)\b/g)].map((m) => m[1]);
          expect(tags.filter((tag) => !allowed.has(tag))).toEqual([]);
          expect(rendered.match(/<details>/g)?.length ?? 0).toBe(rendered.match(/<\/details>/g)?.length ?? 0);
          expect(rendered.match(/<h4>|<summary>/g)?.length).toBe(1);
          expect(rendered.replace(/<code>[^]*?<\/code>/g, "").replace(/<[^>]*>/g, "")).not.toMatch(/@\w/);
        },
      ),
      { numRuns: 150 },
    );
  });

  it.each([
    ["create", ["create"]],
    ["update with warnings", ["update"]],
    ["replace, delete first", ["replace-delete-create"]],
    ["replace, create first", ["replace-create-delete"]],
    ["delete", ["delete"]],
    ["import", ["import"]],
    ["drift", ["drift"]],
    ["sensitive", ["sensitive"]],
    ["several stacks", ["create", "update", "no-op", "drift"]],
  ])("snapshot: %s", (_, names) => {
    expect(render(names)).toMatchSnapshot();
  });

  it("folds one change with many attributes too, and says it in the singular", () => {
    const before = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`a${i}`, "x"]));
    const after = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`a${i}`, "y"]));
    const plan: StackPlan = {
      stack: "production",
      file: "production.json",
      plan: { format_version: "1.2", resource_changes: [{ address: "x.y", type: "x", change: { actions: ["update"], before, after } }] },
    };
    expect(renderMarkdown(summarizePlans([plan]), { allowDestroy: false }).markdown).toContain(
      "<details><summary><b>production</b>: 1 change</summary>",
    );
  });

  it("folds a long stack section into <details>", () => {
    const markdown = renderMarkdown(summarizePlans([bigPlan("production", 30)]), { allowDestroy: false }).markdown;
    expect(markdown).toContain("<details><summary><b>production</b>: 30 changes</summary>");
    expect(markdown).toContain("</details>");
  });

  it("stays under GitHub's comment limit and says what was cut", () => {
    const plans = [bigPlan("production", 400), bigPlan("uat", 400)];
    const { markdown, cut } = renderMarkdown(summarizePlans(plans), { allowDestroy: false });
    expect(markdown.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(cut.length).toBeGreaterThan(0);
    const leftOut = cut.reduce((n, c) => n + c.changesLeftOut, 0);
    const shown = (markdown.match(/^- \*\*update\*\*/gm) ?? []).length;
    expect(shown + leftOut).toBe(800);
    expect(markdown).toMatch(
      new RegExp(`> \\[!NOTE\\]\\n> Cut to stay under GitHub's 65,536-character comment limit: ${leftOut} changes not shown, in `),
    );
    expect(markdown.trimEnd().endsWith("hold them all.")).toBe(true);
    // The <details> that was open when the cut came is closed.
    expect((markdown.match(/<details>/g) ?? []).length).toBe((markdown.match(/<\/details>/g) ?? []).length);
  });

  it("keeps the head itself under the limit: hundreds of replaced implicit clients, each with cautions and warnings", () => {
    const client = (i: number) => ({
      name: `Salesforce Service Cloud Voice (org${i}.lightning.force.com) ${"x".repeat(150)}`,
      authorized_grant_type: "TOKEN",
      state: "active",
      scopes: ["conversations"],
      registered_redirect_uris: [`https://org${i}.lightning.force.com/lightning/page/home`, "https://evil.example/x"],
    });
    const plans: StackPlan[] = Array.from({ length: 300 }, (_, i) => ({
      stack: `stack-${i}-${"s".repeat(40)}`,
      file: `stack-${i}.json`,
      plan: {
        format_version: "1.2",
        resource_changes: [
          {
            address: `genesyscloud_oauth_client.c${i}`,
            type: "genesyscloud_oauth_client",
            mode: "managed",
            change: { actions: ["delete", "create"], before: client(i), after: client(i) },
          },
        ],
      },
    }));
    const { markdown } = renderMarkdown(summarizePlans(plans), { allowDestroy: false });
    expect(markdown.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(markdown).toContain("> - … and ");
  });

  it("honours a smaller limit the same way", () => {
    const { markdown } = renderMarkdown(summarizePlans([bigPlan("production", 50)]), { allowDestroy: false }, 10_000);
    expect(markdown.length).toBeLessThan(10_000);
  });
});

/** The comment over one client updated from the name "a" to `after`. */
function updateComment(after: Record<string, string>): string {
  const plan: StackPlan = {
    stack: "production",
    file: "production.json",
    plan: {
      format_version: "1.2",
      resource_changes: [
        {
          address: "genesyscloud_oauth_client.c",
          type: "genesyscloud_oauth_client",
          change: { actions: ["update"], before: { name: "a" }, after },
        },
      ],
    },
  };
  return renderMarkdown(summarizePlans([plan]), { allowDestroy: false }).markdown;
}

describe("text GitHub would turn into emphasis or an issue link", () => {
  it("stays text: _ and __ make no emphasis, #5, GH-2 and owner/repo#3 no reference", () => {
    const hostile = "_emph_ and __bold__ see #5, GH-2 and acme/repo#3";
    const markdown = updateComment({ name: hostile });
    const rendered = toHtml(markdown);
    expect(rendered).not.toMatch(/<em>emph|<strong>bold/);
    const text = rendered.replace(/<code>[^]*?<\/code>/g, "").replace(/<[^>]*>/g, "");
    expect(text).not.toMatch(/#\d|GH-\d/);
    expect(text).toContain("#\u200b5");
  });
});

describe("text GitHub would turn into math", () => {
  it("stays text: no $ of a plan value reaches the comment's prose, so $...$ and $$...$$ render no formula", () => {
    const hostile = "$\\color{red}{\\Huge\\textsf{ALLOWED}}$ and $$x^2$$";
    const markdown = updateComment({ name: hostile, description: hostile });
    // In a code span a $ is text; GitHub looks for math in prose only.
    const prose = markdown.replace(/(`+)[^`][^]*?\1/g, "");
    expect(prose).not.toContain("$");
    // ... and the reader sees the same text.
    expect(toHtml(markdown)).toContain("and $$x^2$$");
  });
});

describe("the texts a reviewer reads (issue 22)", () => {
  const { noteItem } = require("../../../lib/review/plan-summary/markdown");

  it("the held gate names the label to add; an allowed one says the label let it through", () => {
    expect(render(["delete"])).toContain(
      "> The plan is held: a maintainer who has checked this adds the label `allow-oauth-client-replacement` to the pull request to let it through (on the command line: `--allow-destroy`).",
    );
    expect(render(["delete"], true)).toContain(
      "> This was allowed: the label `allow-oauth-client-replacement` (or `--allow-destroy`) lets it through.",
    );
  });

  it("a drift report says what drift means, never that someone allowed it", () => {
    const markdown = renderMarkdown(summarizePlans([fixture("delete")]), { allowDestroy: false, mode: "drift" }).markdown;
    expect(markdown).toContain("> Found by the drift check: the org no longer matches the code.");
    expect(markdown).not.toMatch(/allowed|is held/);
  });

  it("a deployment that left the file is said, with what becomes of its client", () => {
    const markdown = renderMarkdown(summarizePlans([fixture("create")]), { allowDestroy: false, removedDeployments: ["uat"] }).markdown;
    expect(markdown).toContain(
      "> - `uat`: left the deployments file. If it was deployed, its OAuth client stays in Genesys Cloud and nothing manages it any more",
    );
  });

  it("the guard's note, written in the note's form: its first line under the stack's name, each line after it an item under that, its words as written", () => {
    const note = [
      "the org already has a client for the Salesforce org acme (a redirect URI on one of its hosts), and this deploy would create another (a second client id for the same Salesforce org).",
      'client 1111 "SCV", grant implicit <b>',
      "",
      "Adopt it: npx genesys-scv-oauth-client adopt production --write",
    ].join("\n");
    expect(noteItem("production", note)).toBe(
      [
        "> - `production`: the org already has a client for the Salesforce org acme (a redirect URI on one of its hosts), and this deploy would create another (a second client id for the same Salesforce org).",
        '>   - client 1111 "SCV", grant implicit &lt;b&gt;',
        ">   - Adopt it: npx genesys-scv-oauth-client adopt production --write",
      ].join("\n"),
    );
  });
});

describe("a redirect URI added by hand on a host of no Salesforce org of the client's (SCV-R7 on the drift)", () => {
  /** The drift fixture, its drift (and so the planned change's before) holding `uris` as well. */
  const drifted = (...uris: string[]): StackPlan => {
    const plan = JSON.parse(JSON.stringify(fixture("drift"))) as StackPlan;
    const add = (values: unknown) => {
      const record = values as { registered_redirect_uris: string[] };
      record.registered_redirect_uris = [...record.registered_redirect_uris, ...uris];
    };
    add(plan.plan.resource_drift![0].change.after);
    add(plan.plan.resource_changes![0].change.before);
    return plan;
  };
  const drift = (plan: StackPlan) => renderMarkdown(summarizePlans([plan]), { allowDestroy: false, mode: "drift" }).markdown;

  it("is a warning of the drift report, naming the URI, the client's Lightning host and the rule", () => {
    const markdown = drift(drifted("https://evil.example/cb"));
    const warning = markdown.slice(markdown.indexOf("> [!WARNING]"), markdown.indexOf("\n\n", markdown.indexOf("> [!WARNING]")));
    expect(warning).toBe(
      [
        "> [!WARNING]",
        "> - `drift`: `genesyscloud_oauth_client.service-cloud-voice_client_A93DE14E` (drift): SCV-R7: redirect URI https&#58;&#47;/evil&#46;example/cb was added outside Terraform, on no host of the client's Salesforce org (its Lightning host is acme&#46;lightning&#46;force&#46;com): agents' tokens can be sent there until the next deploy takes it off",
      ].join("\n"),
    );
    expect(toHtml(markdown)).not.toContain("<a ");
  });

  it("not for a URI on another host of the same org, nor for drift without a new URI", () => {
    expect(drift(drifted("https://acme.my.salesforce.com/cb"))).not.toContain("[!WARNING]");
    expect(drift(fixture("drift"))).not.toContain("[!WARNING]");
  });

  it("the pull request's comment on the same plan says it too", () => {
    expect(render(["drift"])).not.toContain("SCV-R7");
    const markdown = renderMarkdown(summarizePlans([drifted("https://globex.lightning.force.com/lightning/page/home")]), {
      allowDestroy: false,
    }).markdown;
    expect(markdown).toMatch(/> - `drift`: `[^`]+` \(drift\): SCV-R7: redirect URI https&#58;&#47;\/globex/);
  });
});
