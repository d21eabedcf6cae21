import { describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../src/analysis/analyze';
import type { Tag } from '../../src/annotations/tags';
import { parseAnnotationsImport, toWebAnnotations } from '../../src/annotations/w3c';
import { buildWorkspaceExport, tagToUserAnnotation, type ExportArticle } from '../../src/vscode/views/exportData';
import { schemaErrors } from '../helpers/schema';
import { loadSeeds } from '../helpers/seeds';

const seeds = loadSeeds();
const corpus = analyzeCorpus(seeds);

function tagOn(path: string, text: string, exact: string, extra: Partial<Tag> = {}): Tag {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`no ${exact}`);
  return {
    id: `t-${start}`,
    kind: 'stance',
    path,
    anchor: { start, end: start + exact.length, exact, prefix: '', suffix: '' },
    detached: false,
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    stance: 'concerned',
    holder: 'Japan',
    target: 'Iran’s nuclear programme',
    note: 'reader’s note',
    ...extra,
  } as Tag;
}

function articles(tags: Map<string, Tag[]> = new Map()): ExportArticle[] {
  return seeds.map((s) => ({ path: s.path, text: s.text, analysis: corpus.documents.find((d) => d.path === s.path)!.analysis, tags: tags.get(s.path) ?? [] }));
}

describe('workspace export', () => {
  it('exports every article with its automatic annotations, entities and events, valid against the schema', () => {
    const result = buildWorkspaceExport('news-annotator 0.1.0', articles(), corpus.entities, corpus.events);
    expect(schemaErrors(result.export)).toEqual([]);
    expect(result.export.documents.map((d) => d.path)).toEqual(seeds.map((s) => s.path));
    expect(result.export.events).toHaveLength(corpus.events.length);
    expect(result.export.entities).toHaveLength(corpus.entities.length);
    expect(result).toMatchObject({ articles: 5, userTags: 0, detachedSkipped: 0 });
    expect(result.automatic).toBe(result.export.documents.reduce((n, d) => n + d.annotations.length, 0));
  });

  it('maps the user’s tags to user annotations and leaves detached ones out', () => {
    const seed = seeds[0]!;
    const stance = tagOn(seed.path, seed.text, 'full and unconditional cooperation');
    const quote = tagOn(seed.path, seed.text, 'to respond in a constructive manner', { kind: 'quote', speaker: 'Yoshimasa Hayashi', speakerEntityId: 'official:yoshimasa-hayashi' } as Partial<Tag>);
    const lost = { ...tagOn(seed.path, seed.text, 'Tokyo'), id: 'lost', detached: true };
    const result = buildWorkspaceExport('news-annotator 0.1.0', articles(new Map([[seed.path, [stance, quote, lost]]])), corpus.entities, corpus.events);
    expect(schemaErrors(result.export)).toEqual([]);
    expect(result).toMatchObject({ userTags: 2, detachedSkipped: 1 });
    const user = result.export.documents[0]!.annotations.filter((a) => a.source === 'user');
    expect(user.map((a) => [a.kind, a.text])).toEqual([
      ['stance', 'full and unconditional cooperation'],
      ['quote', 'to respond in a constructive manner'],
    ]);
    expect(user[0]).toMatchObject({ id: stance.id, stance: 'concerned', holder: 'Japan', target: 'Iran’s nuclear programme', note: 'reader’s note' });
    expect(user[1]).toMatchObject({ speaker: 'Yoshimasa Hayashi', speakerEntityId: 'official:yoshimasa-hayashi' });
  });

  it('takes the tag’s text from the article, and refuses offsets outside it', () => {
    const text = 'President Lula met Chancellor Scholz in Brasília.';
    const tag = tagOn('a.txt', text, 'Chancellor Scholz');
    expect(tagToUserAnnotation(tag, text)).toMatchObject({ text: 'Chancellor Scholz', start: 19, end: 36 });
    expect(tagToUserAnnotation({ ...tag, anchor: { ...tag.anchor, end: 999 } }, text)).toBeNull();
    expect(tagToUserAnnotation({ ...tag, detached: true }, text)).toBeNull();
  });
});

describe('what the export commands write reads back', () => {
  const seed = seeds[0]!;
  const stance = tagOn(seed.path, seed.text, 'full and unconditional cooperation');
  const quote = tagOn(seed.path, seed.text, 'to respond in a constructive manner', { id: 'q1', kind: 'quote', speaker: 'Yoshimasa Hayashi', speakerEntityId: null } as Partial<Tag>);
  const result = buildWorkspaceExport('news-annotator 0.1.0', articles(new Map([[seed.path, [stance, quote]]])), corpus.entities, corpus.events);

  it('the v1 JSON gives back the tags (Import Annotations...)', () => {
    const back = parseAnnotationsImport(JSON.stringify(result.export));
    expect(back.ok && back.format).toBe('news-annotator');
    if (!back.ok) return;
    expect(back.tags.map((t) => [t.id, t.kind, t.anchor.exact, t.path])).toEqual([
      [stance.id, 'stance', 'full and unconditional cooperation', seed.path],
      ['q1', 'quote', 'to respond in a constructive manner', seed.path],
    ]);
  });

  it('the W3C JSON-LD collection holds every annotation and gives back the tags', () => {
    const w3c = toWebAnnotations(result.export, { texts: result.texts, tags: result.tags, baseUri: 'file:///home/reporter/articles/' }) as { type: string; total?: number; items?: unknown[] };
    expect(w3c.type).toBe('AnnotationCollection');
    const json = JSON.stringify(w3c);
    expect(json).toContain(`file:///home/reporter/articles/${seed.path}`);
    const back = parseAnnotationsImport(json);
    expect(back.ok && back.format).toBe('w3c');
    if (!back.ok) return;
    expect(back.tags.map((t) => t.anchor.exact).sort()).toEqual(['full and unconditional cooperation', 'to respond in a constructive manner']);
    expect(back.tags.find((t) => t.kind === 'stance')).toMatchObject({ stance: 'concerned', holder: 'Japan', note: 'reader’s note' });
  });
});
