// What the benchmarks with the real provider share: the provider's install (or a notice that there is none), and the
// tests' own Genesys Cloud emulator (TypeScript, bundled once into the work folder), answering every request after
// LATENCY_MS, with one org and its credentials.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { providerInstall } from "../scripts/provider-install.cjs";

/** A round trip to a Genesys region. */
export const LATENCY_MS = 150;
export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The provider's install; without a built provider, says the benchmark skipped and ends the process. */
export function providerOrSkip(what) {
  const install = providerInstall(root);
  if (!existsSync(install.binary)) {
    console.log(`info ${what}: SKIPPED, no provider built (npm run provider:build)`);
    process.exit(0);
  }
  return install;
}

/**
 * The emulator with one org; `gateway` is the deployments file's genesysCloud.gateway that reaches it, `env` what
 * Terraform and the runner are given: the provider's install, the org's credentials, a home of the work folder's own
 * and the deployments file at <work>/deployments.json.
 */
export async function startEmulatedOrg(work, install) {
  const org = {
    id: "a1b2c3d4-0000-4000-8000-00000000ac3e",
    name: "Acme",
    credentials: { clientId: "bench-ci", clientSecret: "bench-secret" },
    legacyImplicitGrant: true,
  };
  const emulator = await startEmulator(work, [org]);
  const gateway = { host: "127.0.0.1", port: Number(new URL(emulator.url).port), protocol: "http" };
  const env = {
    ...process.env,
    ...install.env,
    HOME: work,
    GENESYSCLOUD_OAUTHCLIENT_ID: org.credentials.clientId,
    GENESYSCLOUD_OAUTHCLIENT_SECRET: org.credentials.clientSecret,
    DEPLOYMENTS_FILE: join(work, "deployments.json"),
  };
  return { emulator, gateway, env };
}

/** The emulator (bundled into the work folder) with these orgs, answering every request after LATENCY_MS. */
export async function startEmulator(work, orgs) {
  const bundle = join(work, "emulator.cjs");
  await build({
    entryPoints: [join(root, "__tests__/support/genesys-emulator.ts")],
    outfile: bundle,
    bundle: true,
    platform: "node",
    format: "cjs",
    logLevel: "warning",
  });
  const { startEmulator: start } = createRequire(import.meta.url)(bundle);
  return start(orgs, {}, { latencyMs: LATENCY_MS });
}
