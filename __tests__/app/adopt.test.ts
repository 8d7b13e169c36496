/** npm run adopt's parts: which clients are candidates, what adoption would change, and writing the id in place. */
import { lstatSync, readFileSync, statSync, symlinkSync, writeFileSync } from "fs";
import { join } from "path";
import { adoptCommand, candidatesFor, describeClient, grantInWords, plannedChanges, writeImportClientId } from "../../lib/app/adopt";
import { ApiOAuthClient } from "../../lib/app/genesys-api";
import { resolveOAuthClientSettings } from "../../lib/construct/internal";
import { InputError } from "../../lib/shared/problems";
import { tempDir } from "../support/temp-dir";
import { SEED_ARTICLE_SCOPES } from "../support/seed-article";

const byHand = (extra: Partial<ApiOAuthClient> = {}): ApiOAuthClient => ({
  id: "5b0c2d4e-0000-4000-8000-000000000001",
  name: "Salesforce SCV",
  accessTokenValiditySeconds: 86400,
  authorizedGrantType: "TOKEN",
  registeredRedirectUri: ["https://ACME.lightning.force.com/lightning/page/home"],
  scope: SEED_ARTICLE_SCOPES,
  state: "active",
  dateCreated: "2024-05-01T09:00:00Z",
  ...extra,
});

describe("candidatesFor", () => {
  it("takes the clients with a redirect URI on the Lightning host, its case ignored", () => {
    const other = byHand({ id: "other", registeredRedirectUri: ["https://globex.lightning.force.com/lightning/page/home"] });
    expect(candidatesFor("acme.lightning.force.com", [byHand(), other])).toEqual({ by: "a redirect URI on acme.lightning.force.com", clients: [byHand()] });
  });

  it("else the clients holding the article's seven scopes", () => {
    const elsewhere = byHand({ registeredRedirectUri: ["https://old.example/callback"] });
    const fewer = byHand({ id: "fewer", registeredRedirectUri: [], scope: ["conversations"] });
    const found = candidatesFor("acme.lightning.force.com", [elsewhere, fewer]);
    expect([found.by, found.clients.map((c) => c.id)]).toEqual(["the article's seven scopes (no client has a redirect URI on its Lightning host)", [elsewhere.id]]);
  });
});

describe("what adoption would change", () => {
  const settings = resolveOAuthClientSettings({ myDomain: "acme" });

  it("field by field: the name and description, typically; the implicit grant kept", () => {
    expect(plannedChanges(settings, byHand())).toEqual([
      'name: "Salesforce SCV" → "Salesforce Service Cloud Voice (acme.lightning.force.com)"',
      `description: (none) → ${JSON.stringify(settings.description)}`,
      'redirect URIs: + "https://acme.lightning.force.com/lightning/page/home", − "https://ACME.lightning.force.com/lightning/page/home"',
    ]);
  });

  it("names grants in the deployments file's words", () => {
    expect([grantInWords("TOKEN"), grantInWords("CODE"), grantInWords("CLIENT-CREDENTIALS")]).toEqual(["implicit", "authorization-code", "other (CLIENT-CREDENTIALS)"]);
  });

  it("shows a candidate without any secret, hidden characters escaped", () => {
    const shown = describeClient({ ...byHand({ name: "SCV\u202e" }), secret: "s3cr3t" } as ApiOAuthClient, settings).join("\n");
    expect(shown).toContain('client 5b0c2d4e-0000-4000-8000-000000000001 "SCV\\u202e"');
    expect(shown).toContain("grant: implicit · token lifetime: 86400 s · state: active · created: 2024-05-01T09:00:00Z");
    expect(shown).not.toContain("s3cr3t");
  });
});

describe("writeImportClientId", () => {
  const text = [
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

  it("writes the id in place: comments, key order and tab indentation kept, the data changed by the id alone", () => {
    const file = join(tempDir("adopt-"), "deployments.json");
    writeFileSync(file, text);
    writeImportClientId(file, 1, "5b0c2d4e-0000-4000-8000-000000000001");
    writeImportClientId(file, 0, "6c1d3e5f-0000-4000-8000-000000000002");
    const written = readFileSync(file, "utf8");
    for (const comment of ["// Our two orgs.", "// the big one", "/* kept */"]) expect(written).toContain(comment);
    expect(written.split("\n").filter((line) => /^ +\S/.test(line))).toEqual([]);
    const data = (t: string) => JSON.parse(t.replace(/\/\/.*$|\/\*.*?\*\//gm, ""));
    const expected = data(text);
    expected.deployments[0].oauthClient = { importClientId: "6c1d3e5f-0000-4000-8000-000000000002" };
    expected.deployments[1].oauthClient.importClientId = "5b0c2d4e-0000-4000-8000-000000000001";
    expect(data(written)).toEqual(expected);
    expect(Object.keys(data(written).deployments[1])).toEqual(["name", "genesysCloud", "salesforce", "oauthClient"]);
  });

  it("writes nothing when the result would not be a deployments file this project accepts", () => {
    const file = join(tempDir("adopt-"), "deployments.json");
    writeFileSync(file, text);
    expect(() => writeImportClientId(file, 0, "not-a-guid")).toThrow(InputError);
    expect(readFileSync(file, "utf8")).toBe(text);
  });
});

describe("writeImportClientId, on the file as it is", () => {
  const id = "5b0c2d4e-0000-4000-8000-000000000001";
  const oneLine = '{\n  "deployments": [\n    { "name": "p", "genesysCloud": { "region": "us-east-1" }, "salesforce": { "myDomain": "acme" } }\n  ]\n}\n';

  it("a deployment on one line gets the key on that line, nothing else touched", () => {
    const file = join(tempDir("adopt-"), "deployments.json");
    writeFileSync(file, oneLine);
    writeImportClientId(file, 0, id);
    expect(readFileSync(file, "utf8")).toBe(oneLine.replace('"myDomain": "acme" } }', `"myDomain": "acme" },"oauthClient": {"importClientId":"${id}"} }`));
  });

  it("edits a symbolic link's target, the link kept, and keeps the file's mode", () => {
    const dir = tempDir("adopt-");
    const real = join(dir, "real.json");
    writeFileSync(real, oneLine, { mode: 0o600 });
    const link = join(dir, "deployments.json");
    symlinkSync(real, link);
    writeImportClientId(link, 0, id);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, "utf8")).toContain(id);
    expect(statSync(real).mode & 0o777).toBe(0o600);
  });
});

describe("adoptCommand's arguments, refused before any request", () => {
  const run = async (argv: string[]) => {
    const file = join(tempDir("adopt-args-"), "deployments.json");
    writeFileSync(file, JSON.stringify({ deployments: [{ name: "production", genesysCloud: { region: "us-east-1" }, salesforce: { myDomain: "acme" } }] }));
    let err = "";
    const code = await adoptCommand(argv, { DEPLOYMENTS_FILE: file }, { out: () => {}, err: (text) => void (err += text) });
    return { code, err };
  };

  it.each([
    [["production", "--note", "x.json"], "adopt: --note: given without --guard; allowed: --note FILE with --guard, which writes what it found there\n"],
    [["production", "--client-id", "nope"], 'adopt: --client-id: given "nope"; allowed: a Genesys Cloud OAuth client id: a GUID such as 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\n'],
    [[], "adopt: name the deployments, e.g. npm run adopt -- production, or -- '*' for all; the deployments are: production\n"],
  ])("%j", async (argv, message) => {
    expect(await run(argv)).toEqual({ code: 1, err: message });
  });
});
