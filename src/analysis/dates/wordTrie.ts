// A fixed set of ASCII-letter words as a transition table, walked straight from the text's
// character codes: what a regex alternation `\b(?:word|...)(?![a-z])` finds at a word start, at
// the cost of one table read per letter and no match object or substring.

/** Letters only: `c & 63` maps A-Z to 1-26 and a-z to 33-58, so a node's row has 64 slots. */
const ROW = 64;

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export class WordTrie {
  /** Node n's child for letter c is next[n * ROW + (c & 63)]; 0 for none (the root is no child). */
  private readonly next: Int16Array;
  /** 1 + the index of the word ending at a node, 0 where none does. */
  private readonly word: Int16Array;
  /** Where the last successful `longestAt` match ended. */
  matchEnd = 0;

  constructor(readonly words: readonly string[]) {
    const rows: number[][] = [[]];
    const ends: number[] = [0];
    words.forEach((w, index) => {
      let node = 0;
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        if (!isAsciiLetter(c)) throw new Error(`WordTrie: not an ASCII letter in ${w}`);
        let child = rows[node]![c & 63];
        if (child === undefined) {
          child = rows.length;
          rows.push([]);
          ends.push(0);
          rows[node]![c & 63] = child;
        }
        node = child;
      }
      // The first listing of a word wins, as in an alternation.
      if (ends[node] === 0) ends[node] = index + 1;
    });
    this.next = new Int16Array(rows.length * ROW);
    rows.forEach((row, node) => row.forEach((child, slot) => (this.next[node * ROW + slot] = child)));
    this.word = Int16Array.from(ends);
  }

  /**
   * The index of the longest listed word spelled at text[start...] and not followed by a
   * lower-case ASCII letter (-1 if none); its end goes to matchEnd.
   */
  longestAt(text: string, start: number): number {
    const next = this.next;
    const word = this.word;
    let node = 0;
    let found = -1;
    for (let j = start; ; ) {
      const c = text.charCodeAt(j);
      if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) break;
      node = next[node * ROW + (c & 63)]!;
      if (node === 0) break;
      j++;
      const w = word[node]!;
      if (w !== 0) {
        const after = text.charCodeAt(j);
        if (!(after >= 97 && after <= 122)) {
          found = w - 1;
          this.matchEnd = j;
        }
      }
    }
    return found;
  }
}
