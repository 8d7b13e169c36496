import { CheckRule } from "./rule";

/**
 * SCV-C2: a deployment without genesysCloud.organizationId: nothing stops credentials of another org
 * (docs/deploying.md, "Many Genesys Cloud orgs").
 */
export const noOrganizationId: CheckRule = {
  id: "SCV-C2",
  level: "warning",
  title: "A deployment without genesysCloud.organizationId",
  check: ({ deployments }) =>
    deployments.flatMap((deployment, i) =>
      deployment.genesysCloud.organizationId === undefined
        ? [
            {
              where: ["deployments", i, "genesysCloud"],
              message:
                `deployment "${deployment.name}" has no organizationId: credentials of another Genesys Cloud org would create the client there, silently. ` +
                "Set genesysCloud.organizationId to the org's id (Admin > Account Settings > Organization Settings), so that the plan stops instead.",
            },
          ]
        : [],
    ),
};
