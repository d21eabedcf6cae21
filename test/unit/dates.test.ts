import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/analysis/dates';
import { formatWeek, isoWeek } from '../../src/analysis/dates/calendar';
import type { DateMention } from '../../src/analysis/types';

/** `text → value` pairs, in order. */
function dates(text: string, documentDate: string | null): Array<[string, string | null]> {
  return findDates(text, documentDate).map((d) => [d.text, d.value]);
}

function only(text: string, documentDate: string | null): DateMention {
  const found = findDates(text, documentDate);
  expect(found).toHaveLength(1);
  return found[0]!;
}

const seed = (name: string): string => readFileSync(join(__dirname, '..', '..', 'seeds', name), 'utf8');

describe('findDates on the seed articles', () => {
  it('reads every date of the Japan Times story against its date header', () => {
    const text = seed('003_51685c235f0e8719.txt');
    expect(dates(text, '2019-12-20')).toEqual([
      ['2019-12-20', '2019-12-20'],
      ['Friday', '2019-12-20'],
      ['2015', '2015'],
      ['2000', '2000'],
      ['May this year', '2019-05'],
      ['May', '2019-05'],
      ['Last year', '2018'],
      ['2015', '2015'],
      ['May', '2019-05'],
      ['early next month', '2020-01'],
      ['Friday', '2019-12-20'],
      ['earlier this week', '2019-W51'],
      ['later this month', '2019-12'],
      ['June', '2019-06'],
    ]);
  });

  it('leaves relative dates unresolved without a document date, but keeps years', () => {
    const text = seed('000_fba3dbbe9291c0be.txt');
    expect(dates(text, null)).toEqual([
      ['Monday', null],
      ['2015', '2015'],
      ['Monday', null],
      ['later on Monday', null],
      ['2019', '2019'],
      ['2019', '2019'],
      ['2018', '2018'],
    ]);
  });

  it('resolves "75 years ago" to a year and "October 7" to the latest one before the dateline', () => {
    const text = seed('001_e54193130fdaf13e.txt');
    expect(dates(text, '2023-12-15')).toEqual([
      ['15 December 2023', '2023-12-15'],
      ['today', '2023-12-15'],
      ['75 years ago', '1948'],
      ['October 7', '2023-10-07'],
    ]);
  });

  it('does not take the start time or the length of a meeting for dates', () => {
    const text = seed('004_04140026fd49e5bf.txt');
    expect(dates(text, '2023-05-19')).toEqual([
      ['May 19, 2023', '2023-05-19'],
      ['May 19', '2023-05-19'],
      ['this year', '2023'],
    ]);
  });
});

