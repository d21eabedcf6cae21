import Ajv from 'ajv';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../src/analysis/analyze';
import { buildExport, type UserAnnotation } from '../../src/annotations/exportFormat';
import { reanchorTags } from '../../src/annotations/reanchor';
import { createTag, serializeTagFile } from '../../src/annotations/tagFile';
import type { Tag } from '../../src/annotations/tags';
import { parseAnnotationsImport, toWebAnnotations } from '../../src/annotations/w3c';
import { schemaErrors as exportSchemaErrors } from '../helpers/schema';
import { loadSeeds, repoRoot } from '../helpers/seeds';

const NOW = '2026-11-22T10:00:00.000Z';
const LATER = '2026-11-22T11:30:00.000Z';
/** Exports list annotations by position; compare tags by id. */
const byId = (ts: readonly Tag[]) => [...ts].sort((a, b) => a.id.localeCompare(b.id));

/**
 * The MUSTs of the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) that concern
 * what we write: collection and page, annotation, specific resource targets, text bodies and selectors.
 */
const w3cSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  definitions: {
    iri: { type: 'string', minLength: 1, not: { pattern: '\\s' } },
    context: {
      oneOf: [
        { const: 'http://www.w3.org/ns/anno.jsonld' },
        { type: 'array', minItems: 1, items: [{ const: 'http://www.w3.org/ns/anno.jsonld' }] },
      ],
    },
    agent: { type: 'object', required: ['type'], properties: { id: { $ref: '#/definitions/iri' }, type: { enum: ['Software', 'Person', 'Organization'] }, name: { type: 'string' } } },
    textQuoteSelector: {
      type: 'object',
      required: ['type', 'exact'],
      additionalProperties: false,
      properties: { type: { const: 'TextQuoteSelector' }, exact: { type: 'string', minLength: 1 }, prefix: { type: 'string' }, suffix: { type: 'string' } },
    },
    textPositionSelector: {
      type: 'object',
      required: ['type', 'start', 'end'],
      additionalProperties: false,
      properties: { type: { const: 'TextPositionSelector' }, start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 } },
    },
    target: {
      type: 'object',
      required: ['source', 'selector'],
      properties: {
        source: { $ref: '#/definitions/iri' },
        selector: { type: 'array', minItems: 1, items: { oneOf: [{ $ref: '#/definitions/textQuoteSelector' }, { $ref: '#/definitions/textPositionSelector' }] } },
      },
    },
    textualBody: {
      type: 'object',
      required: ['type', 'value'],
      properties: {
        type: { const: 'TextualBody' },
        value: { type: 'string' },
        format: { type: 'string' },
        purpose: { enum: ['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging'] },
      },
    },
    annotation: {
      type: 'object',
      required: ['id', 'type', 'target'],
      properties: {
        id: { $ref: '#/definitions/iri' },
        type: { const: 'Annotation' },
        motivation: { enum: ['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging'] },
        created: { type: 'string', format: 'date-time' },
        modified: { type: 'string', format: 'date-time' },
        creator: { $ref: '#/definitions/agent' },
        generator: { $ref: '#/definitions/agent' },
        body: { type: 'array', items: { $ref: '#/definitions/textualBody' } },
        target: { oneOf: [{ $ref: '#/definitions/target' }, { type: 'array', minItems: 1, items: { $ref: '#/definitions/target' } }] },
      },
    },
  },
  type: 'object',
  required: ['@context', 'type', 'first', 'total'],
  properties: {
    '@context': { $ref: '#/definitions/context' },
    type: { const: 'AnnotationCollection' },
    total: { type: 'integer', minimum: 0 },
    first: {
      type: 'object',
      required: ['type', 'items'],
      properties: { type: { const: 'AnnotationPage' }, startIndex: { type: 'integer', minimum: 0 }, items: { type: 'array', items: { $ref: '#/definitions/annotation' } } },
    },
  },
};
const validateW3c = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(w3cSchema);
function w3cErrors(data: unknown): string[] {
  return validateW3c(data) ? [] : (validateW3c.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
const tagsSchema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'tags.schema.json'), 'utf8'));
const validateTags = new Ajv({ allErrors: true, strict: false }).compile(tagsSchema);

function userAnnotation(t: Tag): UserAnnotation {
  const { id, anchor } = t;
  const span = { id, start: anchor.start, end: anchor.end, text: anchor.exact };
  return t.kind === 'quote'
    ? { ...span, kind: 'quote', speaker: t.speaker, speakerEntityId: t.speakerEntityId }
    : { ...span, kind: 'stance', stance: t.stance, holder: t.holder, target: t.target, note: t.note };
}

