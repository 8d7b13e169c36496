/**
 * Who changed what outside the code (the drift command's reports, from Genesys Cloud's audit) in plan-summary's
 * Markdown: in a pull request's comment under the finding each change explains (SCV-R7 the redirect URIs, SCV-R9 the
 * deletion, SCV-R4 the state), the rest in the stack's drift section; in the drift issue, first, with the two ways
 * forward. All of it the org's text, escaped as the review escapes every API text.
 */
import MarkdownIt from "markdown-it";
import { join } from "path";
import { renderMarkdown, RenderOptions } from "../../../lib/review/plan-summary/markdown";
import { readPlan, StackPlan } from "../../../lib/review/plan-summary/plans";
import { summarizePlans } from "../../../lib/review/plan-summary/summarize";
import { DriftReport } from "../../../lib/shared/drift-report";
import { changed, deleted, entry, NO_PERMISSION } from "../../support/drift-reports";

const fixture = (name: string, stack = name): StackPlan => ({
  ...readPlan(join(__dirname, "../../fixtures/plans", `${name}.json`)),
  stack,
});
const copy = (plan: StackPlan): StackPlan => JSON.parse(JSON.stringify(plan));
const markdownIt = new MarkdownIt({ html: true, linkify: true });
/** What GitHub shows: the comment rendered, tags dropped, entities read. */
const shown = (markdown: string) =>
  markdownIt
    .render(markdown)
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join("\n");
/** The HTML's tags in order: the structure, whatever the text. */
const tags = (markdown: string) => markdownIt.render(markdown).match(/<\/?[a-z0-9]+/g);
const render = (plans: StackPlan[], reports: DriftReport[], options: Partial<RenderOptions> = {}) =>
  renderMarkdown(summarizePlans(plans), { allowDestroy: false, driftReports: reports, ...options }).markdown;

/** The drift fixture (stack "production"), its drift (and so the planned change's before) holding `uris` as well. */
function withForeignUri(...uris: string[]): StackPlan {
  const plan = copy(fixture("drift", "production"));
  for (const values of [plan.plan.resource_drift![0].change.after, plan.plan.resource_changes![0].change.before]) {
    const record = values as { registered_redirect_uris: string[] };
    record.registered_redirect_uris = [...record.registered_redirect_uris, ...uris];
  }
  return plan;
}

/** A client deleted outside Terraform, which the plan creates again (SCV-R9). */
function deletedAndCreated(): StackPlan {
  const address = "genesyscloud_oauth_client.c";
  const client = { name: "SCV", authorized_grant_type: "TOKEN", scopes: [], registered_redirect_uris: [] };
  const change = (actions: string[], before: unknown, after: unknown) => ({
    address,
    mode: "managed",
    type: "genesyscloud_oauth_client",
    change: { actions, before, after },
  });
  return {
    stack: "production",
    file: "production.json",
    plan: {
      format_version: "1.2",
      resource_drift: [change(["delete"], client, null)],
      resource_changes: [change(["create"], null, client)],
    } as never,
  };
}

/** The update fixture as a plan that sets the client inactive (SCV-R4). */
function settingInactive(): StackPlan {
  const plan = copy(fixture("update", "production"));
  const rc = plan.plan.resource_changes!.find((r) => r.type === "genesyscloud_oauth_client")!;
  (rc.change.before as Record<string, unknown>).state = "active";
  (rc.change.after as Record<string, unknown>).state = "inactive";
  return plan;
}

const FOREIGN = "https://evil.example/cb";
const HOME = "https://acme.lightning.force.com/lightning/page/home";
const jane = { kind: "user", id: "u-1", name: "Jane Doe" } as const;
const script = { kind: "client", id: "c-9", name: "cleanup-script" } as const;

/** The line after the first line of `markdown` that contains `finding`. */
function lineAfter(markdown: string, finding: string): string {
  const lines = markdown.split("\n");
  const i = lines.findIndex((line) => line.includes(finding));
  if (i === -1) throw new Error(`no line with ${finding} in:\n${markdown}`);
  return lines[i + 1];
}

