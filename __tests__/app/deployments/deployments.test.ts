import { chmodSync, closeSync, existsSync, openSync, writeFileSync } from "fs";
import { join } from "path";
import { loadDeployments, oauthClientProps, parseDeployments } from "../../../lib/app/deployments/deployments";
import { ALLOWED_DEPLOYMENT_NAME } from "../../../lib/app/deployments/schema";
import { GENESYS_CLOUD_REGION_NAMES } from "../../../lib/app/deployments/regions";
import { oauthClientPropsSchema } from "../../../lib/construct/internal";
import { InputError, Problem } from "../../../lib/shared/problems";
import { ALLOWED_MY_DOMAIN, ALLOWED_REDIRECT_URI } from "../../../lib/shared/salesforce";
import { ALLOWED_SCOPE } from "../../../lib/shared/scopes";
import { ALLOWED_NUMBER } from "../../../lib/shared/json-input";
import { tempDir } from "../../support/temp-dir";

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

/** The problems (path, given, allowed) of a deployments file with these deployments; fails the test when it is accepted. */
function problemsFor(deployments: unknown, extra: Record<string, unknown> = {}): Problem[] {
  try {
    parseDeployments(JSON.stringify({ deployments, ...extra }), "deployments.json");
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).problems.map(({ path, given, allowed }) => ({ path, given, allowed }));
  }
  throw new Error("the file was accepted");
}

const OAUTH_CLIENT_KEYS =
  "name, description, tokenLifetimeSeconds, grantType, additionalScopes, additionalRedirectUris, preventDestroy, importClientId, migration";
