import { TerraformStack, Testing } from "cdktf";
import { ServiceCloudVoiceOAuthClient } from "../../lib/construct";
import { engineMismatch } from "../../lib/construct/engine";

const JSII_TYPE = Symbol.for("jsii.rtti");

/** A stack whose class says it is another engine's, as a cdktn 0.24 TerraformStack's does ({ fqn: "cdktn.TerraformStack" }). */
function stackOf(engine: string) {
  class OtherEngineStack extends TerraformStack {
    static readonly [JSII_TYPE] = { fqn: `${engine}.TerraformStack`, version: "0.24.0" };
  }
  return new OtherEngineStack(Testing.app(), "service-cloud-voice");
}

describe("the engine check", () => {
  it("passes a stack of the engine this build loaded, and a subclass of it", () => {
    class ServiceCloudVoice extends TerraformStack {}
    expect(engineMismatch(new TerraformStack(Testing.app(), "plain"))).toBeUndefined();
    expect(engineMismatch(new ServiceCloudVoice(Testing.app(), "sub"))).toBeUndefined();
  });

  it("refuses a cdktn stack for the cdktf build, naming the entry to import, before any resource is made", () => {
    const stack = stackOf("cdktn");
    expect(() => new ServiceCloudVoiceOAuthClient(stack, "acme", { myDomain: "acme" })).toThrow(
      new Error(
        'The stack "service-cloud-voice" is a cdktn stack, but this ServiceCloudVoiceOAuthClient was loaded from the package\'s cdktf entry, whose resources a cdktn stack cannot synthesize: import it from "genesys-scv-oauth-client/cdktn".',
      ),
    );
    expect(stack.node.findAll().filter((c) => c.node.path.includes("client"))).toEqual([]);
  });

  it("names no entry for an engine the package has none for", () => {
    expect(engineMismatch(stackOf("cdk8s"))).toMatch(/is a cdk8s stack, .* cannot synthesize\.$/);
  });
});
