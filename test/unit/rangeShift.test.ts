import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiftTags, type TextChange } from '../../src/annotations/rangeShift';
import { anchorAt, createTag } from '../../src/annotations/tagFile';
import type { Tag } from '../../src/annotations/tags';
import { loadSeeds, seedText } from '../helpers/seeds';

const NOW = '2026-11-22T10:00:00.000Z';

/**
 * The changes from the last to the first, so each applies to text the others have not shifted yet; two
 * insertions at one offset end up in list order.
 */
function backwards(changes: readonly TextChange[]): TextChange[] {
  return changes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.offset - a.c.offset || b.c.length - a.c.length || b.i - a.i)
    .map(({ c }) => c);
}

/** Applies the changes of one event (offsets in the old text) to a string. */
function apply(text: string, changes: readonly TextChange[]): string {
  let out = text;
  for (const c of backwards(changes)) {
    out = out.slice(0, c.offset) + c.text + out.slice(c.offset + c.length);
  }
  return out;
}

function tagOn(text: string, passage: string, id = 't'): Tag {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`not in text: ${passage}`);
  return createTag({ kind: 'quote', id, path: 'a.txt', speaker: null, now: NOW }, text, start, start + passage.length);
}

function edit(text: string, tags: Tag[], changes: TextChange[]) {
  const newText = apply(text, changes);
  return { newText, tags: shiftTags(tags, changes, newText) };
}

const hk = seedText('001');

