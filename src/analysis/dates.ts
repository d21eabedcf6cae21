// The date recognizer: a handful of linear regex scans over the text (each anchored on a calendar
// word, a weekday, a month name or a number), context checks on the words around each candidate,
// then values resolved with plain UTC calendar arithmetic against the document date.
import {
  addDays,
  addMonths,
  type Day,
  formatDay,
  formatMonth,
  formatWeek,
  formatYear,
  isoWeekday,
  isValidDay,
  pad,
  toEpochDay,
  parseIsoDay,
} from './dates/calendar';
import {
  BARE_MONTH_LEFT_CONTEXT,
  MONTH_ABBREVIATIONS,
  MONTH_FULL_NAMES,
  MONTHS,
  NUMBER_WORDS,
  QUANTITY_LEFT_CONTEXT,
  QUANTITY_RIGHT_CONTEXT,
  WEEKDAY_NAMES,
  WEEKDAYS,
  YEAR_LEFT_CONTEXT,
} from './dates/lexicon';
import { pointsForward, sentenceTense } from './dates/tense';
import type { DateMention, DatePrecision } from './types';

/**
 * Whether present-reference words ("now", "currently") count as dates. GUIDELINES.md asks for
 * expressions that point at a calendar day, week, month or year; "now" points at none, so off.
 */
const INCLUDE_PRESENT_REFERENCE = false;

// ---------------------------------------------------------------------------------------------
// Patterns (compiled once).

/** `[Ee]arly`: matches a word capitalised at a sentence start as well. */
const anyCase = (word: string): string => `[${word[0]!.toUpperCase()}${word[0]!.toLowerCase()}]${word.slice(1)}`;

/** A month name, or an abbreviation with its optional dot (`Sept.`): full names are tried first. */
const MONTH_BASE =
  `(?:${[...MONTH_FULL_NAMES, ...MONTH_FULL_NAMES.map((m) => m.toUpperCase())].join('|')}|` +
  `(?:${[...MONTH_ABBREVIATIONS, ...MONTH_ABBREVIATIONS.map((m) => m.toUpperCase())].join('|')})\\.?)`;
const WEEKDAY = [...WEEKDAY_NAMES, ...WEEKDAY_NAMES.map((w) => w.toUpperCase())].join('|');
/** Lower-case weekdays occur in informal writing (e-mails, posts); they need a preposition before them. */
const WEEKDAY_LOWER = WEEKDAY_NAMES.map((w) => w.toLowerCase()).join('|');
const LOWER_WEEKDAY_LEFT: ReadonlySet<string> = new Set([
  'on', 'in', 'next', 'last', 'this', 'coming', 'by', 'until', 'till', 'since', 'from', 'before', 'after',
  'early', 'late', 'later', 'earlier', 'past',
]);
const WEEKDAY_ABBREVIATION = 'Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun';
const WEEKDAY_PREFIX = `(?:(?<wd>${WEEKDAY}|${WEEKDAY_ABBREVIATION})\\.?,?[ \\t]+(?:the[ \\t]+)?)?`;
const YEAR_TAIL = `(?:,?\\s*(?<year>\\d{4})(?![\\w%]|[.,]\\d))?`;
const PART_OF = `(?:${anyCase('the')}\\s+)?(?:end|beginning|start|middle)\\s+of`;

