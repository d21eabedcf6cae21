import { describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../src/analysis/analyze';
import { LineIndex } from '../../src/analysis/lineIndex';
import { buildExport, type UserAnnotation } from '../../src/annotations/exportFormat';
import { sha256Hex } from '../../src/annotations/sha256';
import { schemaErrors } from '../helpers/schema';
import { loadSeeds } from '../helpers/seeds';

function exportSeeds(userAnnotations?: Map<string, UserAnnotation[]>) {
  const seeds = loadSeeds();
  const corpus = analyzeCorpus(seeds);
  const texts = new Map(seeds.map((s) => [s.path, s.text]));
  return { seeds, texts, exported: buildExport({ generator: 'news-annotator test', corpus, texts, userAnnotations }) };
}

describe('export format version 1', () => {
  it('exports the seed corpus in a form the schema accepts', () => {
    const { exported, seeds } = exportSeeds();
    expect(schemaErrors(exported)).toEqual([]);
    expect(exported.format).toBe('news-annotator/annotations');
    expect(exported.version).toBe(1);
    expect(exported.documents.map((d) => d.path)).toEqual(seeds.map((s) => s.path));
  });

  it('gives every annotation exact offsets, a matching line range and a unique id', () => {
    const { exported, texts } = exportSeeds();
    for (const doc of exported.documents) {
      const text = texts.get(doc.path)!;
      expect(doc.sha256).toBe(sha256Hex(text));
      const lines = new LineIndex(text);
      for (const a of doc.annotations) {
        expect(text.slice(a.start, a.end)).toBe(a.text);
        expect(a.range.start).toEqual(lines.positionAt(a.start));
        expect(a.range.end).toEqual(lines.positionAt(a.end));
      }
      const ids = doc.annotations.map((a) => a.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('keeps references consistent: official mentions and speakers point at listed entities', () => {
    const { exported } = exportSeeds();
    const entityIds = new Set(exported.entities.map((e) => e.id));
    for (const doc of exported.documents) {
      for (const a of doc.annotations) {
        if (a.kind === 'official') expect(entityIds).toContain(a.entityId);
        if ((a.kind === 'quote' || a.kind === 'claim') && a.speakerEntityId) expect(entityIds).toContain(a.speakerEntityId);
      }
    }
    const mentionTotal = exported.documents.flatMap((d) => d.annotations).filter((a) => a.kind === 'official').length;
    expect(exported.entities.reduce((n, e) => n + e.mentions, 0)).toBe(mentionTotal);
  });

  it('includes user tags as source "user", sorted among the automatic annotations', () => {
    const seeds = loadSeeds();
    const path = seeds[3]!.path;
    const text = seeds[3]!.text;
    const start = text.indexOf('This bilateral relationship');
    const stanceStart = text.indexOf('Iran maintains');
    const user = new Map<string, UserAnnotation[]>([
      [
        path,
        [
          { id: 'tag-quote-1', kind: 'quote', start, end: start + 27, text: text.slice(start, start + 27), speaker: 'Hassan Rouhani' },
          {
            id: 'tag-stance-1',
            kind: 'stance',
            start: stanceStart,
            end: stanceStart + 14,
            text: text.slice(stanceStart, stanceStart + 14),
            stance: 'supports',
            holder: 'Iran',
            target: 'nuclear program',
          },
        ],
      ],
    ]);
    const { exported } = exportSeeds(user);
    expect(schemaErrors(exported)).toEqual([]);
    const doc = exported.documents.find((d) => d.path === path)!;
    const tags = doc.annotations.filter((a) => a.source === 'user');
    expect(tags.map((t) => [t.id, t.kind])).toEqual([
      ['tag-quote-1', 'quote'],
      ['tag-stance-1', 'stance'],
    ]);
    const starts = doc.annotations.map((a) => a.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('the schema rejects a malformed export', () => {
    const { exported } = exportSeeds();
    expect(schemaErrors({ ...exported, version: 2 })).not.toEqual([]);
    const broken = structuredClone(exported);
    broken.documents[0]!.sha256 = 'not-a-hash';
    expect(schemaErrors(broken)).not.toEqual([]);
    const badDate = structuredClone(exported);
    badDate.documents[0]!.annotations.unshift({
      id: 'x', kind: 'date', source: 'auto', start: 0, end: 1, codePointStart: 0, codePointEnd: 1, text: 'x',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, value: 'next week', precision: 'week',
    });
    expect(schemaErrors(badDate)).not.toEqual([]);
  });
});