describe('shiftTags on a seed article', () => {
  const passage = hk.slice(hk.indexOf('\n\n', 400) + 2).split('\n')[0]!.slice(0, 80);
  const tag = tagOn(hk, passage);
  const { start, end } = tag.anchor;

  it('moves a tag with text inserted before it, keeping its exact text', () => {
    const r = edit(hk, [tag], [{ offset: 10, length: 0, text: 'BREAKING: ' }]);
    expect(r.tags[0]!.anchor).toEqual(anchorAt(r.newText, start + 10, end + 10));
    expect(r.tags[0]!.anchor.exact).toBe(passage);
  });

  it('returns the same object when an edit far after it changes nothing it holds', () => {
    const r = edit(hk, [tag], [{ offset: hk.length - 5, length: 2, text: 'xyz' }]);
    expect(r.tags[0]).toBe(tag);
  });

  it('refreshes the context when text next to the tag changes', () => {
    const r = edit(hk, [tag], [{ offset: end + 1, length: 0, text: '!!' }]);
    expect(r.tags[0]!.anchor.start).toBe(start);
    expect(r.tags[0]!.anchor.suffix).toBe(r.newText.slice(end, end + 32));
  });

  it('keeps covering its text when a word inside it is replaced (the tag text changes)', () => {
    const word = passage.indexOf(' ', 10) + 1;
    const r = edit(hk, [tag], [{ offset: start + word, length: 3, text: 'REPLACED' }]);
    const t = r.tags[0]!;
    expect(t.detached).toBe(false);
    expect(t.anchor.start).toBe(start);
    expect(t.anchor.end).toBe(end + 5);
    expect(t.anchor.exact).toBe(passage.slice(0, word) + 'REPLACED' + passage.slice(word + 3));
  });

  it('does not grow when text is typed right at its edges', () => {
    const r = edit(hk, [tag], [
      { offset: end, length: 0, text: ' (sic)' },
      { offset: start, length: 0, text: '> ' },
    ]);
    expect(r.tags[0]!.anchor.exact).toBe(passage);
    expect(r.newText.slice(r.tags[0]!.anchor.start - 2, r.tags[0]!.anchor.end + 6)).toBe(`> ${passage} (sic)`);
  });

  it('shrinks to what is left when an edit takes away its beginning or its end', () => {
    const r1 = edit(hk, [tag], [{ offset: start - 5, length: 10, text: 'NEW' }]);
    expect(r1.tags[0]!.anchor.exact).toBe(passage.slice(5));
    const r2 = edit(hk, [tag], [{ offset: end - 4, length: 20, text: 'NEW' }]);
    expect(r2.tags[0]!.anchor.exact).toBe(passage.slice(0, -4));
  });

  it('detaches, and does not move, a tag whose whole text was deleted or retyped', () => {
    for (const change of [
      { offset: start, length: end - start, text: '' },
      { offset: start - 3, length: end - start + 6, text: 'completely new words' },
      { offset: start, length: end - start, text: passage },
    ]) {
      const r = edit(hk, [tag], [change]);
      const t = r.tags[0]!;
      expect(t.detached).toBe(true);
      expect(t.anchor.exact).toBe(passage);
      expect(t.anchor.prefix).toBe(tag.anchor.prefix);
      expect(t.anchor.start).toBe(t.anchor.end);
    }
  });

  it('applies a multi-cursor event (several ranges, any order) to several tags at once', () => {
    const a = tagOn(hk, 'Geneva', 'a');
    const lastAf = hk.lastIndexOf('Afghanistan');
    const b = createTag({ kind: 'quote', id: 'b', path: 'a.txt', speaker: null, now: NOW }, hk, lastAf, lastAf + 11);
    const changes = [
      { offset: lastAf + 5, length: 0, text: '-' },
      { offset: a.anchor.start + 4, length: 1, text: '' },
      { offset: 0, length: 0, text: 'x\r\n' },
    ];
    const r = edit(hk, [a, b], changes);
    expect(r.tags.map((t) => t.anchor.exact)).toEqual(['Genea', 'Afgha-nistan']);
    expect(r.newText.slice(r.tags[1]!.anchor.start, r.tags[1]!.anchor.end)).toBe('Afgha-nistan');
    expect(r.tags[0]!.anchor.start).toBe(a.anchor.start + 3);
  });

  it('moves the position hint of a detached tag and keeps it detached', () => {
    const detached: Tag = { ...tag, detached: true, anchor: { ...tag.anchor, start: 100, end: 100 } };
    const r = edit(hk, [detached], [{ offset: 0, length: 0, text: 'abc' }]);
    expect(r.tags[0]).toMatchObject({ detached: true, anchor: { start: 103, end: 103, exact: passage } });
  });

  it('takes two insertions at one place as one', () => {
    const r = edit(hk, [tag], [
      { offset: start, length: 0, text: 'a' },
      { offset: start, length: 0, text: 'bc' },
      { offset: start + 2, length: 0, text: 'd' },
    ]);
    expect(r.tags[0]!.anchor.start).toBe(start + 3);
    expect(r.tags[0]!.anchor.exact).toBe(passage.slice(0, 2) + 'd' + passage.slice(2));
  });

  it('refuses overlapping changes or changes that do not fit the text', () => {
    expect(() => shiftTags([tag], [{ offset: 5, length: 5, text: '' }, { offset: 8, length: 1, text: '' }], hk)).toThrow(RangeError);
    expect(() => shiftTags([tag], [{ offset: hk.length, length: 5, text: '' }], hk.slice(0, -5))).toThrow(RangeError);
  });
});

// ---- property: every tag covers exactly the surviving characters of its text ----

/** The document as characters with identities: an original character keeps its id until it is deleted. */
interface Model {
  ids: number[];
  text: string;
}
let nextId = 1_000_000;

function applyToModel(model: Model, changes: readonly TextChange[]): Model {
  let ids = model.ids;
  for (const c of backwards(changes)) {
    const fresh = Array.from({ length: c.text.length }, () => nextId++);
    ids = [...ids.slice(0, c.offset), ...fresh, ...ids.slice(c.offset + c.length)];
  }
  return { ids, text: apply(model.text, changes) };
}

/** Random non-overlapping changes over a text of `length`, as fast-check commands need them. */
function changesArb(length: number): fc.Arbitrary<TextChange[]> {
  const piece = fc.oneof(
    fc.constantFrom('', ' ', '\n', '\r\n', 'the ', '“', '”', 'é', '😀', 'minister said'),
    fc.string({ maxLength: 12 }),
  );
  return fc
    .array(fc.tuple(fc.nat({ max: length }), fc.nat({ max: length }), fc.oneof(fc.nat({ max: 3 }), fc.nat({ max: 200 })), piece), {
      minLength: 1,
      maxLength: 4,
    })
    .map((raw) => {
      // Each tuple: a position, a length bound and a replacement; keep the ranges that do not overlap.
      const ranges = raw
        .map(([at, , len, text]) => ({ offset: at, length: Math.min(len, length - at), text }))
        .sort((a, b) => a.offset - b.offset);
      const kept: TextChange[] = [];
      let end = -1;
      for (const r of ranges) {
        if (r.offset < end) continue;
        kept.push(r);
        end = r.offset + r.length;
      }
      return kept;
    })
    .filter((k) => k.length > 0);
}