/** `May 19, 2023`, `Aug. 24`, `Monday, Sept. 3rd`. */
const MONTH_DAY_RE = new RegExp(
  `(?<![\\w-])${WEEKDAY_PREFIX}(?<month>${MONTH_BASE})\\s*(?<day>\\d{1,2})(?:st|nd|rd|th)?(?![\\w:]|[.,]\\d)${YEAR_TAIL}`,
  'g',
);
/** `15 December 2023`, `3rd of March`, `Friday 9 January`. */
const DAY_MONTH_RE = new RegExp(
  `(?<![\\w.,/:-])${WEEKDAY_PREFIX}(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<month>${MONTH_BASE})(?![\\w])${YEAR_TAIL}`,
  'g',
);
/** `May 2010`, `early December`, `mid-March`, `late last July`, `May this year`, bare `June`. */
const MONTH_RE = new RegExp(
  `(?<![\\w-])(?:(?<mod>${anyCase('early')}|${anyCase('late')}|${anyCase('mid')}|${PART_OF})[\\s-]+)?` +
    `(?:(?<det>${anyCase('last')}|${anyCase('next')}|${anyCase('this')}|${anyCase('coming')}|${anyCase('past')})\\s+)?` +
    `(?<month>${MONTH_BASE})(?![\\w])` +
    `(?:,?\\s+(?:of\\s+)?(?<year>\\d{4})(?![\\w%]|[.,]\\d)|\\s+(?<rel>this|last|next)\\s+year(?![\\w-]))?`,
  'g',
);
/** `2019-12-20`, `2019/12/20`, `12/20/2019`, `20.12.2019`. */
const NUMERIC_DATE_RE =
  /(?<![\w.\/:-])(?:(?<y>\d{4})(?<s1>[-\/.])(?<m>\d{1,2})\k<s1>(?<d>\d{1,2})|(?<a>\d{1,2})(?<s2>[\/.])(?<b>\d{1,2})\k<s2>(?<y2>\d{4}))(?!(?!T\d)[\w\/]|[.:-]\d)/g;
/** `Monday`, `later on Monday`, `last Friday`, `next Tuesday`. */
const WEEKDAY_RE = new RegExp(
  `(?<![\\w-])(?:(?<mod>(?:${anyCase('later')}|${anyCase('earlier')}|${anyCase('late')}|${anyCase('early')})(?:\\s+on)?|` +
    `(?<det>${anyCase('this')}\\s+past|${anyCase('last')}|${anyCase('next')}|${anyCase('this')}|${anyCase('coming')}|${anyCase('past')}))\\s+)?` +
    `(?<wd>${WEEKDAY}|${WEEKDAY_LOWER})(?![\\w])(?:,?\\s+(?<week>last|next|this)\\s+week(?![\\w-]))?`,
  'g',
);
/** `this week`, `last year`, `earlier this week`, `early next month`, `the last week`, `this fiscal year`. */
const RELATIVE_RE = new RegExp(
  `(?<![\\w-])(?:(?<mod>${anyCase('earlier')}|${anyCase('later')}|${anyCase('early')}|${anyCase('late')}|${anyCase('mid')}|${PART_OF})[\\s-]+)?` +
    `(?<det>${anyCase('this')}|${anyCase('last')}|${anyCase('next')}|${anyCase('past')}|${anyCase('coming')}|${anyCase('previous')}|${anyCase('current')}|` +
    `${anyCase('this')}\\s+past|${anyCase('the')}\\s+(?:last|past|previous|coming|next|current))` +
    `\\s+(?:(?:fiscal|financial|calendar)\\s+)?(?<unit>week|weekend|month|year|decade|century)(?![\\w-])`,
  'g',
);
/** `the end of the year`, `the end of year`, `the beginning of the month`. */
const PART_OF_RE = new RegExp(
  `(?<![\\w-])(?<part>${PART_OF})\\s+(?:the\\s+)?(?<unit>year|month|week)(?![\\w-])`,
  'g',
);
const DEICTIC_RE = /(?<![\w-])(?<word>[Tt]oday|[Yy]esterday|[Tt]omorrow|TODAY)(?![\w-])/g;
const NUMBER_WORD = [...NUMBER_WORDS.keys()].filter((w) => w !== 'hundred').map(anyCase).join('|');
/** `75 years ago`, `four years ago`, `a week ago`, `twenty-five years ago`. */
const AGO_RE = new RegExp(
  `(?<![\\w-])(?<n>\\d{1,4}|${NUMBER_WORD}|${anyCase('a')}\\s+few|${anyCase('several')}|${anyCase('many')}|${anyCase('a')}\\s+couple\\s+of)` +
    `(?:[\\s-]+(?<n2>one|two|three|four|five|six|seven|eight|nine))?` +
    `\\s+(?<unit>years?|months?|weeks?|days?|decades?|centuries|century)\\s+ago(?![\\w])`,
  'g',
);
/** Four-digit years with optional modifier and range: `2018`, `early 2011`, `2009-2010`, `1957-58`. */
const YEAR_RE = new RegExp(
  `(?:(?<mod>${anyCase('early')}|${anyCase('late')}|${anyCase('mid')}|${PART_OF}|${anyCase('fiscal')}|(?:${anyCase('end')}|${anyCase('start')})(?=-))[\\s-]+)?` +
    `(?<![\\w$£€¥#.,:/+]|\\d[-–—/]|\\d\\s[-–—]\\s?)(?<y>1\\d{3}|20\\d{2})(?![\\w%]|[.,:]\\d)` +
    `(?:\\s?[-–—]\\s?(?<y2>\\d{4}|\\d{2})(?![\\w%]|[.,:]\\d|[-–—/]\\d))?`,
  'g',
);
/** `the 1990s`, `the early 2000s`. */
const DECADE_RE = new RegExp(
  `(?<![\\w'’-])(?:(?<mod>${anyCase('early')}|${anyCase('late')}|${anyCase('mid')})[\\s-]+)?(?<c>1\\d|20)(?<d>\\d)0s(?![\\w])`,
  'g',
);
/** `the 20th century`, `21st-century`. */
const CENTURY_RE = /(?<![\w-])(?<n>\d{1,2})(?:st|nd|rd|th)[\s-]+[Cc]entury(?![\w])/g;
/** `last summer`, `the summer of 2012`: no ISO value at our precisions, so the value stays null. */
const SEASON_RE = new RegExp(
  `(?<![\\w-])(?:(?<det>${anyCase('this')}|${anyCase('last')}|${anyCase('next')}|${anyCase('past')}|${anyCase('coming')}|${anyCase('early')}|${anyCase('late')})\\s+)?` +
    `(?<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter)(?:\\s+(?:of\\s+)?(?<year>\\d{4})(?![\\w]))?(?![\\w])`,
  'g',
);
/**
 * Days, weeks, months and years named through another event ("the day before", "that year",
 * "the following week"): calendar points, but the document date cannot resolve them.
 */
