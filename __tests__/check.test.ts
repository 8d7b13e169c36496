import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { checkDeployments, formatFindings } from "../lib/check";

const dir = mkdtempSync(join(tmpdir(), "check-"));
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
      ["warning", "uat", 'Scope "analytics:readonly" is beyond the'],
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