describe("in a pull request's comment, who changed it is under the finding it explains", () => {
  it("a redirect URI a user added on a foreign host: who, when and the audit's old and new values, under SCV-R7's warning", () => {
    const report = changed("production", [
      {
        attribute: "registered_redirect_uris",
        inState: [HOME],
        inOrg: [HOME, FOREIGN],
        changedBy: entry(jane, "registeredRedirectUri", [HOME], [HOME, FOREIGN]),
      },
    ]);
    const markdown = render([withForeignUri(FOREIGN)], [report]);
    expect(lineAfter(markdown, "(drift): SCV-R7:")).toMatch(
      /^> {3}- who: Jane Doe \(user u-1\), when: 2026-12-06 09&#58;12&#58;00 UTC \(Update\)$/,
    );
    expect(shown(markdown)).toContain(
      "who: Jane Doe (user u-1), when: 2026-12-06 09:12:00 UTC (Update)\n" +
        `the audit recorded registeredRedirectUri: "${HOME}" → "${HOME}", "${FOREIGN}"`,
    );
    // Said once, under the finding: not again in the stack's section.
    expect(markdown).not.toContain("**Who changed it**");
  });

  it("a client an OAuth client deleted: under SCV-R9's caution, the client named", () => {
    const markdown = render([deletedAndCreated()], [deleted("production", entry(script, "name", ["SCV"], [], "Delete"))]);
    expect(lineAfter(markdown, "SCV-R9:")).toBe(
      ">     - who: cleanup-script (OAuth client c-9), when: 2026-12-06 09&#58;12&#58;00 UTC (Delete)",
    );
    expect(shown(markdown)).toContain('the audit recorded name: "SCV" → (none)');
  });

  it("a client set inactive: under SCV-R4's warning where the plan has one, else in the stack's drift section", () => {
    const report = changed("production", [
      { attribute: "state", inState: "active", inOrg: "inactive", changedBy: entry(jane, "state", ["active"], ["inactive"]) },
    ]);
    expect(lineAfter(render([settingInactive()], [report]), "SCV-R4:")).toMatch(/^> {3}- who: Jane Doe \(user u-1\)/);
    const section = render([fixture("drift", "production")], [report]);
    expect(section).toContain(
      [
        "**Who changed it** (Genesys Cloud's audit):",
        "",
        '- `state`: "active" in the state, "inactive" in Genesys Cloud now',
        "  - who: Jane Doe (user u-1), when: 2026-12-06 09&#58;12&#58;00 UTC (Update)",
        '    - the audit recorded state: "active" → "inactive"',
      ].join("\n"),
    );
  });

  it("any other drifted attribute: in the stack's drift section, after the drift", () => {
    const report = changed("production", [
      { attribute: "name", inState: "SCV", inOrg: "Renamed", changedBy: entry(script, "name", ["SCV"], ["Renamed"]) },
      { attribute: "description", inState: "a", inOrg: "b" },
      { attribute: "scopes", inState: ["upload", "presence"], inOrg: ["presence", "alerting"] },
    ]);
    const markdown = render([fixture("drift", "production")], [report]);
    expect(markdown.indexOf("**Who changed it**")).toBeGreaterThan(markdown.indexOf("**Drift**"));
    // Two lists: what was added and removed, as the plan's details say it.
    expect(markdown).toContain('- `scopes`: + "alerting", − "upload" (Genesys Cloud now against the state)');
    expect(shown(markdown)).toContain('name: "SCV" in the state, "Renamed" in Genesys Cloud now\nwho: cleanup-script (OAuth client c-9)');
    expect(shown(markdown)).toContain(
      'description: "a" in the state, "b" in Genesys Cloud now\nwho: unknown: the audit has no entry for it from 2026-11-23 06:17:00 UTC to 2026-12-07 06:17:00 UTC',
    );
  });

  it("an audit that could not be read: one line, who: unknown: the reason, where the answer would be", () => {
    const unknown = { kind: "unknown", reason: NO_PERMISSION } as const;
    const uris = changed("production", [{ attribute: "registered_redirect_uris", inState: [HOME], inOrg: [HOME, FOREIGN] }], unknown);
    expect(lineAfter(render([withForeignUri(FOREIGN)], [uris]), "(drift): SCV-R7:")).toBe(
      ">   - who: unknown: the credentials may not read the audit (Audits &gt; Audit &gt; View)",
    );
    const markdown = render([deletedAndCreated()], [deleted("production", undefined, unknown)]);
    expect(shown(markdown).match(/who: .*/g)).toEqual([`who: unknown: ${NO_PERMISSION}`]);
  });

  it("a secret's value is never shown, from the state, the org or the audit", () => {
    const report = changed("production", [
      {
        attribute: "client_secret",
        inState: "s3cr3t-old",
        inOrg: "s3cr3t-new",
        changedBy: entry(jane, "clientSecret", ["s3cr3t-old"], ["s3cr3t-new"]),
      },
    ]);
    const markdown = render([fixture("drift", "production")], [report]);
    expect(markdown).toContain("(sensitive)");
    expect(markdown).not.toContain("s3cr3t");
  });

  it("a report beside a plan that shows no drift (a stale or wrong file) leads nothing and adds no section", () => {
    const report = changed("production", [
      { attribute: "name", inState: "SCV", inOrg: "SCV by hand", changedBy: entry(jane, "name", ["SCV"], ["SCV by hand"]) },
    ]);
    const noDrift = fixture("update", "production");
    expect(noDrift.plan.resource_drift ?? []).toEqual([]);
    for (const mode of ["review", "drift"] as const) {
      const markdown = render([noDrift], [report], { mode });
      expect(markdown).toBe(render([noDrift], [], { mode }));
      expect(markdown).not.toContain("Jane");
    }
  });

  it("a report of a deployment without a plan, or of a client unchanged, shows nothing", () => {
    const plain = render([fixture("drift", "production")], []);
    expect(render([fixture("drift", "production")], [changed("uat", [{ attribute: "name", inState: "a", inOrg: "b" }])])).toBe(plain);
    expect(render([fixture("drift", "production")], [{ ...changed("production", []), client: "unchanged" }])).toBe(plain);
  });
});

