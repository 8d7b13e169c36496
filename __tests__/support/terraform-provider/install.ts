/**
 * Installs the stand-in genesyscloud provider for a test run, and only for it: bundles the plugin, puts it in a
 * filesystem mirror at the pinned version, and writes a Terraform CLI configuration that takes the provider from
 * that mirror. Tests point TF_CLI_CONFIG_FILE at it, so `terraform init` and `cdktf deploy` need no network.
 */
import { build } from "esbuild";
import { chmodSync, mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { PROVIDER_VERSION, root } from "./schema";

const PLATFORMS: Record<string, string> = { x64: "amd64", arm64: "arm64" };

export interface InstalledProvider {
  /** Environment for terraform and cdktf: the CLI configuration, and what the plugin needs. */
  readonly env: Record<string, string>;
}

export async function installTestProvider(dir: string): Promise<InstalledProvider> {
  const plugin = join(dir, "plugin.js");
  await build({
    entryPoints: [join(root, "__tests__/support/terraform-provider/main.ts")],
    outfile: plugin,
    bundle: true,
    packages: "external",
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "warning",
  });
  const platform = `${process.platform}_${PLATFORMS[process.arch] ?? process.arch}`;
  const mirror = join(dir, "mirror");
  const folder = join(mirror, "registry.terraform.io/mypurecloud/genesyscloud", PROVIDER_VERSION, platform);
  mkdirSync(folder, { recursive: true });
  const executable = join(folder, `terraform-provider-genesyscloud_v${PROVIDER_VERSION}`);
  writeFileSync(
    executable,
    `#!/bin/sh\nNODE_PATH='${join(root, "node_modules")}' SCV_PROJECT_ROOT='${root}' exec '${process.execPath}' '${plugin}' "$@"\n`,
  );
  chmodSync(executable, 0o755);
  const cliConfig = join(dir, "terraformrc");
  writeFileSync(
    cliConfig,
    `provider_installation {
  filesystem_mirror {
    path    = "${mirror}"
    include = ["registry.terraform.io/mypurecloud/genesyscloud"]
  }
  direct {
    exclude = ["registry.terraform.io/mypurecloud/genesyscloud"]
  }
}
`,
  );
  return {
    env: {
      TF_CLI_CONFIG_FILE: cliConfig,
      TF_IN_AUTOMATION: "1",
      CHECKPOINT_DISABLE: "1",
    },
  };
}
