import fc from "fast-check";
import { AuditChange, boundedAuditChange, clipped, MAX_AUDIT_TEXT } from "../../lib/shared/drift-report";

const text = fc.string({ unit: "grapheme", maxLength: 2 * MAX_AUDIT_TEXT + 10 });
const texts = fc.array(text, { maxLength: 3 });
const change: fc.Arbitrary<AuditChange> = fc.record({
  when: fc.constant("2026-12-06T09:12:00.000Z"),
  action: text,
  actor: fc.oneof(
    fc.record({ kind: fc.constantFrom("user" as const, "client" as const), id: text, name: fc.option(text, { nil: undefined }) }),
    fc.constant({ kind: "unknown" as const }),
  ),
  properties: fc.array(fc.record({ property: fc.oneof(text, fc.constant("clientSecret")), oldValues: texts, newValues: texts }), {
    maxLength: 25,
  }),
});

describe("a drift report's bounds, the drift command's as it writes and plan-summary's as it reads", () => {
  it("a text is cut once: what the drift command cut, plan-summary reads as it is", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(clipped(clipped(t))).toBe(clipped(t));
        expect([...clipped(t)].length).toBeLessThanOrEqual(MAX_AUDIT_TEXT + 1);
        if ([...t].length <= MAX_AUDIT_TEXT) expect(clipped(t)).toBe(t);
      }),
    );
  });

  it("an audit entry within the bounds stays as it is", () => {
    fc.assert(
      fc.property(change, (c) => {
        const once = boundedAuditChange(c);
        expect(boundedAuditChange(once)).toEqual(once);
      }),
    );
  });
});