describe("the org's text (names, values, reasons) is shown as text, as the review shows every API text", () => {
  const hostile = [
    "<img src=x onerror=alert(1)>",
    "](http://evil.example)",
    "[click](https://evil.example/x)",
    "@acme/admins",
    "**bold** _em_ `code` ~~s~~ #12 GH-3",
    "</details><!-- genesys-scv-oauth-client:plan-summary -->",
    "right\u202eleft\nsecond line",
    "www.evil.example mail@evil.example",
  ];
  const actor = (name: string) => ({ kind: "user", id: name, name }) as const;

  it.each(hostile)("%j as a user's name, a value, an audit property and the audit's reason: no tag, link, mention or emphasis", (text) => {
    const read = (t: string) =>
      changed("production", [
        { attribute: "registered_redirect_uris", inState: [HOME], inOrg: [HOME, FOREIGN], changedBy: entry(actor(t), t, [t], [t]) },
        { attribute: "name", inState: t, inOrg: t, changedBy: { ...entry(actor(t), t, [], [t]), action: t } },
      ]);
    const unknown = (t: string) => changed("uat", [{ attribute: "name", inState: t, inOrg: t }], { kind: "unknown", reason: t });
    for (const mode of ["review", "drift"] as const) {
      const markdown = render([withForeignUri(FOREIGN), fixture("drift", "uat")], [read(text), unknown(text)], { mode });
      // The same tags as with plain text in every place: nothing of the org's text opened, closed or linked anything.
      expect(tags(markdown)).toEqual(
        tags(render([withForeignUri(FOREIGN), fixture("drift", "uat")], [read("plain"), unknown("plain")], { mode })),
      );
      expect(markdown).not.toMatch(/@acme|@evil|#12|GH-3|\u202e/);
      // Each of the org's texts still reads as written (a hidden character as its escape, a mention or reference broken).
      const readable = text
        .replace(/\u202e/, "\\u202e")
        .replace(/\n/, "\\n")
        .replace(/@/g, "@\u200b")
        .replace("#12", "#\u200b12")
        .replace("GH-3", "GH\u200b-3");
      expect(shown(markdown)).toContain(`who: ${readable} (user ${readable})`);
    }
  });
});

describe("a report's long lists (a file is read up to 16 MiB)", () => {
  // Their time is the bench's (npm run bench: the 10,000-item case); here, what they render.
  it("two lists of 10,000 differing items: what was removed and added, each list cut", () => {
    const count = 10_000;
    const report = changed("production", [
      {
        attribute: "scopes",
        inState: Array.from({ length: count }, (_, i) => `s${i}`),
        inOrg: Array.from({ length: count }, (_, i) => `o${i}`),
      },
    ]);
    const markdown = render([fixture("drift", "production")], [report], { mode: "drift" });
    expect(markdown).toContain("### Changed outside the code");
    const line = shown(markdown)
      .split("\n")
      .find((l) => l.includes("scopes:"));
    expect(line).toContain('+ "o0", + "o1"');
    expect(line).toContain("… and 19980 more (Genesys Cloud now against the state)");
    expect(line!.length).toBeLessThan(1_000);
  });

  it("many attributes: each is shown with its own values and who (the first, where a hand-made report names one twice)", () => {
    const attributes = Array.from({ length: 1_000 }, (_, i) => ({
      attribute: `a${i}`,
      inState: `s${i}`,
      inOrg: `o${i}`,
      changedBy: entry({ kind: "user", id: `u${i}` }, `a${i}`, [`s${i}`], [`o${i}`]),
    }));
    const twice = { attribute: "a1", inState: "other", inOrg: "other" };
    const markdown = render([fixture("drift", "production")], [changed("production", [...attributes, twice])], { mode: "drift" });
    const lead = shown(markdown);
    expect(lead).toContain('a0: "s0" in the state, "o0" in Genesys Cloud now\nwho: user u0');
    expect(lead).toContain('a30: "s30" in the state, "o30" in Genesys Cloud now\nwho: user u30');
    expect(lead).not.toContain('"other"');
    expect(lead).toMatch(/… and \d+ more/);
  });
});

describe("the drift issue (--drift) leads with what changed, who changed it, when, and the two ways forward", () => {
  const report = changed("production", [
    { attribute: "name", inState: "SCV", inOrg: "Renamed", changedBy: entry(jane, "name", ["SCV"], ["Renamed"]) },
  ]);

  it("first, before the plan summary as it was; not again under the findings", () => {
    const markdown = render([fixture("drift", "production")], [report], { mode: "drift" });
    const plain = render([fixture("drift", "production")], [], { mode: "drift" });
    const lead = markdown.slice(0, markdown.indexOf("### Terraform plan"));
    expect(lead).toContain("### Changed outside the code: `production`");
    expect(shown(lead)).toContain(
      'name: "SCV" in the state, "Renamed" in Genesys Cloud now\nwho: Jane Doe (user u-1), when: 2026-12-06 09:12:00 UTC (Update)',
    );
    expect(lead).toContain("**Two ways forward:**");
    expect(lead).toContain(
      "- **Bring the code to it**: write what Genesys Cloud holds now into the deployment's entry in the deployments file",
    );
    expect(lead).toContain("- **Re-apply the code**: run the deploy workflow (or `npx genesys-scv-oauth-client deploy production`)");
    // The rest is the plan summary as it is without a report.
    expect(markdown.slice(markdown.indexOf("### Terraform plan"))).toBe(plain.slice(plain.indexOf("### Terraform plan")));
    expect(markdown.match(/who: /g)).toHaveLength(1);
  });

  it("a deleted client: adopt one made again by hand, or deploy to create it, with a new client id", () => {
    const markdown = render([deletedAndCreated()], [deleted("production", entry(script, "name", ["SCV"], [], "Delete"))], {
      mode: "drift",
    });
    const lead = markdown.slice(0, markdown.indexOf("### Terraform plan"));
    expect(shown(lead)).toContain(
      "the OAuth client 9d1d6f4e-0000-4000-8000-000000000001 was deleted outside the code\nwho: cleanup-script (OAuth client c-9)",
    );
    expect(lead).toContain("`npx genesys-scv-oauth-client adopt production`");
    expect(lead).toContain("it creates the client again, with a new client id");
  });

  it("the audit unknown: what changed, then one line saying why who is unknown", () => {
    const unknown = changed("production", [{ attribute: "name", inState: "SCV", inOrg: "Renamed" }], {
      kind: "unknown",
      reason: NO_PERMISSION,
    });
    const markdown = render([fixture("drift", "production")], [unknown], { mode: "drift" });
    expect(shown(markdown).match(/who: .*/g)).toEqual([`who: unknown: ${NO_PERMISSION}`]);
  });
});
