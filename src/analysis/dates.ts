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
import { sentenceTense } from './dates/tense';
import { F_ABBR, F_INNER_CAP, F_JOINER, F_NUM, F_WORD, hashBitsOf, mayHaveHash, sharedTokens, stringHash, type SharedWords } from './names';
import { trieSource } from './dates/trie';
import { grownInt32 } from './typedArrays';
import { numberedPattern } from './dates/numberedPattern';
import { WordTable } from './dates/wordTable';
import { WordTrie } from './dates/wordTrie';
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

// Month and weekday positions match any capitalised (or all-capital) word, and the scanners
// check it against the lexicon: small patterns compile and run faster than long alternations.
/** A capitalised or all-capital word of month length, with an abbreviation's optional dot. */
const MONTH_WORD = `(?:[A-Z][a-z]{2,8}|[A-Z]{3,9})\\.?`;
/**
 * MONTH_WORD narrowed to the lexicon's months (capitalised or all-capital, as MONTH_WORD spells them),
 * for the bare-month pattern, whose scanner drops every other word first: a non-month match can
 * neither hold nor hide a month (its lead and tail words are never months), so the months found
 * are the same, without a match object for each capitalised word near a month.
 */
const LEXICON_MONTH_WORD = `(?:${trieSource([...MONTHS.keys()].flatMap((m) => [m[0]!.toUpperCase() + m.slice(1), m.toUpperCase()]))})\\.?`;
/** The weekday names as WEEKDAY_RE spells them (capitalised, all-capital, lower-case), for the same reason. */
const LEXICON_WEEKDAY_WORD = trieSource(WEEKDAY_NAMES.flatMap((w) => [w, w.toUpperCase(), w.toLowerCase()]));
/** Lower-case weekdays occur in informal writing (e-mails, posts); they need a preposition before them. */
const LOWER_WEEKDAY_LEFT: ReadonlySet<string> = new Set([
  'on', 'in', 'next', 'last', 'this', 'coming', 'by', 'until', 'till', 'since', 'from', 'before', 'after',
  'early', 'late', 'later', 'earlier', 'past',
]);
/** Weekday names and abbreviations that may open a full date ("Tue. March 5", "Friday, 15 December"). */
const WEEKDAY_PREFIX_WORDS: ReadonlySet<string> = new Set([
  ...WEEKDAYS.keys(),
  ...['mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun'],
]);
/**
 * The words (lower-cased) a day of the calendar found by findDates can start with, when it does
 * not start with a digit: a month, a weekday that opens a full date, a holiday. (A non-weekday word
 * before a date is left out of its span, and every other day-precision reading is relative.)
 */
export const DAY_DATE_OPENING_WORDS: ReadonlySet<string> = new Set([
  ...MONTHS.keys(),
  ...WEEKDAY_PREFIX_WORDS,
  ...['christmas', 'boxing', 'new', 'valentine', 'halloween'],
]);
const WEEKDAY_PREFIX = `(?:(?<wd>[A-Z][a-z]{2,8}|[A-Z]{3,9})\\.?,?[ \\t]+(?:the[ \\t]+)?)?`;
const YEAR_TAIL = `(?:,?\\s*(?<year>\\d{4})(?![\\w%]|[.,]\\d))?`;
const PART_OF = `(?:${anyCase('the')}\\s+)?(?:end|beginning|start|middle)\\s+of`;

/** `May 19, 2023`, `Aug. 24`, `Monday, Sept. 3rd`. */
const MONTH_DAY_PATTERN = numberedPattern(
  new RegExp(
    `(?<![\\w-])${WEEKDAY_PREFIX}(?<month>${MONTH_WORD})\\s*(?<day>\\d{1,2})(?:st|nd|rd|th)?(?![\\w:]|[.,]\\d)${YEAR_TAIL}`,
    'g',
  ),
  ['wd', 'month', 'day', 'year'],
);
const MONTH_DAY_RE = MONTH_DAY_PATTERN.re;
/** `15 December 2023`, `3rd of March`, `Friday 9 January`. */
const DAY_MONTH_PATTERN = numberedPattern(
  new RegExp(
    `(?:(?<![\\w.,/:-])|(?<=\\d(?:st|nd|rd|th)?[-–]))${WEEKDAY_PREFIX}(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<month>${MONTH_WORD})(?![\\w])${YEAR_TAIL}`,
    'g',
  ),
  ['wd', 'month', 'day', 'year'],
);
const DAY_MONTH_RE = DAY_MONTH_PATTERN.re;
/** `April-June 2023`, `between March and May`: both ends of a month range are dates. */
const MONTH_RANGE_PATTERN = numberedPattern(
  new RegExp(
    `(?<![\\w-])(?:(?<lead>[Bb]etween|[Ff]rom)\\s+)?(?<m1>[A-Z][a-z]{2,8})(?:\\s?[-–]\\s?|\\s+(?<conj>and|to|through|until|till)\\s+)(?<m2>[A-Z][a-z]{2,8})(?![\\w])(?:,?\\s+(?<year>\\d{4})(?![\\w%]|[.,]\\d))?`,
    'g',
  ),
  ['lead', 'm1', 'conj', 'm2', 'year'],
);
const MONTH_RANGE_RE = MONTH_RANGE_PATTERN.re;
/** `May 2010`, `early December`, `mid-March`, `late last July`, `May this year`, bare `June`. */
const MONTH_PATTERN = numberedPattern(
  new RegExp(
    `(?<![\\w-])(?:(?<mod>${anyCase('early')}|${anyCase('late')}|${anyCase('mid')}|${PART_OF})[\\s-]+)?` +
      `(?:(?<det>${anyCase('last')}|${anyCase('next')}|${anyCase('this')}|${anyCase('coming')}|${anyCase('past')})\\s+)?` +
      `(?<month>${LEXICON_MONTH_WORD})(?![\\w])` +
      `(?:,?\\s+(?:of\\s+)?(?<year>\\d{4})(?![\\w%]|[.,]\\d)|\\s+(?<rel>this|last|next)\\s+year(?![\\w-]))?`,
    'g',
  ),
  ['mod', 'det', 'month', 'year', 'rel'],
);
const MONTH_RE = MONTH_PATTERN.re;
/** `2019-12-20`, `2019/12/20`, `12/20/2019`, `20.12.2019`. */
const NUMERIC_DATE_PATTERN = numberedPattern(
  /(?<![\w.\/:-])(?:(?<y>\d{4})(?<s1>[-\/.])(?<m>\d{1,2})\k<s1>(?<d>\d{1,2})|(?<a>\d{1,2})(?<s2>[-\/.])(?<b>\d{1,2})\k<s2>(?<y2>\d{4}))(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\b\.?)?)?(?!(?!T\d)[\w\/]|[.:-]\d)/g,
  ['y', 's1', 'm', 'd', 'a', 's2', 'b', 'y2'],
);
const NUMERIC_DATE_RE = NUMERIC_DATE_PATTERN.re;
/** `Monday`, `later on Monday`, `last Friday`, `next Tuesday`. */
const WEEKDAY_PATTERN = numberedPattern(
  new RegExp(
    `(?<![\\w-])(?:(?<mod>(?:${anyCase('later')}|${anyCase('earlier')}|${anyCase('late')}|${anyCase('early')})(?:\\s+on)?|` +
      `(?<det>${anyCase('this')}\\s+past|${anyCase('last')}|${anyCase('next')}|${anyCase('this')}|${anyCase('coming')}|${anyCase('past')}))\\s+)?` +
      `(?<wd>${LEXICON_WEEKDAY_WORD})(?![\\w])(?:,?\\s+(?<week>last|next|this)\\s+week(?![\\w-]))?`,
    'g',
  ),
  ['mod', 'det', 'wd', 'week'],
);
const WEEKDAY_RE = WEEKDAY_PATTERN.re;
/** `this week`, `last year`, `earlier this week`, `early next month`, `the last week`, `this fiscal year`. */
const RELATIVE_PATTERN = numberedPattern(
  new RegExp(
    `(?<![\\w-])(?:(?<mod>${anyCase('earlier')}|${anyCase('later')}|${anyCase('early')}|${anyCase('late')}|${anyCase('mid')}|${PART_OF})[\\s-]+)?` +
      `(?<det>${anyCase('this')}|${anyCase('last')}|${anyCase('next')}|${anyCase('past')}|${anyCase('coming')}|${anyCase('previous')}|${anyCase('current')}|` +
      `${anyCase('this')}\\s+past|${anyCase('the')}\\s+(?:last|past|previous|coming|next|current))` +
      `\\s+(?:(?:fiscal|financial|calendar)\\s+)?(?<unit>week|weekend|month|year|decade|century)(?![\\w-])`,
    'g',
  ),
  ['mod', 'det', 'unit'],
);
const RELATIVE_RE = RELATIVE_PATTERN.re;
/** `the end of the year`, `the end of year`, `the beginning of the month`. */
const PART_OF_PATTERN = numberedPattern(
  new RegExp(
    `(?<![\\w-])(?<part>${PART_OF})\\s+(?:the\\s+)?(?<unit>year|month|week)(?![\\w-])`,
    'g',
  ),
  ['part', 'unit'],
);
const PART_OF_RE = PART_OF_PATTERN.re;
const DEICTIC_PATTERN = numberedPattern(
  /(?<![\w-])(?<word>[Tt]oday|[Yy]esterday|[Tt]omorrow|TODAY)(?![\w-])/g,
  ['word'],
);
const DEICTIC_RE = DEICTIC_PATTERN.re;
const NUMBER_WORD = [...NUMBER_WORDS.keys()].filter((w) => w !== 'hundred').map(anyCase).join('|');
/** `75 years ago`, `four years ago`, `a week ago`, `twenty-five years ago`. */
const AGO_PATTERN = numberedPattern(
  new RegExp(
    `(?<![\\w-])(?<n>\\d{1,4}|${NUMBER_WORD}|${anyCase('a')}\\s+few|${anyCase('several')}|${anyCase('many')}|${anyCase('a')}\\s+couple\\s+of)` +
      `(?:[\\s-]+(?<n2>one|two|three|four|five|six|seven|eight|nine))?` +
      `\\s+(?<unit>years?|months?|weeks?|days?|decades?|centuries|century)\\s+ago(?![\\w])`,
    'g',
  ),
  ['n', 'n2', 'unit'],
);
const AGO_RE = AGO_PATTERN.re;
/** Four-digit years with optional modifier and range: `2018`, `early 2011`, `2009-2010`, `1957-58`. */
const YEAR_PATTERN = numberedPattern(
  new RegExp(
    `(?:(?<mod>${anyCase('early')}|${anyCase('late')}|${anyCase('mid')}|${PART_OF}|${anyCase('fiscal')}|(?:${anyCase('end')}|${anyCase('start')})(?=-))[\\s-]+)?` +
      `(?<![\\w$£€¥#.,:/+]|\\d[-–—/]|\\d\\s[-–—]\\s?)(?<y>1\\d{3}|20\\d{2})(?![\\w%]|[.,:]\\d)` +
      `(?:\\s?[-–—]\\s?(?<y2>\\d{4}|\\d{2})(?![\\w%]|[.,:]\\d|[-–—/]\\d))?`,
    'g',
  ),
  ['mod', 'y', 'y2'],
);
const YEAR_RE = YEAR_PATTERN.re;
/** `the 1990s`, `the early 2000s`. */
const DECADE_PATTERN = numberedPattern(
  new RegExp(
    `(?<![\\w'’-])(?:(?<mod>${anyCase('early')}|${anyCase('late')}|${anyCase('mid')})[\\s-]+)?(?<c>1\\d|20)(?<d>\\d)0s(?![\\w])`,
    'g',
  ),
  ['mod', 'c', 'd'],
);
const DECADE_RE = DECADE_PATTERN.re;
/** `the 20th century`, `21st-century`. */
const CENTURY_PATTERN = numberedPattern(
  /(?<![\w-])(?<n>\d{1,2})(?:st|nd|rd|th)[\s-]+[Cc]entury(?![\w])/g,
  ['n'],
);
const CENTURY_RE = CENTURY_PATTERN.re;
/** `last summer`, `the summer of 2012`: no ISO value at our precisions, so the value stays null. */
const SEASON_PATTERN = numberedPattern(
  new RegExp(
    `(?<![\\w-])(?:(?<det>${anyCase('this')}|${anyCase('last')}|${anyCase('next')}|${anyCase('past')}|${anyCase('coming')}|${anyCase('early')}|${anyCase('late')})\\s+)?` +
      `(?<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter)(?:\\s+(?:of\\s+)?(?<year>\\d{4})(?![\\w]))?(?![\\w])`,
    'g',
  ),
  ['det', 'season', 'year'],
);
const SEASON_RE = SEASON_PATTERN.re;
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
const WEEKEND_RE = /(?<![\w-])the\s+weekend(?![\w-])/g;
const WEEKEND_LEFT: ReadonlySet<string> = new Set(['over', 'during', 'at', 'on', 'by', 'until', 'through', 'before', 'after']);
/** `during the year`, `later in the week`: the current calendar unit of the story. */
const CURRENT_UNIT_PATTERN = numberedPattern(
  /(?<![\w-])(?:[Dd]uring|[Tt]hroughout|(?:[Ll]ater|[Ee]arlier|[Ll]ate|[Ee]arly)\s+in)\s+(?<span>the\s+(?<unit>year|month|week))(?![\w-]|\s*\d)/g,
  ['span', 'unit'],
);
const CURRENT_UNIT_RE = CURRENT_UNIT_PATTERN.re;
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
// Triggers. One fast pass finds the words every date expression is built around; each scanner
// then runs only over the short stretches of text around its own kind of trigger, so the cost
// of the many detailed patterns is paid on a small part of the article.

