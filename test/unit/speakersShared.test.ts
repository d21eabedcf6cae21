// The quotes stage reads the words the officials stage tokenized (names.ts) instead of scanning the
// text again: its tokens, cue candidates and attributions must be exactly those of its own scan.
import { describe, expect, it } from 'vitest';
import { findOfficials } from '../../src/analysis/officials';
import { dropSharedWords, keepSharedWords, releaseSharedWords, sharedTokens, tokenize as tokenizeWords } from '../../src/analysis/names';
import { analyzeQuotes, findQuoteSegments } from '../../src/analysis/quotes';
import { mayHoldCue, wordHash } from '../../src/analysis/reporting';
import { paragraphBlocks, splitSentences } from '../../src/analysis/sentences';
import { tokenize, wordsMayHoldCue } from '../../src/analysis/speakers';
import { lcg, textOfPieces } from '../helpers/rng';
import { loadSeeds } from '../helpers/seeds';

const describeTokens = (text: string, start: number, end: number, shared: boolean) => {
  const candidates: number[] = [];
  const tokens = tokenize(text, start, end, undefined, candidates, shared ? tokenizeWords(text) : null);
  return { tokens: tokens.map((t) => `${t.start}-${t.end}:${t.word}:${t.cap}:${t.hash}:${t.punct}`), candidates };
};

// Pieces that sit on every edge of the two tokenizers' rules: possessives, joiners of one and not
// the other (non-breaking hyphen, point, ampersand), digits inside words, dotted abbreviations,
// letters beyond ASCII, combining marks, the Kelvin sign, numbers beyond ASCII, odd spaces.
const PIECES = [
  'said', 'Says', 'told', 'Minister', 'U.S.', 'U.S', 'Mr.', 'e.g.', "Iran's", 'Iran’s', 'members’', 'al-Assad', 'al‑Assad',
  'Sa’ar', "can't", 'AT&T', 'F-16', '5th', '3.5', '1,000', 'Café', 'e\u0301', '\u212aelvin', 'x²', '١٢', 'Ω', 'Ünal',
  'according', 'to', '“', '”', '"', "'", '‘', '(', ')', '—', '-', '.', ',', ':', ';', '&', '\u2028', '\ufeff', ' ',
  ' ', ' ', '  ', '\n', '\u00a0', '\u2009', '😀', 'per', 'NATO', 'CAPS', 'a', 'I',
];

describe('speakers tokenize over the names.ts words', () => {
  it('gives the tokens and cue candidates of its own scan, on any text and range', () => {
    const next = lcg(11);
    for (let n = 0; n < 2000; n++) {
      const text = textOfPieces(next, PIECES, 1, 12);
      const start = next() % (text.length + 1);
      const end = start + (next() % (text.length - start + 1));
      expect(describeTokens(text, start, end, true), JSON.stringify([text, start, end])).toEqual(describeTokens(text, start, end, false));
    }
  });

  it('tells a range that may hold a cue as the scan of its letters does', () => {
    const next = lcg(5);
    let holding = 0;
    for (let n = 0; n < 3000; n++) {
      const text = textOfPieces(next, PIECES, 1, 10);
      const start = next() % (text.length + 1);
      const end = start + (next() % (text.length - start + 1));
      const expected = mayHoldCue(text, start, end);
      if (expected) holding++;
      expect(wordsMayHoldCue(tokenizeWords(text), text, start, end), JSON.stringify([text, start, end])).toBe(expected);
    }
    expect(holding).toBeGreaterThan(50);
  });

  it('gives the same tokens on the seed articles, sentence by sentence', () => {
    for (const { text } of loadSeeds()) {
      for (const s of splitSentences(text)) {
        expect(describeTokens(text, s.start, s.end, true)).toEqual(describeTokens(text, s.start, s.end, false));
        expect(wordsMayHoldCue(tokenizeWords(text), text, s.start, s.end)).toBe(mayHoldCue(text, s.start, s.end));
      }
    }
  });

  it('hashes a word as wordHash does, and notes the words that may start a cue', () => {
    const text = 'The minister SAID she told reporters, according to Reuters.';
    const { tokens, candidates } = describeTokens(text, 0, text.length, true);
    expect(tokens[2]).toBe(`13-17:true:true:${wordHash('said')}:-1`);
    expect(candidates.map((i) => tokens[i]!.split(':')[0])).toEqual(['13-17', '22-26', '38-47']);
    expect(mayHoldCue(text, 0, text.length)).toBe(true);
  });
});

