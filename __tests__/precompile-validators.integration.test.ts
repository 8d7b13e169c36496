/**
 * The validators the build precompiles (scripts/precompile-validators.cjs, bundled in place of
 * lib/shared/precompiled-validators.ts) are the schemas' own: for every declared schema, on its sample file and on
 * random changes of it (fast-check), the precompiled validator and Ajv's compile at run time agree on valid or not and
 * on every error.
 */
import Ajv, { ErrorObject, ValidateFunction } from "ajv";
import fc from "fast-check";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { precompiledValidators } from "../scripts/precompile-validators.cjs";
import { ajvOptions, declaredSchemas } from "../lib/shared/json-input";
import "../lib/cli/main";

const root = join(__dirname, "..");
const fixture = (file: string): unknown => JSON.parse(readFileSync(join(__dirname, "fixtures", file), "utf8"));
/** A valid document of each declared schema: what the random changes start from. */
const SAMPLES: Record<string, unknown> = {
  deployments: fixture("deployments/every-shape.json"),
  plan: fixture("plans/update.json"),
  "drift-reports": fixture("drift-reports/production.json"),
};

let precompiled: Record<string, ValidateFunction>;
beforeAll(async () => {
  const loaded = { exports: {} as { precompiled: Record<string, ValidateFunction> } };
  new Function("module", "exports", "require", await precompiledValidators(root))(loaded, loaded.exports, require);
  precompiled = loaded.exports.precompiled;
}, 60_000);

/** What a validation says, as plain data (the errors' schema objects as JSON: TypeBox's symbol keys are no part of it). */
function verdict(validate: ValidateFunction, data: unknown): { valid: boolean; errors: unknown } {
  const valid = validate(structuredClone(data)) as boolean;
  return { valid, errors: JSON.parse(JSON.stringify(validate.errors ?? null)) as ErrorObject[] | null };
}

/** The document with the value at one of its places replaced (or the key removed, with `undefined`). */
function changed(document: unknown, pick: number, key: string, value: unknown): unknown {
  const copy = structuredClone(document);
  const places: Record<string, unknown>[] = [];
  const walk = (node: unknown) => {
    if (typeof node !== "object" || node === null) return;
    places.push(node as Record<string, unknown>);
    Object.values(node).forEach(walk);
  };
  walk(copy);
  const place = places[pick % places.length];
  const keys = Object.keys(place);
  const at = keys.length > 0 && pick % 3 !== 0 ? keys[pick % keys.length] : key;
  if (value === undefined) delete place[at];
  else place[at] = value;
  return copy;
}

describe("the build's precompiled validators", () => {
  it("cover every declared schema, each under its name", () => {
    expect(Object.keys(precompiled).sort()).toEqual([...declaredSchemas().keys()].sort());
    expect(Object.keys(SAMPLES).sort()).toEqual([...declaredSchemas().keys()].sort());
  });

  it.each([...declaredSchemas()])("%s: the precompiled validator and the run-time compile agree", (name, { schema, annotations }) => {
    const atRunTime = new Ajv(ajvOptions(annotations)).compile(schema);
    const sample = SAMPLES[name];
    expect(verdict(precompiled[name], sample)).toEqual({ valid: true, errors: null });
    fc.assert(
      fc.property(
        fc.nat(),
        fc.string({ maxLength: 8 }),
        fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }),
        (pick, key, value) => {
          const data = changed(sample, pick, key, value);
          expect(verdict(precompiled[name], data)).toEqual(verdict(atRunTime, data));
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (data) => {
        expect(verdict(precompiled[name], data)).toEqual(verdict(atRunTime, data));
      }),
      { numRuns: 100 },
    );
  });
});

it("the built bin carries them: no command compiles a declared schema at start-up", () => {
  const bin = readFileSync(join(root, "dist/cli/genesys-scv-oauth-client.js"), "utf8");
  for (const name of declaredSchemas().keys()) expect(bin).toContain(`precompiled[${JSON.stringify(name)}] = (() => {`);
});

it("a cache file is reused only while it was made from the same code and packages", async () => {
  const cache = join(mkdtempSync(join(tmpdir(), "scv-validators-")), "cache.js");
  const made = await precompiledValidators(root, { cache });
  expect(readFileSync(cache, "utf8")).toBe(made);
  writeFileSync(cache, `${made}// kept\n`);
  expect(await precompiledValidators(root, { cache })).toBe(`${made}// kept\n`);
  writeFileSync(cache, made.replace(/^\/\/ precompiled validators of [0-9a-f]+/, "// precompiled validators of 0000"));
  expect(await precompiledValidators(root, { cache })).toBe(made);
}, 60_000);
