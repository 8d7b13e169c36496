import { writeFileSync } from "fs";
import { join } from "path";
import { checkCommand, checkDeployments, formatFindings } from "../../lib/review/check";
import { tempDir } from "../support/temp-dir";

const dir = tempDir("check-");
function file(deployments: unknown[]): string {
  const path = join(dir, `d${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify({ deployments }));
  return path;
}
const base = { genesysCloud: { region: "us-east-1" } };

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
    expect(findings.map((f) => [f.level, f.where, f.message.slice(0, 40)])).toEqual([
      ["warning", "production", "Genesys is retiring the implicit grant: "],
      ["warning", "uat", 'Additional scope "analytics:readonly" is'],
    ]);
  });

  it("reports the deployments file's problems as errors, with their paths", () => {
    const findings = checkDeployments(
      file([{ ...base, name: "x", salesforce: { lightningHost: "acme.example.com" } }]),
    );
    expect(findings).toEqual([
      {
        level: "error",
        where: "deployments[0].salesforce.lightningHost",
        message: expect.stringMatching(/^given "acme\.example\.com"; allowed: a Salesforce Lightning host name/),
      },
    ]);
  });

  it("formats one list with the totals", () => {
    expect(
      formatFindings("deployments.json", [
        { level: "error", where: "a", message: "bad" },
        { level: "warning", where: "b", message: "hm" },
      ]),
    ).toBe("Policy check of deployments.json:\n  error   a: bad\n  warning b: hm\n1 errors, 1 warnings");
  });
});

describe("checkCommand (the command line of npm run check)", () => {
  const run = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    const status = checkCommand(argv, env, (t) => out.push(t), (t) => err.push(t));
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
    expect(run(["--help"])).toMatchObject({ status: 0, out: expect.stringMatching(/^usage: npm run check -- \[DEPLOYMENTS_FILE\]/) });
    expect(run(["--nope"])).toMatchObject({ status: 1, err: expect.stringMatching(/^check: Unknown option '--nope'/) });
    expect(run([good, bad])).toMatchObject({ status: 1, err: expect.stringMatching(/^check: one deployments file at most; given 2/) });
  });
});