type TriggerKind = 'digit' | 'month' | 'weekday' | 'unit' | 'deictic' | 'ago' | 'season' | 'holiday';

const TRIGGER_WORDS: ReadonlyMap<string, TriggerKind> = new Map<string, TriggerKind>([
  ...[...MONTHS.keys()].map((m) => [m, 'month'] as [string, TriggerKind]),
  ...[...WEEKDAYS.keys()].map((w) => [w, 'weekday'] as [string, TriggerKind]),
  ...['today', 'yesterday', 'tomorrow'].map((w) => [w, 'deictic'] as [string, TriggerKind]),
  ...['week', 'weekend', 'month', 'year', 'decade', 'century', 'day'].map((w) => [w, 'unit'] as [string, TriggerKind]),
  ['ago', 'ago'],
  ...['spring', 'summer', 'autumn', 'winter'].map((w) => [w, 'season'] as [string, TriggerKind]),
  ...['christmas', 'boxing', 'new', 'valentine', 'halloween'].map((w) => [w, 'holiday'] as [string, TriggerKind]),
]);
/**
 * Every trigger in one regex pass: four digits, or a listed word (capitalised or all-capital
 * calendar names, lower-case unit words, as one trie) at a word start and not followed by a
 * lower-case letter ("Marches" is no trigger, "MARCH 3" is). One pass over the text costs less
 * than one per group: the scan, not the few thousand matches, is what takes the time.
 */
/** Every spelling the trigger pattern matches, exactly as written (it is case-sensitive). */
const TRIGGER_SPELLINGS = [
  ...[...MONTH_FULL_NAMES, ...MONTH_ABBREVIATIONS, ...WEEKDAY_NAMES].flatMap((w) => [w, w.toUpperCase()]),
  ...['Today', 'TODAY', 'Yesterday', 'Tomorrow', 'Century', 'Spring', 'Summer', 'Autumn', 'Winter'],
  ...['Christmas', 'Boxing', 'New', 'Valentine', 'Halloween'],
  ...WEEKDAY_NAMES.map((w) => w.toLowerCase()),
  ...['today', 'yesterday', 'tomorrow', 'weekend', 'week', 'month', 'year', 'decade', 'century', 'day', 'ago'],
  ...['spring', 'summer', 'autumn', 'winter'],
];
// (A hand-written scan of every character was tried: it took twice the regex's time.)
const TRIGGER_RE = new RegExp(`\\d{4}|\\b(?:${trieSource(TRIGGER_SPELLINGS)})(?![a-z])`, 'g');
/**
 * What a trigger tells about the patterns that may hold it, as bits: a pattern with a bit in
 * PATTERN_NEEDS reads only the windows holding a trigger with that bit. Each bit is set wherever
 * a date its scanner keeps could hold the trigger (a superset), from the trigger's spelling or a
 * few characters around it: cheaper than testing every window with a pattern.
 */
const MAY_NUMERIC = 1; // four digits next to a date separator: `2019-12-20`, `20.12.2019`
const MAY_DECADE = 2; // four digits then `s`: `1990s`
const MAY_MONTH_DAY = 4; // a month then (a dot,) spaces and a digit: `May 19`, `Sept.3`
const MAY_DAY_MONTH = 8; // a month after spaces after a digit, `st`/`nd`/`rd`/`th` or `of`
const MAY_MONTH_RANGE = 16; // a full month name after a dash or a joining word
const MAY_RELATIVE = 32; // a unit of RELATIVE_RE after a determiner (or fiscal, financial, calendar)
const MAY_PART_OF = 64; // year, month, week after `end/beginning/start/middle of (the)`
const MAY_CURRENT_UNIT = 128; // year, month, week after `during/throughout/in the`
const MAY_ANAPHORIC = 256; // day, week, month, year after `same/following/previous/preceding/that` or before `before/after/earlier/prior`
const MAY_CENTURY = 512;
const MAY_WEEKEND = 1024;
/**
 * Each unit word's bits: the patterns whose unit it can be (all spell their units in lower case
 * but CENTURY_RE); the bits of CONTEXT_UNIT_BITS are then kept only where the words around fit.
 */
const UNIT_BITS: ReadonlyMap<string, number> = new Map([
  ['week', MAY_RELATIVE | MAY_PART_OF | MAY_CURRENT_UNIT | MAY_ANAPHORIC],
  ['month', MAY_RELATIVE | MAY_PART_OF | MAY_CURRENT_UNIT | MAY_ANAPHORIC],
  ['year', MAY_RELATIVE | MAY_PART_OF | MAY_CURRENT_UNIT | MAY_ANAPHORIC],
  ['weekend', MAY_RELATIVE | MAY_WEEKEND],
  ['decade', MAY_RELATIVE],
  ['century', MAY_RELATIVE | MAY_CENTURY],
  ['Century', MAY_CENTURY],
  ['day', MAY_ANAPHORIC],
]);
interface TriggerSpelling {
  kind: TriggerKind;
  /** Bits that hold for every occurrence (unit words). */
  bits: number;
  /** A capitalised full month name: what a month range is made of. */
  fullMonth: boolean;
}
/** Each spelling as matched: no lower-casing per trigger. */
const TRIGGER_BY_SPELLING: ReadonlyMap<string, TriggerSpelling> = new Map(
  TRIGGER_SPELLINGS.map((w) => [w, { kind: TRIGGER_WORDS.get(w.toLowerCase())!, bits: UNIT_BITS.get(w) ?? 0, fullMonth: MONTH_FULL_NAMES.includes(w) }]),
);

/** `\s` of a pattern: white space and line ends as ECMAScript defines them. */
function isPatternSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function isDateSeparatorCode(c: number): boolean {
  return c === 45 || c === 47 || c === 46;
}

/** The bits of four digits at text[start, start + 4). */
function digitBits(text: string, start: number): number {
  const after = text.charCodeAt(start + 4);
  let bits = isDateSeparatorCode(after) || isDateSeparatorCode(text.charCodeAt(start - 1)) ? MAY_NUMERIC : 0;
  if (after === 115) bits |= MAY_DECADE;
  return bits;
}

