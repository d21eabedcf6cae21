import { describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../src/analysis/analyze';
import type { Tag } from '../../src/annotations/tags';
import { analysisCounts } from '../../src/vscode/highlights';
import { articleCounts, articleSections, articleSummary } from '../../src/vscode/views/annotationGroups';
import { loadSeeds } from '../helpers/seeds';

const seeds = loadSeeds();
const corpus = analyzeCorpus(seeds);
const entities = new Map(corpus.entities.map((e) => [e.id, e]));
const [firstPath, firstText] = [seeds[1]!.path, seeds[1]!.text];
const firstAnalysis = corpus.documents.find((d) => d.path === firstPath)!.analysis;

function quoteTag(id: string, text: string, exact: string, detached = false): Tag {
  const start = detached ? 0 : text.indexOf(exact);
  if (start < 0) throw new Error(`no ${exact}`);
  return {
    id,
    kind: 'quote',
    path: firstPath,
    anchor: { start, end: start + exact.length, exact, prefix: '', suffix: '' },
    detached,
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    speaker: 'Yoko Kamikawa',
    speakerEntityId: 'official:yoko-kamikawa',
  };
}

describe('Annotations tree sections', () => {
  it('lists an article’s officials with their mention counts, the most mentioned first', () => {
    const sections = articleSections(firstPath, firstAnalysis, [], entities);
    const officials = sections.find((s) => s.section === 'officials')!;
    expect(officials.items.map((i) => `${i.label} | ${i.description}`)).toEqual([
      'Hossein Amir-Abdollahian | Foreign Minister, Iran · 4 mentions',
      'Yoko Kamikawa | Foreign Minister, Japan · 3 mentions',
    ]);
    const first = officials.items[0]!;
    expect(first.mentions).toHaveLength(4);
    expect(first.tooltip).toContain('4 mentions in this article, 8 in the workspace');
    for (const m of first.mentions!) expect(firstText.slice(m.start, m.end)).toMatch(/Amir[- ]?Abdollahian|Iranian/);
  });

  it('leads every item to its own text', () => {
    const sections = articleSections(firstPath, firstAnalysis, [], entities);
    expect(sections.map((s) => s.section)).toEqual(['officials', 'quotes', 'claims', 'dates']);
    const dates = sections.find((s) => s.section === 'dates')!;
    expect(dates.items[0]).toMatchObject({ label: '15 December 2023', description: '2023-12-15' });
    expect(dates.items.find((i) => i.label === 'today')?.description).toBe('2023-12-15 (relative)');
    for (const s of sections) for (const i of s.items) if (i.passage && !i.mentions) expect(firstText.slice(i.passage.start, i.passage.end).length).toBeGreaterThan(0);
    const quotes = sections.find((s) => s.section === 'quotes')!;
    for (const q of quotes.items) expect(q.label.slice(1, 20)).toBe(firstText.slice(q.passage!.start, q.passage!.end).replace(/\s+/g, ' ').slice(0, 19));
  });

  it('puts the user’s quote tags among the quotes, in reading order, carrying the tag', () => {
    const tag = quoteTag('t1', firstText, 'Japan’s commitment to UN');
    const sections = articleSections(firstPath, firstAnalysis, [tag], entities);
    const quotes = sections.find((s) => s.section === 'quotes')!;
    const mine = quotes.items.find((i) => i.tag)!;
    expect(mine.tag).toBe(tag);
    expect(mine.description).toBe('Yoko Kamikawa · your tag');
    const starts = quotes.items.map((i) => i.passage!.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('shows stances and detached tags, a detached one leading nowhere', () => {
    const stance: Tag = {
      ...quoteTag('t2', firstText, 'genocide in Gaza'),
      kind: 'stance',
      stance: 'opposes',
      holder: 'Iran',
      target: 'the US veto',
      note: null,
    } as Tag;
    const lost = quoteTag('t3', firstText, 'a sentence that was deleted', true);
    const sections = articleSections(firstPath, firstAnalysis, [stance, lost], entities);
    const stances = sections.find((s) => s.section === 'stances')!;
    expect(stances.items[0]).toMatchObject({ label: 'Iran opposes the US veto', icon: 'law' });
    const detached = sections.find((s) => s.section === 'detached')!;
    expect(detached.items[0]).toMatchObject({ passage: undefined, icon: 'warning' });
    expect(detached.items[0]!.tag).toBe(lost);
    expect(detached.items[0]!.description).toMatch(/^detached/);
    expect(articleSummary(sections)).toBe('2 officials · 3 quotes · 12 claims · 1 stance · 1 detached');
  });

  it('has nothing to show for an empty article', () => {
    const empty = analyzeCorpus([{ path: 'empty.txt', text: '' }]).documents[0]!.analysis;
    expect(articleSections('empty.txt', empty, [], new Map())).toEqual([]);
  });

  it('an article row\'s counts, made without the items, are the sections\' counts (every seed, with tags of each kind)', () => {
    const stance = { ...quoteTag('t2', firstText, 'genocide in Gaza'), kind: 'stance', stance: 'opposes', holder: 'Iran', target: 'the US veto', note: null } as Tag;
    const tagSets: Tag[][] = [[], [quoteTag('t1', firstText, 'Japan’s commitment to UN'), stance, quoteTag('t3', firstText, 'gone', true)]];
    for (const d of corpus.documents) {
      for (const tags of d.path === firstPath ? tagSets : [[]]) {
        const sections = articleSections(d.path, d.analysis, tags, entities);
        const counts = articleCounts(analysisCounts(d.analysis), tags);
        for (const s of sections) expect(counts[s.section], `${d.path} ${s.section}`).toBe(s.count);
        expect(articleSummary(counts)).toBe(articleSummary(sections));
      }
    }
  });
});
