import { describe, expect, it } from 'vitest';
import { compareEventDates, eventDateLabel, formatEventDate, parseEventDate, weekdayName } from '../../src/vscode/views/eventDates';

describe('event dates in the views', () => {
  it('reads every precision the engine writes', () => {
    expect(parseEventDate('2023-05-19')).toMatchObject({ precision: 'day', year: 2023, month: 5, day: 19 });
    expect(parseEventDate('2025-W20')).toMatchObject({ precision: 'week', year: 2025, month: 5, day: null });
    expect(parseEventDate('2023-12')).toMatchObject({ precision: 'month', year: 2023, month: 12 });
    expect(parseEventDate('2019')).toMatchObject({ precision: 'year', year: 2019, month: null });
    expect(parseEventDate('201')).toMatchObject({ precision: 'decade', year: 2010 });
    expect(parseEventDate('20')).toMatchObject({ precision: 'century', year: 2000 });
  });

  it('gives null for no date and for shapes it does not know, never throwing', () => {
    expect(parseEventDate(null)).toBeNull();
    expect(parseEventDate('')).toBeNull();
    expect(parseEventDate('2023-13-01')).toBeNull();
    expect(parseEventDate('2023-W54')).toBeNull();
    expect(parseEventDate('next Tuesday')).toBeNull();
  });

  it('labels dates the way a reader says them', () => {
    expect(eventDateLabel('2023-12-15')).toBe('15 December 2023');
    expect(eventDateLabel('2025-W20')).toBe('week of 12 May 2025');
    expect(eventDateLabel('2024-02')).toBe('February 2024');
    expect(eventDateLabel('201')).toBe('the 2010s');
    expect(eventDateLabel('20')).toBe('the 21st century');
    expect(eventDateLabel(null)).toBe('undated');
    expect(formatEventDate(parseEventDate('1999')!)).toBe('1999');
  });

  it('knows the weekday (ISO week 1 of 2021 starts on 4 January)', () => {
    expect(weekdayName(parseEventDate('2023-05-19')!)).toBe('Friday');
    expect(weekdayName(parseEventDate('2026-11-22')!)).toBe('Sunday');
    expect(eventDateLabel('2021-W01')).toBe('week of 4 January 2021');
  });

  it('sorts events of any precision by the start of their period, undated last', () => {
    const values = [null, '2023-05-19', '2023', '2023-05', '2022-W52', '201'];
    const sorted = values.map(parseEventDate).sort(compareEventDates).map((d) => d?.value ?? null);
    expect(sorted).toEqual(['201', '2022-W52', '2023', '2023-05', '2023-05-19', null]);
  });
});
