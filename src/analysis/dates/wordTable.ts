// A fixed list of words looked up straight from the text's character codes: the date recognizer
// compares the words around a date with a few lists, and most words are in none of them.

/**
 * A fixed list of lower-case ASCII words (apostrophes allowed), looked up straight from the text's
 * character codes, lower-cased on the fly: no word is cut out of the text to be looked up.
 */
const WORD_TABLE_SLOTS = 4096;
export class WordTable {
  private readonly slots: Array<string[] | undefined> = new Array<string[] | undefined>(WORD_TABLE_SLOTS);

  constructor(words: Iterable<string>) {
    for (const word of words) {
      let h = 0x811c9dc5;
      for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
      const slot = (h ^ (h >>> 12) ^ (h >>> 24)) & (WORD_TABLE_SLOTS - 1);
      const list = (this.slots[slot] ??= []);
      if (!list.includes(word)) list.push(word);
    }
  }

  /**
   * The listed word that text[a, b) spells once its ASCII capitals are lower-cased, or '' (also for
   * any word with a letter beyond ASCII: none is listed).
   */
  find(text: string, a: number, b: number): string {
    let h = 0x811c9dc5;
    for (let i = a; i < b; i++) {
      let c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      else if (c > 122 && c !== 0x2019) return '';
      h = Math.imul(h ^ c, 0x01000193);
    }
    const list = this.slots[(h ^ (h >>> 12) ^ (h >>> 24)) & (WORD_TABLE_SLOTS - 1)];
    if (list === undefined) return '';
    next: for (const word of list) {
      if (word.length !== b - a) continue;
      for (let i = 0; i < word.length; i++) {
        let c = text.charCodeAt(a + i);
        if (c >= 65 && c <= 90) c += 32;
        if (c !== word.charCodeAt(i)) continue next;
      }
      return word;
    }
    return '';
  }
}