const ANAPHORIC_RE = new RegExp(
  `(?<![\\w-])(?:${anyCase('the')}\\s+(?:same|following|previous|preceding)\\s+(?:day|week|month|year)|${anyCase('that')}\\s+(?:day|week|month|year)|` +
    `${anyCase('the')}\\s+(?:day|week|month|year)(?=\\s+(?:before|after|earlier|prior)\\b))(?![\\w-])`,
  'g',
);
/** `over the weekend`: the span is `the weekend`, resolved like a weekday by tense. */
const WEEKEND_RE = /(?<![\w-])(?:[Oo]ver|[Dd]uring|[Aa]t|[Oo]n|[Bb]y|[Uu]ntil|[Tt]hrough|[Bb]efore|[Aa]fter)\s+(?<span>the\s+weekend)(?![\w-])/g;
/** `during the year`, `later in the week`: the current calendar unit of the story. */
const CURRENT_UNIT_RE =
  /(?<![\w-])(?:[Dd]uring|[Tt]hroughout|(?:[Ll]ater|[Ee]arlier|[Ll]ate|[Ee]arly)\s+in)\s+(?<span>the\s+(?<unit>year|month|week))(?![\w-]|\s*\d)/g;
/** Fixed-date holidays observed across the English-speaking press. */
const HOLIDAYS: ReadonlyMap<string, [number, number]> = new Map([
  ['christmas', [12, 25]],
  ['christmas day', [12, 25]],
  ['christmas eve', [12, 24]],
  ['boxing day', [12, 26]],
  ["new year's day", [1, 1]],
  ["new year's eve", [12, 31]],
  ["valentine's day", [2, 14]],
  ['halloween', [10, 31]],
]);
const HOLIDAY_RE = /(?<![\w-])(?:Christmas(?:\s+(?:Day|Eve))?|Boxing\s+Day|New\s+Year['’]s\s+(?:Day|Eve)|Valentine['’]s\s+Day|Halloween)(?![\w-])/g;
const PRESENT_RE = /(?<![\w-])(?:[Nn]ow|[Cc]urrently)(?![\w-])/g;

// ---------------------------------------------------------------------------------------------

interface Candidate {
  start: number;
  end: number;
  value: string | null;
  precision: DatePrecision | null;
  relative: boolean;
}

type Direction = 'past' | 'future';

class Recognizer {
  readonly found: Candidate[] = [];

  constructor(
    readonly text: string,
    readonly doc: Day | null,
  ) {}

  add(start: number, end: number, value: string | null, precision: DatePrecision | null, relative: boolean): void {
    if (end > start) this.found.push({ start, end, value, precision, relative });
  }

