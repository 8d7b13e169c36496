import fc from "fast-check";
import { inParallel } from "../../lib/shared/in-parallel";

/** Work that resolves after its own delay (ms, on fake-free real timers kept tiny), counting how many run at once. */
function countingWork(delays: readonly number[]) {
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const work = async (delay: number, index: number) => {
    started.push(index);
    running++;
    most = Math.max(most, running);
    await new Promise((resolve) => setTimeout(resolve, delay));
    running--;
    return index * 10;
  };
  return { work, most: () => most, started: () => started, delays };
}

describe("inParallel", () => {
  it("never runs more than the limit at once, uses the whole limit, and answers in the items' order", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 6 }),
        async (delays, limit) => {
          const counting = countingWork(delays);
          const results = await inParallel(delays, limit, counting.work);
          expect(results).toEqual(delays.map((_, i) => i * 10));
          expect(counting.most()).toBe(Math.min(limit, delays.length));
          // Each item is started once, in order.
          expect(counting.started()).toEqual(delays.map((_, i) => i));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("starts the next item as soon as one finishes, not when a whole batch has", async () => {
    const order: string[] = [];
    await inParallel([30, 5, 5, 5], 2, async (delay, i) => {
      order.push(`start ${i}`);
      await new Promise((resolve) => setTimeout(resolve, delay));
      order.push(`end ${i}`);
    });
    // Item 0 is slow: items 1, 2 and 3 pass through the other slot while it runs.
    expect(order.indexOf("end 3")).toBeLessThan(order.indexOf("end 0"));
  });

  it("answers an empty list at once", async () => {
    expect(await inParallel([], 4, () => Promise.reject(new Error("never called")))).toEqual([]);
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses a limit of %p: a programming error, not a user's", async (limit) => {
    await expect(inParallel([1], limit, async (x) => x)).rejects.toThrow(/limit must be a whole number of at least 1/);
  });
});
