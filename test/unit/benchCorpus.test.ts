import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSeedPeople, generateCorpus } from '../../bench/corpus.mjs';

const seedDir = join(__dirname, '../../seeds');
const seedFiles = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort();
const seedTexts = seedFiles.map((f) => readFileSync(join(seedDir, f), 'utf8'));
const TARGET = 300 * 1024;
const corpus = generateCorpus({ seedTexts, targetBytes: TARGET, seed: 7 });
const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('generateCorpus', () => {
  it('is deterministic: the same seed gives identical output, another seed does not', () => {
    const again = generateCorpus({ seedTexts, targetBytes: TARGET, seed: 7 });
    expect(again).toEqual(corpus);
    const other = generateCorpus({ seedTexts, targetBytes: TARGET, seed: 8 });
    expect(other.map((d) => d.text)).not.toEqual(corpus.map((d) => d.text));
  });

  it('reaches the target size and stops soon after it', () => {
    const total = corpus.reduce((sum, d) => sum + utf8Bytes(d.text), 0);
    expect(total).toBeGreaterThanOrEqual(TARGET);
    const last = corpus[corpus.length - 1]!;
    expect(total - utf8Bytes(last.text)).toBeLessThan(TARGET);
  });

  it('reaches 10 MB for the benchmark', () => {
    const big = generateCorpus({ seedTexts, targetBytes: 10 * 1024 * 1024, seed: 1 });
    expect(big.reduce((sum, d) => sum + utf8Bytes(d.text), 0)).toBeGreaterThanOrEqual(10 * 1024 * 1024);
  });

  it('never generates the same article twice, and most differ from their seed', () => {
    expect(new Set(corpus.map((d) => d.text)).size).toBe(corpus.length);
    expect(new Set(corpus.map((d) => d.path)).size).toBe(corpus.length);
    const changed = corpus.filter((d) => d.text !== seedTexts[d.seedIndex]);
    expect(changed.length).toBeGreaterThanOrEqual(0.95 * corpus.length);
    // Every seed is used.
    expect(new Set(corpus.map((d) => d.seedIndex)).size).toBe(seedTexts.length);
  });

  it('gives every article a valid document date', () => {
    for (const d of corpus) {
      expect(d.documentDate).toMatch(/^(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d)$/);
    }
  });

  it('replaces the seed officials consistently: full name and surname-only mentions', () => {
    const seedIndex = seedFiles.findIndex((_, i) => findSeedPeople(seedTexts[i]!).length >= 3);
    expect(seedIndex).toBeGreaterThanOrEqual(0);
    const seedPeople = findSeedPeople(seedTexts[seedIndex]!);
    const articles = corpus.filter((d) => d.seedIndex === seedIndex);
    expect(articles.length).toBeGreaterThan(5);
    let consistent = 0;
    for (const article of articles) {
      for (const person of seedPeople) {
        for (const full of person.fulls) expect(article.text).not.toContain(full);
      }
      // The substituted people are found again, and their surnames recur on their own
      // (unless the paragraph that introduces them was dropped).
      const people = findSeedPeople(article.text);
      const recurring = people.filter((p) => {
        const surname = [...p.surnames][0]!;
        return article.text.split(surname).length - 1 >= 2;
      });
      if (people.length >= 2 && recurring.length >= 1) consistent++;
    }
    expect(consistent).toBeGreaterThanOrEqual(0.7 * articles.length);
  });

  it('varies dates: years, months and days move', () => {
    const datedSeed = seedTexts.findIndex((t) => /\b(?:19|20)\d\d-\d\d-\d\d\b/.test(t));
    expect(datedSeed).toBeGreaterThanOrEqual(0);
    const original = /\b(?:19|20)\d\d-\d\d-\d\d\b/.exec(seedTexts[datedSeed]!)![0];
    const articles = corpus.filter((d) => d.seedIndex === datedSeed);
    const unchanged = articles.filter((d) => d.text.includes(original));
    expect(unchanged.length).toBeLessThanOrEqual(0.2 * articles.length);
    // The document date follows the dateline in the text.
    for (const d of articles) expect(d.text).toContain(d.documentDate);
  });
});

describe('findSeedPeople', () => {
  it('finds titled names in a seed, with surname-only and hyphen variants', () => {
    const people = findSeedPeople(
      'Iran’s Foreign Minister Hossein Amir-Abdollahian met with his Japanese counterpart, Yoshimasa Hayashi, in Tokyo. ' +
        'Amir-Abdollahian said the talks went well.',
    );
    const fulls = people.map((p) => [...p.fulls][0]);
    expect(fulls).toEqual(expect.arrayContaining(['Hossein Amir-Abdollahian', 'Yoshimasa Hayashi']));
    const iranian = people.find((p) => p.fulls.has('Hossein Amir-Abdollahian'))!;
    expect([...iranian.surnames]).toEqual(expect.arrayContaining(['Amir-Abdollahian', 'Amir Abdollahian']));
  });

  it('handles other styles: appositive titles, surname-first capitals, no country words in names', () => {
    const people = findSeedPeople(
      'Mr. OKAFOR Chidi, Minister of Trade, received Kenyan President Wanjiru Otieno. ' +
        'Lars Holm, the Norwegian foreign minister, also attended.',
    );
    const byFull = new Map(people.map((p) => [[...p.fulls][0], p]));
    expect(byFull.get('OKAFOR Chidi')?.upperFirst).toBe(true);
    expect([...(byFull.get('OKAFOR Chidi')?.surnames ?? [])]).toContain('Okafor');
    expect(byFull.has('Wanjiru Otieno')).toBe(true);
    expect(byFull.has('Lars Holm')).toBe(true);
    expect([...byFull.keys()].some((k) => k?.includes('Kenyan'))).toBe(false);
  });
});
