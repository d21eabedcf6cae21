// The edit property of issue 5, at full size: 10,000 random sequences of editor events (insertions,
// deletions, replacements, multi-cursor events, undo and redo) over tagged windows of the seed articles.
// After every event each tag covers exactly the surviving characters of its text (from the first to the
// last of them, with what was typed in between), with exact/prefix/suffix read from the new text, or it is
// detached, in place, when all its characters were deleted: never moved onto other text.
// Same rule as test/unit/rangeShift.test.ts, with a model cheap enough for 10,000 sequences: characters
// carry identities in a flat array, and failures are thrown as plain errors (no expect() per check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/analysis/analyze';
import { shiftTags, type TextChange } from '../../src/annotations/rangeShift';
import { createTag } from '../../src/annotations/tagFile';
import { CONTEXT_LENGTH, type Tag } from '../../src/annotations/tags';
import { loadSeeds } from '../helpers/seeds';

const NOW = '2026-11-22T10:00:00.000Z';
const WINDOW = 500;

/** An editor event as fast-check draws it: ranges as fractions of the text, so it fits any text length. */
type Op =
  | { kind: 'edit'; ranges: Array<{ at: number; len: number; text: string }> }
  | { kind: 'undo' }
  | { kind: 'redo' };

const pieceArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('', 'a', ' ', 'e', '\n', '\r\n', '\n\n', 'the ', '“', '”', '’', 'é', '😀', 'minister said', 'According to officials, ') },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);
// Positions as fractions from integers: fast-check's doubles crowd at 0 and 1, which would stack the ranges.
const fractionArb = fc.integer({ min: 0, max: 99_999 }).map((n) => n / 100_000);
const rangeArb = fc.record({
  at: fractionArb,
  // Mostly keystroke-sized, sometimes whole sentences or paragraphs.
  len: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(0, 0, 1, 2, 5) }, { weight: 1, arbitrary: fc.nat({ max: 250 }) }),
  text: pieceArb,
});
const opArb: fc.Arbitrary<Op> = fc.oneof(
  // A single insertion, deletion or replacement, as one cursor types or cuts or pastes.
  { weight: 6, arbitrary: rangeArb.map((r) => ({ kind: 'edit' as const, ranges: [r] })) },
  // Several cursors, or a find-and-replace-all, in one event.
  { weight: 2, arbitrary: fc.array(rangeArb, { minLength: 2, maxLength: 6 }).map((ranges) => ({ kind: 'edit' as const, ranges })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'redo' as const }) },
);

/** Non-overlapping changes (offsets in the current text), listed from the last to the first as VS Code does. */
function changesOf(op: Extract<Op, { kind: 'edit' }>, length: number): TextChange[] {
  const ranges = op.ranges
    .map((r) => {
      const offset = Math.min(length, Math.floor(r.at * (length + 1)));
      return { offset, length: Math.min(r.len, length - offset), text: r.text };
    })
    .sort((a, b) => a.offset - b.offset);
  const kept: TextChange[] = [];
  let end = -1;
  for (const r of ranges) {
    // Two changes at one offset or overlapping are not one event; empty no-op changes are not either.
    if (r.offset <= end && kept.length > 0) continue;
    if (r.length === 0 && r.text === '') continue;
    kept.push(r);
    end = r.offset + r.length;
  }
  return kept.reverse();
}

interface Doc {
  text: string;
  ids: number[];
}
let freshId = 1_000_000_000;

/** Applies one event (offsets in the old text, last change first) to the text and its character identities. */
function apply(doc: Doc, changes: readonly TextChange[]): Doc {
  const ids = doc.ids.slice();
  let text = doc.text;
  for (const c of changes) {
    ids.splice(c.offset, c.length, ...Array.from({ length: c.text.length }, () => freshId++));
    text = text.slice(0, c.offset) + c.text + text.slice(c.offset + c.length);
  }
  return { text, ids };
}

/** The event undoing `changes` (which were applied to `oldText`), in offsets of the text after them. */
function inverseOf(oldText: string, changes: readonly TextChange[]): TextChange[] {
  const ascending = [...changes].sort((a, b) => a.offset - b.offset);
  let delta = 0;
  const out = ascending.map((c) => {
    const inverse = { offset: c.offset + delta, length: c.text.length, text: oldText.slice(c.offset, c.offset + c.length) };
    delta += c.text.length - c.length;
    return inverse;
  });
  return out.reverse();
}

/**
 * Checks each tag against the identities of the characters it held; returns the identities it holds now
 * (text typed strictly inside a tag joins it). Throws with a readable message on the first violation.
 */
