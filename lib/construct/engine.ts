/**
 * The package is built once per engine: its main entry loads cdktf 0.21, `genesys-scv-oauth-client/cdktn` loads cdktn
 * 0.24 (scripts/package.mjs, docs/cdk-terrain.md). The two engines' stacks and resources recognise each other (the
 * same Symbol.for markers) but are not the same classes: a cdktn 0.24 stack holding the main entry's cdktf resources
 * fails only at synth, with "e._resetResolveDiscoveredProviderFeatureUsage is not a function". This check says so when
 * the construct is made, naming the entry to import. Each engine's classes carry their jsii type name
 * (`cdktf.TerraformStack`, `cdktn.TerraformStack`), and a stack's class inherits it from the engine's TerraformStack.
 */
import { TerraformStack } from "cdktf";
import { IConstruct } from "constructs";

const JSII_TYPE = Symbol.for("jsii.rtti");
/** The package's entry for each engine. */
const ENTRIES: Readonly<Record<string, string>> = { cdktf: "genesys-scv-oauth-client", cdktn: "genesys-scv-oauth-client/cdktn" };

/** The engine a stack class belongs to ("cdktf", "cdktn"), from its jsii type name; undefined when it has none. */
function engineOf(stackClass: unknown): string | undefined {
  const type = (stackClass as { [JSII_TYPE]?: { fqn?: unknown } } | undefined)?.[JSII_TYPE];
  return typeof type?.fqn === "string" ? type.fqn.split(".")[0] : undefined;
}

/** The message when `scope`'s stack is another engine's than the one this build of the package loaded, else undefined. */
export function engineMismatch(scope: IConstruct): string | undefined {
  const stack = TerraformStack.of(scope);
  const [theirs, ours] = [engineOf(stack.constructor), engineOf(TerraformStack)];
  if (theirs === undefined || ours === undefined || theirs === ours) return undefined;
  const entry = Object.hasOwn(ENTRIES, theirs) ? `: import it from "${ENTRIES[theirs]}"` : "";
  return `The stack "${stack.node.path}" is a ${theirs} stack, but this ServiceCloudVoiceOAuthClient was loaded from the package's ${ours} entry, whose resources a ${theirs} stack cannot synthesize${entry}.`;
}
