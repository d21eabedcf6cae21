// Indexing starts once the extension host's loop runs on time: after a quiet stretch, or at the latest maxMs.
import { describe, expect, it } from 'vitest';
import { hostSettled, type LoopClock } from '../../src/vscode/hostSettled';

/**
 * A simulated event loop: one timer at a time (hostSettled keeps one), and before it fires the loop may be
 * blocked for a while (`busyAt(now)` ms), which makes the timer late, as a busy extension host does.
 */
async function settleTime(busyAt: (now: number) => number, quietMs: number, maxMs: number): Promise<number> {
  let now = 0;
  let pending: { due: number; run: () => void } | undefined;
  const clock: LoopClock = { now: () => now, after: (ms, run) => (pending = { due: now + ms, run }) };
  let done = false;
  const settled = hostSettled(quietMs, maxMs, clock).then(() => (done = true));
  while (!done && pending && now < 60_000) {
    const timer = pending;
    pending = undefined;
    now = Math.max(now + busyAt(now), timer.due);
    timer.run();
    await Promise.resolve();
  }
  await settled;
  return now;
}

describe('hostSettled', () => {
  it('resolves after a quiet stretch when the loop is free', async () => {
    const t = await settleTime(() => 0, 150, 1500);
    expect(t).toBeGreaterThanOrEqual(150);
    expect(t).toBeLessThanOrEqual(180);
  });

  it('waits while the loop is busy (its ticks come late), and starts once it is free', async () => {
    // 60 ms blocks for the first 600 ms, then nothing.
    const t = await settleTime((at) => (at < 600 ? 60 : 0), 150, 5000);
    expect(t).toBeGreaterThanOrEqual(600 + 150);
    expect(t).toBeLessThan(900);
  });

  it('never waits longer than maxMs on a loop that stays busy', async () => {
    const t = await settleTime(() => 60, 150, 1000);
    expect(t).toBeGreaterThanOrEqual(1000);
    expect(t).toBeLessThan(1100);
  });

  it('runs on the real timers by default', async () => {
    await expect(hostSettled(0, 1000)).resolves.toBeUndefined();
  });
});
