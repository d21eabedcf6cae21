// Word tokens for the name recognizer, kept in typed arrays (a 10 MB corpus makes millions of tokens),
// and the name helpers: what may stand inside a personal name, canonical forms, matching keys, ids.

import { detached } from './detached';

/** Token flags. */
export const F_WORD = 1; // letters (a word, possibly hyphenated or with an apostrophe)
export const F_CAP = 2; // first letter upper case
export const F_ALLCAPS = 4; // every letter upper case, two letters or more
export const F_POSS = 8; // followed by a possessive ’s / 's, kept out of the word
export const F_DOT = 16; // a following "." belongs to the word ("Mr.", "J.", "Sen.")
export const F_NL = 32; // a line break sits between this token and the previous one
export const F_ADJ = 64; // exactly one space (or no-break space) since the previous token, same line
export const F_SENT = 128; // first token of a sentence (or of a line)
export const F_ABBR = 256; // dotted abbreviation ("U.S.", "U.K.")
export const F_NUM = 512;
export const F_TITLE_LINE = 1024; // on a line written in Title Case (a headline)
export const F_JOINER = 2048; // a hyphen or apostrophe inside the word ("al-Assad", "Sa’ar")
export const F_HYPHEN = 4096; // a hyphen inside the word ("al-Assad")
export const F_INNER_CAP = 8192; // an upper-case ASCII letter after the first letter ("McCain", "NATO")


/** Words whose following "." is an abbreviation point, not a sentence end. */
const DOTTED_WORDS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'sen', 'rep', 'gen', 'gov', 'lt', 'col', 'sgt', 'capt', 'adm', 'prof', 'jr', 'sr',
  'cmdr', 'maj', 'brig', 'hon', 'mme', 'messrs', 'no', 'vs', 'corp', 'inc', 'ltd', 'co',
]);
const DOTTED_HASHES = new Set([...DOTTED_WORDS].map((w) => asciiLowerHash(w, 0, w.length, false)));
const SENTENCE_END_CODES = new Set([...'.!?…:;'].map((ch) => ch.charCodeAt(0)));
const OPENER_CODES = new Set([...'“"‘\'([«—–-•*'].map((ch) => ch.charCodeAt(0)));
/** By UTF-16 code: 1 sentence end, 2 opener (a table read instead of two Set lookups per mark). */
const PUNCT_KIND = new Uint8Array(65536);
for (const c of SENTENCE_END_CODES) PUNCT_KIND[c] = PUNCT_KIND[c]! | 1;
for (const c of OPENER_CODES) PUNCT_KIND[c] = PUNCT_KIND[c]! | 2;

export interface Tokens {
  text: string;
  count: number;
  /** Start of the word. */
  start: Int32Array;
  /** End of the word proper (no possessive, no abbreviation point). */
  end: Int32Array;
  flags: Uint16Array;
  /** Lower-case words by token index, filled on first use; valid where `lowerGen[i] === gen`. */
  lower: string[];
  lowerGen: Int32Array;
  gen: number;
  /** `asciiLowerHash` of the word (-1: not ASCII). */
  hashFull: Int32Array;
  /**
   * The hash of the part before the first hyphen and after the last one, written only for words
   * with a joiner (F_JOINER): the others' are their `hashFull`. Read them with `firstHashAt` and
   * `lastHashAt` (two stores fewer per plain word, most of the text).
   */
  hashFirst: Int32Array;
  hashLast: Int32Array;
  /** Words whose hash (whole or after the last hyphen) is in the set given to `tokenize`, or not ASCII. */
  cues: Int32Array;
  cueCount: number;
  /** Capitalised words and words with an inner hyphen or apostrophe: where names can start. */
  caps: Int32Array;
  capCount: number;
}

// Character classes by UTF-16 code unit, filled lazily: bit 1 letter or mark, bit 2 upper case, bit 4 lower case.
const CHAR_CLASS = new Uint8Array(65536);
const CLASS_KNOWN = 8;
const LETTER_OR_MARK_RE = /[\p{L}\p{M}]/u;

function charClass(c: number): number {
  let k = CHAR_CLASS[c]!;
  if (k === 0) {
    if (c >= 0xd800 && c <= 0xdfff) k = CLASS_KNOWN;
    else {
      const ch = String.fromCharCode(c);
      k = CLASS_KNOWN;
      if (LETTER_OR_MARK_RE.test(ch)) {
        k |= 1;
        const lower = ch.toLowerCase();
        const upper = ch.toUpperCase();
        if (ch !== lower && ch === upper) k |= 2;
        else if (ch !== upper && ch === lower) k |= 4;
      }
    }
    CHAR_CLASS[c] = k;
  }
  return k;
}

function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return (charClass(c) & 1) !== 0;
}

function isUpperCode(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  return (charClass(c) & 2) !== 0;
}

function isLowerCode(c: number): boolean {
  if (c < 128) return c >= 97 && c <= 122;
  return (charClass(c) & 4) !== 0;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 160 || c === 12 || c === 11 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0xfeff || c === 0x202f || c === 0x205f;
}


// ASCII classes: 1 space, 2 lower-case letter, 3 upper-case letter, 4 digit, 0 anything else.
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (c === 32 || c === 9 || c === 10 || c === 11 || c === 12 || c === 13) ASCII_CLASS[c] = 1;
  else if (c >= 97 && c <= 122) ASCII_CLASS[c] = 2;
  else if (c >= 65 && c <= 90) ASCII_CLASS[c] = 3;
  else if (c >= 48 && c <= 57) ASCII_CLASS[c] = 4;
}

/** ASCII characters that end a lower-case word with nothing more to read: not a letter, digit-free joiner or point. */
const SIMPLE_WORD_END = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (!letter && c !== 45 && c !== 39 && c !== 46) SIMPLE_WORD_END[c] = 1;
}