/** Where the word before `index` ends, past one or more spaces (`\s+`); -1 without a space. */
function wordEndBefore(text: string, index: number): number {
  let i = index;
  while (i > 0 && isPatternSpace(text.charCodeAt(i - 1))) i--;
  return i < index ? i : -1;
}

/** Whether text[.., end) ends with the word part `tail` (-1 for no word). */
function endsWith(text: string, end: number, tail: string): boolean {
  return end >= tail.length && text.startsWith(tail, end - tail.length);
}

/** Bits a unit word's context decides: the patterns below hold it only after their own words. */
const CONTEXT_UNIT_BITS = MAY_RELATIVE | MAY_PART_OF | MAY_CURRENT_UNIT | MAY_ANAPHORIC;

/**
 * The bits of a unit word at text[start, end) among CONTEXT_UNIT_BITS, from the words around it:
 * each pattern puts its own words right before the unit (its determiner, "end of (the)", "during
 * the", "the same") or, for ANAPHORIC_RE, one right after it ("the day before"). Word ends only
 * (`[Tt]his` as "his"): a superset, read without a substring.
 */
function unitContextBits(text: string, start: number, end: number): number {
  let bits = 0;
  const before = wordEndBefore(text, start);
  // Each test starts from the last letter of the word before: most words end in none of them.
  switch (before > 0 ? text.charCodeAt(before - 1) : -1) {
    case 115: // s: "(t)his", "previous"
      if (endsWith(text, before, 'his') || endsWith(text, before, 'revious')) bits |= MAY_RELATIVE;
      if (endsWith(text, before, 'previous')) bits |= MAY_ANAPHORIC;
      break;
    case 116: // t: "last", "past", "next", "current", "that"
      if (endsWith(text, before, 'ast') || endsWith(text, before, 'ext') || endsWith(text, before, 'urrent')) bits |= MAY_RELATIVE;
      if (endsWith(text, before, 'hat')) bits |= MAY_ANAPHORIC;
      break;
    case 103: // g: "coming", "following", "preceding"
      if (endsWith(text, before, 'oming')) bits |= MAY_RELATIVE;
      if (endsWith(text, before, 'following') || endsWith(text, before, 'preceding')) bits |= MAY_ANAPHORIC;
      break;
    case 108: // l: "fiscal", "financial"
      if (endsWith(text, before, 'iscal') || endsWith(text, before, 'inancial')) bits |= MAY_RELATIVE;
      break;
    case 114: // r: "calendar"
      if (endsWith(text, before, 'alendar')) bits |= MAY_RELATIVE;
      break;
    case 101: // e: "same", "the"
      if (endsWith(text, before, 'same')) bits |= MAY_ANAPHORIC;
      if (endsWith(text, before, 'the')) bits |= afterTheBits(text, before - 3);
      break;
    case 102: // f: "of"
      if (endsWith(text, before, 'of')) bits |= afterOfBits(text, before - 2);
      break;
  }
  // "the day before", "the year after".
  let after = end;
  while (after < text.length && isPatternSpace(text.charCodeAt(after))) after++;
  if (after > end) {
    const c = text.charCodeAt(after);
    if (
      (c === 98 && text.startsWith('before', after)) || (c === 97 && text.startsWith('after', after)) ||
      (c === 101 && text.startsWith('earlier', after)) || (c === 112 && text.startsWith('prior', after))
    ) {
      bits |= MAY_ANAPHORIC;
    }
  }
  return bits;
}

/** The bits of a unit after `the`, which starts at `theStart`: "during the year", "later in the week", "the end of the month". */
function afterTheBits(text: string, theStart: number): number {
  const beforeThe = wordEndBefore(text, theStart);
  if (beforeThe <= 0) return 0;
  if (endsWith(text, beforeThe, 'uring') || endsWith(text, beforeThe, 'hroughout') || endsWith(text, beforeThe, 'in')) return MAY_CURRENT_UNIT;
  return endsWith(text, beforeThe, 'of') ? afterOfBits(text, beforeThe - 2) : 0;
}

/** The bits of a unit after `of` (and maybe `the`), `of` starting at `ofStart`: "the end of (the) year". */
function afterOfBits(text: string, ofStart: number): number {
  const part = wordEndBefore(text, ofStart);
  if (part <= 0) return 0;
  return endsWith(text, part, 'end') || endsWith(text, part, 'beginning') || endsWith(text, part, 'start') || endsWith(text, part, 'middle') ? MAY_PART_OF : 0;
}

/** The bits of a month name at text[start, end). */
function monthBits(text: string, start: number, end: number, fullMonth: boolean): number {
  let bits = 0;
  let i = end;
  if (text.charCodeAt(i) === 46) i++;
  while (isPatternSpace(text.charCodeAt(i))) i++;
  if (isDigitCode(text.charCodeAt(i))) bits |= MAY_MONTH_DAY;
  i = start - 1;
  while (i >= 0 && isPatternSpace(text.charCodeAt(i))) i--;
  const before = text.charCodeAt(i);
  // `15 March`, `3rd March`, `22nd of March`: a digit, t, d, h or f before the spaces.
  if (i < start - 1 && (isDigitCode(before) || before === 116 || before === 100 || before === 104 || before === 102)) bits |= MAY_DAY_MONTH;
  // `March-April`, `March – April`, `March and / to / through / until / till April`.
  if (fullMonth && (before === 45 || before === 0x2013 || before === 100 || before === 111 || before === 104 || before === 108)) bits |= MAY_MONTH_RANGE;
  return bits;
}
/**
 * How far an expression reaches before and after its trigger, by kind: "the beginning of the
 * last fiscal |year|", "the end of |May| 19th, 2023", "twenty-five years |ago|". Generous, since
 * a window too short loses a date while one too long only costs a little time.
 */
const WINDOW_MARGINS: Readonly<Record<TriggerKind, readonly [number, number]>> = {
  digit: [28, 12],
  month: [32, 32],
  weekday: [20, 20],
  unit: [44, 4],
  deictic: [4, 4],
  ago: [40, 4],
  season: [12, 16],
  holiday: [4, 24],
};
/** Windows are widened to whitespace so that no pattern starts or ends inside a cut word. */
const ALIGN_LIMIT = 24;

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0';
}
/** isSpace by character code. */
function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
}

/** The kinds as indexes of the window lists. */
const TRIGGER_KINDS: readonly TriggerKind[] = ['digit', 'month', 'weekday', 'unit', 'deictic', 'ago', 'season', 'holiday'];
const KIND_INDEX: Readonly<Record<TriggerKind, number>> = Object.fromEntries(TRIGGER_KINDS.map((k, i) => [k, i])) as Record<TriggerKind, number>;
const DIGIT_KIND = KIND_INDEX.digit;
const MONTH_KIND = KIND_INDEX.month;
/** WINDOW_MARGINS by kind index. */
const LEFT_MARGIN = Int32Array.from(TRIGGER_KINDS, (k) => WINDOW_MARGINS[k][0]);
const RIGHT_MARGIN = Int32Array.from(TRIGGER_KINDS, (k) => WINDOW_MARGINS[k][1]);

/**
 * TRIGGER_SPELLINGS walked as a table: which spelling TRIGGER_RE matched (the longest one not
 * followed by a lower-case letter), read from the text without a substring.
 */
const TRIGGER_TRIE = new WordTrie(TRIGGER_SPELLINGS);
/** Per spelling index: its kind index, bits and full-month flag (TRIGGER_BY_SPELLING as arrays). */
const SPELLING_KIND = Int32Array.from(TRIGGER_SPELLINGS, (w) => KIND_INDEX[TRIGGER_BY_SPELLING.get(w)!.kind]);
const SPELLING_BITS = Int32Array.from(TRIGGER_SPELLINGS, (w) => TRIGGER_BY_SPELLING.get(w)!.bits);
const SPELLING_FULL_MONTH = TRIGGER_SPELLINGS.map((w) => TRIGGER_BY_SPELLING.get(w)!.fullMonth);

/**
 * Every kind's windows: merged [start, end) stretches as flat pairs, and the trigger bits each
 * holds. One module-level set of typed arrays, refilled for each text (findDates runs to the
 * end before the next call): no arrays to allocate and grow per document. Only offsets are
 * kept, so no text stays reachable.
 */
class TriggerWindows {
  /** Per kind index: window i is [spans[2i], spans[2i + 1]). */
  spans: Int32Array[] = TRIGGER_KINDS.map(() => new Int32Array(64));
  bits: Int32Array[] = TRIGGER_KINDS.map(() => new Int32Array(32));
  /** Per kind index: where the last trigger of window i starts. */
  lastTrigger: Int32Array[] = TRIGGER_KINDS.map(() => new Int32Array(32));
  /** Per kind index: how many windows it has. */
  readonly count = new Int32Array(TRIGGER_KINDS.length);

  clear(): void {
    this.count.fill(0);
  }

  /** Adds the window [start, end) of a trigger, merged into the kind's last one if they overlap. */
  add(kind: number, start: number, end: number, bits: number, triggerStart: number): void {
    const n = this.count[kind]!;
    let spans = this.spans[kind]!;
    let kindBits = this.bits[kind]!;
    let lastTrigger = this.lastTrigger[kind]!;
    if (n > 0 && start <= spans[2 * n - 1]!) {
      if (end > spans[2 * n - 1]!) spans[2 * n - 1] = end;
      kindBits[n - 1] = kindBits[n - 1]! | bits;
      lastTrigger[n - 1] = triggerStart;
      return;
    }
    if (n === kindBits.length) {
      kindBits = this.bits[kind] = grownInt32(kindBits, 2 * n);
      lastTrigger = this.lastTrigger[kind] = grownInt32(lastTrigger, 2 * n);
      spans = this.spans[kind] = grownInt32(spans, 4 * n);
    }
    spans[2 * n] = start;
    spans[2 * n + 1] = end;
    kindBits[n] = bits;
    lastTrigger[n] = triggerStart;
    this.count[kind] = n + 1;
  }
}