function check(doc: Doc, tags: readonly Tag[], held: ReadonlyArray<ReadonlySet<number>>, before: readonly Tag[], where: string): Array<Set<number>> {
  // Where each surviving character is now; then each tag's first and last surviving character.
  const position = new Map<number, number>();
  for (let i = 0; i < doc.ids.length; i++) position.set(doc.ids[i]!, i);
  const first = held.map(() => -1);
  const last = held.map(() => -1);
  held.forEach((ids, k) => {
    for (const id of ids) {
      const at = position.get(id);
      if (at === undefined) continue;
      if (first[k] === -1 || at < first[k]!) first[k] = at;
      if (at > last[k]!) last[k] = at;
    }
  });
  return tags.map((tag, k) => {
    const a = tag.anchor;
    const fail = (why: string) => {
      throw new Error(`${where}: tag ${tag.id} ${why} (anchor ${a.start}-${a.end} ${JSON.stringify(a.exact.slice(0, 40))}, detached ${tag.detached})`);
    };
    if (tag.id !== before[k]!.id || tag.kind !== before[k]!.kind) fail('changed identity or order');
    if (first[k] === -1) {
      // None of its characters left: detached where its text was, keeping the text it had.
      if (!tag.detached) fail('lost all its characters but is still attached');
      if (a.start !== a.end || a.start < 0 || a.end > doc.text.length) fail('detached with a range');
      if (a.exact !== before[k]!.anchor.exact && !before[k]!.detached) fail('forgot its text when detached');
      return new Set<number>();
    }
    if (tag.detached) fail(`was detached with ${last[k]! - first[k]! + 1} of its characters left`);
    if (a.start !== first[k] || a.end !== last[k]! + 1) fail(`moved: its characters are at ${first[k]}-${last[k]! + 1}`);
    if (a.exact !== doc.text.slice(a.start, a.end)) fail('exact is not the text it covers');
    if (a.prefix !== doc.text.slice(Math.max(0, a.start - CONTEXT_LENGTH), a.start) || a.suffix !== doc.text.slice(a.end, a.end + CONTEXT_LENGTH)) fail('stale context');
    return new Set(doc.ids.slice(a.start, a.end));
  });
}

interface Counts {
  sequences: number;
  events: number;
  undos: number;
  redos: number;
  multi: number;
  detached: number;
}
const newCounts = (): Counts => ({ sequences: 0, events: 0, undos: 0, redos: 0, multi: 0, detached: 0 });

/** Tags `ranges` of `text`, plays the editor events on it, and checks every tag after every event. */
function playSequence(text: string, ranges: ReadonlyArray<readonly [number, number]>, ops: readonly Op[], counts: Counts): void {
  counts.sequences++;
  let doc: Doc = { text, ids: Array.from({ length: text.length }, (_c, i) => i) };
  let tags = ranges.map(([s, e], i) =>
    createTag({ kind: i % 2 ? 'quote' : 'stance', id: `t${i}`, path: 'a.txt', speaker: null, stance: 'doubtful', holder: null, target: null, now: NOW } as never, text, s, e),
  );
  let held = tags.map((t) => new Set(doc.ids.slice(t.anchor.start, t.anchor.end)));
  const undo: Array<{ changes: TextChange[]; inverse: TextChange[] }> = [];
  const redo: Array<{ changes: TextChange[]; inverse: TextChange[] }> = [];
  ops.forEach((op, step) => {
    let changes: TextChange[];
    if (op.kind === 'edit') {
      changes = changesOf(op, doc.text.length);
      if (changes.length === 0) return;
      undo.push({ changes, inverse: inverseOf(doc.text, changes) });
      redo.length = 0;
      if (changes.length > 1) counts.multi++;
    } else {
      // Undo applies the inverse event, redo the event again: the old text comes back, with new characters.
      const entry = (op.kind === 'undo' ? undo : redo).pop();
      if (!entry) return;
      (op.kind === 'undo' ? redo : undo).push({ changes: entry.inverse, inverse: entry.changes });
      changes = entry.inverse;
      counts[op.kind === 'undo' ? 'undos' : 'redos']++;
    }
    const before = tags;
    doc = apply(doc, changes);
    tags = shiftTags(tags, changes, doc.text);
    held = check(doc, tags, held, before, `step ${step} (${op.kind} ${JSON.stringify(changes)})`);
    counts.events++;
  });
  counts.detached += tags.filter((t) => t.detached).length;
}