function exportWith(docs: Array<{ path: string; text: string }>, tags: Tag[]) {
  const corpus = analyzeCorpus(docs);
  const texts = new Map(docs.map((d) => [d.path, d.text]));
  const userAnnotations = new Map<string, UserAnnotation[]>();
  for (const t of tags) userAnnotations.set(t.path, [...(userAnnotations.get(t.path) ?? []), userAnnotation(t)]);
  return { texts, exported: buildExport({ generator: 'news-annotator test', corpus, texts, userAnnotations }) };
}

const seeds = loadSeeds();
const emojiArticle = {
  path: 'world/Tokyo talks 😀.txt',
  text: 'TOKYO, March 4 (Reuters) - 🇯🇵 Japan’s foreign minister said on Monday that “talks will continue 🙂 next week”.\n\nThe ministry declined to comment.',
};
function tagOn(path: string, text: string, passage: string, kind: 'quote' | 'stance', id: string): Tag {
  const at = text.indexOf(passage);
  if (at < 0) throw new Error(`not in text: ${passage}`);
  const init =
    kind === 'quote'
      ? { kind, id, path, speaker: 'Yoshimasa Hayashi', speakerEntityId: 'yoshimasa-hayashi', now: NOW }
      : { kind, id, path, stance: 'concerned', holder: 'Japan', target: 'Iran’s nuclear programme', note: 'Stated twice.\nSee also the 2019 visit.', now: NOW };
  return { ...createTag(init, text, at, at + passage.length), modified: LATER };
}
const iran = seeds[0]!;
const tags: Tag[] = [
  tagOn(iran.path, iran.text, '“full and unconditional cooperation”', 'quote', 't-q1'),
  tagOn(iran.path, iran.text, 'Hayashi expressed concerns over Iran’s growing nuclear activities', 'stance', 't-s1'),
  tagOn(emojiArticle.path, emojiArticle.text, '“talks will continue 🙂 next week”', 'quote', 't-q2'),
];

describe('W3C Web Annotation export', () => {
  const { texts, exported } = exportWith([...seeds, emojiArticle], tags);
  const w3c = toWebAnnotations(exported, { texts, tags }) as any;
  const items: any[] = w3c.first.items;

  it('is an AnnotationCollection the W3C model accepts, with every automatic and user annotation and every event', () => {
    expect(w3cErrors(w3c)).toEqual([]);
    expect(w3c['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    const annotationCount = exported.documents.reduce((n, d) => n + d.annotations.length, 0);
    expect(items.length).toBe(annotationCount + exported.events.length);
    expect(w3c.total).toBe(items.length);
    expect(new Set(items.map((a) => a.id)).size).toBe(items.length);
    for (const kind of ['date', 'official', 'claim', 'quote', 'stance', 'event']) {
      expect(items.some((a) => a.newsAnnotator.kind === kind), kind).toBe(true);
    }
  });

  it('anchors each annotation by its exact text with context and by its position in code points', () => {
    for (const a of items) {
      const targets = Array.isArray(a.target) ? a.target : [a.target];
      for (const t of targets) {
        const path = decodeURIComponent(t.source);
        const text = texts.get(path)!;
        const quote = t.selector.find((s: any) => s.type === 'TextQuoteSelector');
        const position = t.selector.find((s: any) => s.type === 'TextPositionSelector');
        if (a.newsAnnotator.kind !== 'event') {
          // W3C positions count code points, not UTF-16 units.
          expect(Array.from(text).slice(position.start, position.end).join('')).toBe(quote.exact);
          const at = a.newsAnnotator.start;
          expect(quote.prefix ?? '').toBe(text.slice(Math.max(0, at - 32), at));
        } else {
          expect(text.slice(position.start, position.end)).toBe(quote.exact);
        }
      }
    }
    const emoji = items.find((a) => a.newsAnnotator.id === 't-q2');
    expect(emoji.target.source).toBe('world/Tokyo%20talks%20%F0%9F%98%80.txt');
    expect(emoji.target.selector[1].start).toBe(emojiArticle.text.indexOf('“talks') - 2);
  });

  it('describes the tag in plain W3C bodies other tools can show', () => {
    const stance = items.find((a) => a.newsAnnotator.id === 't-s1');
    expect(stance.motivation).toBe('assessing');
    expect(stance.created).toBe(NOW);
    expect(stance.modified).toBe(LATER);
    expect(stance.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ purpose: 'tagging', value: 'stance' }),
        expect.objectContaining({ purpose: 'assessing', value: 'concerned' }),
        expect.objectContaining({ purpose: 'commenting', value: 'Stated twice.\nSee also the 2019 visit.' }),
      ]),
    );
    const official = items.find((a) => a.newsAnnotator.kind === 'official');
    expect(official.creator).toMatchObject({ type: 'Software', name: 'news-annotator test' });
    expect(official.body).toEqual(expect.arrayContaining([expect.objectContaining({ purpose: 'identifying', value: official.newsAnnotator.name })]));
  });

  it('resolves sources against a base IRI', () => {
    const withBase = toWebAnnotations(exported, { baseUri: 'file:///home/reader/news/' }) as any;
    expect(w3cErrors(withBase)).toEqual([]);
    const emoji = withBase.first.items.find((a: any) => a.newsAnnotator.id === 't-q2');
    expect(emoji.target.source).toBe('file:///home/reader/news/world/Tokyo%20talks%20%F0%9F%98%80.txt');
    expect(emoji.id.startsWith(emoji.target.source + '#')).toBe(true);
  });

  it('round-trips the user tags through W3C JSON-LD, leaving automatic annotations out', () => {
    const parsed = parseAnnotationsImport(JSON.stringify(w3c, null, 2), { now: '2030-01-01T00:00:00Z' });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.format).toBe('w3c');
    expect(parsed.skipped).toBe(0);
    expect(byId(parsed.tags)).toEqual(byId(tags));
    expect(validateTags(JSON.parse(serializeTagFile(parsed.tags)))).toBe(true);
  });

  it('without texts or tags, still round-trips what the export holds (context and times are not in it)', () => {
    const bare = toWebAnnotations(exported) as any;
    expect(w3cErrors(bare)).toEqual([]);
    const parsed = parseAnnotationsImport(JSON.stringify(bare), { now: '2030-01-01T00:00:00Z' });
    expect(parsed.ok && byId(parsed.tags).map((t) => [t.id, t.path, t.anchor.start, t.anchor.end, t.anchor.exact, t.created])).toEqual(
      byId(tags).map((t) => [t.id, t.path, t.anchor.start, t.anchor.end, t.anchor.exact, '2030-01-01T00:00:00Z']),
    );
  });
});

