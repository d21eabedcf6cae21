import { describe, expect, it } from 'vitest';
import { findQuoteSegments, findQuotes } from '../../src/analysis/quotes';
import { splitSentences } from '../../src/analysis/sentences';
import type { OfficialMention } from '../../src/analysis/types';

const quotesOf = (text: string, officials: OfficialMention[] = []) =>
  findQuotes(text, splitSentences(text), officials).map((q) => [q.text, q.speaker]);

describe('findQuotes', () => {
  it('takes a US-style inverted attribution after the quotation', () => {
    const text =
      '“No, we can’t do it when U.S. sanctions are in place,” an official said to reporters, speaking on condition of anonymity.\n\n' +
      '“As far as we know, no (Japanese) oil wholesalers have bought crude oil from Iran since May this year,” the official added.';
    expect(quotesOf(text)).toEqual([
      ['No, we can’t do it when U.S. sanctions are in place,', 'an official'],
      ['As far as we know, no (Japanese) oil wholesalers have bought crude oil from Iran since May this year,', 'the official'],
    ]);
  });

  it('takes "said Smith" and trims the appositive', () => {
    const text = '"She may be in a good place, but I don\'t think the party is in a good place yet," said Mr. Clyburn, the third-ranking House Democrat.';
    expect(quotesOf(text)).toEqual([['She may be in a good place, but I don\'t think the party is in a good place yet,', 'Clyburn']]);
  });

  it('takes a colon-introduced quotation and drops the title before the name', () => {
    const text = 'Gen Musharraf told the BBC: "Some people think that the women should be confined to their houses - absolutely wrong."';
    expect(quotesOf(text)).toEqual([
      ['Some people think that the women should be confined to their houses - absolutely wrong.', 'Musharraf'],
    ]);
  });

  it('reads UK single quotation marks but not apostrophes', () => {
    const text =
      "Mr Yushchenko was careful not to turn his back on Russia, which borders the country's east, saying it was important to maintain 'pragmatic' ties with Moscow.";
    expect(quotesOf(text)).toEqual([['pragmatic', 'Yushchenko']]);
  });

  it('gives a headline quotation to the name after the dash', () => {
    const text = "UK rebate 'unjustified' - Chirac\n\nFrench president Jacques Chirac has called the UK's rebate \"unjustified\".";
    expect(quotesOf(text)).toEqual([
      ['unjustified', 'Chirac'],
      ['unjustified', 'Jacques Chirac'],
    ]);
  });

  it('keeps the speaker for a quotation continued in the next paragraph (BBC style)', () => {
    const text =
      'Brad Adams, from Human Rights Watch, said: "This is a huge political signal from Europe that they are willing to forget about Tiananmen Square. "There are still thousands of people who are unaccounted for."';
    expect(quotesOf(text)).toEqual([
      ['This is a huge political signal from Europe that they are willing to forget about Tiananmen Square.', 'Brad Adams'],
      ['There are still thousands of people who are unaccounted for.', 'Brad Adams'],
    ]);
  });

  it('keeps a relayed statement with the one who made it', () => {
    const text =
      'During Monday’s meeting, Hayashi stressed his country’s rejection of the war and urged Iran “to respond in a constructive manner,” the Japanese Foreign Ministry said.';
    expect(quotesOf(text)).toEqual([['to respond in a constructive manner,', 'Hayashi']]);
  });

  it('gives the quotation to the person who spoke when a body reports it', () => {
    const text =
      '"We have no idea what this is connected with," the RBK news website quoted Ms. Simonyan, the editor in chief, as saying.';
    expect(quotesOf(text)).toEqual([['We have no idea what this is connected with,', 'Simonyan']]);
  });

  it('resolves a pronoun to the last person named, and keeps it when there is none', () => {
    const withName =
      '"We all know who those problem people are," Molitor says. Avoid those outlets. "If two people at work are spouting things, then avoid them," she says.';
    expect(quotesOf(withName).map((q) => q[1])).toEqual(['Molitor', 'Molitor']);
    expect(quotesOf('"We were a new club and we didn\'t want to take sides," he said.')).toEqual([
      ["We were a new club and we didn't want to take sides,", 'he'],
    ]);
  });

  it('uses the canonical name of an official mention inside the source phrase', () => {
    const text = '“This bilateral relationship is very important,” Rouhani told Abe at the outset of the meeting.';
    const start = text.indexOf('Rouhani');
    const officials: OfficialMention[] = [
      { text: 'Rouhani', start, end: start + 7, name: 'Hassan Rouhani', title: 'President', country: 'Iran', entityId: 'p1' },
    ];
    const [quote] = findQuotes(text, splitSentences(text), officials);
    expect(quote?.speaker).toBe('Hassan Rouhani');
    expect(quote?.speakerEntityId).toBe('p1');
  });

  it('rejects titles, coined terms and scare quotes', () => {
    expect(quotesOf('The two ministers concurred to substantiate economic security cooperation in the Economic “2+2”.')).toEqual([]);
    expect(quotesOf('“We’re seeing a backlash,” said Alden, author of the book “Failure to Adjust: How Americans Got Left Behind.”')).toEqual([
      ['We’re seeing a backlash,', 'Alden'],
    ]);
    expect(
      quotesOf('Many Chinese people believe that a Caucasian face gives a project prestige, giving rise to "rent a white face" businesses.'),
    ).toEqual([]);
    expect(quotesOf('Abe has instead decided to send an “independent” unit to the Middle East.')).toEqual([]);
  });

  it('bounds a quotation that lost its opening mark by its sentence', () => {
    const text =
      'He said Mr Straw was "naive beyond belief" if he accepted the claim. The French want the embargo lifted because they want to sell arms." Washington argues otherwise.';
    const segments = findQuoteSegments(text, splitSentences(text)).map((s) => text.slice(s.start, s.end));
    expect(segments).toEqual(['naive beyond belief', 'The French want the embargo lifted because they want to sell arms.']);
  });

  it('never throws on unbalanced or odd marks and keeps spans exact', () => {
    for (const text of ['"', '““””', "'''", '" said he "', 'He said: "unfinished\n\nNext "para', '’twas', '"'.repeat(1000)]) {
      for (const q of findQuotes(text, splitSentences(text), [])) expect(text.slice(q.start, q.end)).toBe(q.text);
    }
  });
});
