import * as core from "@actions/core";
import fc from "fast-check";
import { writeFileSync } from "fs";
import { join } from "path";
import { runCommand } from "../../../lib/shared/command-declaration";
import { checkCommand, checkDeployments, formatFindings, workflowAnnotations, workflowCommand } from "../../../lib/app/commands/check";
import { tempDir } from "../../support/temp-dir";

const dir = tempDir("check-");
function file(deployments: unknown[]): string {
  const path = join(dir, `d${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify({ deployments }));
  return path;
}
// With organizationId: a deployment without one is a warning of its own (tested below).
const base = { genesysCloud: { region: "us-east-1", organizationId: "a1b2c3d4-0000-4000-8000-00000000ac3e" } };

describe("checkDeployments (npm run check)", () => {
  it("lists every deployment's warnings: implicit grant, extra scopes", () => {
    const findings = checkDeployments(
      file([
        { ...base, name: "production", salesforce: { myDomain: "acme" } },
        {
          ...base,
          name: "uat",
          salesforce: { myDomain: "acme", sandbox: "uat" },
          oauthClient: { grantType: "authorization-code", additionalScopes: ["analytics:readonly"] },
        },
      ]),
    );
    expect(findings.map((f) => [f.rule, f.level, f.where, f.message.slice(0, 40)])).toEqual([
      ["SCV-C8", "warning", "production", "Genesys is retiring the implicit grant: "],
      ["SCV-C8", "warning", "production", 'Deployment "production" would create a n'],
      ["SCV-C8", "warning", "uat", 'Additional scope "analytics:readonly" is'],
    ]);
  });

  it("warns where preventDestroy is off, at its key", () => {
    const findings = checkDeployments(
      file([
        {
          ...base,
          name: "production",
          salesforce: { myDomain: "acme" },
          oauthClient: { grantType: "authorization-code", preventDestroy: false },
        },
      ]),
    );
    expect(findings).toEqual([
      {
        rule: "SCV-C3",
        level: "warning",
        where: ["deployments", 0, "oauthClient", "preventDestroy"],
        message: expect.stringMatching(
          /^deployment "production" lets Terraform delete its OAuth client: .* Set preventDestroy back to true once/,
        ),
      },
    ]);
  });

  it("reports the deployments file's problems as errors, with their paths", () => {
    const findings = checkDeployments(file([{ ...base, name: "x", salesforce: { lightningHost: "acme.example.com" } }]));
    expect(findings).toEqual([
      {
        level: "error",
        where: ["deployments", 0, "salesforce", "lightningHost"],
        message: expect.stringMatching(/^given "acme\.example\.com"; allowed: a Salesforce Lightning host name/),
      },
    ]);
  });

  it("shows hidden characters in keys and values as escapes, as every other message does", () => {
    const path = join(dir, "hidden.json");
    writeFileSync(
      path,
      JSON.stringify({ deployments: [{ ...base, name: "x", salesforce: { myDomain: "acme", "evil\u202e": "a\u2028b" } }] }),
    );
    const text = formatFindings(path, checkDeployments(path));
    expect(text).toContain('deployments[0].salesforce["evil\\u202e"]: given "a\\u2028b"');
    expect(text).not.toMatch(/[\u202e\u2028]/);
  });

  it("formats one list with the totals, each rule's finding with its id (a problem of the file itself has none)", () => {
    expect(
      formatFindings("deployments.json", [
        { level: "error", where: ["deployments", 0, "name"], message: "bad" },
        { rule: "SCV-C1", level: "error", where: "a", message: "bad" },
        { rule: "SCV-C2", level: "warning", where: ["deployments", 1, "genesysCloud"], message: "hm" },
      ]),
    ).toBe(
      "Policy check of deployments.json:\n  error   deployments[0].name: bad\n  error   SCV-C1 a: bad\n" +
        "  warning SCV-C2 deployments[1].genesysCloud: hm\n2 errors, 1 warning",
    );
    expect(
      formatFindings("f", [
        { level: "warning", where: "a", message: "x" },
        { level: "warning", where: "b", message: "y" },
      ])
        .split("\n")
        .pop(),
    ).toBe("0 errors, 2 warnings");
  });
});

describe("checkCommand (the command line of npm run check)", () => {
  const run = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    const status = <number>runCommand(checkCommand, argv, env, {
      out: (t) => void out.push(t.replace(/\n$/, "")),
      err: (t) => void err.push(t.replace(/\n$/, "")),
      isTerminal: false,
    });
    return { status, out: out.join("\n"), err: err.join("\n") };
  };
  const good = file([{ ...base, name: "production", salesforce: { myDomain: "acme" }, oauthClient: { grantType: "authorization-code" } }]);
  const bad = file([{ ...base, name: "constructor", salesforce: { myDomain: "acme" } }]);

  it("checks the file given as an argument, before DEPLOYMENTS_FILE", () => {
    expect(run([bad], { DEPLOYMENTS_FILE: good })).toMatchObject({ status: 1, out: expect.stringContaining(`Policy check of ${bad}:`) });
    expect(run([], { DEPLOYMENTS_FILE: good })).toEqual({ status: 0, out: `Policy check of ${good}:\n0 errors, 0 warnings`, err: "" });
  });

  it("a deployment named like a member of every object is an error, not a crash", () => {
    expect(run([bad]).out).toContain('error   deployments[0].name: given "constructor"; allowed: a stack name');
  });

  it("--help, and bad arguments", () => {
    expect(run(["--help"])).toMatchObject({
      status: 0,
      out: expect.stringMatching(/^usage: npx genesys-scv-oauth-client check \[<deployments file>\]\n/),
    });
    expect(run(["--nope"])).toMatchObject({
      status: 1,
      err: expect.stringMatching(/^check: options: given "--nope"; allowed: -h\/--help/),
    });
    expect(run([good, bad])).toMatchObject({
      status: 1,
      err: `check: <deployments file>: given 2 arguments (${JSON.stringify(good)}, ${JSON.stringify(bad)}); allowed: one deployments file, or none for $DEPLOYMENTS_FILE, else deployments.json`,
    });
  });
});

describe("the state guard and annotations in GitHub Actions", () => {
  const github = { GITHUB_ACTIONS: "true" };
  const run = (argv: string[], env: NodeJS.ProcessEnv) => {
    const out: string[] = [];
    const status = <number>runCommand(checkCommand, argv, env, {
      out: (t) => void out.push(t.replace(/\n$/, "")),
      err: (t) => void out.push(t.replace(/\n$/, "")),
      isTerminal: false,
    });
    return { status, out };
  };
  const s3 = { s3: { bucket: "acme-terraform-state", region: "us-east-1" } };
  const authorizationCode = { grantType: "authorization-code" };

  it("refuses a local backend in GitHub Actions: one message naming the deployment and what to set", () => {
    const f = file([
      { ...base, name: "production", salesforce: { myDomain: "acme" }, oauthClient: authorizationCode, backend: s3 },
      { ...base, name: "uat", salesforce: { myDomain: "acme", sandbox: "uat" }, oauthClient: authorizationCode },
    ]);
    expect(checkDeployments(f, {})).toEqual([]);
    expect(checkDeployments(f, github)).toEqual([
      {
        rule: "SCV-C1",
        level: "error",
        where: ["deployments", 1, "backend"],
        message:
          'deployment "uat" keeps its Terraform state in a local file, which a GitHub Actions runner throws away: the next run would create another OAuth client with a new client id. Set its backend to "s3" or "cloud" (npx genesys-scv-oauth-client help docs/deployments.md, "Choosing a backend").',
      },
    ]);
    expect(run([f], github).status).toBe(1);
    expect(run([f], {}).status).toBe(0);
  });

  it("writes each finding as a workflow annotation on the deployments file, at its line", () => {
    const path = join(dir, "annotated.json");
    writeFileSync(
      path,
      [
        "{",
        '  "deployments": [',
        '    { "name": "production", "genesysCloud": { "region": "us-east-1", "organizationId": "a1b2c3d4-0000-4000-8000-00000000ac3e" }, "salesforce": { "myDomain": "acme" },',
        '      "backend": { "s3": { "bucket": "acme-terraform-state", "region": "us-east-1" } } },',
        '    { "name": "eu", "genesysCloud": { "region": "eu-central-1", "organizationId": "a1b2c3d4-0000-4000-8000-00000000ac3e" },',
        '      "salesforce": { "myDomain": "acme-eu" }, "oauthClient": { "grantType": "authorization-code" } }',
        "  ]",
        "}",
      ].join("\n"),
    );
    const [implicit, adopt] = checkDeployments(path, github)
      .filter((f) => f.level === "warning")
      .map((f) => f.message);
    expect(workflowAnnotations(path, checkDeployments(path, github))).toEqual([
      {
        level: "error",
        message: expect.stringMatching(/^deployment "eu" keeps its Terraform state in a local file/),
        properties: { file: path, startLine: 5, title: "SCV-C1 deployments[1].backend" },
      },
      { level: "warning", message: implicit, properties: { file: path, startLine: 3, title: "SCV-C8 production" } },
      { level: "warning", message: adopt, properties: { file: path, startLine: 3, title: "SCV-C8 production" } },
    ]);
    const bad = join(dir, "bad-annotated.json");
    writeFileSync(
      bad,
      '{\n  "deployments": [\n    { "name": "x", "genesysCloud": { "region": "mars-1" },\n      "salesforce": { "myDomain": "acme" } } ] }',
    );
    expect(workflowAnnotations(bad, checkDeployments(bad, github))).toEqual([
      {
        level: "error",
        message: expect.stringMatching(/^given "mars-1"; allowed: one of the Genesys Cloud regions/),
        properties: { file: bad, startLine: 3, title: "check: deployments[0].genesysCloud.region" },
      },
    ]);
  });

  it("prints them as GitHub workflow commands through the command's printer in GitHub Actions, escaped as @actions/core does", () => {
    const path = join(dir, "a:b,c.json");
    writeFileSync(
      path,
      JSON.stringify({ deployments: [{ ...base, name: "production", salesforce: { myDomain: "acme" }, backend: s3 }] }, null, 2),
    );
    const stdout: string[] = [];
    const spy = jest.spyOn(process.stdout, "write").mockImplementation((chunk) => (stdout.push(String(chunk)), true));
    let inActions: { status: number; out: string[] };
    let outside: typeof inActions;
    try {
      inActions = run([path], github);
      outside = run([path], {});
    } finally {
      spy.mockRestore();
    }
    expect([inActions.status, outside.status]).toEqual([0, 0]);
    // Nothing past the printer: process.stdout is the test run's own log, where ::error would annotate the CI run.
    expect(stdout).toEqual([]);
    // Once, in GitHub Actions only; ":" and "," in properties and line breaks in the message escaped.
    const written = inActions.out.filter((line) => line.startsWith("::"));
    expect(outside.out.filter((line) => line.startsWith("::"))).toEqual([]);
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(
      /^::warning title=SCV-C8 production,file=.*a%3Ab%2Cc\.json,line=\d+::Genesys is retiring the implicit grant: /,
    );
    expect(written[1]).toMatch(
      /^::warning title=SCV-C8 production,file=.*a%3Ab%2Cc\.json,line=\d+::Deployment "production" would create a new implicit-grant client/,
    );
    for (const line of written) expect(line).not.toMatch(/[\r\n]/);
  });

  it("a workflow command is the line @actions/core would write, whatever the text", () => {
    const text = fc.string({ unit: fc.constantFrom("a", " ", "%", "\r", "\n", ":", ",", "::", "=", "é") });
    const properties = fc.record(
      { title: text, file: text, startLine: fc.nat(), endLine: fc.nat(), startColumn: fc.nat(), endColumn: fc.nat() },
      { requiredKeys: [] },
    );
    const annotation = fc.record({ level: fc.constantFrom("error" as const, "warning" as const), message: text, properties });
    fc.assert(
      fc.property(annotation, (a) => {
        const written: string[] = [];
        const spy = jest.spyOn(process.stdout, "write").mockImplementation((chunk) => (written.push(String(chunk)), true));
        try {
          (a.level === "error" ? core.error : core.warning)(a.message, a.properties);
        } finally {
          spy.mockRestore();
        }
        expect(written).toEqual([`${workflowCommand(a)}\n`]);
        expect(workflowCommand(a)).not.toMatch(/[\r\n]/);
      }),
      // Properties given, none with a value: core still writes the space after the command (a counterexample once).
      { examples: [[{ level: "error", message: "", properties: { title: "" } }]] },
    );
  });
});

describe("template syntax in a name or description", () => {
  const oauthClient = (extra: object) => ({ grantType: "authorization-code", ...extra });
  const name = 'SCV ${file("/proc/self/environ")}';

  it("is a warning at its key: the text is written literally and never evaluated", () => {
    const findings = checkDeployments(
      file([
        {
          ...base,
          name: "production",
          salesforce: { myDomain: "acme" },
          oauthClient: oauthClient({ name, description: "%{if x}y%{endif}" }),
        },
      ]),
    );
    expect(findings).toEqual([
      {
        rule: "SCV-C6",
        level: "warning",
        where: ["deployments", 0, "oauthClient", "name"],
        message: expect.stringMatching(/^holds Terraform's template syntax \(\$\{ or %\{\): the name is written as literal text/),
      },
      {
        rule: "SCV-C6",
        level: "warning",
        where: ["deployments", 0, "oauthClient", "description"],
        message: expect.stringMatching(/^holds Terraform's template syntax/),
      },
    ]);
  });

  it("is an error when a synthesized text would be evaluated (here: with the construct's escaping taken away)", () => {
    jest.isolateModules(() => {
      jest.doMock("../../../lib/construct/terraform-literal", () => ({ terraformLiteral: (text: string) => text }));
      const isolated: typeof import("../../../lib/app/commands/check") = require("../../../lib/app/commands/check");
      expect(
        isolated.checkDeployments(
          file([{ ...base, name: "production", salesforce: { myDomain: "acme" }, oauthClient: oauthClient({ name }) }]),
        ),
      ).toContainEqual({
        rule: "SCV-C7",
        level: "error",
        where: "production",
        message: "the synthesized name holds a Terraform template that the plan would evaluate: nothing may be planned from it",
      });
    });
  });
});

describe("a deployment without genesysCloud.organizationId", () => {
  it("is a warning at its genesysCloud key: credentials of another org would create the client there", () => {
    const findings = checkDeployments(
      file([
        {
          genesysCloud: { region: "us-east-1" },
          name: "production",
          salesforce: { myDomain: "acme" },
          oauthClient: { grantType: "authorization-code" },
        },
      ]),
    );
    expect(findings).toEqual([
      {
        rule: "SCV-C2",
        level: "warning",
        where: ["deployments", 0, "genesysCloud"],
        message:
          'deployment "production" has no organizationId: credentials of another Genesys Cloud org would create the client there, silently. Set genesysCloud.organizationId to the org\'s id (Admin > Account Settings > Organization Settings), so that the plan stops instead.',
      },
    ]);
  });
});

describe("allowSecondClient", () => {
  it("is a warning at its key: a second client for one Salesforce org is rarely meant", () => {
    const findings = checkDeployments(
      file([
        {
          ...base,
          name: "production",
          salesforce: { myDomain: "acme" },
          oauthClient: { grantType: "authorization-code" },
          allowSecondClient: true,
        },
      ]),
    );
    expect(findings).toEqual([
      {
        rule: "SCV-C4",
        level: "warning",
        where: ["deployments", 0, "allowSecondClient"],
        message:
          'deployment "production" may create a client although its org already has one for this Salesforce org: two client ids for one org, and the Salesforce org uses only one. Adopt the existing client instead (npx genesys-scv-oauth-client adopt production --write), unless a second one is meant.',
      },
    ]);
  });
});

describe("two deployments for one Salesforce org", () => {
  const code = { grantType: "authorization-code" as const };
  it("is a warning at the later one's salesforce key, whichever of the org's hosts each names", () => {
    const findings = checkDeployments(
      file([
        { ...base, name: "uat", salesforce: { myDomain: "acme", sandbox: "uat" }, oauthClient: code },
        { ...base, name: "uat-legacy", salesforce: { lightningHost: "ACME--UAT.lightning.force.com" }, oauthClient: code },
        { ...base, name: "production", salesforce: { myDomain: "acme" }, oauthClient: code },
      ]),
    );
    expect(findings.filter((f) => JSON.stringify(f.where).includes("salesforce"))).toEqual([
      {
        rule: "SCV-C5",
        level: "warning",
        where: ["deployments", 1, "salesforce"],
        message:
          'deployment "uat-legacy" is for the same Salesforce org as deployment "uat" (Salesforce org acme (sandbox uat): acme--uat.sandbox.lightning.force.com and acme--uat.lightning.force.com are both its hosts): ' +
          'each would deploy a client of its own, two client ids for one Salesforce org. Keep one deployment per Salesforce org, or set "allowSecondClient": true on "uat-legacy" if a second client is meant.',
      },
    ]);
  });

  it("is not said where the later one allows a second client (that key has its own warning)", () => {
    const findings = checkDeployments(
      file([
        { ...base, name: "production", salesforce: { myDomain: "acme" }, oauthClient: code },
        { ...base, name: "pkce", salesforce: { myDomain: "acme" }, oauthClient: code, allowSecondClient: true },
      ]),
    );
    expect(findings.map((f) => f.where)).toEqual([["deployments", 1, "allowSecondClient"]]);
  });
});
