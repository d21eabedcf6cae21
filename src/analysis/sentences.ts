// Sentence splitting for news copy: paragraphs and page lines first, then full stops that
// are not abbreviations, initials or decimals. Linear scan, no lookbehind over the whole text.
import { WordTable } from './dates/wordTable';
import type { Span } from './types';

/** Titles and abbreviations whose full stop never ends a sentence. */
const NEVER_FINAL = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt', 'cpl', 'adm',
  'cmdr', 'maj', 'brig', 'rev', 'hon', 'st', 'mt', 'ft', 'pres', 'supt', 'insp', 'messrs', 'mme', 'mlle',
  'sr', 'jr', 'vs', 'v', 'cf', 'al', 'approx', 'dept', 'est', 'fig', 'no', 'nos', 'vol', 'pp', 'art', 'ch',
  'sec', 'sq', 'ave', 'blvd', 'rd', 'hwy',
]);
/** The longest word of NEVER_FINAL, MONTH_ABBREV and MAYBE_FINAL. */
let LONGEST_ABBREVIATION = 0;
/** Abbreviations that end a sentence only when a typical sentence opener follows. */
const MONTH_ABBREV = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const MAYBE_FINAL = new Set(['etc', 'inc', 'ltd', 'co', 'corp', 'plc', 'bros', 'llc', 'govt']);
for (const w of [...NEVER_FINAL, ...MONTH_ABBREV, ...MAYBE_FINAL]) LONGEST_ABBREVIATION = Math.max(LONGEST_ABBREVIATION, w.length);
/** NEVER_FINAL, MONTH_ABBREV and MAYBE_FINAL, looked up from the text without a substring. */
const ABBREVIATIONS = new WordTable([...NEVER_FINAL, ...MONTH_ABBREV, ...MAYBE_FINAL]);
/** Created once: a literal inside the function is a new regex object on every call. */
const ALL_DOTS = /\./g;
const DOTTED_LETTERS = /^(?:[A-Za-z]\.)+[A-Za-z]$/;
/** Words that typically open a sentence: after "U.S." or "Inc." they signal a boundary. */
const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'there',
  'his', 'her', 'its', 'their', 'our', 'in', 'on', 'at', 'but', 'and', 'or', 'so', 'yet', 'however', 'meanwhile',
  'after', 'before', 'when', 'while', 'as', 'if', 'since', 'during', 'for', 'with', 'some', 'many', 'most',
  'both', 'earlier', 'later', 'last', 'next', 'also', 'still', 'officials', 'mr', 'mrs', 'ms', 'dr',
]);

const LIST_MARKER = /^(?:(?:[•·▪◦‣●○■□►▶*]|[-–—](?=\s)|\(?\d{1,3}[.)](?=\s)|\(\d{1,3}\)|\(?[a-z][.)](?=\s)|\([ivx]{1,4}\))[ \t\u00a0]+)+/;
const META_HEADER = /^(?:date|published|updated|posted)[:\s]+\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?Z?)?[ \t]+/i;
/** . ! ? … */
const TERMINALS = ['.', '!', '?', '…'];

interface TerminalScan {
  /** The next terminal mark at or after the position last asked for (text.length if none). */
  next: number;
  /** Per mark of TERMINALS, its next position found so far (text.length if none, -1 not yet searched). */
  marks: number[];
}

/** The first terminal mark at or after `from`: each mark is searched with indexOf, and its position kept until passed. */
function nextTerminal(text: string, from: number, scan: TerminalScan): number {
  let best = text.length;
  for (let m = 0; m < TERMINALS.length; m++) {
    let at = scan.marks[m]!;
    if (at < from) {
      at = text.indexOf(TERMINALS[m]!, from);
      if (at < 0) at = text.length;
      scan.marks[m] = at;
    }
    if (at < best) best = at;
  }
  return best;
}

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
function isLower(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}
function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}
/**
 * Whether a line starting at `s` may start with LIST_MARKER: • · ▪ ◦ ‣ ● ○ ■ □ ► ▶ * - – — (, or a
 * letter a-z or one to three digits followed by `.` or `)` ("a) ", "12. "). A line of prose opening
 * in lower case (a hard wrap) or with a number ("2019 was ...") is ruled out without the regex.
 */
