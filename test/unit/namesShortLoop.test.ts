// The tokenizer reads most words and marks in a short loop (a plain word or ASCII mark right after
// the previous token or one space after it) and leaves the rest to its general loop: both must read
// a token alike. A word read after a line break always takes the general loop, so each sentence is
// compared with itself read after a space.
import { describe, expect, it } from 'vitest';
import { lookupCountry, lookupCountryAt, lookupPlainCountryAt, plainPhraseHashAt } from '../../src/analysis/countries';
import { F_ABBR, F_ADJ, F_CAP, F_DOT, F_NL, F_SENT, F_WORD, firstHashAt, fullEndAt, lastHashAt, stringHash, tokenize, wordAt } from '../../src/analysis/names';

type Read = { word: string; flags: number; hash: number; first: number; last: number; fullEnd: number };

function read(text: string, cues?: ReadonlySet<number>): { tokens: Read[]; cues: string[]; caps: string[] } {
  const t = tokenize(text, cues);
  const tokens: Read[] = [];
  for (let i = 0; i < t.count; i++) {
    tokens.push({ word: wordAt(t, i), flags: t.flags[i]!, hash: t.hashFull[i]!, first: firstHashAt(t, i), last: lastHashAt(t, i), fullEnd: fullEndAt(t, i) - t.start[i]! });
  }
  return {
    tokens,
    cues: Array.from(t.cues.subarray(0, t.cueCount), (i) => wordAt(t, i)),
    caps: Array.from(t.caps.subarray(0, t.capCount), (i) => wordAt(t, i)),
  };
}

const SENTENCES = [
  'Japan’s Foreign Minister Yoko Kamikawa met her counterpart, Antony Blinken, in Tokyo on Monday.',
  'The U.S. envoy J. Smith met Mr. Lee and Dr Ito. Gen. Park spoke, and left.',
  'Kenyan President William Ruto said: "We will not back down," before leaving for Addis Ababa.',
  'Ministers Ana Ruiz (Peru) and Luis Vega (Chile) signed; the deal, worth $2.5bn, takes effect in 2025.',
  'Sheikh Mohammed bin Abdulrahman Al-Thani, Qatar’s prime minister, said talks were "constructive".',
  'HAYASHI Yoshimasa, the chief cabinet secretary, told reporters in Tokyo that j. doe was not there.',
];

describe('tokenize short loop', () => {
  it('reads each token as the general loop does', () => {
    const minister = stringHash('minister', false);
    const cues = new Set([minister, stringHash('president', false), stringHash('mr', false)]);
    for (const s of SENTENCES) {
      // After a line break the first word takes the general loop; after "x " the short one.
      const general = read(s, cues);
      const short = read(`x ${s}`, cues);
      const strip = (r: Read) => ({ ...r, flags: r.flags & ~(F_ADJ | F_NL | F_SENT) });
      expect(short.tokens.slice(1).map(strip)).toEqual(general.tokens.map(strip));
      expect(short.cues).toEqual(general.cues);
      expect(short.caps.filter((w) => w !== 'x')).toEqual(general.caps);
    }
  });

  it('keeps flags, hashes and lists of plain words and marks', () => {
    const { tokens, cues, caps } = read('Officials said. The Foreign Minister, Mr. Lee, met U.S. envoy j. doe', new Set([stringHash('minister', false)]));
    const by = (w: string) => tokens.find((x) => x.word === w)!;
    expect(by('The').flags & F_SENT).toBeTruthy();
    expect(by('Minister').flags & (F_WORD | F_CAP | F_ADJ)).toBe(F_WORD | F_CAP | F_ADJ);
    expect(by('Minister').hash).toBe(stringHash('minister', false));
    expect(by(',').flags & F_ADJ).toBeFalsy();
    expect(by('Mr').flags & F_DOT).toBeTruthy();
    expect(by('Mr').fullEnd).toBe(3);
    expect(by('Lee').flags & F_ADJ).toBeTruthy();
    expect(by('U.S.').flags & F_ABBR).toBeTruthy();
    expect(by('j').flags & F_DOT).toBeTruthy();
    expect(by('doe').hash).toBe(stringHash('doe', false));
    // "U.S." has no hash (a dotted abbreviation): listed, as every word the hash cannot settle.
    expect(cues).toEqual(['Minister', 'U.S.']);
    expect(caps).toEqual(['Officials', 'The', 'Foreign', 'Minister', 'Mr', 'Lee', 'U.S.']);
  });
});

describe('lookupPlainCountryAt', () => {
  it('answers as lookupCountryAt given the plain phrase hash', () => {
    const text = 'the Iranian and Japanese ministers met in South Korea, not in Narnia or the US';
    for (const phrase of ['Iranian', 'Japanese', 'South Korea', 'Narnia', 'US', 'ministers']) {
      const s = text.indexOf(phrase);
      const e = s + phrase.length;
      expect(lookupPlainCountryAt(text, s, e, plainPhraseHashAt(text, s, e))).toBe(lookupCountryAt(text, s, e));
      // A one-word phrase hashes as its word (what the officials stage passes for a token).
      if (!phrase.includes(' ')) expect(plainPhraseHashAt(text, s, e)).toBe(stringHash(phrase.toLowerCase(), false));
    }
    expect(lookupCountryAt(text, text.indexOf('South Korea'), text.indexOf('South Korea') + 11)).toBe(lookupCountry('South Korea'));
  });
});
