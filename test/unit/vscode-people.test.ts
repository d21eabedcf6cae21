import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/analysis/analyze';
import { linkArticles } from '../../src/vscode/corpusLink';
import { peopleFor, speakerAt } from '../../src/vscode/people';
import { loadSeeds } from '../helpers/seeds';

describe('people offered as speakers and holders', () => {
  const seeds = loadSeeds();
  const corpus = linkArticles(seeds.map((s) => ({ path: s.path, analysis: analyzeDocument(s.text) })));
  const tokyo = corpus.documents[0]!.analysis;

  it('puts the article\'s officials first, most named first, then the rest of the workspace', () => {
    const { inArticle, inWorkspace } = peopleFor(tokyo.officials, corpus.entities);
    expect(inArticle.map((e) => e.name).slice(0, 2).sort()).toEqual(['Hossein Amir-Abdollahian', 'Yoshimasa Hayashi']);
    expect(inArticle.map((e) => e.name)).toContain('Fumio Kishida');
    const here = new Set(inArticle.map((e) => e.id));
    expect(inWorkspace.some((e) => here.has(e.id))).toBe(false);
    expect(inArticle.length + inWorkspace.length).toBe(corpus.entities.length);
    for (let i = 1; i < inWorkspace.length; i++) expect(inWorkspace[i - 1]!.mentions).toBeGreaterThanOrEqual(inWorkspace[i]!.mentions);
  });

  it('suggests the engine\'s speaker for a selection inside an attributed passage', () => {
    const text = 'OTTAWA (Agency) - Canada\'s Foreign Minister Melanie Joly said on Monday that "the door remains open" to talks.';
    const a = analyzeDocument(text);
    const inside = text.indexOf('door');
    expect(speakerAt(a, { start: inside, end: inside + 4 })?.name).toBe('Melanie Joly');
    expect(speakerAt(a, { start: 0, end: 6 })?.name ?? null).toBe(a.claims.find((c) => c.start === 0)?.speaker ?? null);
    expect(speakerAt(undefined, { start: 0, end: 1 })).toBeNull();
  });
});
