/**
 * The CDK flavour: cdktf (0.21) or cdktn (CDK Terrain, 0.24), the CDK a stack and its elements are made with. (The
 * engine, in this project, is only ever Terraform or OpenTofu: lib/app/stack/engine.ts.) The package is built once per
 * flavour: its main entry loads cdktf 0.21, `genesys-scv-oauth-client/cdktn` loads cdktn 0.24 (scripts/package.mjs,
 * docs/cdk-terrain.md). The two flavours' stacks and elements recognise each other (the same Symbol.for markers) but
 * are not the same classes: a cdktn 0.24 stack holding cdktf 0.21 elements (a resource, a data source, a provider)
 * fails only at synth, with "e._resetResolveDiscoveredProviderFeatureUsage is not a function". These checks say so
 * when the element is made, naming the entry to import: for every class the package exports that makes an element
 * (the construct, and the provider through `flavourChecked`), and for the provider a construct is given. Each
 * flavour's classes carry their jsii type name (`cdktf.TerraformStack`, `cdktn.TerraformProvider`), which a stack's,
 * a provider's or a resource's class inherits from the flavour's own.
 */
import { TerraformStack } from "cdktf";
import { IConstruct } from "constructs";

const JSII_TYPE = Symbol.for("jsii.rtti");
/** The package's entry for each flavour. */
const ENTRIES: Readonly<Record<string, string>> = { cdktf: "genesys-scv-oauth-client", cdktn: "genesys-scv-oauth-client/cdktn" };

/** The flavour a class belongs to ("cdktf", "cdktn"), from its jsii type name; undefined when it has none. */
function flavourOf(cdkClass: unknown): string | undefined {
  const type = (cdkClass as { [JSII_TYPE]?: { fqn?: unknown } } | undefined)?.[JSII_TYPE];
  return typeof type?.fqn === "string" ? type.fqn.split(".")[0] : undefined;
}

/** This build's flavour: the one whose TerraformStack it loaded. */
const OURS = flavourOf(TerraformStack);

/** The stack `scope` is in, or undefined when it is in none (the element's own constructor then says so). */
function stackOf(scope: IConstruct): TerraformStack | undefined {
  try {
    return TerraformStack.of(scope);
  } catch {
    return undefined;
  }
}

/** `: import it from "<entry>"` for a flavour the package has an entry for, else nothing. */
const importFrom = (flavour: string) => (Object.hasOwn(ENTRIES, flavour) ? `: import it from "${ENTRIES[flavour]}"` : "");

/**
 * The message when `scope`'s stack is another flavour's than the one this build of the package loaded, for an element
 * of the package's class `className` made in it; else undefined.
 */
export function flavourMismatch(scope: IConstruct, className = "ServiceCloudVoiceOAuthClient"): string | undefined {
  const stack = stackOf(scope);
  const theirs = stack && flavourOf(stack.constructor);
  if (stack === undefined || theirs === undefined || OURS === undefined || theirs === OURS) return undefined;
  return `The stack "${stack.node.path}" is a ${theirs} stack, but this ${className} was loaded from the package's ${OURS} entry, whose resources a ${theirs} stack cannot synthesize${importFrom(theirs)}.`;
}

/**
 * The message when `provider`, given to the construct at `scope`, is another flavour's than `scope`'s stack (a
 * GenesyscloudProvider from the package's other entry, or bindings an app generated with the other flavour's `get`);
 * else undefined.
 */
export function providerFlavourMismatch(scope: IConstruct, provider: IConstruct | undefined): string | undefined {
  const stack = provider && stackOf(scope);
  const [theirs, ours] = [flavourOf(provider?.constructor), stack && flavourOf(stack.constructor)];
  if (provider === undefined || stack === undefined || theirs === undefined || ours === undefined || theirs === ours) return undefined;
  const instead = Object.hasOwn(ENTRIES, ours)
    ? `: take GenesyscloudProvider from "${ENTRIES[ours]}", or bindings that \`${ours} get\` generated`
    : "";
  return `The provider "${provider.node.path}" given to the ServiceCloudVoiceOAuthClient "${scope.node.path}" is a ${theirs} provider, but the stack "${stack.node.path}" is a ${ours} stack, which cannot synthesize it${instead}.`;
}

/**
 * `binding`, a class this build of the package exports whose constructor takes a scope first (a generated provider,
 * resource or data source), such that making one in another flavour's stack throws `flavourMismatch`'s message naming
 * `className`, before anything is added to the stack. It is otherwise the class itself: `instanceof`, its statics and
 * subclasses behave as the generated class's, whose instances (made by the construct, say) are its instances too.
 */
export function flavourChecked<C extends abstract new (scope: IConstruct, ...rest: never[]) => object>(binding: C, className: string): C {
  return new Proxy(binding, {
    construct(target, args, newTarget) {
      const mismatch = args[0] !== null && typeof args[0] === "object" ? flavourMismatch(args[0] as IConstruct, className) : undefined;
      if (mismatch) throw new Error(mismatch);
      return Reflect.construct(target, args, newTarget) as object;
    },
  });
}
