import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datesCompatible, fnv1a } from '../../src/analysis/eventMerge';
import { findEvents, mergeEvents } from '../../src/analysis/events';
import { splitSentences } from '../../src/analysis/sentences';
import type { DateMention, EventMention, OfficialMention } from '../../src/analysis/types';

interface PersonSpec {
  /** Surface forms as the officials recognizer reports them (the name only, no title). */
  forms: string[];
  name: string;
  title: string | null;
  country: string | null;
}

/** Official mentions as the officials recognizer produces them: every occurrence of every form. */
function officialsIn(text: string, people: PersonSpec[]): OfficialMention[] {
  const out: OfficialMention[] = [];
  const taken: Array<[number, number]> = [];
  const forms = people.flatMap((p) => p.forms.map((f) => ({ f, p }))).sort((a, b) => b.f.length - a.f.length);
  for (const { f, p } of forms) {
    for (let i = text.indexOf(f); i >= 0; i = text.indexOf(f, i + 1)) {
      const end = i + f.length;
      if (/\w/.test(text.charAt(end)) || (i > 0 && /\w/.test(text.charAt(i - 1)))) continue;
      if (taken.some(([s, e]) => i < e && end > s)) continue;
      taken.push([i, end]);
      out.push({ text: f, start: i, end, name: p.name, title: p.title, country: p.country, entityId: `person:${p.name}` });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function datesIn(text: string, specs: Array<[string, string | null, DateMention['precision']]>): DateMention[] {
  const out: DateMention[] = [];
  for (const [surface, value, precision] of specs) {
    for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) {
      out.push({ text: surface, start: i, end: i + surface.length, value, precision, relative: value === null });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function run(text: string, people: PersonSpec[], dates: Array<[string, string | null, DateMention['precision']]> = [], documentDate: string | null = null): EventMention[] {
  return findEvents(text, { sentences: splitSentences(text), officials: officialsIn(text, people), dates: datesIn(text, dates), documentDate });
}

const names = (e: EventMention | undefined) => [...(e?.participants ?? [])].sort();

function expectSpansValid(text: string, events: EventMention[]): void {
  for (const e of events) for (const s of e.sources) expect(text.slice(s.start, s.end)).toBe(s.text);
}

const AMIR: PersonSpec = { forms: ['Hossein Amir-Abdollahian', 'Amir-Abdollahian', 'Hossein Amir Abdollahian', 'Amir Abdollahian'], name: 'Hossein Amir-Abdollahian', title: 'Foreign Minister', country: 'Iran' };
const HAYASHI: PersonSpec = { forms: ['Yoshimasa Hayashi', 'HAYASHI Yoshimasa', 'Hayashi'], name: 'Yoshimasa Hayashi', title: 'Foreign Minister', country: 'Japan' };
const KISHIDA: PersonSpec = { forms: ['Fumio Kishida'], name: 'Fumio Kishida', title: 'Prime Minister', country: 'Japan' };

describe('findEvents on seed sentences', () => {
  const text = [
    'Iran’s Foreign Minister Hossein Amir-Abdollahian met with his Japanese counterpart, Yoshimasa Hayashi, during a visit to Tokyo on Monday.',
    '',
    'The two officials discussed the latest regional developments as well as bilateral ties and cooperation.',
    '',
    'During Monday’s meeting, Hayashi stressed his country’s rejection of the Russian war on Ukraine, the Japanese Foreign Ministry said.',
    '',
    'Amir-Abdollahian is scheduled to meet with Japan’s Prime Minister Fumio Kishida later on Monday. His visit to Japan is the first by a top Iranian diplomat since 2019, although the two diplomats have exchanged views in phone calls.',
  ].join('\n');
  const events = run(text, [AMIR, HAYASHI, KISHIDA], [['Monday', null, null], ['later on Monday', null, null], ['2019', '2019', 'year']]);

  it('finds the meeting, the planned meeting with the prime minister and the calls as three events', () => {
    expect(events).toHaveLength(3);
    const meeting = events.find((e) => e.type === 'meeting' && e.participants.includes('Yoshimasa Hayashi'));
    expect(names(meeting)).toEqual(['Hossein Amir-Abdollahian', 'Yoshimasa Hayashi']);
    expect(meeting?.location).toBe('Tokyo');
    expect(meeting?.scheduled).toBe(false);
    // The follow-up sentences about the same meeting are its sources, not new events.
    expect(meeting?.sources.length).toBeGreaterThanOrEqual(3);
    const planned = events.find((e) => e.participants.includes('Fumio Kishida'));
    expect(planned?.type).toBe('meeting');
    expect(planned?.scheduled).toBe(true);
    expect(names(planned)).toEqual(['Fumio Kishida', 'Hossein Amir-Abdollahian']);
    // Where the visiting minister is that day.
    expect(planned?.location).toBe('Tokyo');
    const call = events.find((e) => e.type === 'call');
    // "the two diplomats" are the foreign ministers, not the prime minister met last.
    expect(names(call)).toEqual(['Hossein Amir-Abdollahian', 'Yoshimasa Hayashi']);
    expect(call?.location).toBeNull();
  });

  it('keeps every source span equal to its text', () => expectSpansValid(text, events));

  it('dates a press release meeting from its "On May 19" and places it from "to Hiroshima"', () => {
    const release = [
      'May 19, 2023',
      'On May 19, commencing at 5:45 p.m. for approximately 45 minutes, Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs of Japan, held a meeting with the Honorable Antony Blinken, Secretary of State of the United States of America, who is visiting Japan. The overview of the meeting is as follows.',
      '  1. At the outset, Minister Hayashi expressed his pleasure to welcome Secretary Blinken to Hiroshima. The two ministers confirmed that the relationship has never been stronger.',
    ].join('\n');
    const blinken: PersonSpec = { forms: ['Antony Blinken', 'Blinken'], name: 'Antony Blinken', title: 'Secretary of State', country: 'United States of America' };
    const evs = run(release, [HAYASHI, blinken], [['May 19, 2023', '2023-05-19', 'day'], ['May 19', '2023-05-19', 'day']], '2023-05-19');
    expect(evs).toHaveLength(1);
    expect(evs[0]?.type).toBe('meeting');
    expect(evs[0]?.date).toBe('2023-05-19');
    expect(evs[0]?.location).toBe('Hiroshima');
    expect(names(evs[0])).toEqual(['Antony Blinken', 'Yoshimasa Hayashi']);
    expectSpansValid(release, evs);
  });

  it('resolves "she" to the minister who travelled, and prefers the city to the country', () => {
    const t = 'Geneva, 15 December 2023(TDI): Japanese Foreign Minister Yoko Kamikawa traveled to Geneva, Switzerland, to attend the 2nd Global Refugee Forum, where she had a meeting with Hossein Amir Abdollahian, the Foreign Minister of Iran.';
    const kamikawa: PersonSpec = { forms: ['Yoko Kamikawa', 'Kamikawa'], name: 'Yoko Kamikawa', title: 'Foreign Minister', country: 'Japan' };
    const evs = run(t, [kamikawa, AMIR], [['15 December 2023', '2023-12-15', 'day']], '2023-12-15');
    expect(evs).toHaveLength(1);
    expect(evs[0]?.type).toBe('meeting');
    expect(evs[0]?.location).toBe('Geneva');
    expect(names(evs[0])).toEqual(['Hossein Amir-Abdollahian', 'Yoko Kamikawa']);
  });

  it('reads a visit with the hosts met during it as one visit', () => {
    const t = 'This week, Japanese Foreign Minister Toshimitsu Motegi conducted an official visit to Jerusalem, meeting with high ranking Israeli officials including Prime Minister Benjamin Netanyahu and Foreign Minister Gideon Sa’ar.';
    const evs = run(t, [
      { forms: ['Toshimitsu Motegi'], name: 'Toshimitsu Motegi', title: 'Foreign Minister', country: 'Japan' },
      { forms: ['Benjamin Netanyahu'], name: 'Benjamin Netanyahu', title: 'Prime Minister', country: null },
      { forms: ['Gideon Sa’ar'], name: 'Gideon Sa’ar', title: 'Foreign Minister', country: null },
    ], [['This week', null, null]]);
    expect(evs).toHaveLength(1);
    expect(evs[0]?.type).toBe('visit');
    expect(evs[0]?.location).toBe('Jerusalem');
    expect(names(evs[0])).toEqual(['Benjamin Netanyahu', 'Gideon Sa’ar', 'Toshimitsu Motegi']);
  });
});

describe('findEvents on wire-style copy (invented people)', () => {
  const NOVAK: PersonSpec = { forms: ['Tomas Novak', 'Mr Novak', 'Novak'], name: 'Tomas Novak', title: 'Prime Minister', country: 'Czech Republic' };

  it('splits talks with leaders of two different countries into two bilateral talks', () => {
    const t = 'Mr Novak held talks with his Slovak counterpart, Peter Hudak, and the Hungarian leader, Gabor Kiss. At a news conference following talks with Mr Novak, Mr Kiss said the Czech prime minister was "a reliable partner".';
    const evs = run(t, [
      NOVAK,
      { forms: ['Peter Hudak', 'Hudak'], name: 'Peter Hudak', title: null, country: 'Slovakia' },
      { forms: ['Gabor Kiss', 'Kiss'], name: 'Gabor Kiss', title: 'leader', country: 'Hungary' },
    ]);
    expect(evs.map(names).sort()).toEqual([
      ['Gabor Kiss', 'Tomas Novak'],
      ['Peter Hudak', 'Tomas Novak'],
    ]);
    expect(evs.every((e) => e.type === 'talks')).toBe(true);
    // The second sentence reports the talks with Mr Kiss again.
    expect(evs.find((e) => e.participants.includes('Gabor Kiss'))?.sources).toHaveLength(2);
  });

  it('resolves "the Chilean president" and places the meeting in the city, not at the palace', () => {
    const t = 'Trade must be opened up, President Rojas of Chile has said during a visit to Argentina.\n\nOn Monday the Chilean president met President Lucia Ferrer at the Casa Rosada Palace, on his first official visit to Buenos Aires.';
    const evs = run(t, [
      { forms: ['Rojas'], name: 'Andres Rojas', title: 'President', country: 'Chile' },
      { forms: ['Lucia Ferrer'], name: 'Lucia Ferrer', title: 'President', country: 'Argentina' },
    ], [['Monday', null, null]]);
    expect(evs).toHaveLength(1);
    expect(names(evs[0])).toEqual(['Andres Rojas', 'Lucia Ferrer']);
    expect(evs[0]?.location).toBe('Buenos Aires');
    expect(evs[0]?.date).toBeNull();
  });

  it('reads "is meeting his EU counterparts" as a meeting with the EU leaders the article names, placed where one of them speaks', () => {
    const t = 'Austrian Chancellor Eva Varga has called the proposal "unfair". Ms Varga told reporters in Vienna the plan could not pass. EU Commission president Jan de Wit has said he wants a compromise. Irish Taoiseach Sean Byrne is meeting his EU counterparts to agree a package of measures.';
    const evs = run(t, [
      { forms: ['Eva Varga', 'Varga'], name: 'Eva Varga', title: 'Chancellor', country: 'Austria' },
      { forms: ['Jan de Wit'], name: 'Jan de Wit', title: 'EU Commission president', country: 'European Union' },
      { forms: ['Sean Byrne'], name: 'Sean Byrne', title: 'Taoiseach', country: 'Ireland' },
    ]);
    expect(evs).toHaveLength(1);
    expect(names(evs[0])).toEqual(['Eva Varga', 'Sean Byrne']);
    expect(evs[0]?.location).toBe('Vienna');
  });

  it('joins a planned trip told in pieces', () => {
    const t = 'Nigerian Foreign Minister Chidi Okafor, who will hold talks in Accra on Friday, said the trade code was more effective. Mr Okafor\'s Ghana trip is part of regular meetings with West African ministers. He will meet Ghanaian counterpart Minister Ama Mensah to discuss cross-border trade.';
    const evs = run(t, [
      { forms: ['Chidi Okafor', 'Mr Okafor', 'Okafor'], name: 'Chidi Okafor', title: 'Foreign Minister', country: 'Nigeria' },
      { forms: ['Ama Mensah'], name: 'Ama Mensah', title: 'Minister', country: 'Ghana' },
    ], [['Friday', null, null]]);
    expect(evs).toHaveLength(1);
    expect(names(evs[0])).toEqual(['Ama Mensah', 'Chidi Okafor']);
    expect(evs[0]?.scheduled).toBe(true);
    expect(evs[0]?.location).toBe('Accra');
    expect(evs[0]?.sources.length).toBe(3);
  });

  it('finds no meeting where only one official is named and the people met are not', () => {
    const t = 'Mr Novak briefly visited the memorial to the flood victims. Mr Novak later met local leaders during his first trip to the region.';
    expect(run(t, [NOVAK])).toEqual([]);
  });
});

describe('findEvents in other styles', () => {
  it('finds a phone call, dated, with no place', () => {
    const t = 'BERLIN (Reuters) - German Chancellor Olaf Scholz spoke by phone with French President Emmanuel Macron on Tuesday about support for Ukraine, a government spokesman said.';
    const evs = run(t, [
      { forms: ['Olaf Scholz'], name: 'Olaf Scholz', title: 'Chancellor', country: 'Germany' },
      { forms: ['Emmanuel Macron'], name: 'Emmanuel Macron', title: 'President', country: 'France' },
    ], [['Tuesday', '2024-02-13', 'day']], '2024-02-14');
    expect(evs).toHaveLength(1);
    expect(evs[0]?.type).toBe('call');
    expect(evs[0]?.date).toBe('2024-02-13');
    expect(evs[0]?.location).toBeNull();
    expect(names(evs[0])).toEqual(['Emmanuel Macron', 'Olaf Scholz']);
  });

  it('finds a state visit with its host', () => {
    const t = 'CANBERRA, March 12 — Indian Prime Minister Narendra Modi began a three-day state visit to Canberra on Tuesday and was received by his Australian counterpart Anthony Albanese at Parliament House.';
    const evs = run(t, [
      { forms: ['Narendra Modi'], name: 'Narendra Modi', title: 'Prime Minister', country: 'India' },
      { forms: ['Anthony Albanese'], name: 'Anthony Albanese', title: 'Prime Minister', country: 'Australia' },
    ], [['March 12', '2024-03-12', 'day'], ['Tuesday', '2024-03-12', 'day']], '2024-03-12');
    expect(evs).toHaveLength(1);
    expect(evs[0]?.type).toBe('visit');
    expect(evs[0]?.location).toBe('Canberra');
    expect(evs[0]?.date).toBe('2024-03-12');
    expect(names(evs[0])).toEqual(['Anthony Albanese', 'Narendra Modi']);
  });

  it('marks talks set for next week as planned', () => {
    const t = 'Kenyan President William Ruto will hold talks with Tanzanian President Samia Suluhu Hassan in Arusha next week, State House said on Sunday.';
    const evs = run(t, [
      { forms: ['William Ruto'], name: 'William Ruto', title: 'President', country: 'Kenya' },
      { forms: ['Samia Suluhu Hassan'], name: 'Samia Suluhu Hassan', title: 'President', country: 'Tanzania' },
    ], [['next week', '2024-W12', 'week'], ['Sunday', '2024-03-10', 'day']], '2024-03-11');
    expect(evs).toHaveLength(1);
    expect(evs[0]?.type).toBe('talks');
    expect(evs[0]?.scheduled).toBe(true);
    expect(evs[0]?.location).toBe('Arusha');
    // The date nearest the talks, not the day the statement was made.
    expect(evs[0]?.date).toBe('2024-W12');
  });

  it('does not read an invitation or a request to visit as an event', () => {
    const t = 'Reports suggest that the Iranian Foreign Minister Hossein Amir Abdollahian has requested that his Japanese counterpart Yoko Kamikawa visit Tehran soon.';
    const evs = run(t, [AMIR, { forms: ['Yoko Kamikawa'], name: 'Yoko Kamikawa', title: 'Foreign Minister', country: 'Japan' }]);
    expect(evs).toEqual([]);
  });

  it('does not make a meeting out of officials who only comment on each other', () => {
    const t = 'Opposition foreign affairs spokesman Daniel Ward said Mr Hale was "naive beyond belief" if he accepted the claim.';
    const evs = run(t, [
      { forms: ['Daniel Ward'], name: 'Daniel Ward', title: 'foreign affairs spokesman', country: 'Australia' },
      { forms: ['Mr Hale'], name: 'Peter Hale', title: 'Foreign Minister', country: 'Australia' },
    ]);
    expect(evs).toEqual([]);
  });

  const XI: PersonSpec = { forms: ['Xi Jinping', 'Xi'], name: 'Xi Jinping', title: 'President', country: 'China' };
  const LULA: PersonSpec = { forms: ['Luiz Inácio Lula da Silva', 'Lula'], name: 'Luiz Inácio Lula da Silva', title: 'President', country: 'Brazil' };

  it('does not read welcoming or discussing someone\'s decision as meeting them', () => {
    const t = 'Brazilian President Luiz Inácio Lula da Silva welcomed Xi Jinping’s decision to lift the tariffs. Lula discussed Xi’s proposal with his cabinet.';
    expect(run(t, [XI, LULA])).toEqual([]);
  });

  it('keeps apart two meetings with different people told in one sentence', () => {
    const t = 'Secretary of State Antony Blinken will meet Chinese Foreign Minister Wang Yi in Beijing on Friday, then fly to Tokyo to meet Prime Minister Fumio Kishida.';
    const evs = run(t, [
      { forms: ['Antony Blinken'], name: 'Antony Blinken', title: 'Secretary of State', country: 'United States' },
      { forms: ['Wang Yi'], name: 'Wang Yi', title: 'Foreign Minister', country: 'China' },
      KISHIDA,
    ], [['Friday', '2024-04-26', 'day']], '2024-04-22');
    expect(evs.map(names)).toEqual([
      ['Antony Blinken', 'Wang Yi'],
      ['Antony Blinken', 'Fumio Kishida'],
    ]);
    expect(evs.every((e) => e.scheduled)).toBe(true);
    expect(evs[0]?.location).toBe('Beijing');
  });

  it('finds no event in a refusal or an invitation', () => {
    const t = 'Lula refused to meet Xi Jinping during the summit. Lula has invited Xi Jinping to visit Brasilia next year. Lula didn\'t meet Xi either.';
    expect(run(t, [XI, LULA])).toEqual([]);
  });

  it('reads ministers who "discussed ... by phone" as a call, and "told ... in a phone call" too', () => {
    const t = 'Russian Foreign Minister Sergei Lavrov and his Turkish counterpart Hakan Fidan discussed the situation in Syria by phone, the Russian Foreign Ministry said.\n\nForeign Minister Wang Yi told his Japanese counterpart Takeshi Iwaya in a phone call on Tuesday that Beijing was concerned.';
    const evs = run(t, [
      { forms: ['Sergei Lavrov'], name: 'Sergei Lavrov', title: 'Foreign Minister', country: 'Russia' },
      { forms: ['Hakan Fidan'], name: 'Hakan Fidan', title: 'Foreign Minister', country: 'Turkey' },
      { forms: ['Wang Yi'], name: 'Wang Yi', title: 'Foreign Minister', country: 'China' },
      { forms: ['Takeshi Iwaya'], name: 'Takeshi Iwaya', title: 'Foreign Minister', country: 'Japan' },
    ]);
    expect(evs.map((e) => [e.type, e.location, ...names(e)])).toEqual([
      ['call', null, 'Hakan Fidan', 'Sergei Lavrov'],
      ['call', null, 'Takeshi Iwaya', 'Wang Yi'],
    ]);
  });

  it('finds a hosted visit placed after the building, and leaves out the spokesman who reports a meeting', () => {
    const t = 'Kenyan President William Ruto hosted his Ugandan counterpart Yoweri Museveni at State House, Nairobi, on Monday. Kremlin spokesman Dmitry Peskov said Putin would meet Trump in Alaska.';
    const evs = run(t, [
      { forms: ['William Ruto'], name: 'William Ruto', title: 'President', country: 'Kenya' },
      { forms: ['Yoweri Museveni'], name: 'Yoweri Museveni', title: 'President', country: 'Uganda' },
      { forms: ['Dmitry Peskov'], name: 'Dmitry Peskov', title: 'spokesman', country: 'Russia' },
      { forms: ['Putin'], name: 'Vladimir Putin', title: 'President', country: 'Russia' },
      { forms: ['Trump'], name: 'Donald Trump', title: 'President', country: 'United States' },
    ]);
    expect(evs.map((e) => [e.location, e.scheduled, ...names(e)])).toEqual([
      ['Nairobi', false, 'William Ruto', 'Yoweri Museveni'],
      ['Alaska', true, 'Donald Trump', 'Vladimir Putin'],
    ]);
  });

  const REYES: PersonSpec = { forms: ['Marta Reyes', 'Reyes'], name: 'Marta Reyes', title: 'President', country: 'Chile' };
  const OKAFOR: PersonSpec = { forms: ['Chidi Okafor', 'Okafor'], name: 'Chidi Okafor', title: 'President', country: 'Nigeria' };
  const DIALLO: PersonSpec = { forms: ['Awa Diallo', 'Diallo'], name: 'Awa Diallo', title: 'Prime Minister', country: 'Senegal' };

  it('keeps a meeting a meeting beside a phone call to a third leader, placed in the city not the airport', () => {
    const t = 'The deal was sealed in a phone call to Diallo during a last meeting between Reyes and Okafor at Murtala Muhammed International Airport in Lagos just before the presidential jet left for Accra.';
    const evs = run(t, [REYES, OKAFOR, DIALLO]);
    expect(evs).toHaveLength(1);
    expect(evs[0]?.type).toBe('meeting');
    expect(evs[0]?.location).toBe('Lagos');
    expect(names(evs[0])).toEqual(['Chidi Okafor', 'Marta Reyes']);
  });

  it('finds who was met after the topic ("discussed the issue with Mr. Okafor"), not the leader spoken of', () => {
    const t = 'Ms. Reyes told a news conference in Accra that she had spoken to both leaders.\n\nShe said she discussed the issue with Mr. Okafor during her visit to Nigeria this week, and that they agreed to seek a discussion with the Senegalese leader.';
    const evs = run(t, [REYES, OKAFOR, DIALLO], [['this week', '2024-W12', 'week']], '2024-03-22');
    expect(evs).toHaveLength(1);
    expect(names(evs[0])).toEqual(['Chidi Okafor', 'Marta Reyes']);
    expect(evs[0]?.date).toBe('2024-W12');
  });

  it('does not make a meeting of two officials merely named near the word "meeting"', () => {
    const t = 'President Donald Trump, speaking at a cabinet meeting on Wednesday, criticised Federal Reserve Chair Jerome Powell again.';
    const evs = run(t, [
      { forms: ['Donald Trump'], name: 'Donald Trump', title: 'President', country: 'United States' },
      { forms: ['Jerome Powell'], name: 'Jerome Powell', title: 'Federal Reserve Chair', country: 'United States' },
    ], [['Wednesday', '2025-07-16', 'day']]);
    expect(evs).toEqual([]);
  });

  it('finds talks told by a noun when both leaders are named together', () => {
    const t = 'Putin and Xi signed a joint statement after talks in Moscow on Tuesday.';
    const evs = run(t, [
      { forms: ['Putin'], name: 'Vladimir Putin', title: 'President', country: 'Russia' },
      { forms: ['Xi'], name: 'Xi Jinping', title: 'President', country: 'China' },
    ], [['Tuesday', '2023-03-21', 'day']]);
    expect(evs.map((e) => [e.type, e.date, e.location, ...names(e)])).toEqual([['talks', '2023-03-21', 'Moscow', 'Vladimir Putin', 'Xi Jinping']]);
  });

  it('gives "on Tuesday" to the meeting it belongs to, not to the talks "a day after" which it was held', () => {
    const t = 'WASHINGTON (AP) — Secretary of State Marco Rubio met with Saudi Crown Prince Mohammed bin Salman in Riyadh on Tuesday, a day after holding talks with Russian Foreign Minister Sergey Lavrov.';
    const evs = run(t, [
      { forms: ['Marco Rubio', 'Rubio'], name: 'Marco Rubio', title: 'Secretary of State', country: 'United States' },
      { forms: ['Mohammed bin Salman'], name: 'Mohammed bin Salman', title: 'Crown Prince', country: 'Saudi Arabia' },
      { forms: ['Sergey Lavrov'], name: 'Sergey Lavrov', title: 'Foreign Minister', country: 'Russia' },
    ], [['Tuesday', '2025-02-18', 'day']], '2025-02-18');
    expect(evs.map((e) => [e.date, ...names(e)])).toEqual([
      ['2025-02-18', 'Marco Rubio', 'Mohammed bin Salman'],
      [null, 'Marco Rubio', 'Sergey Lavrov'],
    ]);
  });

  it('does not pair two ministers who are each to meet unnamed counterparts', () => {
    const t = 'Defense Minister Minoru Kihara and Foreign Minister Yoko Kamikawa are also expected to meet their Philippine counterparts for "two-plus-two" talks.';
    const evs = run(t, [
      { forms: ['Minoru Kihara'], name: 'Minoru Kihara', title: 'Defense Minister', country: 'Japan' },
      { forms: ['Yoko Kamikawa'], name: 'Yoko Kamikawa', title: 'Foreign Minister', country: 'Japan' },
    ]);
    expect(evs).toEqual([]);
  });

  it('finds no event in a wish, a request or a cancelled meeting, but does in May', () => {
    const t = 'Lula wants to meet Xi Jinping soon. Lula would welcome talks with Xi Jinping. Lula is seeking a meeting with Xi Jinping. The summit with Xi Jinping was cancelled. In May, Lula, who hopes to boost trade, will meet Xi Jinping in Beijing.';
    const evs = run(t, [XI, LULA], [['May', '2023-05', 'month']]);
    expect(evs.map((e) => [e.date, e.location, e.scheduled, ...names(e)])).toEqual([['2023-05', 'Beijing', true, 'Luiz Inácio Lula da Silva', 'Xi Jinping']]);
  });

  it('reads a foreign ministry release: a named meeting, a courtesy call "on the same day", a telephone talk', () => {
    const t = [
      'March 5, 2024',
      '',
      'On March 5, commencing at 10:00 a.m. for approximately 30 minutes, Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan, held a Japan-Philippines Foreign Ministers\' Meeting with H.E. Mr. Enrique Manalo, Secretary of Foreign Affairs of the Republic of the Philippines, who is visiting Japan.',
      '',
      '2. On the same day, Secretary Manalo paid a courtesy call on Mr. KISHIDA Fumio, Prime Minister of Japan.',
      '',
      '3. On March 1, Minister Kamikawa held a telephone talk with Ms. Penny Wong, Minister for Foreign Affairs of Australia.',
    ].join('\n');
    const evs = run(t, [
      { forms: ['KAMIKAWA Yoko', 'Kamikawa'], name: 'Yoko Kamikawa', title: 'Minister for Foreign Affairs', country: 'Japan' },
      { forms: ['Enrique Manalo', 'Manalo'], name: 'Enrique Manalo', title: 'Secretary of Foreign Affairs', country: 'Philippines' },
      { forms: ['KISHIDA Fumio'], name: 'Fumio Kishida', title: 'Prime Minister', country: 'Japan' },
      { forms: ['Penny Wong'], name: 'Penny Wong', title: 'Minister for Foreign Affairs', country: 'Australia' },
    ], [['March 5, 2024', '2024-03-05', 'day'], ['March 5', '2024-03-05', 'day'], ['the same day', null, null], ['March 1', '2024-03-01', 'day']], '2024-03-05');
    expect(evs.map((e) => [e.type, e.date, ...names(e)])).toEqual([
      ['meeting', '2024-03-05', 'Enrique Manalo', 'Yoko Kamikawa'],
      ['meeting', '2024-03-05', 'Enrique Manalo', 'Fumio Kishida'],
      ['call', '2024-03-01', 'Penny Wong', 'Yoko Kamikawa'],
    ]);
  });

  it('tells a planned meeting from a past one in another city, and a courtesy call from a call to act', () => {
    const t = 'Russian Foreign Minister Sergey Lavrov and his Chinese counterpart Wang Yi will hold talks in Moscow next week. Lavrov last met Wang Yi in Astana in May.\n\nExternal Affairs Minister S Jaishankar on Monday called on Sri Lankan President Ranil Wickremesinghe in Colombo. Jaishankar called on Wang Yi to respect the border agreements.';
    const evs = run(t, [
      { forms: ['Sergey Lavrov', 'Lavrov'], name: 'Sergey Lavrov', title: 'Foreign Minister', country: 'Russia' },
      { forms: ['Wang Yi'], name: 'Wang Yi', title: 'Foreign Minister', country: 'China' },
      { forms: ['S Jaishankar', 'Jaishankar'], name: 'S Jaishankar', title: 'External Affairs Minister', country: 'India' },
      { forms: ['Ranil Wickremesinghe'], name: 'Ranil Wickremesinghe', title: 'President', country: 'Sri Lanka' },
    ], [['next week', null, null], ['May', null, null], ['Monday', null, null]]);
    expect(evs.map((e) => [e.location, e.scheduled, ...names(e)])).toEqual([
      ['Moscow', true, 'Sergey Lavrov', 'Wang Yi'],
      ['Astana', false, 'Sergey Lavrov', 'Wang Yi'],
      ['Colombo', false, 'Ranil Wickremesinghe', 'S Jaishankar'],
    ]);
  });

  it('marks planned only the event whose own clause is in the future', () => {
    const t = 'Modi, who will visit Paris next month, met Macron on Monday. Modi meets Albanese in Sydney next week.';
    const evs = run(t, [
      { forms: ['Modi'], name: 'Narendra Modi', title: 'Prime Minister', country: 'India' },
      { forms: ['Macron'], name: 'Emmanuel Macron', title: 'President', country: 'France' },
      { forms: ['Albanese'], name: 'Anthony Albanese', title: 'Prime Minister', country: 'Australia' },
    ]);
    expect(evs.map((e) => [e.scheduled, e.location, ...names(e)])).toEqual([
      [false, null, 'Emmanuel Macron', 'Narendra Modi'],
      [true, 'Sydney', 'Anthony Albanese', 'Narendra Modi'],
    ]);
  });

  it('finds a call received, a visit paid to a leader, and a host to come', () => {
    const t = 'Putin received a phone call from Macron on Friday. Biden is visiting Zelensky in Kyiv. Trump will host Netanyahu at the White House next week.';
    const evs = run(t, [
      { forms: ['Putin'], name: 'Vladimir Putin', title: 'President', country: 'Russia' },
      { forms: ['Macron'], name: 'Emmanuel Macron', title: 'President', country: 'France' },
      { forms: ['Biden'], name: 'Joe Biden', title: 'President', country: 'United States' },
      { forms: ['Zelensky'], name: 'Volodymyr Zelensky', title: 'President', country: 'Ukraine' },
      { forms: ['Trump'], name: 'Donald Trump', title: 'President', country: 'United States' },
      { forms: ['Netanyahu'], name: 'Benjamin Netanyahu', title: 'Prime Minister', country: 'Israel' },
    ], [['Friday', '2024-05-10', 'day'], ['next week', '2024-W20', 'week']]);
    expect(evs.map((e) => [e.type, e.date, e.location, e.scheduled, ...names(e)])).toEqual([
      ['call', '2024-05-10', null, false, 'Emmanuel Macron', 'Vladimir Putin'],
      ['visit', null, 'Kyiv', false, 'Joe Biden', 'Volodymyr Zelensky'],
      ['meeting', '2024-W20', null, true, 'Benjamin Netanyahu', 'Donald Trump'],
    ]);
  });

  it('dates a meeting by its own weekday rather than the dateline', () => {
    const t = 'BEIJING, April 9 (Reuters) - Cho Tae-yul met Chinese Foreign Minister Wang Yi in Beijing, the Chinese capital, on Monday.';
    const evs = run(t, [
      { forms: ['Cho Tae-yul'], name: 'Cho Tae-yul', title: 'Foreign Minister', country: 'South Korea' },
      { forms: ['Wang Yi'], name: 'Wang Yi', title: 'Foreign Minister', country: 'China' },
    ], [['April 9', '2024-04-09', 'day'], ['Monday', '2024-04-08', 'day']], '2024-04-09');
    expect(evs.map((e) => [e.date, e.location, ...names(e)])).toEqual([['2024-04-08', 'Beijing', 'Cho Tae-yul', 'Wang Yi']]);
  });

  it('does not date a meeting from a background clause or from another event of the sentence', () => {
    const t = 'Foreign Minister Omar Haddad met his counterpart Leila Nasser in Amman, whose government restored ties with Cairo in 2019. Haddad met Nasser again to plan a return visit next year.';
    const evs = run(t, [
      { forms: ['Omar Haddad', 'Haddad'], name: 'Omar Haddad', title: 'Foreign Minister', country: 'Egypt' },
      { forms: ['Leila Nasser', 'Nasser'], name: 'Leila Nasser', title: 'Foreign Minister', country: 'Jordan' },
    ], [['2019', '2019', 'year'], ['next year', '2025', 'year']], '2024-02-12');
    expect(evs.map((e) => e.date)).toEqual([null]);
  });

  it('reads a courtesy call on a president as a meeting', () => {
    const t = 'During the visit, Minister Ana Cruz made a courtesy call on President Tran Van Minh at the Presidential Palace.';
    const evs = run(t, [
      { forms: ['Ana Cruz'], name: 'Ana Cruz', title: 'Minister', country: 'Philippines' },
      { forms: ['Tran Van Minh'], name: 'Tran Van Minh', title: 'President', country: 'Vietnam' },
    ]);
    expect(evs.map((e) => [e.type, ...names(e)])).toEqual([['meeting', 'Ana Cruz', 'Tran Van Minh']]);
  });

  it('places a meeting in the dateline city when the copy names no other place', () => {
    for (const head of ['CAIRO (Reuters) - ', 'CAIRO: ', 'Cairo, Feb 12 (AP) — ', 'NEW DELHI, Feb 14 (Reuters) - ']) {
      const t = `${head}Egyptian Foreign Minister Omar Haddad met his Jordanian counterpart Leila Nasser on Monday.`;
      const evs = run(t, [
        { forms: ['Omar Haddad'], name: 'Omar Haddad', title: 'Foreign Minister', country: 'Egypt' },
        { forms: ['Leila Nasser'], name: 'Leila Nasser', title: 'Foreign Minister', country: 'Jordan' },
      ]);
      expect(evs.map((e) => e.location)).toEqual([head.startsWith('NEW') ? 'New Delhi' : 'Cairo']);
    }
  });

  it('finds a visit by one named official to a named place, but not one told as background', () => {
    const t = [
      'ANKARA (Reuters) - Egyptian Foreign Minister Omar Haddad will visit Ankara in April, the ministry said.',
      'Haddad is the first Egyptian minister to visit Turkey since 2013.',
      'The invitation came following his trip to Riyadh in January.',
      'Jordanian Foreign Minister Leila Nasser, who visited Cairo last year, welcomed the move.',
    ].join(' ');
    const evs = run(t, [
      { forms: ['Omar Haddad', 'Haddad'], name: 'Omar Haddad', title: 'Foreign Minister', country: 'Egypt' },
      { forms: ['Leila Nasser'], name: 'Leila Nasser', title: 'Foreign Minister', country: 'Jordan' },
    ], [['April', '2024-04', 'month'], ['2013', '2013', 'year'], ['January', '2024-01', 'month'], ['last year', '2023', 'year']], '2024-02-12');
    expect(evs.map((e) => [e.type, e.date, e.location, e.scheduled, ...names(e)])).toEqual([['visit', '2024-04', 'Ankara', true, 'Omar Haddad']]);
  });

  it('finds a second meeting told with a pronoun, on another day, with another official', () => {
    const t = 'SEOUL (Yonhap) -- Foreign Minister Park Ji-won met Japanese Foreign Minister Sato Kenji in Seoul on Sunday. On Monday she also met Vice Minister Ito Haruka to discuss trade.';
    const evs = run(t, [
      { forms: ['Park Ji-won'], name: 'Park Ji-won', title: 'Foreign Minister', country: 'South Korea' },
      { forms: ['Sato Kenji'], name: 'Kenji Sato', title: 'Foreign Minister', country: 'Japan' },
      { forms: ['Ito Haruka'], name: 'Haruka Ito', title: 'Vice Minister', country: 'Japan' },
    ], [['Sunday', '2024-04-07', 'day'], ['Monday', '2024-04-08', 'day']], '2024-04-08');
    expect(evs.map((e) => [e.date, e.location, ...names(e)])).toEqual([
      ['2024-04-07', 'Seoul', 'Kenji Sato', 'Park Ji-won'],
      ['2024-04-08', 'Seoul', 'Haruka Ito', 'Park Ji-won'],
    ]);
  });

  it('dates a report of the day\'s meeting by its dateline when the background year is all the sentence has', () => {
    const t = 'CAIRO, Feb 12 (Reuters) - Egyptian Foreign Minister Omar Haddad met Jordanian Foreign Minister Leila Nasser, whose government restored ties with Ankara in 2019.';
    const evs = run(t, [
      { forms: ['Omar Haddad'], name: 'Omar Haddad', title: 'Foreign Minister', country: 'Egypt' },
      { forms: ['Leila Nasser'], name: 'Leila Nasser', title: 'Foreign Minister', country: 'Jordan' },
    ], [['Feb 12', '2024-02-12', 'day'], ['2019', '2019', 'year']], '2024-02-12');
    expect(evs.map((e) => [e.date, e.location])).toEqual([['2024-02-12', 'Cairo']]);
  });

  it('finds trips told with arrive, land, leave for and expected in', () => {
    const t = 'Kenyan President Daniel Mwangi arrives in Addis Ababa on Tuesday. Egypt\'s intelligence chief Karim Fahmy is also expected in Doha on Sunday. Foreign Minister Sara Lind left for Oslo after the vote.';
    const evs = run(t, [
      { forms: ['Daniel Mwangi'], name: 'Daniel Mwangi', title: 'President', country: 'Kenya' },
      { forms: ['Karim Fahmy'], name: 'Karim Fahmy', title: 'intelligence chief', country: 'Egypt' },
      { forms: ['Sara Lind'], name: 'Sara Lind', title: 'Foreign Minister', country: 'Sweden' },
    ], [['Tuesday', '2024-03-12', 'day'], ['Sunday', '2024-03-17', 'day']], '2024-03-11');
    expect(evs.map((e) => [e.type, e.date, e.location, e.scheduled, ...names(e)])).toEqual([
      ['visit', '2024-03-12', 'Addis Ababa', false, 'Daniel Mwangi'],
      ['visit', '2024-03-17', 'Doha', true, 'Karim Fahmy'],
      // Held, told with no date of its own: the day of the report.
      ['trip', '2024-03-11', 'Oslo', false, 'Sara Lind'],
    ]);
  });

  it('tells a state visit, a meeting during it, and a planned trip apart', () => {
    const t = [
      'Ethiopian Prime Minister Dawit Bekele hosted Kenyan President Grace Wanjiru in Addis Ababa, where the two leaders signed a water agreement.',
      'Wanjiru, who arrived on Monday for a two-day state visit, also met African Union Commission chairperson Moussa Traore.',
      'Bekele will travel to Nairobi next month for a regional summit, before returning to Addis Ababa.',
    ].join(' ');
    const evs = run(t, [
      { forms: ['Dawit Bekele', 'Bekele'], name: 'Dawit Bekele', title: 'Prime Minister', country: 'Ethiopia' },
      { forms: ['Grace Wanjiru', 'Wanjiru'], name: 'Grace Wanjiru', title: 'President', country: 'Kenya' },
      { forms: ['Moussa Traore'], name: 'Moussa Traore', title: 'African Union Commission chairperson', country: null },
    ], [['Monday', null, null], ['next month', null, null]]);
    expect(evs.map((e) => [e.type, e.location, e.scheduled, ...names(e)])).toEqual([
      ['meeting', 'Addis Ababa', false, 'Dawit Bekele', 'Grace Wanjiru'],
      ['meeting', 'Addis Ababa', false, 'Grace Wanjiru', 'Moussa Traore'],
      ['trip', 'Nairobi', true, 'Dawit Bekele'],
    ]);
  });

  it('reads "called X on Tuesday to discuss" as a call, but not "called X a liar"', () => {
    const t = 'President Ana Silva called Prime Minister Hugo Bauer on Tuesday to discuss the border. Bauer later called Silva a populist. Silva called Bauer to congratulate him.';
    const evs = run(t, [
      { forms: ['Ana Silva', 'Silva'], name: 'Ana Silva', title: 'President', country: 'Brazil' },
      { forms: ['Hugo Bauer', 'Bauer'], name: 'Hugo Bauer', title: 'Prime Minister', country: 'Austria' },
    ], [['Tuesday', '2024-06-11', 'day']]);
    // The second call, undated, may be the same one: it joins it.
    expect(evs.map((e) => [e.type, e.date, e.sources.length, ...names(e)])).toEqual([['call', '2024-06-11', 2, 'Ana Silva', 'Hugo Bauer']]);
  });

  it('dates a state visit by its first day, and counts the host who invited', () => {
    const t = 'Vietnamese President Tran Van Minh will pay a state visit to Japan from March 3 to 5 at the invitation of Prime Minister Kenji Sato.';
    const evs = run(t, [
      { forms: ['Tran Van Minh'], name: 'Tran Van Minh', title: 'President', country: 'Vietnam' },
      { forms: ['Kenji Sato'], name: 'Kenji Sato', title: 'Prime Minister', country: 'Japan' },
    ], [['March 3', '2024-03-03', 'day']], '2024-02-20');
    expect(evs.map((e) => [e.type, e.date, e.location, e.scheduled, ...names(e)])).toEqual([['visit', '2024-03-03', null, true, 'Kenji Sato', 'Tran Van Minh']]);
  });

  it('reads "meet him" as the official named before, other than the one meeting', () => {
    const t = 'President Donald Trump spoke with Vladimir Putin by phone last week. Trump said he would likely meet him in Saudi Arabia.';
    const evs = run(t, [
      { forms: ['Donald Trump', 'Trump'], name: 'Donald Trump', title: 'President', country: 'United States' },
      { forms: ['Vladimir Putin'], name: 'Vladimir Putin', title: 'President', country: 'Russia' },
    ], [['last week', null, null]]);
    expect(evs.map((e) => [e.type, e.scheduled, e.location, ...names(e)])).toEqual([
      ['call', false, null, 'Donald Trump', 'Vladimir Putin'],
      ['meeting', true, null, 'Donald Trump', 'Vladimir Putin'],
    ]);
  });

  it('splits "met separately with" two officials of one country', () => {
    const t = 'Secretary of State Laura Finch met separately with President Eitan Levy and Foreign Minister Noa Katz in Jerusalem on Monday.';
    const evs = run(t, [
      { forms: ['Laura Finch'], name: 'Laura Finch', title: 'Secretary of State', country: 'United States' },
      { forms: ['Eitan Levy'], name: 'Eitan Levy', title: 'President', country: 'Israel' },
      { forms: ['Noa Katz'], name: 'Noa Katz', title: 'Foreign Minister', country: 'Israel' },
    ], [['Monday', '2024-01-08', 'day']]);
    expect(evs.map((e) => [e.date, e.location, ...names(e)])).toEqual([
      ['2024-01-08', 'Jerusalem', 'Eitan Levy', 'Laura Finch'],
      ['2024-01-08', 'Jerusalem', 'Laura Finch', 'Noa Katz'],
    ]);
  });

  it('reads "the prime minister" as the one prime minister the article has named', () => {
    const t = 'Prime Minister Kenji Sato welcomed the decision. Visiting Kenyan President Daniel Mwangi met the prime minister in Tokyo on Friday.';
    const evs = run(t, [
      { forms: ['Kenji Sato'], name: 'Kenji Sato', title: 'Prime Minister', country: 'Japan' },
      { forms: ['Daniel Mwangi'], name: 'Daniel Mwangi', title: 'President', country: 'Kenya' },
    ], [['Friday', '2024-05-17', 'day']]);
    expect(evs.map((e) => [e.date, e.location, ...names(e)])).toEqual([['2024-05-17', 'Tokyo', 'Daniel Mwangi', 'Kenji Sato']]);
  });

  it('finds the leader of a delegation received', () => {
    const t = 'President Oleh Marchenko received a bipartisan congressional delegation led by Senator Mark Dalton in Kyiv on Friday.';
    const evs = run(t, [
      { forms: ['Oleh Marchenko'], name: 'Oleh Marchenko', title: 'President', country: 'Ukraine' },
      { forms: ['Mark Dalton'], name: 'Mark Dalton', title: 'Senator', country: 'United States' },
    ]);
    expect(evs.map((e) => [e.type, e.location, ...names(e)])).toEqual([['meeting', 'Kyiv', 'Mark Dalton', 'Oleh Marchenko']]);
  });

  it('reads ", meeting his counterpart" as the meeting of a visit', () => {
    const t = 'Published On 12 Feb 2024\n\nTurkish President Kemal Aydin arrived in Cairo on Wednesday for his first visit to Egypt in more than a decade, meeting his Egyptian counterpart Omar Haddad.';
    const evs = run(t, [
      { forms: ['Kemal Aydin'], name: 'Kemal Aydin', title: 'President', country: 'Turkey' },
      { forms: ['Omar Haddad'], name: 'Omar Haddad', title: 'President', country: 'Egypt' },
    ], [['12 Feb 2024', '2024-02-12', 'day'], ['Wednesday', '2024-02-14', 'day']], '2024-02-12');
    expect(evs.map((e) => [e.type, e.date, e.location, ...names(e)])).toEqual([['visit', '2024-02-14', 'Cairo', 'Kemal Aydin', 'Omar Haddad']]);
  });

  it('reads "at their meeting, X told Y" as a meeting', () => {
    const t = 'At their meeting in Geneva, Foreign Minister Omar Haddad told Foreign Minister Leila Nasser that the crossing would reopen.';
    const evs = run(t, [
      { forms: ['Omar Haddad'], name: 'Omar Haddad', title: 'Foreign Minister', country: 'Egypt' },
      { forms: ['Leila Nasser'], name: 'Leila Nasser', title: 'Foreign Minister', country: 'Jordan' },
    ]);
    expect(evs.map((e) => [e.type, e.location, ...names(e)])).toEqual([['meeting', 'Geneva', 'Leila Nasser', 'Omar Haddad']]);
  });

  it('reads "the Reyes-Okafor summit" as a meeting of both', () => {
    const t = 'The Reyes-Okafor summit in Abuja on Friday produced a trade deal.';
    const evs = run(t, [REYES, OKAFOR], [['Friday', '2024-03-22', 'day']]);
    expect(evs.map((e) => [e.type, e.date, e.location, ...names(e)])).toEqual([['meeting', '2024-03-22', 'Abuja', 'Chidi Okafor', 'Marta Reyes']]);
  });

  it('reads "They met again on Friday" as the two of the last meeting', () => {
    const t = 'President Marta Reyes met President Chidi Okafor in Lagos on Monday. They met again on Friday in Abuja. They said the protesters had dispersed.';
    const evs = run(t, [REYES, OKAFOR], [['Monday', '2024-03-18', 'day'], ['Friday', '2024-03-22', 'day']]);
    expect(evs.map((e) => [e.date, e.location, ...names(e)])).toEqual([
      ['2024-03-18', 'Lagos', 'Chidi Okafor', 'Marta Reyes'],
      ['2024-03-22', 'Abuja', 'Chidi Okafor', 'Marta Reyes'],
    ]);
  });

  it('reads "Japan will host President X" as a visit to Japan', () => {
    const t = 'Japan will host Vietnamese President Tran Van Minh next month, the foreign ministry said.';
    const evs = run(t, [{ forms: ['Tran Van Minh'], name: 'Tran Van Minh', title: 'President', country: 'Vietnam' }], [['next month', '2024-04', 'month']]);
    expect(evs.map((e) => [e.type, e.date, e.location, e.scheduled, ...names(e)])).toEqual([['visit', '2024-04', null, true, 'Tran Van Minh']]);
  });

  it('never throws and finds nothing without officials', () => {
    expect(findEvents('', { sentences: [], officials: [], dates: [], documentDate: null })).toEqual([]);
    const junk = '\u0000\uffff"“met with'.repeat(2000);
    expect(() => findEvents(junk, { sentences: splitSentences(junk), officials: [], dates: [], documentDate: null })).not.toThrow();
  });
});

describe('findEvents on arbitrary input', () => {
  it('never throws and keeps every source span true to the text', () => {
    const words = ['met', 'with', 'talks', 'visit to', 'Tokyo', 'the two ministers', 'his counterpart', 'he', 'She', 'phone call', ',', '.', '\n', '"', 'Mr', 'X Y', 'on Monday', 'hosted', 'the Japanese minister'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 12 }), (parts, picks) => {
        const text = parts.join(' ');
        // Officials on random words, as a recognizer might mark them.
        const officials: OfficialMention[] = [];
        let offset = 0;
        const bounds = parts.map((p) => {
          const b = [offset, offset + p.length] as const;
          offset += p.length + 1;
          return b;
        });
        for (const pick of [...new Set(picks.map((p) => p % Math.max(1, parts.length)))].sort((a, b) => a - b)) {
          const b = bounds[pick];
          if (!b || b[1] <= b[0]) continue;
          officials.push({ text: text.slice(b[0], b[1]), start: b[0], end: b[1], name: `P${pick % 3}`, title: pick % 2 ? 'Foreign Minister' : null, country: pick % 2 ? 'Japan' : null, entityId: `p${pick % 3}` });
        }
        const events = findEvents(text, { sentences: splitSentences(text), officials, dates: [], documentDate: pick(picks) });
        for (const e of events) {
          expect(e.participants.length).toBeGreaterThanOrEqual(e.type === 'visit' || e.type === 'trip' ? 1 : 2);
          expect(new Set(e.participantEntityIds).size).toBe(e.participantEntityIds.length);
          for (const s of e.sources) expect(text.slice(s.start, s.end)).toBe(s.text);
        }
        expect(() => mergeEvents([{ path: 'a', events }, { path: 'b', events }])).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

function pick(picks: number[]): string | null {
  return picks.length % 2 ? '2024-01-15' : null;
}

describe('mergeEvents', () => {
  const meeting = (date: string | null, participants: string[], scheduled = false, location: string | null = 'Beijing'): EventMention => ({
    type: 'talks',
    date,
    location,
    participants,
    participantEntityIds: participants.map((p) => `person:${p}`),
    scheduled,
    sources: [{ start: 0, end: 5, text: 'xxxxx' }],
  });

  it('merges two articles reporting the same meeting into one event with two sources', () => {
    const merged = mergeEvents([
      { path: 'a.txt', events: [meeting(null, ['Chidi Okafor', 'Ama Mensah'], true)] },
      { path: 'b.txt', events: [meeting('2024-02-22', ['Ama Mensah', 'Chidi Okafor'], false)] },
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.sources.map((s) => s.path)).toEqual(['a.txt', 'b.txt']);
    expect(merged[0]?.date).toBe('2024-02-22');
    expect(merged[0]?.scheduled).toBe(false);
    expect(merged[0]?.id).toMatch(/^event-[0-9a-f]{16}$/);
  });

  it('places a merged event in the city a report names rather than the country', () => {
    const merged = mergeEvents([
      { path: 'a.txt', events: [meeting(null, ['Chidi Okafor', 'Ama Mensah'], false, 'China')] },
      { path: 'b.txt', events: [meeting(null, ['Chidi Okafor', 'Ama Mensah'], false, 'China')] },
      { path: 'c.txt', events: [meeting(null, ['Chidi Okafor', 'Ama Mensah'], false, 'Beijing')] },
    ]);
    expect(merged.map((e) => e.location)).toEqual(['Beijing']);
  });

  it('keeps two meetings on different dates apart and sorts them, undated last', () => {
    const merged = mergeEvents([
      { path: 'a.txt', events: [meeting('2023-05-19', ['Yoshimasa Hayashi', 'Antony Blinken'])] },
      { path: 'b.txt', events: [meeting('2023-01-13', ['Yoshimasa Hayashi', 'Antony Blinken']), meeting(null, ['Hossein Amir-Abdollahian', 'Yoko Kamikawa'])] },
    ]);
    expect(merged.map((e) => e.date)).toEqual(['2023-01-13', '2023-05-19', null]);
  });

  it('keeps a call apart from a meeting of the same people, and gives stable ids', () => {
    const call: EventMention = { ...meeting(null, ['A B', 'C D']), type: 'call', location: null };
    const docs = [{ path: 'a.txt', events: [meeting(null, ['A B', 'C D']), call] }];
    const first = mergeEvents(docs);
    expect(first).toHaveLength(2);
    expect(mergeEvents(docs).map((e) => e.id)).toEqual(first.map((e) => e.id));
    expect(new Set(first.map((e) => e.id)).size).toBe(2);
  });

  it('makes the id from the date, the sorted participant ids and the kind, as FNV-1a of that key and of "#" + key', () => {
    const idOf = (key: string) => `event-${fnv1a(key)}${fnv1a(`#${key}`)}`;
    const pair = mergeEvents([{ path: 'a.txt', events: [meeting('2024-02-22', ['Zhao Lin', 'Ama Mensah'])] }]);
    expect(pair[0]?.id).toBe(idOf('2024-02-22|person:Ama Mensah+person:Zhao Lin|meet'));
    const trio = mergeEvents([{ path: 'a.txt', events: [{ ...meeting(null, ['Zhao Lin', 'Ama Mensah', 'Chidi Okafor']), type: 'visit' }] }]);
    expect(trio[0]?.id).toBe(idOf('?|person:Ama Mensah+person:Chidi Okafor+person:Zhao Lin|travel'));
    const lone = mergeEvents([{ path: 'a.txt', events: [{ ...meeting('2024-W07', ['Zhao Lin']), type: 'call' }] }]);
    expect(lone[0]?.id).toBe(idOf('2024-W07|person:Zhao Lin|call'));
    // fnv1a itself: FNV-1a 32-bit, 8 hex digits ("a" is the published test vector e40c292c).
    expect(fnv1a('a')).toBe('e40c292c');
    expect(fnv1a('')).toBe('811c9dc5');
  });

  it('merges two outlets telling the same talks a day apart', () => {
    const merged = mergeEvents([
      { path: 'a.txt', events: [meeting('2024-04-09', ['Cho Tae-yul', 'Wang Yi'], false, 'Beijing')] },
      { path: 'b.txt', events: [{ ...meeting('2024-04-08', ['Wang Yi', 'Cho Tae-yul'], false, null), type: 'meeting' }] },
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.sources.map((s) => s.path)).toEqual(['a.txt', 'b.txt']);
  });

  it('keeps one official\'s trips to two cities apart across articles', () => {
    const trip = (location: string): EventMention => ({ ...meeting(null, ['Omar Haddad'], true, location), type: 'visit' });
    expect(mergeEvents([{ path: 'a.txt', events: [trip('Ankara')] }, { path: 'b.txt', events: [trip('Riyadh')] }, { path: 'c.txt', events: [trip('Ankara')] }]).map((e) => [e.location, e.sources.length])).toEqual([
      ['Ankara', 2],
      ['Riyadh', 1],
    ]);
  });

  it('never merges two events one article told apart', () => {
    const merged = mergeEvents([{ path: 'a.txt', events: [meeting(null, ['Sergey Lavrov', 'Wang Yi'], true, 'Moscow'), meeting(null, ['Sergey Lavrov', 'Wang Yi'], false, 'Astana')] }]);
    expect(merged).toHaveLength(2);
  });

  it('does not merge meetings that share only one participant', () => {
    const merged = mergeEvents([
      { path: 'a.txt', events: [meeting(null, ['Chidi Okafor', 'Ama Mensah'])] },
      { path: 'b.txt', events: [meeting(null, ['Chidi Okafor', 'Kofi Boateng'], false, 'Tokyo')] },
    ]);
    expect(merged).toHaveLength(2);
  });

  it('joins a one-sided report to the meeting it names, and a meeting to an earlier one-sided report', () => {
    const lone = (who: string): EventMention => ({ ...meeting('2024-03-05', [who]), type: 'meeting' });
    const first = mergeEvents([
      { path: 'a.txt', events: [meeting('2024-03-05', ['Lina Haddad', 'Marek Nowak'])] },
      { path: 'b.txt', events: [lone('Marek Nowak')] },
    ]);
    expect(first.map((e) => [e.participants, e.sources.length])).toEqual([[['Lina Haddad', 'Marek Nowak'], 2]]);
    const second = mergeEvents([
      { path: 'a.txt', events: [lone('Marek Nowak')] },
      { path: 'b.txt', events: [meeting('2024-03-05', ['Lina Haddad', 'Marek Nowak'])] },
    ]);
    expect(second.map((e) => [e.participants, e.sources.length])).toEqual([[['Marek Nowak', 'Lina Haddad'], 2]]);
  });

  it('prefers the group sharing more participants, then the one found first', () => {
    const merged = mergeEvents([
      { path: 'a.txt', events: [meeting(null, ['Aiko Sato', 'Ravi Menon', 'Tomas Berg'])] },
      { path: 'b.txt', events: [meeting(null, ['Aiko Sato', 'Ravi Menon'])] },
      { path: 'c.txt', events: [meeting(null, ['Ravi Menon', 'Aiko Sato', 'Tomas Berg'])] },
    ]);
    // b shares two with a; c shares three with the group a and b formed.
    expect(merged.map((e) => e.sources.map((x) => x.path))).toEqual([['a.txt', 'b.txt', 'c.txt']]);
  });

  it('stays fast when one official takes part in every event', () => {
    const docs = Array.from({ length: 20000 }, (_, i) => ({
      path: `d${i}.txt`,
      events: [meeting(`20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`, ['Hub Official', `Guest ${i}`])],
    }));
    const started = Date.now();
    const merged = mergeEvents(docs);
    // Comparing every event with every earlier one of the hub took minutes; by participant pair, well under a second.
    expect(Date.now() - started).toBeLessThan(3000);
    expect(merged).toHaveLength(20000);
  });
});

describe('datesCompatible', () => {
  it('accepts a day within a coarser month or week and rejects other days', () => {
    expect(datesCompatible('2019-12-20', '2019-12')).toBe(true);
    expect(datesCompatible('2019-12-20', '2019-W51')).toBe(true);
    expect(datesCompatible('2019-12-23', '2019-W51')).toBe(false);
    expect(datesCompatible('2019-12-20', '2019-12-21')).toBe(false);
    expect(datesCompatible(null, '2019-12-21')).toBe(true);
  });
});

describe('findEvents on held-out styles', () => {
  const RUIZ: PersonSpec = { forms: ['Ana Ruiz', 'Ruiz'], name: 'Ana Ruiz', title: 'Trade Minister', country: 'Ecuador' };
  const SALAS: PersonSpec = { forms: ['Jorge Salas', 'Salas'], name: 'Jorge Salas', title: 'Trade Minister', country: 'Peru' };
  const OTIENO: PersonSpec = { forms: ['Amina Otieno', 'Otieno'], name: 'Amina Otieno', title: 'Foreign Minister', country: 'Kenya' };
  const BERG: PersonSpec = { forms: ['Lars Berg', 'Berg'], name: 'Lars Berg', title: 'Prime Minister', country: 'Norway' };
  const STRAND: PersonSpec = { forms: ['Helga Strand', 'Strand'], name: 'Helga Strand', title: 'Commissioner', country: null };
  const ABASHIDZE: PersonSpec = { forms: ['Levan Abashidze', 'Abashidze'], name: 'Levan Abashidze', title: 'Prime Minister', country: 'Georgia' };
  const KOWALSKI: PersonSpec = { forms: ['Anna Kowalski', 'Kowalski'], name: 'Anna Kowalski', title: 'MEP', country: 'Poland' };
  const SARKISYAN: PersonSpec = { forms: ['Aram Sarkisyan', 'Sarkisyan'], name: 'Aram Sarkisyan', title: 'President', country: 'Armenia' };
  const MENSAH: PersonSpec = { forms: ['Kofi Mensah', 'Mensah'], name: 'Kofi Mensah', title: 'Foreign Minister', country: 'Ghana' };
  const DIALLO: PersonSpec = { forms: ['Awa Diallo', 'Diallo'], name: 'Awa Diallo', title: 'Foreign Minister', country: 'Senegal' };
  const NGUYEN: PersonSpec = { forms: ['Linh Nguyen', 'Nguyen'], name: 'Linh Nguyen', title: 'President', country: 'Vietnam' };
  const PARK: PersonSpec = { forms: ['Park Ji-ho', 'Park'], name: 'Park Ji-ho', title: 'Foreign Minister', country: 'South Korea' };
  const TANAKA: PersonSpec = { forms: ['Aiko Tanaka', 'Tanaka'], name: 'Aiko Tanaka', title: 'Foreign Minister', country: 'Japan' };
  const view = (evs: EventMention[]) => evs.map((e) => [e.date, ...names(e)]);

  it('reads signing a memorandum together as a meeting of the signatories', () => {
    const t = 'Trade Minister Ana Ruiz and her Peruvian counterpart Jorge Salas signed a memorandum on fisheries in Quito on Thursday.';
    const evs = run(t, [RUIZ, SALAS], [['Thursday', '2025-03-06', 'day']]);
    expect(evs.map((e) => [e.date, e.location, ...names(e)])).toEqual([['2025-03-06', 'Quito', 'Ana Ruiz', 'Jorge Salas']]);
  });

  it('reads "inked a deal with X" as a meeting', () => {
    const t = 'On Monday, Ruiz inked a customs deal with Salas at the border town of Huaquillas.';
    const evs = run(t, [RUIZ, SALAS], [['Monday', '2025-03-03', 'day']]);
    expect(view(evs)).toEqual([['2025-03-03', 'Ana Ruiz', 'Jorge Salas']]);
  });

  it('reads "received the visiting minister" as a meeting with the visitor named before', () => {
    const t = 'Kenyan Foreign Minister Amina Otieno arrived in Oslo on Sunday for talks on climate finance. According to officials, Prime Minister Lars Berg received the visiting minister briefly on Monday after the ceremony.';
    const evs = run(t, [OTIENO, BERG], [['Sunday', '2025-05-04', 'day'], ['Monday', '2025-05-05', 'day']]);
    expect(view(evs)).toContainEqual(['2025-05-05', 'Amina Otieno', 'Lars Berg']);
  });

  it('reads "the Kenyan minister" after "welcomed" as the Kenyan minister named before', () => {
    const t = 'Amina Otieno, Kenya’s foreign minister, is touring Scandinavia. Berg welcomed the Kenyan minister in Oslo on Monday.';
    const evs = run(t, [OTIENO, BERG], [['Monday', '2025-05-05', 'day']]);
    expect(view(evs)).toEqual([['2025-05-05', 'Amina Otieno', 'Lars Berg']]);
  });

  it('finds a call told in reported speech', () => {
    const t = 'Commissioner Helga Strand told lawmakers that she had spoken by phone with Georgian Prime Minister Levan Abashidze on Thursday.';
    const evs = run(t, [STRAND, ABASHIDZE], [['Thursday', '2025-02-13', 'day']]);
    expect(evs.map((e) => [e.type, e.date, ...names(e)])).toEqual([['call', '2025-02-13', 'Helga Strand', 'Levan Abashidze']]);
  });

  it('finds a call "over the phone to X"', () => {
    const t = 'Strand said she spoke over the phone to Abashidze on Thursday about the protests.';
    const evs = run(t, [STRAND, ABASHIDZE], [['Thursday', '2025-02-13', 'day']]);
    expect(evs.map((e) => [e.type, e.date, ...names(e)])).toEqual([['call', '2025-02-13', 'Helga Strand', 'Levan Abashidze']]);
  });

  it('finds a planned delegation visit during which the visitors will meet an official', () => {
    const t = 'Anna Kowalski will lead a parliamentary delegation to Yerevan next week for a four-day visit, during which MEPs are due to meet President Aram Sarkisyan.';
    const evs = run(t, [KOWALSKI, SARKISYAN], [['next week', '2025-W12', 'week']]);
    expect(evs.map((e) => [e.date, e.scheduled, ...names(e)])).toEqual([['2025-W12', true, 'Anna Kowalski', 'Aram Sarkisyan']]);
  });

  it('resolves "the two countries\' foreign ministers" to the two named later', () => {
    const t = 'A joint commission will be set up, the two countries’ foreign ministers announced after meeting in Dakar on Friday. Ghana’s Kofi Mensah said the border would stay open. Senegal’s Awa Diallo agreed.';
    const evs = run(t, [MENSAH, DIALLO], [['Friday', '2025-06-13', 'day']]);
    expect(view(evs)).toEqual([['2025-06-13', 'Awa Diallo', 'Kofi Mensah']]);
  });

  it('finds a planned return visit to a named city', () => {
    const t = 'Linh Nguyen is expected to pay a return visit to Seoul early next year, the ministry said.';
    const evs = run(t, [NGUYEN], [['early next year', '2026', 'year']]);
    expect(evs.map((e) => [e.type, e.date, e.scheduled, ...names(e)])).toEqual([['visit', '2026', true, 'Linh Nguyen']]);
  });

  it('does not give X the trip of X\'s predecessor', () => {
    const t = 'Nguyen’s predecessor traveled to Busan in 2019, and Park’s deputy visited Hanoi last year.';
    const evs = run(t, [NGUYEN, PARK], [['2019', '2019', 'year'], ['last year', '2024', 'year']]);
    expect(evs).toEqual([]);
  });

  it('does not report an agreement to hold a summit as a meeting', () => {
    const t = 'Park and Tanaka agreed to work together to hold a trilateral summit in Tokyo this year.';
    const evs = run(t, [PARK, TANAKA], [['this year', '2025', 'year']]);
    expect(evs).toEqual([]);
  });

  it('dates the meeting of a visit by its own day, not the arrival', () => {
    const t = 'Park, who arrived in Tokyo on Monday for a two-day visit, met his counterpart Aiko Tanaka on Tuesday.';
    const evs = run(t, [PARK, TANAKA], [['Monday', '2025-04-07', 'day'], ['Tuesday', '2025-04-08', 'day']]);
    expect(view(evs)).toEqual([['2025-04-08', 'Aiko Tanaka', 'Park Ji-ho']]);
  });

  it('drops background trips to a place', () => {
    const t = 'Tanaka attended a conference in Brussels last June. She was in Abu Dhabi in February.';
    const evs = run(t, [TANAKA], [['last June', '2024-06', 'month'], ['February', '2025-02', 'month']]);
    expect(evs).toEqual([]);
  });

  it('drops an undated "last met" and keeps a dated one with its own date', () => {
    const t = 'Park met Tanaka in Osaka on Tuesday. The two ministers last met in Seoul.';
    const evs = run(t, [PARK, TANAKA], [['Tuesday', '2025-04-08', 'day']]);
    expect(evs.map((e) => [e.date, e.location, ...names(e)])).toEqual([['2025-04-08', 'Osaka', 'Aiko Tanaka', 'Park Ji-ho']]);
    const t2 = 'Park met Tanaka in Osaka on Tuesday. The two ministers previously met in Seoul in March 2023.';
    const evs2 = run(t2, [PARK, TANAKA], [['Tuesday', '2025-04-08', 'day'], ['March 2023', '2023-03', 'month']]);
    expect(evs2.map((e) => [e.date, e.location, ...names(e)])).toEqual([
      ['2025-04-08', 'Osaka', 'Aiko Tanaka', 'Park Ji-ho'],
      ['2023-03', 'Seoul', 'Aiko Tanaka', 'Park Ji-ho'],
    ]);
  });

  it('gives a city or no location, never a country alone', () => {
    const t = 'Park held talks with Tanaka in Japan on Tuesday.';
    const evs = run(t, [PARK, TANAKA], [['Tuesday', '2025-04-08', 'day']]);
    expect(evs.map((e) => [e.location, ...names(e)])).toEqual([[null, 'Aiko Tanaka', 'Park Ji-ho']]);
  });
});

describe('findEvents plans with a day', () => {
  it('keeps an agreement to meet on a given day as a planned meeting', () => {
    const t = 'Foreign Minister Kofi Mensah and Foreign Minister Awa Diallo agreed to meet again in Accra on Monday.';
    const evs = run(t, [
      { forms: ['Kofi Mensah'], name: 'Kofi Mensah', title: 'Foreign Minister', country: 'Ghana' },
      { forms: ['Awa Diallo'], name: 'Awa Diallo', title: 'Foreign Minister', country: 'Senegal' },
    ], [['Monday', '2025-06-16', 'day']]);
    expect(evs.map((e) => [e.date, ...names(e)])).toEqual([['2025-06-16', 'Awa Diallo', 'Kofi Mensah']]);
  });
});

describe('findEvents arrival and meeting', () => {
  it('drops the lone arrival when the visitor\'s meeting there is told a day later', () => {
    const t = 'Foreign Minister Park Ji-ho arrived in Tokyo on Monday for a two-day visit. He met Foreign Minister Aiko Tanaka in Tokyo on Tuesday.';
    const evs = run(t, [
      { forms: ['Park Ji-ho'], name: 'Park Ji-ho', title: 'Foreign Minister', country: 'South Korea' },
      { forms: ['Aiko Tanaka'], name: 'Aiko Tanaka', title: 'Foreign Minister', country: 'Japan' },
    ], [['Monday', '2025-04-07', 'day'], ['Tuesday', '2025-04-08', 'day']]);
    expect(evs.map((e) => [e.date, ...names(e)])).toEqual([['2025-04-08', 'Aiko Tanaka', 'Park Ji-ho']]);
  });
});

describe('findEvents background trips', () => {
  it('drops a lone trip dated only by a past year, keeps one in the report\'s year', () => {
    const t = 'Prime Minister Tomas Lind said Erik Holm traveled to Seoul in 2019. Holm also visited Lima in March 2022. Lind will visit Hanoi in 2025.';
    const evs = run(t, [
      { forms: ['Tomas Lind', 'Lind'], name: 'Tomas Lind', title: 'Prime Minister', country: 'Sweden' },
      { forms: ['Erik Holm'], name: 'Erik Holm', title: 'Former Prime Minister', country: 'Sweden' },
    ], [['2019', '2019', 'year'], ['March 2022', '2022-03', 'month'], ['2025', '2025', 'year']], '2025-02-03');
    expect(evs.map((e) => [e.date, e.location, ...names(e)])).toEqual([['2025', 'Hanoi', 'Tomas Lind']]);
  });
});

describe('findEvents phone and earlier meetings', () => {
  const LIND: PersonSpec = { forms: ['Tomas Lind', 'Lind'], name: 'Tomas Lind', title: 'Prime Minister', country: 'Sweden' };
  const OKONJO: PersonSpec = { forms: ['Ada Okonjo', 'Okonjo'], name: 'Ada Okonjo', title: 'President', country: 'Nigeria' };
  it('reads "X congratulated Y in a phone conversation" as a call of both', () => {
    const t = 'Prime Minister Tomas Lind congratulated President Ada Okonjo in a phone conversation on Sunday.';
    const evs = run(t, [LIND, OKONJO], [['Sunday', '2025-01-12', 'day']]);
    expect(evs.map((e) => [e.type, e.date, ...names(e)])).toEqual([['call', '2025-01-12', 'Ada Okonjo', 'Tomas Lind']]);
  });
  it('keeps "the two last met in May" apart from the meeting just reported, and out of its place', () => {
    const t = 'Lind met with Okonjo. The two last met in Lagos in May.';
    const evs = run(t, [LIND, OKONJO], [['May', '2024-05', 'month']], '2025-01-12');
    expect(evs.map((e) => [e.date, e.location, ...names(e)])).toEqual([
      ['2025-01-12', null, 'Ada Okonjo', 'Tomas Lind'],
      ['2024-05', 'Lagos', 'Ada Okonjo', 'Tomas Lind'],
    ]);
  });
});

describe('findEvents joint acts and hosts', () => {
  const LIND: PersonSpec = { forms: ['Tomas Lind', 'Lind'], name: 'Tomas Lind', title: 'Prime Minister', country: 'Sweden' };
  const OKONJO: PersonSpec = { forms: ['Ada Okonjo', 'Okonjo'], name: 'Ada Okonjo', title: 'President', country: 'Nigeria' };
  it('reads "A and B exchanged views and shook hands" as an event of both, but not a lone handshake', () => {
    const t = 'Lind and Okonjo exchanged views on oil prices in Abuja on Friday. Later, Lind shook hands with factory workers.';
    const evs = run(t, [LIND, OKONJO], [['Friday', '2025-01-10', 'day']]);
    expect(evs.map((e) => [e.date, ...names(e)])).toEqual([['2025-01-10', 'Ada Okonjo', 'Tomas Lind']]);
  });
  it('reads "hosted a dinner for X" as a meeting with X', () => {
    const t = 'President Ada Okonjo hosted a state banquet for Prime Minister Tomas Lind on Saturday.';
    const evs = run(t, [LIND, OKONJO], [['Saturday', '2025-01-11', 'day']]);
    expect(evs.map((e) => [e.date, ...names(e)])).toEqual([['2025-01-11', 'Ada Okonjo', 'Tomas Lind']]);
  });
  it('reads "the visiting Swedish prime minister" as the Swedish prime minister named after', () => {
    const t = 'According to her office, Okonjo received the visiting Swedish prime minister on Saturday. Prime Minister Tomas Lind arrived in Abuja on Friday.';
    const evs = run(t, [LIND, OKONJO], [['Saturday', '2025-01-11', 'day'], ['Friday', '2025-01-10', 'day']]);
    expect(evs.map((e) => [e.date, ...names(e)])).toEqual([['2025-01-11', 'Ada Okonjo', 'Tomas Lind']]);
  });
});

describe('findEvents told after the event', () => {
  const LIND: PersonSpec = { forms: ['Tomas Lind', 'Lind'], name: 'Tomas Lind', title: 'Prime Minister', country: 'Sweden' };
  const OKONJO: PersonSpec = { forms: ['Ada Okonjo', 'Okonjo'], name: 'Ada Okonjo', title: 'President', country: 'Nigeria' };
  it('reads "X told reporters after meeting Y" as a meeting of both', () => {
    const t = 'Prime Minister Tomas Lind told journalists after meeting President Ada Okonjo in Abuja on Thursday that oil exports would rise.';
    const evs = run(t, [LIND, OKONJO], [['Thursday', '2025-01-09', 'day']]);
    expect(evs.map((e) => [e.date, ...names(e)])).toEqual([['2025-01-09', 'Ada Okonjo', 'Tomas Lind']]);
  });
  it('reads "Speaking after talks with Y on Friday, X said" as talks of both', () => {
    const t = 'Speaking after talks with Okonjo on Friday, Prime Minister Tomas Lind said the loan was agreed.';
    const evs = run(t, [LIND, OKONJO], [['Friday', '2025-01-10', 'day']]);
    expect(evs.map((e) => [e.date, ...names(e)])).toEqual([['2025-01-10', 'Ada Okonjo', 'Tomas Lind']]);
  });
  it('reads "said he had spoken with Y" as an event of both', () => {
    const t = 'Lind said he had spoken with Okonjo on Sunday.';
    const evs = run(t, [LIND, OKONJO], [['Sunday', '2025-01-12', 'day']]);
    expect(evs.map((e) => [e.date, ...names(e)])).toEqual([['2025-01-12', 'Ada Okonjo', 'Tomas Lind']]);
  });
});

describe('findEvents relative clauses', () => {
  it('dates talks by the day after a closed relative clause holding a visit', () => {
    const t = 'President Ada Okonjo held talks with Prime Minister Tomas Lind, who is on an official visit to Nigeria, in Abuja on Friday.';
    const evs = run(t, [
      { forms: ['Tomas Lind'], name: 'Tomas Lind', title: 'Prime Minister', country: 'Sweden' },
      { forms: ['Ada Okonjo'], name: 'Ada Okonjo', title: 'President', country: 'Nigeria' },
    ], [['Friday', '2025-01-10', 'day']], '2025-01-11');
    expect(evs.map((e) => [e.date, e.location, ...names(e)])).toEqual([['2025-01-10', 'Abuja', 'Ada Okonjo', 'Tomas Lind']]);
  });
});

describe('findEvents unrealised plans', () => {
  it('finds no event in "was supposed to meet"', () => {
    const t = 'Prime Minister Tomas Lind was supposed to meet President Ada Okonjo on Monday, but the trip was put on hold.';
    const evs = run(t, [
      { forms: ['Tomas Lind'], name: 'Tomas Lind', title: 'Prime Minister', country: 'Sweden' },
      { forms: ['Ada Okonjo'], name: 'Ada Okonjo', title: 'President', country: 'Nigeria' },
    ], [['Monday', '2025-01-13', 'day']]);
    expect(evs).toEqual([]);
  });
});

describe('findEvents three-way meetings', () => {
  it('reads "X, Y and Z met" as a meeting of the three', () => {
    const t = 'Foreign Minister Tomas Lind, Foreign Minister Ada Okonjo and Foreign Minister Ravi Menon met in Geneva on Monday.';
    const evs = run(t, [
      { forms: ['Tomas Lind'], name: 'Tomas Lind', title: 'Foreign Minister', country: 'Sweden' },
      { forms: ['Ada Okonjo'], name: 'Ada Okonjo', title: 'Foreign Minister', country: 'Nigeria' },
      { forms: ['Ravi Menon'], name: 'Ravi Menon', title: 'Foreign Minister', country: 'India' },
    ], [['Monday', '2025-01-13', 'day']]);
    expect(evs.map((e) => [e.date, ...names(e)])).toEqual([['2025-01-13', 'Ada Okonjo', 'Ravi Menon', 'Tomas Lind']]);
  });
});

describe('findEvents arrivals and described calls', () => {
  const LIND: PersonSpec = { forms: ['Tomas Lind', 'Lind'], name: 'Tomas Lind', title: 'Prime Minister', country: 'Sweden' };
  const OKONJO: PersonSpec = { forms: ['Ada Okonjo', 'Okonjo'], name: 'Ada Okonjo', title: 'President', country: 'Nigeria' };
  it('dates an undated meeting told right after the arrival by the arrival day', () => {
    const t = 'Prime Minister Tomas Lind arrived in Abuja on Wednesday. Lind met President Ada Okonjo and toured a refinery.';
    const evs = run(t, [LIND, OKONJO], [['Wednesday', '2025-01-08', 'day']], '2025-01-10');
    expect(evs.map((e) => [e.date, ...names(e)])).toEqual([['2025-01-08', 'Ada Okonjo', 'Tomas Lind']]);
  });
  it('reads \'had a "frank" call with X\' as a call', () => {
    const t = 'Lind said on Friday he had a "frank and useful" call with Okonjo.';
    const evs = run(t, [LIND, OKONJO], [['Friday', '2025-01-10', 'day']]);
    expect(evs.map((e) => [e.type, ...names(e)])).toEqual([['call', 'Ada Okonjo', 'Tomas Lind']]);
  });
});

describe('findEvents: places before a trip word and reference words read as whole words', () => {
  const OTIENO: PersonSpec = { forms: ['Amina Otieno', 'Otieno'], name: 'Amina Otieno', title: 'Foreign Minister', country: 'Kenya' };
  const RIBEIRO: PersonSpec = { forms: ['Carlos Ribeiro', 'Ribeiro'], name: 'Carlos Ribeiro', title: 'Foreign Minister', country: 'Brazil' };

  it('places a meeting at the city named before "visit", in ASCII and with accented letters', () => {
    for (const city of ['Lima', 'Brasília', 'Port-Louis']) {
      const t = `Kenyan Foreign Minister Amina Otieno met Brazilian Foreign Minister Carlos Ribeiro on Monday during her ${city} visit.`;
      const evs = run(t, [OTIENO, RIBEIRO], [['Monday', null, null]]);
      expect(evs).toHaveLength(1);
      expect(evs[0]?.location).toBe(city);
      expectSpansValid(t, evs);
    }
  });

  it('resolves "She" opening a sentence, but not the letters "she" inside another word', () => {
    const t = 'Amina Otieno arrived in Nairobi on Sunday. She met Carlos Ribeiro on Monday. Ushered in by aides, Carlos Ribeiro then met reporters.';
    const evs = run(t, [OTIENO, RIBEIRO], [['Sunday', null, null], ['Monday', null, null]]);
    const meeting = evs.find((e) => e.type === 'meeting');
    expect(names(meeting)).toEqual(['Amina Otieno', 'Carlos Ribeiro']);
    expect(evs.filter((e) => e.type === 'meeting')).toHaveLength(1);
  });
});

describe('findEvents: negations and proposals found as whole words in any case', () => {
  const OTIENO: PersonSpec = { forms: ['Amina Otieno'], name: 'Amina Otieno', title: 'Foreign Minister', country: 'Kenya' };
  const RIBEIRO: PersonSpec = { forms: ['Carlos Ribeiro'], name: 'Carlos Ribeiro', title: 'Foreign Minister', country: 'Brazil' };
  const count = (t: string) => run(t, [OTIENO, RIBEIRO]).length;

  it('drops a refused, a never held and a proposed meeting, keeps the held one', () => {
    expect(count('Amina Otieno REFUSED to meet Carlos Ribeiro.')).toBe(0);
    expect(count('Amina Otieno has never met Carlos Ribeiro.')).toBe(0);
    expect(count('Amina Otieno wouldn’t meet Carlos Ribeiro.')).toBe(0);
    expect(count('Amina Otieno Invited Carlos Ribeiro to visit Nairobi.')).toBe(0);
    expect(count('Amina Otieno met Carlos Ribeiro.')).toBe(1);
    // "Knot" and "Nothing" hold no negation word.
    expect(count('Amina Otieno, at the Knot Hotel, met Carlos Ribeiro.')).toBe(1);
  });
});

describe('findEvents: clause patterns gated by the words of the sentence', () => {
  const OTIENO: PersonSpec = { forms: ['Amina Otieno'], name: 'Amina Otieno', title: 'Foreign Minister', country: 'Kenya' };
  const RIBEIRO: PersonSpec = { forms: ['Carlos Ribeiro'], name: 'Carlos Ribeiro', title: 'Foreign Minister', country: 'Brazil' };

  it('reads a time after the cue, a building before the city and a cancellation after the cue', () => {
    const planned = run('Amina Otieno meets Carlos Ribeiro NEXT WEEK in Lima.', [OTIENO, RIBEIRO]);
    expect(planned.map((e) => e.scheduled)).toEqual([true]);
    const held = run('Amina Otieno met Carlos Ribeiro at State House, Nairobi.', [OTIENO, RIBEIRO]);
    expect(held.map((e) => e.location)).toEqual(['Nairobi']);
    expect(run('The meeting between Amina Otieno and Carlos Ribeiro was Postponed.', [OTIENO, RIBEIRO])).toHaveLength(0);
  });
});

describe('findEvents: the place of a topic is not the place of the meeting', () => {
  const OTIENO: PersonSpec = { forms: ['Amina Otieno'], name: 'Amina Otieno', title: 'Foreign Minister', country: 'Kenya' };
  const RIBEIRO: PersonSpec = { forms: ['Carlos Ribeiro'], name: 'Carlos Ribeiro', title: 'Foreign Minister', country: 'Brazil' };

  it('leaves "the crisis in Khartoum" out of the meeting, in any case, and keeps a real venue', () => {
    for (const t of ['Amina Otieno met Carlos Ribeiro and discussed the crisis in Khartoum.', 'Amina Otieno met Carlos Ribeiro and discussed the crisis In  Khartoum.']) {
      const evs = run(t, [OTIENO, RIBEIRO]);
      expect(evs.map((e) => e.location)).toEqual([null]);
    }
    const venue = run('Amina Otieno met Carlos Ribeiro in Khartoum and discussed the crisis.', [OTIENO, RIBEIRO]);
    expect(venue.map((e) => e.location)).toEqual(['Khartoum']);
  });
});

describe('findEvents: an earlier meeting told as background', () => {
  const OTIENO: PersonSpec = { forms: ['Amina Otieno'], name: 'Amina Otieno', title: 'Foreign Minister', country: 'Kenya' };
  const RIBEIRO: PersonSpec = { forms: ['Carlos Ribeiro'], name: 'Carlos Ribeiro', title: 'Foreign Minister', country: 'Brazil' };

  it('drops an undated "previously also met" and "LAST met", keeps "also met"', () => {
    expect(run('Amina Otieno previously also met Carlos Ribeiro.', [OTIENO, RIBEIRO])).toHaveLength(0);
    expect(run('Amina Otieno LAST met Carlos Ribeiro.', [OTIENO, RIBEIRO])).toHaveLength(0);
    expect(run('Amina Otieno also met Carlos Ribeiro.', [OTIENO, RIBEIRO])).toHaveLength(1);
  });
});

describe('findEvents: cue rules and clause tests read at their words', () => {
  const OTIENO: PersonSpec = { forms: ['Amina Otieno'], name: 'Amina Otieno', title: 'Foreign Minister', country: 'Kenya' };
  const RIBEIRO: PersonSpec = { forms: ['Carlos Ribeiro'], name: 'Carlos Ribeiro', title: 'Foreign Minister', country: 'Brazil' };

  it('takes a rule opened by a word before the cue word, in any case', () => {
    const evs = run('Amina Otieno HELD a Kenya-Brazil Foreign Ministers’ Meeting with Carlos Ribeiro in Brasilia.', [OTIENO, RIBEIRO]);
    expect(evs.map((e) => e.type)).toEqual(['meeting']);
    expect(evs[0]?.location).toBe('Brasilia');
    const phone = run('Amina Otieno had a phone conversation with Carlos Ribeiro.', [OTIENO, RIBEIRO]);
    expect(phone.map((e) => e.type)).toEqual(['call']);
  });

  it('reads the tail of a word the 40-character lead before a cue cuts as a word ("can|not"), as before', () => {
    // The negation test reads the 40 characters before the cue: here they start at "not" inside "cannot".
    const filler = 'long-awaited-and-well-publicised-formal'.slice(0, 35);
    const cut = `Amina Otieno said she cannot ${filler} meet Carlos Ribeiro in Nairobi.`;
    expect(cut.indexOf(' meet') + 1 - cut.indexOf('not ')).toBe(40);
    expect(run(cut, [OTIENO, RIBEIRO])).toHaveLength(0);
    // Four characters more and the lead starts after "cannot": no negation word in it.
    expect(run(cut.replace(filler, `${filler}-way`), [OTIENO, RIBEIRO])).toHaveLength(1);
    // Within the lead, "cannot" stands whole, which is no negation word.
    expect(run(cut.replace(filler, 'now'), [OTIENO, RIBEIRO])).toHaveLength(1);
    expect(run(`Amina Otieno said she can ${filler} meet Carlos Ribeiro in Nairobi.`, [OTIENO, RIBEIRO])).toHaveLength(1);
  });

  it('places a meeting after "in" but not after a word that merely ends in "in"', () => {
    expect(run('Amina Otieno met Carlos Ribeiro in Mombasa.', [OTIENO, RIBEIRO]).map((e) => e.location)).toEqual(['Mombasa']);
    expect(run('Amina Otieno met Carlos Ribeiro, a Berlin Mombasa envoy.', [OTIENO, RIBEIRO]).map((e) => e.location)).toEqual([null]);
  });

  it('tells a visit in a relative clause from the main event', () => {
    const t = 'Amina Otieno, who will visit Lisbon next month, met Carlos Ribeiro in Nairobi on Monday.';
    const evs = run(t, [OTIENO, RIBEIRO], [['Monday', null, null], ['next month', null, null]]);
    expect(evs).toHaveLength(1);
    expect(evs[0]?.type).toBe('meeting');
    expect(evs[0]?.scheduled).toBe(false);
    expect(evs[0]?.location).toBe('Nairobi');
  });
});

// The cue scan and the cheap tests in front of the cue patterns (speed work) must find what the patterns find.
describe('findEvents cue scan edge cases', () => {
  const OKAFOR: PersonSpec = { forms: ['Amina Okafor', 'Okafor'], name: 'Amina Okafor', title: 'Foreign Minister', country: 'Nigeria' };
  const LINDQVIST: PersonSpec = { forms: ['Erik Lindqvist', 'Lindqvist'], name: 'Erik Lindqvist', title: 'Foreign Minister', country: 'Sweden' };

  it('reads "held" with five words before "meeting" as a meeting, and the sentence start and end as word boundaries', () => {
    const text = 'Okafor held a long and very frank bilateral meeting with Lindqvist in Stockholm on Tuesday.';
    const events = run(text, [OKAFOR, LINDQVIST], [['Tuesday', '2024-05-14', 'day']]);
    expect(events).toHaveLength(1);
    expect(events[0]?.type).toBe('meeting');
    expect(names(events[0])).toEqual(['Amina Okafor', 'Erik Lindqvist']);
    expect(events[0]?.date).toBe('2024-05-14');
    expectSpansValid(text, events);
  });

  it('reads "had a productive phone call with" as a call and "has held talks with" as talks', () => {
    const call = run('Lindqvist had a productive phone call with Okafor on Friday.', [OKAFOR, LINDQVIST], [['Friday', '2024-05-17', 'day']]);
    expect(call.map((e) => e.type)).toEqual(['call']);
    const talks = run('Okafor has held talks with Lindqvist, the ministry said.', [OKAFOR, LINDQVIST]);
    expect(talks.map((e) => e.type)).toEqual(['talks']);
    expect(names(talks[0])).toEqual(['Amina Okafor', 'Erik Lindqvist']);
  });

  it('finds a cue word after a hyphen, a parenthesis or a quotation mark, and none inside a longer word', () => {
    for (const text of ['Okafor and Lindqvist held a "productive" meeting in Abuja.', 'Okafor met-Lindqvist in Abuja.', 'Okafor (met) Lindqvist in Abuja.']) {
      const events = run(text, [OKAFOR, LINDQVIST]);
      expect(events.map((e) => [e.type, names(e), e.location])).toEqual([['meeting', ['Amina Okafor', 'Erik Lindqvist'], 'Abuja']]);
    }
    // "Metropolitan", "commitment": no cue word opens there.
    const none = run('Okafor praised the Metropolitan commitment of Lindqvist.', [OKAFOR, LINDQVIST]);
    expect(none).toHaveLength(0);
  });
});

// The cue scan reads where each trigger starts from where it ends: two-word triggers start a word before.
describe('findEvents: two-word cue triggers', () => {
  const OKAFOR: PersonSpec = { forms: ['Amina Okafor', 'Okafor'], name: 'Amina Okafor', title: 'Foreign Minister', country: 'Nigeria' };
  const LINDQVIST: PersonSpec = { forms: ['Erik Lindqvist', 'Lindqvist'], name: 'Erik Lindqvist', title: 'Foreign Minister', country: 'Sweden' };

  it('finds the rules a two-word trigger or the words before it open', () => {
    const cases: Array<[string, string]> = [
      ['Okafor called on Lindqvist in Stockholm.', 'meeting'],
      ['Okafor and Lindqvist sat down in Abuja.', 'meeting'],
      ['Okafor and Lindqvist shook hands in Abuja.', 'meeting'],
      ['Okafor held a joint press conference with Lindqvist in Abuja.', 'meeting'],
    ];
    for (const [text, type] of cases) {
      const events = run(text, [OKAFOR, LINDQVIST]);
      expect(events.map((e) => [e.type, names(e)]), text).toEqual([[type, ['Amina Okafor', 'Erik Lindqvist']]]);
    }
    // "is expected in" opens on "is", found from the two-word trigger "expected in": a visit, holding the meeting.
    const expected = run('Okafor is expected in Stockholm on Monday, where she will meet Lindqvist.', [OKAFOR, LINDQVIST], [['Monday', '2024-05-13', 'day']]);
    expect(expected.map((e) => [e.type, e.location, e.date])).toEqual([['visit', 'Stockholm', '2024-05-13']]);
    const lone = run('Okafor flies to Stockholm on Monday.', [OKAFOR, LINDQVIST], [['Monday', '2024-05-13', 'day']]);
    expect(lone.map((e) => [e.type, names(e), e.location])).toEqual([['trip', ['Amina Okafor'], 'Stockholm']]);
  });
});

// A sentence naming no official is read only when it holds a reference word (speed gate): every kind of reference still counts.
describe('findEvents: sentences that name no official', () => {
  const OKAFOR: PersonSpec = { forms: ['Amina Okafor', 'Okafor'], name: 'Amina Okafor', title: 'Foreign Minister', country: 'Nigeria' };
  const LINDQVIST: PersonSpec = { forms: ['Erik Lindqvist', 'Lindqvist'], name: 'Erik Lindqvist', title: 'Foreign Minister', country: 'Sweden' };
  const sourcesOf = (text: string) => run(text, [OKAFOR, LINDQVIST]).map((e) => [e.type, names(e), e.sources.map((s) => s.text)]);

  it('reads "the two ministers", "she", "the Swedish foreign minister" and "they" there', () => {
    expect(sourcesOf('Amina Okafor and Erik Lindqvist arrived in Abuja on Monday. The two ministers held talks on Tuesday.')).toEqual([
      ['visit', ['Amina Okafor', 'Erik Lindqvist'], ['Amina Okafor and Erik Lindqvist arrived in Abuja on Monday.', 'The two ministers held talks on Tuesday.']],
    ]);
    expect(sourcesOf('Erik Lindqvist spoke to reporters in Stockholm. Amina Okafor arrived there on Monday. She met the Swedish foreign minister on Tuesday.')).toEqual([
      ['meeting', ['Amina Okafor', 'Erik Lindqvist'], ['She met the Swedish foreign minister on Tuesday.']],
    ]);
    expect(sourcesOf('Amina Okafor met Erik Lindqvist in Abuja on Monday. They met again on Friday.')).toEqual([
      ['meeting', ['Amina Okafor', 'Erik Lindqvist'], ['Amina Okafor met Erik Lindqvist in Abuja on Monday.', 'They met again on Friday.']],
    ]);
  });

  it('takes nothing from one with a cue word but no reference ("the" holds no "he")', () => {
    expect(sourcesOf('Amina Okafor met Erik Lindqvist in Abuja on Monday. The meeting was long.')).toEqual([
      ['meeting', ['Amina Okafor', 'Erik Lindqvist'], ['Amina Okafor met Erik Lindqvist in Abuja on Monday.']],
    ]);
  });
});

// Cheap tests in front of the cue patterns (speed gates): each lets through what its pattern matches.
describe('findEvents: the tests in front of the cue patterns', () => {
  const OKAFOR: PersonSpec = { forms: ['Amina Okafor', 'Okafor'], name: 'Amina Okafor', title: 'Foreign Minister', country: 'Nigeria' };
  const LINDQVIST: PersonSpec = { forms: ['Erik Lindqvist', 'Lindqvist'], name: 'Erik Lindqvist', title: 'Foreign Minister', country: 'Sweden' };
  const read = (text: string) => run(text, [OKAFOR, LINDQVIST]).map((e) => [e.type, e.participants.length, e.location]);

  it('reads the participle after a comma or "before" (any case, up to three spaces), and the cues that need a next word', () => {
    expect(read('Okafor flew to Oslo on Monday, BEFORE  meeting Lindqvist.')).toEqual([['meeting', 2, 'Oslo']]);
    expect(read('Okafor flew to Oslo on Monday, meeting Lindqvist there.')).toEqual([['meeting', 2, 'Oslo']]);
    // Four spaces after "then": the participle pattern does not reach the word; the trip takes Lindqvist in.
    expect(read('Okafor flew to Oslo on Monday, then    meeting Lindqvist.')).toEqual([['trip', 2, 'Oslo']]);
    expect(read('Okafor spoke with Lindqvist.')).toEqual([['talks', 2, null]]);
    expect(read('Okafor spoke by phone to Lindqvist.')).toEqual([['call', 2, null]]);
    expect(read('Okafor held negotiations with Lindqvist.')).toEqual([['talks', 2, null]]);
    expect(read('Okafor began talks\nwith Lindqvist.')).toEqual([['talks', 2, null]]);
    expect(read('Okafor paid a state visit to Sweden, hosted by Lindqvist.')).toEqual([['visit', 2, null]]);
    expect(read('Okafor had a video call with Lindqvist.')).toEqual([['call', 2, null]]);
    expect(read('Okafor heads to Stockholm.')).toEqual([['trip', 1, 'Stockholm']]);
  });
});