describe('absolute dates in other styles', () => {
  it.each([
    ['On Sept. 3, 2021 the law passed.', 'Sept. 3, 2021', '2021-09-03'],
    ['The accord was signed on 3rd of March 1999 in Lima.', '3rd of March 1999', '1999-03-03'],
    ['Polls open on Thursday, 4 July 2024, across Britain.', 'Thursday, 4 July 2024', '2024-07-04'],
    ['Voting ended on December 15th, 2023.', 'December 15th, 2023', '2023-12-15'],
    ['The decree, dated 2019-12-20, was published.', '2019-12-20', '2019-12-20'],
    ['He was born on 12/25/1990.', '12/25/1990', '1990-12-25'],
    ['Die Frist endet am 03.04.2020.', '03.04.2020', '2020-04-03'],
    ['She arrived on 29 February 2024.', '29 February 2024', '2024-02-29'],
    ['The tribunal sat in June 2004 in The Hague.', 'June 2004', '2004-06'],
    ['The strike in May 2010 at the port', 'May 2010', '2010-05'],
  ])('%s', (sentence, span, value) => {
    const d = only(sentence, null);
    expect([d.text, d.value, d.relative]).toEqual([span, value, false]);
  });

  it('reads slashed dates day-first when the document shows it writes days first', () => {
    expect(dates('Filed 25/12/2023, amended 05/01/2024.', null)).toEqual([
      ['25/12/2023', '2023-12-25'],
      ['05/01/2024', '2024-01-05'],
    ]);
    expect(dates('Filed 12/25/2023, amended 05/01/2024.', null)).toEqual([
      ['12/25/2023', '2023-12-25'],
      ['05/01/2024', '2024-05-01'],
    ]);
  });

  it('reads both ends of month ranges and of a day range', () => {
    expect(dates('Profit rose in the April-June quarter and in the November–January 2024 period.', '2024-03-06')).toEqual([
      ['April', '2023-04'],
      ['June', '2023-06'],
      ['November', '2023-11'],
      ['January 2024', '2024-01'],
    ]);
    expect(dates('The festival runs 3-5 March; the COVID-19 pandemic.', '2024-03-01')).toEqual([
      ['3', '2024-03-03'],
      ['5 March', '2024-03-05'],
    ]);
  });

  it('reads months coordinated with other months, not a name after "and"', () => {
    expect(dates('Prices rose in February, March and April. Labour and May clashed.', '2024-06-01')).toEqual([
      ['February', '2024-02'],
      ['March', '2024-03'],
      ['April', '2024-04'],
    ]);
    expect(dates('Output fell between March and May.', '2024-03-06')).toEqual([
      ['March', '2023-03'],
      ['May', '2023-05'],
    ]);
  });

  it('leaves a count after a day out of the date', () => {
    expect(dates('On October 7, 1000 people marched.', '2023-12-15')).toEqual([['October 7', '2023-10-07']]);
  });

  it('reads both ends of a day range', () => {
    expect(dates('The minister will visit Brazil from 18 to 22 March.', '2024-03-06')).toEqual([
      ['18', '2024-03-18'],
      ['22 March', '2024-03-22'],
    ]);
    expect(dates('The fair runs March 18-22 and 3rd-5th April 2024.', '2024-03-06')).toEqual([
      ['March 18', '2024-03-18'],
      ['22', '2024-03-22'],
      ['3rd', '2024-04-03'],
      ['5th April 2024', '2024-04-05'],
    ]);
    expect(dates('On March 18 to 22 percent of voters agreed.', '2024-03-06').map((d) => d[0])).toEqual(['March 18']);
  });

  it('joins a day range with and, until or an en dash, across spaces', () => {
    expect(dates('Voting runs between 3 and 5 May; the count from May 6 until 9.', '2024-03-06')).toEqual([
      ['3', '2024-05-03'],
      ['5 May', '2024-05-05'],
      ['May 6', '2024-05-06'],
      ['9', '2024-05-09'],
    ]);
    expect(dates('The fair is open 12  –  14 June 2024.', '2024-03-06')).toEqual([
      ['12', '2024-06-12'],
      ['14 June 2024', '2024-06-14'],
    ]);
  });

  it('never gives an impossible day such as 29 February in a common year', () => {
    expect(dates('The deadline was 29 February 2023.', null)).toEqual([['2023', '2023']]);
    expect(dates('The deadline was 29 February 2024.', null)).toEqual([['29 February 2024', '2024-02-29']]);
  });

  it('splits year ranges into two years, two-digit second years included', () => {
    expect(dates('the drought of 2009-2010 and the survey of 1957-58', null)).toEqual([
      ['2009', '2009'],
      ['2010', '2010'],
      ['1957', '1957'],
      ['58', '1958'],
    ]);
  });

  it('keeps early/mid/late inside the span of a year', () => {
    expect(dates('The mine closed in early 2011; the plant opens by mid-2025.', null)).toEqual([
      ['early 2011', '2011'],
      ['mid-2025', '2025'],
    ]);
  });

  it('keeps finance-style year modifiers', () => {
    expect(dates('Debt will peak by end-2025.', null)).toEqual([['end-2025', '2025']]);
  });

  it('reads decades and centuries', () => {
    expect(findDates('In the 1990s, as in the 20th century,', null).map((d) => [d.text, d.value, d.precision])).toEqual([
      ['1990s', '199', 'decade'],
      ['20th century', '19', 'century'],
    ]);
  });
});

