/**
 * `cdktf synth --hcl`, the way off CDKTF, must write HCL that Terraform loads as it loads the JSON. cdktf 0.21 (its
 * last release) writes three things wrongly: a lifecycle's precondition and postcondition as attributes
 * (`postcondition = [{ ... }]`, where Terraform wants blocks), and depends_on, ignore_changes and replace_triggered_by
 * entries as quoted strings (where Terraform wants bare references). HCL_EXPORT, a cdktf Aspect, gives its renderer
 * the typed form it draws blocks and references from. Aspects run when the app synthesizes, so whatever was set
 * after construction (a lifecycle, ignoreChanges, dependsOn) is written; the JSON output is left exactly as cdktf
 * writes it.
 */
import {
  App,
  DefaultTokenResolver,
  IAspect,
  StringConcat,
  TerraformDataSource,
  TerraformResource,
  TerraformResourceLifecycle,
  Tokenization,
} from "cdktf";
import { IConstruct } from "constructs";

class HclExport implements IAspect {
  visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource || node instanceof TerraformDataSource) || !App.of(node).hclOutput) return;
    lifecycleForHcl(node);
    dependsOnForHcl(node);
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
  const address = (item: unknown) => String(Tokenization.resolve(item, { scope: element, resolver, preparing: false })).replace(/^\$\{(.*)\}$/s, "$1");
  const value = items === "all" ? "all" : `[${items.map(address).join(", ")}]`;
  return { value, type: "simple", storageClassType: "reference" };
}

function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