const ALLOWED_REGION = `one of the Genesys Cloud regions: ${GENESYS_CLOUD_REGION_NAMES.join(", ")}`;
/** What the construct's schema allows at a prop: the deployments file says the same at the prop's key. */
const allowed = (prop: keyof typeof oauthClientPropsSchema.properties) => oauthClientPropsSchema.properties[prop].description as string;

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
      /^deployments\.json has 1 problem:\n {2}- \(line 3, column 20\): given "}\\n {2}]\\n}"; allowed: JSON: a key in double quotes here$/,
    );
  });

  it("not an object at the top", () => {
    expect(() => parseDeployments("[]", "deployments.json")).toThrow(
      "deployments.json has 1 problem:\n  - (top level): given []; allowed: an object: One deployment per Genesys Cloud org and Salesforce org pair; each becomes one Terraform stack.",
    );
  });

  it("no deployments is a file too (a new repository's, as init writes it): nothing to plan or deploy yet", () => {
    expect(parseDeployments('{ "deployments": [] }', "deployments.json")).toEqual([]);
    expect(messageFor({} as never)).toMatch(/^deployments\.json has 1 problem:\n {2}- deployments: /);
  });

  it("says every problem in the one wording: the file, the count, then one line per problem (tested here once)", () => {
    expect(messageFor([{ ...valid, salesforce: { myDomian: "acme" } }], { deployment: [] })).toBe(
      [
        "deployments.json has 3 problems:",
        '  - deployment: given []; allowed: no key "deployment" here (did you mean "deployments"?); the keys are: $schema, deployments',
        `  - deployments[0].salesforce.myDomain: given nothing; allowed: ${ALLOWED_MY_DOMAIN}; or lightningHost instead`,
        '  - deployments[0].salesforce.myDomian: given "acme"; allowed: no key "myDomian" here (did you mean "myDomain"?); the keys are: myDomain, sandbox, lightningHost',
      ].join("\n"),
    );
  });

  it("unknown keys (typos) at every level", () => {
    expect(problemsFor([{ ...valid, salesforce: { myDomian: "acme" }, oauthClient: { tokenLifetime: 3600 } }], { deployment: [] })).toEqual(
      [
        {
          path: ["deployment"],
          given: [],
          allowed: 'no key "deployment" here (did you mean "deployments"?); the keys are: $schema, deployments',
        },
        {
          path: ["deployments", 0, "oauthClient", "tokenLifetime"],
          given: 3600,
          allowed: `no key "tokenLifetime" here (did you mean "tokenLifetimeSeconds"?); the keys are: ${OAUTH_CLIENT_KEYS}`,
        },
        { path: ["deployments", 0, "salesforce", "myDomain"], given: undefined, allowed: `${ALLOWED_MY_DOMAIN}; or lightningHost instead` },
        {
          path: ["deployments", 0, "salesforce", "myDomian"],
          given: "acme",
          allowed: 'no key "myDomian" here (did you mean "myDomain"?); the keys are: myDomain, sandbox, lightningHost',
        },
      ],
    );
  });

  it("missing name and region", () => {
    expect(problemsFor([{ genesysCloud: {}, salesforce: { myDomain: "acme" } }])).toEqual([
      { path: ["deployments", 0, "genesysCloud", "region"], given: undefined, allowed: ALLOWED_REGION },
      { path: ["deployments", 0, "name"], given: undefined, allowed: ALLOWED_DEPLOYMENT_NAME },
    ]);
  });

  it("duplicate names, also when they differ only in case", () => {
    expect(problemsFor([valid, { ...valid, name: "uat" }, { ...valid, name: "Production" }])).toEqual([
      {
        path: ["deployments", 2, "name"],
        given: "Production",
        allowed: 'a name no other deployment has (deployments[0] is named "production")',
      },
    ]);
  });

  it.each(["prod/eu", "1prod", "", "prod uction", "a".repeat(64), "production-plan", "eu-PLAN"])(
    "a name that is not a valid stack name: %j",
    (name) => {
      expect(problemsFor([{ ...valid, name }])).toEqual([
        { path: ["deployments", 0, "name"], given: name, allowed: ALLOWED_DEPLOYMENT_NAME },
      ]);
    },
  );

  it("unknown region", () => {
    expect(problemsFor([{ ...valid, genesysCloud: { region: "us-east-9" } }])).toEqual([
      { path: ["deployments", 0, "genesysCloud", "region"], given: "us-east-9", allowed: ALLOWED_REGION },
    ]);
    expect(ALLOWED_REGION).toBe(`one of the Genesys Cloud regions: ${GENESYS_CLOUD_REGION_NAMES.join(", ")}`);
  });

  it("a region one letter off: did you mean the region", () => {
    expect(
      problemsFor([
        { ...valid, genesysCloud: { region: "eu-centrl-1" } },
        { ...valid, name: "b", genesysCloud: { region: "EU-WEST-1" } },
      ]),
    ).toEqual([
      {
        path: ["deployments", 0, "genesysCloud", "region"],
        given: "eu-centrl-1",
        allowed: `${ALLOWED_REGION} (did you mean "eu-central-1"?)`,
      },
      { path: ["deployments", 1, "genesysCloud", "region"], given: "EU-WEST-1", allowed: `${ALLOWED_REGION} (did you mean "eu-west-1"?)` },
    ]);
  });

  it("a grant type one letter off: did you mean the grant type", () => {
    expect(problemsFor([{ ...valid, oauthClient: { grantType: "implict" } }])).toEqual([
      {
        path: ["deployments", 0, "oauthClient", "grantType"],
        given: "implict",
        allowed: `${allowed("grantType")} (did you mean "implicit"?)`,
      },
    ]);
  });

  it("bad My Domain and sandbox names", () => {
    expect(problemsFor([{ ...valid, salesforce: { myDomain: "acme.corp", sandbox: "user-acceptance" } }])).toEqual([
      { path: ["deployments", 0, "salesforce", "myDomain"], given: "acme.corp", allowed: ALLOWED_MY_DOMAIN },
      { path: ["deployments", 0, "salesforce", "sandbox"], given: "user-acceptance", allowed: allowed("sandbox") },
    ]);
  });

  it("both myDomain and lightningHost", () => {
    expect(problemsFor([{ ...valid, salesforce: { myDomain: "acme", lightningHost: "acme.lightning.force.com" } }])).toEqual([
      {
        path: ["deployments", 0, "salesforce", "lightningHost"],
        given: "acme.lightning.force.com",
        allowed: "nothing when myDomain is given: give one of the two",
      },
    ]);
  });

  it.each([299, 172801, 3600.5, "3600"])("token lifetime out of range or not an integer: %j", (tokenLifetimeSeconds) => {
    expect(problemsFor([{ ...valid, oauthClient: { tokenLifetimeSeconds } }])).toEqual([
      {
        path: ["deployments", 0, "oauthClient", "tokenLifetimeSeconds"],
        given: tokenLifetimeSeconds,
        allowed: allowed("tokenLifetimeSeconds"),
      },
    ]);
  });

  it("malformed scopes, each with its index", () => {
    expect(problemsFor([{ ...valid, oauthClient: { additionalScopes: ["analytics:readonly", "Users", "scripts:write"] } }])).toEqual([
      { path: ["deployments", 0, "oauthClient", "additionalScopes", 1], given: "Users", allowed: ALLOWED_SCOPE },
      { path: ["deployments", 0, "oauthClient", "additionalScopes", 2], given: "scripts:write", allowed: ALLOWED_SCOPE },
    ]);
  });

  it("a misspelt scope of the article's seven is an error naming the one meant; an unknown one is not", () => {
    expect(problemsFor([{ ...valid, oauthClient: { additionalScopes: ["converstations", "analytics:readonly"] } }])).toEqual([
      {
        path: ["deployments", 0, "oauthClient", "additionalScopes", 0],
        given: "converstations",
        allowed: `${ALLOWED_SCOPE}, not a misspelling of one of the article's seven (did you mean "conversations"?)`,
      },
    ]);
  });

  it("non-https and non-Salesforce hosts", () => {
    expect(
      problemsFor([
        {
          ...valid,
          salesforce: { lightningHost: "acme.example.com" },
          oauthClient: { additionalRedirectUris: ["http://acme.lightning.force.com/cb", "https://acme.example.com/cb"] },
        },
      ]),
    ).toEqual([
      {
        path: ["deployments", 0, "oauthClient", "additionalRedirectUris", 0],
        given: "http://acme.lightning.force.com/cb",
        allowed: ALLOWED_REDIRECT_URI,
      },
      {
        path: ["deployments", 0, "oauthClient", "additionalRedirectUris", 1],
        given: "https://acme.example.com/cb",
        allowed: ALLOWED_REDIRECT_URI,
      },
      { path: ["deployments", 0, "salesforce", "lightningHost"], given: "acme.example.com", allowed: allowed("lightningHost") },
    ]);
  });

  it("a malformed client id to import", () => {
    expect(problemsFor([{ ...valid, oauthClient: { importClientId: "my-client" } }])).toEqual([
      { path: ["deployments", 0, "oauthClient", "importClientId"], given: "my-client", allowed: allowed("importClientId") },
    ]);
  });

  it("a backend that is not exactly one of local, s3, cloud, or lacks its required keys", () => {
    const backend = "where Terraform keeps this deployment's state: exactly one of local, s3, cloud";
    expect(
      problemsFor([
        { ...valid, name: "a", backend: {} },
        { ...valid, name: "b", backend: { s3: { bucket: "b" }, local: {} } },
        { ...valid, name: "c", backend: { cloud: { organization: "o", workspace: "w", project: "p" } } },
      ]),
    ).toEqual([
      { path: ["deployments", 0, "backend"], given: {}, allowed: backend },
      { path: ["deployments", 1, "backend"], given: { s3: { bucket: "b" }, local: {} }, allowed: backend },
      {
        path: ["deployments", 1, "backend", "s3", "bucket"],
        given: "b",
        allowed: "an S3 bucket name: 3 to 63 lowercase letters, digits, dots and hyphens, a letter or digit at each end, not an IP address",
      },
      {
        path: ["deployments", 1, "backend", "s3", "region"],
        given: undefined,
        allowed: "an AWS region name, such as eu-central-1 or us-gov-west-1",
      },
      {
        path: ["deployments", 2, "backend", "cloud", "project"],
        given: "p",
        allowed: 'no key "project" here; the keys are: organization, workspace, hostname',
      },
    ]);
  });

  it("wrong types get the type and the description", () => {
    expect(problemsFor([{ ...valid, salesforce: "acme", oauthClient: { preventDestroy: "no" } }])).toEqual([
      {
        path: ["deployments", 0, "oauthClient", "preventDestroy"],
        given: "no",
        allowed:
          "true or false: refuse to destroy the client, whose id the Salesforce org holds (false lets destroy, and any plan that would replace the client, through)",
      },
      {
        path: ["deployments", 0, "salesforce"],
        given: "acme",
        allowed: "an object: the Salesforce org: myDomain (and sandbox), or lightningHost",
      },
    ]);
  });

  it("lists every problem of every deployment in one message, in file order", () => {
    const message = messageFor(Array.from({ length: 12 }, (_, i) => ({ ...valid, name: `org${i}`, genesysCloud: { region: "nowhere" } })));
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
  const dir = tempDir("deployments-test-");

  it("a missing file", () => {
    expect(() => loadDeployments(join(dir, "nope.json"))).toThrow(
      new RegExp(
        `has 1 problem:\\n  - \\(file\\): given ".*nope\\.json"; allowed: a readable JSON file \\(it does not exist\\); set DEPLOYMENTS_FILE to use another path$`,
      ),
    );
  });

  // A file this process cannot read: one made so by chmod 000, except for root (as CI containers run), who reads any
  // file; root cannot read a write-only kernel setting, though (Linux's sysctls hold root to their mode too).
  const canRead = (file: string) => {
    try {
      closeSync(openSync(file, "r"));
      return true;
    } catch {
      return false;
    }
  };
  const chmodded = join(dir, "unreadable.json");
  writeFileSync(chmodded, "{}");
  chmodSync(chmodded, 0o000);
  const sysctl = "/proc/sys/vm/drop_caches";
  const unreadable = !canRead(chmodded) ? chmodded : existsSync(sysctl) && !canRead(sysctl) ? sysctl : undefined;
  const skipped = " (skipped: this process reads any file, and there is no write-only kernel setting to try)";
  (unreadable ? it : it.skip)(`an unreadable file${unreadable ? "" : skipped}`, () => {
    expect(() => loadDeployments(unreadable!)).toThrow(/allowed: a readable JSON file \(no permission to read it\); set DEPLOYMENTS_FILE/);
  });

  it("reads a valid file", () => {
    const file = join(dir, "ok.json");
    writeFileSync(file, JSON.stringify({ deployments: [valid] }));
    expect(loadDeployments(file).deployments).toEqual([valid]);
  });
});

