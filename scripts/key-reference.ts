/**
 * docs/deployments.md's key reference: one row per key of a deployment, written from the deployments file's schema
 * (lib/app/deployments/schema.ts, whose salesforce and oauthClient sections are the construct's props) by
 * `npm run schema`, between the markers below. A test fails when the doc holds another table.
 */
import { deploymentSchema } from "../lib/app/deployments/schema";
import { DEFAULT_TEXT } from "../lib/construct/internal";

export const KEY_REFERENCE_START =
  "<!-- key-reference: start (written by npm run schema from lib/app/deployments/schema.ts; do not edit) -->";
export const KEY_REFERENCE_END = "<!-- key-reference: end -->";

/** The part of a JSON Schema the table reads. */
interface KeySchema {
  readonly type?: string;
  readonly description?: string;
  readonly default?: unknown;
  readonly [DEFAULT_TEXT]?: string;
  readonly properties?: Readonly<Record<string, KeySchema>>;
  readonly required?: readonly string[];
  readonly items?: KeySchema;
}

/** The Markdown table: key, type, default (or required), what is allowed. */
export function keyReference(schema: KeySchema = deploymentSchema): string {
  return ["| key | type | default | allowed |", "|---|---|---|---|", ...rows(schema, "")].join("\n");
}

function rows(schema: KeySchema, at: string): string[] {
  return Object.entries(schema.properties ?? {}).flatMap(([key, property]) => {
    const path = `${at}${key}`;
    const row = `| \`${path}\` | ${typeOf(property)} | ${defaultOf(property, schema.required?.includes(key) ?? false)} | ${cell(property.description ?? "")} |`;
    // A list of objects: its items' keys, under `key[]`.
    const inner = property.items?.properties ? rows(property.items, `${path}[].`) : rows(property, `${path}.`);
    return [row, ...inner];
  });
}

function typeOf(schema: KeySchema): string {
  return schema.type === "array" ? `${schema.items?.type ?? "any"}[]` : (schema.type ?? "any");
}

function defaultOf(schema: KeySchema, required: boolean): string {
  if (required) return "required";
  if (schema.default !== undefined) return `\`${JSON.stringify(schema.default)}\``;
  return schema[DEFAULT_TEXT] !== undefined ? cell(schema[DEFAULT_TEXT]) : "none";
}

/** Text as a table cell shows it: a pipe would end the cell, and <name> would be taken for an HTML tag. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The doc with the table between its markers replaced by `table`; throws when the markers are missing. */
export function withKeyReference(doc: string, table = keyReference()): string {
  const start = doc.indexOf(KEY_REFERENCE_START);
  const end = doc.indexOf(KEY_REFERENCE_END);
  if (start < 0 || end < start) throw new Error(`the key reference's markers are missing: ${KEY_REFERENCE_START} ... ${KEY_REFERENCE_END}`);
  return `${doc.slice(0, start + KEY_REFERENCE_START.length)}\n${table}\n${doc.slice(end)}`;
}
