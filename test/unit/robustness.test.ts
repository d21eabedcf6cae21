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

// Adversarial shapes, each as a function of its length in characters, for the exception and linearity tests.
const sentence = 'On Monday, Foreign Minister Ana Lima told reporters in Brasília that “talks with Argentina’s President will resume”, a spokesman said. ';
const adversarial: Record<string, (n: number) => string> = {
  'one line of prose without a line break': (n) => sentence.repeat(Math.ceil(n / sentence.length)).slice(0, n),
  'nested quotation marks': (n) => '“‘«„'.repeat(n / 8) + '”’»“'.repeat(n / 8),
  'unbalanced quotation marks among words': (n) => '“He said ‘no, '.repeat(Math.ceil(n / 14)).slice(0, n),
  'straight quotes, odd count': (n) => ('"a" "b \'c '.repeat(Math.ceil(n / 11)) + '"').slice(0, n),
  'capitalised words without end': (n) => 'Alpha Beta Gamma Delta Minister President Of The '.repeat(Math.ceil(n / 49)).slice(0, n),
  'capitalised words with initials and titles': (n) => 'Dr. J. R. R. Van Der Berg-Smith Jr. Sen. '.repeat(Math.ceil(n / 40)).slice(0, n),
  'digits and dots': (n) => '1.2.3.4.5.6.7.8.9.10.'.repeat(Math.ceil(n / 21)).slice(0, n),
  'digits, dots and dates': (n) => '12.05.2020 3.4 May 2020. 2020-01-01. '.repeat(Math.ceil(n / 37)).slice(0, n),
  'said said said': (n) => 'said, said Mr Said, said. '.repeat(Math.ceil(n / 26)).slice(0, n),
  // Thousands of different officials, each named in full and then by family name alone (every one asks for its
  // full name), or by given name behind an honorific (every one is asked for among the others' names).
  'many officials, each named again by family name': (n) => manyOfficials(n, (_given, family) => `Mr ${family}`),
  'many officials, each named again by given name': (n) => manyOfficials(n, (given) => `Mr ${given}`),
};

/** Sentences naming a different official each, then naming them again as `again` says. */
function manyOfficials(n: number, again: (given: string, family: string) => string): string {
  const syllables = ['ka', 'lo', 'mi', 'ra', 'su', 'te', 'vo', 'ne', 'di', 'ba', 'zu', 'pe'];
  const word = (k: number) => {
    let w = '';
    for (let x = k + 1; x > 0; x = Math.floor(x / syllables.length)) w += syllables[x % syllables.length];
    return w[0]!.toUpperCase() + w.slice(1);
  };
  let text = '';
  for (let k = 0; text.length < n; k++) {
    const given = `${word(k * 7 + 3)}o`;
    const family = `${word(k * 13 + 5)}din`;
    text += `Foreign Minister ${given} ${family} met reporters on Monday. ${again(given, family)} said the talks would resume. `;
  }
  return text.slice(0, n);
}

describe('the engine on adversarial text, large', () => {
  it('never throws on a 1 MB line or on any adversarial shape at 128 KB, and its spans are exact', () => {
    const line = adversarial['one line of prose without a line break']!(1024 * 1024);
    expect(line.includes('\n')).toBe(false);
    expectExactSpans(line, analyzeDocument(line));
    for (const make of Object.values(adversarial)) {
      const text = make(128 * 1024);
      expectExactSpans(text, analyzeDocument(text));
    }
  });

  // Sizes where one paragraph holds more marks, names or dates than a call can take as spread arguments
  // (a `push(...segments)` once threw RangeError on 1 MB of straight quotes).
  it('never throws on any adversarial shape at 2 MB in one paragraph', () => {
    for (const [name, make] of Object.entries(adversarial)) {
      const text = make(2 * 1024 * 1024);
      expect(() => analyzeDocument(text), name).not.toThrow();
    }
  }, 120_000);

  // Not a time limit: the CPU time per character at 32 KB and at 8 times that size, compared in one run.
  // Linear work keeps the ratio near 1; quadratic work makes it near 8. A factor of 3 leaves room for noise,
  // and a shape over it is measured again (up to three times, the lowest ratio kept): superlinear work is
  // over the factor every time, a burst of load on a shared machine is not.
  it('takes time linear in the input on every adversarial shape', () => {
    const cpuMs = (text: string) => {
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const before = process.cpuUsage();
        analyzeDocument(text);
        const used = process.cpuUsage(before);
        runs.push((used.user + used.system) / 1000);
      }
      return Math.min(...runs);
    };
    const small = 32 * 1024;
    const large = 8 * small;
    analyzeDocument(adversarial['one line of prose without a line break']!(small)); // warm the engine up
    const ratios: Record<string, number> = {};
    for (const [name, make] of Object.entries(adversarial)) {
      const smallText = make(small);
      const largeText = make(large);
      let lowest = Infinity;
      for (let attempt = 0; attempt < 3 && lowest > 3; attempt++) {
        // The small size is timed twice, so that fixed costs and timer grain do not dominate.
        const perCharSmall = (cpuMs(smallText) + cpuMs(smallText)) / (2 * small);
        const perCharLarge = cpuMs(largeText) / large;
        lowest = Math.min(lowest, perCharLarge / Math.max(perCharSmall, 1e-9));
      }
      ratios[name] = Math.round(lowest * 100) / 100;
    }
    console.info(`engine time per character at ${large / 1024} KB relative to ${small / 1024} KB: ${JSON.stringify(ratios)}`);
    const slow = Object.entries(ratios).filter(([, r]) => r > 3);
    expect(slow, `time per character at 8x the size, relative to 1x: ${JSON.stringify(ratios)}`).toEqual([]);
  }, 120_000);
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