describe("hostile and unusual input: one message each, with the JSON path, and nothing taken silently", () => {
  const problemLines = (text: string) => {
    try {
      parseDeployments(text, "deployments.json");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as Error).message.split("\n").slice(1);
    }
    throw new Error("the file was accepted");
  };

  it("a key given twice, at any depth, is refused with both places (never last one wins)", () => {
    const text = [
      '{"deployments": [{"name": "p", "genesysCloud": {"region": "us-east-1"},',
      '  "salesforce": {"myDomain": "acme", "myDomain": "evil"},',
      '  "oauthClient": {"additionalScopes": ["analytics"], "name": "a", "name": "b"}}], "deployments": []}',
    ].join("\n");
    expect(problemLines(text)).toEqual([
      '  - deployments[0].salesforce.myDomain: given the key "myDomain" a second time (line 2, column 38); allowed: each key once in an object (the first "myDomain" is at line 2, column 18)',
      '  - deployments[0].oauthClient.name: given the key "name" a second time (line 3, column 67); allowed: each key once in an object (the first "name" is at line 3, column 54)',
      '  - deployments: given the key "deployments" a second time (line 3, column 83); allowed: each key once in an object (the first "deployments" is at line 1, column 2)',
    ]);
  });

  it("pathologically deep nesting is refused before any parser recurses", () => {
    const text = `{"deployments": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    expect(problemLines(text)).toEqual([
      "  - (line 1, column 272): given objects and lists nested more than 256 levels deep; allowed: JSON nested at most 256 levels deep",
    ]);
    // Brackets inside strings are text, not nesting.
    expect(() => parseDeployments(JSON.stringify({ deployments: [{ ...valid, name: "[".repeat(300) }] }), "f")).toThrow(
      /deployments\[0\]\.name: given "\[\[\[/,
    );
  });

  it.each([
    ["1e400", "1e400"],
    ["-1e400", "-1e400"],
    ["12345678901234567890", "12345678901234567890"],
  ])("a number JavaScript cannot hold (%s) is a problem at its key, shown as written", (written, shown) => {
    const text = `{"deployments": [{"name": "p", "genesysCloud": {"region": "us-east-1"}, "salesforce": {"myDomain": "acme"}, "oauthClient": {"tokenLifetimeSeconds": ${written}}}]}`;
    expect(problemLines(text)).toEqual([`  - deployments[0].oauthClient.tokenLifetimeSeconds: given ${shown}; allowed: ${ALLOWED_NUMBER}`]);
  });

  it.each(["constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString"])(
    "the deployment name %s, which every JavaScript object has, is refused",
    (name) => {
      expect(messageFor([{ ...valid, name }])).toMatch(
        new RegExp(
          `^deployments\\.json has 1 problem:\\n  - deployments\\[0\\]\\.name: given "${name}"; allowed: a stack name: .*, other than constructor, hasOwnProperty, isPrototypeOf, propertyIsEnumerable, toLocaleString, toString, valueOf$`,
        ),
      );
    },
  );

  it.each([
    [
      { myDomain: "acme-dev-ed" },
      'myDomain: given "acme-dev-ed"; allowed: a production org\'s My Domain name; "acme-dev-ed" is a Developer Edition or scratch org\'s, whose Lightning host has a partition: give lightningHost "acme-dev-ed.develop.lightning.force.com" (Developer Edition) or "acme-dev-ed.scratch.lightning.force.com" (scratch org) instead',
    ],
    [
      { myDomain: "acme--uat" },
      'myDomain: given "acme--uat"; allowed: a My Domain name without its sandbox: give myDomain "acme" and sandbox "uat"',
    ],
    [
      { myDomain: "northwind.my.salesforce.com" },
      'myDomain: given "northwind.my.salesforce.com"; allowed: the My Domain name alone, not a host or URL: give myDomain "northwind"',
    ],
    [
      { myDomain: "https://northwind.lightning.force.com/lightning/page/home" },
      'myDomain: given "https://northwind.lightning.force.com/lightning/page/home"; allowed: the My Domain name alone, not a host or URL: give myDomain "northwind"',
    ],
    [
      { myDomain: "https://acme--uat.sandbox.lightning.force.com/lightning/page/home" },
      'myDomain: given "https://acme--uat.sandbox.lightning.force.com/lightning/page/home"; allowed: the My Domain name alone, not a host or URL: give myDomain "acme" and sandbox "uat"',
    ],
    [
      { myDomain: "acme--uat.sandbox.my.salesforce.com", sandbox: "uat" },
      'myDomain: given "acme--uat.sandbox.my.salesforce.com"; allowed: the My Domain name alone, not a host or URL: give myDomain "acme" and sandbox "uat"',
    ],
    [
      { myDomain: "acme-dev-ed.develop.my.salesforce.com" },
      'myDomain: given "acme-dev-ed.develop.my.salesforce.com"; allowed: a My Domain name, not a host: give lightningHost "acme-dev-ed.develop.lightning.force.com" instead',
    ],
    [
      { myDomain: "acme--uat.lightning.force.com" },
      'myDomain: given "acme--uat.lightning.force.com"; allowed: a My Domain name, not a host: give lightningHost "acme--uat.lightning.force.com" instead',
    ],
    [
      { lightningHost: "acme-dev-ed.lightning.force.com" },
      'lightningHost: given "acme-dev-ed.lightning.force.com"; allowed: a Lightning host with its partition: Developer Edition and scratch orgs are at "acme-dev-ed.develop.lightning.force.com" or "acme-dev-ed.scratch.lightning.force.com"',
    ],
    [
      { lightningHost: "acme.my.salesforce.com" },
      'lightningHost: given "acme.my.salesforce.com"; allowed: the org\'s Lightning host, not its My Domain login host: "acme.lightning.force.com"',
    ],
    [
      { lightningHost: "https://acme.lightning.force.com/" },
      'lightningHost: given "https://acme.lightning.force.com/"; allowed: a host name alone, without scheme or path: "acme.lightning.force.com"',
    ],
  ])("a Salesforce org named the wrong way gets the right key and value: %j", (salesforce, expected) => {
    expect(messageFor([{ ...valid, salesforce }])).toBe(`deployments.json has 1 problem:\n  - deployments[0].salesforce.${expected}`);
  });

  it.each([
    ["NUL", "Voice\u0000"],
    ["a newline", "Voice\nAdmin"],
    ["a bidirectional override", "Voice \u202egnp.exe"],
    ["a bidirectional isolate", "Voice \u2066x\u2069"],
    ["too long", "x".repeat(201)],
  ])("the client name with %s is refused; so is the description", (_, text) => {
    const message = messageFor([{ ...valid, oauthClient: { name: text, description: text.replace("x".repeat(201), "x".repeat(1001)) } }]);
    expect(message).toMatch(
      / {2}- deployments\[0\]\.oauthClient\.description: given .*; allowed: a text of at most 1000 characters, without control characters, line breaks, bidirectional marks or invisible characters/,
    );
    expect(message).toMatch(
      / {2}- deployments\[0\]\.oauthClient\.name: given .*; allowed: a non-empty text of at most 200 characters, without control characters, line breaks, bidirectional marks or invisible characters/,
    );
  });

  it("names and descriptions in any script are fine", () => {
    expect(() =>
      parseDeployments(
        JSON.stringify({ deployments: [{ ...valid, oauthClient: { name: "Sprachkanal Ü – 音声 – صوت", description: "x".repeat(1000) } }] }),
        "f",
      ),
    ).not.toThrow();
  });

  it.each([
    [
      { local: { path: "../elsewhere.tfstate" } },
      "backend.local.path",
      "a state file path ending in .tfstate, relative to the deployments file's folder and inside it: no leading /, no ..",
    ],
    [{ local: { path: "/etc/passwd" } }, "backend.local.path", "a state file path ending in .tfstate"],
    [{ local: { path: "state/../../x.tfstate" } }, "backend.local.path", "a state file path ending in .tfstate"],
    [{ local: { path: "deployments.json" } }, "backend.local.path", "a state file path ending in .tfstate"],
    [{ local: { path: "." } }, "backend.local.path", "a state file path ending in .tfstate"],
    [{ local: { path: "state/.tfstate" } }, "backend.local.path", "a state file path ending in .tfstate"],
    [{ s3: { bucket: "My_Bucket", region: "eu-central-1" } }, "backend.s3.bucket", "an S3 bucket name: 3 to 63 lowercase letters"],
    [{ s3: { bucket: "192.168.1.1", region: "eu-central-1" } }, "backend.s3.bucket", "an S3 bucket name"],
    [{ s3: { bucket: "state..bucket", region: "eu-central-1" } }, "backend.s3.bucket", "an S3 bucket name"],
    [{ s3: { bucket: "tf-state", region: "Frankfurt" } }, "backend.s3.region", "an AWS region name, such as eu-central-1 or us-gov-west-1"],
    [
      { s3: { bucket: "tf-state", region: "eu-central-1", key: "/abs/key" } },
      "backend.s3.key",
      "the state object's key, without a leading /",
    ],
    [
      { cloud: { organization: "acme corp", workspace: "w" } },
      "backend.cloud.organization",
      "the HCP Terraform / Terraform Enterprise organization: letters, digits, - and _",
    ],
  ])("a backend that is not what Terraform can use: %j", (backend, path, allowed) => {
    expect(messageFor([{ ...valid, backend }])).toContain(`  - deployments[0].${path}: given `);
    expect(messageFor([{ ...valid, backend }])).toContain(`; allowed: ${allowed}`);
  });

  it.each([
    [
      "a local file, one deployment's given path being another's default",
      [{ local: { path: "./Terraform.UAT.tfstate" } }, undefined],
      "local file terraform.uat.tfstate",
    ],
    [
      "an S3 object, whatever the region",
      [
        { s3: { bucket: "tf-state", region: "eu-central-1", key: "k.tfstate" } },
        { s3: { bucket: "tf-state", region: "eu-west-1", key: "k.tfstate" } },
      ],
      "s3 aws bucket tf-state key k.tfstate",
    ],
    [
      "an HCP Terraform workspace, whatever the case",
      [{ cloud: { organization: "Acme", workspace: "w" } }, { cloud: { organization: "acme", workspace: "W" } }],
      "cloud app.terraform.io organization acme workspace w",
    ],
    [
      "a local file spelled in NFC and in NFD (one file on macOS)",
      [{ local: { path: "\u00e9tat.tfstate" } }, { local: { path: "e\u0301tat.tfstate" } }],
      "local file \u00e9tat.tfstate",
    ],
    [
      "an S3 object on AWS, its endpoint written out or not",
      [
        { s3: { bucket: "tf-state", region: "eu-central-1", key: "k.tfstate" } },
        { s3: { bucket: "tf-state", region: "eu-central-1", key: "k.tfstate", endpoint: "https://s3.eu-central-1.amazonaws.com" } },
      ],
      "s3 aws bucket tf-state key k.tfstate",
    ],
    [
      "an S3 object on one store, its endpoint with a trailing slash and in capitals",
      [
        { s3: { bucket: "tf-state", region: "eu-central-1", key: "k.tfstate", endpoint: "https://minio.example:9000" } },
        { s3: { bucket: "tf-state", region: "eu-central-1", key: "k.tfstate", endpoint: "https://MinIO.example:9000/" } },
      ],
      "s3 https://minio.example:9000 bucket tf-state key k.tfstate",
    ],
    [
      "an S3 object on one store, its default port written out",
      [
        { s3: { bucket: "tf-state", region: "eu-central-1", key: "k.tfstate", endpoint: "https://minio.example" } },
        { s3: { bucket: "tf-state", region: "eu-central-1", key: "k.tfstate", endpoint: "https://minio.example:443" } },
      ],
      "s3 https://minio.example bucket tf-state key k.tfstate",
    ],
  ])("two deployments sharing one state are refused: %s", (_, [first, second], location) => {
    const deployments = [
      { ...valid, name: "production", backend: first },
      { ...valid, name: "uat", salesforce: { myDomain: "acme", sandbox: "uat" }, ...(second && { backend: second }) },
    ];
    expect(messageFor(deployments)).toBe(
      [
        "deployments.json has 1 problem:",
        `  - deployments[1].backend: given the state of deployments[0] ("production"): ${location}; allowed: a state of its own: two deployments in one state would each plan to delete the other's OAuth client`,
      ].join("\n"),
    );
  });

  it("the same bucket with other keys (S3 keys are case-sensitive), or another store's bucket of the same name, is not shared", () => {
    const deployments = [
      { ...valid, name: "production", backend: { s3: { bucket: "tf-state", region: "eu-central-1" } } },
      { ...valid, name: "uat", backend: { s3: { bucket: "tf-state", region: "eu-central-1" } } },
      { ...valid, name: "upper", backend: { s3: { bucket: "tf-state", region: "eu-central-1", key: "Prod.tfstate" } } },
      { ...valid, name: "lower", backend: { s3: { bucket: "tf-state", region: "eu-central-1", key: "prod.tfstate" } } },
      {
        ...valid,
        name: "minio",
        backend: {
          s3: {
            bucket: "tf-state",
            region: "eu-central-1",
            key: "genesys-scv-oauth-client/production.tfstate",
            endpoint: "https://minio.example:9000",
          },
        },
      },
    ];
    expect(() => parseDeployments(JSON.stringify({ deployments }), "f")).not.toThrow();
  });

  it("good backends pass: a nested local path, buckets with dots, GovCloud regions", () => {
    for (const backend of [
      { local: { path: "state/production.tfstate" } },
      { s3: { bucket: "acme.terraform-state", region: "us-gov-west-1", key: "genesys/production.tfstate" } },
      { cloud: { organization: "acme", workspace: "genesys-production", hostname: "tfe.acme.example" } },
    ]) {
      expect(() => parseDeployments(JSON.stringify({ deployments: [{ ...valid, backend }] }), "f")).not.toThrow();
    }
  });
});