describe('relative dates against a document date', () => {
  // 2024-03-06 is a Wednesday.
  const doc = '2024-03-06';

  it('reads a weekday in a past-tense report as the latest such day', () => {
    expect(only('The ministers met on Friday in Nairobi.', doc).value).toBe('2024-03-01');
    expect(only('Speaking in Lagos on Monday, the governor said it was over.', doc).value).toBe('2024-03-04');
  });

  it('reads a weekday in a future-tense sentence as the next such day', () => {
    expect(only('The ministers will meet on Friday.', doc).value).toBe('2024-03-08');
    expect(only('She is due to visit the flood zone on Tuesday afternoon.', doc).value).toBe('2024-03-12');
    expect(only('Ruto, who will hold talks in Nairobi on Thursday, said so.', doc).value).toBe('2024-03-07');
  });

  it('reads a present-tense verb of schedule as pointing forward', () => {
    expect(only('The minister arrived for a visit that ends on Thursday.', doc).value).toBe('2024-03-07');
    expect(dates('Parliament rose on 22 July and returns on 3 September.', doc)).toEqual([
      ['22 July', '2023-07-22'],
      ['3 September', '2024-09-03'],
    ]);
    expect(only('The election is in November.', doc).value).toBe('2024-11');
    expect(only('The ministry picked three firms for a pilot to run through June.', '2013-03-18').value).toBe('2013-06');
  });

  it('weighs the nearest tense on each side of a sentence', () => {
    expect(dates('The ministers, who met on Monday, will hold talks again on Friday.', doc)).toEqual([
      ['Monday', '2024-03-04'],
      ['Friday', '2024-03-08'],
    ]);
    expect(only('Officials expect the deal to be signed on Thursday.', doc).value).toBe('2024-03-07');
    expect(only('He arrives in Tokyo on Monday for talks.', doc).value).toBe('2024-03-11');
    expect(only('Japan said on Monday it would act.', doc).value).toBe('2024-03-04');
  });

  it('takes the nearer reading of a yearless day when the sentence has no tense cue', () => {
    expect(dates('Offices are building platforms for the festival from April 13 to April 17.', '1997-04-02')).toEqual([
      ['April 13', '1997-04-13'],
      ['April 17', '1997-04-17'],
    ]);
  });

  it('counts the document day itself for a weekday of the same name', () => {
    expect(only('Officials met on Wednesday.', doc).value).toBe(doc);
  });

  it('moves "last" and "next" weekdays a full week when the name is today', () => {
    expect(dates('He left last Wednesday and returns next Wednesday.', doc)).toEqual([
      ['last Wednesday', '2024-02-28'],
      ['next Wednesday', '2024-03-13'],
    ]);
    expect(dates('The summit opens next Tuesday; he spoke last Friday.', doc)).toEqual([
      ['next Tuesday', '2024-03-12'],
      ['last Friday', '2024-03-01'],
    ]);
  });

  it('reads a weekday of a named week and "this past Sunday"', () => {
    expect(dates('He met her on Monday last week and will return Tuesday next week; this past Sunday he rested.', doc)).toEqual([
      ['Monday last week', '2024-02-26'],
      ['Tuesday next week', '2024-03-12'],
      ['this past Sunday', '2024-03-03'],
    ]);
  });

  it('reads two-word determiners across a line break or several spaces as with one space', () => {
    expect(dates('He rested this\npast Sunday; sales fell over the\t\tlast  month and the  previous year.', doc)).toEqual([
      ['this\npast Sunday', '2024-03-03'],
      ['the  previous year', '2023'],
    ]);
    expect(dates('Prices rose in the last\nweek, and this  past   week too.', doc)).toEqual([
      ['the last\nweek', formatWeek({ year: 2024, month: 2, day: 26 })],
      ['this  past   week', formatWeek({ year: 2024, month: 2, day: 26 })],
    ]);
  });

  it('accepts lower-case weekdays of informal writing only after a preposition', () => {
    expect(dates('we open on a sunday but he will come in tuesday morning', doc)).toEqual([['tuesday', '2024-03-12']]);
  });

  it('keeps only the weekday of "Monday\'s meeting"', () => {
    expect(only('During Monday’s meeting, Hayashi stressed the point.', doc).text).toBe('Monday');
  });

  it('resolves a month without a year by tense', () => {
    expect(only('The mayor told reporters in August she would resign.', '2013-03-22').value).toBe('2012-08');
    expect(only('Her memoir is due to be published in May.', '2013-03-22').value).toBe('2013-05');
    expect(only('In December, the African Union pledged to review the rules.', '2005-01-10').value).toBe('2004-12');
  });

  it('resolves last/next months and months tied to a year', () => {
    expect(dates('The club founder retired last June; late last July the stadium reopened.', '2013-03-22')).toEqual([
      ['last June', '2012-06'],
      ['late last July', '2012-07'],
    ]);
    expect(dates('Prices rose since May this year and fell in June last year.', '2019-12-20')).toEqual([
      ['May this year', '2019-05'],
      ['June last year', '2018-06'],
    ]);
    expect(only('Traffic peaks in mid-March.', doc)).toMatchObject({ text: 'mid-March', value: '2024-03' });
  });

  it('resolves a day and month without a year to the nearest reading in the sentence tense', () => {
    expect(only('On Feb. 28, the central bank released a note.', '2013-03-21').value).toBe('2013-02-28');
    expect(only('Repairs to the bridge will begin on April 7, the council said.', '2013-03-22').value).toBe('2013-04-07');
    expect(only('The phase ended on December 30.', '2024-01-04').value).toBe('2023-12-30');
  });

  it('resolves week, month and year expressions', () => {
    expect(dates('This week the envoy left. Last week he met. Next week he returns.', '2021-01-01')).toEqual([
      ['This week', '2020-W53'],
      ['Last week', '2020-W52'],
      ['Next week', '2021-W01'],
    ]);
    expect(dates('Earlier this month, and early next month; last year and this fiscal year.', '2019-12-20')).toEqual([
      ['Earlier this month', '2019-12'],
      ['early next month', '2020-01'],
      ['last year', '2018'],
      ['this fiscal year', '2019'],
    ]);
    expect(only('Three new cases were reported in the last week.', '2013-03-22')).toMatchObject({
      text: 'the last week',
      value: '2013-W11',
    });
  });

  it('resolves today, yesterday, tomorrow and "N units ago"', () => {
    expect(dates('Today’s ruling follows yesterday’s hearing; tomorrow a verdict.', '2024-03-01')).toEqual([
      ['Today', '2024-03-01'],
      ['yesterday', '2024-02-29'],
      ['tomorrow', '2024-03-02'],
    ]);
    expect(dates('It began four years ago, 3 days ago and two weeks ago.', '2024-03-06')).toEqual([
      ['four years ago', '2020'],
      ['3 days ago', '2024-03-03'],
      ['two weeks ago', '2024-W08'],
    ]);
  });

  it('reads "during the year" and "later in the week" as the current unit', () => {
    expect(dates('A deal could come some time during the year; talks resume later in the week.', doc)).toEqual([
      ['the year', '2024'],
      ['the week', '2024-W10'],
    ]);
    expect(findDates('He was named person of the year in the year 2000.', doc).map((d) => d.text)).toEqual(['2000']);
  });

  it('resolves the weekend by tense and fixed holidays like yearless days', () => {
    expect(only('They rested over the weekend.', doc)).toMatchObject({ text: 'the weekend', value: '2024-W09' });
    expect(only('Talks will continue over the weekend.', doc)).toMatchObject({ text: 'the weekend', value: '2024-W10' });
    expect(findDates('The weekend was quiet.', doc)).toEqual([]);
    expect(dates('Markets closed for Christmas; the strike began on Christmas Day 2023.', doc)).toEqual([
      ['Christmas', '2023-12-25'],
      ['Christmas Day 2023', '2023-12-25'],
    ]);
  });

  it('puts the end of the year before or after the document date by tense', () => {
    expect(only('The report is due at the end of the year.', doc).value).toBe('2024');
    expect(only('Exports peaked by the end of year.', '2013-03-22').value).toBe('2012');
  });

  it('marks relative dates and leaves their value null without a document date', () => {
    for (const sentence of ['The envoy arrived on Monday.', 'It happened last year.', 'The talks resume in May.', 'The attack of October 7 shocked the region.']) {
      const d = only(sentence, null);
      expect(d.value).toBeNull();
      expect(d.relative).toBe(true);
    }
  });
});