const WINDOWS = new TriggerWindows();

/**
 * The windows around the triggers of each kind, in WINDOWS. Triggers come in text order and one
 * kind has one margin, so a kind's windows start in order and each new one can only overlap the last.
 * Read from the officials stage's words when they are shared (names.sharedTokens), else by TRIGGER_RE.
 */
function triggerWindows(text: string): TriggerWindows {
  const words = sharedTokens(text);
  return words !== null ? triggerWindowsFromWords(text, words) : triggerWindowsByScan(text);
}

/** triggerWindows by one TRIGGER_RE pass over the text. */
function triggerWindowsByScan(text: string): TriggerWindows {
  const windows = WINDOWS;
  windows.clear();
  // test on the shared pattern: no match object per trigger (its start and spelling are read
  // back from the text), and no clone of the pattern (matchAll makes one per call, which runs in
  // the slow regex interpreter before it is compiled again).
  const re = TRIGGER_RE;
  re.lastIndex = 0;
  while (re.test(text)) {
    const end = re.lastIndex;
    if (isDigitCode(text.charCodeAt(end - 1))) addDigitTrigger(windows, text, end);
    else {
      // A word trigger is letters from a word boundary: its start is where the letters begin.
      let start = end - 1;
      while (start > 0 && isAsciiLetterCode(text.charCodeAt(start - 1))) start--;
      addWordTrigger(windows, text, start);
    }
  }
  return windows;
}

/**
 * triggerWindows from the words names.ts tokenized, with the triggers TRIGGER_RE finds: its
 * `\d{4}` matches lie in number tokens (the only tokens holding ASCII digits: every fourth digit
 * of a run), and its words start at an ASCII letter after a character outside `\w`, which is a
 * word token's start or, in a word with a joiner, a dotted abbreviation or letters beyond ASCII
 * (no hash), a letter inside it. A plain ASCII word holds no other such letter. Word triggers and
 * digit triggers are of different kinds, so each kind's triggers still come in text order.
 */
function triggerWindowsFromWords(text: string, words: SharedWords): TriggerWindows {
  const windows = WINDOWS;
  windows.clear();
  const count = words.count;
  const starts = words.start;
  const ends = words.end;
  const flags = words.flags;
  const hashes = words.hashFull;
  const n = text.length;
  for (let i = 0; i < count; i++) {
    const f = flags[i]!;
    const s = starts[i]!;
    if ((f & F_WORD) !== 0) {
      const hash = hashes[i]!;
      // A word with a joiner, a dotted abbreviation or letters beyond ASCII (no hash) may hold
      // word starts inside it. A word of ASCII letters with no capital after the first one ends
      // before a letter, and any spelling read at its start must end at its end, where the others
      // are followed by a lower-case letter: it is a trigger only if it is a spelling, which its
      // hash mostly rules out. Other words go to the trie, which turns most of them down early.
      const odd = (f & (F_JOINER | F_ABBR)) !== 0 || hash < 0;
      if (odd || (f & F_INNER_CAP) !== 0 || mayHaveHash(SPELLING_HASH_BITS, hash)) {
        const spelling = TRIGGER_TRIE.longestAt(text, s);
        if (spelling >= 0 && (s === 0 || !isRegexWordCode(text.charCodeAt(s - 1)))) addSpelledTrigger(windows, text, s, spelling);
      }
      if (odd) {
        // Up to the next token: a possessive or an abbreviation point lies past the word's end.
        const limit = i + 1 < count ? starts[i + 1]! : n;
        for (let q = s + 1; q < limit; q++) {
          if (isAsciiLetterCode(text.charCodeAt(q)) && !isRegexWordCode(text.charCodeAt(q - 1))) addWordTrigger(windows, text, q);
        }
      }
    } else if ((f & F_NUM) !== 0 && ends[i]! - s >= 4) {
      const e = ends[i]!;
      for (let q = s; q < e; ) {
        if (!isDigitCode(text.charCodeAt(q))) {
          q++;
          continue;
        }
        const run = q;
        while (q < e && isDigitCode(text.charCodeAt(q))) q++;
        for (let end = run + 4; end <= q; end += 4) addDigitTrigger(windows, text, end);
      }
    }
  }
  return windows;
}

/** The lower-case hashes (names.ts) of the trigger spellings, as a bitmap. */
const SPELLING_HASH_BITS = hashBitsOf(new Set(TRIGGER_SPELLINGS.map((w) => stringHash(w.toLowerCase(), false))), 12);

/** `\w` of a pattern without the u flag. */
function isRegexWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** The four digits ending at `end`. */
function addDigitTrigger(windows: TriggerWindows, text: string, end: number): void {
  const start = end - 4;
  addTriggerWindow(windows, text, DIGIT_KIND, start, end, digitBits(text, start));
}

/** The word trigger at `start` (a word start where TRIGGER_TRIE spells one), if any. */
function addWordTrigger(windows: TriggerWindows, text: string, start: number): void {
  const spelling = TRIGGER_TRIE.longestAt(text, start);
  if (spelling >= 0) addSpelledTrigger(windows, text, start, spelling);
}

/** The word trigger TRIGGER_TRIE just read at `start` (it ends at the trie's matchEnd). */
function addSpelledTrigger(windows: TriggerWindows, text: string, start: number, spelling: number): void {
  const end = TRIGGER_TRIE.matchEnd;
  const kind = SPELLING_KIND[spelling]!;
  let bits = SPELLING_BITS[spelling]!;
  if (kind === MONTH_KIND) bits = monthBits(text, start, end, SPELLING_FULL_MONTH[spelling]!);
  else if ((bits & CONTEXT_UNIT_BITS) !== 0) bits = (bits & ~CONTEXT_UNIT_BITS) | (bits & unitContextBits(text, start, end));
  addTriggerWindow(windows, text, kind, start, end, bits);
}

/**
 * The windows of `text` by kind (as [kind, start, end, bits, last trigger] rows), read from `words`
 * when given, else by the regex pass: for tests of their equivalence.
 */
export function triggerWindowRows(text: string, words: SharedWords | null): number[][] {
  const windows = words !== null ? triggerWindowsFromWords(text, words) : triggerWindowsByScan(text);
  const rows: number[][] = [];
  for (let kind = 0; kind < TRIGGER_KINDS.length; kind++) {
    for (let i = 0; i < windows.count[kind]!; i++) {
      rows.push([kind, windows.spans[kind]![2 * i]!, windows.spans[kind]![2 * i + 1]!, windows.bits[kind]![i]!, windows.lastTrigger[kind]![i]!]);
    }
  }
  return rows;
}

function addTriggerWindow(windows: TriggerWindows, text: string, kind: number, start: number, end: number, bits: number): void {
  const n = text.length;
  let windowStart = Math.max(0, start - LEFT_MARGIN[kind]!);
  for (let i = 0; i < ALIGN_LIMIT && windowStart > 0 && !isSpaceCode(text.charCodeAt(windowStart - 1)); i++) windowStart--;
  let windowEnd = Math.min(n, end + RIGHT_MARGIN[kind]!);
  for (let i = 0; i < ALIGN_LIMIT && windowEnd < n && !isSpaceCode(text.charCodeAt(windowEnd)); i++) windowEnd++;
  windows.add(kind, windowStart, windowEnd, bits, start);
}

function isAsciiLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** The trigger bit a window must hold for a pattern to run on it. */
const PATTERN_NEEDS: ReadonlyMap<RegExp, number> = new Map([
  [NUMERIC_DATE_RE, MAY_NUMERIC],
  [DECADE_RE, MAY_DECADE],
  [MONTH_DAY_RE, MAY_MONTH_DAY],
  [DAY_MONTH_RE, MAY_DAY_MONTH],
  [MONTH_RANGE_RE, MAY_MONTH_RANGE],
  [RELATIVE_RE, MAY_RELATIVE],
  [PART_OF_RE, MAY_PART_OF],
  [CURRENT_UNIT_RE, MAY_CURRENT_UNIT],
  [ANAPHORIC_RE, MAY_ANAPHORIC],
  [CENTURY_RE, MAY_CENTURY],
  [WEEKEND_RE, MAY_WEEKEND],
]);

/**
 * Cheap tests that a window with the trigger bit may hold a match of a pattern that its scanner
 * keeps: each checks something every such match contains (a range of two full month names, a
 * number before a month), so a window that fails cannot add a date. The detailed patterns
 * (lookbehinds, optional lead words) are tried at every position of a window and cost far more.
 */
// They start with their rarest part (a digit, a month name, a literal word) and check what comes
// before it with a lookbehind: a pattern starting with a common class ("[A-Za-z.]") is tried at
// almost every position of a window, and costs more than the pattern it guards.
const DIGIT_SEPARATOR_DIGIT = /\d[-\/.]\d/;
/** A number then a lexicon month: what every day-month date with a month holds ("15 December", "3rd of March"). */
const NUMBER_THEN_MONTH = new RegExp(`\\d(?:st|nd|rd|th)?\\s+(?:of\\s+)?${LEXICON_MONTH_WORD}(?![\\w])`);
/** Two full month names joined as a range: what every month range kept holds. */
const FULL_MONTH_RANGE = new RegExp(
  `(?:${MONTH_FULL_NAMES.join('|')})(?:\\s?[-–]\\s?|\\s+(?:and|to|through|until|till)\\s+)(?:${MONTH_FULL_NAMES.join('|')})(?![\\w])`,
);
const WINDOW_FILTERS: ReadonlyMap<RegExp, (window: string) => boolean> = new Map<RegExp, (window: string) => boolean>([
  [NUMERIC_DATE_RE, (w) => DIGIT_SEPARATOR_DIGIT.test(w)],
  [DAY_MONTH_RE, (w) => NUMBER_THEN_MONTH.test(w)],
  [MONTH_RANGE_RE, (w) => FULL_MONTH_RANGE.test(w)],
  [DECADE_RE, (w) => w.includes('0s')],
  [CENTURY_RE, (w) => w.includes('entury')],
  [WEEKEND_RE, (w) => w.includes('weekend')],
]);

