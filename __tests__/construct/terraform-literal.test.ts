import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import fc from "fast-check";
import { terraformLiteral } from "../../lib/construct/terraform-literal";

/** What Terraform's template parser makes of a string without expressions: the escapes undone, nothing evaluated. */
function asTerraformReadsIt(template: string): string {
  let out = "";
  for (let i = 0; i < template.length; i++) {
    const three = template.slice(i, i + 3);
    if (three === "$${" || three === "%%{") {
      out += `${three[0]}{`;
      i += 2;
    } else if (three.startsWith("${") || three.startsWith("%{")) {
      throw new Error(`an expression at ${i}: ${template}`);
    } else out += template[i];
  }
  return out;
}

describe("terraformLiteral", () => {
  it("writes ${ and %{ as Terraform's escapes", () => {
    expect(terraformLiteral('SCV ${file("/proc/self/environ")}')).toBe('SCV $${file("/proc/self/environ")}');
    expect(terraformLiteral("%{if true}x%{endif}")).toBe("%%{if true}x%%{endif}");
    expect(terraformLiteral("$${already}")).toBe("$$${already}");
    expect(terraformLiteral("plain $ and % and {}")).toBe("plain $ and % and {}");
  });

  it("is read back by Terraform exactly as given, for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("$", "%", "{", "}", "a", "\\", '"', "$$", "${", "%{") }), (text) => {
        expect(asTerraformReadsIt(terraformLiteral(text))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it("leaves a cdktf token an expression, and escapes the literal text around it", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const name = new TerraformVariable(stack, "name", { type: "string" }).stringValue;
    expect(terraformLiteral(`\${x} ${name} %{y}`)).toBe(`$\${x} ${name} %%{y}`);
  });
});
