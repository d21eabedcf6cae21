// The extension's pure pieces: highlight spans, status text, hover wording, tag lookup, the analysis
// cache's entries and the three-way merge of tags files. No vscode needed.
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/analysis/analyze';
import type { QuoteTag, StanceTag, Tag } from '../../src/annotations/tags';
import { analysisCacheKey } from '../../src/vscode/analysisCache';
import { Commands } from '../../src/vscode/constants';
import { analysisCounts, articleCounts, highlightSpans, statusText } from '../../src/vscode/highlights';
import { claimHover, commandLink, dateHover, escapeMarkdown, officialHover, tagHover } from '../../src/vscode/hoverText';
import { mergeTags } from '../../src/vscode/tagMerge';
import { adjacentTag, tagsAt } from '../../src/vscode/tagQuery';
import { seedText } from '../helpers/seeds';

function quoteTag(id: string, start: number, end: number, over: Partial<QuoteTag> = {}): QuoteTag {
  return {
    id,
    kind: 'quote',
    path: 'a.txt',
    anchor: { start, end, exact: 'x'.repeat(end - start), prefix: '', suffix: '' },
    detached: false,
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    speaker: null,
    speakerEntityId: null,
    ...over,
  };
}
function stanceTag(id: string, start: number, end: number, over: Partial<StanceTag> = {}): StanceTag {
  return {
    id,
    kind: 'stance',
    path: 'a.txt',
    anchor: { start, end, exact: 'x'.repeat(end - start), prefix: '', suffix: '' },
    detached: false,
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    stance: 'opposes',
    holder: null,
    target: null,
    note: null,
    ...over,
  };
}

const tokyo = seedText('000');
const tokyoAnalysis = analyzeDocument(tokyo);

describe('highlight spans', () => {
  const all = { dates: true, officials: true, claims: true, tags: true };
  const tags: Tag[] = [quoteTag('q1', 10, 20), stanceTag('s1', 30, 40), quoteTag('q2', 50, 60, { detached: true })];

  it('highlights what the engine found in a seed, each span on its text', () => {
    const spans = highlightSpans(tokyoAnalysis, [], all, tokyo.length);
    expect(spans.date.map((s) => tokyo.slice(s.start, s.end))).toContain('Monday');
    expect(spans.official.map((s) => tokyo.slice(s.start, s.end))).toContain('Yoshimasa Hayashi');
    expect(spans.claim.length).toBe(tokyoAnalysis.claims.length);
  });

  it('leaves out switched-off categories and detached tags', () => {
    const spans = highlightSpans(tokyoAnalysis, tags, { ...all, dates: false, claims: false }, tokyo.length);
    expect(spans.date).toEqual([]);
    expect(spans.claim).toEqual([]);
    expect(spans.official.length).toBeGreaterThan(0);
    expect(spans.quoteTag).toEqual([{ start: 10, end: 20 }]);
    expect(spans.stanceTag).toEqual([{ start: 30, end: 40 }]);
    expect(highlightSpans(tokyoAnalysis, tags, { ...all, tags: false }, tokyo.length).quoteTag).toEqual([]);
  });

  it('drops spans past the end of a text that just got shorter', () => {
    const spans = highlightSpans(tokyoAnalysis, tags, all, 25);
    expect(spans.date).toEqual([]);
    expect(spans.quoteTag).toEqual([{ start: 10, end: 20 }]);
    expect(spans.stanceTag).toEqual([]);
  });

  it('counts people once however often they are named, and says so in the status bar', () => {
    const counts = articleCounts(analysisCounts(tokyoAnalysis), tags);
    const people = new Set(tokyoAnalysis.officials.map((o) => o.name)).size;
    expect(counts.officials).toBe(people);
    expect(counts.officials).toBeLessThan(tokyoAnalysis.officials.length);
    expect(counts.tags).toBe(2);
    expect(counts.detached).toBe(1);
    expect(statusText(counts)).toBe(`$(calendar) ${counts.dates}  $(person) ${people}  $(comment) ${counts.claims}  $(tag) 2  $(warning) 1`);
  });
});