describe("genesysCloud.credentials and genesysCloud.organizationId", () => {
  it("accept an environment variable prefix and a GUID", () => {
    const genesysCloud = { region: "eu-central-1", credentials: "ACME_EU", organizationId: "8f0a3b4c-1d2e-4f5a-8b6c-7d8e9f0a1b2c" };
    expect(parseDeployments(JSON.stringify({ deployments: [{ ...valid, genesysCloud }] }), "f")[0].genesysCloud).toEqual(genesysCloud);
  });

  it.each(["acme_eu", "ACME_EU_", "1ACME", "ACME-EU", "ACME EU"])("refuse the prefix %j", (credentials) => {
    expect(messageFor([{ ...valid, genesysCloud: { region: "us-east-1", credentials } }])).toMatch(
      /^deployments\.json has 1 problem:\n {2}- deployments\[0\]\.genesysCloud\.credentials: given .*; allowed: an environment variable prefix: capital letters, digits and underscores/,
    );
  });

  it("refuse an organizationId that is not a GUID", () => {
    expect(messageFor([{ ...valid, genesysCloud: { region: "us-east-1", organizationId: "acme" } }])).toMatch(
      / {2}- deployments\[0\]\.genesysCloud\.organizationId: given "acme"; allowed: the Genesys Cloud org's id, a GUID/,
    );
  });

  it("gateway: host, port and protocol checked; one path prefix per pathName", () => {
    const gateway = {
      host: "https://gw",
      port: 70000,
      protocol: "ftp",
      pathParams: [
        { pathName: "api", pathValue: "/x" },
        { pathName: "api", pathValue: "y" },
      ],
    };
    expect(messageFor([{ ...valid, genesysCloud: { region: "us-east-1", gateway } }])).toBe(
      [
        "deployments.json has 5 problems:",
        '  - deployments[0].genesysCloud.gateway.host: given "https://gw"; allowed: the gateway\'s host name or IPv4 address, without scheme, port or path (e.g. genesys-gateway.acme.example)',
        '  - deployments[0].genesysCloud.gateway.pathParams[0].pathValue: given "/x"; allowed: a path without leading or trailing slash: letters, digits, ., _, ~ and - in segments joined by / (e.g. genesys/api)',
        '  - deployments[0].genesysCloud.gateway.pathParams[1].pathName: given "api"; allowed: a pathName no other entry has (pathParams[0] is "api")',
        "  - deployments[0].genesysCloud.gateway.port: given 70000; allowed: the gateway's port: an integer from 1 to 65535",
        '  - deployments[0].genesysCloud.gateway.protocol: given "ftp"; allowed: https or http (http to another machine gets a warning)',
      ].join("\n"),
    );
  });

  it("s3 endpoint: an http(s) URL", () => {
    const s3 = { bucket: "tf-state", region: "us-east-1", endpoint: "ftp://x", usePathStyle: "yes" };
    const message = messageFor([{ ...valid, backend: { s3 } }]);
    expect(message).toContain(
      '  - deployments[0].backend.s3.endpoint: given "ftp://x"; allowed: the http(s) URL of an S3-compatible store',
    );
    expect(message).toContain('  - deployments[0].backend.s3.usePathStyle: given "yes"; allowed: true or false: path-style URLs');
  });
});

