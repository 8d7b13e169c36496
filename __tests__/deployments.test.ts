import { chmodSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { loadDeployments, oauthClientProps, parseDeployments } from "../lib/deployments";
import { InputError } from "../lib/problems";

const valid = {
  name: "production",
  genesysCloud: { region: "us-east-1" },
  salesforce: { myDomain: "acme" },
};

/** The message for a deployments file with these deployments; fails the test when the file is accepted. */
function messageFor(deployments: unknown, extra: Record<string, unknown> = {}): string {
  try {
    parseDeployments(JSON.stringify({ deployments, ...extra }), "deployments.json");
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error("the file was accepted");
}

describe("parseDeployments: a valid file", () => {
  it("returns the deployments as written", () => {
    const d = { ...valid, oauthClient: { tokenLifetimeSeconds: 86400, additionalScopes: [] } };
    expect(parseDeployments(JSON.stringify({ $schema: "./deployments.schema.json", deployments: [d] }), "f")).toEqual([d]);
  });

  it("maps a deployment to the construct's props, by the keys users write", () => {
    expect(
      oauthClientProps({
        ...valid,
        salesforce: { myDomain: "acme", sandbox: "uat" },
        oauthClient: { name: "n", grantType: "authorization-code", additionalRedirectUris: ["https://x"] },
      }),
    ).toEqual({ myDomain: "acme", sandbox: "uat", name: "n", grantType: "authorization-code", additionalRedirectUris: ["https://x"] });
  });
});

describe("parseDeployments: each bad input has one clear message with its JSON path, the value and what is allowed", () => {
  it("not JSON: names the line and column", () => {
    expect(() => parseDeployments('{\n  "deployments": [\n    { "name": "x", }\n  ]\n}', "deployments.json")).toThrow(
      /^deployments\.json has 1 problem:\n  - \(line 3, column 20\): given "}\\n  ]\\n}"; allowed: JSON \(/,
    );
  });

  it("not an object at the top", () => {
    expect(() => parseDeployments("[]", "deployments.json")).toThrow(
      'deployments.json has 1 problem:\n  - (top level): given []; allowed: an object: One deployment per Genesys Cloud org and Salesforce org pair; each becomes one Terraform stack.',
    );
  });

  it("no deployments", () => {
    expect(messageFor([])).toBe(
      "deployments.json has 1 problem:\n  - deployments: given []; allowed: a list of at least one deployment",
    );
  });

  it("unknown keys (typos) at every level", () => {
    expect(
      messageFor([{ ...valid, salesforce: { myDomian: "acme" }, oauthClient: { tokenLifetime: 3600 } }], { deployment: [] }),
    ).toBe(
      [
        "deployments.json has 4 problems:",
        '  - deployment: given []; allowed: no key "deployment" here; the keys are: $schema, deployments',
        '  - deployments[0].oauthClient.tokenLifetime: given 3600; allowed: no key "tokenLifetime" here; the keys are: name, description, tokenLifetimeSeconds, grantType, additionalScopes, additionalRedirectUris, preventDestroy, importClientId',
        '  - deployments[0].salesforce.myDomain: given nothing; allowed: a Salesforce My Domain name: 1 to 40 letters, digits and single hyphens, no hyphen at either end (e.g. acme); or lightningHost instead',
        '  - deployments[0].salesforce.myDomian: given "acme"; allowed: no key "myDomian" here; the keys are: myDomain, sandbox, lightningHost',
      ].join("\n"),
    );
  });

  it("missing name and region", () => {
    expect(messageFor([{ genesysCloud: {}, salesforce: { myDomain: "acme" } }])).toBe(
      [
        "deployments.json has 2 problems:",
        "  - deployments[0].genesysCloud.region: given nothing; allowed: one of the Genesys Cloud regions: us-east-1, us-east-2, us-west-2, eu-west-1, eu-west-2, ap-southeast-2, ap-northeast-1, eu-central-1, ca-central-1, ap-northeast-2, ap-south-1, sa-east-1, ap-northeast-3, eu-central-2, me-central-1, mx-central-1, ap-southeast-1, eusc-de-east-1",
        "  - deployments[0].name: given nothing; allowed: a stack name: a letter, then letters, digits, hyphens and underscores, at most 63 characters (e.g. production)",
      ].join("\n"),
    );
  });

  it("duplicate names, also when they differ only in case", () => {
    expect(messageFor([valid, { ...valid, name: "uat" }, { ...valid, name: "Production" }])).toBe(
      'deployments.json has 1 problem:\n  - deployments[2].name: given "Production"; allowed: a name no other deployment has (deployments[0] is named "production")',
    );
  });

  it.each(["prod/eu", "1prod", "", "prod uction", "a".repeat(64)])("a name that is not a valid stack name: %j", (name) => {
    expect(messageFor([{ ...valid, name }])).toMatch(
      /^deployments\.json has 1 problem:\n  - deployments\[0\]\.name: given ".*"; allowed: a stack name: /,
    );
  });

  it("unknown region", () => {
    expect(messageFor([{ ...valid, genesysCloud: { region: "us-east-9" } }])).toMatch(
      /^deployments\.json has 1 problem:\n  - deployments\[0\]\.genesysCloud\.region: given "us-east-9"; allowed: one of the Genesys Cloud regions: us-east-1, /,
    );
  });

  it("bad My Domain and sandbox names", () => {
    expect(messageFor([{ ...valid, salesforce: { myDomain: "acme.corp", sandbox: "user-acceptance" } }])).toBe(
      [
        "deployments.json has 2 problems:",
        '  - deployments[0].salesforce.myDomain: given "acme.corp"; allowed: a Salesforce My Domain name: 1 to 40 letters, digits and single hyphens, no hyphen at either end (e.g. acme)',
        '  - deployments[0].salesforce.sandbox: given "user-acceptance"; allowed: a Salesforce sandbox name: a letter, then letters and digits, at most 10 characters (e.g. uat)',
      ].join("\n"),
    );
  });

  it("both myDomain and lightningHost", () => {
    expect(messageFor([{ ...valid, salesforce: { myDomain: "acme", lightningHost: "acme.lightning.force.com" } }])).toBe(
      'deployments.json has 1 problem:\n  - deployments[0].salesforce.lightningHost: given "acme.lightning.force.com"; allowed: nothing when myDomain is given: give one of the two',
    );
  });

  it.each([
    [299, "299"],
    [172801, "172801"],
    [3600.5, "3600.5"],
    ["3600", '"3600"'],
  ])("token lifetime out of range or not an integer: %j", (tokenLifetimeSeconds, given) => {
    expect(messageFor([{ ...valid, oauthClient: { tokenLifetimeSeconds } }])).toBe(
      `deployments.json has 1 problem:\n  - deployments[0].oauthClient.tokenLifetimeSeconds: given ${given}; allowed: ` +
        "an integer number of seconds from 300 to 172800 (default: 86400)",
    );
  });

  it("malformed scopes, each with its index", () => {
    expect(messageFor([{ ...valid, oauthClient: { additionalScopes: ["analytics:readonly", "Users", "scripts:write"] } }])).toBe(
      [
        "deployments.json has 2 problems:",
        '  - deployments[0].oauthClient.additionalScopes[1]: given "Users"; allowed: a Genesys Cloud scope name: lowercase words joined by hyphens, optionally ending in :readonly (e.g. analytics:readonly)',
        '  - deployments[0].oauthClient.additionalScopes[2]: given "scripts:write"; allowed: a Genesys Cloud scope name: lowercase words joined by hyphens, optionally ending in :readonly (e.g. analytics:readonly)',
      ].join("\n"),
    );
  });

  it("non-https and non-Salesforce hosts", () => {
    expect(
      messageFor([
        {
          ...valid,
          salesforce: { lightningHost: "acme.example.com" },
          oauthClient: { additionalRedirectUris: ["http://acme.lightning.force.com/cb", "https://acme.example.com/cb"] },
        },
      ]),
    ).toMatch(
      new RegExp(
        [
          "^deployments\\.json has 3 problems:",
          '  - deployments\\[0\\]\\.oauthClient\\.additionalRedirectUris\\[0\\]: given "http://acme\\.lightning\\.force\\.com/cb"; allowed: an https URL on a Salesforce Lightning host, .*',
          '  - deployments\\[0\\]\\.oauthClient\\.additionalRedirectUris\\[1\\]: given "https://acme\\.example\\.com/cb"; allowed: an https URL .*',
          '  - deployments\\[0\\]\\.salesforce\\.lightningHost: given "acme\\.example\\.com"; allowed: a Salesforce Lightning host name without scheme or path, such as acme\\.lightning\\.force\\.com, .*$',
        ].join("\n"),
      ),
    );
  });

  it("a malformed client id to import", () => {
    expect(messageFor([{ ...valid, oauthClient: { importClientId: "my-client" } }])).toBe(
      'deployments.json has 1 problem:\n  - deployments[0].oauthClient.importClientId: given "my-client"; allowed: a Genesys Cloud OAuth client id: a GUID such as 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    );
  });

  it("a backend that is not exactly one of local, s3, cloud, or lacks its required keys", () => {
    expect(
      messageFor([
        { ...valid, name: "a", backend: {} },
        { ...valid, name: "b", backend: { s3: { bucket: "b" }, local: {} } },
        { ...valid, name: "c", backend: { cloud: { organization: "o", workspace: "w", project: "p" } } },
      ]),
    ).toBe(
      [
        "deployments.json has 4 problems:",
        "  - deployments[0].backend: given {}; allowed: where Terraform keeps this deployment's state: exactly one of local, s3, cloud (default: local, terraform.<name>.tfstate at the project root)",
        `  - deployments[1].backend: given {"s3":{"bucket":"b"},"local":{}}; allowed: where Terraform keeps this deployment's state: exactly one of local, s3, cloud (default: local, terraform.<name>.tfstate at the project root)`,
        "  - deployments[1].backend.s3.region: given nothing; allowed: the bucket's AWS region, e.g. eu-central-1",
        '  - deployments[2].backend.cloud.project: given "p"; allowed: no key "project" here; the keys are: organization, workspace, hostname',
      ].join("\n"),
    );
  });

  it("wrong types get the type and the description", () => {
    expect(messageFor([{ ...valid, salesforce: "acme", oauthClient: { preventDestroy: "no" } }])).toBe(
      [
        "deployments.json has 2 problems:",
        '  - deployments[0].oauthClient.preventDestroy: given "no"; allowed: true or false (default: true): refuse to destroy the client, whose id the Salesforce org holds',
        '  - deployments[0].salesforce: given "acme"; allowed: an object: the Salesforce org: myDomain (and sandbox), or lightningHost',
      ].join("\n"),
    );
  });

  it("lists every problem of every deployment in one message, in file order", () => {
    const message = messageFor(
      Array.from({ length: 12 }, (_, i) => ({ ...valid, name: `org${i}`, genesysCloud: { region: "nowhere" } })),
    );
    const paths = message
      .split("\n")
      .slice(1)
      .map((line) => line.split(":")[0].trim());
    expect(paths).toEqual(Array.from({ length: 12 }, (_, i) => `- deployments[${i}].genesysCloud.region`));
  });

  it("cuts long given values", () => {
    expect(messageFor([{ ...valid, name: "x".repeat(200) }])).toContain(`given "${"x".repeat(80)}…";`);
  });
});

describe("loadDeployments", () => {
  const dir = mkdtempSync(join(tmpdir(), "deployments-test-"));

  it("a missing file", () => {
    expect(() => loadDeployments(join(dir, "nope.json"))).toThrow(
      new RegExp(`has 1 problem:\\n  - \\(file\\): given ".*nope\\.json"; allowed: a readable JSON file \\(it does not exist\\); set DEPLOYMENTS_FILE to use another path$`),
    );
  });

  it("an unreadable file", () => {
    const file = join(dir, "unreadable.json");
    writeFileSync(file, "{}");
    chmodSync(file, 0o000);
    const readableAnyway = process.getuid?.() === 0; // root reads any file
    if (readableAnyway) {
      expect(() => loadDeployments(dir)).toThrow(/allowed: a readable JSON file \(EISDIR: illegal operation on a directory, read\)/);
    } else {
      expect(() => loadDeployments(file)).toThrow(/allowed: a readable JSON file \(EACCES: permission denied/);
    }
  });

  it("reads a valid file", () => {
    const file = join(dir, "ok.json");
    writeFileSync(file, JSON.stringify({ deployments: [valid] }));
    expect(loadDeployments(file)).toEqual([valid]);
  });
});
