/** The committed provider schema snapshot, served over the protocol exactly as `terraform providers schema -json` has it. */
import { readFileSync } from "fs";
import { join } from "path";
import { SchemaBlock } from "./values";

// The plugin runs bundled from a temporary folder: its wrapper says where the project is.
export const root = process.env.SCV_PROJECT_ROOT ?? join(__dirname, "../../..");
const cdktf = JSON.parse(readFileSync(join(root, "cdktf.json"), "utf8"));
export const PROVIDER_VERSION: string = cdktf.terraformProviders[0].split("@")[1];
const snapshot = JSON.parse(readFileSync(join(root, `provider-schema/genesyscloud-${PROVIDER_VERSION}.json`), "utf8"));
const provider = snapshot.provider_schemas["registry.terraform.io/mypurecloud/genesyscloud"];

export interface JsonSchema {
  version: number;
  block: SchemaBlock & { description?: string; description_kind?: string };
}

export const providerSchema: JsonSchema = provider.provider;
export const resourceSchemas: Record<string, JsonSchema> = provider.resource_schemas;
export const dataSourceSchemas: Record<string, JsonSchema> = provider.data_source_schemas;

const NESTING: Record<string, number> = { single: 1, list: 2, set: 3, map: 4, group: 5 };
const KIND: Record<string, number> = { plain: 0, markdown: 1 };

/** A schema in the protocol's message shape (proto-loader, keepCase). */
export function toProtoSchema(schema: JsonSchema): object {
  return { version: schema.version, block: toProtoBlock(schema.block) };
}

function toProtoBlock(block: JsonSchema["block"]): object {
  return {
    attributes: Object.entries(block.attributes ?? {}).map(([name, a]: [string, any]) => ({
      name,
      type: Buffer.from(JSON.stringify(a.type)),
      description: a.description ?? "",
      description_kind: KIND[a.description_kind ?? "plain"],
      required: Boolean(a.required),
      optional: Boolean(a.optional),
      computed: Boolean(a.computed),
      sensitive: Boolean(a.sensitive),
    })),
    block_types: Object.entries(block.block_types ?? {}).map(([type_name, b]) => ({
      type_name,
      block: toProtoBlock(b.block),
      nesting: NESTING[b.nesting_mode],
      min_items: 0,
      max_items: b.max_items ?? 0,
    })),
    description: block.description ?? "",
    description_kind: KIND[block.description_kind ?? "plain"],
  };
}
