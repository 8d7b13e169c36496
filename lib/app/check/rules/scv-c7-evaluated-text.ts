import { CheckRule } from "./rule";

const TEXTS = ["name", "description", "registered_redirect_uris", "scopes"];

/**
 * SCV-C7: the synthesized clients' texts, as Terraform reads them: a `${` or `%{` that is not an escape would be
 * evaluated at plan time (a file or the environment read into the plan, and into the client). The construct escapes
 * literal text, so this is found only if that ever breaks. The review's SCV-R8 looks for what such a template made of
 * a plan.
 */
export const evaluatedText: CheckRule = {
  id: "SCV-C7",
  level: "error",
  title: "A synthesized text that Terraform would evaluate",
  check: ({ deployments, synthesized }) =>
    deployments.flatMap(({ name }) =>
      Object.values(synthesized(name).resource?.genesyscloud_oauth_client ?? {}).flatMap((client) =>
        TEXTS.filter((key) =>
          [client[key]].flat().some((text) => typeof text === "string" && /[$%]\{/.test(text.replace(/\$\$\{|%%\{/g, ""))),
        ).map((key) => ({
          where: name,
          message: `the synthesized ${key} holds a Terraform template that the plan would evaluate: nothing may be planned from it`,
        })),
      ),
    ),
};