// Token buffers are reused from one call to the next: the recognizer runs on every keystroke and
// over whole corpora, and fresh typed arrays per document were most of its garbage.
let pool = makePool(4096);
// The lower-case cache is shared by all calls too: an entry belongs to the current text only when
// its generation matches.
let generation = 0;

function makePool(cap: number) {
  return {
    cap,
    start: new Int32Array(cap),
    end: new Int32Array(cap),
    flags: new Uint16Array(cap),
    hashFull: new Int32Array(cap),
    hashFirst: new Int32Array(cap),
    hashLast: new Int32Array(cap),
    lower: new Array<string>(cap).fill(''),
    lowerGen: new Int32Array(cap).fill(-1),
    cues: new Int32Array(cap),
    caps: new Int32Array(cap),
  };
}

function growPool(n: number): void {
  const next = makePool(pool.cap * 2);
  next.start.set(pool.start.subarray(0, n));
  next.end.set(pool.end.subarray(0, n));
  next.flags.set(pool.flags.subarray(0, n));
  next.hashFull.set(pool.hashFull.subarray(0, n));
  next.hashFirst.set(pool.hashFirst.subarray(0, n));
  next.hashLast.set(pool.hashLast.subarray(0, n));
  next.cues.set(pool.cues.subarray(0, n));
  next.caps.set(pool.caps.subarray(0, n));
  pool = next;
  generation = (generation + 1) | 0; // the new cache holds nothing yet
}

/**
 * Splits the text into words, numbers and single punctuation marks with one hand-written scan
 * (no regular expression, no string per token), flagging case, possessives, abbreviation points,
 * line breaks and spacing, and hashing each word for allocation-free lexicon tests.
 * The returned arrays are shared with the next call: use the tokens before tokenizing again.
 */
