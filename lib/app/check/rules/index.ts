/**
 * Every `check` rule, in id order: one file each, named after its id (SCV-C…). A new policy of the deployments file
 * or of what synth makes of it goes here, as a file and a line below; a policy of a plan is a review rule
 * (lib/review/rules/, SCV-R…). docs/pipeline.md lists both.
 */
import { CheckInput, CheckRule, Finding } from "./rule";
import { localStateInActions } from "./scv-c1-local-state-in-actions";
import { noOrganizationId } from "./scv-c2-no-organization-id";
import { destroyProtectionOff } from "./scv-c3-destroy-protection-off";
import { secondClientAllowed } from "./scv-c4-second-client-allowed";
import { sameSalesforceOrg } from "./scv-c5-same-salesforce-org";
import { templateSyntax } from "./scv-c6-template-syntax";
import { evaluatedText } from "./scv-c7-evaluated-text";
import { constructWarnings } from "./scv-c8-construct-warnings";

export const CHECK_RULES: readonly CheckRule[] = [
  localStateInActions,
  noOrganizationId,
  destroyProtectionOff,
  secondClientAllowed,
  sameSalesforceOrg,
  templateSyntax,
  evaluatedText,
  constructWarnings,
];

/** What every rule finds, in rule order, each finding with its rule's id and level (or its own, where it says one). */
export function runCheckRules(input: CheckInput, rules: readonly CheckRule[] = CHECK_RULES): Finding[] {
  return rules.flatMap((rule) =>
    rule.check(input).map(({ level, where, message }) => ({ rule: rule.id, level: level ?? rule.level, where, message })),
  );
}

export type { CheckInput, CheckRule, Finding, Found, SynthAnnotation } from "./rule";
