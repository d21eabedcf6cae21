// Direct quotations: pairs quotation marks (straight, curly, and BBC-style single marks),
// rejects titles and scare quotes, and gives each quotation to the source the article names.
import { claimsOf } from './claims';
import { F_JOINER, F_NUM, F_WORD, fullEndAt, sharedTokens, type SharedWords } from './names';
import { paragraphBlocks } from './sentences';
import { attributeSentences, type Attribution, isSortedByStart, type SentenceContext, type Speaker } from './speakers';
import type { ClaimMention, OfficialMention, QuoteMention, Span } from './types';

export interface QuoteSegment {
  /** Index of the opening mark, or -1 when the source lost it. */
  open: number;
  /** Index of the closing mark, or -1 when the quotation runs on to the next one or the paragraph end. */
  close: number;
  start: number;
  end: number;
  single: boolean;
}

/** Whether a UTF-16 code is white space as /\s/ defines it. */
function isJsSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** isSpaceChar for the character at `i`, where -1 stands for "no character" (a block edge). */
function isSpaceAt(code: number): boolean {
  return code < 0 || isJsSpace(code);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** As /[\p{L}\p{N}]/u on one UTF-16 unit (a lone surrogate is neither); -1 is no character. */
function isLetterOrDigit(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return LETTER_OR_DIGIT.test(String.fromCharCode(code));
}

const DOUBLE_OPEN = new Set([0x201c, 0xab, 0x201e]); // “ « „
const DOUBLE_CLOSE = new Set([0x201d, 0xbb]); // ” »

function isDoubleMark(code: number): boolean {
  return code === 34 || DOUBLE_OPEN.has(code) || DOUBLE_CLOSE.has(code);
}

const ALL_MARKS = /["“”«»„'‘’]/g;
/** ALL_MARKS but a single mark between two ASCII letters or digits. */
const MARKS_BUT_INNER_APOSTROPHES = /["“”«»„]|['‘’](?![A-Za-z0-9])|(?<![A-Za-z0-9])['‘’]/g;

/** An ASCII letter or digit. */
function isAsciiAlnum(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/**
 * Whether a block starts or ends with a single mark that has ASCII letters or digits on both sides
 * in the text: inside its block such a mark sits at an edge, where singleSegments reads it (the block
 * ends there), so MARKS_BUT_INNER_APOSTROPHES would lose it. (Paragraph blocks never do: they are cut
 * at line breaks and trimmed.)
 */
function blockEdgeInWord(text: string, blocks: readonly Span[]): boolean {
  for (const block of blocks) {
    if (block.end > block.start && (isInnerSingleMark(text, block.start) || isInnerSingleMark(text, block.end - 1))) return true;
  }
  return false;
}

/** A single mark with an ASCII letter or digit on both sides. */
function isInnerSingleMark(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c === 39 || c === 0x2018 || c === 0x2019) && i > 0 && isAsciiAlnum(text.charCodeAt(i - 1)) && isAsciiAlnum(text.charCodeAt(i + 1));
}

function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1] ?? '')) e--;
  return e;
}