/**
 * Checks the tags against the characters they held before the event, and returns the characters they hold
 * now: text typed strictly inside a tag becomes part of its text.
 */
function checkTags(model: Model, tags: readonly Tag[], tagIds: ReadonlyArray<ReadonlySet<number>>): Array<Set<number>> {
  const position = new Map(model.ids.map((id, i) => [id, i]));
  return tags.map((tag, k) => {
    const surviving = [...tagIds[k]!].filter((id) => position.has(id)).map((id) => position.get(id)!).sort((a, b) => a - b);
    if (surviving.length === 0) {
      expect(tag.detached, `tag ${k} lost all its text`).toBe(true);
      expect(tag.anchor.start).toBeGreaterThanOrEqual(0);
      expect(tag.anchor.end).toBeLessThanOrEqual(model.text.length);
      return new Set<number>();
    }
    expect(tag.detached, `tag ${k} still has ${surviving.length} characters`).toBe(false);
    expect(tag.anchor.start).toBe(surviving[0]);
    expect(tag.anchor.end).toBe(surviving[surviving.length - 1]! + 1);
    expect(tag.anchor).toEqual(anchorAt(model.text, tag.anchor.start, tag.anchor.end));
    return new Set(model.ids.slice(tag.anchor.start, tag.anchor.end));
  });
}

describe('shiftTags under random edit sequences (property)', () => {
  const seeds = loadSeeds();

  it('keeps every tag on exactly its surviving characters, or detaches it when none survive', () => {
    let editsChecked = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 300 })), { minLength: 1, maxLength: 8 }),
        fc.infiniteStream(fc.nat()),
        (seed, tagSpecs, randoms) => {
          // A window of the article keeps the model cheap while covering all kinds of text.
          const windowStart = randoms.next().value % (seed.text.length - 600);
          const text = seed.text.slice(windowStart, windowStart + 600);
          let model: Model = { ids: Array.from({ length: text.length }, (_c, i) => i), text };
          let tags = tagSpecs.map(([at, len], i) => {
            const s = at % (text.length - 1);
            return createTag({ kind: 'quote', id: `t${i}`, path: 'a.txt', speaker: null, now: NOW }, text, s, Math.min(text.length, s + len));
          });
          let tagIds = tags.map((t) => new Set(model.ids.slice(t.anchor.start, t.anchor.end)));
          const steps = 1 + (randoms.next().value % 15);
          for (let step = 0; step < steps; step++) {
            const changes = fc.sample(changesArb(model.text.length), { numRuns: 1, seed: randoms.next().value })[0]!;
            const before = model;
            model = applyToModel(model, changes);
            tags = shiftTags(tags, changes, model.text);
            tagIds = checkTags(model, tags, tagIds);
            editsChecked++;
            // Undo as the editor does it: the inverse edit, which gives the old text back (with new characters).
            if (randoms.next().value % 3 === 0) {
              const inverse = inverseOf(before.text, changes);
              model = applyToModel(model, inverse);
              expect(model.text).toBe(before.text);
              tags = shiftTags(tags, inverse, model.text);
              tagIds = checkTags(model, tags, tagIds);
              editsChecked++;
            }
          }
        },
      ),
      { numRuns: 1500 },
    );
    console.log(`rangeShift property: ${editsChecked} random edit events checked`);
    expect(editsChecked).toBeGreaterThan(5000);
  });
});

/** The event that undoes `changes` (offsets in the text after them). */
function inverseOf(oldText: string, changes: readonly TextChange[]): TextChange[] {
  const sorted = [...changes].sort((a, b) => a.offset - b.offset);
  let delta = 0;
  return sorted.map((c) => {
    const inverse = { offset: c.offset + delta, length: c.text.length, text: oldText.slice(c.offset, c.offset + c.length) };
    delta += c.text.length - c.length;
    return inverse;
  });
}