  /** Past or future reading of the sentence around a span. */
  direction(start: number, end: number): Direction {
    return pointsForward(this.text, start, end) ? 'future' : 'past';
  }

  /** Tense of the sentence around a span; null when it has no cue. */
  tense(start: number, end: number): Direction | null {
    return sentenceTense(this.text, start, end);
  }

  /**
   * A day of a month without a year: the latest one on or before the document date in a past
   * sentence, the next one on or after it in a future sentence, the nearer one without a cue
   * ("from April 13 to April 17" in an April 2 story).
   */
  monthDay(month: number, day: number, year: number | null, start: number, end: number): { value: string | null; relative: boolean } {
    if (year !== null) return { value: isValidDay(year, month, day) ? formatDay({ year, month, day }) : null, relative: false };
    const doc = this.doc;
    if (!doc) return { value: null, relative: true };
    const onOrBefore = month < doc.month || (month === doc.month && day <= doc.day);
    const onOrAfter = month > doc.month || (month === doc.month && day >= doc.day);
    const pastYear = onOrBefore ? doc.year : doc.year - 1;
    const futureYear = onOrAfter ? doc.year : doc.year + 1;
    let y: number;
    const tense = this.tense(start, end);
    if (tense === 'future') y = futureYear;
    else if (tense === 'past') y = pastYear;
    else {
      const docDay = toEpochDay(doc);
      const pastGap = docDay - toEpochDay({ year: pastYear, month, day: Math.min(day, 28) });
      const futureGap = toEpochDay({ year: futureYear, month, day: Math.min(day, 28) }) - docDay;
      y = futureGap < pastGap ? futureYear : pastYear;
    }
    return { value: isValidDay(y, month, day) ? formatDay({ year: y, month, day }) : null, relative: true };
  }
}

export function findDates(text: string, documentDate: string | null): DateMention[] {
  if (!text) return [];
  const doc = documentDate ? parseIsoDay(documentDate) : null;
  const r = new Recognizer(text, doc);
  try {
    scanNumericDates(r);
    scanMonthDay(r, MONTH_DAY_RE);
    scanMonthDay(r, DAY_MONTH_RE);
    scanMonths(r);
    scanWeekdays(r);
    scanRelative(r);
    scanPartOf(r);
    scanDeictic(r);
    scanAgo(r);
    scanYears(r);
    scanDecadesAndCenturies(r);
    scanSeasons(r);
    scanAnaphoric(r);
    scanWeekends(r);
    scanCurrentUnits(r);
    scanHolidays(r);
    if (INCLUDE_PRESENT_REFERENCE) scanPresent(r);
  } catch {
    // A recognizer bug must never take the whole analysis down: keep what was found.
  }
  return selectLongest(r.found).map((c) => ({
    start: c.start,
    end: c.end,
    text: text.slice(c.start, c.end),
    value: c.value,
    precision: c.precision,
    relative: c.relative,
  }));
}

/** Overlapping candidates: the longest wins (the fullest reading of the expression). */
function selectLongest(found: Candidate[]): Candidate[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of found) {
    const last = kept[kept.length - 1];
    if (last && c.start < last.end) {
      if (c.end - c.start > last.end - last.start) kept[kept.length - 1] = c;
      continue;
    }
    kept.push(c);
  }
  return kept;
}

// ---------------------------------------------------------------------------------------------
// Context helpers.

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The word just before `index` (lower-cased), skipping spaces only; '' at punctuation. */
function previousWord(text: string, index: number): string {
  let i = index - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\u00a0')) i--;
  const end = i + 1;
  while (i >= 0 && i > end - 30 && WORD_CHAR.test(text[i]!)) i--;
  return text.slice(i + 1, end).toLowerCase();
}

/** The word just after `index` (lower-cased), skipping spaces only; '' at punctuation. */
function nextWord(text: string, index: number): string {
  let i = index;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\u00a0')) i++;
  const start = i;
  while (i < text.length && i < start + 30 && WORD_CHAR.test(text[i]!)) i++;
  return text.slice(start, i).toLowerCase();
}

const FULL_MONTH_NAMES: ReadonlySet<string> = new Set(MONTH_FULL_NAMES.map((m) => m.toLowerCase()));

