import { describe, expect, it } from 'vitest';
import { datesCompatible } from '../../src/analysis/eventMerge';
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

describe('findEvents on BBC-style copy', () => {
  const BLAIR: PersonSpec = { forms: ['Tony Blair', 'Mr Blair', 'Blair'], name: 'Tony Blair', title: 'Prime Minister', country: 'United Kingdom' };

  it('splits talks with leaders of two different countries into two bilateral talks', () => {
    const t = 'Mr Blair held talks with his Israeli counterpart, Ariel Sharon, and the Palestinian leader, Mahmoud Abbas. At a news conference following talks with Mr Blair, Mr Abbas said the British prime minister was "in a unique position to help us".';
    const evs = run(t, [
      BLAIR,
      { forms: ['Ariel Sharon', 'Sharon'], name: 'Ariel Sharon', title: null, country: 'Israel' },
      { forms: ['Mahmoud Abbas', 'Abbas'], name: 'Mahmoud Abbas', title: 'leader', country: 'Palestine' },
    ]);
    expect(evs.map(names).sort()).toEqual([
      ['Ariel Sharon', 'Tony Blair'],
      ['Mahmoud Abbas', 'Tony Blair'],
    ]);
    expect(evs.every((e) => e.type === 'talks')).toBe(true);
    // The second sentence reports the talks with Abbas again.
    expect(evs.find((e) => e.participants.includes('Mahmoud Abbas'))?.sources).toHaveLength(2);
  });

  it('resolves "the Pakistani president" and places the meeting in London, not at Downing Street', () => {
    const t = 'Hiding women away is a backward view of Islam, President Musharraf of Pakistan has said during a visit to Britain.\n\nOn Monday the Pakistani president met Prime Minister Tony Blair at 10 Downing Street, on his first official visit to London.';
    const evs = run(t, [{ forms: ['Musharraf'], name: 'Pervez Musharraf', title: 'President', country: 'Pakistan' }, BLAIR], [['Monday', null, null]]);
    expect(evs).toHaveLength(1);
    expect(names(evs[0])).toEqual(['Pervez Musharraf', 'Tony Blair']);
    expect(evs[0]?.location).toBe('London');
    expect(evs[0]?.date).toBeNull();
  });

  it('reads "is meeting his EU counterparts" as a meeting with the EU leaders the article names', () => {
    const t = 'French president Jacques Chirac has called the UK rebate "unjustified". EU Commission president Jose Manuel Barroso has indicated he wants the rebate to end. UK Prime Minister Tony Blair is meeting his EU counterparts to finalise a package of measures.';
    const evs = run(t, [
      { forms: ['Jacques Chirac'], name: 'Jacques Chirac', title: 'President', country: 'France' },
      { forms: ['Jose Manuel Barroso'], name: 'José Manuel Barroso', title: 'EU Commission president', country: 'European Union' },
      BLAIR,
    ]);
    expect(evs).toHaveLength(1);
    expect(names(evs[0])).toEqual(['Jacques Chirac', 'Tony Blair']);
  });

  it('joins a planned trip told in pieces, and ignores a one-person trip', () => {
    const t = 'UK Foreign Secretary Jack Straw, who will hold talks in Beijing on Thursday, said an EU arms code was more effective. Mr Blair also made a surprise trip to Iraq this week. Mr Straw\'s China trip is part of regular high-level meetings with Beijing ministers. He will meet Chinese counterpart Minister Li Zhaoxing to discuss developing relations.';
    const evs = run(t, [
      { forms: ['Jack Straw', 'Mr Straw', 'Straw'], name: 'Jack Straw', title: 'Foreign Secretary', country: 'United Kingdom' },
      { forms: ['Li Zhaoxing'], name: 'Li Zhaoxing', title: 'Minister', country: 'China' },
      BLAIR,
    ], [['Thursday', null, null], ['this week', null, null]]);
    expect(evs).toHaveLength(1);
    expect(names(evs[0])).toEqual(['Jack Straw', 'Li Zhaoxing']);
    expect(evs[0]?.scheduled).toBe(true);
    expect(evs[0]?.location).toBe('Beijing');
    expect(evs[0]?.sources.length).toBe(3);
  });

  it('finds no event where only one official is named', () => {
    const t = 'Mr Blair briefly visited the tomb of Yasser Arafat in Ramallah. Before visiting Israel, Mr Blair made a surprise visit to Iraq, where he met leaders in Baghdad during his first trip to the city.';
    expect(run(t, [BLAIR, { forms: ['Yasser Arafat'], name: 'Yasser Arafat', title: null, country: null }])).toEqual([]);
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
    const t = 'Tory foreign affairs spokesman Michael Ancram said Mr Straw was "naive beyond belief" if he accepted the claim.';
    const evs = run(t, [
      { forms: ['Michael Ancram'], name: 'Michael Ancram', title: 'foreign affairs spokesman', country: 'United Kingdom' },
      { forms: ['Mr Straw'], name: 'Jack Straw', title: 'Foreign Secretary', country: 'United Kingdom' },
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

  const OBAMA: PersonSpec = { forms: ['Barack Obama', 'Obama'], name: 'Barack Obama', title: 'President', country: 'United States' };
  const NETANYAHU: PersonSpec = { forms: ['Benjamin Netanyahu', 'Netanyahu'], name: 'Benjamin Netanyahu', title: 'Prime Minister', country: 'Israel' };
  const ERDOGAN: PersonSpec = { forms: ['Recep Erdogan', 'Erdogan'], name: 'Recep Tayyip Erdogan', title: 'Prime Minister', country: 'Turkey' };

  it('keeps a meeting a meeting beside a phone call to a third leader, placed in the city not the airport', () => {
    const t = 'It happened in a phone call to Erdogan during a final meeting between Obama and Netanyahu at Ben Gurion International Airport in Tel Aviv minutes before Air Force One departed for Jordan.';
    const evs = run(t, [OBAMA, NETANYAHU, ERDOGAN]);
    expect(evs).toHaveLength(1);
    expect(evs[0]?.type).toBe('meeting');
    expect(evs[0]?.location).toBe('Tel Aviv');
    expect(names(evs[0])).toEqual(['Barack Obama', 'Benjamin Netanyahu']);
  });

  it('finds who was met after the topic ("discussed the issue with Mr. Netanyahu"), not the leader spoken of', () => {
    const t = 'Mr. Obama said later at a news conference in Amman that he had spoken to both leaders.\n\nHe said he discussed the issue with Mr. Netanyahu during his visit to Israel this week, and that they agreed the timing was good for a discussion with the Turkish leader.';
    const evs = run(t, [OBAMA, NETANYAHU, ERDOGAN], [['this week', '2013-W12', 'week']], '2013-03-22');
    expect(evs).toHaveLength(1);
    expect(names(evs[0])).toEqual(['Barack Obama', 'Benjamin Netanyahu']);
    expect(evs[0]?.date).toBe('2013-W12');
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

  it('never throws and finds nothing without officials', () => {
    expect(findEvents('', { sentences: [], officials: [], dates: [], documentDate: null })).toEqual([]);
    const junk = '\u0000\uffff"“met with'.repeat(2000);
    expect(() => findEvents(junk, { sentences: splitSentences(junk), officials: [], dates: [], documentDate: null })).not.toThrow();
  });
});

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
      { path: 'a.txt', events: [meeting(null, ['Jack Straw', 'Li Zhaoxing'], true)] },
      { path: 'b.txt', events: [meeting('2005-02-24', ['Li Zhaoxing', 'Jack Straw'], false)] },
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.sources.map((s) => s.path)).toEqual(['a.txt', 'b.txt']);
    expect(merged[0]?.date).toBe('2005-02-24');
    expect(merged[0]?.scheduled).toBe(false);
    expect(merged[0]?.id).toMatch(/^event-[0-9a-f]{16}$/);
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

  it('does not merge meetings that share only one participant', () => {
    const merged = mergeEvents([
      { path: 'a.txt', events: [meeting(null, ['Jack Straw', 'Li Zhaoxing'])] },
      { path: 'b.txt', events: [meeting(null, ['Jack Straw', 'Nobutaka Machimura'], false, 'Tokyo')] },
    ]);
    expect(merged).toHaveLength(2);
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
