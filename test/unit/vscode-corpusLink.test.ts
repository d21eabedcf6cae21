import { describe, expect, it } from 'vitest';
import { analyzeCorpus, analyzeDocument } from '../../src/analysis/analyze';
import { linkArticles } from '../../src/vscode/corpusLink';
import { loadSeeds } from '../helpers/seeds';

describe('linking cached per-article analyses', () => {
  const seeds = loadSeeds();

  it('gives what analyzeCorpus gives for the seeds', () => {
    const local = seeds.map((s) => ({ path: s.path, analysis: analyzeDocument(s.text) }));
    expect(linkArticles(local)).toEqual(analyzeCorpus(seeds));
  });

  it('leaves the cached analyses untouched, so linking again after one article changed is right', () => {
    const local = seeds.map((s) => ({ path: s.path, analysis: analyzeDocument(s.text) }));
    const before = JSON.stringify(local);
    const first = linkArticles(local);
    expect(JSON.stringify(local)).toBe(before);
    expect(linkArticles(local)).toEqual(first);
    // Dropping an article drops its people's mentions from the workspace counts.
    const fewer = linkArticles(local.slice(1));
    const mentions = (c: typeof first) => c.entities.reduce((n, e) => n + e.mentions, 0);
    expect(mentions(fewer)).toBeLessThan(mentions(first));
  });

  it('links one person named in two invented articles from different outlets', () => {
    const a = 'NAIROBI, March 3 (Wire) - Kenyan Foreign Minister Musalia Mudavadi met his Ugandan counterpart on Tuesday.';
    const b = 'KAMPALA (Agency) - Kenyan Foreign Minister Mudavadi arrived on Wednesday for two days of talks.';
    const linked = linkArticles([
      { path: 'a.txt', analysis: analyzeDocument(a) },
      { path: 'b.txt', analysis: analyzeDocument(b) },
    ]);
    const [inA, inB] = linked.documents.map((d) => d.analysis.officials[0]);
    expect(inA?.name).toBe('Musalia Mudavadi');
    expect(inB?.text).toBe('Mudavadi');
    expect(inB?.entityId).toBe(inA?.entityId);
    expect(inB?.name).toBe('Musalia Mudavadi');
    expect(linked.entities.find((e) => e.id === inA?.entityId)?.mentions).toBe(2);
  });
});
