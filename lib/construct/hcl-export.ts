/**
 * `cdktf synth --hcl`, the way off CDKTF, must write HCL that Terraform loads as it loads the JSON. cdktf 0.21 (its
 * last release) writes four things wrongly: a lifecycle's precondition and postcondition as attributes
 * (`postcondition = [{ ... }]`, where Terraform wants blocks); depends_on, ignore_changes and replace_triggered_by
 * entries as quoted strings (where Terraform wants bare references); and strings as they are, where HCL's quoted
 * strings need `\`, `"` and line breaks escaped (a name `C:\ path` broke `terraform init`), and a backend, which
 * Terraform never evaluates in JSON, needs `${` escaped in HCL. HCL_EXPORT, a cdktf Aspect, gives its renderer
 * the typed form it draws blocks and references from, and strings it writes as Terraform reads them back. Aspects run when the app synthesizes, so whatever was set
 * after construction (a lifecycle, ignoreChanges, dependsOn) is written; the JSON output is left exactly as cdktf
 * writes it. It also leaves out a stack's `removed` blocks (a raw override): addRemovedBlock writes them in both forms.
 */
import {
  App,
  DefaultTokenResolver,
  IAspect,
  StringConcat,
  TerraformBackend,
  TerraformDataSource,
  TerraformProvider,
  TerraformResource,
  TerraformResourceLifecycle,
  TerraformStack,
  Tokenization,
} from "cdktf";
import { IConstruct } from "constructs";

class HclExport implements IAspect {
  visit(node: IConstruct): void {
    const element = node instanceof TerraformResource || node instanceof TerraformDataSource;
    if (!(element || node instanceof TerraformProvider || node instanceof TerraformBackend) || !App.of(node).hclOutput) return;
    if (element) {
      lifecycleForHcl(node);
      dependsOnForHcl(node);
    }
    if (node instanceof TerraformBackend) writeStringsForHcl(node, (literal) => `"${hclQuoted(literal, false)}"`, backendStrings);
    else writeStringsForHcl(node, (template) => hclQuoted(template, true), attributeStrings);
  }
}

/** The one instance: added to several scopes (the construct, the app's stack), it still visits each element once. */
export const HCL_EXPORT: IAspect = new HclExport();

/** The element's lifecycle, written as HCL blocks and references. */
function lifecycleForHcl(element: TerraformResource | TerraformDataSource): void {
  const lifecycle = element.lifecycle as TerraformResourceLifecycle | undefined;
  if (!lifecycle) return;
  const { precondition, postcondition, ignoreChanges, replaceTriggeredBy, ...rest } = lifecycle;
  const conditions = (name: string, list: TerraformResourceLifecycle["precondition"]) =>
    list && list.length > 0
      ? {
          [name]: {
            value: list.map((c) => ({ condition: c.condition, error_message: c.errorMessage })),
            isBlock: true,
            type: "list",
            storageClassType: "object",
          },
        }
      : {};
  const value = {
    ...Object.fromEntries(Object.entries(rest).map(([key, v]) => [snakeCase(key), v])),
    ...(ignoreChanges === undefined ? {} : { ignore_changes: references(element, ignoreChanges === "all" ? "all" : ignoreChanges) }),
    ...(replaceTriggeredBy === undefined ? {} : { replace_triggered_by: references(element, replaceTriggeredBy) }),
    ...conditions("precondition", precondition),
    ...conditions("postcondition", postcondition),
  };
  element.addOverride("lifecycle", { value, isBlock: true, type: "object" });
}

/** depends_on as references (`[data.genesyscloud_organizations_me.organization]`), not strings. */
function dependsOnForHcl(element: TerraformResource | TerraformDataSource): void {
  if (!element.dependsOn || element.dependsOn.length === 0) return;
  element.addOverride("depends_on", references(element, element.dependsOn));
  // The override takes its place: cdktf would merge the two lists into one that renders as neither.
  element.dependsOn = undefined;
}

/** Addresses (or a dependable's token, or `all`) as one bare HCL expression: a list of references, or the keyword. */
function references(element: IConstruct, items: readonly unknown[] | "all") {
  const resolver = new DefaultTokenResolver(new StringConcat());
  // A dependable resolves to its address; a reference written as "${...}" loses the braces.
  const address = (item: unknown) =>
    String(Tokenization.resolve(item, { scope: element, resolver, preparing: false })).replace(/^\$\{(.*)\}$/s, "$1");
  const value = items === "all" ? "all" : `[${items.map(address).join(", ")}]`;
  return { value, type: "simple", storageClassType: "reference" };
}

function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

type StringMapper = (text: string) => string;
const REWRITTEN = Symbol("HCL strings");

/**
 * Hands the renderer the element's strings rewritten for HCL, whenever it asks (at synth, after every change). A
 * resource's, data source's or provider's string is a template, as in the JSON: its interpolations stay as they are.
 * A backend's string is literal text, and is given to the renderer as a whole quoted string, which it writes as is.
 */
