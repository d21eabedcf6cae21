import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiftTags, type TextChange } from '../../src/annotations/rangeShift';
import { anchorAt, createTag } from '../../src/annotations/tagFile';
import type { Tag } from '../../src/annotations/tags';
import { loadSeeds, seedText } from '../helpers/seeds';

const NOW = '2026-11-22T10:00:00.000Z';

/**
 * The changes in the order VS Code lists an event's changes: from the last to the first (by end, then by
 * start), so applying them one after the other leaves every offset valid. Two insertions at one offset keep
 * their list order, so the first listed ends up last in the text, as VS Code reports them.
 */
function vscodeOrder(changes: readonly TextChange[]): TextChange[] {
  return [...changes].sort((a, b) => b.offset + b.length - (a.offset + a.length) || b.offset - a.offset);
}

/** Applies the changes of one event (offsets in the old text, any order) to a string, as VS Code does. */
function apply(text: string, changes: readonly TextChange[]): string {
  let out = text;
  for (const c of vscodeOrder(changes)) out = out.slice(0, c.offset) + c.text + out.slice(c.offset + c.length);
  return out;
}

/** The changes in the order their texts stand in the new text (the reverse of VS Code's order). */
function textOrder(changes: readonly TextChange[]): TextChange[] {
  return vscodeOrder(changes).reverse();
}

