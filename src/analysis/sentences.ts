// Sentence splitting for news copy: paragraphs and page lines first, then full stops that
// are not abbreviations, initials or decimals. Linear scan, no lookbehind over the whole text.
import type { Span } from './types';

/** Titles and abbreviations whose full stop never ends a sentence. */
const NEVER_FINAL = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt', 'cpl', 'adm',
  'cmdr', 'maj', 'brig', 'rev', 'hon', 'st', 'mt', 'ft', 'pres', 'supt', 'insp', 'messrs', 'mme', 'mlle',
  'sr', 'jr', 'vs', 'v', 'cf', 'al', 'approx', 'dept', 'est', 'fig', 'no', 'nos', 'vol', 'pp', 'art', 'ch',
  'sec', 'sq', 'ave', 'blvd', 'rd', 'hwy',
]);
/** Abbreviations that end a sentence only when a typical sentence opener follows. */
const MONTH_ABBREV = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const MAYBE_FINAL = new Set(['etc', 'inc', 'ltd', 'co', 'corp', 'plc', 'bros', 'llc', 'govt']);
/** Words that typically open a sentence: after "U.S." or "Inc." they signal a boundary. */
const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'there',
  'his', 'her', 'its', 'their', 'our', 'in', 'on', 'at', 'but', 'and', 'or', 'so', 'yet', 'however', 'meanwhile',
  'after', 'before', 'when', 'while', 'as', 'if', 'since', 'during', 'for', 'with', 'some', 'many', 'most',
  'both', 'earlier', 'later', 'last', 'next', 'also', 'still', 'officials', 'mr', 'mrs', 'ms', 'dr',
]);

const LIST_MARKER = /^(?:(?:[•·▪◦‣●○■□►▶*]|[-–—](?=\s)|\(?\d{1,3}[.)](?=\s)|\(\d{1,3}\)|\(?[a-z][.)](?=\s)|\([ivx]{1,4}\))[ \t\u00a0]+)+/;
const META_HEADER = /^(?:date|published|updated|posted)[:\s]+\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?Z?)?[ \t]+/i;
const CLOSERS = '"”’\')]»';
const TERMINAL_RE = /[.!?…]/g;
const OPEN_QUOTES = '"“‘\'«(';

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
function isLower(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}
function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0' || ch === '\f' || ch === '\v';
}
function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
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
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (s < e) {
      const marker = LIST_MARKER.exec(text.slice(s, Math.min(e, s + 40)));
      if (marker && s + marker[0].length < e) s += marker[0].length;
      const continues = blockStart >= 0 && blockEnd >= 0 && !/[.!?:;"”’)\]]/.test(text[blockEnd - 1] ?? '') && isLower(text[s]) && !marker;
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

/** The word (letters and inner dots) that ends right before `dot`. */
function wordBefore(text: string, dot: number, floor: number): string {
  let i = dot;
  while (i > floor && /[A-Za-z.]/.test(text[i - 1] ?? '')) i--;
  return text.slice(i, dot);
}

function wordAfter(text: string, from: number, limit: number): string {
  let i = from;
  while (i < limit && OPEN_QUOTES.includes(text[i] ?? '')) i++;
  const start = i;
  while (i < limit && /[A-Za-z]/.test(text[i] ?? '')) i++;
  return text.slice(start, i);
}

/** Whether the full stop at `dot` (followed by whitespace, then `next`) ends a sentence. */
function periodEndsSentence(text: string, dot: number, floor: number, nextPos: number, limit: number): boolean {
  const word = wordBefore(text, dot, floor);
  const bare = word.replace(/\./g, '');
  const lower = bare.toLowerCase();
  const nextChar = text[nextPos];
  const nextWord = wordAfter(text, nextPos, limit).toLowerCase();
  if (word.length === 0) return true;
  // Initials ("J. Smith", "Maria T. Santos") and single-letter dotted abbreviations ("U.S.", "p.m.", "e.g.").
  const dotted = /^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word);
  if (bare.length === 1 && isUpper(bare)) return false;
  if (dotted) {
    if (lower === 'eg' || lower === 'ie') return false;
    return SENTENCE_OPENERS.has(nextWord);
  }
  if (NEVER_FINAL.has(lower) && word === bare) {
    // "No. 10", "Art. 5" need a number; "no." at a sentence end otherwise ends it.
    if ((lower === 'no' || lower === 'nos' || lower === 'art' || lower === 'vol' || lower === 'fig' || lower === 'sec' || lower === 'ch' || lower === 'pp') && !isDigit(nextChar)) return true;
    if (lower === 'st' || lower === 'sr' || lower === 'jr' || lower === 'est') return SENTENCE_OPENERS.has(nextWord) && nextWord !== 'mr';
    return false;
  }
  if (MONTH_ABBREV.has(lower) && isUpper(bare[0])) return !isDigit(nextChar);
  if (MAYBE_FINAL.has(lower)) return SENTENCE_OPENERS.has(nextWord);
  return true;
}

/**
 * Splits an article into sentences; headings, nav lines and list items are their own spans, without
 * numbering. `blocks` lets a caller that also needs the paragraph blocks read them once.
 */
export function splitSentences(text: string, blocks: readonly Span[] = paragraphBlocks(text)): Span[] {
  const spans: Span[] = [];
  const scan = { next: -1 };
  for (const block of blocks) splitBlock(text, block.start, block.end, spans, scan);
  return spans;
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  if (e > s) out.push({ start: s, end: e });
}

function splitBlock(text: string, blockStart: number, blockEnd: number, out: Span[], scan: { next: number }): void {
  let start = blockStart;
  const header = META_HEADER.exec(text.slice(start, Math.min(blockEnd, start + 60)));
  if (header && start + header[0].length < blockEnd) {
    pushTrimmed(text, start, start + header[0].length, out);
    start += header[0].length;
  }
  let i = start;
  while (i < blockEnd) {
    // Jump to the next terminal punctuation with a native scan; the position found is kept for
    // later blocks, so the text is scanned once even when many lines have no full stop.
    if (scan.next < i) {
      TERMINAL_RE.lastIndex = i;
      const found = TERMINAL_RE.exec(text);
      scan.next = found ? found.index : text.length;
    }
    if (scan.next >= blockEnd) break;
    i = scan.next;
    const ch = text[i];
    let j = i;
    while (j < blockEnd && (text[j] === '.' || text[j] === '!' || text[j] === '?' || text[j] === '…')) j++;
    const punctRun = j - i;
    while (j < blockEnd && CLOSERS.includes(text[j] ?? '')) j++;
    if (j >= blockEnd) break;
    if (!isSpace(text[j])) {
      i = j;
      continue;
    }
    let k = j;
    while (k < blockEnd && isSpace(text[k])) k++;
    const next = text[k];
    let boundary: boolean;
    // A dash after the full stop carries on the sentence: '"..." — Kofi Annan'.
    if (isLower(next) || next === ',' || next === ';' || next === ':' || next === ')' || next === '—' || next === '–') boundary = false;
    else if (ch === '.' && punctRun === 1) boundary = periodEndsSentence(text, i, start, k, blockEnd);
    else boundary = true;
    if (boundary) {
      pushTrimmed(text, start, j, out);
      start = k;
    }
    i = k;
  }
  pushTrimmed(text, start, blockEnd, out);
}