function writeStringsForHcl(
  element: IConstruct,
  rewrite: StringMapper,
  walk: (attributes: Record<string, unknown>, rewrite: StringMapper) => Record<string, unknown>,
): void {
  const target = element as unknown as { synthesizeHclAttributes(): Record<string, unknown>; [REWRITTEN]?: true };
  if (target[REWRITTEN]) return;
  const original = target.synthesizeHclAttributes.bind(element);
  target.synthesizeHclAttributes = () => walk(original(), rewrite);
  target[REWRITTEN] = true;
}

/** cdktf's typed attributes (`{ value, isBlock, type, storageClassType }`): string values, string lists, nested blocks. */
function attributeStrings(attributes: Record<string, unknown>, rewrite: StringMapper): Record<string, unknown> {
  type Typed = { value: unknown; isBlock?: boolean; storageClassType?: string };
  const one = (given: unknown): unknown => {
    if (given === null || typeof given !== "object" || !("value" in given)) return given;
    const a = given as Typed;
    if (typeof a.value === "string" && a.storageClassType === "string") return { ...a, value: rewrite(a.value) };
    if (Array.isArray(a.value) && a.storageClassType === "stringList")
      return { ...a, value: a.value.map((v: unknown) => (typeof v === "string" ? rewrite(v) : v)) };
    if (a.isBlock && a.value !== null && typeof a.value === "object") {
      return {
        ...a,
        value: Array.isArray(a.value)
          ? a.value.map((b: Record<string, unknown>) => attributeStrings(b, rewrite))
          : attributeStrings(a.value as Record<string, unknown>, rewrite),
      };
    }
    return a;
  };
  return Object.fromEntries(Object.entries(attributes).map(([key, a]) => [key, one(a)]));
}

/** A backend's plain values: every string in plain objects and lists. */
function backendStrings<T>(value: T, rewrite: StringMapper): T;
function backendStrings(value: unknown, rewrite: StringMapper): unknown {
  if (typeof value === "string") return rewrite(value);
  if (Array.isArray(value)) return value.map((v) => backendStrings(v, rewrite));
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, backendStrings(v, rewrite)]));
  }
  return value;
}

const HCL_ESCAPES: Record<string, string> = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * The text between the quotes of an HCL string that Terraform reads as `text`. With `template`, `text` is a
 * Terraform template as the JSON has it: its interpolations and directives (`${...}`, `%{...}`) and its escapes
 * (`$${`, `%%{`) stay as they are. Otherwise `text` is literal, and a `${` or `%{` in it is written as a \u escape,
 * which the renderer does not take for an expression.
 */
export function hclQuoted(text: string, template: boolean): string {
  let out = "";
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (c === "$" || c === "%") {
      if (template && text[i + 1] === c && text[i + 2] === "{") {
        out += text.slice(i, i + 3);
        i += 3;
        continue;
      }
      if (text[i + 1] === "{") {
        if (!template) {
          out += `\\u00${c === "$" ? "24" : "25"}{`;
          i += 2;
          continue;
        }
        const end = endOfExpression(text, i + 2);
        out += text.slice(i, end);
        i = end;
        continue;
      }
    }
    const code = c.charCodeAt(0);
    out += HCL_ESCAPES[c] ?? (code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, "0")}` : c);
    i += 1;
  }
  return out;
}

/** The index just past the `}` that closes an interpolation or directive opened before `from`, quoted strings skipped. */
function endOfExpression(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i + 1;
  }
  return text.length;
}

/** A `removed` block: which resource Terraform stops managing, and whether it deletes the object (destroy). */
export interface RemovedBlock {
  /** The resource's address, `<type>.<name>`. */
  readonly from: string;
  readonly destroy: boolean;
}

const REMOVED_FOR_HCL = Symbol("removed blocks in HCL");
const ADDRESS = /^[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*$/;

/**
 * Adds a `removed` block to the stack, in both forms: the stack's override in the JSON (cdktf has no element for it),
 * and the same block in the HCL, which cdktf 0.21's renderer would leave out (of a stack's raw overrides it writes
 * `terraform` alone). Several blocks in one stack add up.
 */
export function addRemovedBlock(stack: TerraformStack, block: RemovedBlock): void {
  if (!ADDRESS.test(block.from)) throw new Error(`a removed block's from must be a resource address, not ${JSON.stringify(block.from)}`);
  const target = stack as unknown as {
    rawOverrides: { removed?: { from: string; lifecycle: { destroy: boolean } }[] };
    toHclTerraform(): { hcl: string; metadata: unknown };
    [REMOVED_FOR_HCL]?: true;
  };
  stack.addOverride("removed", [...(target.rawOverrides.removed ?? []), { from: block.from, lifecycle: { destroy: block.destroy } }]);
  if (target[REMOVED_FOR_HCL]) return;
  const original = target.toHclTerraform.bind(stack);
  target.toHclTerraform = () => {
    const rendered = original();
    const blocks = (target.rawOverrides.removed ?? []).map(
      (r) => `removed {\n  from = ${r.from}\n  lifecycle {\n    destroy = ${r.lifecycle.destroy}\n  }\n}`,
    );
    return blocks.length === 0 ? rendered : { ...rendered, hcl: `${rendered.hcl}\n\n${blocks.join("\n\n")}\n` };
  };
  target[REMOVED_FOR_HCL] = true;
}
