import Ajv from "ajv";
import { readFileSync } from "fs";
import { join } from "path";
import { PROP_SECTIONS } from "../../lib/app/deployments";
import { deploymentsSchema } from "../../lib/app/deployments-schema";
import { GENESYS_CLOUD_REGION_NAMES } from "../../lib/app/regions";
import { PROP_NAMES } from "../../lib/construct/oauth-client-settings";

const root = join(__dirname, "../..");

describe("deployments JSON Schema", () => {
  it("is a valid draft-07 schema (the app skips this check at run time)", () => {
    const ajv = new Ajv({ strict: true });
    expect(ajv.validateSchema(deploymentsSchema)).toBe(true);
    expect(ajv.errors).toBeNull();
  });

  it("is what deployments.schema.json holds for editors (run `npm run schema` after changing it)", () => {
    const committed = JSON.parse(readFileSync(join(root, "deployments.schema.json"), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(deploymentsSchema)));
  });

  it("accepts the shipped deployments.json", () => {
    const validate = new Ajv({ strict: true }).compile(deploymentsSchema);
    expect(validate(JSON.parse(readFileSync(join(root, "deployments.json"), "utf8")))).toBe(true);
  });

  it("allows exactly the provider's regions", () => {
    expect(deploymentsSchema.properties.deployments.items.properties.genesysCloud.properties.region.enum).toEqual(
      GENESYS_CLOUD_REGION_NAMES,
    );
    expect(GENESYS_CLOUD_REGION_NAMES).toHaveLength(18);
  });

  it("declares in salesforce and oauthClient exactly the construct's props (but its provider), each once", () => {
    const declared = Object.values(PROP_SECTIONS).flatMap((section) => Object.keys(section.properties));
    expect(declared.sort()).toEqual(PROP_NAMES.filter((prop) => prop !== "provider").sort());
  });
});
