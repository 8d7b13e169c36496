import Ajv from "ajv";
import { readFileSync } from "fs";
import { join } from "path";
import { PROP_SECTIONS } from "../../lib/app/deployments";
import { deploymentsSchema } from "../../lib/app/deployments-schema";
import { GENESYS_CLOUD_REGION_NAMES } from "../../lib/app/regions";
import { DEFAULT_TEXT, oauthClientPropsSchema } from "../../lib/construct/internal";

const root = join(__dirname, "../..");

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
    const required = (schema: any, at: string): string[] =>
      [...(schema.required ?? []).map((key: string) => `${at}${key}`), ...Object.entries<any>(schema.properties ?? {}).flatMap(([key, s]) => required(s.items ?? s, `${at}${key}.`))];
    const deployment = deploymentsSchema.properties.deployments.items;
    const optional = keys(deployment, "").filter(([key]) => !required(deployment, "").includes(key));
    expect(optional.filter(([, s]) => s.default === undefined && s[DEFAULT_TEXT] === undefined && s.type !== "object").map(([key]) => key)).toEqual([]);
    expect(oauthClientPropsSchema.properties.tokenLifetimeSeconds.default).toBe(86400);
    expect(oauthClientPropsSchema.properties.name[DEFAULT_TEXT]).toBe("Salesforce Service Cloud Voice (<lightning host>)");
  });
});
