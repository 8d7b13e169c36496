/** The machine-readable verdict (--json): the gate, the counts and every change, masked as in the comment. */
import { Rendered } from "./markdown";
import { Counts, PlanSummary, StackSummary } from "./summarize";

export type Gate = "clear" | "held" | "allowed" | "stopped";

export interface Verdict {
  /**
   * clear: no caution rule found a risk; held: one did (an OAuth client losing its id, ...) and --allow-destroy was not
   * given; allowed: it was; stopped: a check the deploy makes before it applies would stop it (or a plan is missing),
   * which no label lets through.
   */
  readonly gate: Gate;
  readonly totals: Counts;
  readonly dangers: { stack: string; address: string; name?: string; kind: string; reasons: string[]; cautions: string[] }[];
  readonly warnings: { stack: string; address: string; warning: string }[];
  readonly cut: Rendered["cut"];
  readonly stacks: StackSummary[];
  readonly stopped: { stack: string; reasons: string[] }[];
}

export function verdictOf(summary: PlanSummary, rendered: Rendered, allowDestroy: boolean): Verdict {
  const dangers = summary.stacks.flatMap((s) =>
    s.changes
      .filter((c) => c.dangerous)
      .map((c) => ({ stack: s.stack, address: c.address, name: c.name, kind: c.kind, reasons: c.reasons, cautions: c.cautions })),
  );
  const warnings = summary.stacks.flatMap((s) =>
    s.changes.flatMap((c) => c.warnings.map((warning) => ({ stack: s.stack, address: c.address, warning }))),
  );
  // A migration step taken out of order holds the plan as a caution does.
  const outOfOrder = summary.stacks.filter((s) => s.migration?.outOfOrder).length;
  const stopped = (summary.stopped ?? []).map(({ stack, reasons }) => ({ stack, reasons: [...reasons] }));
  const gate: Gate = stopped.length > 0 ? "stopped" : dangers.length + outOfOrder === 0 ? "clear" : allowDestroy ? "allowed" : "held";
  return { gate, totals: summary.totals, dangers, warnings, cut: rendered.cut, stacks: summary.stacks, stopped };
}
