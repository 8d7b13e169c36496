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
    // Item 0 holds its slot until item 3 has ended (or 5 s have passed): items 1, 2 and 3 must pass through the other
    // slot meanwhile. Batches would wait for item 0 first; nothing here depends on how fast the machine is.
    const order: string[] = [];
    let thirdEnded: () => void = () => undefined;
    const third = new Promise<void>((resolve) => (thirdEnded = resolve));
    await inParallel([0, 1, 2, 3], 2, async (i) => {
      order.push(`start ${i}`);
      if (i === 0) await Promise.race([third, new Promise((resolve) => setTimeout(resolve, 5000))]);
      else await new Promise((resolve) => setImmediate(resolve));
      order.push(`end ${i}`);
      if (i === 3) thirdEnded();
    });
    expect(order.indexOf("end 3")).toBeLessThan(order.indexOf("end 0"));
  }, 10_000);

  it("answers an empty list at once", async () => {
    expect(await inParallel([], 4, () => Promise.reject(new Error("never called")))).toEqual([]);
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses a limit of %p: a programming error, not a user's", async (limit) => {
    await expect(inParallel([1], limit, async (x) => x)).rejects.toThrow(/limit must be a whole number of at least 1/);
  });
});