function sentenceIndexAt(sentences: Span[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= pos) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/**
 * Every quotation mark pair, one paragraph at a time (quotations never run across paragraphs:
 * BBC copy opens each paragraph of a long quotation with a new mark). An opening mark while a
 * quotation is open ends it there; a closing mark after a full stop with nothing open marks a
 * quotation that lost its opening mark, bounded by its sentence.
 */
export function findQuoteSegments(
  text: string,
  sentences: Span[],
  blocks: readonly Span[] = paragraphBlocks(text),
): QuoteSegment[] {
  // The positions of all marks, found in one pass over the whole text (no block substrings; `test`
  // scans natively and builds no match object).
  const doubleMarks: number[] = [];
  const singleMarks: number[] = [];
  // Apostrophes inside words (Iran's, can't: half of all marks) are passed over by the regex itself,
  // as singleSegments would pass them over, unless a block's edge cuts the word (then all are read).
  const allMarks = blockEdgeInWord(text, blocks);
  const words = sharedTokens(text);
  if (words) marksOfWords(text, words, allMarks, doubleMarks, singleMarks);
  else {
    const marks = allMarks ? ALL_MARKS : MARKS_BUT_INNER_APOSTROPHES;
    marks.lastIndex = 0;
    while (marks.test(text)) {
      const i = marks.lastIndex - 1;
      if (isDoubleMark(text.charCodeAt(i))) doubleMarks.push(i);
      else singleMarks.push(i);
    }
  }
  const segments: QuoteSegment[] = [];
  let d = 0;
  let q = 0;
  for (const block of blocks) {
    while (d < doubleMarks.length && doubleMarks[d]! < block.start) d++;
    while (q < singleMarks.length && singleMarks[q]! < block.start) q++;
    const hasDoubles = d < doubleMarks.length && doubleMarks[d]! < block.end;
    const hasSingles = q < singleMarks.length && singleMarks[q]! < block.end;
    // Most paragraphs hold no mark at all: nothing to pair.
    if (!hasDoubles && !hasSingles) continue;
    // Both kinds go straight into `segments`; the block's double quotations are segments[from, to).
    const from = segments.length;
    if (hasDoubles) doubleSegments(text, block, sentences, doubleMarks, d, segments);
    if (hasSingles) singleSegments(text, block, segments, from, segments.length, singleMarks, q);
  }
  // Sorted already unless a block has single quotations after its double ones (the sort is stable:
  // a sorted list stays as it is), so the sort and its copy of the list are mostly skipped.
  if (!isSortedByStart(segments)) segments.sort((a, b) => a.start - b.start);
  return segments;
}

/**
 * The marks the regex finds (ALL_MARKS, or MARKS_BUT_INNER_APOSTROPHES unless `allMarks`), read from
 * the names.ts words of the text (the officials stage's): a quotation mark is never part of a word
 * or a number there, but for an apostrophe inside a word ("Iran’s", "Sa’ar"), so the marks are the
 * one-character tokens and the apostrophes of the words with a joiner.
 */
function marksOfWords(text: string, words: SharedWords, allMarks: boolean, doubleMarks: number[], singleMarks: number[]): void {
  const { count, start, flags } = words;
  for (let k = 0; k < count; k++) {
    const f = flags[k]!;
    if ((f & (F_WORD | F_NUM)) === 0) {
      const i = start[k]!;
      const c = text.charCodeAt(i);
      if (c === 34 || c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb || c === 0x201e) doubleMarks.push(i);
      else if ((c === 39 || c === 0x2018 || c === 0x2019) && (allMarks || !isInnerSingleMark(text, i))) singleMarks.push(i);
    } else if (f & F_JOINER) {
      const end = fullEndAt(words, k);
      for (let i = start[k]!; i < end; i++) {
        const c = text.charCodeAt(i);
        if ((c === 39 || c === 0x2019) && (allMarks || !isInnerSingleMark(text, i))) singleMarks.push(i);
      }
    }
  }
}

/** The character code before/after a mark inside its block, or -1 at the block's edge. */
function codeBefore(text: string, block: Span, i: number): number {
  return i > block.start ? text.charCodeAt(i - 1) : -1;
}
function codeAfter(text: string, block: Span, i: number): number {
  return i + 1 < block.end ? text.charCodeAt(i + 1) : -1;
}

/** A quotation whose closing mark is missing, from its opening mark at `openAt` to `endPos`. */
function emitImplicit(text: string, sentences: Span[], openAt: number, endPos: number, out: QuoteSegment[]): void {
  const start = openAt + 1;
  const end = trimmedEnd(text, start, endPos);
  if (end > start) out.push(cutRunOn(text, { open: openAt, close: -1, start, end, single: false }, sentences));
}

/** The double quotations of a block, added to `out`. */
function doubleSegments(text: string, block: Span, sentences: Span[], marks: number[], from: number, out: QuoteSegment[]): void {
  let openAt = -1;
  for (let k = from; k < marks.length && marks[k]! < block.end; k++) {
    const i = marks[k]!;
    const mark = text.charCodeAt(i);
    const prev = codeBefore(text, block, i);
    const next = codeAfter(text, block, i);
    let role: 'open' | 'close' | 'either';
    if (DOUBLE_OPEN.has(mark)) role = 'open';
    else if (DOUBLE_CLOSE.has(mark)) role = 'close';
    else {
      // ( [ { — – - /   and   . , ; : ! ? ) ] — –
      const prevSpace = isSpaceAt(prev) || prev === 40 || prev === 91 || prev === 123 || prev === 0x2014 || prev === 0x2013 || prev === 45 || prev === 47;
      const nextSpace = isSpaceAt(next) || next === 46 || next === 44 || next === 59 || next === 58 || next === 33 || next === 63 || next === 41 || next === 93 || next === 0x2014 || next === 0x2013;
      role = prevSpace && !nextSpace ? 'open' : !prevSpace && nextSpace ? 'close' : 'either';
    }
    if (role === 'either') role = openAt >= 0 ? 'close' : 'open';
    if (role === 'open') {
      if (openAt >= 0) emitImplicit(text, sentences, openAt, i, out);
      openAt = i;
    } else if (openAt >= 0) {
      if (i > openAt + 1) out.push({ open: openAt, close: i, start: openAt + 1, end: i, single: false });
      openAt = -1;
    } else if (prev === 46 || prev === 33 || prev === 63) {
      // A quotation that lost its opening mark: it starts with its sentence.
      const s = sentences[sentenceIndexAt(sentences, i - 1)];
      const start = s && s.start >= block.start ? s.start : block.start;
      if (i > start) out.push({ open: -1, close: i, start, end: i, single: false });
    }
  }
  if (openAt >= 0) emitImplicit(text, sentences, openAt, block.end, out);
}

const REPORTING_INSIDE = /\b(?:said|says|saying|told|added|adding|according to|stated|asked|replied|wrote)\b/;

/** A quotation without its closing mark ends before a later sentence of the narrator's ("..., saying"). */
function cutRunOn(text: string, seg: QuoteSegment, sentences: Span[]): QuoteSegment {
  let idx = sentenceIndexAt(sentences, seg.start);
  let prevEnd = -1;
  for (idx = Math.max(idx, 0); idx < sentences.length; idx++) {
    const s = sentences[idx]!;
    if (s.start >= seg.end) break;
    if (s.start > seg.start && prevEnd > seg.start) {
      const body = text.slice(s.start, Math.min(s.end, seg.end));
      if (REPORTING_INSIDE.test(body)) return { ...seg, end: prevEnd };
    }
    prevEnd = Math.min(s.end, seg.end);
  }
  return seg;
}

/** Whether `pos` is inside one of list[from, to) (sorted spans): inRanges on that part of the list. */
function inSegments(list: QuoteSegment[], from: number, to: number, pos: number): boolean {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = list[mid]!;
    if (pos < r.start) hi = mid - 1;
    else if (pos >= r.end) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Single marks used as quotation marks ('reckless'), told apart from apostrophes (Iran's, members'),
 * added to `out`; the block's double quotations are out[doublesFrom, doublesTo).
 */
function singleSegments(text: string, block: Span, out: QuoteSegment[], doublesFrom: number, doublesTo: number, marks: number[], from: number): void {
  let openAt = -1;
  for (let k = from; k < marks.length && marks[k]! < block.end; k++) {
    const i = marks[k]!;
    const prev = codeBefore(text, block, i);
    const next = codeAfter(text, block, i);
    const prevLetter = isLetterOrDigit(prev);
    const nextLetter = isLetterOrDigit(next);
    if (prevLetter && nextLetter) continue; // apostrophe inside a word
    if (inSegments(out, doublesFrom, doublesTo, i)) continue;
    const mark = text.charCodeAt(i);
    // ( [ — – - " “ before an opening mark; not a decade ("the '90s") or a clipped word ("rock 'n' roll").
    const canOpen =
      mark !== 0x2019 &&
      nextLetter &&
      (isSpaceAt(prev) || prev === 40 || prev === 91 || prev === 0x2014 || prev === 0x2013 || prev === 45 || prev === 34 || prev === 0x201c) &&
      !CLIPPED.test(text.slice(i + 1, i + 5));
    // A letter or . , ! ? before a closing mark, and a space or . , ; : ! ? ) ] " ” — – - after it.
    const canClose =
      mark !== 0x2018 &&
      (prevLetter || prev === 46 || prev === 44 || prev === 33 || prev === 63) &&
      (isSpaceAt(next) || next === 46 || next === 44 || next === 59 || next === 58 || next === 33 || next === 63 || next === 41 || next === 93 || next === 34 || next === 0x201d || next === 0x2014 || next === 0x2013 || next === 45);
    if (openAt < 0) {
      if (canOpen) openAt = i;
    } else if (canClose) {
      if (i - openAt > 1 && i - openAt < 400) out.push({ open: openAt, close: i, start: openAt + 1, end: i, single: true });
      openAt = -1;
    } else if (canOpen && i - openAt > 400) openAt = i;
  }
}

const CLIPPED = /^(?:\d0s|n['’]\s|em\b|til\b|cause\b)/;

const TITLE_INTRO = /\b(?:book|novel|film|movie|documentary|song|album|play|show|series|programme|program|titled|entitled|headlined|dubbed|so-called|nicknamed|known as|slogan|motto|hashtag|banner|operation|term|phrase|word|campaign called|article|column|report called|magazine|newspaper)\s*[,:]?\s*$/i;

/**
 * The last words TITLE_INTRO can end with (lower case). The regex, run on every quotation, is asked
 * only when the word right before the quotation (past spaces and a comma or colon) is one of them.
 */
const TITLE_INTRO_LAST_WORDS = new Set([
  'book', 'novel', 'film', 'movie', 'documentary', 'song', 'album', 'play', 'show', 'series', 'programme', 'program',
  'titled', 'entitled', 'headlined', 'dubbed', 'called', 'nicknamed', 'as', 'slogan', 'motto', 'hashtag', 'banner',
  'operation', 'term', 'phrase', 'word', 'article', 'column', 'magazine', 'newspaper',
]);

/**
 * Whether TITLE_INTRO may match text[from, to): its last run of ASCII letters, before what
 * /\s*[,:]?\s*$/ takes, is one of TITLE_INTRO_LAST_WORDS (the regex's /i folds only ASCII letters).
 */
function mayIntroduceTitle(text: string, from: number, to: number): boolean {
  let end = to;
  while (end > from && isJsSpace(text.charCodeAt(end - 1))) end--;
  if (end > from && (text.charCodeAt(end - 1) === 44 || text.charCodeAt(end - 1) === 58)) end--;
  while (end > from && isJsSpace(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > from && ((text.charCodeAt(start - 1) | 32) - 97) >>> 0 < 26) start--;
  // The longest listed word has 11 letters.
  if (start === end || end - start > 11) return false;
  return TITLE_INTRO_LAST_WORDS.has(text.slice(start, end).toLowerCase());
}

/** Titles, names and coined terms are not quotations: "Economic “2+2”", a book title. */
function looksLikeTitle(text: string, seg: QuoteSegment): boolean {
  // One pass over the quotation by character code (no substring, no word list): whether it has a
  // lower-case letter, and its words as /[\p{L}][\p{L}'’-]*/u would find them.
  let hasLower = false;
  let words = 0;
  let longWords = 0;
  let capitalised = 0;
  let wordStart = -1;
  let wordCap = false;
  for (let i = seg.start; i <= seg.end; i++) {
    let code = i < seg.end ? text.charCodeAt(i) : 32;
    let units = 1;
    let letter: boolean;
    if (code < 128) {
      const lower = code >= 97 && code <= 122;
      hasLower ||= lower;
      letter = lower || (code >= 65 && code <= 90);
    } else {
      // A whole code point: a surrogate pair inside the quotation counts as one character.
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < seg.end) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
          units = 2;
        }
      }
      const kind = letterKindOf(code);
      letter = kind !== NOT_LETTER;
      if (letter && !hasLower) hasLower = kind === LOWER_CASE_LETTER;
    }
    if (wordStart < 0) {
      if (letter) {
        wordStart = i;
        // As w[0] !== w[0].toLowerCase(): the first UTF-16 unit only.
        const first = text.charCodeAt(i);
        wordCap = first < 128 ? first >= 65 && first <= 90 : text[i]! !== text[i]!.toLowerCase();
      }
    } else if (!(letter || code === 39 || code === 0x2019 || code === 45)) {
      words++;
      if (i - wordStart > 3) {
        longWords++;
        if (wordCap) capitalised++;
      }
      wordStart = -1;
      // Past 14 words with a lower-case letter seen, neither test below can hold: read no further.
      if (words > 14 && hasLower) break;
    }
    i += units - 1;
  }
  if (!hasLower) return true;
  if (words >= 2 && longWords >= 2 && capitalised / longWords >= 0.75 && words <= 14) return true;
  if (seg.open >= 0 && mayIntroduceTitle(text, Math.max(0, seg.open - 40), seg.open)) {
    const before = text.slice(Math.max(0, seg.open - 40), seg.open);
    if (TITLE_INTRO.test(before)) return true;
  }
  return false;
}

const LETTER = /\p{L}/u;
const LOWER_LETTER = /\p{Ll}/u;

// What LETTER and LOWER_LETTER say of a code point, kept per UTF-16 unit for the Basic Multilingual
// Plane: a quotation's curly apostrophes and accented letters were each a new string and two regex runs.
const NOT_LETTER = 1;
const OTHER_LETTER = 2;
const LOWER_CASE_LETTER = 3;
/** Per BMP code point: 0 not yet read, else one of the kinds above. */
const LETTER_KINDS = new Uint8Array(65536);

function letterKindOf(codePoint: number): number {
  if (codePoint < 65536) {
    const known = LETTER_KINDS[codePoint]!;
    if (known !== 0) return known;
    return (LETTER_KINDS[codePoint] = readLetterKind(codePoint));
  }
  return readLetterKind(codePoint);
}

function readLetterKind(codePoint: number): number {
  const ch = String.fromCodePoint(codePoint);
  return !LETTER.test(ch) ? NOT_LETTER : LOWER_LETTER.test(ch) ? LOWER_CASE_LETTER : OTHER_LETTER;
}

function attributionSpeaker(a: Attribution): Speaker {
  return { speaker: a.speaker, speakerEntityId: a.speakerEntityId, person: a.person };
}

const HEADLINE_SOURCE = /^[^"“”]*?\s?[-–—:]\s*((?:[A-Z][\p{L}'’.-]*\s+){0,3}[A-Z][\p{L}'’.-]*)\s*$/u;

/** What may follow the verb of a sentence that is only an attribution: "Okafor said to applause." */
const ATTRIBUTION_ONLY_REST = /^(?:\s*[.!?]|\s+(?:on|in|at|to|during|after|before|from|with|of|earlier|later|last|this|yesterday|today|recently|then|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b[^"“”]{0,100}$|\s*,[^"“”]{0,120}$)/i;

/** As text.slice(start, end).split(/\s+/).length >= min, counted without building the pieces, stopping at `min`. */
function hasPieces(text: string, start: number, end: number, min: number): boolean {
  let pieces = 1;
  for (let i = start; i < end && pieces < min; i++) {
    if (isJsSpace(text.charCodeAt(i)) && (i === start || !isJsSpace(text.charCodeAt(i - 1)))) pieces++;
  }
  return pieces >= min;
}

/** As text.slice(start, end).split(/\s+/).filter(Boolean).length: runs of non-space characters. */
function wordsBetween(text: string, start: number, end: number): number {
  let words = 0;
  for (let i = start; i < end; i++) {
    if (!isJsSpace(text.charCodeAt(i)) && (i === start || isJsSpace(text.charCodeAt(i - 1)))) words++;
  }
  return words;
}

/** Whether only spaces and commas separate two positions. */
function adjacent(text: string, from: number, to: number): boolean {
  if (to < from || to - from >= 6) return false;
  // As /^[\s,]*$/ on text.slice(from, to), read in place.
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 44 && !isJsSpace(c)) return false;
  }
  return true;
}

export interface AttributedQuote {
  segment: QuoteSegment;
  quote: QuoteMention;
  attribution: Attribution | null;
  firstSentence: number;
  lastSentence: number;
  /** The last sentence of the quotation or of its attribution, whichever comes later. */
  anchorSentence: number;
}

/**
 * The quotations of an article and its claims. The claims are read from the per-sentence attributions
 * as soon as those are found: the attributions of every sentence were the largest part of an
 * article's analysis, and keeping them until the claims stage made them outlive several garbage
 * collections (copied each time) for nothing.
 */
export type QuoteAnalysis = { quotes: Array<{ quote: QuoteMention }>; claims: ClaimMention[] };

/** Finds quotations and their speakers; claims are read from the same analysis (see findClaims). */
export function analyzeQuotes(
  text: string,
  sentences: Span[],
  officials: OfficialMention[],
  blocks: readonly Span[] = paragraphBlocks(text),
): QuoteAnalysis {
  const segments = findQuoteSegments(text, sentences, blocks);
  // The segments are the masked ranges themselves (spans by their start and end), not copies of them.
  const contexts = attributeSentences(text, sentences, officials, segments);
  const quotes: AttributedQuote[] = [];
  let previous: AttributedQuote | null = null;
  for (const seg of segments) {
    if (looksLikeTitle(text, seg)) continue;
    const first = Math.max(0, sentenceIndexAt(sentences, seg.start));
    const last = Math.max(first, sentenceIndexAt(sentences, seg.end - 1));
    const found = chooseAttribution(text, seg, first, last, contexts, sentences);
    let speaker: Speaker | null = found ? attributionSpeaker(found) : null;
    if (!speaker) {
      // A quotation signed with a dash ('"..." — Kofi Annan') or a headline ("Tariffs 'reckless' - Lula").
      const s = sentences[last];
      const after = seg.close >= 0 ? seg.close + 1 : seg.end;
      if (s && s.end - after < 80 && s.end > after && !/[.!?"”’]/.test(text[s.end - 1] ?? '')) {
        const h = HEADLINE_SOURCE.exec(text.slice(after, s.end));
        if (h) speaker = { speaker: h[1]!, speakerEntityId: null, person: true };
      }
    }
    if (!speaker && first > 0) {
      // "..., the ministry said:" and the quotation in the next paragraph.
      const before = sentences[first - 1]!;
      const intro = contexts[first - 1]?.attributions[0];
      if (intro?.speaker && text[before.end - 1] === ':' && intro.info.strength !== 'cognition') speaker = attributionSpeaker(intro);
    }
    const startsSentence = sentences[first] !== undefined && (seg.open < 0 || seg.open <= sentences[first]!.start + 1);
    // Whether the previous quotation is speech (6 pieces or more) is counted only when it decides.
    if (!speaker && previous && (startsSentence || hasPieces(text, previous.quote.start, previous.quote.end, 6)) && previous.anchorSentence >= first - 1 && previous.segment.end <= seg.start) {
      // A quotation that runs on without a new attribution keeps its speaker.
      speaker = { speaker: previous.quote.speaker, speakerEntityId: previous.quote.speakerEntityId, person: true };
    }
    if (!speaker || !speaker.speaker) continue;
    const q: AttributedQuote = {
      segment: seg,
      quote: {
        text: text.slice(seg.start, seg.end),
        start: seg.start,
        end: seg.end,
        speaker: speaker.speaker,
        speakerEntityId: speaker.speakerEntityId,
      },
      attribution: found,
      firstSentence: first,
      lastSentence: last,
      anchorSentence: Math.max(last, found ? sentenceIndexAt(sentences, found.cueStart) : last),
    };
    quotes.push(q);
    previous = q;
  }
  // Only the mentions are kept: the attributions and segments behind them served the claims above,
  // and would otherwise stay alive with the analysis until the pipeline's batch is done.
  return { quotes: quotes.map((q) => ({ quote: q.quote })), claims: claimsOf(text, sentences, quotes, contexts) };
}

const RELATIVE_OR_SEMICOLON = /\b(?:whose|which|who|while|whom)\b|[;]/;

function chooseAttribution(
  text: string,
  seg: QuoteSegment,
  first: number,
  last: number,
  contexts: SentenceContext[],
  sentences: Span[],
): Attribution | null {
  const closeAt = seg.close >= 0 ? seg.close + 1 : seg.end;
  const openAt = seg.open >= 0 ? seg.open : seg.start;
  const usable = (a: Attribution) => a.info.strength !== 'cognition' && a.speaker !== null;
  // 1. Right after the closing mark: '"...," the official said' / '"...," said Mr Diallo'.
  let post: Attribution | null = null;
  const lastAttributions = contexts[last]?.attributions ?? [];
  for (let i = firstAttributionFrom(lastAttributions, closeAt); i < lastAttributions.length; i++) {
    const a = lastAttributions[i]!;
    if (a.cueStart > closeAt + 200) break;
    if (usable(a) && (adjacent(text, closeAt, a.phrase.start) || adjacent(text, closeAt, a.cueStart))) {
      post = a;
      break;
    }
  }
  const lastSentence = sentences[last];
  if (!post && lastSentence && trimmedEnd(text, closeAt, lastSentence.end) <= closeAt + 1) {
    // The quotation ends its sentence; the next one may be just the attribution: "Okafor said to applause."
    const next = contexts[last + 1];
    const a = next?.attributions[0];
    if (a && usable(a) && adjacent(text, closeAt, Math.min(a.phrase.start, a.cueStart)) && !text.slice(closeAt, next.sentence.start).includes('\n')) {
      const rest = text.slice(a.cueEnd, next.sentence.end);
      if (ATTRIBUTION_ONLY_REST.test(rest)) post = a;
    }
  }
  // 2. A cue that governs the quotation: 'urged Iran “to respond”', 'He added: "...'.
  let pre: Attribution | null = null;
  const firstAttributions = contexts[first]?.attributions ?? [];
  for (let i = firstAttributionFrom(firstAttributions, openAt - 120); i < firstAttributions.length; i++) {
    const a = firstAttributions[i]!;
    if (a.cueStart > openAt) break;
    if (!usable(a) || a.cueEnd > openAt || openAt - a.cueEnd > 80) continue;
    if (wordsBetween(text, a.cueEnd, openAt) <= 6 && !RELATIVE_OR_SEMICOLON.test(text.slice(a.cueEnd, openAt))) pre = a;
  }
  // A statement relayed by a body keeps its maker: 'Hayashi urged Iran "...", the ministry said'.
  if (pre && post) return post.person && !pre.person ? post : pre;
  if (post) return post;
  if (pre) return pre;
  // 3. Any cue of saying in the quotation's sentences.
  for (let i = first; i <= last && i <= first + 20; i++) {
    const list = contexts[i]?.attributions ?? [];
    for (let k = 0; k < list.length && k < 50; k++) if (usable(list[k]!)) return list[k]!;
  }
  return null;
}

/** Index of the first attribution whose cue starts at or after `pos` (attributions are in text order). */
function firstAttributionFrom(list: Attribution[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.cueStart < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function findQuotes(text: string, sentences: Span[], officials: OfficialMention[]): QuoteMention[] {
  return analyzeQuotes(text, sentences, officials).quotes.map((q) => q.quote);
}
