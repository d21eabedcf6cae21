// Work split in steps: a generator yields between bounded pieces of work so that a caller on a UI thread
// can spread it over turns of its event loop; callers that do not need that run it to the end at once.

/** Runs a stepwise computation to its end and returns its result. */
export function runSteps<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Runs a stepwise computation on an event loop: steps for about `sliceMs` at a time, then a turn of the loop
 * (a timer) before the next slice. `onSlice` hears each slice's length; `stopped`, asked after each turn, ends
 * the run early (undefined).
 */
export async function runStepsInSlices<T>(
  steps: Generator<void, T, void>,
  sliceMs: number,
  options: { onSlice?: (ms: number) => void; stopped?: () => boolean } = {},
): Promise<T | undefined> {
  for (;;) {
    const sliceStart = performance.now();
    let next = steps.next();
    while (!next.done && performance.now() - sliceStart < sliceMs) next = steps.next();
    options.onSlice?.(performance.now() - sliceStart);
    if (next.done) return next.value;
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (options.stopped?.()) return undefined;
  }
}

/**
 * Sorts `items` in place, as `items.sort(compare)` does (stably), in steps of about `step` items each:
 * runs of `step` items sorted at once, then merged pairwise, a slice of a merge per step.
 */
export function* sortStepwise<T>(items: T[], compare: (a: T, b: T) => number, step: number): Generator<void, T[], void> {
  const n = items.length;
  if (n <= step) return items.sort(compare);
  for (let start = 0; start < n; start += step) {
    const run = items.slice(start, start + step).sort(compare);
    for (let i = 0; i < run.length; i++) items[start + i] = run[i]!;
    yield;
  }
  let from = items;
  let to: T[] = new Array<T>(n);
  let work = 0;
  const merge: MergeCursor = { i: 0, j: 0, k: 0 };
  for (let width = step; width < n; width *= 2) {
    for (let left = 0; left < n; left += 2 * width) {
      const mid = Math.min(left + width, n);
      const end = Math.min(left + 2 * width, n);
      merge.i = left;
      merge.j = mid;
      merge.k = left;
      while (merge.k < end) {
        work += mergeSome(from, to, mid, end, merge, compare, step - work);
        if (work >= step) {
          work = 0;
          yield;
        }
      }
    }
    [from, to] = [to, from];
  }
  if (from !== items) for (let k = 0; k < n; k++) items[k] = from[k]!;
  return items;
}

/** Where a merge of two runs stands: the next item of the left run (i), of the right run (j), and of the output (k). */
interface MergeCursor {
  i: number;
  j: number;
  k: number;
}

/**
 * Merges at most `budget` more items of from[left, mid) and from[mid, end) into `to`, from the cursor on,
 * and returns how many it merged. A plain function the generator calls between yields: V8 optimises it,
 * where the generator's own loop body would stay in slower code.
 */
function mergeSome<T>(from: T[], to: T[], mid: number, end: number, c: MergeCursor, compare: (a: T, b: T) => number, budget: number): number {
  let { i, j, k } = c;
  const stop = Math.min(end, k + budget);
  const start = k;
  for (; k < stop; k++) {
    // Equal items keep their order: the left run's first.
    if (i < mid && (j >= end || compare(from[i]!, from[j]!) <= 0)) to[k] = from[i++]!;
    else to[k] = from[j++]!;
  }
  c.i = i;
  c.j = j;
  c.k = k;
  return k - start;
}
