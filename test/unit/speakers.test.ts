import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/analysis/sentences';
import { attributeSentences, nameOf, tokenize } from '../../src/analysis/speakers';

const name = (phrase: string) => {
  const n = nameOf(tokenize(phrase, 0, phrase.length));
  return n ? phrase.slice(n[0]!.start, n[n.length - 1]!.end) : null;
};

const firstSpeakers = (text: string) =>
  attributeSentences(text, splitSentences(text), [], []).map((c) => {
    const a = c.attributions[0];
    return a ? `${a.speaker} <${a.cue}>` : null;
  });

describe('nameOf', () => {
  it('strips offices, honorifics and nationalities in front of a name', () => {
    expect(name('Japanese Foreign Minister Toshimitsu Motegi')).toBe('Toshimitsu Motegi');
    expect(name('Israeli Ambassador to Japan Gilad Cohen')).toBe('Gilad Cohen');
    expect(name('Vice President Joe Biden')).toBe('Joe Biden');
    expect(name('Mr. Clyburn')).toBe('Clyburn');
    expect(name('Tory foreign affairs spokesman Michael Ancram')).toBe('Michael Ancram');
    expect(name('President Musharraf of Pakistan')).toBe('Musharraf');
    expect(name('The BBC\'s Paul Reynolds')).toBe('Paul Reynolds');
  });

  it('returns no personal name for bodies and descriptions', () => {
    expect(name('the Japanese Foreign Ministry')).toBeNull();
    expect(name("Pakistan's High Commissioner to Britain")).toBeNull();
    expect(name('the Centers for Disease Control and Prevention')).toBeNull();
    expect(name('a senior Japanese official')).toBeNull();
    expect(name('the Ambassador')).toBeNull();
  });
});

describe('attributeSentences', () => {
  it('finds the source before, after and around the cue', () => {
    expect(
      firstSpeakers(
        'The BBC\'s Paul Reynolds says the conference will be limited. ' +
          'Senior Japanese officials, however, have said Tokyo won’t be able to help. ' +
          'Britain has been more cautious but Mr Straw last week said he also wanted it to end. ' +
          'The Israelis described the meeting as important but said they would not attend. ' +
          'Abe at the same time said that Tokyo hopes for progress. ' +
          'China has in the past said it sees the ban as politically driven.',
      ),
    ).toEqual([
      'Paul Reynolds <says>',
      'Senior Japanese officials <said>',
      'Straw <said>',
      'The Israelis <described>',
      'Abe <said>',
      'China <said>',
    ]);
  });

  it('reads sources in other outlets\' styles', () => {
    expect(
      firstSpeakers(
        'Police in Nairobi said on Tuesday that two suspects had been arrested. ' +
          'The ruling, the court said, cannot be appealed. ' +
          'Officials say the dam will be finished by 2030. ' +
          'A spokeswoman for the Elysée Palace declined to comment, but an aide said the trip would go ahead. ' +
          'Rescuers searching the rubble in Antakya, Hatay, said they had found survivors.',
      ),
    ).toEqual(['Police <said>', 'the court <said>', 'Officials <say>', 'an aide <said>', 'Rescuers <said>']);
  });

  it('follows a pronoun back to the last person, and "it" to the last body', () => {
    expect(
      firstSpeakers(
        'The Mirror newspaper said on Tuesday it had been handed a dossier. It said the dossier contained codes. ' +
          'Foreign Secretary Jack Straw said the UK was prepared to veto any bid. He said it remained justified.',
      ),
    ).toEqual(['The Mirror newspaper <said>', 'The Mirror newspaper <said>', 'Jack Straw <said>', 'Jack Straw <said>']);
  });
});
