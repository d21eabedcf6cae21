import Ajv from 'ajv';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTag, newTagId, parseTagFile, serializeTagFile } from '../../src/annotations/tagFile';
import type { Tag } from '../../src/annotations/tags';
import { repoRoot, seedText } from '../helpers/seeds';

const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'tags.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
function schemaErrors(data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

const NOW = '2026-11-22T10:00:00.000Z';
const iran = seedText('000');

function tagOf(text: string, passage: string, init: Parameters<typeof createTag>[0]): Tag {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`not in text: ${passage}`);
  return createTag(init, text, start, start + passage.length);
}

const quote = tagOf(iran, '“full and unconditional cooperation”', {
  kind: 'quote',
  id: 't-1',
  path: 'seeds/000.txt',
  speaker: 'Yoshimasa Hayashi',
  now: NOW,
});
const stance = tagOf(iran, 'Hayashi expressed concerns over Iran’s growing nuclear activities', {
  kind: 'stance',
  id: 't-2',
  path: 'seeds/000.txt',
  stance: 'concerned',
  holder: 'Yoshimasa Hayashi',
  target: 'Iran’s nuclear activities',
  now: NOW,
});

describe('createTag', () => {
  it('anchors a quote on the seed article by offsets, exact text and 32 characters of context', () => {
    expect(iran.slice(quote.anchor.start, quote.anchor.end)).toBe('“full and unconditional cooperation”');
    expect(quote.anchor.exact).toBe('“full and unconditional cooperation”');
    expect(quote.anchor.prefix).toBe('s nuclear activities, calling for its '.slice(-32));
    expect(quote.anchor.suffix).toBe(' with the International Atomic E');
    expect(quote).toMatchObject({ kind: 'quote', speaker: 'Yoshimasa Hayashi', speakerEntityId: null, detached: false, created: NOW, modified: NOW });
  });

  it('fills a stance and clips context at the text edges', () => {
    expect(stance).toMatchObject({ kind: 'stance', stance: 'concerned', note: null });
    const atStart = createTag({ kind: 'quote', id: 'x', path: 'a.txt', speaker: null, now: NOW }, iran, 0, 4);
    expect(atStart.anchor).toEqual({ start: 0, end: 4, exact: 'Skip', prefix: '', suffix: iran.slice(4, 36) });
    const atEnd = createTag({ kind: 'quote', id: 'y', path: 'a.txt', speaker: null, now: NOW }, iran, iran.length - 3, iran.length);
    expect(atEnd.anchor.suffix).toBe('');
  });

  it('refuses an empty or out-of-range selection', () => {
    const init = { kind: 'quote' as const, id: 'x', path: 'a.txt', speaker: null };
    expect(() => createTag(init, 'abc', 1, 1)).toThrow(RangeError);
    expect(() => createTag(init, 'abc', 2, 5)).toThrow(RangeError);
    expect(() => createTag(init, 'abc', -1, 2)).toThrow(RangeError);
  });
});

describe('newTagId', () => {
  it('gives ids not in the set, all different', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const id = newTagId(ids);
      expect(ids.has(id)).toBe(false);
      expect(id).toMatch(/^t-[0-9a-z]+-[0-9a-f]{10}$/);
      ids.add(id);
    }
  });
});