export function tokenize(text: string, cueHashes?: ReadonlySet<number>): Tokens {
  // The pool is about to be overwritten: the words in it are copied first if they are to be kept
  // (only then: the last article of a batch, or an article alone, is read from the pool itself).
  if (keeping && lastTokens !== null) keepWords(lastTokens);
  lastTokens = null;
  // Cue words are a few hundred: 2^14 bits reject almost every other word.
  const cueBits = cueHashes ? hashBitsOf(cueHashes, 14) : null;
  const len = text.length;
  let n = 0;
  let cueCount = 0;
  let capCount = 0;
  let prevFull = 0;
  let sawNewline = false;
  let gapOneSpace = false;
  let i = 0;
  // The pool's arrays in locals (refreshed when it grows): the loop writes seven of them per token.
  let { start, end, flags, hashFull, hashFirst, hashLast, cues, caps } = pool;
  // Sentence starts and Title Case lines are settled as the tokens come, not in later passes.
  let prevFlags = 0;
  let prevStartCode = 0;
  let lineStart = 0;
  let lineCaps = 0;
  let lineLower = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    const cls = c < 128 ? ASCII_CLASS[c]! : isSpaceCode(c) ? 1 : isLetterCode(c) ? (isUpperCode(c) ? 3 : 2) : 0;
    if (cls === 1) {
      if (c === 10 || c === 13) sawNewline = true;
      i++;
      continue;
    }
    if (n === pool.cap) {
      growPool(n);
      ({ start, end, flags, hashFull, hashFirst, hashLast, cues, caps } = pool);
    }
    const s = i;
    let e: number;
    let full: number;
    let f = 0;
    let hf = -1;
    let h1 = -1;
    let hl = -1;
    // The commonest tokens: an ASCII letter, then lower-case ASCII letters, ended by a space,
    // punctuation other than a point or a joiner, a digit or the end of the text. Their three
    // hashes are one, and no possessive, abbreviation or all-capitals reading applies.
    let k = i + 1;
    let a = 0;
    let d = 0;
    const plainStart = c < 128 && (cls === 2 || cls === 3);
    if (plainStart) {
      a = (Math.imul(7, 31) + (c | 32)) | 0;
      while (k < len) {
        d = text.charCodeAt(k);
        if (d < 97 || d > 122) break;
        a = (Math.imul(a, 31) + d) | 0;
        k++;
      }
    }
    if (plainStart && (k === len || (d < 128 && (SIMPLE_WORD_END[d] === 1 || (d === 46 && (cls === 2 || k - s > 1)))))) {
      f = cls === 3 ? F_WORD | F_CAP : F_WORD;
      hf = h1 = hl = a >>> 1;
      e = k;
      full = k;
      // A point after a letter or after an abbreviated title ("j.", "Mr.") belongs to the word (a
      // capital letter and a point may open "U.S.": the long path reads those).
      if (k < len && d === 46 && (k - s === 1 || (k - s <= 7 && DOTTED_HASHES.has(hf) && DOTTED_WORDS.has(text.slice(s, k).toLowerCase())))) {
        f |= F_DOT;
        full = k + 1;
      }
    } else if (cls === 2 || cls === 3) {
      f |= F_WORD;
      if (cls === 3) f |= F_CAP;
      // Dotted abbreviation: "U.S.", "U.K.", "H.W."
      if (cls === 3 && i + 3 < len && text.charCodeAt(i + 1) === 46 && isUpperCode(text.charCodeAt(i + 2)) && text.charCodeAt(i + 3) === 46) {
        let k = i;
        while (k + 1 < len && isUpperCode(text.charCodeAt(k)) && text.charCodeAt(k + 1) === 46) k += 2;
        e = k;
        full = k;
        f |= F_ABBR | F_ALLCAPS;
      } else {
        // One pass: extent, case and the three hashes (see asciiLowerHash).
        let hasLower = cls === 2;
        let ascii = true;
        let firstDone = false;
        let a = 7;
        let b = 7;
        let l = 7;
        // Where the part after the last hyphen begins: hashed after the loop, hyphens being rare.
        let lastPartStart = i;
        let k = i;
        while (k < len) {
          let d = text.charCodeAt(k);
          // Lower-case ASCII letters, the bulk of any text, take the shortest path.
          if (d >= 97 && d <= 122) {
            hasLower = true;
            a = (Math.imul(a, 31) + d) | 0;
            k++;
            continue;
          }
          if (d < 128) {
            const dc = ASCII_CLASS[d]!;
            if (dc === 2) hasLower = true;
            else if (dc === 3) {
              d |= 32;
              if (k > i) f |= F_INNER_CAP;
            } else if ((d === 45 || d === 39) && k > i && k + 1 < len && isLetterCode(text.charCodeAt(k + 1))) {
              f |= F_JOINER;
              if (d === 45) {
                f |= F_HYPHEN;
                if (!firstDone) b = a;
                a = (Math.imul(a, 31) + 45) | 0;
                firstDone = true;
                lastPartStart = k + 1;
              }
              k++;
              continue;
            } else break;
          } else if (isLetterCode(d)) {
            ascii = false;
            if (!hasLower && isLowerCode(d)) hasLower = true;
          } else if ((d === 0x2019 || d === 0x2010 || d === 0x2011) && k > i && k + 1 < len && isLetterCode(text.charCodeAt(k + 1))) {
            f |= F_JOINER;
            if (d !== 0x2019) {
              f |= F_HYPHEN;
              if (!firstDone) b = a;
              a = (Math.imul(a, 31) + 45) | 0;
              firstDone = true;
              lastPartStart = k + 1;
            }
            k++;
            continue;
          } else break;
          a = (Math.imul(a, 31) + d) | 0;
          k++;
        }
        if (!firstDone) {
          b = a;
          l = a;
        } else l = lastPartHash(text, lastPartStart, k);
        // A word ends on a letter (a joiner is taken only before one).
        const lastLetter = text.charCodeAt(k - 1);
        e = k;
        full = k;
        // Possessive ’s / 's kept out of the word (but inside the token's full extent).
        if (e - s > 2 && (lastLetter === 115 || lastLetter === 83) && (text.charCodeAt(e - 2) === 0x2019 || text.charCodeAt(e - 2) === 39)) {
          e -= 2;
          f |= F_POSS;
          const rest = asciiLowerHash(text, s, e, false);
          a = rest < 0 ? -1 : rest;
          const restFirst = asciiLowerHash(text, s, e, true);
          b = restFirst < 0 ? -1 : restFirst;
          let dash = e - 1;
          while (dash > s && text.charCodeAt(dash) !== 45) dash--;
          l = dash > s ? asciiLowerHash(text, dash + 1, e, false) : a;
          hasLower = false;
          for (let q = s; q < e && !hasLower; q++) if (isLowerCode(text.charCodeAt(q))) hasLower = true;
          hf = a;
          h1 = b;
          hl = l;
          if (!ascii) hf = h1 = hl = -1;
        } else if (ascii) {
          hf = a >>> 1;
          h1 = b >>> 1;
          hl = l >>> 1;
        }
        if (cls === 3 && e - s >= 2 && !hasLower) f |= F_ALLCAPS;
        // The hash settles almost every word before end of sentence without a slice.
        if (!(f & F_POSS) && e < len && text.charCodeAt(e) === 46 && (e - s === 1 || (e - s <= 7 && (hf < 0 || DOTTED_HASHES.has(hf)) && DOTTED_WORDS.has(text.slice(s, e).toLowerCase())))) {
          f |= F_DOT;
          full = e + 1;
        }
      }
    } else if (cls === 4) {
      f |= F_NUM;
      let k = i + 1;
      while (k < len) {
        const d = text.charCodeAt(k);
        if (d >= 48 && d <= 57) k++;
        else if ((d === 46 || d === 44 || d === 58) && k + 1 < len && text.charCodeAt(k + 1) >= 48 && text.charCodeAt(k + 1) <= 57) k++;
        else break;
      }
      e = k;
      full = k;
    } else {
      // One punctuation mark (a surrogate pair stays together).
      e = c >= 0xd800 && c <= 0xdbff && i + 1 < len ? i + 2 : i + 1;
      full = e;
    }
    if (n > 0) {
      if (sawNewline) f |= F_NL;
      else if (gapOneSpace && s - prevFull === 1) f |= F_ADJ;
    }
    // Sentence start: after . ! ? : ; (not an abbreviation point), at line starts, through opening quotes.
    if (n === 0 || f & F_NL) {
      f |= F_SENT;
      if (n > 0) {
        closeTitleCaseLine(lineStart, n, lineCaps, lineLower, flags);
        lineStart = n;
        lineCaps = 0;
        lineLower = 0;
      }
    } else if (!(prevFlags & (F_WORD | F_NUM))) {
      const kind = PUNCT_KIND[prevStartCode]!;
      if (kind & 1 || (kind & 2 && prevFlags & F_SENT)) f |= F_SENT;
    }
    start[n] = s;
    end[n] = e;
    flags[n] = f;
    hashFull[n] = hf;
    if (f & F_JOINER) {
      hashFirst[n] = h1;
      hashLast[n] = hl;
    }
    if (f & F_WORD) {
      if (cueBits && (hf < 0 || mayHaveHash(cueBits, hf) || (f & F_JOINER && mayHaveHash(cueBits, hl)))) {
        if (hf < 0 || cueHashes!.has(hf) || (f & F_JOINER && cueHashes!.has(hl))) cues[cueCount++] = n;
      }
      if (f & (F_CAP | F_JOINER)) caps[capCount++] = n;
      // A line stays a headline candidate while its longer words are capitalised.
      if (lineLower === 0) {
        if (f & F_CAP) {
          if (e - s >= 2) lineCaps++;
        } else if (e - s > 4 || !isHeadlineSmallWord(text, s, e, hf)) lineLower++;
      }
    }
    prevFlags = f;
    prevStartCode = c;
    n++;
    prevFull = full;
    i = full;
    sawNewline = false;
    let nextCode = i < len ? text.charCodeAt(i) : 0;
    gapOneSpace = nextCode === 32 || nextCode === 160;
    // Plain words and ASCII marks right after the previous token or one space after it (most of
    // running text) are read here, as the loop above reads them; a token this loop cannot settle
    // (a line break, another space, a number, a joiner, letters beyond ASCII) is left to it.
    while (n < pool.cap) {
      let adj = 0;
      if (nextCode === 32) {
        i++; // the usual single space, skipped here rather than by a turn of the loop
        adj = F_ADJ;
      }
      if (i >= len) break;
      const c0 = text.charCodeAt(i);
      const lowerStart = c0 >= 97 && c0 <= 122;
      let f = adj;
      let k = i + 1;
      let full = k;
      let h = -1;
      const word = lowerStart || (c0 >= 65 && c0 <= 90);
      if (word) {
        // ASCII letters, lower case after the first, then a space, a mark other than a joiner, or a point.
        let a = (Math.imul(7, 31) + (c0 | 32)) | 0;
        let d = 0;
        while (k < len) {
          d = text.charCodeAt(k);
          if (d < 97 || d > 122) break;
          a = (Math.imul(a, 31) + d) | 0;
          k++;
        }
        h = a >>> 1;
        f |= lowerStart ? F_WORD : F_WORD | F_CAP;
        full = k;
        if (k < len && (d >= 128 || SIMPLE_WORD_END[d] !== 1)) {
          // A capital letter and a point may open "U.S.": the long path reads those.
          if (d !== 46 || (!lowerStart && k - i === 1)) break;
          if (k - i === 1 || (k - i <= 7 && DOTTED_HASHES.has(h) && DOTTED_WORDS.has(text.slice(i, k).toLowerCase()))) {
            f |= F_DOT;
            full = k + 1;
          }
        }
      } else if (c0 >= 128 || ASCII_CLASS[c0] !== 0) break; // one ASCII punctuation mark goes on
      if (!(prevFlags & (F_WORD | F_NUM))) {
        const kind = PUNCT_KIND[prevStartCode]!;
        if (kind & 1 || (kind & 2 && prevFlags & F_SENT)) f |= F_SENT;
      }
      start[n] = i;
      end[n] = k;
      flags[n] = f;
      hashFull[n] = h;
      if (word) {
        if (cueBits && mayHaveHash(cueBits, h) && cueHashes!.has(h)) cues[cueCount++] = n;
        if (!lowerStart) caps[capCount++] = n;
        if (lineLower === 0) {
          if (!lowerStart) {
            if (k - i >= 2) lineCaps++;
          } else if (k - i > 4 || !isHeadlineSmallWord(text, i, k, h)) lineLower++;
        }
      }
      prevFlags = f;
      prevStartCode = c0;
      n++;
      prevFull = full;
      i = full;
      nextCode = i < len ? text.charCodeAt(i) : 0;
      gapOneSpace = nextCode === 32 || nextCode === 160;
    }
  }
  if (n > 0) closeTitleCaseLine(lineStart, n, lineCaps, lineLower, flags);
  generation = (generation + 1) | 0;
  const tokens: Tokens = {
    text, count: n, start, end, flags, lower: pool.lower, lowerGen: pool.lowerGen, gen: generation, hashFull, hashFirst, hashLast,
    cues, cueCount, caps, capCount,
  };
  lastTokens = tokens;
  return tokens;
}

