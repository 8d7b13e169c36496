import { typed } from "../../../shared/typed-command";
import { CheckRule } from "./rule";

/** SCV-C4: allowSecondClient: true, said at its key: meant for a deliberate second client, and easy to leave behind. */
export const secondClientAllowed: CheckRule = {
  id: "SCV-C4",
  level: "warning",
  title: "A deployment allowed a second client for its Salesforce org",
  check: ({ deployments }) =>
    deployments.flatMap((deployment, i) =>
      deployment.allowSecondClient
        ? [
            {
              where: ["deployments", i, "allowSecondClient"],
              message:
                `deployment "${deployment.name}" may create a client although its org already has one for this Salesforce org: ` +
                `two client ids for one org, and the Salesforce org uses only one. Adopt the existing client instead (${typed("adopt", deployment.name, "--write")}), unless a second one is meant.`,
            },
          ]
        : [],
    ),
};