function monthNumber(name: string): number {
  return MONTHS.get(name.toLowerCase().replace(/\.$/, '')) ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Scanners.

function scanNumericDates(r: Recognizer): void {
  const matches = [...r.text.matchAll(NUMERIC_DATE_RE)];
  // One order per document: a first number above 12 anywhere shows the writer puts the day first.
  let documentDayFirst = false;
  let documentMonthFirst = false;
  for (const m of matches) {
    const g = m.groups!;
    if (!g.a || g.s2 !== '/') continue;
    if (+g.a > 12) documentDayFirst = true;
    else if (+g.b! > 12) documentMonthFirst = true;
  }
  const slashDayFirst = documentDayFirst && !documentMonthFirst;
  for (const m of matches) {
    const g = m.groups!;
    let year: number, month: number, day: number;
    if (g.y) {
      year = +g.y;
      month = +g.m!;
      day = +g.d!;
    } else {
      year = +g.y2!;
      const a = +g.a!;
      const b = +g.b!;
      // Day-first when the first number cannot be a month or the document writes days first;
      // otherwise the US month-first order, except with dots (`20.12.2019`), day-first wherever used.
      const dayFirst = a > 12 || g.s2 === '.' || (slashDayFirst && b <= 12);
      month = dayFirst ? b : a;
      day = dayFirst ? a : b;
    }
    if (year < 1000 || year > 2199 || !isValidDay(year, month, day)) continue;
    r.add(m.index, m.index + m[0].length, formatDay({ year, month, day }), 'day', false);
  }
}

function scanMonthDay(r: Recognizer, re: RegExp): void {
  for (const m of r.text.matchAll(re)) {
    const g = m.groups!;
    const month = monthNumber(g.month!);
    const day = +g.day!;
    if (!month || day < 1 || day > 31) continue;
    const start = m.index;
    const end = start + m[0].length;
    const year = g.year ? +g.year : null;
    if (year !== null && (year < 1000 || year > 2199)) continue;
    const { value, relative } = r.monthDay(month, day, year, start, end);
    if (year !== null && value === null) continue;
    r.add(start, end, value, 'day', relative);
  }
}

function scanMonths(r: Recognizer): void {
  const text = r.text;
  for (const m of text.matchAll(MONTH_RE)) {
    const g = m.groups!;
    const month = monthNumber(g.month!);
    if (!month) continue;
    const start = m.index;
    const end = start + m[0].length;
    // A day number right before the month belongs to a day-month date (rejected if impossible).
    if (!g.mod && !g.det && /\d(?:st|nd|rd|th)?\s+(?:of\s+)?$/.test(text.slice(Math.max(0, start - 12), start))) continue;
    const isFullName = FULL_MONTH_NAMES.has(g.month!.toLowerCase());
    const bare = !g.mod && !g.det && !g.year && !g.rel;
    if (!g.det && RECURRENCE_LEFT.has(previousWord(text, start))) continue;
    if (bare) {
      if (!isFullName) continue;
      const before = previousWord(text, start);
      if (!BARE_MONTH_LEFT_CONTEXT.has(before)) continue;
      // "in May be" / "May I" do not occur with dates; a following capitalised name ("June Smith") does.
      const after = text.slice(end, end + 2);
      if (/^ [A-Z]/.test(after) && !/^ (?:I|The|A)\b/.test(text.slice(end, end + 5))) {
        if (!/^ [A-Z][a-z]+,/.test(text.slice(end, end + 20)) && before !== 'in' && before !== 'since') continue;
      }
    } else if (!isFullName && !g.year && !g.det) {
      continue;
    }
    if (g.year) {
      const year = +g.year;
      if (year < 1000 || year > 2199) continue;
      r.add(start, end, formatMonth(year, month), 'month', false);
      continue;
    }
    const doc = r.doc;
    if (!doc) {
      r.add(start, end, null, 'month', true);
      continue;
    }
    let year: number;
    const det = g.det?.toLowerCase();
    if (g.rel) year = doc.year + (g.rel === 'last' ? -1 : g.rel === 'next' ? 1 : 0);
    else if (det === 'this') year = doc.year;
    else if (det === 'last' || det === 'past') year = month < doc.month ? doc.year : doc.year - 1;
    else if (det === 'next' || det === 'coming') year = month > doc.month ? doc.year : doc.year + 1;
    else if (r.direction(start, end) === 'future') year = month >= doc.month ? doc.year : doc.year + 1;
    else year = month <= doc.month ? doc.year : doc.year - 1;
    r.add(start, end, formatMonth(year, month), 'month', true);
  }
}

function scanWeekdays(r: Recognizer): void {
  for (const m of r.text.matchAll(WEEKDAY_RE)) {
    const g = m.groups!;
    const weekday = WEEKDAYS.get(g.wd!.toLowerCase());
    if (weekday === undefined) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (/^[a-z]/.test(g.wd!) && !LOWER_WEEKDAY_LEFT.has(previousWord(r.text, r.text.indexOf(g.wd!, start)))) continue;
    // "each Thursday", "every Monday", "Tuesday nights": a recurring day (a set), not a date.
    if (!g.det && RECURRENCE_LEFT.has(previousWord(r.text, start))) continue;
    if (/^\s+(?:nights|mornings|afternoons|evenings)\b/.test(r.text.slice(end, end + 14))) continue;
    // "the Sunday Times", "The Monday Club": a weekday inside a capitalised name.
    if (!g.mod && !g.det && previousWord(r.text, start) === 'the' && /^ [A-Z][a-z]/.test(r.text.slice(end, end + 3))) continue;
    const doc = r.doc;
    if (!doc) {
      r.add(start, end, null, 'day', true);
      continue;
    }
    const today = isoWeekday(doc);
    const back = (today - weekday + 7) % 7; // days back to the most recent such day, 0 = today
    const ahead = (weekday - today + 7) % 7;
    const det = g.det?.toLowerCase().replace(/\s+/, ' ');
    let offset: number;
    // "Monday last week": that weekday of the named week.
    if (g.week) offset = weekday - today + (g.week === 'last' ? -7 : g.week === 'next' ? 7 : 0);
    else if (det === 'last' || det === 'past' || det === 'this past') offset = -(back || 7);
    else if (det === 'next') offset = ahead || 7;
    else if (det === 'this' || det === 'coming') offset = ahead;
    else offset = r.direction(start, end) === 'future' ? ahead : -back;
    r.add(start, end, formatDay(addDays(doc, offset)), 'day', true);
  }
}

const RECURRENCE_LEFT: ReadonlySet<string> = new Set(['each', 'every', 'alternate']);

const DURATION_LEFT = new Set(['for', 'over', 'during', 'throughout', 'within', 'through', 'of', 'all', 'entire', 'whole']);

function scanRelative(r: Recognizer): void {
  const text = r.text;
  for (const m of text.matchAll(RELATIVE_RE)) {
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    const det = g.det!.toLowerCase().replace(/\s+/, ' ');
    const unit = g.unit!;
    // "over the past year", "for the next month": spans of time, not calendar points.
    if (det.startsWith('the ') && !g.mod && DURATION_LEFT.has(previousWord(text, start))) continue;
    const step = stepOf(det);
    const doc = r.doc;
    const precision: DatePrecision =
      unit === 'week' || unit === 'weekend' ? 'week' : unit === 'month' ? 'month' : unit === 'year' ? 'year' : unit === 'decade' ? 'decade' : 'century';
    if (!doc) {
      r.add(start, end, null, precision, true);
      continue;
    }
    r.add(start, end, shiftValue(doc, precision, step), precision, true);
  }
}

function stepOf(det: string): number {
  switch (det) {
    case 'last':
    case 'past':
    case 'previous':
    case 'the last':
    case 'the past':
    case 'the previous':
    case 'this past':
      return -1;
    case 'next':
    case 'coming':
    case 'the next':
    case 'the coming':
      return 1;
    default:
      return 0;
  }
}

/** The value of the calendar unit `step` units away from the document date. */
function shiftValue(doc: Day, precision: DatePrecision, step: number): string {
  switch (precision) {
    case 'day':
      return formatDay(addDays(doc, step));
    case 'week':
      return formatWeek(addDays(doc, 7 * step));
    case 'month': {
      const ym = addMonths(doc.year, doc.month, step);
      return formatMonth(ym.year, ym.month);
    }
    case 'year':
      return formatYear(doc.year + step);
    case 'decade':
      return pad(Math.floor(doc.year / 10) + step, 3);
    case 'century':
      return pad(Math.floor(doc.year / 100) + step, 2);
  }
}

function scanPartOf(r: Recognizer): void {
  for (const m of r.text.matchAll(PART_OF_RE)) {
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    const unit = g.unit as 'year' | 'month' | 'week';
    const doc = r.doc;
    if (!doc) {
      r.add(start, end, null, unit, true);
      continue;
    }
    // "the end of the year" told in the past is the last year-end before the document date;
    // "the beginning of the year" told in the future is the next one.
    const part = /end/.test(g.part!) ? 'end' : /middle/.test(g.part!) ? 'middle' : 'start';
    const dir = r.direction(start, end);
    let step = 0;
    if (part === 'end' && dir === 'past') step = -1;
    if (part === 'start' && dir === 'future') step = 1;
    r.add(start, end, shiftValue(doc, unit, step), unit, true);
  }
}

function scanDeictic(r: Recognizer): void {
  const text = r.text;
  for (const m of text.matchAll(DEICTIC_RE)) {
    const word = m.groups!.word!;
    const start = m.index;
    const end = start + word.length;
    // "USA Today", "Japan Today": a capitalised "Today" right after a capitalised word is a name.
    if ((word === 'Today' || word === 'TODAY') && /[A-Z][\w.]*\s$/.test(text.slice(Math.max(0, start - 20), start))) continue;
    const lower = word.toLowerCase();
    const step = lower === 'yesterday' ? -1 : lower === 'tomorrow' ? 1 : 0;
    r.add(start, end, r.doc ? formatDay(addDays(r.doc, step)) : null, 'day', true);
  }
}

function scanAgo(r: Recognizer): void {
  for (const m of r.text.matchAll(AGO_RE)) {
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    const nText = g.n!.toLowerCase();
    let n: number | null = /^\d/.test(nText) ? +nText : (NUMBER_WORDS.get(nText) ?? null);
    if (n !== null && g.n2) n += NUMBER_WORDS.get(g.n2) ?? 0;
    const unit = g.unit!.replace(/s$/, '').replace(/ie$/, 'y');
    const precision: DatePrecision =
      unit === 'year' ? 'year' : unit === 'month' ? 'month' : unit === 'week' ? 'week' : unit === 'day' ? 'day' : unit === 'decade' ? 'decade' : 'century';
    const doc = r.doc;
    if (!doc || n === null) {
      r.add(start, end, null, precision, true);
      continue;
    }
    let value: string;
    switch (precision) {
      case 'year':
        value = formatYear(doc.year - n);
        break;
      case 'month': {
        const ym = addMonths(doc.year, doc.month, -n);
        value = formatMonth(ym.year, ym.month);
        break;
      }
      case 'week':
        value = formatWeek(addDays(doc, -7 * n));
        break;
      case 'day':
        value = formatDay(addDays(doc, -n));
        break;
      case 'decade':
        value = pad(Math.floor((doc.year - 10 * n) / 10), 3);
        break;
      default:
        value = pad(Math.floor((doc.year - 100 * n) / 100), 2);
    }
    r.add(start, end, value, precision, true);
  }
}

/** Prepositions after which a four-digit number is a year whatever follows ("in 2015 more people"). */
const STRONG_YEAR_LEFT = new Set(['in', 'since', 'until', 'till', 'by', 'during', 'before', 'after', 'from', 'circa']);

function isYearInContext(text: string, start: number, end: number, year: number): boolean {
  const before = previousWord(text, start);
  const charBefore = text[start - 1] ?? '';
  // "pre-2019", "F-2000": a hyphenated prefix that is not a modifier we consumed.
  if (charBefore === '-' || charBefore === '–') return false;
  // A unit after the number outweighs any preposition before it ("in 1000 days").
  if (QUANTITY_RIGHT_CONTEXT.has(nextWord(text, end))) return false;
  if (STRONG_YEAR_LEFT.has(before)) return true;
  if (QUANTITY_LEFT_CONTEXT.has(before)) return false;
  // A number opening a list of figures ("1,500 and 2000") or a unit after a dash.
  if (/^\s*(?:%|percent|per\s?cent)/i.test(text.slice(end, end + 10))) return false;
  if (year >= 1800) return true;
  return YEAR_LEFT_CONTEXT.has(before);
}

function scanYears(r: Recognizer): void {
  const text = r.text;
  for (const m of text.matchAll(YEAR_RE)) {
    const g = m.groups!;
    const year = +g.y!;
    const yearStart = m.index + m[0].indexOf(g.y!, g.mod ? g.mod.length : 0);
    const yearEnd = yearStart + 4;
    if (!g.mod && !isYearInContext(text, yearStart, yearEnd, year)) continue;
    let second: number | null = null;
    if (g.y2) {
      const raw = +g.y2;
      second = g.y2.length === 2 ? Math.floor(year / 100) * 100 + raw : raw;
      if (second <= year || second - year > 100) second = null;
    }
    // A modifier ("early 2011") stays in the span of the first year.
    r.add(g.mod ? m.index : yearStart, yearEnd, formatYear(year), 'year', false);
    if (second !== null) {
      const secondEnd = m.index + m[0].length;
      r.add(secondEnd - g.y2!.length, secondEnd, formatYear(second), 'year', false);
    }
  }
}

function scanDecadesAndCenturies(r: Recognizer): void {
  for (const m of r.text.matchAll(DECADE_RE)) {
    const g = m.groups!;
    r.add(m.index, m.index + m[0].length, `${g.c}${g.d}`, 'decade', false);
  }
  for (const m of r.text.matchAll(CENTURY_RE)) {
    const n = +m.groups!.n!;
    if (n < 1 || n > 22) continue;
    r.add(m.index, m.index + m[0].length, pad(n - 1, 2), 'century', false);
  }
}

function scanSeasons(r: Recognizer): void {
  for (const m of r.text.matchAll(SEASON_RE)) {
    const g = m.groups!;
    if (!g.det && !g.year) continue;
    r.add(m.index, m.index + m[0].length, null, null, !g.year);
  }
}

function scanAnaphoric(r: Recognizer): void {
  for (const m of r.text.matchAll(ANAPHORIC_RE)) {
    const unit = /day/.test(m[0]) ? 'day' : /week/.test(m[0]) ? 'week' : /month/.test(m[0]) ? 'month' : 'year';
    r.add(m.index, m.index + m[0].length, null, unit, true);
  }
}

function scanWeekends(r: Recognizer): void {
  for (const m of r.text.matchAll(WEEKEND_RE)) {
    const end = m.index + m[0].length;
    const start = end - m.groups!.span!.length;
    const doc = r.doc;
    if (!doc) {
      r.add(start, end, null, 'week', true);
      continue;
    }
    // ISO weeks end on Sunday, so a weekend shares the week number of the Monday before it.
    const weekday = isoWeekday(doc);
    let step: number;
    if (r.direction(start, end) === 'future') step = weekday === 6 ? 1 : 0;
    else step = weekday >= 5 ? 0 : -1;
    r.add(start, end, formatWeek(addDays(doc, 7 * step)), 'week', true);
  }
}

function scanCurrentUnits(r: Recognizer): void {
  for (const m of r.text.matchAll(CURRENT_UNIT_RE)) {
    const g = m.groups!;
    const end = m.index + m[0].length;
    const start = end - g.span!.length;
    const unit = g.unit as 'year' | 'month' | 'week';
    r.add(start, end, r.doc ? shiftValue(r.doc, unit, 0) : null, unit, true);
  }
}

function scanHolidays(r: Recognizer): void {
  for (const m of r.text.matchAll(HOLIDAY_RE)) {
    const monthDay = HOLIDAYS.get(m[0].toLowerCase().replace(/\s+/g, ' ').replace('’', "'"));
    if (!monthDay) continue;
    const start = m.index;
    const end = start + m[0].length;
    // "Christmas shopping" still points at Christmas; a following year makes it absolute.
    const year = /^,?\s+(\d{4})(?![\w])/.exec(r.text.slice(end, end + 8));
    const [month, day] = monthDay;
    if (year) {
      const y = +year[1]!;
      const full = end + year[0].length;
      r.add(start, full, formatDay({ year: y, month, day }), 'day', false);
      continue;
    }
    const { value } = r.monthDay(month, day, null, start, end);
    r.add(start, end, value, 'day', true);
  }
}

function scanPresent(r: Recognizer): void {
  for (const m of r.text.matchAll(PRESENT_RE)) r.add(m.index, m.index + m[0].length, null, null, true);
}
