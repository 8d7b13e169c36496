/**
 * Terraform values over the plugin protocol: cty's MessagePack encoding, read and written against the schema.
 * An object carries every attribute of its block (null where unset); a set or list block with no entries is an
 * empty list; unknown values are MessagePack extension 0 (Terraform 1.6+ also sends refined unknowns as 12).
 */
import { decode, encode, ExtensionCodec } from "@msgpack/msgpack";

export const UNKNOWN = Symbol("unknown");

const codec = new ExtensionCodec();
codec.register({ type: 0, encode: (value) => (value === UNKNOWN ? new Uint8Array(0) : null), decode: () => UNKNOWN });
codec.register({ type: 12, encode: () => null, decode: () => UNKNOWN });

export interface SchemaBlock {
  attributes?: Record<string, SchemaAttribute>;
  block_types?: Record<string, { nesting_mode: string; block: SchemaBlock; max_items?: number }>;
}
export interface SchemaAttribute {
  type: unknown;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
}

export type Value = Record<string, unknown>;

export function decodeValue(dynamic: { msgpack?: Uint8Array; json?: Uint8Array } | null | undefined): unknown {
  if (dynamic?.msgpack && dynamic.msgpack.length > 0) return decode(dynamic.msgpack, { extensionCodec: codec, useBigInt64: false });
  if (dynamic?.json && dynamic.json.length > 0) return JSON.parse(Buffer.from(dynamic.json).toString("utf8"));
  return null;
}

/** Encodes an object of `block`'s shape (or null), every attribute present. */
export function encodeValue(block: SchemaBlock, value: Value | null): { msgpack: Uint8Array } {
  return { msgpack: encode(value === null ? null : conform(block, value), { extensionCodec: codec, ignoreUndefined: false }) };
}

/** The object with exactly `block`'s attributes and nested blocks: missing ones null (or an empty list for blocks). */
export function conform(block: SchemaBlock, value: Value): Value {
  const out: Value = {};
  for (const name of Object.keys(block.attributes ?? {})) out[name] = value[name] ?? null;
  for (const [name, nested] of Object.entries(block.block_types ?? {})) {
    const entries = value[name];
    if (nested.nesting_mode === "single" || nested.nesting_mode === "group") {
      out[name] = entries && typeof entries === "object" ? conform(nested.block, entries as Value) : null;
    } else {
      out[name] = Array.isArray(entries) ? entries.map((entry) => conform(nested.block, entry as Value)) : [];
    }
  }
  return out;
}

export function isKnown(value: unknown): boolean {
  if (value === UNKNOWN) return false;
  if (Array.isArray(value)) return value.every(isKnown);
  if (value && typeof value === "object") return Object.values(value).every(isKnown);
  return true;
}
