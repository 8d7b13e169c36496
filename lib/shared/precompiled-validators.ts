/**
 * The validators of the declared schemas (json-input.ts, schemaChecker), compiled ahead of time. Empty here: where
 * the sources run as they are (tests), each checker compiles its schema on first use. The bundled bin gets, in this
 * module's place, Ajv's standalone code of every declared schema (scripts/build.mjs), keyed by the schema's name.
 */
import type { ValidateFunction } from "ajv";

export const precompiled: Readonly<Record<string, ValidateFunction>> = {};