function mayOpenListMarker(text: string, s: number): boolean {
  const c = text.charCodeAt(s);
  if (c < 128) {
    if (c >= 97 && c <= 122) return isMarkerCloser(text.charCodeAt(s + 1));
    if (c >= 48 && c <= 57) {
      let i = s + 1;
      while (i < s + 3 && isDigitCode(text.charCodeAt(i))) i++;
      return isMarkerCloser(text.charCodeAt(i));
    }
    return c === 42 || c === 45 || c === 40;
  }
  return c === 0x2022 || c === 0xb7 || c === 0x25aa || c === 0x25e6 || c === 0x2023 || c === 0x25cf || c === 0x25cb || c === 0x25a0 || c === 0x25a1 || c === 0x25ba || c === 0x25b6 || c === 0x2013 || c === 0x2014;
}
/** `.` or `)`: what closes a list number or letter. */
function isMarkerCloser(c: number): boolean {
  return c === 46 || c === 41;
}
function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}
/** . ! ? : ; " ” ’ ) ] : a line ending with one of them does not run on into the next. */
function endsClause(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 58 || c === 59 || c === 34 || c === 0x201d || c === 0x2019 || c === 41 || c === 93;
}
/** White space (space, tab, line ends, no-break space, form feed, vertical tab) by character code (NaN for no character). */
function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 12 || c === 11;
}
/** isLower on the character at `i`: ASCII by code, anything else as isLower does. */
function isLowerAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 97 && c <= 122;
  return isLower(text[i]);
}
/** A character of CLOSERS: " ” ’ ' ) ] » */
function isCloserCode(c: number): boolean {
  return c === 34 || c === 0x201d || c === 0x2019 || c === 39 || c === 41 || c === 93 || c === 0xbb;
}
/** A character of OPEN_QUOTES: " “ ‘ ' « ( */
function isOpenQuoteCode(c: number): boolean {
  return c === 34 || c === 0x201c || c === 0x2018 || c === 39 || c === 0xab || c === 40;
}
function isAsciiLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
/** . ! ? … */
function isTerminalCode(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/**
 * Paragraph blocks: every line is its own block, except that a line which ends without
 * terminal punctuation and is followed by a line starting in lower case (a hard wrap) runs on.
 * List numbering and bullets at the start of a line are left out of the block.
 */
export function paragraphBlocks(text: string): readonly Span[] {
  return readParagraphBlocks(text);
}

function readParagraphBlocks(text: string): Span[] {
  const blocks: Span[] = [];
  let blockStart = -1;
  let blockEnd = -1;
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = n;
    let s = pos;
    let e = lineEnd;
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    if (s < e) {
      // Most lines open with a capital or a quotation mark: no list marker, and no slice for the regex.
      const marker = mayOpenListMarker(text, s) ? LIST_MARKER.exec(text.slice(s, Math.min(e, s + 40))) : null;
      if (marker && s + marker[0].length < e) s += marker[0].length;
      const continues = blockStart >= 0 && blockEnd >= 0 && !endsClause(text.charCodeAt(blockEnd - 1)) && isLowerAt(text, s) && !marker;
      if (continues) {
        blockEnd = e;
      } else {
        if (blockStart >= 0) blocks.push({ start: blockStart, end: blockEnd });
        blockStart = s;
        blockEnd = e;
      }
    } else if (blockStart >= 0) {
      blocks.push({ start: blockStart, end: blockEnd });
      blockStart = -1;
    }
    pos = lineEnd + 1;
  }
  if (blockStart >= 0) blocks.push({ start: blockStart, end: blockEnd });
  return blocks;
}

function wordAfter(text: string, from: number, limit: number): string {
  let i = from;
  while (i < limit && isOpenQuoteCode(text.charCodeAt(i))) i++;
  const start = i;
  while (i < limit && isAsciiLetterCode(text.charCodeAt(i))) i++;
  return text.slice(start, i);
}

