import { docsPage } from "../../../shared/typed-command";
import { CheckRule } from "./rule";

/** SCV-C1: in GitHub Actions, a deployment whose state is a local file, which the runner throws away. */
export const localStateInActions: CheckRule = {
  id: "SCV-C1",
  level: "error",
  title: "A local state backend in GitHub Actions",
  check: ({ deployments, inGitHubActions }) =>
    inGitHubActions
      ? deployments.flatMap((deployment, i) =>
          deployment.backend === undefined || "local" in deployment.backend
            ? [
                {
                  where: ["deployments", i, "backend"],
                  message:
                    `deployment "${deployment.name}" keeps its Terraform state in a local file, which a GitHub Actions runner throws away: ` +
                    `the next run would create another OAuth client with a new client id. Set its backend to "s3" or "cloud" (${docsPage("deployments", "Choosing a backend")}).`,
                },
              ]
            : [],
        )
      : [],
};