/** What the quotes stage reads of a tokenization (see sharedTokens). */
export type SharedWords = Pick<Tokens, 'text' | 'count' | 'start' | 'end' | 'flags' | 'hashFull'>;

/**
 * The last tokenization, while the pool still holds it (until the next `tokenize`): the quotes stage
 * reads its words from it rather than scanning the text again (see sharedTokens).
 */
let lastTokens: Tokens | null = null;

/**
 * The words of the articles tokenized since keepSharedWords() (the officials stage of a batch of
 * articles runs before their quotes stage): copied out of the pool when the next article is to
 * reuse it, into one growing set of arrays, so that no article gets arrays of its own. Each
 * article's words are let go when the quotes stage is done with them (releaseSharedWords), all of
 * them at dropSharedWords(); a keeping that would pass KEPT_TOKENS_MAX words keeps no more.
 */
let keeping = false;
const KEPT_TOKENS_MAX = 1 << 20;
let kept = { start: new Int32Array(0), end: new Int32Array(0), flags: new Uint16Array(0), hashFull: new Int32Array(0) };
let keptEnd = 0;
interface KeptArticle {
  text: string;
  from: number;
  count: number;
  words: SharedWords | null;
}
let keptArticles: KeptArticle[] = [];

function keepWords(t: Tokens): void {
  const n = t.count;
  const need = keptEnd + n;
  if (need > KEPT_TOKENS_MAX) return;
  if (need > kept.start.length) {
    const cap = Math.min(KEPT_TOKENS_MAX, Math.max(need, kept.start.length * 2, 65536));
    const grown = { start: new Int32Array(cap), end: new Int32Array(cap), flags: new Uint16Array(cap), hashFull: new Int32Array(cap) };
    // Words handed out already keep the old arrays (views of them); the kept ones move.
    grown.start.set(kept.start.subarray(0, keptEnd));
    grown.end.set(kept.end.subarray(0, keptEnd));
    grown.flags.set(kept.flags.subarray(0, keptEnd));
    grown.hashFull.set(kept.hashFull.subarray(0, keptEnd));
    for (const a of keptArticles) a.words = null;
    kept = grown;
  }
  kept.start.set(t.start.subarray(0, n), keptEnd);
  kept.end.set(t.end.subarray(0, n), keptEnd);
  kept.flags.set(t.flags.subarray(0, n), keptEnd);
  kept.hashFull.set(t.hashFull.subarray(0, n), keptEnd);
  keptArticles.push({ text: t.text, from: keptEnd, count: n, words: null });
  keptEnd = need;
}

