// Plain proleptic-Gregorian arithmetic in UTC: no local time zone can shift a day.

export interface Day {
  year: number;
  month: number; // 1-12
  day: number;
}

const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

// The day counts below are Howard Hinnant's civil-day algorithms (integer arithmetic on the
// proleptic Gregorian calendar, like Date), used for valid days of years 100-9999: a Date object
// per conversion costs several times more, and every relative date makes one or two. Other input
// (Date.UTC reads years 0-99 as 1900-1999, overflowing days roll over) keeps going through Date.

/** Days since 1970-01-01. */
export function toEpochDay(d: Day): number {
  const { year, month, day } = d;
  if (year >= 100 && year <= 9999 && Number.isInteger(year) && Number.isInteger(day) && isValidDay(year, month, day)) {
    const y = month <= 2 ? year - 1 : year;
    const era = Math.floor(y / 400);
    const yearOfEra = y - era * 400;
    const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
    const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
  }
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Days 0100-01-01 and 9999-12-31 since 1970-01-01: the range of the arithmetic below. */
const FIRST_FAST_DAY = -682907;
const LAST_FAST_DAY = 2932896;

export function fromEpochDay(n: number): Day {
  if (n >= FIRST_FAST_DAY && n <= LAST_FAST_DAY && Number.isInteger(n)) {
    const z = n + 719468;
    const era = Math.floor(z / 146097);
    const dayOfEra = z - era * 146097;
    const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
    const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
    const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
    const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
    const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
    return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
  }
  const date = new Date(n * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: Day, n: number): Day {
  return fromEpochDay(toEpochDay(d) + n);
}

/** 0 = Monday ... 6 = Sunday (ISO order). */
export function isoWeekday(d: Day): number {
  // 1970-01-01 was a Thursday (ISO index 3).
  return (((toEpochDay(d) + 3) % 7) + 7) % 7;
}

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(d: Day): { year: number; week: number } {
  const epoch = toEpochDay(d);
  const thursday = epoch - isoWeekday(d) + 3;
  const year = fromEpochDay(thursday).year;
  const jan1 = toEpochDay({ year, month: 1, day: 1 });
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

export function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

/** `00` to `99`: months, days and weeks are formatted without building a padded copy each time. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** pad(n, 2). */
function pad2(n: number): string {
  return n >= 0 && n < 100 && Number.isInteger(n) ? TWO_DIGITS[n]! : pad(n, 2);
}

/** pad(n, 4). */
function pad4(n: number): string {
  return n >= 1000 && n <= 9999 && Number.isInteger(n) ? String(n) : pad(n, 4);
}

export function formatDay(d: Day): string {
  return `${pad4(d.year)}-${pad2(d.month)}-${pad2(d.day)}`;
}

export function formatMonth(year: number, month: number): string {
  return `${pad4(year)}-${pad2(month)}`;
}

export function formatYear(year: number): string {
  return pad4(year);
}

export function formatWeek(d: Day): string {
  const w = isoWeek(d);
  return `${pad4(w.year)}-W${pad2(w.week)}`;
}

/** Shifts a (year, month) pair by n months. */
export function addMonths(year: number, month: number, n: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + n;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

/** Created once: a literal inside the function would be a new regex object on every call. */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDay(value: string): Day | null {
  const m = ISO_DAY.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidDay(year, month, day) ? { year, month, day } : null;
}
