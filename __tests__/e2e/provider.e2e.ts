/**
 * The provider the end-to-end tests run is the released genesyscloud provider at the version this project proves, and
 * the committed schema snapshot (and so the bindings in .gen/) is exactly what that binary reports.
 */
import { spawnSync } from "child_process";
import { providerInstall, PROVIDER_MODULE, PROVIDER_VERSION } from "../../scripts/provider-install.cjs";
import { root } from "./harness";

const { binary } = providerInstall(root);

it("is the provider module, built with the Go SDK that its go.mod pins", () => {
  const go = spawnSync("go", ["version", "-m", binary], { encoding: "utf8" });
  if (go.error) return console.log(`go version -m not run (${go.error.message}): SCV_PROVIDER_BINARY named the binary`);
  expect(go.stdout).toMatch(new RegExp(`^\\s+path\\s+${PROVIDER_MODULE}$`, "m"));
  expect(go.stdout).toMatch(/^\s+dep\s+github\.com\/mypurecloud\/platform-client-sdk-go\/v188\s+v188\.0\.0\b/m);
});

it("reports the committed schema snapshot, exactly", () => {
  const check = spawnSync(process.execPath, ["scripts/provider-schema.mjs", "--check"], { cwd: root, encoding: "utf8" });
  expect([check.status, check.stderr]).toEqual([0, ""]);
  expect(check.stdout).toContain(`provider-schema/genesyscloud-${PROVIDER_VERSION}.json is what provider ${PROVIDER_VERSION} reports.`);
});
