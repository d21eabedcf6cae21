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
    const text = '"The budget is fair, but the timing is not," said Mr. Okonkwo, the deputy chair of the finance committee.';
    expect(quotesOf(text)).toEqual([['The budget is fair, but the timing is not,', 'Okonkwo']]);
  });

  it('takes a colon-introduced quotation and drops the title before the name', () => {
    const text = 'Gen Prayut told Thai PBS: "Some people think the army should stay in its barracks - that is wrong."';
    expect(quotesOf(text)).toEqual([['Some people think the army should stay in its barracks - that is wrong.', 'Prayut']]);
  });

  it('reads UK single quotation marks but not apostrophes', () => {
    const text =
      "Mr Albanese was careful not to snub China, the country's biggest trading partner, saying it was vital to keep 'steady' ties with Beijing.";
    expect(quotesOf(text)).toEqual([['steady', 'Albanese']]);
  });

  it('tells single quotation marks from decades, clipped words and plural possessives', () => {
    const text =
      "Mr Javid said the plan was 'a good start' but warned: 'There is more to do.' Prices of the Smiths' house rose since the '90s. " +
      "Fans of rock 'n' roll gathered. ‘We’re ready,’ the coach said.";
    expect(quotesOf(text)).toEqual([
      ['a good start', 'Javid'],
      ['There is more to do.', 'Javid'],
      ['We’re ready,', 'the coach'],
    ]);
  });

  it('gives a headline quotation to the name after the dash', () => {
    const text = "Farm tariffs 'reckless' - Lula\n\nBrazil's president Luiz Inacio Lula da Silva has called the new farm tariffs \"reckless\".";
    expect(quotesOf(text)).toEqual([
      ['reckless', 'Lula'],
      ['reckless', 'Luiz Inacio Lula da Silva'],
    ]);
  });

  it('keeps the speaker for a quotation continued in the next paragraph (BBC style)', () => {
    const text =
      'Ana Lima, from Amnesty International, said: "This decision sends the wrong signal to every government in the region. "Hundreds of families are still waiting for answers."';
    expect(quotesOf(text)).toEqual([
      ['This decision sends the wrong signal to every government in the region.', 'Ana Lima'],
      ['Hundreds of families are still waiting for answers.', 'Ana Lima'],
    ]);
  });

  it('reads a quotation introduced by a colon in the paragraph before, and one signed with a dash', () => {
    const text =
      'In a statement on Monday, the ministry said:\n\n"We condemn this attack in the strongest terms."\n\n' +
      'Ruto arrived in Nairobi on Monday. "We are ready," he said.\n\n"Peace is not a gift; it is work." — Kofi Annan';
    expect(quotesOf(text)).toEqual([
      ['We condemn this attack in the strongest terms.', 'the ministry'],
      ['We are ready,', 'Ruto'],
      ['Peace is not a gift; it is work.', 'Kofi Annan'],
    ]);
  });

  it('keeps a relayed statement with the one who made it', () => {
    const text =
      'During Monday’s meeting, Hayashi stressed his country’s rejection of the war and urged Iran “to respond in a constructive manner,” the Japanese Foreign Ministry said.';
    expect(quotesOf(text)).toEqual([['to respond in a constructive manner,', 'Hayashi']]);
  });

  it('gives the quotation to the person who spoke when a body reports it', () => {
    const text =
      '"We received no warning at all," the Interfax agency quoted Ms. Ivanova, the station director, as saying.';
    expect(quotesOf(text)).toEqual([['We received no warning at all,', 'Ivanova']]);
  });

  it('resolves a pronoun to the last person named, and keeps it when there is none', () => {
    const withName =
      '"Rest matters as much as training," Haddad says. Sleep at least eight hours. "If your legs ache for days, take a week off," she says.';
    expect(quotesOf(withName).map((q) => q[1])).toEqual(['Haddad', 'Haddad']);
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
    expect(quotesOf('“Farmers feel forgotten,” said Brandt, author of the book “The Quiet Fields: How Rural Europe Lost Its Voice.”')).toEqual([
      ['Farmers feel forgotten,', 'Brandt'],
    ]);
    expect(quotesOf('Many commuters believe the new line is a vanity project, giving rise to "train to nowhere" jokes.')).toEqual([]);
    expect(quotesOf('Abe has instead decided to send an “independent” unit to the Middle East.')).toEqual([]);
  });

  it('bounds a quotation that lost its opening mark by its sentence', () => {
    const text =
      'She said the minister was "out of touch" if he believed the figures. The banks want the cap lifted because they want to lend more." Regulators disagree.';
    const segments = findQuoteSegments(text, splitSentences(text)).map((s) => text.slice(s.start, s.end));
    expect(segments).toEqual(['out of touch', 'The banks want the cap lifted because they want to lend more.']);
  });

  it('never throws on unbalanced or odd marks and keeps spans exact', () => {
    for (const text of ['"', '““””', "'''", '" said he "', 'He said: "unfinished\n\nNext "para', '’twas', '"'.repeat(1000)]) {
      for (const q of findQuotes(text, splitSentences(text), [])) expect(text.slice(q.start, q.end)).toBe(q.text);
    }
  });
});
