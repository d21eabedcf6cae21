import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.mjs';
import { analyzeDocument } from '../../src/analysis/analyze';
import { IncrementalAnalyzer } from '../../src/analysis/incremental';
import type { AnalyzeOptions } from '../../src/analysis/types';
import { loadSeeds, repoRoot } from '../helpers/seeds';

const bbcDir = join(repoRoot, '..', 'shared', 'eval', 'bbc');
const bbc = readdirSync(bbcDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(bbcDir, f), 'utf8'));
const seeds = loadSeeds().map((s) => s.text);
/** Generated articles run together into one long article (blank lines between paragraphs and articles). */
function longArticle(targetBytes: number, seed: number): string {
  return generateCorpus({ seedTexts: seeds, targetBytes, seed })
    .map((a) => a.text.trim())
    .join('\n\n');
}
const long = longArticle(60_000, 3);
const texts = [...seeds, ...bbc, long];

// Words typed in: plain words, reporting verbs, names, titles and dates, so edits reach every stage.
const WORDS = ['the', 'also', 'quickly', 'said', 'told reporters', 'Monday', 'last week', 'on 3 March 2021', 'minister', 'President', 'Okafor', '"we will not"', 'met', 'visit', 'talks', 'Hayashi', 'he', 'she said', 'according to officials', 'in Nairobi', '.', ','];

type Edit =
  | { kind: 'insert' | 'replace'; at: number; word: number }
  | { kind: 'delete' | 'split' | 'join' | 'keystrokes'; at: number }
  | { kind: 'paste'; at: number; from: number; size: number };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constantFrom('insert' as const, 'replace' as const), at: fc.nat(), word: fc.nat() }),
  fc.record({ kind: fc.constantFrom('delete' as const, 'split' as const, 'join' as const, 'keystrokes' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('paste' as const), at: fc.nat(), from: fc.nat(), size: fc.integer({ min: 1, max: 600 }) }),
);

/** The start of the word at or after `at` (or the end of the text). */
function wordStart(text: string, at: number): number {
  const i = text.slice(at % (text.length + 1)).search(/(?<=\s)\S/);
  return i < 0 ? text.length : (at % (text.length + 1)) + i;
}

/** One edit as a list of successive texts (keystrokes type a word letter by letter). */
function applyEdit(text: string, edit: Edit): string[] {
  const at = wordStart(text, edit.at);
  switch (edit.kind) {
    case 'insert':
      return [`${text.slice(0, at)}${WORDS[edit.word % WORDS.length]!} ${text.slice(at)}`];
    case 'replace': {
      const end = text.slice(at).search(/\s|$/) + at;
      return [`${text.slice(0, at)}${WORDS[edit.word % WORDS.length]!}${text.slice(end)}`];
    }
    case 'delete': {
      const end = text.slice(at).search(/\s|$/) + at;
      return [text.slice(0, at) + text.slice(Math.min(text.length, end + 1))];
    }
    case 'split':
      return at > 0 ? [`${text.slice(0, at - 1)}\n\n${text.slice(at)}`] : [text];
    case 'join': {
      const nl = text.indexOf('\n\n', edit.at % (text.length + 1));
      return nl < 0 ? [text] : [`${text.slice(0, nl)} ${text.slice(nl + 2).replace(/^\s+/, '')}`];
    }
    case 'keystrokes': {
      const out: string[] = [];
      let t = text;
      for (const ch of 'nearly ') out.push((t = t.slice(0, at + out.length) + ch + t.slice(at + out.length)));
      return out;
    }
    case 'paste': {
      const source = texts[edit.from % texts.length]!;
      const from = edit.at % Math.max(1, source.length - edit.size);
      return [text.slice(0, at) + source.slice(from, from + edit.size) + text.slice(at)];
    }
  }
}

