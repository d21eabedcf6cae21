import { describe, expect, it } from 'vitest';
import { findClaims } from '../../src/analysis/claims';
import { findQuotes } from '../../src/analysis/quotes';
import { splitSentences } from '../../src/analysis/sentences';

const claimsOf = (text: string) => {
  const sentences = splitSentences(text);
  const quotes = findQuotes(text, sentences, []);
  return findClaims(text, sentences, [], quotes).map((c) => [c.text, c.speaker, c.cue]);
};

describe('findClaims', () => {
  it('finds sentences attributed to people, bodies and collectives', () => {
    const text =
      'The two ministers concurred on continuing to work closely together in addressing issues related to China. ' +
      'Iran expressed its desire to strengthen cooperation with Japan. ' +
      'Meanwhile, Washington has repeatedly accused Tehran of sending drones to Russia, which Iran denies. ' +
      'Reports suggest that the Iranian Foreign Minister has requested a visit. ' +
      'With the recent election of a new prime minister, experts anticipate an even stronger alignment. ' +
      'The two ministers exchanged views on regional issues.';
    expect(claimsOf(text).map((c) => [c[1], c[2]])).toEqual([
      ['The two ministers', 'concurred'],
      ['Iran', 'expressed'],
      ['Washington', 'accused'],
      ['Reports', 'suggest'],
      ['experts', 'anticipate'],
    ]);
  });

  it('reads "according to" and document sources', () => {
    const text =
      'According to a press release by the Japanese Foreign Ministry, the pair agreed to advance relations in various fields. ' +
      'In 2018, Japan imported 46.51 million barrels from Iran, according to data from the Japanese Ministry of Economy, Trade and Industry.';
    expect(claimsOf(text).map((c) => c[1])).toEqual([
      'the Japanese Foreign Ministry',
      'the Japanese Ministry of Economy, Trade and Industry',
    ]);
  });

  it('excludes list numbering from the claim span', () => {
    const text = '  1. At the outset, Minister Hayashi expressed his pleasure to welcome Secretary Blinken to Hiroshima.';
    expect(claimsOf(text)).toEqual([
      ['At the outset, Minister Hayashi expressed his pleasure to welcome Secretary Blinken to Hiroshima.', 'Hayashi', 'expressed'],
    ]);
  });

  it('makes one claim of a quotation that runs over several sentences, and one of each new segment', () => {
    const text =
      'But a UK Government official responded: "Even with the rebate, the UK pays more than France. Without it we would pay 14 times as much. "There can be no deal which does not protect the rebate."';
    expect(claimsOf(text)).toEqual([
      ['But a UK Government official responded: "Even with the rebate, the UK pays more than France. Without it we would pay 14 times as much.', 'a UK Government official', 'responded'],
      ['"There can be no deal which does not protect the rebate."', 'a UK Government official', null],
    ]);
  });

  it('resolves pronoun subjects and "the ambassador"-style references', () => {
    const text =
      'Israeli Ambassador to Japan Gilad Cohen explained the goal. "Our goal is a strategic partnership," the Ambassador noted. ' +
      'Japan’s foreign minister, Yoko Kamikawa, expressed satisfaction with the meeting. She also expressed gratitude for the invitation.';
    expect(claimsOf(text).map((c) => c[1])).toEqual(['Gilad Cohen', 'Gilad Cohen', 'Yoko Kamikawa', 'Yoko Kamikawa']);
  });

  it('ignores passives, nouns and embedded questions that look like reporting verbs', () => {
    const text =
      'Abe was also expected to explain his plan. The visit also highlighted Japan’s desire to play a role. ' +
      'The president was asked whether he thought the war had made the world less safe. ' +
      'His comments raised concerns among investors. The US is bound by law to help Taiwan defend itself. ' +
      'Prices were capped at 1% of member states\' incomes.';
    expect(claimsOf(text)).toEqual([]);
  });

  it('takes the agent of a passive report', () => {
    const text = 'Moves to lift the ban have been condemned by human rights groups and the Conservatives.';
    expect(claimsOf(text).map((c) => c[1])).toEqual(['human rights groups and the Conservatives']);
  });
});