// ---------------------------------------------------------------------------------------------

interface Candidate {
  start: number;
  end: number;
  value: string | null;
  precision: DatePrecision | null;
  relative: boolean;
  /** The value's computation, when deferred until the candidate is kept (see Recognizer.later). */
  pending: (() => string | null) | null;
}

type Direction = 'past' | 'future';

class Recognizer {
  readonly found: Candidate[] = [];
  private readonly windows: TriggerWindows;
  /** Each kind's windows cut out of the text, by kind index: several patterns read them. */
  private readonly slices: Array<string[] | null> = [null, null, null, null, null, null, null, null];

  /**
   * Deferring: values that read the sentence's tense are computed only for the candidates kept
   * (an overlapped one, like "March" inside "March 5", is dropped unread). Exact while the tense
   * readings the eager run would make stay within its budget: tenseReadings counts them (at most
   * one per deferred value) and findDates runs eagerly when they might not.
   */
  tenseReadings = 0;
  readonly tenseBudgetAtStart: number;

  constructor(
    readonly text: string,
    readonly doc: Day | null,
    readonly deferring: boolean,
    windows?: TriggerWindows,
  ) {
    this.windows = windows ?? triggerWindows(text);
    this.tenseBudgetAtStart = 200 + Math.floor(text.length / 40);
    this.tenseBudget = deferring ? Infinity : this.tenseBudgetAtStart;
  }

  /** The trigger windows, for a second run over the same text. */
  get triggerWindows(): TriggerWindows {
    return this.windows;
  }

  /** Matches of a global pattern inside the windows of one trigger kind, with text offsets. */
  matches(re: RegExp, kind: TriggerKind): RegExpExecArray[] {
    const found: RegExpExecArray[] = [];
    const kindIndex = KIND_INDEX[kind];
    const count = this.windows.count[kindIndex]!;
    if (count === 0) return found;
    const spans = this.windows.spans[kindIndex]!;
    const bits = this.windows.bits[kindIndex]!;
    const lastTrigger = this.windows.lastTrigger[kindIndex]!;
    // Several patterns read the windows of one kind: cut them out of the text once.
    let slices = this.slices[kindIndex];
    if (!slices) {
      slices = [];
      for (let i = 0; i < count; i++) slices.push(this.text.slice(spans[2 * i]!, spans[2 * i + 1]!));
      this.slices[kindIndex] = slices;
    }
    const need = PATTERN_NEEDS.get(re) ?? 0;
    const mayMatch = WINDOW_FILTERS.get(re);
    for (let i = 0; i < count; i++) {
      if (need !== 0 && (bits[i]! & need) === 0) continue;
      const offset = spans[2 * i]!;
      const slice = slices[i]!;
      if (mayMatch && !mayMatch(slice)) continue;
      // Every match a scanner keeps holds a trigger of the kind (its month, weekday, unit word,
      // four digits...), and a trigger of the text inside a window is one of the window's: once
      // a match ends past the last trigger's start, no further match can count.
      const afterLastTrigger = lastTrigger[i]! - offset;
      re.lastIndex = 0;
      for (let m = re.exec(slice); m; m = re.exec(slice)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        m.index += offset;
        found.push(m);
        if (re.lastIndex > afterLastTrigger) break;
      }
    }
    return found;
  }

  add(start: number, end: number, value: string | null, precision: DatePrecision | null, relative: boolean): void {
    if (end > start) this.found.push({ start, end, value, precision, relative, pending: null });
  }

  /** add, with a value that reads the sentence's tense (at most once): computed now, or when kept if deferring. */
  later(start: number, end: number, value: () => string | null, precision: DatePrecision | null, relative: boolean): void {
    if (!this.deferring) {
      this.add(start, end, value(), precision, relative);
      return;
    }
    this.tenseReadings++;
    if (end > start) this.found.push({ start, end, value: null, precision, relative, pending: value });
  }

  /**
   * Tense readings left: plenty for any real article (one per 40 characters), but a bound on
   * the work for text made of nothing but dates, where each reading would re-read its sentence.
   */
  private tenseBudget = 0;

  /** Past or future reading of the sentence around a span. */
  direction(start: number, end: number): Direction {
    return this.tense(start, end) === 'future' ? 'future' : 'past';
  }

  /** Tense of the sentence around a span; null when it has no cue. */
  tense(start: number, end: number): Direction | null {
    if (this.tenseBudget-- <= 0) return null;
    this.tenseReadings++;
    return sentenceTense(this.text, start, end);
  }

  /**
   * What tenseWithForwardPreposition counts against the budget, for a reading whose answer is not
   * needed: the same count (so the budget and the eager run's choice stay as they were), no reading.
   */
  countUnneededTense(start: number): void {
    if (previousWord(this.text, start) === 'since') return;
    if (this.tenseBudget-- <= 0) return;
    this.tenseReadings++;
  }

  /**
   * The sentence's tense, or, without one, a forward reading for a date right after
   * `before (the)`, `by` or `until`: "another package before January is unlikely"; a date
   * right after `since` is always behind.
   */
  tenseWithForwardPreposition(start: number, end: number): Direction | null {
    let before = previousWord(this.text, start);
    // "in force since March, it will end": `since` points back whatever the sentence's tense.
    if (before === 'since') return 'past';
    const tense = this.tense(start, end);
    if (tense !== null) return tense;
    if (before === 'the') {
      let i = start;
      while (i > 0 && isSpace(this.text[i - 1])) i--;
      before = previousWord(this.text, i - 3);
    }
    return FORWARD_PREPOSITIONS.has(before) ? 'future' : null;
  }