describe('importing annotations', () => {
  const { exported } = exportWith([...seeds, emojiArticle], tags);

  it('reads the user annotations of a v1 export (which the export schema accepts)', () => {
    expect(exportSchemaErrors(exported)).toEqual([]);
    const parsed = parseAnnotationsImport(JSON.stringify(exported, null, 2), { now: NOW });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.format).toBe('news-annotator');
    const stripContext = (t: Tag) => ({ ...t, modified: NOW, anchor: { ...t.anchor, prefix: '', suffix: '' } });
    expect(byId(parsed.tags)).toEqual(byId(tags).map(stripContext));
  });

  it('reads a tags file', () => {
    const parsed = parseAnnotationsImport(serializeTagFile(tags));
    expect(parsed).toEqual({ ok: true, tags: [...tags].sort((a, b) => a.path.localeCompare(b.path) || a.anchor.start - b.anchor.start), format: 'news-annotator', skipped: 0 });
  });

  const hypothesisLike = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'https://hypothes.is/a/Qx7rk3',
    type: 'Annotation',
    created: '2024-05-01T08:00:00Z',
    body: [
      { type: 'TextualBody', purpose: 'commenting', value: 'Is this confirmed by Tehran?' },
      { type: 'TextualBody', purpose: 'tagging', value: 'skeptical' },
    ],
    target: {
      source: 'https://example.org/news/iran-japan.txt',
      selector: [
        { type: 'RangeSelector', startSelector: { type: 'XPathSelector', value: '/p[4]' } },
        { type: 'TextPositionSelector', start: 2041, end: 2115 },
        { type: 'TextQuoteSelector', exact: 'Washington has repeatedly accused Tehran of sending drones', prefix: 'waterways. Meanwhile, ', suffix: ' and providing' },
      ],
    },
  };

  it('reads another tool’s annotation as a stance with its tag and comment, and anchors it', () => {
    const parsed = parseAnnotationsImport(JSON.stringify(hypothesisLike), { now: NOW });
    expect(parsed).toMatchObject({ ok: true, format: 'w3c', skipped: 0 });
    if (!parsed.ok) return;
    const [tag] = parsed.tags;
    expect(tag).toMatchObject({
      kind: 'stance',
      id: 'https://hypothes.is/a/Qx7rk3',
      path: 'news/iran-japan.txt',
      stance: 'skeptical',
      note: 'Is this confirmed by Tehran?',
      created: '2024-05-01T08:00:00Z',
      modified: NOW,
      anchor: { start: 2041, exact: 'Washington has repeatedly accused Tehran of sending drones', prefix: 'waterways. Meanwhile, ' },
    });
    const [r] = reanchorTags([tag!], iran.text);
    expect(r!.tag.detached).toBe(false);
    expect(iran.text.slice(r!.tag.anchor.start, r!.tag.anchor.end)).toBe('Washington has repeatedly accused Tehran of sending drones');
  });

  it('reads arrays, pages and collections, tags "quote" as quotes, and counts what it cannot read', () => {
    const quote = { ...hypothesisLike, id: 'urn:x:2', body: { type: 'TextualBody', purpose: 'tagging', value: 'Quote' } };
    const wholePage = { type: 'Annotation', id: 'urn:x:3', target: 'https://example.org/news/iran-japan.txt' };
    const page = { type: 'AnnotationPage', items: [hypothesisLike, quote, wholePage] };
    for (const doc of [[hypothesisLike, quote, wholePage], page, { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 3, first: page }]) {
      const parsed = parseAnnotationsImport(JSON.stringify(doc));
      expect(parsed.ok && parsed.tags.map((t) => t.kind)).toEqual(['stance', 'quote']);
      expect(parsed.ok && parsed.skipped).toBe(1);
    }
  });

  it('gives imported tags distinct ids', () => {
    const parsed = parseAnnotationsImport(JSON.stringify([hypothesisLike, hypothesisLike]));
    expect(parsed.ok && parsed.tags.map((t) => t.id)).toEqual(['https://hypothes.is/a/Qx7rk3', 'https://hypothes.is/a/Qx7rk3-2']);
  });

  it.each([
    ['', /empty/],
    ['{"type": "Annotation"', /not valid JSON/],
    ['{"format": "news-annotator/annotations", "version": 7, "documents": []}', /version 7, written by a newer News Annotator/],
    ['{"format": "news-annotator/tags", "version": 3, "tags": []}', /version 3/],
    ['{"format": "something-else"}', /neither a News Annotator export nor W3C/],
    ['{"hello": "world"}', /not a News Annotator export, a tags file or W3C Web Annotations/],
    ['{"type": "AnnotationCollection", "total": 9, "first": "https://example.org/page1"}', /not embedded/],
    ['42', /not hold a JSON object or array/],
    ['[{"type": "Person"}]', /no item of the file is a W3C Annotation/],
    [
      '{"format": "news-annotator/annotations", "version": 1, "documents": [{"path": "a.txt", "annotations": [{"id": "x", "kind": "stance", "source": "user", "start": 0, "end": 2, "text": "ab", "stance": ""}]}]}',
      /documents\[0\]\.annotations\[0\]: the stance annotation has no stance value/,
    ],
  ])('refuses %j with a clear reason', (text, reason) => {
    const parsed = parseAnnotationsImport(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it('round-trips random tags through export, W3C and import (property)', () => {
    const docs = [...seeds, emojiArticle];
    const corpus = analyzeCorpus(docs);
    const texts = new Map(docs.map((d) => [d.path, d.text]));
    const tagArb = fc.record({
      doc: fc.nat({ max: docs.length - 1 }),
      at: fc.nat(),
      len: fc.integer({ min: 1, max: 120 }),
      kind: fc.constantFrom('quote' as const, 'stance' as const),
      who: fc.option(fc.string({ minLength: 1 }), { nil: null }),
      note: fc.option(fc.string(), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(tagArb, { maxLength: 10 }), (records) => {
        const made = records.map((r, i) => {
          const { path, text } = docs[r.doc]!;
          let start = r.at % (text.length - 1);
          // Selections never split a surrogate pair.
          if (/[\uDC00-\uDFFF]/.test(text[start]!)) start--;
          let end = Math.min(text.length, start + r.len);
          if (/[\uDC00-\uDFFF]/.test(text[end] ?? '')) end++;
          const init =
            r.kind === 'quote'
              ? { kind: r.kind, id: `t-${i}`, path, speaker: r.who, now: NOW }
              : { kind: r.kind, id: `t-${i}`, path, stance: 'opposes', holder: r.who, target: r.who, note: r.note, now: NOW };
          return createTag(init, text, start, end);
        });
        const userAnnotations = new Map<string, UserAnnotation[]>();
        for (const t of made) userAnnotations.set(t.path, [...(userAnnotations.get(t.path) ?? []), userAnnotation(t)]);
        const exp = buildExport({ generator: 'g', corpus, texts, userAnnotations });
        const w3c = toWebAnnotations(exp, { texts, tags: made });
        expect(w3cErrors(w3c)).toEqual([]);
        const parsed = parseAnnotationsImport(JSON.stringify(w3c));
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(byId(parsed.tags)).toEqual(byId(made));
      }),
      { numRuns: 40 },
    );
  });
});
