// Indexing waits for the extension host's start-up to settle. At start-up VS Code loads and activates its
// built-in extensions in the same thread; the first indexing steps (walking the folders, starting the analysis
// process, reading the first articles) on top of that made the longest stalls of a whole indexing (45-66 ms
// where VS Code alone reaches 31-35 ms). Started once the loop runs on time, they do not add up.

/** A tick later than this (beyond its own period) means the loop is still busy. */
const LATE_MS = 10;
const TICK_MS = 20;

/** Time and timers (the real ones by default; a test gives a simulated loop). */
export interface LoopClock {
  now(): number;
  after(ms: number, run: () => void): void;
}

const REAL_CLOCK: LoopClock = { now: () => performance.now(), after: (ms, run) => void setTimeout(run, ms) };

/**
 * Resolves once ticks of a short timer have come on time for `quietMs` in a row (the loop is free), or at the
 * latest `maxMs` after the call.
 */
export function hostSettled(quietMs = 150, maxMs = 1500, clock: LoopClock = REAL_CLOCK): Promise<void> {
  return new Promise((resolve) => {
    const started = clock.now();
    let quietSince = started;
    let last = started;
    const tick = () => {
      const now = clock.now();
      if (now - last > TICK_MS + LATE_MS) quietSince = now;
      last = now;
      if (now - quietSince >= quietMs || now - started >= maxMs) resolve();
      else clock.after(TICK_MS, tick);
    };
    clock.after(TICK_MS, tick);
  });
}
