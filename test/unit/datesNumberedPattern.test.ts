import { describe, expect, it } from 'vitest';
import { numberedPattern } from '../../src/analysis/dates/numberedPattern';

describe('numberedPattern', () => {
  it('numbers the named groups in order, past lookarounds, classes and escaped parentheses', () => {
    const { re, group } = numberedPattern(/(?<![(\w])(?<month>[A-Z][a-z]+)\.?\s*\((?:of\s+)?(?<day>\d{1,2})\)(?=[\s,)]|$)(?<year>,\s*\d{4})?/g, ['month', 'day', 'year']);
    expect(group).toEqual({ month: 1, day: 2, year: 3 });
    const m = re.exec('On March (5), 2024 and May (of 12)')!;
    expect([m[0], m[group.month], m[group.day], m[group.year]]).toEqual(['March (5), 2024', 'March', '5', ', 2024']);
    expect(m.groups).toBeUndefined();
    const second = re.exec('On March (5), 2024 and May (of 12)')!;
    expect([second[group.month], second[group.day], second[group.year]]).toEqual(['May', '12', undefined]);
  });

  it('turns back-references by name into back-references by number, and counts unnamed groups', () => {
    const { re, group } = numberedPattern(/(\d{1,2})(?<sep>[-\/.])(?<m>\d{1,2})\k<sep>(?<y>\d{4})/, ['sep', 'm', 'y']);
    expect(group).toEqual({ sep: 2, m: 3, y: 4 });
    expect(re.exec('20.12.2019')?.[group.y]).toBe('2019');
    expect(re.exec('20.12/2019')).toBeNull();
  });

  it('refuses a list of names that does not match the pattern', () => {
    expect(() => numberedPattern(/(?<a>x)(?<b>y)/, ['a'])).toThrow();
    expect(() => numberedPattern(/(?<a>x)/, ['a', 'c'])).toThrow();
  });
});
