import { describe, expect, it } from 'vitest';
import { trieSource } from '../../src/analysis/dates/trie';
import { WordTrie } from '../../src/analysis/dates/wordTrie';

const WORDS = ['Sept', 'Sep', 'September', 'SEPT', 'SEP', 'May', 'MAY', 'day', 'today', 'week', 'weekend'];

/** The reference: what the alternation `\b(?:words)(?![a-z])` matches at `start` (sticky), or null. */
function regexAt(text: string, start: number): string | null {
  const re = new RegExp(`(?:${trieSource(WORDS)})(?![a-z])`, 'y');
  re.lastIndex = start;
  return re.exec(text)?.[0] ?? null;
}

function trieAt(trie: WordTrie, text: string, start: number): string | null {
  const index = trie.longestAt(text, start);
  if (index < 0) return null;
  expect(WORDS[index]).toBe(text.slice(start, trie.matchEnd));
  return WORDS[index]!;
}

describe('WordTrie', () => {
  const trie = new WordTrie(WORDS);

  it('finds the longest word not followed by a lower-case letter', () => {
    expect(trieAt(trie, 'Sept. 3', 0)).toBe('Sept');
    expect(trieAt(trie, 'September 3', 0)).toBe('September');
    // "Septa": neither Sept nor Sep is followed by anything but a lower-case letter.
    expect(trieAt(trie, 'Septa', 0)).toBeNull();
    expect(trieAt(trie, 'the weekend', 4)).toBe('weekend');
    expect(trieAt(trie, 'weekends', 0)).toBeNull();
  });

  it('takes a word followed by a capital, digit or the end of the text', () => {
    expect(trieAt(trie, 'MAYOR', 0)).toBe('MAY');
    expect(trieAt(trie, 'May2019', 0)).toBe('May');
    expect(trieAt(trie, 'on today', 3)).toBe('today');
  });

  it('is case-sensitive, as the pattern is', () => {
    expect(trieAt(trie, 'may', 0)).toBeNull();
    expect(trieAt(trie, 'TODAY', 0)).toBeNull();
    expect(trieAt(trie, 'Sep’s', 0)).toBe('Sep');
  });

  it('agrees with the regex alternation at every position of mixed text', () => {
    const text = 'On Sept. 3 (SEPT) the Mayor said: "MAY 5, the weekend; weekends today-ish, Septa Sep_ day’s todayX."';
    for (let i = 0; i < text.length; i++) expect(trieAt(trie, text, i)).toBe(regexAt(text, i));
  });

  it('rejects a word that is not all ASCII letters', () => {
    expect(() => new WordTrie(['New Year'])).toThrow();
  });
});
