import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatDay,
  formatMonth,
  formatWeek,
  formatYear,
  fromEpochDay,
  isoWeekday,
  toEpochDay,
} from '../../src/analysis/dates/calendar';

const MS_PER_DAY = 86_400_000;
/** Day counts through Date objects: the reference the calendar's arithmetic must agree with. */
const dateToEpochDay = (year: number, month: number, day: number): number => Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
const dateFromEpochDay = (n: number): { year: number; month: number; day: number } => {
  const date = new Date(n * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
};

describe('calendar arithmetic agrees with Date', () => {
  it('on every day from 1000 to 2200, both ways', () => {
    const first = dateToEpochDay(1000, 1, 1);
    const last = dateToEpochDay(2200, 12, 31);
    let mismatches = 0;
    for (let n = first; n <= last; n++) {
      const day = fromEpochDay(n);
      const reference = dateFromEpochDay(n);
      if (day.year !== reference.year || day.month !== reference.month || day.day !== reference.day) mismatches++;
      if (toEpochDay(day) !== n) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('on leap days and century years', () => {
    expect(fromEpochDay(dateToEpochDay(2000, 2, 29))).toEqual({ year: 2000, month: 2, day: 29 });
    expect(fromEpochDay(dateToEpochDay(1900, 3, 1) - 1)).toEqual({ year: 1900, month: 2, day: 28 });
    expect(addDays({ year: 2024, month: 2, day: 28 }, 1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addDays({ year: 2023, month: 12, day: 31 }, 1)).toEqual({ year: 2024, month: 1, day: 1 });
    expect(isoWeekday({ year: 2024, month: 6, day: 12 })).toBe(2); // a Wednesday
  });

  it('keeps Date’s readings outside the arithmetic’s range', () => {
    // Date.UTC reads years 0-99 as 1900-1999, and rolls overflowing days into the next month.
    expect(toEpochDay({ year: 50, month: 1, day: 1 })).toBe(dateToEpochDay(50, 1, 1));
    expect(toEpochDay({ year: 2023, month: 2, day: 30 })).toBe(dateToEpochDay(2023, 3, 2));
    expect(toEpochDay({ year: 10000, month: 1, day: 1 })).toBe(dateToEpochDay(10000, 1, 1));
    expect(fromEpochDay(dateToEpochDay(12000, 5, 6))).toEqual({ year: 12000, month: 5, day: 6 });
  });

  it('formats with zero padding, negative and five-digit years included', () => {
    expect(formatDay({ year: 2024, month: 3, day: 5 })).toBe('2024-03-05');
    expect(formatDay({ year: 987, month: 12, day: 31 })).toBe('0987-12-31');
    expect(formatDay({ year: -44, month: 3, day: 15 })).toBe('-0044-03-15');
    expect(formatMonth(12000, 1)).toBe('12000-01');
    expect(formatYear(2019)).toBe('2019');
    expect(formatWeek({ year: 2021, month: 1, day: 3 })).toBe('2020-W53');
  });
});
