// The name tokenizer's short path for plain words and the in-place lookups the officials stage
// relies on must read exactly as the long paths do.
import { describe, expect, it } from 'vitest';
import { lookupCountry, lookupCountryAt } from '../../src/analysis/countries';
import {
  F_ABBR,
  F_ADJ,
  F_ALLCAPS,
  F_CAP,
  F_DOT,
  F_JOINER,
  F_POSS,
  F_SENT,
  F_TITLE_LINE,
  F_WORD,
  lowerAt,
  nameKey,
  entityIdOf,
  stringHash,
  firstHashAt,
  lastHashAt,
  tokenize,
  wordAt,
} from '../../src/analysis/names';

function read(text: string) {
  const t = tokenize(text);
  const out: Array<{ word: string; flags: number; hash: number; first: number; last: number }> = [];
  for (let i = 0; i < t.count; i++) {
    out.push({ word: wordAt(t, i), flags: t.flags[i]!, hash: t.hashFull[i]!, first: firstHashAt(t, i), last: lastHashAt(t, i) });
  }
  return out;
}

describe('tokenize', () => {
  it('hashes plain words as their lower case, whatever path reads them', () => {
    const tokens = read('Foreign Minister Hossein met officials. Then Sa’ar left');
    for (const tok of tokens.filter((x) => x.flags & F_WORD && !(x.flags & F_JOINER))) {
      expect(tok.hash).toBe(stringHash(tok.word.toLowerCase(), false));
      expect(tok.first).toBe(tok.hash);
      expect(tok.last).toBe(tok.hash);
    }
    const saar = tokens.find((x) => x.word === 'Sa’ar')!;
    expect(saar.flags & F_JOINER).toBeTruthy();
    expect(saar.hash).toBe(stringHash('saar', false));
  });

  it('keeps abbreviation points, initials and titles with their words', () => {
    const tokens = read('The U.S. envoy J. Smith met Mr. Lee and Dr Ito. Gen. Park spoke.');
    const by = (w: string) => tokens.find((x) => x.word === w)!;
    expect(by('U.S.').flags & F_ABBR).toBeTruthy();
    expect(by('J').flags & F_DOT).toBeTruthy();
    expect(by('Mr').flags & F_DOT).toBeTruthy();
    expect(by('Gen').flags & F_DOT).toBeTruthy();
    // "Ito." ends a sentence: the point is its own token and "Gen" opens the next sentence.
    expect(by('Ito').flags & F_DOT).toBeFalsy();
    expect(by('Gen').flags & F_SENT).toBeTruthy();
    expect(by('envoy').flags & F_ADJ).toBeTruthy();
    expect(by('envoy').flags & F_CAP).toBeFalsy();
  });

  it('reads possessives, capitals and headlines', () => {
    const tokens = read('Kenya Minister Meets Iranian Counterpart\nThe minister’s aide, HAYASHI Yoshimasa, said');
    const by = (w: string) => tokens.find((x) => x.word === w)!;
    expect(by('Meets').flags & F_TITLE_LINE).toBeTruthy();
    expect(by('minister').flags & F_POSS).toBeTruthy();
    expect(by('minister').flags & F_TITLE_LINE).toBeFalsy();
    expect(by('HAYASHI').flags & F_ALLCAPS).toBeTruthy();
    expect(by('Yoshimasa').flags & F_ALLCAPS).toBeFalsy();
    expect(by('The').flags & F_SENT).toBeTruthy();
  });

  it('lower-cases words the same whether or not they were met before', () => {
    const t = tokenize('Minister minister MINISTER Ministre');
    expect([0, 1, 2, 3].map((i) => lowerAt(t, i))).toEqual(['minister', 'minister', 'minister', 'ministre']);
  });
});

describe('name keys and ids', () => {
  it('keys plain names by their lower case and others by their normalised form', () => {
    expect(nameKey('Penny Wong')).toBe('penny wong');
    expect(nameKey('Gideon Sa’ar')).toBe('gideon saar');
    expect(nameKey('Hossein Amir-Abdollahian')).toBe('hossein amir abdollahian');
    expect(nameKey('José Fernández')).toBe('jose fernandez');
    expect(entityIdOf('Penny Wong')).toBe('official:penny-wong');
    expect(entityIdOf('Gideon Sa’ar')).toBe('official:gideon-saar');
  });
});

describe('lookupCountryAt', () => {
  it('answers as lookupCountry does on the same phrase', () => {
    const text =
      'The United States and U.S. officials met US, us and UK envoys in Tokyo, Japan, the Netherlands, ' +
      'South Korea, Côte d’Ivoire, New Zealand, Iran’s Japanese, French and Israeli ministers, Georgia and Chad Smith';
    const phrases = new Set<string>();
    const words = text.split(/[ ,]+/).filter(Boolean);
    for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= words.length; i++) phrases.add(words.slice(i, i + n).join(' '));
    for (const phrase of phrases) {
      const at = text.indexOf(phrase);
      if (at < 0) continue;
      expect(lookupCountryAt(text, at, at + phrase.length), phrase).toBe(lookupCountry(phrase));
    }
    const us = text.indexOf('US,');
    expect(lookupCountryAt(text, us, us + 2)?.country.cca3).toBe('USA');
    const lower = text.indexOf('us and');
    expect(lookupCountryAt(text, lower, lower + 2)).toBeNull();
  });
});
