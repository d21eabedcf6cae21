// The dates stage reads its triggers from the words the officials stage tokenized (names.ts) instead
// of one regex pass over the text: the trigger windows must be exactly those of the regex pass.
import { describe, expect, it } from 'vitest';
import { findDates, triggerWindowRows } from '../../src/analysis/dates';
import { dropSharedWords, keepSharedWords, tokenize } from '../../src/analysis/names';
import { lcg, textOfPieces } from '../helpers/rng';
import { loadSeeds } from '../helpers/seeds';

const rows = (text: string, shared: boolean) => triggerWindowRows(text, shared ? tokenize(text) : null);

// Pieces on every edge of `\b`, `\d{4}` and the tokenizer's rules: triggers glued to digits,
// underscores, hyphens, apostrophes, points and letters beyond ASCII; mixed case ("JanFeb",
// "MARCH", "MARch"); digit runs of every length inside numbers with separators; possessives,
// dotted abbreviations, combining marks, the Kelvin sign, digits beyond ASCII, odd spaces.
const PIECES = [
  'May', 'MAY', 'may', 'March', 'MARCH', 'MARch', 'Mar', 'Sept', 'Sep.', 'September', 'Septembers', 'JanFeb', 'DecJAN', 'MAYBE', 'MAYbe', 'todayMarch', 'iPhone', 'McMay', 'MondayS', 'Monday',
  'monday', 'Mondays', 'TUE', 'today', 'Today', 'TODAY', 'yesterday', 'year', 'years', 'Year', 'week', 'weekend', 'weekends', 'decade',
  'century', 'Century', 'day', 'days', 'ago', 'Ago', 'spring', 'Summer', 'Christmas', 'Boxing', 'New', 'Valentine', 'Halloween',
  '2019', '1990s', '12345678', '123', '1', '20.12.2019', '2019-12-20', '1,000,000', '3:45', '12:3456', '١٢٣٤', '5th', 'x2019',
  'mid-May', 'mid‑May', 'Mid-March', "May's", 'May’s', 'O’May', "rock'n'May", 'U.S.', 'U.S', 'Mr.', 'e.g.', 'N.Y.', 'Café', 'éMay',
  'Mayé', 'e\u0301', '\u212aelvin', 'x²', 'Ω', '_May', 'May_', '__', 'the', 'end', 'of', 'last', 'in', 'same', 'following', 'fiscal',
  'to', 'and', '-', '–', '—', '.', ',', '/', "'", '’', '“', '(', ')', ' ', ' ', ' ', '  ', '\n', '\u00a0', '\u2009', '\t', '😀',
];

describe('trigger windows read from the shared words', () => {
  it('are those of the regex pass on adversarial text', () => {
    const next = lcg(17);
    let windows = 0;
    for (let n = 0; n < 4000; n++) {
      const text = textOfPieces(next, PIECES, 1, 16);
      const expected = rows(text, false);
      windows += expected.length;
      expect(rows(text, true), JSON.stringify(text)).toEqual(expected);
    }
    expect(windows).toBeGreaterThan(4000);
  });

  it('are those of the regex pass on the seed articles', () => {
    for (const { text } of loadSeeds()) {
      const expected = rows(text, false);
      expect(expected.length).toBeGreaterThan(0);
      expect(rows(text, true)).toEqual(expected);
    }
  });

  it('find the digit and word triggers at their edges', () => {
    // Far apart, so that each trigger has a window of its own.
    const filler = ' lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et ';
    const pieces = ['On 12345678', 'x2019', '5th', 'mid-May,', 'JanFeb', 'éMay', '_May', 'MARCH 3', 'rock’n’May'];
    const text = pieces.join(filler);
    const at = (piece: string, offset: number) => text.indexOf(piece) + offset;
    const starts = rows(text, true).map((r) => r[4]).sort((x, y) => x! - y!);
    // The second of the eight-digit run's two triggers, "2019" after a letter, the words after a
    // hyphen, before a capital, after a letter beyond ASCII and after an apostrophe; none after a
    // digit ("5th") or an underscore.
    expect(starts).toEqual([at('On', 7), at('x2019', 1), at('mid-May', 4), at('JanFeb', 0), at('éMay', 1), at('MARCH', 0), at('rock', 7)]);
    expect(rows(text, true)).toEqual(rows(text, false));
  });

  it('give findDates the dates of the regex pass', () => {
    const text = 'Talks resumed on Monday, March 3, 2025, and end mid-May; the 1990s were calmer than last year.';
    const alone = findDates(text, '2025-03-01');
    keepSharedWords();
    tokenize(text);
    const shared = findDates(text, '2025-03-01');
    dropSharedWords();
    expect(shared).toEqual(alone);
    expect(alone.map((d) => d.text)).toContain('mid-May');
  });
});