/** The event that undoes `changes` (offsets in the text after them), listed as VS Code lists an undo. */
function inverseOf(oldText: string, changes: readonly TextChange[]): TextChange[] {
  let delta = 0;
  return textOrder(changes)
    .map((c) => {
      const inverse = { offset: c.offset + delta, length: c.text.length, text: oldText.slice(c.offset, c.offset + c.length) };
      delta += c.text.length - c.length;
      return inverse;
    })
    .reverse();
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

describe('shiftTags at the edge cases of one event', () => {
  // The window of seed article 000 where the CI failure of seed 2121373788 happened, after an earlier edit
  // of that run had typed an emoji into it: O0 u1 r2 _3 E4 \uD83D5 \uDE006 t7 e8 _9 (10 A11 M12 )13.
  const text = 'Our E😀te (AM)\n  • Daily Briefing (PM)';
  const on = (start: number, end: number, id = 't'): Tag =>
    createTag({ kind: 'quote', id, path: 'a.txt', speaker: null, now: NOW }, text, start, end);
  const span = (t: Tag) => [t.anchor.start, t.anchor.end, t.anchor.exact, t.detached] as const;

  it('follows two touching deletions that split an emoji, and their undo (two insertions at one offset)', () => {
    const tag = on(4, 9); // E😀te
    const deletions = [
      { offset: 7, length: 3, text: '' },
      { offset: 6, length: 1, text: '' },
    ];
    const afterDelete = apply(text, deletions);
    expect(afterDelete).toBe('Our E\uD83D(AM)\n  • Daily Briefing (PM)');
    const [deleted] = shiftTags([tag], deletions, afterDelete);
    expect(span(deleted!)).toEqual([4, 6, 'E\uD83D', false]);

    // The undo puts both texts back at offset 6; typed at the tag's end, they stay outside it.
    const undo = inverseOf(text, deletions);
    expect(undo).toEqual([
      { offset: 6, length: 0, text: 'te ' },
      { offset: 6, length: 0, text: '\uDE00' },
    ]);
    expect(apply(afterDelete, undo)).toBe(text);
    const [undone] = shiftTags([deleted!], undo, text);
    expect(span(undone!)).toEqual([4, 6, 'E\uD83D', false]);
  });

  it('treats the halves of a surrogate pair as two characters, as the offsets do', () => {
    // Deleting one half keeps the other inside the tag.
    expect(span(shiftTags([on(4, 9)], [{ offset: 5, length: 1, text: '' }], 'Our E\uDE00te (AM)')[0]!)).toEqual([4, 8, 'E\uDE00te', false]);
    expect(span(shiftTags([on(5, 7)], [{ offset: 6, length: 1, text: 'x' }], 'Our E\uD83Dxte (AM)')[0]!)).toEqual([5, 6, '\uD83D', false]);
    // Text typed between the halves is inside a tag holding both, outside one ending or starting there.
    const split = [{ offset: 6, length: 0, text: 'x' }];
    const newText = apply(text, split);
    const [whole, before, after] = shiftTags([on(5, 7, 'a'), on(4, 6, 'b'), on(6, 9, 'c')], split, newText);
    expect(span(whole!)).toEqual([5, 8, '\uD83Dx\uDE00', false]);
    expect(span(before!)).toEqual([4, 6, 'E\uD83D', false]);
    expect(span(after!)).toEqual([7, 10, '\uDE00te', false]);
  });

  it('takes two insertions at one offset as one, in either order, at a start, inside, and at an end', () => {
    for (const [offset, expected] of [
      [4, [7, 12]],
      [7, [4, 12]],
      [9, [4, 9]],
    ] as const) {
      const forward = [
        { offset, length: 0, text: 'ab' },
        { offset, length: 0, text: 'c' },
      ];
      for (const changes of [forward, [...forward].reverse()]) {
        const newText = apply(text, changes);
        const [tag] = shiftTags([on(4, 9)], changes, newText);
        expect([tag!.anchor.start, tag!.anchor.end]).toEqual(expected);
        expect(tag!.anchor.exact).toBe(newText.slice(...expected));
      }
    }
  });

  it('puts insertions where a replaced range starts before its new text, whatever the list order', () => {
    // 'te' replaced by 'XY' with 'a' and 'b' typed where it starts; the space after it is the tag's last character.
    const changes = [
      { offset: 7, length: 2, text: 'XY' },
      { offset: 7, length: 0, text: 'a' },
      { offset: 7, length: 0, text: 'b' },
    ];
    const newText = apply(text, changes);
    expect(newText.slice(0, 14)).toBe('Our E😀baXY (A');
    for (const order of [changes, [...changes].reverse(), [changes[1]!, changes[0]!, changes[2]!]]) {
      const [upToSpace, upToT] = shiftTags([on(4, 10, 'a'), on(4, 9, 'b')], order, newText);
      expect(span(upToSpace!)).toEqual([4, 12, 'E😀baXY ', false]);
      expect(span(upToT!)).toEqual([4, 7, 'E😀', false]);
    }
  });

  it('keeps text typed at a tag edge outside it when a deletion touches the same edge', () => {
    const tag = on(4, 9);
    const cases: Array<[TextChange[], string, [number, number]]> = [
      // A deletion ending where the tag starts, an insertion there.
      [[{ offset: 4, length: 0, text: '>' }, { offset: 1, length: 3, text: '' }], 'O>E😀te (AM)', [2, 7]],
      // A deletion starting where the tag ends, an insertion there.
      [[{ offset: 9, length: 0, text: '!' }, { offset: 9, length: 2, text: '' }], 'Our E😀te!AM)', [4, 9]],
      // An insertion where the tag starts and a deletion of its first character.
      [[{ offset: 4, length: 1, text: '' }, { offset: 4, length: 0, text: '> ' }], 'Our > 😀te (AM)', [6, 10]],
      // The tag's last character replaced and text typed right after it.
      [[{ offset: 8, length: 1, text: 'E' }, { offset: 9, length: 0, text: '!' }], 'Our E😀tE! (AM)', [4, 8]],
    ];
    for (const [changes, start, expected] of cases) {
      const newText = apply(text, changes);
      expect(newText.startsWith(start)).toBe(true);
      for (const order of [changes, [...changes].reverse()]) {
        const [moved] = shiftTags([tag], order, newText);
        expect(moved!.detached).toBe(false);
        expect([moved!.anchor.start, moved!.anchor.end]).toEqual(expected);
        expect(moved!.anchor.exact).toBe(newText.slice(...expected));
      }
    }
  });

  it('ignores empty changes, alone or next to other changes at the same offset', () => {
    const tag = on(4, 9);
    const empty = { offset: 7, length: 0, text: '' };
    expect(shiftTags([tag], [empty], text)[0]).toBe(tag);
    const real = [
      { offset: 7, length: 1, text: '' },
      { offset: 7, length: 0, text: 'ab' },
    ];
    const newText = apply(text, real);
    const expected = shiftTags([tag], real, newText);
    expect(span(expected[0]!)).toEqual([4, 10, 'E😀abe', false]);
    for (const changes of [[empty, ...real], [...real, empty], [real[0]!, empty, real[1]!, empty]]) {
      expect(shiftTags([tag], changes, newText)).toEqual(expected);
    }
    // A detached tag's position hint at an empty change does not move either.
    const detached: Tag = { ...tag, detached: true, anchor: { ...tag.anchor, start: 7, end: 7 } };
    expect(shiftTags([detached], [empty], text)[0]).toBe(detached);
  });

  it('gives the same tags for an event listed from the last change to the first, the first to the last, or mixed', () => {
    const tags = [on(0, 3, 'a'), on(4, 9, 'b'), on(10, 14, 'c'), on(19, 38, 'd')];
    const vscodeListed = [
      { offset: 25, length: 9, text: '' }, // 'Briefing ' deleted
      { offset: 11, length: 2, text: 'PM' },
      { offset: 9, length: 0, text: '!' },
      { offset: 4, length: 1, text: '' },
      { offset: 4, length: 0, text: '> ' },
      { offset: 1, length: 2, text: 'UR' },
    ];
    const newText = apply(text, vscodeListed);
    expect(newText.slice(0, 16)).toBe('OUR > 😀te! (PM)');
    const expected = shiftTags(tags, vscodeListed, newText);
    expect(expected.map(span)).toEqual([
      [0, 1, 'O', false],
      [6, 10, '😀te', false],
      [12, 16, '(PM)', false],
      [21, 31, 'Daily (PM)', false],
    ]);
    expect(shiftTags(tags, [...vscodeListed].reverse(), newText)).toEqual(expected);
    expect(shiftTags(tags, [2, 5, 0, 3, 1, 4].map((i) => vscodeListed[i]!), newText)).toEqual(expected);
  });

  it('has a test model whose undo gives the text back, also after touching changes and insertions at one offset', () => {
    for (const changes of [
      [
        { offset: 6, length: 1, text: '' },
        { offset: 7, length: 3, text: '' },
      ],
      [
        { offset: 4, length: 0, text: 'a' },
        { offset: 4, length: 0, text: 'b' },
        { offset: 4, length: 2, text: 'c' },
        { offset: 6, length: 0, text: 'd' },
      ],
      [
        { offset: 9, length: 0, text: '!' },
        { offset: 9, length: 2, text: '' },
        { offset: 0, length: 0, text: '' },
      ],
    ]) {
      for (const order of [changes, [...changes].reverse()]) {
        const newText = apply(text, order);
        expect(apply(newText, inverseOf(text, order))).toBe(text);
      }
    }
  });
});

// ---- property: every tag covers exactly the surviving characters of its text ----

/**
 * The document as characters with identities: an original character keeps its id until it is deleted, and
 * every typed character gets a new one. Ids come from a counter of this document, so a run depends only on
 * the values fast-check generated for it.
 */
class Doc {
  private nextId: number;
  constructor(
    readonly text: string,
    readonly ids: readonly number[] = Array.from({ length: text.length }, (_c, i) => i),
    nextId = text.length,
  ) {
    this.nextId = nextId;
  }

  /** The document after one event, its changes applied one after the other in VS Code's order. */
  edit(changes: readonly TextChange[]): Doc {
    let ids: readonly number[] = this.ids;
    let text = this.text;
    let nextId = this.nextId;
    for (const c of vscodeOrder(changes)) {
      const fresh = Array.from({ length: c.text.length }, () => nextId++);
      ids = [...ids.slice(0, c.offset), ...fresh, ...ids.slice(c.offset + c.length)];
      text = text.slice(0, c.offset) + c.text + text.slice(c.offset + c.length);
    }
    return new Doc(text, ids, nextId);
  }
}

/** Replacement texts: plain words, line breaks, accents, emoji and their lone halves, and any string. */
const pieceArb = fc.oneof(
  fc.constantFrom('', ' ', '\n', '\r\n', 'the ', '“', '”', 'é', 'e\u0301', '😀', '\uD83D', '\uDE00', 'minister said'),
  fc.string({ maxLength: 12 }),
  fc.string({ maxLength: 6, unit: 'binary' }),
);

/** One change as generated, before it is fitted to the text: a position, a length bound, a replacement. */
type RawChange = [at: number, length: number, text: string];
const rawChangeArb = fc.tuple(fc.nat(), fc.oneof(fc.nat({ max: 3 }), fc.nat({ max: 200 })), pieceArb);

/**
 * The raw changes fitted to a text of `length` as one event in VS Code's order, dropping those that overlap
 * a kept one. Insertions at one offset, an insertion where a replaced range starts, touching ranges and empty
 * changes all stay.
 */
function eventFrom(raw: readonly RawChange[], length: number): TextChange[] {
  const changes = raw
    .map(([at, len, text]) => ({ offset: at % (length + 1), len, text }))
    .map(({ offset, len, text }) => ({ offset, length: Math.min(len, length - offset), text }))
    .sort((a, b) => a.offset - b.offset || a.length - b.length);
  const kept: TextChange[] = [];
  let end = -1;
  for (const c of changes) {
    if (c.offset < end) continue;
    kept.push(c);
    end = c.offset + c.length;
  }
  // `kept` is in text order; VS Code lists the same event the other way round.
  return kept.reverse();
}

/** The changes in the order of `keys` (one generated number per change): the same event, listed otherwise. */
function shuffled(changes: readonly TextChange[], keys: readonly number[]): TextChange[] {
  return changes
    .map((c, i) => ({ c, key: keys[i] ?? 0 }))
    .sort((a, b) => a.key - b.key)
    .map(({ c }) => c);
}

/**
 * Checks the tags against the characters they held before the event, and returns the characters they hold
 * now: text typed strictly inside a tag becomes part of its text.
 */
function checkTags(doc: Doc, tags: readonly Tag[], tagIds: ReadonlyArray<ReadonlySet<number>>): Array<Set<number>> {
  const position = new Map(doc.ids.map((id, i) => [id, i]));
  return tags.map((tag, k) => {
    const surviving = [...tagIds[k]!].filter((id) => position.has(id)).map((id) => position.get(id)!).sort((a, b) => a - b);
    if (surviving.length === 0) {
      expect(tag.detached, `tag ${k} lost all its text`).toBe(true);
      expect(tag.anchor.start).toBeGreaterThanOrEqual(0);
      expect(tag.anchor.end).toBeLessThanOrEqual(doc.text.length);
      return new Set<number>();
    }
    expect(tag.detached, `tag ${k} still has ${surviving.length} characters`).toBe(false);
    expect(tag.anchor.start).toBe(surviving[0]);
    expect(tag.anchor.end).toBe(surviving[surviving.length - 1]! + 1);
    expect(tag.anchor).toEqual(anchorAt(doc.text, tag.anchor.start, tag.anchor.end));
    return new Set(doc.ids.slice(tag.anchor.start, tag.anchor.end));
  });
}

// RANGESHIFT_SEED (and RANGESHIFT_PATH) replay a failure fast-check printed; RANGESHIFT_RUNS runs it longer.
const propertyRuns = Number(process.env.RANGESHIFT_RUNS) || 1500;
const propertySeed = process.env.RANGESHIFT_SEED ? Number(process.env.RANGESHIFT_SEED) : undefined;
const propertyPath = process.env.RANGESHIFT_PATH || undefined;

describe('shiftTags under random edit sequences (property)', () => {
  const seeds = loadSeeds();
  const stepArb = fc.record({
    changes: fc.array(rawChangeArb, { minLength: 1, maxLength: 4 }),
    /** Undo the event right after it, as the editor does: the inverse event, which gives the old text back. */
    undo: fc.boolean(),
    /** Where each change goes when the same event is listed in another order. */
    order: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
  });

  it('keeps every tag on exactly its surviving characters, or detaches it when none survive', () => {
    let editsChecked = 0;
    /** One event: the tags must follow the characters, and must not depend on the order of its changes. */
    const step = (doc: Doc, tags: Tag[], tagIds: Array<Set<number>>, changes: TextChange[], order: readonly number[]) => {
      const next = doc.edit(changes);
      const shifted = shiftTags(tags, changes, next.text);
      expect(shiftTags(tags, shuffled(changes, order), next.text)).toEqual(shifted);
      editsChecked++;
      return { doc: next, tags: shifted, tagIds: checkTags(next, shifted, tagIds) };
    };
    fc.assert(
      fc.property(
        fc.nat({ max: seeds.length - 1 }),
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 300 })), { minLength: 1, maxLength: 8 }),
        fc.array(stepArb, { minLength: 1, maxLength: 15 }),
        (seedIndex, windowAt, tagSpecs, steps) => {
          // A window of the article keeps the model cheap while covering all kinds of text.
          const article = seeds[seedIndex]!.text;
          const windowStart = windowAt % (article.length - 600);
          let doc = new Doc(article.slice(windowStart, windowStart + 600));
          let tags = tagSpecs.map(([at, len], i) => {
            const s = at % (doc.text.length - 1);
            return createTag({ kind: 'quote', id: `t${i}`, path: 'a.txt', speaker: null, now: NOW }, doc.text, s, Math.min(doc.text.length, s + len));
          });
          let tagIds = tags.map((t) => new Set(doc.ids.slice(t.anchor.start, t.anchor.end)));
          for (const { changes: raw, undo, order } of steps) {
            const changes = eventFrom(raw, doc.text.length);
            const before = doc;
            ({ doc, tags, tagIds } = step(doc, tags, tagIds, changes, order));
            if (undo) {
              const inverse = inverseOf(before.text, changes);
              ({ doc, tags, tagIds } = step(doc, tags, tagIds, inverse, order));
              expect(doc.text).toBe(before.text);
            }
          }
        },
      ),
      { numRuns: propertyRuns, seed: propertySeed, path: propertyPath },
    );
    console.log(`rangeShift property: ${editsChecked} random edit events checked`);
    expect(editsChecked).toBeGreaterThan(propertyRuns * 5);
  });
});
