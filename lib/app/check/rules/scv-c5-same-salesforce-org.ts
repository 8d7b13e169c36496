import { oauthClientProps } from "../../deployments/deployments";
import { orgInWords } from "../../genesys/client-identity";
import { resolveOAuthClientSettings } from "../../../construct/internal";
import { onOrgOf } from "../../../shared/salesforce-org";
import { CheckRule } from "./rule";

/**
 * SCV-C5: two deployments for one Salesforce org (lib/shared/salesforce-org.ts: any of its hosts), neither allowed a
 * second client: each would deploy a client of its own, two client ids for one org; said at the later one's salesforce key.
 */
export const sameSalesforceOrg: CheckRule = {
  id: "SCV-C5",
  level: "warning",
  title: "Two deployments for one Salesforce org",
  check: ({ deployments }) => {
    const hosts = deployments.map((d) => resolveOAuthClientSettings(oauthClientProps(d)).lightningHost);
    return deployments.flatMap((deployment, i) => {
      const onOrg = onOrgOf(hosts[i]);
      const first = deployments.findIndex((other, j) => j < i && onOrg(hosts[j]) && !other.allowSecondClient);
      if (first < 0 || deployment.allowSecondClient) return [];
      const same = hosts[first] === hosts[i] ? hosts[i] : `${hosts[first]} and ${hosts[i]} are both its hosts`;
      return [
        {
          where: ["deployments", i, "salesforce"],
          message:
            `deployment "${deployment.name}" is for the same Salesforce org as deployment "${deployments[first].name}" (${orgInWords(hosts[i])}: ${same}): ` +
            "each would deploy a client of its own, two client ids for one Salesforce org. Keep one deployment per Salesforce org, " +
            `or set "allowSecondClient": true on "${deployment.name}" if a second client is meant.`,
        },
      ];
    });
  },
};
