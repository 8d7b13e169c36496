/** Writing oauthClient.importClientId into the deployments file in place (lib/app/deployments/edit.ts). */
import { chmodSync, lstatSync, readFileSync, statSync, symlinkSync, writeFileSync } from "fs";
import { join } from "path";
import { Deployment, parseDeployments } from "../../../lib/app/deployments/deployments";
import { writeImportClientId } from "../../../lib/app/deployments/edit";
import { Description, InputError } from "../../../lib/shared/problems";
import { tempDir } from "../../support/temp-dir";

const ID = "5b0c2d4e-0000-4000-8000-000000000001";
const ID2 = "6c1d3e5f-0000-4000-8000-000000000002";

/** A deployments file with `text`, and its deployments as adopt read them. */
function given(text: string, name = "deployments.json"): { file: string; read: (n: string) => Deployment } {
  const file = join(tempDir("adopt-"), name);
  writeFileSync(file, text);
  const deployments = parseDeployments(text.replace(/^\uFEFF/, ""), file);
  return { file, read: (n) => deployments.find((d) => d.name === n)! };
}

/** What the one InputError says: its problems' paths and givens. */
function refusal(write: () => void): unknown {
  try {
    write();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.problems.map((p) => ({ path: p.path, given: p.given instanceof Description ? p.given.text : p.given }));
  }
  throw new Error("not refused");
}

const tabbed = [
  "{",
  '\t"$schema": "./deployments.schema.json",',
  "\t// Our two orgs.",
  '\t"deployments": [',
  '\t\t{ "name": "production", "genesysCloud": { "region": "us-east-1" }, "salesforce": { "myDomain": "acme" } }, // the big one',
  '\t\t{ "name": "uat", "genesysCloud": { "region": "us-east-1" }, "salesforce": { "myDomain": "acme", "sandbox": "uat" },',
  '\t\t\t"oauthClient": { /* kept */ "tokenLifetimeSeconds": 3600 } }',
  "\t]",
  "}",
  "",
].join("\n");

const spread = [
  "{",
  '  "deployments": [',
  "    {",
  '      "name": "production",',
  '      "genesysCloud": { "region": "us-east-1" },',
  '      "salesforce": { "myDomain": "acme" } // production',
  "    },",
  "    {",
  '      "name": "uat",',
  '      "genesysCloud": { "region": "us-east-1" },',
  '      "salesforce": { "myDomain": "acme", "sandbox": "uat" },',
  '      "oauthClient": {',
  '        "tokenLifetimeSeconds": 3600',
  "      }",
  "    }",
  "  ]",
  "}",
  "",
].join("\n");

describe("writeImportClientId adds the key and nothing else", () => {
  it("one-line objects get it on their line; comments and tabs kept", () => {
    const { file, read } = given(tabbed);
    writeImportClientId(file, read("uat"), ID);
    writeImportClientId(file, read("production"), ID2);
    expect(readFileSync(file, "utf8")).toBe(
      tabbed
        .replace(
          '"myDomain": "acme" } }, // the big one',
          `"myDomain": "acme" }, "oauthClient": { "importClientId": "${ID2}" } }, // the big one`,
        )
        .replace('"tokenLifetimeSeconds": 3600 } }', `"tokenLifetimeSeconds": 3600, "importClientId": "${ID}" } }`),
    );
  });

  it("spread objects get it on a line of its own, indented as their keys, after a comment ending the last line", () => {
    const { file, read } = given(spread);
    writeImportClientId(file, read("production"), ID2);
    writeImportClientId(file, read("uat"), ID);
    expect(readFileSync(file, "utf8")).toBe(
      spread
        .replace(
          '"myDomain": "acme" } // production\n',
          `"myDomain": "acme" }, // production\n      "oauthClient": { "importClientId": "${ID2}" }\n`,
        )
        .replace('"tokenLifetimeSeconds": 3600\n', `"tokenLifetimeSeconds": 3600,\n        "importClientId": "${ID}"\n`),
    );
  });

  it("keeps a byte order mark and CRLF line endings", () => {
    const text = `\uFEFF${spread.replace(/\n/g, "\r\n")}`;
    const { file, read } = given(text);
    writeImportClientId(file, read("uat"), ID);
    const written = readFileSync(file);
    expect([...written.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(written.toString("utf8")).toBe(
      text.replace('"tokenLifetimeSeconds": 3600\r\n', `"tokenLifetimeSeconds": 3600,\r\n        "importClientId": "${ID}"\r\n`),
    );
  });

  it("edits a symbolic link's target, the link kept, and keeps the file's mode", () => {
    const { file: real, read } = given(spread, "real.json");
    chmodSync(real, 0o600);
    const link = join(real, "..", "deployments.json");
    symlinkSync(real, link);
    writeImportClientId(link, read("uat"), ID);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, "utf8")).toContain(ID);
    expect(statSync(real).mode & 0o777).toBe(0o600);
  });
});

