/** Deployments as the deployments file's loader reads them, and a `check` rule's input over them, for the rule tests. */
import { CheckInput } from "../../../../lib/app/check/rules";
import { parseDeployments } from "../../../../lib/app/deployments/deployments";

const organizationId = "a1b2c3d4-0000-4000-8000-00000000ac3e";

/** A deployment with an organizationId and an s3 backend, the authorization-code grant: nothing for a rule to find. */
export function deployment(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    genesysCloud: { region: "us-east-1", organizationId },
    salesforce: { myDomain: name },
    oauthClient: { grantType: "authorization-code" },
    backend: { s3: { bucket: "acme-terraform-state", region: "us-east-1" } },
    ...extra,
  };
}

/** The input of a rule: these deployments, loaded; outside GitHub Actions unless said; no stack synthesized, no annotation. */
export function input(deployments: Record<string, unknown>[], extra: Partial<CheckInput> = {}): CheckInput {
  return {
    deployments: parseDeployments(JSON.stringify({ deployments }), "deployments.json"),
    inGitHubActions: false,
    synthesized: () => ({}),
    annotations: [],
    ...extra,
  };
}