describe('IncrementalAnalyzer', () => {
  it('analyses the first text whole, and an unchanged text not at all', () => {
    const inc = new IncrementalAnalyzer();
    const first = inc.update(seeds[0]!);
    expect(first).toMatchObject({ mode: 'full', exact: true, analysedChars: seeds[0]!.length });
    expect(first.analysis).toEqual(analyzeDocument(seeds[0]!));
    expect(inc.update(seeds[0]!)).toMatchObject({ mode: 'unchanged', exact: true, analysedChars: 0 });
  });

  it('re-analyses only the paragraph of a one-word edit in a long article, exactly', () => {
    const inc = new IncrementalAnalyzer({ fallback: 'splice' });
    inc.update(long);
    // A plain word typed into a paragraph in the middle of the article, in a sentence reporting no event
    // (a word typed into an event's sentence may change how the event reads: see the property below).
    const full = analyzeDocument(long);
    const sources = full.events.flatMap((e) => e.sources);
    let at = long.length >> 1;
    do at = long.indexOf(' the ', at + 1) + 1;
    while (sources.some((s) => s.start <= at && at <= s.end));
    const edited = `${long.slice(0, at)}very ${long.slice(at)}`;
    const result = inc.update(edited);
    expect(result.mode).toBe('incremental');
    expect(result.analysedChars).toBeLessThan(long.length / 10);
    expect(result.reason).toBe(null);
    expect(result.exact).toBe(true);
    expect(result.analysis).toEqual(analyzeDocument(edited));
  });

  it('in a 1 MB article, a one-word edit re-reads under 1% of the text', () => {
    const article = longArticle(1024 * 1024, 20261122);
    const inc = new IncrementalAnalyzer({ fallback: 'splice' });
    const full = inc.update(article).analysis;
    // A sentence past the middle that names no one and reports no event (most keystrokes land in such text).
    const busy = [...full.events.flatMap((e) => e.sources), ...full.officials];
    const quiet = full.sentences.find((s) => s.start > article.length * 0.6 && article.slice(s.start, s.end).includes(' the ') && !busy.some((b) => b.start < s.end && b.end > s.start))!;
    const at = article.indexOf(' the ', quiet.start) + 1;
    const edited = `${article.slice(0, at)}also ${article.slice(at)}`;
    const result = inc.update(edited);
    console.log(`1 MB article (${article.length} characters): one-word edit re-read ${result.analysedChars} characters (${((100 * result.analysedChars) / article.length).toFixed(2)}%), exact: ${result.exact}${result.reason ? ` (${result.reason})` : ''}`);
    expect(result.mode).toBe('incremental');
    expect(result.analysedChars).toBeLessThan(article.length / 100);
    expect(result.exact).toBe(true);
    expect(result.analysis).toEqual(analyzeDocument(edited));
  }, 180_000);

  it('shifts everything after the edit and keeps what is before it', () => {
    const text = 'Kenya’s President William Ruto met Tanzanian President Samia Suluhu Hassan on Monday.\n\nThe talks in Nairobi covered trade.\n\nRuto said the border would stay open, according to a statement.\n\nWeather was mild.\n\nLater, Ruto told reporters that "nothing is decided".\n';
    const inc = new IncrementalAnalyzer({ fallback: 'splice', contextChars: 0 });
    inc.update(text, { documentDate: '2024-05-10' });
    const edited = text.replace('Weather was mild.', 'The weather was very mild.');
    const result = inc.update(edited, { documentDate: '2024-05-10' });
    const full = analyzeDocument(edited, { documentDate: '2024-05-10' });
    expect(result.analysis).toEqual(full);
    const ruto = result.analysis.officials.filter((o) => o.name === 'William Ruto').map((o) => edited.slice(o.start, o.end));
    expect(ruto).toEqual(['William Ruto', 'Ruto', 'Ruto']);
    expect(result.analysedChars).toBeLessThan(edited.length);
  });

  it('falls back to the whole text when the document date changes', () => {
    const text = 'Published: 12 March 2022\n\nJapan’s Chief Cabinet Secretary Yoshimasa Hayashi said on Friday that talks would resume.\n';
    const inc = new IncrementalAnalyzer();
    inc.update(text);
    const edited = text.replace('12 March', '14 March');
    const result = inc.update(edited);
    expect(result).toMatchObject({ mode: 'full', exact: true });
    expect(result.reason).toMatch(/document date/);
    expect(result.analysis.documentDate?.value).toBe('2022-03-14');
    expect(result.analysis).toEqual(analyzeDocument(edited));
  });

  it('does not claim exactness when the full name that short mentions depend on is edited', () => {
    const text = [
      'Brazil’s Foreign Minister Mauro Vieira arrived in Lisbon on Tuesday.',
      'The visit was planned months ago.',
      'Vieira said the two countries would sign a trade deal.',
      'Officials in Lisbon declined to comment.',
      'Vieira later left for Madrid.',
    ].join('\n\n');
    const inc = new IncrementalAnalyzer({ fallback: 'splice', contextChars: 0 });
    inc.update(text, { documentDate: '2023-04-20' });
    const edited = text.replace('Foreign Minister Mauro Vieira', 'Foreign Minister Mauro Vierra');
    const result = inc.update(edited, { documentDate: '2023-04-20' });
    expect(result.exact).toBe(false);
    expect(result.reason).toMatch(/officials/);
    // The lead re-runs the whole analysis; with fallback 'full' the analyzer does it itself.
    const eager = new IncrementalAnalyzer({ fallback: 'full' });
    eager.update(text, { documentDate: '2023-04-20' });
    const exact = eager.update(edited, { documentDate: '2023-04-20' });
    expect(exact).toMatchObject({ mode: 'full', exact: true });
    expect(exact.analysis).toEqual(analyzeDocument(edited, { documentDate: '2023-04-20' }));
  });

  it('takes a background full analysis back as its base', () => {
    const inc = new IncrementalAnalyzer({ fallback: 'splice' });
    inc.update(seeds[1]!);
    const edited = seeds[1]!.replace(/\n\n/, '\n\nA new paragraph, Prime Minister Ana Lopes said.\n\n');
    const first = inc.update(edited);
    if (!first.exact) expect(inc.replace(edited, analyzeDocument(edited))).toBe(true);
    expect(inc.current?.exact).toBe(true);
    expect(inc.replace('other text', analyzeDocument('other text'))).toBe(false);
  });

  it('never throws on odd text, and is exact whenever it says so', () => {
    const piece = fc.oneof(
      fc.constantFrom('\n', '\n\n', '\r\n', ' ', '"', '“', '”', '. ', 'said', 'Minister ', 'Ana Lopes', 'on Monday', '\u0000', '\ud800', 'é', '— '),
      fc.string({ maxLength: 12 }),
    );
    const textArb = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(textArb, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 }), textArb), { minLength: 1, maxLength: 4 }), (start, edits) => {
        const inc = new IncrementalAnalyzer({ fallback: 'splice', contextChars: 0 });
        let text = start;
        inc.update(text);
        for (const [at, length, insert] of edits) {
          const from = at % (text.length + 1);
          text = text.slice(0, from) + insert + text.slice(Math.min(text.length, from + length));
          const result = inc.update(text);
          if (result.exact) expect(result.analysis).toEqual(analyzeDocument(text));
          else expect(inc.replace(text, analyzeDocument(text))).toBe(true);
        }
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  it('property: on the seeds and BBC stories, an update claiming to be exact equals analyzeDocument of the new text', () => {
    const tally = editSessions(texts, 150, 20261122);
    report('seeds, bbc and a long article', tally);
    // Short articles are mostly analysed whole (their window would be most of the text): exact too.
    expect(tally.exact + tally.full).toBeGreaterThan(tally.inexact);
  }, 180_000);

  it('property: in long articles most edits are answered by an exact splice of a small window', () => {
    const tally = editSessions([long, longArticle(80_000, 9)], 60, 7);
    report('long articles', tally);
    expect(tally.exact).toBeGreaterThan((tally.exact + tally.inexact + tally.full) / 4);
    expect(tally.chars).toBeLessThan(tally.textChars / 5);
  }, 180_000);
});

