// The article's own date, when its text states it: a `date` header, a `Published:` line, a
// dateline ("Geneva, 15 December 2023(TDI):") or a date standing alone on a line near the top.
// Dates deep in the body are events, not the publication date, so they are never used.
import { DAY_DATE_OPENING_WORDS, findDates } from './dates';
import { parseIsoDay } from './dates/calendar';
import type { DocumentDateInfo } from './types';

export function isIsoDay(value: string): boolean {
  return parseIsoDay(value) !== null;
}

/** How far into the text the header, byline and dateline can reasonably be. */
const HEAD_LENGTH = 3000;
/** A date alone on a line counts as the article's date only this close to the top. */
const HEADING_LENGTH = 2000;

const LABEL_BEFORE =
  /(?:^|[|•·/])\s*(?<label>date[d]?|published|posted|updated|last\s+updated|last\s+modified|modified|first\s+published|publication\s+date|release\s+date|released|issued|created)(?:\s+on)?\s*[:\-–—]?\s*(?:(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*(?:[A-Z]{2,5})?\s*[,|]?\s*)?$/i;
/** Nothing before the date on its line, or only byline segments closed by a separator ("By X | "). */
const ALONE_BEFORE = /^(?:[^\n]{0,80}[|•·/])?\s*$/;
// `16.10.2024 - 14:05`: a dash may part the date from its time.
const ALONE_AFTER =
  /^(?:T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?[\s,|•·]*(?:[-–—]\s*(?=\d))?(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?\s?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?)?\s*(?:[|•·][^\n]{0,80}|(?:last\s+)?updated[^\n]{0,80})?$/i;
/** `Geneva, `, `NAIROBI, Kenya, `, `PARIS (AFP) – `: capitalised place words, an agency, a separator. */
const DATELINE_BEFORE =
  /^\s*(?:(?:[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ.'’-]*(?:\s+[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ.'’-]*){0,3})(?:,\s*[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ.'’-]*(?:\s+[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ.'’-]*){0,3}){0,2}\s*(?:\([A-Za-z .&-]{1,20}\)\s*)?[,:–—-]\s*)?$/;
const DATELINE_AFTER = /^\s*(?:\(|—|–|-{1,2}\s|:|\/)/;

/** Lower is better. */
const enum Rank {
  Label = 0,
  Dateline = 1,
  Heading = 2,
  Updated = 3,
}

export function findDocumentDate(text: string): DocumentDateInfo | null {
  try {
    return findInHead(text.slice(0, HEAD_LENGTH));
  } catch {
    return null;
  }
}

/**
 * A full date carries a four-digit year and a month (a name or a number between separators):
 * lines without both are skipped unread.
 */
const YEAR_IN_HEAD = /\d{4}/g;
const HAS_MONTH = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)|\d[-/.]\d/;
/**
 * What every absolute day findDates can read contains: a numeric date (`2019-12-20`,
 * `20.12.2019`), a month and day with a year after them (`May 19, 2023`, `15th December 2023`)
 * or a holiday with a year (`Christmas Day 2019`). A line with a year and a month name but none
 * of these ("In July 2005 ...") holds no date of the article, and findDates, the costly part,
 * is not run on it.
 */
const HAS_FULL_DAY =
  /\d[-/.]\d{1,2}[-/.]\d|[A-Za-z.]\s*\d{1,2}(?:st|nd|rd|th)?,?\s*\d{4}|\d(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Za-z]+\.?,?\s*\d{4}|(?:Christmas|Day|Eve|Halloween),?\s+\d{4}/;

/** A word of LABEL_BEFORE's labels (every label holds one), in any case. */
const LABEL_WORD = /date|published|posted|modified|released|issued|created/i;
/** ALONE_BEFORE's byline separators. */
const BYLINE_SEPARATOR = /[|•·/]/;

/**
 * Whether a day found on the line could rank: a superset of the tests in findInHead, read before
 * findDates, the costly part, runs on a line of body text that merely holds a full date. A label
 * or a byline separator anywhere lets it run. Otherwise the date must open the line or follow a
 * dateline (DATELINE_BEFORE: capitalised words, commas, an agency in brackets, a separator), so
 * the line is read from its start over what a dateline may hold: a digit or a word that can open
 * a day (DAY_DATE_OPENING_WORDS) lets findDates run; a word in lower case after a space or a
 * comma, or a character no dateline holds, ends the reading (no day past it can rank).
 */
