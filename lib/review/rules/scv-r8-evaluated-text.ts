import { counted, isPlainText, TEXT_LIMITS } from "../../shared/plain-text";
import { ReviewRule } from "./rule";

/**
 * SCV-R8: a name or description that neither the deployments file nor the construct can write: a line break, a NUL,
 * an invisible character or more than the limit. Such a value is what Terraform makes of a template it evaluated
 * (`${file(...)}`, `${...}` reading the environment or another file): it may hold a secret, and it would become
 * the client's name in Genesys. The value itself is never quoted.
 */
export const evaluatedText: ReviewRule = {
  id: "SCV-R8",
  level: "caution",
  title: "A name or description looks like the result of a template Terraform evaluated",
  check: ({ kind, after, sensitive = [] }) => {
    if (kind === "delete") return [];
    return (["name", "description"] as const).flatMap((key) => {
      // Neither the deployments file nor the construct marks a name sensitive: a plan that does hides what it holds.
      if (sensitive.includes(key)) {
        return [
          `the planned ${key} is marked sensitive (not shown), which no deployments file or construct does: it may be the result of a ` +
            "template Terraform evaluated (${...} or %{...} in the configuration, such as file() or an environment read); find where it came from before applying",
        ];
      }
      const value = after[key];
      if (typeof value !== "string" || isPlainText(value, TEXT_LIMITS[key])) return [];
      return [
        `the planned ${key} (${counted([...value].length, "character")}, not shown) is not text the deployments file or the construct can write ` +
          `(at most ${TEXT_LIMITS[key]} characters, no line breaks, control or invisible characters): it looks like the result of a template ` +
          "Terraform evaluated (${...} or %{...} in the configuration, such as file() or an environment read); find where it came from before applying",
      ];
    });
  },
};
