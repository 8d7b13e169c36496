import { destroyProtectionOff as destroyProtectionOffMessage } from "../../../shared/policy";
import { CheckRule } from "./rule";

/** SCV-C3: preventDestroy turned off, said at its key in the deployments file (SCV-C8 leaves the construct's warning of the prop to it). */
export const destroyProtectionOff: CheckRule = {
  id: "SCV-C3",
  level: "warning",
  title: "A client without prevent_destroy",
  check: ({ deployments }) =>
    deployments.flatMap((deployment, i) =>
      deployment.oauthClient?.preventDestroy === false
        ? [
            {
              where: ["deployments", i, "oauthClient", "preventDestroy"],
              message: destroyProtectionOffMessage(`deployment "${deployment.name}"`),
            },
          ]
        : [],
    ),
};