/** From now until dropSharedWords(), every tokenization's words are kept for sharedTokens. */
export function keepSharedWords(): void {
  dropSharedWords();
  keeping = true;
}

/** Stops keeping words and lets every kept article go. */
export function dropSharedWords(): void {
  keeping = false;
  keptArticles = [];
  keptEnd = 0;
  lastTokens = null;
}

/** The words of `text` if it was the text last tokenized, or one whose words are kept; else null. */
export function sharedTokens(text: string): SharedWords | null {
  const t = lastTokens;
  if (t !== null && t.text === text) return t;
  for (const a of keptArticles) {
    if (a.text !== text) continue;
    if (!a.words) {
      const to = a.from + a.count;
      a.words = {
        text, count: a.count, start: kept.start.subarray(a.from, to), end: kept.end.subarray(a.from, to),
        flags: kept.flags.subarray(a.from, to), hashFull: kept.hashFull.subarray(a.from, to),
      };
    }
    return a.words;
  }
  return null;
}

/**
 * The quotes stage is done with the words of `text`: its kept words are let go (and those of
 * articles kept before it, which the stage passed by), and the last tokenization if it was this text.
 */
export function releaseSharedWords(text: string): void {
  if (lastTokens !== null && lastTokens.text === text) lastTokens = null;
  const at = keptArticles.findIndex((a) => a.text === text);
  if (at < 0) return;
  keptArticles.splice(0, at + 1);
  // Nothing kept any more: the next words are written from the start again.
  if (keptArticles.length === 0) keptEnd = 0;
}

// A bitmap over the low bits of a hash set's members: almost every word is rejected by one array
// read, where a Set lookup per word was a visible share of the tokenizer. The bitmap is kept small
// (a few KB, within the processor's first-level cache): a larger one missed the cache on most words
// once the other stages had run, and a few more false positives only cost a Set lookup each.
const hashBitsCache = new WeakMap<ReadonlySet<number>, Int32Array>();

/** The bitmap of a (never mutated after first use) hash set: 2^log2Bits bits, 32 per word. */
export function hashBitsOf(hashes: ReadonlySet<number>, log2Bits = 16): Int32Array {
  let bits = hashBitsCache.get(hashes);
  if (!bits || bits.length !== 1 << (log2Bits - 5)) {
    bits = new Int32Array(1 << (log2Bits - 5));
    const mask = bits.length - 1;
    for (const h of hashes) {
      const w = (h >>> 5) & mask;
      bits[w] = bits[w]! | (1 << (h & 31));
    }
    hashBitsCache.set(hashes, bits);
  }
  return bits;
}

/** False: the hash is surely not in the set the bitmap was built from; true: ask the set. */
export function mayHaveHash(bits: Int32Array, h: number): boolean {
  return (bits[(h >>> 5) & (bits.length - 1)]! & (1 << (h & 31))) !== 0;
}

/**
 * The word loop's running hash of text[s..e), the part after a word's last hyphen: ASCII letters
 * lower-cased, apostrophes skipped (exact for ASCII words; others get no hashes).
 */
function lastPartHash(text: string, s: number, e: number): number {
  let h = 7;
  for (let k = s; k < e; k++) {
    let d = text.charCodeAt(k);
    if (d === 39 || d === 0x2019) continue;
    if (d >= 65 && d <= 90) d |= 32;
    h = (Math.imul(h, 31) + d) | 0;
  }
  return h;
}

/** Small words a Title Case headline leaves in lower case. */
const HEADLINE_SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'vs', 'but', 'nor']);

const HEADLINE_SMALL_HASHES = new Set([...HEADLINE_SMALL_WORDS].map((w) => asciiLowerHash(w, 0, w.length, false)));

/** Whether text[s..e) (hash h) is a headline small word; the hash settles most words without a slice. */
function isHeadlineSmallWord(text: string, s: number, e: number, h: number): boolean {
  if (h < 0) return HEADLINE_SMALL_WORDS.has(text.slice(s, e).toLowerCase());
  if (!HEADLINE_SMALL_HASHES.has(h)) return false;
  // ASCII letters: compared in place with the small words.
  for (const w of HEADLINE_SMALL_LIST) if (sameLowerWord(text, s, e, w)) return true;
  return false;
}
const HEADLINE_SMALL_LIST = [...HEADLINE_SMALL_WORDS];

/** Flags the tokens of a line whose every longer word is capitalised (three or more of them). */
function closeTitleCaseLine(from: number, to: number, caps: number, lower: number, flags: Uint16Array): void {
  if (lower === 0 && caps >= 3) for (let k = from; k < to; k++) flags[k] = flags[k]! | F_TITLE_LINE;
}

/**
 * Allocation-free hash of a lower-case ASCII word ("Minister" and "minister" hash alike), over
 * text[s..e) up to the first hyphen when `firstPart`. -1 when the word holds other letters
 * (callers then take the slow path). Apostrophes and points are skipped, as name keys skip them.
 */
export function asciiLowerHash(text: string, s: number, e: number, firstPart: boolean): number {
  let h = 7;
  for (let k = s; k < e; k++) {
    let c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) c |= 32;
    else if (c === 45 || c === 0x2010 || c === 0x2011) {
      if (firstPart) break;
      c = 45;
    } else if (c === 39 || c === 0x2019 || c === 46) continue;
    else if (c < 97 || c > 122) return -1;
    h = (Math.imul(h, 31) + c) | 0;
  }
  return h >>> 1; // non-negative
}

