import fc from "fast-check";
import {
  AuditChange,
  boundedAuditChange,
  boundedDriftReport,
  clipped,
  MAX_AUDIT_TEXT,
  MAX_SHOWN_LIST_ITEMS,
  shownItems,
} from "../../lib/shared/drift-report";

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

  it("a report's client id is cut as its texts are (a hand-made file's may be any length); the drift command's ids stay whole", () => {
    const report = (clientId: string) =>
      boundedDriftReport({ deployment: "us", clientId, client: "deleted", attributes: [], audit: { kind: "unknown", reason: "r" } });
    expect(report("x".repeat(100_000)).clientId).toBe(`${"x".repeat(MAX_AUDIT_TEXT)}…`);
    const guid = "0a0a0a0a-1111-4111-8111-0000000000a1";
    expect(report(guid).clientId).toBe(guid);
  });
});

describe("a drifted list as shown, in a terminal and in a comment", () => {
  it("its first items as written, and how many more; only the shown ones are written", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 3 * MAX_SHOWN_LIST_ITEMS }), (list) => {
        const written: number[] = [];
        const shown = shownItems(list, (n) => (written.push(n), `#${n}`));
        expect(written).toEqual(list.slice(0, MAX_SHOWN_LIST_ITEMS));
        const more = list.length - MAX_SHOWN_LIST_ITEMS;
        expect(shown).toEqual([...written.map((n) => `#${n}`), ...(more > 0 ? [`… and ${more} more`] : [])]);
      }),
    );
  });
});
