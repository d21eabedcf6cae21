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
    expect(name('Mr. Okonkwo')).toBe('Okonkwo');
    expect(name('Labour foreign affairs spokesman Priya Nair')).toBe('Priya Nair');
    expect(name('Secretary-General Ahmed Aboul Gheit')).toBe('Ahmed Aboul Gheit');
    expect(name('Crown Prince Mohammed bin Salman')).toBe('Mohammed bin Salman');
    expect(name('President Ruto of Kenya')).toBe('Ruto');
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
  it('keeps a relayed statement with its maker and a plain report with the reporter', () => {
    expect(
      firstSpeakers(
        'Prime Minister Sharif assured President Erdogan that the deal would proceed, officials said. ' +
          'Mr Lee held a call with Ms Tan, the ministry said. Ms Okafor and Mr Mensah said they would attend.',
      ),
    ).toEqual(['Sharif <assured>', 'the ministry <said>', 'Ms Okafor and Mr Mensah <said>']);
  });

  it('finds the source before, after and around the cue', () => {
    expect(
      firstSpeakers(
        'The BBC\'s Paul Reynolds says the conference will be limited. ' +
          'Senior Japanese officials, however, have said Tokyo won’t be able to help. ' +
          'Canada has been more cautious but Ms Osei last week said she also wanted it to end. ' +
          'The Israelis described the meeting as important but said they would not attend. ' +
          'Abe at the same time said that Tokyo hopes for progress. ' +
          'China has in the past said it sees the ban as politically driven.',
      ),
    ).toEqual([
      'Paul Reynolds <says>',
      'Senior Japanese officials <said>',
      'Osei <said>',
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

  it('reads US wire style and ignores negated reports', () => {
    expect(
      firstSpeakers(
        'The Senate passed the bill, a measure that supporters say will lower costs. ' +
          'Sen. Chuck Schumer, D-N.Y., said the vote was historic. ' +
          'The ministry has not said whether talks will resume. Officials didn\'t confirm the report. ' +
          '“We’ll see,” said Rep. Maria Salazar, R-Fla.',
      ),
    ).toEqual(['supporters <say>', 'Chuck Schumer <said>', null, null, 'Maria Salazar <said>']);
  });

  it('reads cue words and listed words in any letter case, also outside ASCII', () => {
    expect(
      firstSpeakers(
        'According to the Kenyan Foreign Ministry, the talks will resume. THE MINISTER SAID the ceasefire held. ' +
          'A communiqué issued by the African Union said the mission would stay. ' +
          'The Tanzanian envoy, Ms Neema Mwakyusa, pointed out that aid had arrived. Police In Nairobi Said three people were hurt.',
      ),
    ).toEqual(['the Kenyan Foreign Ministry <According to>', null, 'the African Union <said>', 'The Tanzanian envoy <pointed out>', null]);
  });

  it('follows a pronoun back to the last person, and "it" to the last body', () => {
    expect(
      firstSpeakers(
        'The Clarion newspaper said on Tuesday it had been handed a report. It said the report contained names. ' +
          'Finance Minister Ama Owusu said Ghana was prepared to block any bid. She said the rule remained fair.',
      ),
    ).toEqual(['The Clarion newspaper <said>', 'The Clarion newspaper <said>', 'Ama Owusu <said>', 'Ama Owusu <said>']);
  });
});

describe('tokenize', () => {
  const read = (text: string) => tokenize(text, 0, text.length).map((t) => [t.text, t.lower, t.word, t.cap]);

  it('lower-cases every word, also after a joiner and outside ASCII', () => {
    expect(read('al-Assad SAID Ünal’s bin-Laden’s')).toEqual([
      ['al-Assad', 'al-assad', true, false],
      ['SAID', 'said', true, true],
      ['Ünal’s', 'ünal’s', true, true],
      ['bin-Laden’s', 'bin-laden’s', true, false],
    ]);
    expect(read('“Oui,” dit-elle.')).toEqual([
      ['“', '“', false, false],
      ['Oui', 'oui', true, true],
      [',', ',', false, false],
      ['”', '”', false, false],
      ['dit-elle', 'dit-elle', true, false],
      ['.', '.', false, false],
    ]);
  });

  it('gives the same tokens when a list is reused for another sentence', () => {
    // Sentences read one after another (tokens of earlier sentences are reused once no pronoun can need them).
    const text =
      'The Kenyan Foreign Ministry said talks would resume. It added that the ceasefire held. ' +
      'Dr Amina Yusuf, a surgeon in Mombasa, told reporters the clinic had run out of blood. She said supplies were late. ' +
      '"We are working day and night," Ms Yusuf said.';
    expect(firstSpeakers(text)).toEqual([
      'The Kenyan Foreign Ministry <said>',
      'The Kenyan Foreign Ministry <added>',
      'Amina Yusuf <told>',
      'Amina Yusuf <said>',
      'Yusuf <said>',
    ]);
  });
});
