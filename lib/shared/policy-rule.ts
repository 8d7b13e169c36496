/**
 * The one shape of a policy rule, which `check`'s rules (lib/app/check/rules/, SCV-C…: the deployments file and its
 * synthesized stacks, before any plan) and the review's rules (lib/review/rules/, SCV-R…: a planned change) share: an
 * id a reader can look up (its file is named after it), a level, a title in one line, and what it finds in its input
 * (none when the input complies). docs/pipeline.md lists both sets in one table.
 */
export interface PolicyRule<Level extends string, Input, Found> {
  /** SCV-C<n> for `check`'s rules, SCV-R<n> for the review's; the rule's file is lib/…/rules/<id, lower case>-<title>.ts. */
  readonly id: string;
  readonly level: Level;
  /** What the rule looks for, in one line. */
  readonly title: string;
  /** What it finds; none when the input complies. */
  check(input: Input): Found[];
}
