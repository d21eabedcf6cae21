// The engine runs for hours in an editor: after an article is analysed and dropped, nothing in the
// engine may keep its text alive (module-level caches of words sliced from it would). Measured in
// a process of its own, since the test runner's own allocations would blur the heap.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/seeds';

describe('memory', () => {
  it('keeps no article text alive once the article and its analysis are dropped', () => {
    const output = execFileSync(process.execPath, ['--expose-gc', join(repoRoot, 'test', 'helpers', 'memoryProbe.mjs')], {
      encoding: 'utf8',
    });
    const { documents, analysed, textBytes, grownBytes } = JSON.parse(output.trim().split('\n').pop()!);
    expect(analysed).toBe(documents);
    expect(textBytes).toBeGreaterThan(4_000_000);
    // 4.8 MB of text went through; the last document's matcher may stay, never all the articles.
    expect(grownBytes).toBeLessThan(textBytes * 0.25);
  });
});
