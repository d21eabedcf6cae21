import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reanchorTags, type ReanchorHow } from '../../src/annotations/reanchor';
import { createTag } from '../../src/annotations/tagFile';
import type { Tag } from '../../src/annotations/tags';
import { rewrites, rng, runRewrites as runRewritesOn, splice, tagsFor, text, type Doc } from '../helpers/rewrites';
import { loadSeeds, seedText } from '../helpers/seeds';

const NOW = '2026-11-22T10:00:00.000Z';

function tagAt(text: string, start: number, end: number, id = 't'): Tag {
  return createTag({ kind: 'stance', id, path: 'a.txt', stance: 'concerned', holder: null, target: null, now: NOW }, text, start, end);
}
function tagOn(text: string, passage: string, occurrence = 0, id = 't'): Tag {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(passage, at + 1);
  if (at < 0) throw new Error(`not in text: ${passage}`);
  return tagAt(text, at, at + passage.length, id);
}
function one(tag: Tag, text: string): { tag: Tag; how: ReanchorHow; covered: string } {
  const [r] = reanchorTags([tag], text);
  return { ...r!, covered: r!.tag.detached ? '' : text.slice(r!.tag.anchor.start, r!.tag.anchor.end) };
}

const iran = seedText('000');

describe('reanchorTags on a seed article', () => {
  const quote = tagOn(iran, '“to respond in a constructive manner,”');

  it('leaves a tag whose text did not move unchanged (same object)', () => {
    const r = one(quote, iran);
    expect(r.how).toBe('unchanged');
    expect(r.tag).toBe(quote);
  });

  it('finds a tag moved by a new paragraph above it, with its context refreshed', () => {
    const text = iran.replace('Iran’s Foreign Minister Hossein', 'UPDATE: this story was updated.\n\nIran’s Foreign Minister Hossein');
    const r = one(quote, text);
    expect(r.how).toBe('exact');
    expect(r.covered).toBe(quote.anchor.exact);
    expect(r.tag.anchor.start).toBe(quote.anchor.start + 33);
    expect(r.tag.detached).toBe(false);
  });

  it('tells apart repeated words by their context, not by their position', () => {
    // The third "Hayashi"; another paragraph with two more "Hayashi" is inserted above it.
    const tag = tagOn(iran, 'Hayashi', 2);
    const text = iran.replace('The two officials', 'Hayashi met Hayashi.\n\nThe two officials');
    const r = one(tag, text);
    expect(r.how).toBe('exact');
    expect(r.tag.anchor.prefix).toBe(tag.anchor.prefix);
    expect(r.tag.anchor.suffix).toBe(tag.anchor.suffix);
  });

  it('picks the nearest of equally good occurrences', () => {
    const text = 'Talks resumed. Talks resumed. Talks resumed. Talks resumed.';
    const tag = tagAt(text, 30, 44);
    const moved = 'x' + text;
    expect(one(tag, moved).tag.anchor.start).toBe(31);
  });

  it('follows a tag through a fixed typo inside it (fuzzy)', () => {
    const typo = iran.replace('constructive manner', 'constrcutive manner');
    const tag = tagOn(typo, '“to respond in a constrcutive manner,”');
    const r = one(tag, iran);
    expect(r.how).toBe('fuzzy');
    expect(r.covered).toBe('“to respond in a constructive manner,”');
  });

  it('follows a tag through re-wrapped lines, CRLF line ends and a byte order mark', () => {
    const passage = 'Hayashi stressed his country’s rejection of the Russian war on Ukraine and urged Iran';
    const tag = tagOn(iran, passage);
    const rewrapped = '\uFEFF' + iran.replace('his country’s rejection of', 'his country’s\nrejection of').replace(/\n/g, '\r\n');
    const r = one(tag, rewrapped);
    expect(r.how).toBe('fuzzy');
    expect(r.covered).toBe(passage.replace('country’s rejection', 'country’s\r\nrejection'));
  });

  it('detaches a tag whose paragraph was removed, keeping its text, and re-attaches it when the text returns', () => {
    const paragraph = iran.slice(iran.indexOf('During Monday’s meeting'), iran.indexOf('\n\nAmir-Abdollahian is scheduled'));
    const removed = iran.replace(paragraph + '\n\n', '');
    const r = one(quote, removed);
    expect(r.how).toBe('detached');
    expect(r.tag.detached).toBe(true);
    expect(r.tag.anchor.exact).toBe(quote.anchor.exact);
    const back = one(r.tag, iran);
    expect(back.how).toBe('exact');
    expect(back.covered).toBe(quote.anchor.exact);
  });

  it('does not re-attach a short tag to the same word in another context', () => {
    const tag = tagOn(iran, 'Kishida');
    const text = iran.replace('Prime Minister Fumio Kishida later on Monday', 'prime minister later on Monday') + '\n\nKishida was not available for comment.';
    expect(one(tag, text).how).toBe('detached');
  });

  it('keeps a short tag at its place when only its surroundings were rewritten', () => {
    const tag = tagOn(iran, 'Kishida');
    // Same lengths, so the name stays at its offsets.
    const [before, after] = ['with Japan’s Prime Minister Fumio ', ' later on Monday.'];
    const same = (s: string, like: string) => s.padEnd(like.length).slice(0, like.length);
    const text = iran.replace(`${before}Kishida${after}`, `${same('alongside the head of government ', before)}Kishida${same(', after the talks.', after)}`);
    expect(text.length).toBe(iran.length);
    const r = one(tag, text);
    expect(r.how).toBe('unchanged');
    expect(r.covered).toBe('Kishida');
  });

  it('never drops a tag', () => {
    const tags = [quote, tagOn(iran, 'Kishida', 0, 'k'), { ...quote, id: 'gone', anchor: { ...quote.anchor, exact: 'nothing like this is in the article at all' } }];
    const results = reanchorTags(tags, 'A completely different article.');
    expect(results.map((r) => r.tag.id)).toEqual(['t', 'k', 'gone']);
    expect(results.every((r) => r.how === 'detached' && r.tag.detached)).toBe(true);
  });
});