describe('hover text', () => {
  const target = { uri: 'file:///news/a.txt', start: 0, end: 5 };

  it('explains a relative date and what it was resolved against', () => {
    const text = 'LAGOS, 14 February 2025 (Wire) - The governor said on Tuesday that talks would resume next month.';
    const a = analyzeDocument(text);
    const tuesday = a.dates.find((d) => d.text === 'Tuesday')!;
    const md = dateHover(tuesday, a.documentDate, false, target);
    expect(md).toContain('`2025-02-11`');
    expect(md).toContain('a day');
    expect(md).toContain('resolved against the document date `2025-02-14`');
    expect(md).toContain('read from');
    expect(md).toContain(`command:${Commands.setDocumentDate}`);
  });

  it('says a relative date without a document date cannot be resolved, and offers to set one', () => {
    const a = analyzeDocument('Officials met on Tuesday in Brasília.');
    const md = dateHover(a.dates[0]!, a.documentDate, false, target);
    expect(md).toContain('not resolved');
    expect(md).toContain('Set document date');
    const args = JSON.parse(decodeURIComponent(md.match(/\?([^)\s]+)/)![1]!));
    expect(args).toEqual([{ uri: target.uri }]);
  });

  it('gives an official canonical name, title, country and mention counts', () => {
    const hayashi = tokyoAnalysis.officials.find((o) => o.text === 'Hayashi')!;
    const inArticle = tokyoAnalysis.officials.filter((o) => o.entityId === hayashi.entityId).length;
    const md = officialHover(hayashi, { id: hayashi.entityId, name: hayashi.name, title: 'Foreign Minister', country: 'Japan', mentions: 9 }, inArticle);
    expect(md).toContain('**Yoshimasa Hayashi**');
    expect(md).toContain('Japan');
    expect(md).toContain('Named here as "Hayashi"');
    expect(md).toContain(`Mentions: ${inArticle} in this article, 9 in the workspace.`);
  });

  it('gives a claim its speaker and reporting verb, with a link to tag it as a quote', () => {
    const claim = tokyoAnalysis.claims.find((c) => c.cue && c.speaker)!;
    const md = claimHover(claim, target);
    expect(md).toContain(`_${escapeMarkdown(claim.cue!)}_`);
    expect(md).toContain(escapeMarkdown(claim.speaker!));
    const link = md.match(new RegExp(`command:${Commands.tagQuote}\\?([^)\\s]+)`))!;
    expect(JSON.parse(decodeURIComponent(link[1]!))[0]).toMatchObject({ start: claim.start, end: claim.end, speaker: claim.speaker });
  });

  it('shows a tag with edit and remove links, and escapes what the user typed', () => {
    const md = tagHover(stanceTag('s9', 0, 4, { holder: 'Ministry of *Finance*', note: 'see [1]' }), target);
    expect(md).toContain('Stance: opposes');
    expect(md).toContain('Ministry of \\*Finance\\*');
    expect(md).toContain('see \\[1\\]');
    expect(md).toContain(`command:${Commands.editTag}`);
    expect(md).toContain(`command:${Commands.removeTag}`);
    expect(commandLink('Go', 'x.y')).toBe('[Go](command:x.y)');
  });

  it('keeps names as written (hyphens, initials) and escapes only what would change the rendering', () => {
    expect(escapeMarkdown('Hossein Amir-Abdollahian')).toBe('Hossein Amir-Abdollahian');
    expect(escapeMarkdown('J. D. Vance')).toBe('J. D. Vance');
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('a_b [c](d)')).toBe('a\\_b \\[c\\](d)');
  });
});

describe('tag lookup', () => {
  const tags = [quoteTag('a', 100, 200), stanceTag('b', 120, 140), quoteTag('c', 300, 310), quoteTag('d', 0, 5, { detached: true })];

  it('finds the innermost attached tag under the cursor, including just after its end', () => {
    expect(tagsAt(tags, 130).map((t) => t.id)).toEqual(['b', 'a']);
    expect(tagsAt(tags, 200).map((t) => t.id)).toEqual(['a']);
    expect(tagsAt(tags, 2)).toEqual([]);
  });

  it('goes to the next and previous tag, wrapping around', () => {
    expect(adjacentTag(tags, 100, 'next')?.id).toBe('b');
    expect(adjacentTag(tags, 305, 'next')?.id).toBe('a');
    expect(adjacentTag(tags, 120, 'previous')?.id).toBe('a');
    expect(adjacentTag(tags, 50, 'previous')?.id).toBe('c');
    expect(adjacentTag([], 0, 'next')).toBeUndefined();
  });
});

describe('analysis cache keys', () => {
  it('keys on the engine version and the document date as well as the text', () => {
    const keys = new Set([
      analysisCacheKey('abc', null, '0.1.0'),
      analysisCacheKey('abc', null, '0.1.1'),
      analysisCacheKey('abc', '2024-01-01', '0.1.0'),
      analysisCacheKey('abd', null, '0.1.0'),
    ]);
    expect(keys.size).toBe(4);
  });
});

describe('merging a tags file changed by another window', () => {
  const t0 = '2026-01-01T00:00:00.000Z';
  const t1 = '2026-01-02T00:00:00.000Z';
  const t2 = '2026-01-03T00:00:00.000Z';
  const base = [quoteTag('a', 0, 5), quoteTag('b', 10, 15), quoteTag('c', 20, 25)];

  it('keeps additions from both sides and changes from the side that made them', () => {
    const local = [base[0]!, quoteTag('b', 10, 15, { speaker: 'Mia Mottley', modified: t1 }), base[2]!, quoteTag('l', 30, 35)];
    const disk = [quoteTag('a', 0, 5, { speaker: 'Lula', modified: t1 }), base[1]!, base[2]!, stanceTag('d', 40, 45)];
    const { tags, conflicts } = mergeTags(base, local, disk);
    const byId = new Map(tags.map((t) => [t.id, t]));
    expect([...byId.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'l']);
    expect((byId.get('a') as QuoteTag).speaker).toBe('Lula');
    expect((byId.get('b') as QuoteTag).speaker).toBe('Mia Mottley');
    expect(conflicts).toEqual([]);
  });

  it('honours a deletion on either side unless the other side changed the tag since', () => {
    const local = [base[1]!, quoteTag('c', 20, 25, { speaker: 'kept', modified: t1 })];
    const disk = [base[0]!, base[1]!];
    const ids = mergeTags(base, local, disk).tags.map((t) => t.id).sort();
    expect(ids).toEqual(['b', 'c']);
  });

  it('lets the later change win when both sides changed one tag, and reports it', () => {
    const local = [quoteTag('a', 0, 5, { speaker: 'mine', modified: t2 }), base[1]!, base[2]!];
    const disk = [quoteTag('a', 0, 5, { speaker: 'theirs', modified: t1 }), base[1]!, base[2]!];
    const { tags, conflicts } = mergeTags(base, local, disk);
    expect((tags.find((t) => t.id === 'a') as QuoteTag).speaker).toBe('mine');
    expect(conflicts).toEqual(['a']);
    expect(t0 < t1).toBe(true);
  });
});