describe('quotation marks read from the shared words', () => {
  const segments = (text: string, blocks: readonly { start: number; end: number }[], shared: boolean) => {
    if (shared) tokenizeWords(text);
    else dropSharedWords();
    const found = findQuoteSegments(text, splitSentences(text), blocks);
    dropSharedWords();
    return found;
  };

  it('pair the marks the scan of the text pairs, apostrophes inside words included', () => {
    const marks = ['"', '“', '”', '«', '»', '„', "'", '‘', '’', " '", "' ", ' ‘', '’ ', "Iran's", 'Iran’s', 'members’', "rock'n'roll", '5’s', 'Café’s', 'x’2'];
    const next = lcg(3);
    let paired = 0;
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const parts = 2 + (next() % 14);
      for (let k = 0; k < parts; k++) text += next() % 2 ? marks[next() % marks.length] : PIECES[next() % PIECES.length];
      // Paragraph blocks, and blocks cut inside words (whose edges may be inner apostrophes).
      const cut = next() % (text.length + 1);
      const blockLists = [paragraphBlocks(text), [{ start: 0, end: cut }, { start: cut, end: text.length }]];
      for (const blocks of blockLists) {
        const expected = segments(text, blocks, false);
        paired += expected.length;
        expect(segments(text, blocks, true), JSON.stringify([text, blocks])).toEqual(expected);
      }
    }
    expect(paired).toBeGreaterThan(500);
  });

  it('read every mark when a block edge falls on an apostrophe inside a word or a number', () => {
    for (const text of ["He is 5'6 and 'tall', Iran's 'view'", 'Sa’ar said ‘x’2’ and “no” to O’Neill’s 5’6']) {
      for (let i = 0; i < text.length; i++) {
        if (!"'’‘".includes(text[i]!)) continue;
        for (const cut of [i, i + 1]) {
          const blocks = [{ start: 0, end: cut }, { start: cut, end: text.length }];
          expect(segments(text, blocks, true), JSON.stringify([text, cut])).toEqual(segments(text, blocks, false));
        }
      }
    }
  });

  it('pair the seed articles as the scan does', () => {
    for (const { text } of loadSeeds()) expect(segments(text, paragraphBlocks(text), true)).toEqual(segments(text, paragraphBlocks(text), false));
  });
});

describe('shared tokens', () => {
  const copyOf = (w: ReturnType<typeof sharedTokens>) =>
    w && { count: w.count, start: [...w.start.subarray(0, w.count)], end: [...w.end.subarray(0, w.count)], flags: [...w.flags.subarray(0, w.count)], hashFull: [...w.hashFull.subarray(0, w.count)] };

  it('are those of the text last tokenized, until let go', () => {
    const text = 'Foreign Minister Ana Lima said on Monday that talks would resume.';
    const words = tokenizeWords(text);
    expect(sharedTokens(text)).toBe(words);
    expect(sharedTokens(text.slice(1))).toBeNull();
    releaseSharedWords(text);
    expect(sharedTokens(text)).toBeNull();
    tokenizeWords(text);
    tokenizeWords('Another article.');
    expect(sharedTokens(text)).toBeNull();
  });

  it('are kept for every article tokenized while keeping, each until it is let go', () => {
    const texts = loadSeeds().map((s) => s.text);
    const fresh = texts.map((t) => copyOf(tokenizeWords(t)));
    keepSharedWords();
    for (const t of texts) tokenizeWords(t);
    texts.forEach((t, i) => expect(copyOf(sharedTokens(t))).toEqual(fresh[i]));
    // Letting one go lets go of those kept before it (the quotes stage passed them by).
    releaseSharedWords(texts[1]!);
    expect(sharedTokens(texts[0]!)).toBeNull();
    expect(sharedTokens(texts[1]!)).toBeNull();
    expect(copyOf(sharedTokens(texts[2]!))).toEqual(fresh[2]);
    dropSharedWords();
    for (const t of texts) expect(sharedTokens(t)).toBeNull();
    // Without keeping, only the last tokenization is shared.
    for (const t of texts) tokenizeWords(t);
    expect(sharedTokens(texts[0]!)).toBeNull();
    expect(copyOf(sharedTokens(texts[texts.length - 1]!))).toEqual(fresh[texts.length - 1]);
    dropSharedWords();
  });

  it('give the quotes stage the analysis it makes on its own, and are let go by it', () => {
    const seeds = loadSeeds().map((s) => s.text);
    const sentences = seeds.map((t) => splitSentences(t));
    const officials = seeds.map((t) => findOfficials(t));
    dropSharedWords();
    const alone = seeds.map((t, i) => analyzeQuotes(t, sentences[i]!, officials[i]!));
    keepSharedWords();
    for (const t of seeds) findOfficials(t);
    seeds.forEach((t, i) => {
      expect(sharedTokens(t)).not.toBeNull();
      expect(analyzeQuotes(t, sentences[i]!, officials[i]!)).toEqual(alone[i]);
      expect(sharedTokens(t)).toBeNull();
      expect(alone[i]!.quotes.length + alone[i]!.claims.length).toBeGreaterThan(0);
    });
    dropSharedWords();
  });
});