/** The same hash for a plain lower-case string (keys and lexicon words). */
export function stringHash(word: string, firstPart: boolean): number {
  return asciiLowerHash(word, 0, word.length, firstPart);
}

export function wordAt(t: Tokens, i: number): string {
  return t.text.slice(t.start[i]!, t.end[i]!);
}

// Lower-case words met before, by hash, shared by all documents: a repeated word costs no new
// string, and an interned string keeps its hash for the lexicon lookups that follow. A small
// direct-mapped table (one slot per hash bucket, the latest word wins) stays in the processor's
// cache, where a Map of every word ever met did not.
const INTERN_SLOTS = 8192;
const internedLower: string[] = new Array<string>(INTERN_SLOTS).fill('');

/** Whether text[s..e) lower-cased (ASCII letters, apostrophes, hyphens) equals `lower`. */
export function sameLowerWord(text: string, s: number, e: number, lower: string): boolean {
  if (lower.length !== e - s) return false;
  for (let k = s; k < e; k++) {
    let c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) c |= 32;
    if (c !== lower.charCodeAt(k - s)) return false;
  }
  return true;
}

function lowerWord(t: Tokens, i: number): string {
  const s = t.start[i]!;
  const e = t.end[i]!;
  const h = i >= 0 && i < t.count ? t.hashFull[i]! : -1;
  // A hash >= 0: ASCII letters (with apostrophes or hyphens), whose lower case is plain ASCII lowering.
  if (h < 0) return t.text.slice(s, e).toLowerCase();
  const slot = h & (INTERN_SLOTS - 1);
  const known = internedLower[slot]!;
  if (sameLowerWord(t.text, s, e, known)) return known;
  // Interned words outlive the document: toLowerCase may return the slice itself.
  const own = detached(t.text.slice(s, e).toLowerCase());
  internedLower[slot] = own;
  return own;
}

export function lowerAt(t: Tokens, i: number): string {
  if (i >= 0 && i < t.count && t.lowerGen[i] === t.gen) return t.lower[i]!;
  const w = lowerWord(t, i);
  if (i >= 0 && i < t.count) {
    t.lower[i] = w;
    t.lowerGen[i] = t.gen;
  }
  return w;
}

/** End of token i including a possessive or an abbreviation point (the only marks a word takes in). */
export function fullEndAt(t: Pick<Tokens, 'end' | 'flags'>, i: number): number {
  const f = t.flags[i]!;
  return t.end[i]! + (f & F_POSS ? 2 : f & F_DOT ? 1 : 0);
}

/** Hash of the word's part before its first hyphen (`hashFull` unless the word has a joiner). */
export function firstHashAt(t: Tokens, i: number): number {
  return t.flags[i]! & F_JOINER ? t.hashFirst[i]! : t.hashFull[i]!;
}

/** Hash of the word's part after its last hyphen (`hashFull` unless the word has a joiner). */
export function lastHashAt(t: Tokens, i: number): number {
  return t.flags[i]! & F_JOINER ? t.hashLast[i]! : t.hashFull[i]!;
}

export function hasFlag(t: Tokens, i: number, flag: number): boolean {
  return i >= 0 && i < t.count && (t.flags[i]! & flag) !== 0;
}

/** Token i continues the phrase of token i-1: one space apart on the same line, and i-1 is not possessive. */
export function continues(t: Tokens, i: number): boolean {
  return i > 0 && i < t.count && (t.flags[i]! & F_ADJ) !== 0 && (t.flags[i - 1]! & F_POSS) === 0;
}

// ---------------------------------------------------------------------------------------------
// Name vocabulary

/** Lower-case particles inside names: "Mohammed bin Salman", "Ursula von der Leyen", "Luiz Inácio da Silva". */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'bin', 'ibn', 'bint', 'binti', 'al', 'el', 'van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'dos', 'das', 'do',
  'del', 'della', 'la', 'le', 'ter', 'ten', 'zu', 'y', 'af', 'av', 'op', 'ben', 'abu', 'bt', 'dei', 'degli', 'lo',
]);

/** Lower-case prefixes joined to a capitalised name by a hyphen or apostrophe: "al-Assad", "d’Estaing". */
const PREFIXED_NAME_RE = /^(?:al|el|ad|ar|as|ash|at|az|an|ibn|bin|abu|d|l|o|de|van|von)[-‐‑’']\p{Lu}/u;

/** Capitalised words that begin sentences or headlines but never belong to a name. */
export const STOP_CAPS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her',
  'its', 'our', 'their', 'my', 'your', 'in', 'on', 'at', 'for', 'from', 'to', 'with', 'by', 'as', 'of', 'but',
  'and', 'or', 'nor', 'if', 'when', 'while', 'after', 'before', 'during', 'since', 'until', 'although', 'though',
  'because', 'however', 'meanwhile', 'earlier', 'later', 'also', 'yet', 'so', 'then', 'there', 'here', 'what',
  'which', 'who', 'whom', 'whose', 'where', 'why', 'how', 'some', 'many', 'most', 'all', 'both', 'each', 'every',
  'no', 'not', 'yes', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'according',
  'speaking', 'asked', 'under', 'over', 'about', 'against', 'between', 'among', 'without', 'within', 'into',
  'through', 'across', 'behind', 'beyond', 'despite', 'following', 'amid', 'regarding', 'as', 'such', 'other',
  'another', 'more', 'less', 'only', 'even', 'just', 'still', 'now', 'today', 'tomorrow', 'yesterday', 'tonight',
  'last', 'next', 'first', 'second', 'third', 'finally', 'furthermore', 'moreover', 'additionally', 'instead',
  'thus', 'therefore', 'indeed', 'photo', 'read', 'watch', 'see', 'click', 'share', 'follow', 'join', 'sign',
  'subscribe', 'related', 'advertisement', 'editor', 'editors', 'note', 'update', 'updated', 'published',
  'posted', 'by', 'via', 'getty', 'images', 'reuters', 'afp', 'ap', 'xinhua', 'kyodo', 'bbc', 'cnn', 'copyright',
  'do', 'does', 'did', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would',
  'can', 'could', 'should', 'must', 'might', 'shall', 'let', 'please', 'thank', 'thanks', 'dear', 'hello', 'well',
  'oh', 'ok', 'okay', 'hi', 'very', 'much', 'any', 'several', 'few', 'none', 'neither', 'either', 'like', 'unlike',
  'upon', 'whether', 'unless', 'once', 'again', 'too', 'already', 'always', 'never', 'often', 'perhaps', 'maybe',
  'currently', 'recently', 'previously', 'initially', 'eventually', 'separately', 'similarly', 'likewise',
  'nevertheless', 'nonetheless', 'overall', 'elsewhere', 'together', 'around', 'near', 'off', 'out', 'up',
  'down', 'back', 'away', 'ahead', 'along', 'towards', 'toward', 'onto', 'via', 'per', 'plus', 'minus',
]);