describe('sentences in the styles of other outlets', () => {
  // 2024-03-06 is a Wednesday.
  const doc = '2024-03-06';
  it.each([
    [
      'NEW DELHI: External Affairs Minister S. Jaishankar on Tuesday held talks with his Saudi counterpart, days after the two sides met in Riyadh last month.',
      [['Tuesday', '2024-03-05'], ['last month', '2024-02']],
    ],
    [
      'ABUJA — The regional bloc will hold an extraordinary summit on Saturday, it said in a statement on Monday.',
      [['Saturday', '2024-03-09'], ['Monday', '2024-03-04']],
    ],
    [
      'CANBERRA: The Prime Minister will travel to Jakarta next week, his first visit since October 2022.',
      [['next week', '2024-W11'], ['October 2022', '2022-10']],
    ],
    ['DOHA: The Emir received a phone call on Wednesday evening from the President of Egypt.', [['Wednesday', '2024-03-06']]],
    [
      'The ceasefire, agreed in late November, collapsed on 1 December after seven days.',
      [['late November', '2023-11'], ['1 December', '2023-12-01']],
    ],
    ['Elections are set for 2025, five years after the 2020 polls.', [['2025', '2025'], ['2020', '2020']]],
  ])('%s', (sentence, expected) => {
    expect(dates(sentence, doc)).toEqual(expected);
  });
});