// ---- realistic rewrites of the seed articles, with characters tracked by identity ----
// The generator lives in test/helpers/rewrites.ts (bench/reanchor.mjs uses it too).

const articles = loadSeeds();
const runRewrites = (trials: number, seed: number, only?: string) => runRewritesOn({ articles, trials, seed, only });

describe('reanchorTags after realistic rewrites of the seed articles', () => {
  it('puts at least 98% of the tags back on their text, with none lost', () => {
    const o = runRewrites(300, 1);
    const rate = o.correct / o.total;
    console.log(
      `re-anchoring: ${o.correct}/${o.total} tags on their correct text (${(100 * rate).toFixed(2)}%), ` +
        `${o.exactBoundaries} (${((100 * o.exactBoundaries) / o.total).toFixed(2)}%) with exact boundaries, ${o.lost} lost; ` +
        `${o.onCopy} of the ${o.total - o.correct} misses are on another copy of a passage the article repeats` +
        (o.failures.length ? `\n  ${o.failures.join('\n  ')}` : ''),
    );
    expect(o.lost).toBe(0);
    expect(rate).toBeGreaterThanOrEqual(0.98);
  });

  it('handles each kind of rewrite on its own', () => {
    const lines: string[] = [];
    for (const [i, name] of Object.keys(rewrites).entries()) {
      const o = runRewrites(20, 1000 * (i + 1), name);
      const rate = o.correct / o.total;
      lines.push(`${name.padEnd(18)} ${(100 * rate).toFixed(2).padStart(6)}% of ${o.total} (${o.onCopy} misses on a repeated passage)`);
      expect(o.lost).toBe(0);
      expect(rate, name).toBeGreaterThanOrEqual(0.97);
    }
    console.log(`re-anchoring by rewrite:\n  ${lines.join('\n  ')}`);
  });
});