describe("writeImportClientId refuses, and writes nothing", () => {
  it.each([
    [
      "the deployment is gone",
      (t: string) => t.replace('"name": "uat"', '"name": "staging"'),
      ["deployments"],
      'deployment "uat" is no longer in the file since adopt read the file',
    ],
    [
      "its Salesforce org changed",
      (t: string) => t.replace('"sandbox": "uat"', '"sandbox": "qa"'),
      ["deployments", 1],
      'deployment "uat" names another Salesforce org (acme--qa.sandbox.lightning.force.com, not acme--uat.sandbox.lightning.force.com) since adopt read the file',
    ],
    [
      "its Genesys Cloud org changed",
      (t: string) => t.replace(/("name": "uat",\n\s+"genesysCloud": \{ "region": )"us-east-1"/, '$1"eu-west-1"'),
      ["deployments", 1],
      'deployment "uat" names another Genesys Cloud org or gateway since adopt read the file',
    ],
    [
      "it was adopted meanwhile",
      (t: string) => t.replace('"tokenLifetimeSeconds": 3600', `"tokenLifetimeSeconds": 3600, "importClientId": "${ID2}"`),
      ["deployments", 1],
      `deployment "uat" has an importClientId (${ID2}) since adopt read the file`,
    ],
  ])("when %s", (_, edit, path, message) => {
    const { file, read } = given(spread);
    const uat = read("uat");
    const changed = edit(spread);
    writeFileSync(file, changed);
    expect(refusal(() => writeImportClientId(file, uat, ID))).toEqual([{ path, given: message }]);
    expect(readFileSync(file, "utf8")).toBe(changed);
  });

  it("finds the deployment by name when the file's order changed", () => {
    const { file, read } = given(spread);
    const uat = read("uat");
    const lines = spread.split("\n");
    const [productionLines, uatLines] = [lines.slice(2, 7), lines.slice(7, 15)];
    const swapped = [
      ...lines.slice(0, 2),
      ...uatLines.slice(0, -1),
      "    },",
      ...productionLines.slice(0, -1),
      "    }",
      ...lines.slice(15),
    ].join("\n");
    writeFileSync(file, swapped);
    writeImportClientId(file, uat, ID);
    const after = parseDeployments(readFileSync(file, "utf8"), file);
    expect(after.map((d) => [d.name, d.oauthClient?.importClientId])).toEqual([
      ["uat", ID],
      ["production", undefined],
    ]);
  });

  it("a read-only file, even for root", () => {
    const { file, read } = given(spread);
    chmodSync(file, 0o444);
    expect(refusal(() => writeImportClientId(file, read("uat"), ID))).toEqual([{ path: [], given: "a read-only file (mode 0444)" }]);
    expect(readFileSync(file, "utf8")).toBe(spread);
  });

  it("a file its owner may not write, though others may (it was replaced by a rename in its writable folder)", () => {
    const { file, read } = given(spread);
    chmodSync(file, 0o466);
    expect(refusal(() => writeImportClientId(file, read("uat"), ID))).toEqual([
      { path: [], given: `a file read-only to this user (mode 0466, owner uid ${process.getuid!()})` },
    ]);
    expect(readFileSync(file, "utf8")).toBe(spread);
  });

  it("a result this project would not accept", () => {
    const { file, read } = given(spread);
    expect(() => writeImportClientId(file, read("uat"), "not-a-guid")).toThrow(InputError);
    expect(readFileSync(file, "utf8")).toBe(spread);
  });
});