describe('what is not a date', () => {
  it.each([
    'Rouhani is in Japan for a two-day visit.',
    'He has lived there for years.',
    'Talks are held every two months.',
    'The meeting lasted approximately 45 minutes.',
    'It marks the 90th anniversary of relations.',
    'At 5:45 p.m. the talks started.',
    'Japan imported 46.51 million barrels.',
    'Tickets cost $25.00 and drew 50,000 readers.',
    'Start a 1-week free trial.',
    'Tehran may place new limits on inspectors.',
    'Theresa May said the UK would leave.',
    'The G7 and the 2+2 dialogue went ahead.',
    'No one knows what will be available in 41 years.',
    'Over the next six months prices rose.',
    'Prices rose 2000 percent while 1500 people protested.',
    'Some 2000 soldiers and 1,500 police were deployed.',
    'The motorcade passed 1600 Pennsylvania Avenue.',
    'Call the embassy on +1 202 555 1987.',
    'The third flight departs each Thursday; markets close every May.',
    'Flights leave on Tuesday nights.',
    'The fund will run out in 1000 days.',
    'USA Today reported it first.',
    'She told the Today programme she would stand.',
    'The Sunday Times reported it first.',
  ])('%s', (sentence) => {
    expect(findDates(sentence, '2024-03-06')).toEqual([]);
  });
});

describe('spans', () => {
  it('never includes a leading preposition and always slices back to the text', () => {
    const text = 'The mill was sold in June 2004, in 1984, since 2019 and on Monday.';
    const found = findDates(text, '2024-03-06');
    expect(found.map((d) => d.text)).toEqual(['June 2004', '1984', '2019', 'Monday']);
    for (const d of found) expect(text.slice(d.start, d.end)).toBe(d.text);
  });

  it('never throws and stays linear on hostile input', () => {
    const hostile = ['', ' '.repeat(200_000), '1'.repeat(100_000), '2019-'.repeat(50_000), 'May '.repeat(50_000), '\u0000\uffff\ud800'];
    for (const text of hostile) {
      const t0 = performance.now();
      expect(() => findDates(text, '2024-03-06')).not.toThrow();
      // Generous for a loaded machine; a quadratic scan would take minutes here.
      expect(performance.now() - t0).toBeLessThan(5000);
    }
  });
});