interface Tally {
  exact: number;
  inexact: number;
  full: number;
  chars: number;
  textChars: number;
  reasons: Map<string, number>;
}

/**
 * Random edit sessions (1 to 4 edits on one text, the analyzer following each); every answer claiming to be
 * exact is compared with analyzeDocument on the new text (deep equality, entity ids included: they are
 * derived from the names, so equal analyses have equal ids). An inexact answer is followed by the full
 * analysis the extension would run in the background.
 */
function editSessions(pool: string[], numRuns: number, seed: number): Tally {
  const tally: Tally = { exact: 0, inexact: 0, full: 0, chars: 0, textChars: 0, reasons: new Map() };
  fc.assert(
    fc.property(fc.nat({ max: pool.length - 1 }), fc.array(editArb, { minLength: 1, maxLength: 4 }), fc.boolean(), (which, edits, withDate) => {
      let text = pool[which]!;
      const options: AnalyzeOptions = withDate ? { documentDate: '2024-02-29' } : {};
      const inc = new IncrementalAnalyzer({ fallback: 'splice' });
      inc.update(text, options);
      for (const edit of edits) {
        for (const next of applyEdit(text, edit)) {
          text = next;
          const result = inc.update(text, options);
          if (result.mode === 'unchanged') continue;
          const full = analyzeDocument(text, options);
          if (result.exact) expect(result.analysis).toEqual(full);
          if (result.mode === 'full') tally.full++;
          else if (result.exact) tally.exact++;
          else {
            tally.inexact++;
            for (const r of (result.reason ?? '').split('; ')) tally.reasons.set(r, (tally.reasons.get(r) ?? 0) + 1);
            expect(inc.replace(text, full, options)).toBe(true);
          }
          if (result.mode === 'incremental') {
            tally.chars += result.analysedChars;
            tally.textChars += text.length;
          }
        }
      }
    }),
    { seed, numRuns },
  );
  return tally;
}

function report(what: string, t: Tally): void {
  const total = t.exact + t.inexact + t.full;
  const pc = (n: number) => `${((100 * n) / Math.max(1, total)).toFixed(1)}%`;
  console.log(
    `${what}: ${total} updates; exact splice ${t.exact} (${pc(t.exact)}), whole text (exact) ${t.full} (${pc(t.full)}), ` +
      `splice flagged inexact ${t.inexact} (${pc(t.inexact)}); the splices read ${((100 * t.chars) / Math.max(1, t.textChars)).toFixed(2)}% of the text`,
  );
  console.log('  inexact because:', [...t.reasons].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} (${n})`).join(', '));
}
