// Event dates as the engine writes them (ISO day, week, month, year; three digits for a decade, two for a
// century) turned into something the trees and the timeline can sort, group and label. Pure: no vscode.
import type { DatePrecision } from '../../analysis/types';

export interface EventDate {
  /** The engine's value, unchanged. */
  value: string;
  precision: DatePrecision;
  /** First day of the period, as days since 1970-01-01 (UTC): sorts events of any precision together. */
  startDay: number;
  /** Last day of the period (inclusive), same unit. */
  endDay: number;
  year: number;
  /** 1–12 when the precision is day or month (for a week: the month of its Monday). */
  month: number | null;
  /** 1–31 when the precision is day. */
  day: number | null;
}

const DAY_MS = 86_400_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const YEAR_RE = /^\d{4}$/;
const DECADE_RE = /^\d{3}$/;
const CENTURY_RE = /^\d{2}$/;

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** Monday of ISO week `week` of `year` (the week holding the year's first Thursday is week 1). */
function isoWeekMonday(year: number, week: number): number {
  const jan4 = dayNumber(year, 1, 4);
  // 1970-01-01 was a Thursday: (n + 3) mod 7 is 0 on Mondays.
  const jan4Weekday = (((jan4 + 3) % 7) + 7) % 7;
  return jan4 - jan4Weekday + (week - 1) * 7;
}

function fromDayNumber(n: number): { year: number; month: number; day: number } {
  const d = new Date(n * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Parses an event's date; null for null or a value in no known shape (never throws). */
export function parseEventDate(value: string | null | undefined): EventDate | null {
  if (!value) return null;
  let m: RegExpExecArray | null;
  if ((m = DAY_RE.exec(value))) {
    const year = +m[1]!, month = +m[2]!, day = +m[3]!;
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    const n = dayNumber(year, month, day);
    return { value, precision: 'day', startDay: n, endDay: n, year, month, day };
  }
  if ((m = WEEK_RE.exec(value))) {
    const year = +m[1]!, week = +m[2]!;
    if (week < 1 || week > 53) return null;
    const monday = isoWeekMonday(year, week);
    const start = fromDayNumber(monday);
    return { value, precision: 'week', startDay: monday, endDay: monday + 6, year, month: start.year === year ? start.month : 1, day: null };
  }
  if ((m = MONTH_RE.exec(value))) {
    const year = +m[1]!, month = +m[2]!;
    if (month < 1 || month > 12) return null;
    return { value, precision: 'month', startDay: dayNumber(year, month, 1), endDay: dayNumber(year, month + 1, 1) - 1, year, month, day: null };
  }
  if (YEAR_RE.test(value)) {
    const year = +value;
    return { value, precision: 'year', startDay: dayNumber(year, 1, 1), endDay: dayNumber(year + 1, 1, 1) - 1, year, month: null, day: null };
  }
  if (DECADE_RE.test(value)) {
    const year = +value * 10;
    return { value, precision: 'decade', startDay: dayNumber(year, 1, 1), endDay: dayNumber(year + 10, 1, 1) - 1, year, month: null, day: null };
  }
  if (CENTURY_RE.test(value)) {
    const year = +value * 100;
    return { value, precision: 'century', startDay: dayNumber(year, 1, 1), endDay: dayNumber(year + 100, 1, 1) - 1, year, month: null, day: null };
  }
  return null;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** A reader's label: "19 May 2023", "week of 12 May 2025", "May 2023", "2023", "the 2010s", "the 21st century". */
export function formatEventDate(d: EventDate): string {
  switch (d.precision) {
    case 'day':
      return `${d.day} ${MONTH_NAMES[d.month! - 1]} ${d.year}`;
    case 'week': {
      const monday = fromDayNumber(d.startDay);
      return `week of ${monday.day} ${MONTH_NAMES[monday.month - 1]} ${monday.year}`;
    }
    case 'month':
      return `${MONTH_NAMES[d.month! - 1]} ${d.year}`;
    case 'year':
      return String(d.year);
    case 'decade':
      return `the ${d.year}s`;
    case 'century':
      return `the ${ordinal(d.year / 100 + 1)} century`;
  }
}

/** The date's label, or "undated". */
export function eventDateLabel(value: string | null): string {
  const d = parseEventDate(value);
  return d ? formatEventDate(d) : value ?? 'undated';
}

export function weekdayName(d: EventDate): string {
  return WEEKDAY_NAMES[(((d.startDay + 4) % 7) + 7) % 7]!;
}

/** Sorts dated before undated, then by start, then the more precise first. */
export function compareEventDates(a: EventDate | null, b: EventDate | null): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return a.startDay - b.startDay || a.endDay - b.endDay;
}