/** Month and weekday names: never the first word of a name, but "Theresa May" ends with one. */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat',
  'sun',
]);

/** Words that make a capitalised run an organisation, place or event, not a person. */
export const ORG_WORDS: ReadonlySet<string> = new Set([
  'office', 'ministry', 'department', 'council', 'committee', 'commission', 'agency', 'summit', 'meeting', 'forum',
  'conference', 'party', 'government', 'administration', 'cabinet', 'palace', 'house', 'street', 'square',
  'university', 'institute', 'centre', 'center', 'airport', 'station', 'bank', 'group', 'company', 'corporation',
  'foundation', 'association', 'union', 'republic', 'kingdom', 'federation', 'organisation', 'organization',
  'court', 'assembly', 'parliament', 'congress', 'senate', 'police', 'army', 'navy', 'force', 'forces', 'guard',
  'authority', 'board', 'bureau', 'service', 'services', 'news', 'times', 'post', 'press', 'radio', 'tv',
  'television', 'channel', 'network', 'daily', 'journal', 'review', 'report', 'watch', 'fund', 'programme',
  'program', 'plan', 'act', 'law', 'treaty', 'accord', 'agreement', 'deal', 'declaration', 'initiative',
  'strategy', 'project', 'day', 'week', 'month', 'year', 'war', 'crisis', 'motors', 'electric', 'airlines',
  'airways', 'inc', 'ltd', 'corp', 'plc', 'llc', 'co', 'holdings', 'partners', 'capital', 'industries',
  'international', 'global', 'national', 'nations', 'united', 'states', 'islands', 'ocean', 'sea', 'gulf',
  'river', 'mountain', 'mountains', 'valley', 'city', 'province', 'region', 'county', 'district', 'avenue',
  'road', 'bridge', 'hall', 'tower', 'building', 'hotel', 'hospital', 'school', 'college', 'museum', 'church',
  'mosque', 'temple', 'festival', 'games', 'cup', 'league', 'club', 'team', 'alliance', 'coalition', 'front',
  'movement', 'brigade', 'brigades', 'corps', 'command', 'unit', 'division', 'fleet', 'base', 'port', 'zone',
  'strip', 'bank', 'peninsula', 'straits', 'strait', 'canal', 'valley', 'east', 'west', 'north', 'south',
  'middle', 'pacific', 'atlantic', 'indo-pacific', 'affairs', 'relations', 'security', 'economy', 'foreign',
  'defence', 'defense', 'trade', 'industry', 'energy', 'health', 'justice', 'policy', 'briefing', 'newsletter',
  'minute', 'takeaway', 'membership', 'premium', 'pro', 'expertise', 'member', 'members', 'business', 'tech',
  'technology', 'free', 'trial', 'events', 'event', 'reports', 'memos', 'video', 'live', 'special', 'q&a',
  'initiatives', 'rights', 'human', 'refugee', 'refugees', 'global', 'council', 'summit', 'talks', 'dialogue',
  'framework', 'partnership', 'pact', 'charter', 'protocol', 'convention', 'resolution', 'sanctions', 'budget',
  'election', 'elections', 'referendum', 'campaign', 'constitution', 'cooperation', 'memorial', 'site',
  // Job nouns: "General Manager John Smith" is not a general named Manager.
  'manager', 'coach', 'counsel', 'officer', 'executive', 'engineer', 'analyst', 'correspondent', 'reporter',
  'editor', 'producer', 'professor', 'lecturer', 'researcher', 'fellow', 'economist', 'strategist', 'columnist',
]);

export function isParticle(t: Tokens, i: number): boolean {
  const f = t.flags[i]!;
  if (!(f & F_WORD) || f & F_CAP) return false;
  // A word of ASCII letters is a particle only if it hashes as one (most words are settled here).
  const h = i >= 0 && i < t.count ? t.hashFull[i]! : -1;
  if (h >= 0 && !PARTICLE_HASHES.has(h)) return false;
  return NAME_PARTICLES.has(lowerAt(t, i));
}
const PARTICLE_HASHES = new Set([...NAME_PARTICLES].map((w) => stringHash(w, false)));

/** False when a word hashing `h` (stringHash) is surely no name particle. */
export function mayBeParticleHash(h: number): boolean {
  return PARTICLE_HASHES.has(h);
}

export function isInitial(t: Tokens, i: number): boolean {
  const f = t.flags[i]!;
  return (f & F_WORD) !== 0 && (f & F_CAP) !== 0 && !(f & F_ABBR) && t.end[i]! - t.start[i]! === 1;
}

