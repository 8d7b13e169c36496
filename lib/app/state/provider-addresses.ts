/**
 * The registry address of the provider in each deployment's state, made one that Terraform's lock file names.
 *
 * A stack names its provider `mypurecloud/genesyscloud`; each engine adds its own registry host (Terraform
 * `registry.terraform.io`, OpenTofu `registry.opentofu.org`), and each engine's apply writes its own host into every
 * resource of the state. OpenTofu reads a state that names `registry.terraform.io` as naming its own host, so it needs
 * nothing. Terraform takes a state's `registry.opentofu.org` for another provider: its init then needs that provider
 * too, which a lock file written without the backend does not name, so `init -lockfile=readonly` stops. `lock` on
 * Terraform therefore moves every `registry.opentofu.org/…` address of each deployment's state to
 * `registry.terraform.io/…` with Terraform's own `state replace-provider`, through the deployment's backend (docs/engines.md).
 * A state so moved is still OpenTofu's to read (it reads that host as its own): the move is safe before the switch.
 */
import { Deployment } from "../deployments/deployments";
import { Engine } from "../stack/engine";
import { inBackendFolders } from "./read-states";
import { isJsonObject } from "../../shared/json-input";
import { runCaptured } from "../../shared/child-process";

/** Each engine's registry host, which it adds to a provider source that names none. */
export const REGISTRY_HOST = { Terraform: "registry.terraform.io", OpenTofu: "registry.opentofu.org" } as const;

/** How long a move waits for a state lock another run holds. */
export const LOCK_TIMEOUT = "2m";

export type ProviderMove =
  /** `moved`: the addresses the state named, each replaced by the same provider at Terraform's host; none: nothing to move. */
  { readonly moved: readonly string[]; readonly empty?: true } | { readonly problem: string };

/**
 * The provider addresses (`registry.opentofu.org/mypurecloud/genesyscloud`) of the resources of a state (the text
 * `state pull` prints) whose host is OpenTofu's, each once, in the order they first appear.
 */
export function openTofuAddresses(stateText: string): string[] {
  let state: unknown;
  try {
    state = JSON.parse(stateText);
  } catch {
    return [];
  }
  const resources = isJsonObject(state) && Array.isArray(state.resources) ? state.resources : [];
  const addresses = resources.flatMap((r: unknown) => {
    const provider = isJsonObject(r) && typeof r.provider === "string" ? r.provider : "";
    // provider["registry.opentofu.org/mypurecloud/genesyscloud"], or with an alias: provider["…"].name
    const address = /provider\["([^"]+)"\]/.exec(provider)?.[1];
    return address?.startsWith(`${REGISTRY_HOST.OpenTofu}/`) ? [address] : [];
  });
  return [...new Set(addresses)];
}

/** The same provider at Terraform's host. */
export function onTerraformHost(address: string): string {
  return `${REGISTRY_HOST.Terraform}/${address.slice(REGISTRY_HOST.OpenTofu.length + 1)}`;
}

/**
 * For each deployment, in order: on Terraform, the OpenTofu addresses its state named, moved to Terraform's host; on
 * OpenTofu, nothing (it reads either host). A state that cannot be read, or a move that fails, is that deployment's
 * problem, with what the engine said; the others are still done. `parallelism` states at once, each its own.
 */
export async function moveStateProviders(
  deployments: readonly Deployment[],
  baseDir: string,
  env: NodeJS.ProcessEnv,
  engine: Engine,
  parallelism: number,
): Promise<ProviderMove[]> {
  if (engine.name !== "Terraform") return deployments.map(() => ({ moved: [] }));
  return inBackendFolders(
    deployments,
    baseDir,
    env,
    parallelism,
    async (dir, backendEnv) => {
      const run = (...args: string[]) => runCaptured(engine.binary, args, { cwd: dir, env: backendEnv });
      const said = (r: { stdout: string; stderr: string }) => (r.stderr || r.stdout).trim();
      const init = await run("init", "-input=false", "-no-color");
      if (init.status !== 0) return { problem: `could not read its state (${engine.command} init failed):\n${said(init)}` };
      const pulled = await run("state", "pull");
      if (pulled.status !== 0) return { problem: `could not read its state (${engine.command} state pull failed):\n${said(pulled)}` };
      if (pulled.stdout.trim() === "") return { moved: [], empty: true };
      const addresses = openTofuAddresses(pulled.stdout);
      for (const from of addresses) {
        const moved = await run("state", "replace-provider", "-auto-approve", `-lock-timeout=${LOCK_TIMEOUT}`, from, onTerraformHost(from));
        if (moved.status !== 0)
          return { problem: `${engine.command} state replace-provider ${from} ${onTerraformHost(from)} failed:\n${said(moved)}` };
      }
      return { moved: addresses };
    },
    (why) => ({ problem: `could not read its state: ${why}` }),
  );
}