describe("loadDeployments: the file's encoding", () => {
  const dir = tempDir("encoding-");
  const text = JSON.stringify({ deployments: [valid] });
  const load = (name: string, bytes: Buffer) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return () => loadDeployments(file).deployments;
  };

  it("a UTF-8 byte order mark, as some Windows editors write, is accepted", () => {
    expect(load("bom.json", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))()).toEqual([valid]);
  });

  it("UTF-16 (with or without a byte order mark) is named as such", () => {
    expect(load("utf16le.json", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]))).toThrow(
      /has 1 problem:\n {2}- \(file\): given a UTF-16 text file \(Windows PowerShell's > and Out-File write these\): save it as UTF-8; allowed: a readable JSON file$/,
    );
    expect(load("utf16be.json", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]))).toThrow(
      /given a UTF-16 text file/,
    );
    expect(load("utf16-no-bom.json", Buffer.from(text, "utf16le"))).toThrow(
      /given a binary file or UTF-16 text without a byte order mark; allowed: a readable JSON file$/,
    );
  });

  it("bytes that are not UTF-8 (Latin-1) are named, with where", () => {
    expect(load("latin1.json", Buffer.from('{"deployments": [{"name": "caf\u00e9"}]}', "latin1"))).toThrow(
      /\(file\): given bytes that are not UTF-8 text \(at byte offset 30\); allowed: a readable JSON file, in UTF-8$/,
    );
  });
});

