/**
 * JSON input checked against a JSON Schema, with every problem in the project's one shape (lib/problems.ts):
 * the path, the value there, and the schema's description of what is allowed. Used for the deployments file
 * and for Terraform plan files.
 */
import Ajv, { ErrorObject } from "ajv";
import { InputError, Problem } from "./problems";

export type SchemaChecker = (data: unknown) => Problem[];

/**
 * Compiles a schema once, on first use. The schema's own validity is a test's job, not a start-up cost
 * (validateSchema: false saves ~20 ms per run).
 */
export function schemaChecker(schema: object): SchemaChecker {
  let validate: ReturnType<Ajv["compile"]> | undefined;
  return (data) => {
    validate ??= new Ajv({ allErrors: true, verbose: true, strict: true, validateSchema: false }).compile(schema);
    return validate(data) ? [] : (validate.errors ?? []).map(schemaProblem);
  };
}

/** Parses JSON text; a syntax error is an InputError naming the line and column. */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(source, [jsonSyntaxProblem(text, (e as Error).message)]);
  }
}

function jsonSyntaxProblem(text: string, message: string): Problem {
  const position = /position (\d+)/.exec(message);
  if (!position) return { path: "(file)", given: text.slice(0, 40), allowed: `JSON (${message})` };
  const offset = Number(position[1]);
  const before = text.slice(0, offset).split("\n");
  const where = `line ${before.length}, column ${before[before.length - 1].length + 1}`;
  return { path: `(${where})`, given: text.slice(offset, offset + 20), allowed: `JSON (${message})` };
}

function schemaProblem(error: ErrorObject): Problem {
  const at = pathFromPointer(error.instancePath);
  const schema = error.parentSchema as { description?: string; properties?: Record<string, { description?: string }> };
  switch (error.keyword) {
    case "required": {
      const key = (error.params as { missingProperty: string }).missingProperty;
      return { path: joinPath(at, key), given: undefined, allowed: schema.properties?.[key]?.description ?? "a value" };
    }
    case "additionalProperties": {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(schema.properties ?? {}).join(", ");
      return {
        path: joinPath(at, key),
        given: (error.data as Record<string, unknown>)[key],
        allowed: `no key "${key}" here; the keys are: ${known}`,
      };
    }
    case "type": {
      // Leaf descriptions say their type in words ("an integer number of seconds ..."); objects' do not.
      const type = (error.params as { type: string }).type;
      return { path: at, given: error.data, allowed: type === "object" ? `an object: ${schema.description}` : `${schema.description}` };
    }
    default:
      return { path: at, given: error.data, allowed: schema.description ?? error.message ?? error.keyword };
  }
}

function pathFromPointer(pointer: string): string {
  const keys = pointer
    .split("/")
    .slice(1)
    .map((key) => key.replace(/~1/g, "/").replace(/~0/g, "~"));
  return keys.reduce(joinPath, "");
}

/** `a.b[0]["odd key"]`: the JSON path form every message uses. */
export function joinPath(path: string, key: string): string {
  if (/^\d+$/.test(key)) return `${path}[${key}]`;
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === "" ? key : `${path}.${key}`;
}
