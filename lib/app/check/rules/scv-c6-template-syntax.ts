import { CheckRule } from "./rule";

const TEXT_KEYS = ["name", "description"] as const;

/** SCV-C6: template syntax in a name or description: said once, as the text is written literally and never evaluated. */
export const templateSyntax: CheckRule = {
  id: "SCV-C6",
  level: "warning",
  title: "Terraform's template syntax in a name or description",
  check: ({ deployments }) =>
    deployments.flatMap((deployment, i) =>
      TEXT_KEYS.filter((key) => /[$%]\{/.test(deployment.oauthClient?.[key] ?? "")).map((key) => ({
        where: ["deployments", i, "oauthClient", key],
        message:
          `holds Terraform's template syntax (\${ or %{): the ${key} is written as literal text, character for character, ` +
          "and Terraform evaluates none of it (the deployments file holds no expressions)",
      })),
    ),
};