describe('tags file', () => {
  it('round-trips, validates against the schema and is sorted by path, start, id', () => {
    const other = createTag({ kind: 'quote', id: 't-0', path: 'a/first.txt', speaker: null, now: NOW }, 'Hello "world"', 6, 13);
    const file = serializeTagFile([stance, quote, other]);
    const json = JSON.parse(file);
    expect(schemaErrors(json)).toEqual([]);
    expect(json.format).toBe('news-annotator/tags');
    expect(json.version).toBe(1);
    expect(json.tags.map((t: Tag) => t.id)).toEqual(['t-0', 't-2', 't-1']);
    const parsed = parseTagFile(file);
    expect(parsed).toEqual({ ok: true, tags: [other, stance, quote] });
  });

  it('is stable and diff-friendly: same tags in any order give the same bytes, one field per line', () => {
    const a = serializeTagFile([quote, stance]);
    expect(serializeTagFile([stance, quote])).toBe(a);
    expect(a.endsWith('}\n')).toBe(true);
    expect(a).toContain('\n      "speaker": "Yoshimasa Hayashi",\n');
    const reparsed = parseTagFile(a);
    expect(reparsed.ok && serializeTagFile(reparsed.tags)).toBe(a);
  });

  it('keeps detached tags with their text', () => {
    const detached: Tag = { ...quote, detached: true, anchor: { ...quote.anchor, start: 10, end: 10 } };
    const file = serializeTagFile([detached]);
    expect(schemaErrors(JSON.parse(file))).toEqual([]);
    expect(parseTagFile(file)).toEqual({ ok: true, tags: [detached] });
  });

  it('reads a file with a byte order mark and CRLF line ends', () => {
    const file = '\uFEFF' + serializeTagFile([quote]).replace(/\n/g, '\r\n');
    expect(parseTagFile(file)).toEqual({ ok: true, tags: [quote] });
  });

  it.each([
    ['', /empty/],
    ['{"format": "news-annotator/tags", "version": 1, "tags": [', /not valid JSON/],
    ['[]', /not hold a JSON object/],
    ['{"format": "something/else", "version": 1, "tags": []}', /"format" is "something\/else"/],
    ['{"version": 1, "tags": []}', /"format" is missing/],
    ['{"format": "news-annotator/tags", "version": 2, "tags": []}', /version 2, written by a newer News Annotator/],
    ['{"format": "news-annotator/tags", "version": "1", "tags": []}', /not a version number/],
    ['{"format": "news-annotator/tags", "version": 1}', /no "tags" array/],
    ['{"format": "news-annotator/tags", "version": 1, "tags": [], "extra": 1}', /unknown properties: extra/],
  ])('refuses %j with a clear reason', (text, reason) => {
    const parsed = parseTagFile(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it('names the faulty tag and field', () => {
    const json = JSON.parse(serializeTagFile([quote, stance]));
    // The schema cannot compare lengths or see duplicate ids; the parser can.
    const broken = (mutate: (t: Record<string, any>) => void, schemaSees = true) => {
      const copy = structuredClone(json);
      mutate(copy.tags[1]);
      const parsed = parseTagFile(JSON.stringify(copy));
      expect(schemaErrors(copy).length > 0).toBe(schemaSees);
      return parsed.ok ? 'accepted' : parsed.reason;
    };
    expect(broken((t) => (t.kind = 'note'))).toMatch(/tags\[1\]\.kind is "note"/);
    expect(broken((t) => (t.anchor.start = -3))).toMatch(/tags\[1\] \(id "t-1"\).*anchor\.start/);
    expect(broken((t) => (t.anchor.exact = 'shorter'), false)).toMatch(/"anchor.exact" has 7 characters but the tag spans 36/);
    expect(broken((t) => (t.created = 'yesterday'))).toMatch(/"created" is not an ISO date-time/);
    expect(broken((t) => (t.speaker = 42))).toMatch(/"speaker" is not a string or null/);
    expect(broken((t) => (t.colour = 'red'))).toMatch(/unknown properties for a quote tag: colour/);
    expect(broken((t) => (t.path = 'seeds\\000.txt'))).toMatch(/separators/);
    expect(broken((t) => (t.id = 't-2'), false)).toMatch(/"t-2" is used twice/);
  });

  it('round-trips any valid tags (property)', () => {
    const text = iran;
    const tagArb = fc.record({
      start: fc.nat({ max: text.length - 2 }),
      len: fc.integer({ min: 1, max: 200 }),
      kind: fc.constantFrom('quote' as const, 'stance' as const),
      who: fc.option(fc.string(), { nil: null }),
      note: fc.option(fc.string({ unit: 'binary' }), { nil: null }),
      path: fc.stringMatching(/^[a-z0-9][a-z0-9 ./_-]{0,20}$/),
      detached: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.uniqueArray(tagArb, { maxLength: 12, selector: (r) => `${r.path}|${r.start}` }), (records) => {
        const tags = records.map((r, i) => {
          const end = Math.min(text.length, r.start + r.len);
          const init =
            r.kind === 'quote'
              ? { kind: r.kind, id: `t-${i}`, path: r.path, speaker: r.who, now: NOW }
              : { kind: r.kind, id: `t-${i}`, path: r.path, stance: 'opposes', holder: r.who, target: null, note: r.note, now: NOW };
          const tag = createTag(init, text, r.start, end);
          return r.detached ? { ...tag, detached: true } : tag;
        });
        const file = serializeTagFile(tags);
        expect(schemaErrors(JSON.parse(file))).toEqual([]);
        const parsed = parseTagFile(file);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) {
          expect(new Set(parsed.tags)).toEqual(new Set(tags));
          expect(serializeTagFile(parsed.tags)).toBe(file);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('accepts nothing the schema refuses, whatever a hand edit does to a field (property)', () => {
    const file = JSON.parse(serializeTagFile([quote, stance]));
    const paths: Array<Array<string | number>> = [];
    const walk = (v: unknown, at: Array<string | number>) => {
      paths.push(at);
      if (v && typeof v === 'object') for (const [k, child] of Object.entries(v)) walk(child, [...at, Array.isArray(v) ? Number(k) : k]);
    };
    walk(file, []);
    const value = fc.oneof(fc.jsonValue(), fc.constantFrom(null, '', -1, 1.5, 'quote', 'stance', '2026-01-01T00:00:00Z', 'a'.repeat(40), 'a\\b'));
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), value, fc.boolean(), (path, v, remove) => {
        const copy = structuredClone(file);
        let parent: any = copy;
        for (const key of path.slice(0, -1)) parent = parent[key];
        const last = path[path.length - 1]!;
        if (remove && !Array.isArray(parent)) delete parent[last];
        else parent[last] = v;
        const parsed = parseTagFile(JSON.stringify(copy));
        if (parsed.ok) expect(schemaErrors(copy)).toEqual([]);
        else expect(parsed.reason.length).toBeGreaterThan(10);
      }),
      { numRuns: 2000 },
    );
  });
});
