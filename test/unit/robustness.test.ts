// The engine is given whatever is in a user's folder: it must never throw, and every span it
// returns must be exactly the text at its offsets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeCorpus, analyzeDocument } from '../../src/analysis/analyze';
import type { DocumentAnalysis } from '../../src/analysis/types';
import { loadSeeds } from '../helpers/seeds';

function expectExactSpans(text: string, analysis: DocumentAnalysis) {
  const spans = [
    ...analysis.dates,
    ...analysis.officials,
    ...analysis.quotes,
    ...analysis.claims,
    ...analysis.events.flatMap((e) => e.sources),
  ];
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeGreaterThanOrEqual(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(s.start, s.end)).toBe(s.text);
  }
  for (const s of analysis.sentences) expect(s.end).toBeLessThanOrEqual(text.length);
}

// Pieces of real news prose, recombined at random, reach the recognizers' deeper rules
// far more often than random characters do.
const seedWords = loadSeeds()
  .flatMap((s) => s.text.split(/(\s+)/))
  .filter((w) => w.length > 0)
  .slice(0, 4000);
const newsLike = fc.array(fc.constantFrom(...seedWords, '“', '”', '"', "'", '’', '\n\n', '. ', 'Mr. ', 'U.S.', '—'), { maxLength: 400 }).map((ws) => ws.join(''));

describe('the engine on any text', () => {
  it('never throws and returns exact spans on random Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (text) => {
        expectExactSpans(text, analyzeDocument(text));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and returns exact spans on shuffled news prose, with and without a document date', () => {
    fc.assert(
      fc.property(newsLike, fc.boolean(), (text, dated) => {
        expectExactSpans(text, analyzeDocument(text, dated ? { documentDate: '2020-02-29' } : {}));
      }),
      { numRuns: 300 },
    );
  });

  it('survives adversarial shapes', () => {
    const shapes = [
      '',
      ' ',
      '\u0000\u0001\u0002',
      '“'.repeat(5000),
      '"'.repeat(5001),
      '“ ” '.repeat(2000) + '“',
      'President '.repeat(3000),
      'Foreign Minister Mr. Dr. '.repeat(1000) + 'Smith said.',
      'May May May 2020 '.repeat(2000),
      '1.2.3.4.5.6.7.8.9.'.repeat(2000),
      'A. B. C. D. '.repeat(3000),
      'He said she said they said '.repeat(2000),
      '😀 “Emoji” said Minister 😀 Ann Lee on Monday. '.repeat(300),
      '\r\n'.repeat(3000) + 'date 2020-01-01\r\n',
      'x'.repeat(200_000),
    ];
    for (const text of shapes) expectExactSpans(text, analyzeDocument(text));
  });

  it('links a corpus of unrelated and empty-ish documents without throwing', () => {
    const corpus = analyzeCorpus([
      { path: 'a.txt', text: '' },
      { path: 'b.txt', text: '"' },
      ...loadSeeds(),
      { path: 'c.txt', text: 'Foreign Minister Ann Lee met President Bo Park in Seoul on Monday.', options: { documentDate: '2024-01-10' } },
    ]);
    expect(corpus.documents).toHaveLength(8);
    const ids = new Set(corpus.entities.map((e) => e.id));
    for (const { analysis } of corpus.documents) for (const o of analysis.officials) expect(ids).toContain(o.entityId);
  });
});

describe('offsets count UTF-16 code units', () => {
  it('keeps spans exact after characters outside the Basic Multilingual Plane', () => {
    const text = 'date 2021-03-05\n\n😀😀 𝒜 Prime Minister Jane Okafor met President Li Wei in Abuja on Friday. “We agreed,” Okafor said.';
    const analysis = analyzeDocument(text);
    expectExactSpans(text, analysis);
    expect(analysis.dates.map((d) => [d.text, d.value])).toContainEqual(['Friday', '2021-03-05']);
    expect(analysis.officials.map((o) => o.text)).toContain('Jane Okafor');
    expect(analysis.quotes.map((q) => [q.text, q.speaker])).toEqual([['We agreed,', 'Jane Okafor']]);
  });
});
