/**
 * `cdktf synth --hcl`, the way off CDKTF, must write HCL that Terraform loads as it loads the JSON. cdktf 0.21 (its
 * last release) writes two things wrongly: a lifecycle's precondition and postcondition as attributes
 * (`postcondition = [{ ... }]`, where Terraform wants blocks), and a depends_on entry as a quoted string (where
 * Terraform wants a bare reference). For HCL output only, these give its renderer the typed form it draws blocks and
 * references from; the JSON output is left exactly as it was.
 */
import { App, TerraformDataSource, TerraformResource, TerraformResourceLifecycle } from "cdktf";
import { IConstruct } from "constructs";

function hclOutput(scope: IConstruct): boolean {
  return App.of(scope).hclOutput;
}

/** The element's lifecycle, written as HCL blocks: call it once the lifecycle is complete. */
export function lifecycleForHcl(element: TerraformResource | TerraformDataSource): void {
  const lifecycle = element.lifecycle;
  if (!hclOutput(element) || !lifecycle) return;
  const { precondition, postcondition, ...rest } = lifecycle as TerraformResourceLifecycle;
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
    ...Object.fromEntries(Object.entries(rest).map(([key, v]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v])),
    ...conditions("precondition", precondition),
    ...conditions("postcondition", postcondition),
  };
  element.addOverride("lifecycle", { value, isBlock: true, type: "object" });
}

/**
 * depends_on on other resources or data sources, by address (`data.genesyscloud_organizations_me.organization`):
 * a plain string in JSON, as Terraform reads depends_on there; a bare reference in HCL.
 */
export function dependsOnAddresses(element: TerraformResource, addresses: readonly string[]): void {
  if (hclOutput(element)) {
    element.addOverride("depends_on", { value: `[${addresses.join(", ")}]`, type: "simple", storageClassType: "reference" });
  } else {
    element.addOverride("depends_on", [...addresses]);
  }
}