/** Whether the full stop at `dot` (followed by whitespace, then `next`) ends a sentence. */
function periodEndsSentence(text: string, dot: number, floor: number, nextPos: number, limit: number): boolean {
  // Most words before a full stop are plain words longer than any abbreviation listed: no strings needed.
  let from = dot;
  let dots = false;
  for (let c = text.charCodeAt(from - 1); from > floor && (isAsciiLetterCode(c) || c === 46); c = text.charCodeAt(--from - 1)) dots ||= c === 46;
  if (from === dot || (!dots && dot - from > LONGEST_ABBREVIATION)) return true;
  // A plain word of two letters or more ends the sentence unless it is a listed abbreviation.
  if (!dots && dot - from > 1 && ABBREVIATIONS.find(text, from, dot) === '') return true;
  const word = text.slice(from, dot);
  const bare = dots ? word.replace(ALL_DOTS, '') : word;
  const lower = bare.toLowerCase();
  const nextChar = text[nextPos];
  if (word.length === 0) return true;
  // Initials ("J. Smith", "Maria T. Santos") and single-letter dotted abbreviations ("U.S.", "p.m.", "e.g.").
  const dotted = DOTTED_LETTERS.test(word);
  if (bare.length === 1 && isUpper(bare)) return false;
  if (dotted) {
    if (lower === 'eg' || lower === 'ie') return false;
    return isSentenceOpener(text, nextPos, limit);
  }
  if (NEVER_FINAL.has(lower) && word === bare) {
    // "No. 10", "Art. 5" need a number; "no." at a sentence end otherwise ends it.
    if ((lower === 'no' || lower === 'nos' || lower === 'art' || lower === 'vol' || lower === 'fig' || lower === 'sec' || lower === 'ch' || lower === 'pp') && !isDigit(nextChar)) return true;
    if (lower === 'st' || lower === 'sr' || lower === 'jr' || lower === 'est') {
      const nextWord = wordAfter(text, nextPos, limit).toLowerCase();
      return SENTENCE_OPENERS.has(nextWord) && nextWord !== 'mr';
    }
    return false;
  }
  if (MONTH_ABBREV.has(lower) && isUpper(bare[0])) return !isDigit(nextChar);
  if (MAYBE_FINAL.has(lower)) return isSentenceOpener(text, nextPos, limit);
  return true;
}

/** Whether the word after `from` (past opening quotes) is a typical sentence opener; read only when it decides. */
function isSentenceOpener(text: string, from: number, limit: number): boolean {
  return SENTENCE_OPENERS.has(wordAfter(text, from, limit).toLowerCase());
}

/**
 * Splits an article into sentences; headings, nav lines and list items are their own spans, without
 * numbering. `blocks` lets a caller that also needs the paragraph blocks read them once.
 */
export function splitSentences(text: string, blocks: readonly Span[] = paragraphBlocks(text)): Span[] {
  const spans: Span[] = [];
  const scan: TerminalScan = { next: -1, marks: [-1, -1, -1, -1] };
  for (const block of blocks) splitBlock(text, block.start, block.end, spans, scan);
  return spans;
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  let s = start;
  let e = end;
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ start: s, end: e });
}

function splitBlock(text: string, blockStart: number, blockEnd: number, out: Span[], scan: TerminalScan): void {
  let start = blockStart;
  // The header opens with "date", "published", "updated" or "posted": other blocks skip the regex and the slice.
  const first = text.charCodeAt(start) | 32;
  const header = first === 100 || first === 112 || first === 117 ? META_HEADER.exec(text.slice(start, Math.min(blockEnd, start + 60))) : null;
  if (header && start + header[0].length < blockEnd) {
    pushTrimmed(text, start, start + header[0].length, out);
    start += header[0].length;
  }
  let i = start;
  while (i < blockEnd) {
    // Jump to the next terminal punctuation with a native scan; the position found is kept for
    // later blocks, so the text is scanned once even when many lines have no full stop.
    if (scan.next < i) scan.next = nextTerminal(text, i, scan);
    if (scan.next >= blockEnd) break;
    i = scan.next;
    const ch = text.charCodeAt(i);
    let j = i;
    while (j < blockEnd && isTerminalCode(text.charCodeAt(j))) j++;
    const punctRun = j - i;
    while (j < blockEnd && isCloserCode(text.charCodeAt(j))) j++;
    if (j >= blockEnd) break;
    if (!isSpaceCode(text.charCodeAt(j))) {
      i = j;
      continue;
    }
    let k = j;
    while (k < blockEnd && isSpaceCode(text.charCodeAt(k))) k++;
    // k < blockEnd: a block ends with a character that is not a space.
    const next = text.charCodeAt(k);
    let boundary: boolean;
    // A dash after the full stop carries on the sentence: '"..." — Kofi Annan'.
    if (isLowerAt(text, k) || next === 44 || next === 59 || next === 58 || next === 41 || next === 0x2014 || next === 0x2013) boundary = false;
    else if (ch === 46 && punctRun === 1) boundary = periodEndsSentence(text, i, start, k, blockEnd);
    else boundary = true;
    if (boundary) {
      pushTrimmed(text, start, j, out);
      start = k;
    }
    i = k;
  }
  pushTrimmed(text, start, blockEnd, out);
}
