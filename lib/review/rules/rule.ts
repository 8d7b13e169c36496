import { PolicyRule } from "../../shared/policy-rule";

/**
 * A review rule: one risk of a planned change to a Genesys Cloud OAuth client, with an id a reader can look up
 * (lib/review/rules/<id>.ts). Cautions hold the plan (the gate); warnings are for the reviewer's eye.
 */
export type ChangeKind = "create" | "update" | "replace" | "delete" | "no-op" | "read" | "forget";

/** One planned change of a genesyscloud_oauth_client, its values as the plan holds them. */
export interface ClientChange {
  readonly kind: ChangeKind;
  readonly before: Readonly<Record<string, unknown>>;
  readonly after: Readonly<Record<string, unknown>>;
  /** The attributes the plan marks sensitive (their values here are masked). */
  readonly sensitive?: readonly string[];
  /** The plan's drift says the client was deleted outside Terraform since the last apply. */
  readonly deletedOutside?: boolean;
  /** The plan takes the migration's last step, retire by delete (the migrate command): a deletion made on purpose. */
  readonly retiredByMigration?: boolean;
  /**
   * The change is the plan's drift: made outside Terraform since the last apply (before: the state, after: the org
   * now), not a planned one. Only the rules that read drift (`readsDrift`) see it.
   */
  readonly outside?: boolean;
}

/**
 * A review rule (the shape `check`'s rules share, lib/shared/policy-rule.ts): level caution, the plan is held until
 * allowed; warning, shown first in the comment. One message per finding; none when the change complies.
 */
export interface ReviewRule extends PolicyRule<"caution" | "warning", ClientChange, string> {
  /** Whether `check` also reads drift (changes made outside Terraform, `outside`); the others read planned changes only. */
  readonly readsDrift?: boolean;
}

export interface Finding {
  readonly rule: string;
  readonly level: ReviewRule["level"];
  readonly message: string;
}

export function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
