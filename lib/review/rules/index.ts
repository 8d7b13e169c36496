/** Every review rule, in id order: one file each, named after its id. */
import { ClientChange, Finding, ReviewRule } from "./rule";
import { clientIdChanges } from "./scv-r1-client-id-changes";
import { implicitClientReplaced } from "./scv-r2-implicit-client-replaced";
import { newImplicitClient } from "./scv-r3-new-implicit-client";
import { clientInactive } from "./scv-r4-client-inactive";
import { redirectUriRemoved } from "./scv-r5-redirect-uri-removed";
import { scopesBelowSeven } from "./scv-r6-scopes-below-seven";
import { foreignRedirectHost } from "./scv-r7-foreign-redirect-host";
import { evaluatedText } from "./scv-r8-evaluated-text";
import { deletedOutside } from "./scv-r9-deleted-outside";

export const RULES: readonly ReviewRule[] = [
  clientIdChanges,
  implicitClientReplaced,
  newImplicitClient,
  clientInactive,
  redirectUriRemoved,
  scopesBelowSeven,
  foreignRedirectHost,
  evaluatedText,
  deletedOutside,
];

/** What every rule finds in one client change. */
export function review(change: ClientChange, rules: readonly ReviewRule[] = RULES): Finding[] {
  return rules
    .filter((rule) => !change.outside || rule.readsDrift)
    .flatMap((rule) => rule.check(change).map((message) => ({ rule: rule.id, level: rule.level, message })));
}

export { clientIdChanges };
export type { ChangeKind, ClientChange, Finding, ReviewRule } from "./rule";