describe('reanchorTags on random edits that leave the tags’ text alone (property)', () => {
  it('finds every tag on its own text again', () => {
    const seeds = loadSeeds();
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.infiniteStream(fc.nat()),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 30 }), fc.constantFrom('', ' ', '\n', 'x', 'the', '\r\n', 'Iran')), { minLength: 1, maxLength: 12 }),
        (seed, randoms, edits) => {
          const r = rng(randoms.next().value);
          const tags = tagsFor(seed.text, r);
          // Edits stay off the tags' text; a short tag also keeps the context on one side (it needs it).
          const tagged = new Set(
            tags.flatMap((t) => {
              const short = t.anchor.exact.length < 25;
              const from = short && r.next() < 0.5 ? t.anchor.start - 32 : t.anchor.start;
              const to = short && from === t.anchor.start ? t.anchor.end + 32 : t.anchor.end;
              return Array.from({ length: to - from }, (_x, i) => from + i);
            }),
          );
          let doc: Doc = { units: seed.text.split(''), ids: seed.text.split('').map((_c, i) => i) };
          for (const [where, len, insert] of edits) {
            const at = Math.floor(where * doc.units.length);
            const n = Math.min(len, doc.units.length - at);
            if (doc.ids.slice(Math.max(0, at - 1), at + n + 1).some((id) => tagged.has(id))) continue;
            doc = splice(doc, at, n, insert);
          }
          const newText = text(doc);
          const position = new Map(doc.ids.map((id, i) => [id, i]));
          reanchorTags(tags, newText).forEach(({ tag: got }, k) => {
            const want = position.get(tags[k]!.anchor.start)!;
            expect(got.detached).toBe(false);
            expect(got.anchor.exact).toBe(tags[k]!.anchor.exact);
            if (got.anchor.start !== want) {
              // Only another copy of the same words, in surroundings that match the stored context at least as
              // well, may be taken for it (an article that repeats its headline cannot be told apart).
              const stored = tags[k]!.anchor;
              const fits = (at: number) =>
                Number(normalizeSpace(newText.slice(Math.max(0, at - 40), at)).endsWith(normalizeSpace(stored.prefix).slice(-8))) +
                Number(normalizeSpace(newText.slice(at + stored.exact.length, at + stored.exact.length + 40)).startsWith(normalizeSpace(stored.suffix).slice(0, 8)));
              expect(fits(got.anchor.start)).toBeGreaterThanOrEqual(fits(want));
            }
          });
        },
      ),
      { numRuns: Number(process.env.REANCHOR_RUNS ?? 150), ...(process.env.REANCHOR_SEED ? { seed: Number(process.env.REANCHOR_SEED) } : {}) },
    );
  });
});

function normalizeSpace(s: string): string {
  return s.replace(/\s+/g, ' ');
}

describe('reanchorTags speed', () => {
  it('re-anchors 200 tags in a 1 MB article that repeats itself, within seconds', () => {
    const base = loadSeeds().map((s) => s.text).join('\n\n');
    const parts: string[] = [];
    // Numbered copies: the same words many times over, as in a long live blog.
    for (let i = 0; parts.join('').length < 1_000_000; i++) parts.push(`Update ${i}.\n\n${base}`);
    const big = parts.join('\n\n');
    const r = rng(7);
    const tags = Array.from({ length: 200 }, (_x, i) => {
      const s = r.int(big.length - 200);
      return tagAt(big, s, s + 5 + r.int(120), `t${i}`);
    });
    const edited = 'A new first paragraph.\n\n' + big.replace(/Japan/g, 'Japan ');
    const t0 = performance.now();
    const results = reanchorTags(tags, edited);
    const ms = performance.now() - t0;
    console.log(`re-anchoring speed: 200 tags in ${(big.length / 1e6).toFixed(2)} MB in ${ms.toFixed(0)} ms`);
    expect(results).toHaveLength(200);
    expect(ms).toBeLessThan(30_000);
  });
});
