import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus } from '../../bench/corpus.mjs';
import { analyzeCorpus, analyzeDocument, linkAnalyses } from '../../src/analysis/analyze';
import type { DocumentAnalysis } from '../../src/analysis/types';
import { runSteps } from '../../src/analysis/steps';
import { linkArticles, linkArticlesStepwise, linkedAnalysis, linkInputOf } from '../../src/vscode/corpusLink';
import { loadSeeds, repoRoot } from '../helpers/seeds';

const bbcDir = join(repoRoot, '..', 'shared', 'eval', 'bbc');
function bbc(): Array<{ path: string; text: string }> {
  return readdirSync(bbcDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ path: `bbc/${f}`, text: readFileSync(join(bbcDir, f), 'utf8') }));
}

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

  it('shares the link inputs\' passages with the merged events, the same objects at every linking (no copy per linking)', () => {
    const inputs = seeds.map((s) => ({ path: s.path, link: linkInputOf(analyzeDocument(s.text)) }));
    const first = runSteps(linkArticlesStepwise(inputs));
    const second = runSteps(linkArticlesStepwise(inputs));
    const passages = (events: typeof first.events) => events.flatMap((e) => e.sources);
    expect(passages(first.events).length).toBeGreaterThan(3);
    expect(passages(second.events)).toEqual(passages(first.events));
    const own = new Set(inputs.flatMap((a) => a.link.events.flatMap((e) => e.sources)));
    for (const source of passages(second.events)) {
      expect(own.has(source)).toBe(true);
      expect(passages(first.events)).toContain(source);
    }
    // Each passage says which article it is from, as a merged event's source must.
    for (const a of inputs) for (const e of a.link.events) for (const source of e.sources) expect(source).toMatchObject({ path: a.path });
    expect(first).toMatchObject({ events: linkArticles(seeds.map((s) => ({ path: s.path, analysis: analyzeDocument(s.text) }))).events });
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

  it('makes each article\'s linked analysis from the links exactly as linkAnalyses rewrites it (seeds, BBC, generated)', () => {
    const generated = generateCorpus({ seedTexts: loadSeeds().map((s) => s.text), targetBytes: 400_000, seed: 7 });
    const docs = [...seeds, ...bbc(), ...generated.map((g) => ({ path: g.path, text: g.text }))];
    expect(docs.length).toBeGreaterThan(60);
    const local = docs.map((d) => ({ path: d.path, analysis: analyzeDocument(d.text) }));
    const copy = (a: DocumentAnalysis): DocumentAnalysis => JSON.parse(JSON.stringify(a)) as DocumentAnalysis;
    const expected = linkAnalyses(local.map((l) => ({ path: l.path, analysis: copy(l.analysis) })));
    const inputs = local.map((l) => ({ path: l.path, link: linkInputOf(l.analysis) }));
    const links = runSteps(linkArticlesStepwise(inputs));
    expect(links.entities).toEqual(expected.entities);
    expect(links.events).toEqual(expected.events);
    local.forEach((l, i) => expect(linkedAnalysis(l.analysis, links, inputs[i]!.link)).toEqual(expected.documents[i]!.analysis));
    // What linking keeps of an article is far smaller than its analysis: its distinct people, not every mention.
    const people = inputs.reduce((n, input) => n + input.link.people.length, 0);
    const mentions = local.reduce((n, l) => n + l.analysis.officials.length, 0);
    expect(people).toBeLessThan(mentions / 2);
    // Some people were linked across articles, or this would prove little.
    expect(expected.entities.some((e) => e.mentions > 3)).toBe(true);
  });

  it('shows an article analysed after the last linking with the people the corpus already knows', () => {
    const links = runSteps(linkArticlesStepwise([{ path: 'a.txt', link: linkInputOf(analyzeDocument('NAIROBI, March 3 (Wire) - Kenyan Foreign Minister Musalia Mudavadi met his Ugandan counterpart on Tuesday.')) }]));
    const fresh = analyzeDocument('KAMPALA (Agency) - Foreign Minister Mudavadi arrived on Wednesday. Finance Minister Ngozi Okonjo-Iweala spoke later.');
    const shown = linkedAnalysis(fresh, links, linkInputOf(fresh));
    const mudavadi = shown.officials.find((o) => o.text.includes('Mudavadi'));
    expect(mudavadi?.name).toBe('Musalia Mudavadi');
    expect(mudavadi?.entityId).toBe(links.entities.find((e) => e.name === 'Musalia Mudavadi')?.id);
    // A new person keeps the local id until the next linking; the article's own analysis is not touched.
    const newcomer = shown.officials.find((o) => o.text.includes('Okonjo-Iweala'));
    expect(newcomer?.entityId).toBe(fresh.officials.find((o) => o.text.includes('Okonjo-Iweala'))?.entityId);
    expect(shown.officials[0]).not.toBe(fresh.officials[0]);
  });
});