describe("comments in the deployments file", () => {
  it("are taken, // and /* */, as editors' JSONC has them; a problem after one is still at its own line and column", () => {
    const text = [
      "{",
      "  // The Salesforce orgs we serve.",
      '  "deployments": [ /* production first */',
      '    { "name": "production", "genesysCloud": { "region": "us-east-1" }, "salesforce": { "myDomain": "acme" } }',
      "  ]",
      "}",
    ].join("\n");
    expect(parseDeployments(text, "deployments.json").map((d) => d.name)).toEqual(["production"]);
    const broken = text.replace('"acme" } }', '"acme" } },');
    expect(() => parseDeployments(broken, "deployments.json")).toThrow(
      /\(line 5, column 3\): given "\]\\n\}"; allowed: JSON: a value here/,
    );
  });
});

describe("one client per Salesforce org", () => {
  it("two deployments adopting one client (in any letter case) are refused, both named", () => {
    const id = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    const deployments = [
      { ...valid, name: "production", oauthClient: { importClientId: id } },
      { ...valid, name: "uat", salesforce: { myDomain: "acme", sandbox: "uat" }, oauthClient: { importClientId: id.toUpperCase() } },
    ];
    expect(messageFor(deployments)).toBe(
      [
        "deployments.json has 1 problem:",
        `  - deployments[1].oauthClient.importClientId: given "${id.toUpperCase()}"; allowed: a client no other deployment adopts (deployments[0], "production", names it): one client serves one Salesforce org, and two deployments would undo each other's name and redirect URIs on every deploy`,
      ].join("\n"),
    );
  });
});
