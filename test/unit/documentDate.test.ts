import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDocumentDate, isIsoDay } from '../../src/analysis/documentDate';

const seed = (name: string): string => readFileSync(join(__dirname, '..', '..', 'seeds', name), 'utf8');

describe('findDocumentDate on the seeds', () => {
  it.each([
    ['000_fba3dbbe9291c0be.txt', null],
    ['001_e54193130fdaf13e.txt', '2023-12-15'],
    ['002_4ce888873c09ab99.txt', null],
    ['003_51685c235f0e8719.txt', '2019-12-20'],
    ['004_04140026fd49e5bf.txt', '2023-05-19'],
  ])('%s → %s', (name, value) => {
    expect(findDocumentDate(seed(name))?.value ?? null).toBe(value);
  });

  it('reports where it read the date', () => {
    const text = seed('001_e54193130fdaf13e.txt');
    const found = findDocumentDate(text)!;
    expect(found.origin).toBe('text');
    expect(found.span!.text).toBe('15 December 2023');
    expect(text.slice(found.span!.start, found.span!.end)).toBe('15 December 2023');
  });
});

describe('findDocumentDate in other layouts', () => {
  it.each([
    ['a Published line', 'Kenya and Japan sign pact\nPublished: March 5, 2024\nThe two sides met on Monday.', '2024-03-05'],
    ['a Posted on line', 'Posted on 5 March 2024 by admin\nThe minister said...', '2024-03-05'],
    ['a wire dateline', 'TOKYO, March 5, 2024 — Japan said on Monday it would...', '2024-03-05'],
    ['a dateline with a country and agency', 'NAIROBI, Kenya, 5 March 2024 (Xinhua) -- Kenya said...', '2024-03-05'],
    ['a heading line with weekday and time', 'Monday, 4 March 2024 10:30 GMT\n\nThe envoy arrived...', '2024-03-04'],
    ['an ISO timestamp line', '2024-03-05T10:00:00Z\nText follows.', '2024-03-05'],
    ['a place and weekday heading', 'Sydney, Tuesday 5 March 2024\nThe PM said...', '2024-03-05'],
    ['an agency dateline line', 'PARIS (AFP) – March 5, 2024\nText follows.', '2024-03-05'],
    ['an Indian-style update stamp', 'Modi meets Kishida\nThe Times | Updated: Mar 5, 2024, 10:12 IST\nNEW DELHI: Text', '2024-03-05'],
    ['a date then a byline', 'Title\nDecember 20, 2019 | John Smith\nText', '2019-12-20'],
    ['a byline then a date', 'Title\nJohn Smith | December 20, 2019\nText', '2019-12-20'],
    ['a Guardian-style stamp', 'Title\nFirst published on Fri 20 Dec 2019 09.15 GMT\nText', '2019-12-20'],
    ['a web page head with menus and an update stamp', 'Skip to content\nMenu\nWorld | Politics\nHeadline\nBy Jane Doe\nPublished 5 March 2024, 10:00 GMT\nUpdated 6 hours ago\nText', '2024-03-05'],
    ['a wire-service source line', 'Source: Xinhua| 2024-03-05 10:15:32|Editor: Liu\nText', '2024-03-05'],
    ['an agency line with time and sections', 'KYODO NEWS - Mar 5, 2024 - 18:32 | World, All\nText', '2024-03-05'],
    ['a slash-separated desk line', 'News Desk / EXAMPLE.COM / Updated: Mar 5, 2024, 10:12 IST\nText', '2024-03-05'],
    ['a heading glued to an update note', 'Title\nMarch 5, 2024 10:15 AM GMTUpdated 2 hours ago\nText', '2024-03-05'],
    ['a date header', 'date 2013-03-22\n\nThe harvest is winding down.', '2013-03-22'],
  ])('%s', (_layout, text, value) => {
    expect(findDocumentDate(text)?.value).toBe(value);
  });

  it('prefers the publication date to an update stamp', () => {
    const text = 'Headline\nUpdated 12:30 PM EST, Tue March 5, 2024\nPublished 4 March 2024\nBody.';
    expect(findDocumentDate(text)?.value).toBe('2024-03-04');
  });

  it('does not guess from a date in the body', () => {
    expect(findDocumentDate('Story\n\nThe treaty of 12 May 1998 was signed in Rome.\nIt said...')).toBeNull();
    expect(findDocumentDate('Text\n\nOn 5 March 2024, the minister said the talks had ended.')).toBeNull();
    expect(findDocumentDate('The minister said on 5 March 2024 (local time) that talks ended.')).toBeNull();
  });

  it('returns null without a full date (relative dates and yearless datelines do not count)', () => {
    expect(findDocumentDate('Some text without dates. Last year it rose; on Monday it fell.')).toBeNull();
    expect(findDocumentDate('TOKYO, Dec. 20 (Reuters) - Japan said...')).toBeNull();
    expect(findDocumentDate('')).toBeNull();
  });

  it('reads the BBC stories, which carry no date, as undated', () => {
    const dir = join(__dirname, '..', '..', '..', 'shared', 'eval', 'bbc');
    let text: string;
    try {
      text = readFileSync(join(dir, 'bbc_straw_china_arms_talks.txt'), 'utf8');
    } catch {
      return; // the shared eval material is not part of the repository
    }
    expect(findDocumentDate(text)).toBeNull();
  });
});

