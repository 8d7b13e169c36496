import Ajv from "ajv";
import { readFileSync } from "fs";
import { join } from "path";
import { PROP_SECTIONS } from "../../../lib/app/deployments/deployments";
import { deploymentsSchema } from "../../../lib/app/deployments/schema";
import { GENESYS_CLOUD_REGION_NAMES } from "../../../lib/app/deployments/regions";
import { DEFAULT_TEXT, oauthClientPropsSchema } from "../../../lib/construct/internal";
import { KEY_REFERENCE_END, KEY_REFERENCE_START, keyReference, withKeyReference } from "../../../scripts/key-reference";

const root = join(__dirname, "../../..");

describe("deployments JSON Schema", () => {
  it("is a valid draft-07 schema (the app skips this check at run time)", () => {
    const ajv = new Ajv({ strict: true, keywords: [DEFAULT_TEXT] });
    expect(ajv.validateSchema(deploymentsSchema)).toBe(true);
    expect(ajv.errors).toBeNull();
  });

  it("is what deployments.schema.json holds for editors (run `npm run schema` after changing it)", () => {
    const committed = JSON.parse(readFileSync(join(root, "deployments.schema.json"), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(deploymentsSchema)));
  });

  it("accepts the shipped deployments.json", () => {
    const validate = new Ajv({ strict: true, keywords: [DEFAULT_TEXT] }).compile(deploymentsSchema);
    expect(validate(JSON.parse(readFileSync(join(root, "deployments.json"), "utf8")))).toBe(true);
  });

  it("allows exactly the provider's regions", () => {
    expect(deploymentsSchema.properties.deployments.items.properties.genesysCloud.properties.region.enum).toEqual(
      GENESYS_CLOUD_REGION_NAMES,
    );
    expect(GENESYS_CLOUD_REGION_NAMES).toHaveLength(18);
  });

  it("makes salesforce and oauthClient of the construct's props (but its provider), each once, as the construct's schema declares them", () => {
    const declared = Object.values(PROP_SECTIONS).flatMap((section) => Object.entries(section.properties));
    const { provider, ...props } = oauthClientPropsSchema.properties;
    expect(provider).toBeDefined();
    expect(declared.map(([key]) => key).sort()).toEqual(Object.keys(props).sort());
    for (const [key, schema] of declared) expect(JSON.stringify(schema)).toBe(JSON.stringify(props[key as keyof typeof props]));
  });

  it("says each key's default: a JSON value, or in words where there is none (a name made from the host, none at all)", () => {
    const keys = (schema: any, at: string): [string, any][] =>
      Object.entries<any>(schema.properties ?? {}).flatMap(([key, s]) => [[`${at}${key}`, s], ...keys(s.items ?? s, `${at}${key}.`)]);
    const required = (schema: any, at: string): string[] => [
      ...(schema.required ?? []).map((key: string) => `${at}${key}`),
      ...Object.entries<any>(schema.properties ?? {}).flatMap(([key, s]) => required(s.items ?? s, `${at}${key}.`)),
    ];
    const deployment = deploymentsSchema.properties.deployments.items;
    const optional = keys(deployment, "").filter(([key]) => !required(deployment, "").includes(key));
    expect(
      optional.filter(([, s]) => s.default === undefined && s[DEFAULT_TEXT] === undefined && s.type !== "object").map(([key]) => key),
    ).toEqual([]);
    expect(oauthClientPropsSchema.properties.tokenLifetimeSeconds.default).toBe(86400);
    expect(oauthClientPropsSchema.properties.name[DEFAULT_TEXT]).toBe("Salesforce Service Cloud Voice (<lightning host>)");
  });

  it("is what docs/deployments.md's key reference says, key by key (run `npm run schema` after changing it)", () => {
    const doc = readFileSync(join(root, "docs/deployments.md"), "utf8");
    const committed = doc.slice(doc.indexOf(KEY_REFERENCE_START) + KEY_REFERENCE_START.length, doc.indexOf(KEY_REFERENCE_END)).trim();
    expect(committed.split("\n")).toEqual(keyReference().split("\n"));
    expect(withKeyReference(doc)).toBe(doc);
  });
});

describe("the key reference", () => {
  const table = keyReference().split("\n");
  const row = (key: string) => table.find((line) => line.startsWith(`| \`${key}\` |`));

  it("has a row for every key of a deployment, nested ones and list items' too", () => {
    expect(table.slice(0, 2)).toEqual(["| key | type | default | allowed |", "|---|---|---|---|"]);
    for (const key of [
      "name",
      "genesysCloud.region",
      "genesysCloud.gateway.pathParams[].pathName",
      "salesforce.myDomain",
      "oauthClient.importClientId",
      "backend.s3.bucket",
      "allowSecondClient",
    ]) {
      expect(row(key)).toBeDefined();
    }
  });

  it("says required, a JSON default, or the default in words; escapes what Markdown would take for a tag or a cell's end", () => {
    expect(row("genesysCloud.region")).toMatch(
      /^\| `genesysCloud\.region` \| string \| required \| one of the Genesys Cloud regions: us-east-1, /,
    );
    expect(row("oauthClient.tokenLifetimeSeconds")).toMatch(
      /^\| `oauthClient\.tokenLifetimeSeconds` \| integer \| `86400` \| an integer number of seconds /,
    );
    expect(row("oauthClient.additionalScopes")).toMatch(/^\| `oauthClient\.additionalScopes` \| string\[\] \| `\[\]` \| /);
    expect(row("oauthClient.name")).toMatch(
      /^\| `oauthClient\.name` \| string \| Salesforce Service Cloud Voice \(&lt;lightning host&gt;\) \| /,
    );
    expect(keyReference({ properties: { a: { type: "string", description: "x | y" } } })).toContain("| `a` | string | none | x \\| y |");
  });

  it("goes between the markers, and nowhere without them", () => {
    expect(withKeyReference(`intro\n${KEY_REFERENCE_START}\nold\n${KEY_REFERENCE_END}\nrest`, "new")).toBe(
      `intro\n${KEY_REFERENCE_START}\nnew\n${KEY_REFERENCE_END}\nrest`,
    );
    expect(() => withKeyReference("no markers")).toThrow(/markers are missing/);
  });
});
