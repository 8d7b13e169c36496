import { TerraformElement, TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { GenesyscloudProvider as GeneratedProvider } from "../../.gen/providers/genesyscloud/provider";
import * as publicEntry from "../../lib/construct";
import { GenesyscloudProvider, ServiceCloudVoiceOAuthClient } from "../../lib/construct";
import { flavourMismatch } from "../../lib/construct/cdk-flavour";

const JSII_TYPE = Symbol.for("jsii.rtti");

/** A stack whose class says it is another CDK flavour's, as a cdktn 0.24 TerraformStack's does ({ fqn: "cdktn.TerraformStack" }). */
function stackOf(flavour: string) {
  class OtherFlavourStack extends TerraformStack {
    static readonly [JSII_TYPE] = { fqn: `${flavour}.TerraformStack`, version: "0.24.0" };
  }
  return new OtherFlavourStack(Testing.app(), "service-cloud-voice");
}

/** The Terraform elements (resources, data sources, providers) in `stack`. */
const elementsIn = (stack: TerraformStack) => stack.node.findAll().filter((c) => TerraformElement.isTerraformElement(c));

type ScopedClass = new (scope: Construct, id: string, config: object) => Construct;

/** Every class the public entry exports that makes a construct: what a cdktn app can take from the wrong entry. */
const constructClasses = (Object.entries(publicEntry) as [string, unknown][]).filter(
  (entry): entry is [string, ScopedClass] => typeof entry[1] === "function" && entry[1].prototype instanceof Construct,
);

describe("the CDK flavour check", () => {
  it("passes a stack of the flavour this build loaded, and a subclass of it", () => {
    class ServiceCloudVoice extends TerraformStack {}
    expect(flavourMismatch(new TerraformStack(Testing.app(), "plain"))).toBeUndefined();
    expect(flavourMismatch(new ServiceCloudVoice(Testing.app(), "sub"))).toBeUndefined();
  });

  it("refuses a cdktn stack for the cdktf build, naming the entry to import, before any resource is made", () => {
    const stack = stackOf("cdktn");
    expect(() => new ServiceCloudVoiceOAuthClient(stack, "acme", { myDomain: "acme" })).toThrow(
      new Error(
        'The stack "service-cloud-voice" is a cdktn stack, but this ServiceCloudVoiceOAuthClient was loaded from the package\'s cdktf entry, whose resources a cdktn stack cannot synthesize: import it from "genesys-scv-oauth-client/cdktn".',
      ),
    );
    expect(elementsIn(stack)).toEqual([]);
  });

  it("names no entry for a flavour the package has none for", () => {
    expect(flavourMismatch(stackOf("cdk8s"))).toMatch(/is a cdk8s stack, .* cannot synthesize\.$/);
  });
});

describe("the CDK flavour check covers every class the package exports that makes a construct", () => {
  it("which are the construct and the provider a user passes to it", () => {
    expect(constructClasses.map(([name]) => name).sort()).toEqual(["GenesyscloudProvider", "ServiceCloudVoiceOAuthClient"]);
  });

  it.each(constructClasses)(
    "%s, made in another flavour's stack, throws one message naming it and the entry, and adds nothing",
    (name, made) => {
      const stack = stackOf("cdktn");
      expect(() => new made(stack, "made", { myDomain: "acme" })).toThrow(
        new Error(
          `The stack "service-cloud-voice" is a cdktn stack, but this ${name} was loaded from the package's cdktf entry, whose resources a cdktn stack cannot synthesize: import it from "genesys-scv-oauth-client/cdktn".`,
        ),
      );
      expect(elementsIn(stack)).toEqual([]);
    },
  );

  it("a subclass of an exported binding is checked too", () => {
    class MyProvider extends GenesyscloudProvider {}
    expect(() => new MyProvider(stackOf("cdktn"), "mine", {})).toThrow(
      /this GenesyscloudProvider was loaded from the package's cdktf entry/,
    );
    expect(new MyProvider(new TerraformStack(Testing.app(), "s"), "mine", {})).toBeInstanceOf(GeneratedProvider);
  });

  it("an exported binding is otherwise the generated class: instanceof both ways, its statics, its name", () => {
    const stack = new TerraformStack(Testing.app(), "service-cloud-voice");
    const provider = new GenesyscloudProvider(stack, "genesyscloud", { alias: "us" });
    expect(provider).toBeInstanceOf(GeneratedProvider);
    expect(provider.constructor).toBe(GeneratedProvider);
    // A provider made with the generated class is the exported class's instance too.
    expect(new GeneratedProvider(stack, "generated", { alias: "eu" })).toBeInstanceOf(GenesyscloudProvider);
    expect(GenesyscloudProvider.tfResourceType).toBe(GeneratedProvider.tfResourceType);
    expect(GenesyscloudProvider.name).toBe("GenesyscloudProvider");
    expect(() => new ServiceCloudVoiceOAuthClient(stack, "acme", { provider, myDomain: "acme" })).not.toThrow();
    // A scope in no stack is left to cdktf, which says so in its own words.
    expect(flavourMismatch(Testing.app())).toBeUndefined();
  });
});

describe("the provider given to the construct", () => {
  /** A provider as the other flavour's bindings make it: its class inherits another flavour's jsii type name. */
  function providerOf(flavour: string, stack: TerraformStack) {
    class OtherFlavourProvider extends GeneratedProvider {
      static readonly [JSII_TYPE] = { fqn: `${flavour}.TerraformProvider`, version: "0.24.0" };
    }
    return new OtherFlavourProvider(stack, "genesyscloud", { alias: "us" });
  }

  it("refuses another flavour's provider in a stack of this build's flavour, naming the entry to take it from, before any resource is made", () => {
    const stack = new TerraformStack(Testing.app(), "service-cloud-voice");
    const provider = providerOf("cdktn", stack);
    expect(() => new ServiceCloudVoiceOAuthClient(stack, "acme", { provider, myDomain: "acme" })).toThrow(
      new Error(
        'The provider "service-cloud-voice/genesyscloud" given to the ServiceCloudVoiceOAuthClient "service-cloud-voice/acme" is a cdktn provider, but the stack "service-cloud-voice" is a cdktf stack, which cannot synthesize it: take GenesyscloudProvider from "genesys-scv-oauth-client", or bindings that `cdktf get` generated.',
      ),
    );
    expect(elementsIn(stack)).toEqual([provider]);
  });

  it("takes a provider of the stack's flavour, the package's or the app's own bindings'", () => {
    const stack = new TerraformStack(Testing.app(), "service-cloud-voice");
    class OwnBindingsProvider extends GeneratedProvider {}
    const own = new OwnBindingsProvider(stack, "own", { alias: "own" });
    expect(() => new ServiceCloudVoiceOAuthClient(stack, "acme", { provider: own, myDomain: "acme" })).not.toThrow();
  });
});
