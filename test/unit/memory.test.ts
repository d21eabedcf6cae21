// The engine runs for hours in an editor: after an article is analysed and dropped, nothing in the
// engine may keep its text alive (module-level caches of words sliced from it would).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../src/analysis/analyze';
import { generateCorpus } from '../../bench/corpus.mjs';
import { repoRoot } from '../helpers/seeds';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

/** Distinct articles of about `bytes` each, joined from generated ones, so none shares text with another. */
function distinctArticles(count: number, bytes: number, seed: string): Array<{ path: string; text: string }> {
  const seedTexts = readdirSync(join(repoRoot, 'seeds')).sort().map((f) => readFileSync(join(repoRoot, 'seeds', f), 'utf8'));
  const pieces = generateCorpus({ seedTexts, targetBytes: count * bytes, seed });
  const docs: Array<{ path: string; text: string }> = [];
  let current = '';
  for (const p of pieces) {
    current += p.text + '\n\n';
    if (current.length >= bytes) {
      docs.push({ path: `doc-${docs.length}.txt`, text: current });
      current = '';
    }
  }
  return docs;
}

describe('memory', () => {
  it('keeps no article text alive once the article and its analysis are dropped', () => {
    // A first batch fills the bounded caches and the reusable token buffers; a second batch of as
    // much distinct text must then leave the heap where it was: nothing of it accumulates.
    analyzeCorpus(distinctArticles(12, 400_000, 'first batch'));
    const before = heapAfterGc();
    let docs: Array<{ path: string; text: string }> | null = distinctArticles(12, 400_000, 'second batch');
    const textBytes = docs.reduce((n, d) => n + d.text.length, 0);
    // Only a count leaves this block: an assertion on the result itself would keep it referenced.
    const analysed = analyzeCorpus(docs).documents.length;
    const documentCount = docs.length;
    docs = null;
    const grown = heapAfterGc() - before;
    expect(analysed).toBe(documentCount);
    // 4.8 MB of text went through; the last document's matcher may stay, never all the articles.
    expect(grown).toBeLessThan(textBytes * 0.25);
  });
});