function mayRankOnLine(line: string): boolean {
  if (LABEL_WORD.test(line) || BYLINE_SEPARATOR.test(line)) return true;
  let wordMayStart = true;
  for (let i = 0; i < line.length; ) {
    const c = line.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
    if (isUpperLatin(c)) {
      let end = i + 1;
      while (end < line.length && isLatinLetter(line.charCodeAt(end))) end++;
      if (DAY_DATE_OPENING_WORDS.has(line.slice(i, end).toLowerCase())) return true;
      i = end;
      wordMayStart = false;
      continue;
    }
    if (isLatinLetter(c)) {
      // A lower-case word after a space or a comma: no capitalised word of a dateline.
      if (wordMayStart) return false;
      i++;
      continue;
    }
    if (c === 40) {
      // `(AFP)`: an agency of up to 20 letters, spaces, `.`, `&` and `-`.
      const close = line.indexOf(')', i);
      if (close < 0 || close - i > 21) return false;
      i = close + 1;
      wordMayStart = true;
      continue;
    }
    // Spaces, commas and separators open a word; a dot, a hyphen or an apostrophe may sit inside one.
    if (isDatelineSpace(c) || c === 44 || c === 58 || c === 0x2013 || c === 0x2014) wordMayStart = true;
    else if (!(c === 45 || c === 46 || c === 39 || c === 0x2019)) return false;
    i++;
  }
  return false;
}

/** `\s` of a pattern. */
function isDatelineSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
/** `[A-ZÀ-ÖØ-Þ]`: what starts a capitalised dateline word. */
function isUpperLatin(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xd6) || (c >= 0xd8 && c <= 0xde);
}
/** `[A-Za-zÀ-ÖØ-öø-ÿ]`. */
function isLatinLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0xd6) || (c >= 0xd8 && c <= 0xf6) || (c >= 0xf8 && c <= 0xff);
}

function findInHead(head: string): DocumentDateInfo | null {
  let best: { rank: Rank; value: string; start: number; end: number } | null = null;
  // Only lines with a year are read: one scan for four digits over the head finds them, where a
  // test per line cost a call, a substring and a regex run for each of the many lines without one.
  const years = YEAR_IN_HEAD;
  years.lastIndex = 0;
  while (years.test(head)) {
    const year = years.lastIndex - 4;
    const lineStart = head.lastIndexOf('\n', year) + 1;
    const newline = head.indexOf('\n', year);
    const lineEnd = newline < 0 ? head.length : newline;
    // The next search starts at the next line.
    years.lastIndex = lineEnd;
    const line = head.slice(lineStart, lineEnd);
    if (HAS_MONTH.test(line) && HAS_FULL_DAY.test(line) && mayRankOnLine(line)) {
      for (const mention of findDates(line, null)) {
        if (mention.precision !== 'day' || mention.relative || !mention.value || !isIsoDay(mention.value)) continue;
        const before = line.slice(0, mention.start);
        const after = line.slice(mention.end);
        const start = lineStart + mention.start;
        let rank: Rank | null = null;
        const label = LABEL_BEFORE.exec(before);
        if (label) rank = /updated|modified/i.test(label.groups!.label!) ? Rank.Updated : Rank.Label;
        else if (DATELINE_BEFORE.test(before) && (DATELINE_AFTER.test(after) || ALONE_AFTER.test(after))) rank = Rank.Dateline;
        else if (start < HEADING_LENGTH && ALONE_BEFORE.test(before) && ALONE_AFTER.test(after)) rank = Rank.Heading;
        if (rank === null) continue;
        if (!best || rank < best.rank) best = { rank, value: mention.value, start, end: lineStart + mention.end };
        if (rank === Rank.Label) break;
      }
      if (best?.rank === Rank.Label) break;
    }
  }
  if (!best) return null;
  return {
    value: best.value,
    origin: 'text',
    span: { start: best.start, end: best.end, text: head.slice(best.start, best.end) },
  };
}
