/** Which provider addresses of a state lock on Terraform moves to Terraform's host (lib/app/state/provider-addresses.ts). */
import { onTerraformHost, openTofuAddresses } from "../../../lib/app/state/provider-addresses";

const state = (...providers: unknown[]) =>
  JSON.stringify({ version: 4, resources: providers.map((provider, i) => ({ mode: "managed", type: "t", name: `r${i}`, provider })) });

describe("openTofuAddresses", () => {
  it("names each registry.opentofu.org provider of the state's resources once, aliases and modules included", () => {
    expect(
      openTofuAddresses(
        state(
          'provider["registry.opentofu.org/mypurecloud/genesyscloud"]',
          'provider["registry.opentofu.org/mypurecloud/genesyscloud"].eu',
          'module.a.provider["registry.opentofu.org/hashicorp/random"]',
          'provider["registry.opentofu.org/mypurecloud/genesyscloud"]',
        ),
      ),
    ).toEqual(["registry.opentofu.org/mypurecloud/genesyscloud", "registry.opentofu.org/hashicorp/random"]);
  });

  it("names nothing in a state Terraform wrote, an empty one, or text that is not a state", () => {
    expect(openTofuAddresses(state('provider["registry.terraform.io/mypurecloud/genesyscloud"]'))).toEqual([]);
    expect(openTofuAddresses(JSON.stringify({ version: 4, resources: [] }))).toEqual([]);
    for (const text of ["", "not json", "[]", '{"resources": {}}', state(42, null, { provider: "x" })])
      expect(openTofuAddresses(text)).toEqual([]);
  });
});

it("onTerraformHost: the same provider at registry.terraform.io", () => {
  expect(onTerraformHost("registry.opentofu.org/mypurecloud/genesyscloud")).toBe("registry.terraform.io/mypurecloud/genesyscloud");
});