/** A capitalised word that may be part of a personal name (given the vocabulary sets passed in). */
export function isNameShaped(t: Tokens, i: number): boolean {
  const f = t.flags[i]!;
  if (!(f & F_WORD) || f & F_ABBR) return false;
  // A prefixed name has a hyphen or apostrophe inside (F_JOINER): other lower-case words need no regex.
  if (!(f & F_CAP)) return (f & F_JOINER) !== 0 && PREFIXED_NAME_RE.test(wordAt(t, i));
  return t.end[i]! - t.start[i]! >= 2;
}

// ---------------------------------------------------------------------------------------------
// Canonical forms and keys

/** Matching key of a name: no diacritics, lower case, hyphens as spaces, no apostrophes or points. */
const PLAIN_WORD_RE = /^[A-Za-z]+$/;

const nameKeyCache = new Map<string, string>();

export function nameKey(name: string): string {
  // ASCII letters in single-spaced words (most names): the key is the lower case, settled
  // without a lookup in the cache (whose string hashing and probing cost more than the scan).
  if (isPlainSpacedWords(name)) return name.toLowerCase();
  let key = nameKeyCache.get(name);
  if (key === undefined) {
    key = computeNameKey(name);
    if (nameKeyCache.size > 20000) nameKeyCache.clear();
    key = detached(key);
    nameKeyCache.set(detached(name), key);
  }
  return key;
}

/** Only ASCII letters and single spaces between words (no space at either end). */
function isPlainSpacedWords(name: string): boolean {
  const n = name.length;
  if (n === 0) return false;
  let prevSpace = true;
  for (let k = 0; k < n; k++) {
    const c = name.charCodeAt(k);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else if (((c | 32) >= 97 && (c | 32) <= 122)) prevSpace = false;
    else return false;
  }
  return !prevSpace;
}

function computeNameKey(name: string): string {
  if (PLAIN_WORD_RE.test(name)) return name.toLowerCase(); // the common case, without Unicode normalisation
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'‘`.]/g, '')
    .replace(/[-‐‑–\s]+/g, ' ')
    .trim();
}

/** Deterministic id of a person from the canonical name: "Gideon Sa’ar" → "official:gideon-saar". */
export function entityIdOf(name: string): string {
  const key = nameKey(name);
  // Lower-case letters in single-spaced words: nothing to strip, spaces become hyphens.
  if (isPlainSpacedWords(key)) return `official:${key.replaceAll(' ', '-')}`;
  const slug = key
    .replace(/[^a-z0-9 ]+/g, '')
    .trim()
    .replace(/ +/g, '-');
  return `official:${slug || 'unknown'}`;
}

/** "HAYASHI" → "Hayashi"; keeps inner hyphen/apostrophe parts capitalised ("AMIR-ABDOLLAHIAN" → "Amir-Abdollahian"). */
export function titleCaseWord(word: string): string {
  return word.toLowerCase().replace(/(^|[-‐‑’' ])(\p{Ll})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Common family names written first in Chinese, Korean and Vietnamese names. */
const EAST_ASIAN_FAMILY_NAMES = new Set([
  'li', 'wang', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu',
  'guo', 'he', 'gao', 'lin', 'luo', 'zheng', 'liang', 'xie', 'song', 'tang', 'han', 'feng', 'deng', 'cao',
  'peng', 'zeng', 'xiao', 'tian', 'dong', 'yuan', 'pan', 'yu', 'jiang', 'cai', 'wei', 'xue', 'ye', 'yan', 'qin',
  'xi', 'wen', 'bo', 'kong', 'mao', 'qian', 'shi', 'fu', 'ding', 'lu', 'du', 'ren', 'shen', 'fan', 'fang', 'jin',
  'kim', 'lee', 'park', 'choi', 'jung', 'kang', 'cho', 'yoon', 'jang', 'lim', 'oh', 'seo', 'shin', 'kwon', 'hwang',
  'ahn', 'yoo', 'hong', 'jeon', 'ko', 'moon', 'son', 'bae', 'baek', 'heo', 'nam', 'chung', 'roh', 'rhee', 'ban',
  'chan',
  'wong', 'cheung', 'lam', 'leung', 'ho', 'tsai', 'lai', 'hsieh', 'chiang', 'teo', 'goh', 'ong', 'tan', 'lim',
]);
// Pinyin-like given names ("Qiang", "Jinping", "Yi"): one to three syllables, no Western endings.
const PINYIN_RE =
  /^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iong|iang|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|a|e|i|o|u|v)){1,3}$/;

/** Vietnamese family names: written first, but the person is called by the last word ("Tran Quoc Hung" → "Hung"). */
const VIETNAMESE_FAMILY_NAMES = new Set([
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho', 'ngo', 'duong', 'ly', 'dinh', 'truong', 'luong',
]);

/** "Tran Quoc Hung", "Nguyen Xuan Phuc": a Vietnamese name of short syllables, kept as written. */
export function isVietnameseName(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 4 || !VIETNAMESE_FAMILY_NAMES.has(nameKey(words[0]!))) return false;
  return words.slice(1).every((w) => nameKey(w).length <= 6 && !nameKey(w).includes(' '));
}

/**
 * Whether a name is written family name first (Chinese, Korean): "Zhang Wei",
 * "Xi Jinping", "Moon Jae-in", "Kim Jong Un". The short form of such a name is its first word.
 */
export function isFamilyNameFirst(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 4) return false;
  const family = nameKey(words[0]!);
  if (!EAST_ASIAN_FAMILY_NAMES.has(family)) return false;
  const given = words.slice(1).map((w) => nameKey(w));
  if (given.length === 1) {
    const g = given[0]!;
    if (g.includes(' ')) return g.split(' ').every((p) => p.length <= 4); // "Jae-in" → "jae in"
    return PINYIN_RE.test(g);
  }
  // "Kim Jong Un", "Yoon Suk Yeol": short syllables.
  return given.every((g) => g.length <= 5 && !g.includes(' '));
}