describe('tags under 10,000 random edit sequences over the seed articles (property)', () => {
  const seeds = loadSeeds();
  const runs = Number(process.env.TAG_EDIT_RUNS ?? 10_000);

  it('keeps every tag on exactly its text, or detaches it when its text is deleted, never moving it', () => {
    const counts = newCounts();
    fc.assert(
      fc.property(
        fc.nat({ max: seeds.length - 1 }),
        fractionArb,
        // Tags: start as a fraction of the window, length from one character to several sentences.
        fc.array(fc.tuple(fractionArb, fc.integer({ min: 1, max: 300 })), { minLength: 1, maxLength: 8 }),
        fc.array(opArb, { minLength: 3, maxLength: 25 }),
        (seedIndex, windowAt, tagSpecs, ops) => {
          // A window of an article keeps the model cheap enough for 10,000 sequences.
          const seed = seeds[seedIndex]!.text;
          const from = Math.floor(windowAt * (seed.length - WINDOW));
          const text = seed.slice(from, from + WINDOW);
          const ranges = tagSpecs.map(([at, len]) => {
            const s = Math.floor(at * (text.length - 1));
            return [s, Math.min(text.length, s + len)] as const;
          });
          playSequence(text, ranges, ops, counts);
        },
      ),
      { numRuns: runs, ...(process.env.TAG_EDIT_SEED ? { seed: Number(process.env.TAG_EDIT_SEED) } : {}) },
    );
    console.log(
      `tag edits property: ${counts.sequences} sequences, ${counts.events} edit events (${counts.multi} multi-range, ` +
        `${counts.undos} undos, ${counts.redos} redos), ${counts.detached} tags detached at the end, every tag checked after every event`,
    );
    expect(counts.sequences).toBe(runs);
    // The draw really covers the kinds of events the property is about.
    expect(counts.events).toBeGreaterThan(runs * 5);
    expect(counts.multi).toBeGreaterThan(runs / 2);
    expect(counts.undos).toBeGreaterThan(runs / 2);
    expect(counts.redos).toBeGreaterThan(runs / 10);
    expect(counts.detached).toBeGreaterThan(runs / 10);
  });

  it('does the same on whole articles tagged where a reader would: quotes, claims and officials the engine finds', () => {
    // Whole articles cost more per event: fewer sequences, the same rule.
    const annotated = seeds.map((s) => {
      const a = analyzeDocument(s.text);
      const spans = [...a.quotes, ...a.claims, ...a.officials].map((x) => [x.start, x.end] as const).filter(([st, en]) => en > st);
      return { text: s.text, spans };
    });
    const counts = newCounts();
    fc.assert(
      fc.property(
        fc.nat({ max: seeds.length - 1 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        fc.array(opArb, { minLength: 3, maxLength: 25 }),
        (seedIndex, picks, ops) => {
          const { text, spans } = annotated[seedIndex]!;
          playSequence(text, picks.map((p) => spans[p % spans.length]!), ops, counts);
        },
      ),
      { numRuns: Number(process.env.TAG_EDIT_WHOLE_RUNS ?? 500) },
    );
    console.log(`tag edits property, whole articles: ${counts.sequences} sequences, ${counts.events} edit events, ${counts.detached} tags detached at the end`);
    expect(counts.events).toBeGreaterThan(counts.sequences * 5);
  });
});

describe('the model the property relies on', () => {
  it('undoes an event exactly, multi-range included', () => {
    const doc: Doc = { text: 'The minister said on Monday that talks would resume.', ids: [] };
    doc.ids = Array.from({ length: doc.text.length }, (_c, i) => i);
    const changes: TextChange[] = [
      { offset: doc.text.indexOf('would'), length: 5, text: 'could' },
      { offset: doc.text.indexOf('on Monday '), length: 10, text: '' },
      { offset: 0, length: 0, text: 'BREAKING: ' },
    ];
    const after = apply(doc, changes);
    expect(after.text).toBe('BREAKING: The minister said that talks could resume.');
    expect(apply(after, inverseOf(doc.text, changes)).text).toBe(doc.text);
  });

  it('catches a tag moved onto other text', () => {
    const doc: Doc = { text: 'Talks resumed. Talks resumed.', ids: Array.from({ length: 29 }, (_c, i) => i) };
    const tag = createTag({ kind: 'quote', id: 'a', path: 'a.txt', speaker: null, now: NOW }, doc.text, 0, 13);
    const moved = createTag({ kind: 'quote', id: 'a', path: 'a.txt', speaker: null, now: NOW }, doc.text, 15, 28);
    const held = [new Set(doc.ids.slice(0, 13))];
    expect(() => check(doc, [moved], held, [tag], 'test')).toThrow(/moved/);
    const deleted: Doc = { text: doc.text.slice(15), ids: doc.ids.slice(15) };
    expect(() => check(deleted, [createTag({ kind: 'quote', id: 'a', path: 'a.txt', speaker: null, now: NOW }, deleted.text, 0, 13)], held, [tag], 'test')).toThrow(/still attached/);
  });
});