  /**
   * The year of a month named without one: the latest such month on or before the document
   * date in a past sentence, the next one on or after it in a future sentence, and without a
   * cue the nearer of the two (a tie goes to the past).
   */
  monthYear(month: number, start: number, end: number): number {
    const doc = this.doc!;
    if (month === doc.month) return doc.year;
    const tense = this.tenseWithForwardPreposition(start, end);
    const back = (doc.month - month + 12) % 12;
    const ahead = (month - doc.month + 12) % 12;
    const future = tense === 'future' || (tense === null && ahead < back);
    if (future) return month > doc.month ? doc.year : doc.year + 1;
    return month < doc.month ? doc.year : doc.year - 1;
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
    // The document's own month is this year whatever the tense ("is visiting from March 2" on March 3).
    let tense: Direction | null = null;
    if (month === doc.month) this.countUnneededTense(start);
    else tense = this.tenseWithForwardPreposition(start, end);
    if (month === doc.month) y = doc.year;
    else if (tense === 'future') y = futureYear;
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
  const deferred = new Recognizer(text, doc, true);
  scanAll(deferred);
  let kept = selectLongest(deferred.found);
  // Past the budget the eager run would have read some tenses as null: run it (a text made of dates).
  if (deferred.tenseReadings > deferred.tenseBudgetAtStart || !resolvePending(kept)) {
    const eager = new Recognizer(text, doc, false, deferred.triggerWindows);
    scanAll(eager);
    kept = selectLongest(eager.found);
  }
  if (doc) alignDayRanges(text, kept);
  return kept.map((c) => ({
    start: c.start,
    end: c.end,
    text: text.slice(c.start, c.end),
    value: c.value,
    precision: c.precision,
    relative: c.relative,
  }));
}

function scanAll(r: Recognizer): void {
  for (const scan of SCANNERS) {
    try {
      scan(r);
    } catch {
      // A bug in one scanner must never take the analysis down: keep what the others find.
    }
  }
}

/**
 * Computes the deferred values of the kept candidates; false if one throws (the eager run,
 * where the throw stops its scanner, is the reference then).
 */
function resolvePending(kept: Candidate[]): boolean {
  try {
    for (const c of kept) {
      if (c.pending === null) continue;
      c.value = c.pending();
      c.pending = null;
    }
  } catch {
    return false;
  }
  return true;
}

/** In order; where two readings overlap the longer one wins, so the order only breaks ties. */
const SCANNERS: ReadonlyArray<(r: Recognizer) => void> = [
  scanNumericDates,
  (r) => scanMonthDay(r, MONTH_DAY_RE),
  (r) => scanMonthDay(r, DAY_MONTH_RE),
  scanMonthRanges,
  scanMonths,
  scanWeekdays,
  scanRelative,
  scanPartOf,
  scanDeictic,
  scanAgo,
  scanYears,
  scanDecadesAndCenturies,
  scanSeasons,
  scanAnaphoric,
  scanWeekends,
  scanCurrentUnits,
  scanHolidays,
  ...(INCLUDE_PRESENT_REFERENCE ? [scanPresent] : []),
];

const RANGE_JOIN = /^\s*(?:-|–|—|to|until|till|through|and)\s*$/;

/**
 * "from February 27 to March 4": a range starts before it ends, so a start resolved into the
 * year after its end (each end read on its own) moves back a year.
 */
function alignDayRanges(text: string, kept: Candidate[]): void {
  for (let i = 1; i < kept.length; i++) {
    const first = kept[i - 1]!;
    const second = kept[i]!;
    if (!first.relative || first.precision !== 'day' || second.precision !== 'day' || !first.value || !second.value) continue;
    if (second.start - first.end > 12 || first.value <= second.value) continue;
    if (!RANGE_JOIN.test(text.slice(first.end, second.start))) continue;
    const year = +first.value.slice(0, 4) - 1;
    const day = parseIsoDay(`${pad(year, 4)}${first.value.slice(4)}`);
    if (day && formatDay(day) <= second.value) first.value = formatDay(day);
  }
}

/** By start, then longest first; stable (scanner order breaks ties). */
function byStartThenLongest(a: Candidate, b: Candidate): number {
  return a.start - b.start || b.end - a.end;
}

/** Sorts as found.sort(byStartThenLongest): by insertion for an article's handful, without sort's scratch copy. */
function sortCandidates(found: Candidate[]): void {
  if (found.length > 32) {
    found.sort(byStartThenLongest);
    return;
  }
  for (let i = 1; i < found.length; i++) {
    const c = found[i]!;
    let j = i - 1;
    while (j >= 0 && byStartThenLongest(found[j]!, c) > 0) {
      found[j + 1] = found[j]!;
      j--;
    }
    found[j + 1] = c;
  }
}

/** Overlapping candidates: the longest wins (the fullest reading of the expression). */
function selectLongest(found: Candidate[]): Candidate[] {
  sortCandidates(found);
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

// Context patterns live here, created once: a regex literal inside a function is a new object
// on every call, garbage that the collector then has to clear in the middle of the pipeline.
const FIRST_DIGIT = /\d/;
const TRAILING_YEAR = /,?\s*\d{4}$/;
const DAY_NUMBER_BEFORE = /\d(?:st|nd|rd|th)?\s+(?:of\s+)?$/;
const CAPITAL_AFTER = /^ [A-Z]/;
const PRONOUN_OR_ARTICLE_AFTER = /^ (?:I|The|A)\b/;
const NAME_AND_COMMA_AFTER = /^ [A-Z][a-z]+,/;
const TIMES_OF_DAY_AFTER = /^\s+(?:nights|mornings|afternoons|evenings)\b/;
const CAPITALISED_WORD_AFTER = /^ [A-Z][a-z]/;
const ALL_SPACES = /\s+/g;
const CAPITALISED_WORD_BEFORE = /[A-Z][\w.]*\s$/;
const LOWER_CASE_OR_COMMA_BEFORE = /[a-z,;]\s+$/;
const ALL_DIGITS = /^\d+$/;
const PERCENT_AFTER = /^\s*(?:%|percent|per\s?cent)/i;
const YEAR_AFTER_HOLIDAY = /^,?\s+(\d{4})(?![\w])/;

function isLowerCaseCode(c: number): boolean {
  return c >= 97 && c <= 122;
}

function isUpperCaseCode(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * `word.replace(/\s+/, ' ')`: the first run of spaces as one space ("the  last" → "the last"). Most
 * determiners are one word, or two with one space: returned as they are, without a regex.
 */
function collapseFirstSpaces(word: string): string {
  for (let i = 0; i < word.length; i++) {
    if (!isPatternSpace(word.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < word.length && isPatternSpace(word.charCodeAt(j))) j++;
    if (j === i + 1 && word.charCodeAt(i) === 32) return word;
    return `${word.slice(0, i)} ${word.slice(j)}`;
  }
  return word;
}

/** `years` → `year`, `centuries` → `century`. */
function singularUnit(unit: string): string {
  const single = unit.endsWith('s') ? unit.slice(0, -1) : unit;
  return single.endsWith('ie') ? `${single.slice(0, -2)}y` : single;
}

/** Letters and digits, Latin scripts included; a code check, since this runs for every candidate. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

const RECURRENCE_LEFT: ReadonlySet<string> = new Set(['each', 'every', 'alternate']);
const FORWARD_PREPOSITIONS: ReadonlySet<string> = new Set(['before', 'by', 'until', 'till', 'til']);
const DURATION_LEFT = new Set(['for', 'over', 'during', 'throughout', 'within', 'through', 'of', 'all', 'entire', 'whole']);
/** Prepositions after which a four-digit number is a year whatever follows ("in 2015 more people"). */
const STRONG_YEAR_LEFT = new Set(['in', 'since', 'until', 'till', 'by', 'during', 'before', 'after', 'from', 'circa']);

/**
 * The words the context checks compare previousWord and nextWord with: each reads a word as itself
 * when it is one of them, as ALL_DIGITS_WORD when it is all digits, and as '' otherwise (any other
 * word gives the same answers as '': in no list, not all digits). No substring, no lower-casing.
 */
const CONTEXT_WORDS = new WordTable([
  ...FORWARD_PREPOSITIONS, 'since', 'the', 'and', 'or', 'in',
  ...QUANTITY_RIGHT_CONTEXT, ...QUANTITY_LEFT_CONTEXT, ...YEAR_LEFT_CONTEXT, ...BARE_MONTH_LEFT_CONTEXT,
  ...RECURRENCE_LEFT, ...LOWER_WEEKDAY_LEFT, ...DURATION_LEFT, ...STRONG_YEAR_LEFT, ...WEEKEND_LEFT,
]);
/** What previousWord and nextWord give for a word of digits only (ALL_DIGITS holds for it). */
const ALL_DIGITS_WORD = '0';

/** The word text[a, b) as the context checks read it (see CONTEXT_WORDS). */
function contextWord(text: string, a: number, b: number): string {
  const listed = CONTEXT_WORDS.find(text, a, b);
  if (listed !== '' || a === b) return listed;
  for (let i = a; i < b; i++) if (!isDigitCode(text.charCodeAt(i))) return '';
  return ALL_DIGITS_WORD;
}

/** The word just before `index` (lower-cased, see contextWord), skipping spaces only; '' at punctuation. */
function previousWord(text: string, index: number): string {
  let i = index - 1;
  for (let c = text.charCodeAt(i); i >= 0 && (c === 32 || c === 9 || c === 160); c = text.charCodeAt(--i));
  const end = i + 1;
  while (i >= 0 && i > end - 30 && isWordChar(text.charCodeAt(i))) i--;
  return contextWord(text, i + 1, end);
}

/** The word just after `index` (lower-cased, see contextWord), skipping spaces only; '' at punctuation. */
function nextWord(text: string, index: number): string {
  let i = index;
  for (let c = text.charCodeAt(i); i < text.length && (c === 32 || c === 9 || c === 160); c = text.charCodeAt(++i));
  const start = i;
  while (i < text.length && i < start + 30 && isWordChar(text.charCodeAt(i))) i++;
  return contextWord(text, start, i);
}

const FULL_MONTH_NAMES: ReadonlySet<string> = new Set(MONTH_FULL_NAMES.map((m) => m.toLowerCase()));

/** The word without an abbreviation's final dot. */
function undotted(word: string): string {
  return word.charCodeAt(word.length - 1) === 46 ? word.slice(0, -1) : word;
}

/**
 * Month numbers by spelling as the patterns capture them (capitalised or all-capital, with or
 * without an abbreviation's dot): most look-ups need no lower-cased copy of the name.
 */
const MONTH_BY_SPELLING: ReadonlyMap<string, number> = new Map(
  [...MONTHS].flatMap(([name, n]) => {
    const spellings = [name[0]!.toUpperCase() + name.slice(1), name.toUpperCase()];
    return [...spellings, ...spellings.map((w) => `${w}.`)].map((w) => [w, n] as [string, number]);
  }),
);

function monthNumber(name: string): number {
  return MONTH_BY_SPELLING.get(name) ?? MONTHS.get(undotted(name).toLowerCase()) ?? 0;
}

/** Whether the name (without a dot) is a full month name, in any case. */
function isFullMonthName(name: string): boolean {
  return FULL_MONTH_SPELLINGS.has(name) || FULL_MONTH_NAMES.has(name.toLowerCase());
}
const FULL_MONTH_SPELLINGS: ReadonlySet<string> = new Set(MONTH_FULL_NAMES.flatMap((m) => [m, m.toUpperCase()]));

// ---------------------------------------------------------------------------------------------
// Scanners.

function scanNumericDates(r: Recognizer): void {
  const G = NUMERIC_DATE_PATTERN.group;
  const matches = r.matches(NUMERIC_DATE_RE, 'digit');
  // One order per document: a first number above 12 anywhere shows the writer puts the day first.
  let documentDayFirst = false;
  let documentMonthFirst = false;
  for (const m of matches) {
    if (!m[G.a] || m[G.s2] !== '/') continue;
    if (+m[G.a]! > 12) documentDayFirst = true;
    else if (+m[G.b]! > 12) documentMonthFirst = true;
  }
  const slashDayFirst = documentDayFirst && !documentMonthFirst;
  for (const m of matches) {
    let year: number, month: number, day: number;
    if (m[G.y]) {
      year = +m[G.y]!;
      month = +m[G.m]!;
      day = +m[G.d]!;
    } else {
      year = +m[G.y2]!;
      const a = +m[G.a]!;
      const b = +m[G.b]!;
      // Day-first when the first number cannot be a month or the document writes days first;
      // otherwise the US month-first order, except with dots or dashes (`20.12.2019`,
      // `16-10-2024`), day-first wherever used; a second number above 12 is always the day.
      const dayFirst = b <= 12 && (a > 12 || m[G.s2] === '.' || m[G.s2] === '-' || slashDayFirst);
      month = dayFirst ? b : a;
      day = dayFirst ? a : b;
    }
    if (year < 1000 || year > 2199 || !isValidDay(year, month, day)) continue;
    // A time right after the date (`16-10-2024 09:12`) stays in its span; the value is the day.
    r.add(m.index, m.index + m[0].length, formatDay({ year, month, day }), 'day', false);
  }
}

function scanMonthDay(r: Recognizer, re: RegExp): void {
  const G = re === DAY_MONTH_RE ? DAY_MONTH_PATTERN.group : MONTH_DAY_PATTERN.group;
  for (const m of r.matches(re, 'month')) {
    const month = monthNumber(m[G.month]!);
    const day = +m[G.day]!;
    if (!month || day < 1 || day > 31) continue;
    let start = m.index;
    let end = start + m[0].length;
    // "on 9 January." : the dot after a full name closes the sentence.
    if (re === DAY_MONTH_RE && !m[G.year] && m[G.month]!.endsWith('.') && isFullMonthName(m[G.month]!.slice(0, -1))) end--;
    // The word before was not a weekday ("Geneva, 15 December"): the date starts after it.
    if (m[G.wd] && !WEEKDAY_PREFIX_WORDS.has(undotted(m[G.wd]!).toLowerCase())) {
      start += re === DAY_MONTH_RE ? m[0].search(FIRST_DIGIT) : m[0].indexOf(m[G.month]!, m[G.wd]!.length);
    }
    let year = m[G.year] ? +m[G.year]! : null;
    // "On October 7, 1000 people marched": a number that is not a year stays out of the date.
    if (year !== null && (year < 1000 || year > 2199 || QUANTITY_RIGHT_CONTEXT.has(nextWord(r.text, end)))) {
      year = null;
      end = start + m[0].search(TRAILING_YEAR);
    }
    if (year === null && r.doc) {
      const dayStart = start;
      const dayEnd = end;
      r.later(dayStart, dayEnd, () => r.monthDay(month, day, null, dayStart, dayEnd).value, 'day', true);
    } else {
      const { value, relative } = r.monthDay(month, day, year, start, end);
      if (year !== null && value === null) continue;
      r.add(start, end, value, 'day', relative);
    }
    // The other end of a day range shares the month: "18 to 22 March", "March 18-22".
    const other =
      re === DAY_MONTH_RE
        ? mayEndRangeJoin(r.text, Math.max(0, start - 12), start) ? RANGE_FIRST_DAY.exec(r.text.slice(Math.max(0, start - 12), start)) : null
        : mayStartRangeJoin(r.text, end, Math.min(r.text.length, end + 12)) ? RANGE_SECOND_DAY.exec(r.text.slice(end, end + 12)) : null;
    if (other && !(re === MONTH_DAY_RE && QUANTITY_RIGHT_CONTEXT.has(nextWord(r.text, end + other[0].length)))) {
      const otherDay = +other[2]!;
      const otherStart = re === DAY_MONTH_RE ? start - other[0].length : end + other[0].length - other[1]!.length;
      const otherEnd = otherStart + other[1]!.length;
      if (otherDay >= 1 && otherDay <= 31 && otherDay !== day) {
        if (year === null && r.doc) {
          r.later(otherStart, otherEnd, () => r.monthDay(month, otherDay, null, otherStart, otherEnd).value, 'day', true);
        } else {
          const resolved = r.monthDay(month, otherDay, year, otherStart, otherEnd);
          if (resolved.value !== null || year === null) r.add(otherStart, otherEnd, resolved.value, 'day', resolved.relative);
        }
      }
    }
  }
}

/**
 * Whether text[from, to) may open with RANGE_SECOND_DAY's joining word: its first character past
 * the spaces starts `-`, `–`, `to`, `and` or `until`. Most dates have none: no substring, no regex.
 */
function mayStartRangeJoin(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && isPatternSpace(text.charCodeAt(i))) i++;
  if (i >= to) return false;
  const c = text.charCodeAt(i);
  return c === 45 || c === 0x2013 || c === 116 || c === 97 || c === 117;
}

/** Whether text[from, to) may end with RANGE_FIRST_DAY's joining word: its last character before the spaces ends `-`, `–`, `to`, `and` or `until`. */
function mayEndRangeJoin(text: string, from: number, to: number): boolean {
  let i = to;
  while (i > from && isPatternSpace(text.charCodeAt(i - 1))) i--;
  if (i <= from) return false;
  const c = text.charCodeAt(i - 1);
  return c === 45 || c === 0x2013 || c === 111 || c === 100 || c === 108;
}

/** `18 to ` before a day-month date; `-22` or ` to 22nd` after a month-day one. */
const RANGE_FIRST_DAY = /(?<![\w.,/:-])((\d{1,2})(?:st|nd|rd|th)?)\s*(?:-|–|to|and|until)\s*$/;
const RANGE_SECOND_DAY = /^\s*(?:-|–|to|and|until)\s*((\d{1,2})(?:st|nd|rd|th)?)(?![\w:]|[.,]\d)/;

function scanMonthRanges(r: Recognizer): void {
  const G = MONTH_RANGE_PATTERN.group;
  for (const m of r.matches(MONTH_RANGE_RE, 'month')) {
    if (m[G.conj] && !m[G.lead]) continue;
    if (!isFullMonthName(m[G.m1]!) || !isFullMonthName(m[G.m2]!)) continue;
    const first = monthNumber(m[G.m1]!);
    const second = monthNumber(m[G.m2]!);
    const start = m.index + (m[G.lead] ? m[0].indexOf(m[G.m1]!, m[G.lead]!.length) : 0);
    const end = m.index + m[0].length;
    const secondStart = end - (m[G.year] ? m[0].length - m[0].lastIndexOf(m[G.m2]!) : m[G.m2]!.length);
    const year = m[G.year] ? +m[G.year]! : null;
    if (year !== null) {
      // "November-January 2024": the first month is in the year before.
      r.add(start, start + m[G.m1]!.length, formatMonth(first > second ? year - 1 : year, first), 'month', false);
      r.add(secondStart, end, formatMonth(year, second), 'month', false);
      continue;
    }
    const doc = r.doc;
    if (!doc) {
      r.add(start, start + m[G.m1]!.length, null, 'month', true);
      r.add(secondStart, secondStart + m[G.m2]!.length, null, 'month', true);
      continue;
    }
    // Resolve the range as a whole: its end like a single month, its start the latest such month before the end.
    let endYear: number | undefined;
    const rangeEndYear = (): number => (endYear ??= r.monthYear(second, start, end));
    r.later(start, start + m[G.m1]!.length, () => formatMonth(first <= second ? rangeEndYear() : rangeEndYear() - 1, first), 'month', true);
    r.later(secondStart, secondStart + m[G.m2]!.length, () => formatMonth(rangeEndYear(), second), 'month', true);
  }
}

/** `February, March`: a month in a comma list of months. */
const MONTH_LIST_BEFORE = new RegExp(`(?:${MONTH_FULL_NAMES.join('|')}),\\s*$`);
const COORDINATED_DATE_BEFORE = new RegExp(`(?:${MONTH_FULL_NAMES.join('|')}|\\d{1,4})\\s*,?\\s+(?:and|or)\\s+$`);

function scanMonths(r: Recognizer): void {
  const G = MONTH_PATTERN.group;
  const text = r.text;
  for (const m of r.matches(MONTH_RE, 'month')) {
    const month = monthNumber(m[G.month]!);
    if (!month) continue;
    const start = m.index;
    let end = start + m[0].length;
    // "in May." : the dot after a full name closes the sentence.
    if (m[G.month]!.endsWith('.') && !m[G.year] && !m[G.rel] && isFullMonthName(m[G.month]!.slice(0, -1))) end--;
    // A day number right before the month belongs to a day-month date (rejected if impossible).
    if (!m[G.mod] && !m[G.det] && DAY_NUMBER_BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue;
    const isFullName = isFullMonthName(undotted(m[G.month]!));
    const bare = !m[G.mod] && !m[G.det] && !m[G.year] && !m[G.rel];
    if (!m[G.det] && RECURRENCE_LEFT.has(previousWord(text, start))) continue;
    if (bare) {
      if (!isFullName) continue;
      const before = previousWord(text, start);
      const listed = MONTH_LIST_BEFORE.test(text.slice(Math.max(0, start - 14), start));
      if (!BARE_MONTH_LEFT_CONTEXT.has(before) && !listed) continue;
      // "and May", "or June" only coordinate with another date ("in March and May"), not a name.
      if ((before === 'and' || before === 'or') && !COORDINATED_DATE_BEFORE.test(text.slice(Math.max(0, start - 30), start))) continue;
      // "in May be" / "May I" do not occur with dates; a following capitalised name ("June Smith") does.
      const after = text.slice(end, end + 2);
      if (CAPITAL_AFTER.test(after) && !PRONOUN_OR_ARTICLE_AFTER.test(text.slice(end, end + 5))) {
        if (!NAME_AND_COMMA_AFTER.test(text.slice(end, end + 20)) && before !== 'in' && before !== 'since') continue;
      }
    } else if (!isFullName && !m[G.year] && !m[G.det]) {
      continue;
    }
    if (m[G.year]) {
      const year = +m[G.year]!;
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
    const det = m[G.det]?.toLowerCase();
    if (m[G.rel]) year = doc.year + (m[G.rel] === 'last' ? -1 : m[G.rel] === 'next' ? 1 : 0);
    else if (det === 'this') year = doc.year;
    else if (det === 'last' || det === 'past') year = month < doc.month ? doc.year : doc.year - 1;
    else if (det === 'next' || det === 'coming') year = month > doc.month ? doc.year : doc.year + 1;
    else {
      const monthEnd = end;
      r.later(start, monthEnd, () => formatMonth(r.monthYear(month, start, monthEnd), month), 'month', true);
      continue;
    }
    r.add(start, end, formatMonth(year, month), 'month', true);
  }
}

function scanWeekdays(r: Recognizer): void {
  const G = WEEKDAY_PATTERN.group;
  for (const m of r.matches(WEEKDAY_RE, 'weekday')) {
    const weekday = WEEKDAYS.get(m[G.wd]!.toLowerCase());
    if (weekday === undefined) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (isLowerCaseCode(m[G.wd]!.charCodeAt(0)) && !LOWER_WEEKDAY_LEFT.has(previousWord(r.text, r.text.indexOf(m[G.wd]!, start)))) continue;
    // "each Thursday", "every Monday", "Tuesday nights": a recurring day (a set), not a date.
    if (!m[G.det] && RECURRENCE_LEFT.has(previousWord(r.text, start))) continue;
    if (TIMES_OF_DAY_AFTER.test(r.text.slice(end, end + 14))) continue;
    // "the Sunday Times", "The Monday Club": a weekday inside a capitalised name.
    if (!m[G.mod] && !m[G.det] && previousWord(r.text, start) === 'the' && CAPITALISED_WORD_AFTER.test(r.text.slice(end, end + 3))) continue;
    const doc = r.doc;
    if (!doc) {
      r.add(start, end, null, 'day', true);
      continue;
    }
    const today = isoWeekday(doc);
    const back = (today - weekday + 7) % 7; // days back to the most recent such day, 0 = today
    const ahead = (weekday - today + 7) % 7;
    const det = m[G.det] === undefined ? undefined : collapseFirstSpaces(m[G.det]!.toLowerCase());
    let offset: number;
    // "Monday last week": that weekday of the named week.
    if (m[G.week]) offset = weekday - today + (m[G.week] === 'last' ? -7 : m[G.week] === 'next' ? 7 : 0);
    else if (det === 'last' || det === 'past' || det === 'this past') offset = -(back || 7);
    else if (det === 'next') offset = ahead || 7;
    else if (det === 'this' || det === 'coming') offset = ahead;
    else {
      r.later(start, end, () => formatDay(addDays(doc, r.direction(start, end) === 'future' ? ahead : -back)), 'day', true);
      continue;
    }
    r.add(start, end, formatDay(addDays(doc, offset)), 'day', true);
  }
}



function scanRelative(r: Recognizer): void {
  const G = RELATIVE_PATTERN.group;
  const text = r.text;
  for (const m of r.matches(RELATIVE_RE, 'unit')) {
    const start = m.index;
    const end = start + m[0].length;
    const det = collapseFirstSpaces(m[G.det]!.toLowerCase());
    const unit = m[G.unit]!;
    // "over the past year", "for the next month": spans of time, not calendar points.
    if (det.startsWith('the ') && !m[G.mod] && DURATION_LEFT.has(previousWord(text, start))) continue;
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
  const G = PART_OF_PATTERN.group;
  for (const m of r.matches(PART_OF_RE, 'unit')) {
    const start = m.index;
    const end = start + m[0].length;
    const unit = m[G.unit] as 'year' | 'month' | 'week';
    const doc = r.doc;
    if (!doc) {
      r.add(start, end, null, unit, true);
      continue;
    }
    // "the end of the year" told in the past is the last year-end before the document date;
    // "the beginning of the year" told in the future is the next one.
    const part = m[G.part]!.includes('end') ? 'end' : m[G.part]!.includes('middle') ? 'middle' : 'start';
    const dir = r.direction(start, end);
    let step = 0;
    if (part === 'end' && dir === 'past') step = -1;
    if (part === 'start' && dir === 'future') step = 1;
    r.add(start, end, shiftValue(doc, unit, step), unit, true);
  }
}

function scanDeictic(r: Recognizer): void {
  const G = DEICTIC_PATTERN.group;
  const text = r.text;
  for (const m of r.matches(DEICTIC_RE, 'deictic')) {
    const word = m[G.word]!;
    const start = m.index;
    const end = start + word.length;
    // "USA Today", "Japan Today": a capitalised "Today" right after a capitalised word is a name.
    if ((word === 'Today' || word === 'TODAY') && CAPITALISED_WORD_BEFORE.test(text.slice(Math.max(0, start - 20), start))) continue;
    // "the Today programme", "on Tomorrow's World": capitalised mid-sentence, it is a title.
    if (isUpperCaseCode(word.charCodeAt(0)) && isLowerCaseCode(word.charCodeAt(1)) && LOWER_CASE_OR_COMMA_BEFORE.test(text.slice(Math.max(0, start - 20), start))) continue;
    const lower = word.toLowerCase();
    const step = lower === 'yesterday' ? -1 : lower === 'tomorrow' ? 1 : 0;
    r.add(start, end, r.doc ? formatDay(addDays(r.doc, step)) : null, 'day', true);
  }
}

function scanAgo(r: Recognizer): void {
  const G = AGO_PATTERN.group;
  for (const m of r.matches(AGO_RE, 'ago')) {
    const start = m.index;
    const end = start + m[0].length;
    const nText = m[G.n]!.toLowerCase();
    let n: number | null = isDigitCode(nText.charCodeAt(0)) ? +nText : (NUMBER_WORDS.get(nText) ?? null);
    if (n !== null && m[G.n2]) n += NUMBER_WORDS.get(m[G.n2]!) ?? 0;
    const unit = singularUnit(m[G.unit]!);
    // "a decade ago" counts back in years, like "75 years ago": the year ten years back.
    const decades = unit === 'decade';
    if (decades && n !== null) n *= 10;
    const precision: DatePrecision =
      unit === 'year' || decades ? 'year' : unit === 'month' ? 'month' : unit === 'week' ? 'week' : unit === 'day' ? 'day' : 'century';
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
      default:
        value = pad(Math.floor((doc.year - 100 * n) / 100), 2);
    }
    r.add(start, end, value, precision, true);
  }
}


function isYearInContext(text: string, start: number, end: number, year: number): boolean {
  const before = previousWord(text, start);
  const charBefore = text[start - 1] ?? '';
  // "pre-2019", "F-2000": a hyphenated prefix that is not a modifier we consumed.
  if (charBefore === '-' || charBefore === '–') return false;
  // A unit after the number outweighs any preposition before it ("in 1000 days").
  if (QUANTITY_RIGHT_CONTEXT.has(nextWord(text, end))) return false;
  // A group in a run of numbers ("+1 202 555 1987", "2,000 1999").
  if (ALL_DIGITS.test(before)) return false;
  if (STRONG_YEAR_LEFT.has(before)) return true;
  if (QUANTITY_LEFT_CONTEXT.has(before)) return false;
  // A number opening a list of figures ("1,500 and 2000") or a unit after a dash.
  if (PERCENT_AFTER.test(text.slice(end, end + 10))) return false;
  if (year >= 1800) return true;
  return YEAR_LEFT_CONTEXT.has(before);
}

function scanYears(r: Recognizer): void {
  const G = YEAR_PATTERN.group;
  const text = r.text;
  for (const m of r.matches(YEAR_RE, 'digit')) {
    const year = +m[G.y]!;
    const yearStart = m.index + m[0].indexOf(m[G.y]!, m[G.mod] ? m[G.mod]!.length : 0);
    const yearEnd = yearStart + 4;
    if (!m[G.mod] && !isYearInContext(text, yearStart, yearEnd, year)) continue;
    let second: number | null = null;
    if (m[G.y2]) {
      const raw = +m[G.y2]!;
      second = m[G.y2]!.length === 2 ? Math.floor(year / 100) * 100 + raw : raw;
      if (second <= year || second - year > 100) second = null;
    }
    // A modifier ("early 2011") stays in the span of the first year.
    r.add(m[G.mod] ? m.index : yearStart, yearEnd, formatYear(year), 'year', false);
    if (second !== null) {
      const secondEnd = m.index + m[0].length;
      r.add(secondEnd - m[G.y2]!.length, secondEnd, formatYear(second), 'year', false);
    }
  }
}

function scanDecadesAndCenturies(r: Recognizer): void {
  for (const m of r.matches(DECADE_RE, 'digit')) {
    r.add(m.index, m.index + m[0].length, `${m[DECADE_PATTERN.group.c]}${m[DECADE_PATTERN.group.d]}`, 'decade', false);
  }
  for (const m of r.matches(CENTURY_RE, 'unit')) {
    const n = +m[CENTURY_PATTERN.group.n]!;
    if (n < 1 || n > 22) continue;
    r.add(m.index, m.index + m[0].length, pad(n - 1, 2), 'century', false);
  }
}

function scanSeasons(r: Recognizer): void {
  const G = SEASON_PATTERN.group;
  for (const m of r.matches(SEASON_RE, 'season')) {
    if (!m[G.det] && !m[G.year]) continue;
    r.add(m.index, m.index + m[0].length, null, null, !m[G.year]);
  }
}

function scanAnaphoric(r: Recognizer): void {
  for (const m of r.matches(ANAPHORIC_RE, 'unit')) {
    const unit = m[0].includes('day') ? 'day' : m[0].includes('week') ? 'week' : m[0].includes('month') ? 'month' : 'year';
    r.add(m.index, m.index + m[0].length, null, unit, true);
  }
}

function scanWeekends(r: Recognizer): void {
  for (const m of r.matches(WEEKEND_RE, 'unit')) {
    const start = m.index;
    const end = start + m[0].length;
    if (!WEEKEND_LEFT.has(previousWord(r.text, start))) continue;
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
  const G = CURRENT_UNIT_PATTERN.group;
  for (const m of r.matches(CURRENT_UNIT_RE, 'unit')) {
    const end = m.index + m[0].length;
    const start = end - m[G.span]!.length;
    const unit = m[G.unit] as 'year' | 'month' | 'week';
    r.add(start, end, r.doc ? shiftValue(r.doc, unit, 0) : null, unit, true);
  }
}

function scanHolidays(r: Recognizer): void {
  for (const m of r.matches(HOLIDAY_RE, 'holiday')) {
    const monthDay = HOLIDAYS.get(m[0].toLowerCase().replace(ALL_SPACES, ' ').replace('’', "'"));
    if (!monthDay) continue;
    const start = m.index;
    const end = start + m[0].length;
    // "Christmas shopping" still points at Christmas; a following year makes it absolute.
    const year = YEAR_AFTER_HOLIDAY.exec(r.text.slice(end, end + 8));
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
  PRESENT_RE.lastIndex = 0;
  for (let m = PRESENT_RE.exec(r.text); m; m = PRESENT_RE.exec(r.text)) r.add(m.index, m.index + m[0].length, null, null, true);
}