describe('ISO weeks', () => {
  it.each([
    ['2021-01-01', '2020-W53'],
    ['2021-01-04', '2021-W01'],
    ['2019-12-30', '2020-W01'],
    ['2019-12-20', '2019-W51'],
    ['2024-12-30', '2025-W01'],
    ['2027-01-03', '2026-W53'],
  ])('%s is in %s', (day, week) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    expect(formatWeek({ year: y, month: m, day: d })).toBe(week);
    expect(isoWeek({ year: y, month: m, day: d }).week).toBe(Number(week.slice(6)));
  });
});

describe('properties on random date-like text', () => {
  const tokens = [
    ' ', '\n', ', ', '. ', 'the ', 'on ', 'in ', 'since ', 'last ', 'next ', 'this ', 'early ', 'mid-', 'later ',
    'May', 'March', 'Sept.', 'December', 'Monday', 'friday', 'week', 'month', 'year', 'ago', 'two ', '75 ',
    '2019', '1957-58', '2019-12-20', '12/25/1990', '15', '3rd', 'of ', 'will ', 'said ', 'people', '%',
    'Christmas', 'the weekend', '1990s', '20th century', 'today', '’s', '\u00a0', 'é', '\ud83d\ude00',
  ];
  const articles = fc.array(fc.constantFrom(...tokens), { maxLength: 60 }).map((parts) => parts.join(''));
  const formats: Record<string, RegExp> = {
    day: /^\d{4}-\d{2}-\d{2}$/,
    week: /^\d{4}-W\d{2}$/,
    month: /^\d{4}-\d{2}$/,
    year: /^\d{4}$/,
    decade: /^\d{3}$/,
    century: /^\d{2}$/,
  };

  it('gives ordered, disjoint spans that slice back, with values in their precision format', () => {
    fc.assert(
      fc.property(articles, fc.constantFrom(null, '2024-03-06', '2021-01-01', '2000-02-29'), (text, doc) => {
        let previousEnd = 0;
        for (const d of findDates(text, doc)) {
          expect(text.slice(d.start, d.end)).toBe(d.text);
          expect(d.start).toBeGreaterThanOrEqual(previousEnd);
          expect(d.end).toBeGreaterThan(d.start);
          previousEnd = d.end;
          if (d.value !== null) expect(d.value).toMatch(formats[d.precision ?? 'none'] ?? /^$/);
          if (doc === null && d.relative) expect(d.value).toBeNull();
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('yearless months and days: past cue, forward cue, or the nearest occurrence', () => {
  it('takes the next occurrence after a modal or a word of plan', () => {
    expect(only('The regulator might publish its verdict in late February.', '2025-10-02').value).toBe('2026-02');
    expect(only('Union leaders could call a fresh strike in April.', '2025-11-20').value).toBe('2026-04');
    expect(only('A referendum should follow, probably in June.', '2025-03-14').value).toBe('2025-06');
    expect(only('The expected handover in January is now in doubt.', '2025-08-30').value).toBe('2026-01');
  });

  it('points forward after before, by and until when the sentence has no tense cue', () => {
    expect(only('Farmers want the subsidy before the August harvest.', '2025-05-12').value).toBe('2025-08');
    expect(only('No second tranche by February looks realistic.', '2025-06-03').value).toBe('2026-02');
    expect(only('Analysts said a rate cut before March is improbable.', '2025-10-07').value).toBe('2026-03');
  });

  it('takes the nearer occurrence when nothing in the clause gives a tense', () => {
    // Two months ahead against ten months back.
    expect(only('The Senate race in November: a test for the governor.', '2025-09-15').value).toBe('2025-11');
    // Two months back against ten ahead.
    expect(only('The floods in July: a reckoning for the ministry.', '2025-09-15').value).toBe('2025-07');
    // A tie (six months either way) goes to the past.
    expect(only('The summit in March: a look at the agenda.', '2025-09-15').value).toBe('2025-03');
  });

  it('still reads a month governed by a past verb as the latest one', () => {
    expect(only('In October, the central bank raised its key rate.', '2025-09-15').value).toBe('2024-10');
    expect(only('Ruto flew to Beijing in November for talks.', '2025-09-15').value).toBe('2024-11');
    expect(only('The minister told lawmakers in December that the deficit would shrink.', '2025-09-15').value).toBe('2024-12');
    expect(only('Output grew strongly in early November, the agency said.', '2025-09-15').value).toBe('2024-11');
  });

  it('does not take a plan reported in the past, or what could not happen, for a forward cue', () => {
    expect(only('The truce was due in January but collapsed.', '2025-09-15').value).toBe('2025-01');
    expect(only('The envoy could not attend the summit in June.', '2025-09-15').value).toBe('2025-06');
    expect(only('The referendum went ahead in May despite the boycott.', '2025-09-15').value).toBe('2025-05');
  });

  it("keeps a day of the document's own month in its year whatever the tense", () => {
    expect(only('The envoy is visiting Lagos from March 2.', '2025-03-03').value).toBe('2025-03-02');
    expect(only('Talks collapsed on March 20, officials said.', '2025-03-03').value).toBe('2025-03-20');
    expect(only('The court will rule on 1 March, its clerk said.', '2025-03-03').value).toBe('2025-03-01');
    // Another month still reads the tense: a past March 20 in an April story is this year's, a future one next year's.
    expect(only('The court will rule on 20 March.', '2025-04-03').value).toBe('2026-03-20');
  });

  it('reads a present progressive next to the date as forward, a distant one as no cue', () => {
    expect(only('The cabinet is holding talks in October.', '2025-04-15').value).toBe('2025-10');
    expect(only('The province is recovering from the storms in March.', '2025-04-15').value).toBe('2025-03');
  });

  it('does not take an -ed adjective after a determiner for a past verb', () => {
    expect(only('The postponed runoff in November remains the focus.', '2025-09-15').value).toBe('2025-11');
  });

  it('reads a month after since as behind, even in a future sentence', () => {
    expect(only('The border, shut since October, will reopen soon.', '2025-09-15').value).toBe('2024-10');
  });

  it('keeps a day of the document month in the document year in a present-tense range', () => {
    expect(dates('The delegation, which is touring Kenya from June 9 to June 12, meets Ruto today.', '2025-06-10')).toEqual([
      ['June 9', '2025-06-09'],
      ['June 12', '2025-06-12'],
      ['today', '2025-06-10'],
    ]);
  });

  it('never lets the start of a day range fall after its end', () => {
    expect(dates('The fair is running from 28 May until 3 June in Lagos.', '2025-06-01')).toEqual([
      ['28 May', '2025-05-28'],
      ['3 June', '2025-06-03'],
    ]);
  });
});

describe('numeric day-first dates with a time', () => {
  it('reads dashed dates day-first and keeps a contiguous time in the span', () => {
    expect(dates('Polls closed at 27-04-2025 18:00 across the country.', null)).toEqual([['27-04-2025 18:00', '2025-04-27']]);
    expect(dates('The hearing on 03-04-2025 was adjourned.', null)).toEqual([['03-04-2025', '2025-04-03']]);
    expect(dates('Filed 05.06.2025 11:45 by the clerk.', null)).toEqual([['05.06.2025 11:45', '2025-06-05']]);
  });

  it('reads slashed dates month-first unless a part above 12 says otherwise', () => {
    expect(dates('Signed on 04/07/2025.', null)).toEqual([['04/07/2025', '2025-04-07']]);
    expect(dates('Signed on 10/31/2025.', null)).toEqual([['10/31/2025', '2025-10-31']]);
    expect(dates('Signed on 31/10/2025.', null)).toEqual([['31/10/2025', '2025-10-31']]);
  });
});

describe('decades ago', () => {
  it('counts decades back in years', () => {
    expect(only('The dam was built a decade ago.', '2025-03-01')).toMatchObject({ text: 'a decade ago', value: '2015', precision: 'year' });
    expect(only('The reform began three decades ago.', '2025-03-01')).toMatchObject({ value: '1995', precision: 'year' });
  });

  it('keeps a named decade at decade precision', () => {
    expect(only('Inflation was high in the 1970s.', '2025-03-01')).toMatchObject({ value: '197', precision: 'decade' });
  });
});

describe('calendar words in every spelling the scanners accept', () => {
  // The trigger scan and the month and weekday look-ups read words as written (capitalised,
  // all-capital, lower-case weekdays); these pin what each spelling yields.
  it.each([
    ['Shares fell on MARCH 3, 2024, traders said.', [['MARCH 3, 2024', '2024-03-03']]],
    ['Voting closes on WEDNESDAY, 4 DECEMBER 2024.', [['WEDNESDAY, 4 DECEMBER 2024', '2024-12-04']]],
    ['Talks resume SEPT. 3 in Nairobi, the ministry said.', [['SEPT. 3', '2023-09-03']]],
    ['sorry, we can only meet on monday', [['monday', '2024-06-10']]],
    // "MAYOR" holds the trigger "MAY" but no date; "Marches", "Mayday", "Mayfair" hold none.
    ['The MAYOR of Lagos spoke on Tuesday.', [['Tuesday', '2024-06-11']]],
    ['The Marches and the Mayday parade drew crowds in Mayfair.', []],
    // Four-digit runs inside longer numbers or glued to words are no years.
    ['Prices rose 12345678 times in the 2019May report.', []],
    // Day-month, month-day and month ranges in every shape the window tests let through.
    ['The hearing ran from 18 to 22 MARCH, the court said.', [['18', '2024-03-18'], ['22 MARCH', '2024-03-22']]],
    ['It opened on the 3rd of March and closed Sept. 5.', [['3rd of March', '2024-03-03'], ['Sept. 5', '2023-09-05']]],
    ['The Oslo 2 Accord and the Jan.5 memo.', [['Jan.5', '2024-01-05']]],
    ['Fighting resumed on 9 January. Talks followed.', [['9 January', '2024-01-09']]],
    [
      'Prices rose between March and May, and again April–June 2023.',
      [['March', '2024-03'], ['May', '2024-05'], ['April', '2023-04'], ['June 2023', '2023-06']],
    ],
    // Other spaces between day and month; units read through the trigger bits of their windows.
    ['Talks open on 15\u00a0March and close March\u20095.', [['15\u00a0March', '2024-03-15'], ['March\u20095', '2024-03-05']]],
    ['A 21st-century problem, the minister said at the end of the year.', [['21st-century', '20'], ['the end of the year', '2023']]],
    [
      'Later in the week the rebels returned; the same day the 1990s law lapsed.',
      [['the week', '2024-W24'], ['the same day', null], ['1990s', '199']],
    ],
    [
      'Over the weekend, officials met from March–April and 2019-12-20.',
      [['the weekend', '2024-W23'], ['March', '2024-03'], ['April', '2024-04'], ['2019-12-20', '2019-12-20']],
    ],
    // A capitalised word before or after a number is no month.
    ['Sector 7 of Block 12 reopened in Mayfair last June.', [['last June', '2023-06']]],
  ])('%s', (text, expected) => {
    expect(dates(text, '2024-06-12')).toEqual(expected);
  });
});

describe('bounded tense reading on text made of dates', () => {
  // One tense reading per 40 characters (plus 200) at most: past that, a weekday takes the
  // reading without a cue. Values read lazily (only for the dates kept) must keep this bound.
  it('reads the tense of the first dates only, in text order', () => {
    const sentence = 'The minister will arrive on Monday. ';
    const text = sentence.repeat(3000);
    const found = findDates(text, '2024-06-12');
    expect(found).toHaveLength(3000);
    const budget = 200 + Math.floor(text.length / 40);
    expect(found.slice(0, budget).every((d) => d.value === '2024-06-17')).toBe(true);
    expect(found.slice(budget).every((d) => d.value === '2024-06-10')).toBe(true);
  });

  it('reads a month inside a longer date only through the longer date', () => {
    // "March" alone and "March 5" overlap; the kept span is the longer one, with its own reading.
    expect(dates('Talks will resume on March 5 and end in March.', '2024-06-12')).toEqual([
      ['March 5', '2025-03-05'],
      ['March', '2025-03'],
    ]);
  });
});