describe('isIsoDay', () => {
  it('accepts real days only, leap years included', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2000-02-29')).toBe(true);
    expect(isIsoDay('1900-02-29')).toBe(false);
    expect(isIsoDay('2023-02-29')).toBe(false);
    expect(isIsoDay('2023-13-01')).toBe(false);
    expect(isIsoDay('2023-1-01')).toBe(false);
  });
});

describe('numeric day-first header dates', () => {
  it('takes a dashed day-first date with a time in a section header line', () => {
    expect(findDocumentDate('WORLD | 21-03-2025 07:40\nStrikes spread across the region\nBody.')?.value).toBe('2025-03-21');
  });

  it('reads a dashed or dotted header day-first when both parts could be months', () => {
    expect(findDocumentDate('Headline\n04-05-2025\nBody text.')?.value).toBe('2025-05-04');
    expect(findDocumentDate('Headline\n04.05.2025 - 09:30\nBody text.')?.value).toBe('2025-05-04');
  });

  it('takes an Updated label with a numeric date', () => {
    expect(findDocumentDate('Headline\nUpdated 22-02-2025\nBody text.')?.value).toBe('2025-02-22');
  });

  it('reads a slashed US-style header month-first', () => {
    expect(findDocumentDate('Headline\n09/25/2025\nBody text.')?.value).toBe('2025-09-25');
    expect(findDocumentDate('Headline\n03/04/2025\nBody text.')?.value).toBe('2025-03-04');
  });
});

describe('findDocumentDate skips lines without a full date', () => {
  it('reads past a first line with a year and a month name but no day', () => {
    const text = 'In July 2005, the deal was signed in Vienna.\nPublished: 5 March 2024\nThe two sides met on Monday.';
    expect(findDocumentDate(text)?.value).toBe('2024-03-05');
  });

  it('finds no date where the head names months and years only', () => {
    expect(findDocumentDate('Talks held since March 2019 resumed in May 2024.\nThey end in June.')).toBeNull();
  });
});

describe('the lines read for the date', () => {
  it('finds a labelled date below lines without a year and lines with several years but no full date', () => {
    const text = 'Home | World | Business\nBy Amara Okafor\nThe 2019 plan, the 2020 budget and 2021\nPosted: 14 March 2024, 09:30\nThe council met.';
    const found = findDocumentDate(text)!;
    expect(found.value).toBe('2024-03-14');
    expect(text.slice(found.span!.start, found.span!.end)).toBe('14 March 2024');
  });

  it('reads the first line and the last line of the head', () => {
    expect(findDocumentDate('2022-07-01\nKyiv residents queue for water.')?.value).toBe('2022-07-01');
    expect(findDocumentDate(`${'No date here at all.\n'.repeat(20)}Updated: 3 June 2021`)?.value).toBe('2021-06-03');
  });
});

describe('datelines and bylines read past lines of body text', () => {
  const body = 'The minister said on 2 March 2024 that talks would resume.\nOfficials met in Lagos on Friday, 15 March 2024.\n';
  it.each([
    ['PARIS (AFP) – 15 December 2023 – The talks resumed.', '2023-12-15'],
    ['Aix-en-Provence, France: Friday 9 February 2024 – Farmers marched.', '2024-02-09'],
    ['SÃO PAULO, Brazil, 3rd of March 2024 – Markets fell.', '2024-03-03'],
    ['By Lena Vogel | Tue. March 5, 2024 | 4 min read', '2024-03-05'],
    ['posted on 7 April 2024 at 10:15', '2024-04-07'],
    ['24/04/2024', '2024-04-24'],
  ])('%s', (line, value) => {
    expect(findDocumentDate(`${body}${line}\n${body}`)?.value).toBe(value);
  });

  it('takes no date from a line of body text', () => {
    expect(findDocumentDate(body)).toBeNull();
    expect(findDocumentDate('Lagos, where the minister spoke on 2 March 2024, was calm.\n')).toBeNull();
  });
});
