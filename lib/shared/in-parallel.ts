/**
 * Work on many items with at most `limit` of them at once: deployments run by deploy, diff and destroy, and the states
 * read before them. Results come back in the items' order, whatever order the work finishes in. The work must not
 * throw: each item's failure is its own result, so that one never stops or hides the others.
 */
export async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`inParallel: limit must be a whole number of at least 1, given ${limit}`);
  const results = new Array<R>(items.length);
  let next = 0;
  // Each worker takes the next item as soon as it is free; `limit` workers, or fewer when there are fewer items.
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
