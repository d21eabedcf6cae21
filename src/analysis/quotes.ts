// Direct quotations: pairs quotation marks (straight, curly, and BBC-style single marks),
// rejects titles and scare quotes, and gives each quotation to the source the article names.
import { paragraphBlocks } from './sentences';
import { attributeSentences, inRanges, type Attribution, type SentenceContext, type Speaker } from './speakers';
import type { OfficialMention, QuoteMention, Span } from './types';

export interface QuoteSegment {
  /** Index of the opening mark, or -1 when the source lost it. */
  open: number;
  /** Index of the closing mark, or -1 when the quotation runs on to the next one or the paragraph end. */
  close: number;
  start: number;
  end: number;
  single: boolean;
}

const DOUBLE_MARKS = /["“”«»„]/g;
const SINGLE_MARKS = /['‘’]/g;

function isSpaceChar(ch: string | undefined): boolean {
  return ch === undefined || /\s/.test(ch);
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
export function findQuoteSegments(text: string, sentences: Span[]): QuoteSegment[] {
  const segments: QuoteSegment[] = [];
  for (const block of paragraphBlocks(text)) {
    const doubles = doubleSegments(text, block, sentences);
    segments.push(...doubles);
    segments.push(...singleSegments(text, block, doubles));
  }
  segments.sort((a, b) => a.start - b.start);
  return segments;
}

function doubleSegments(text: string, block: Span, sentences: Span[]): QuoteSegment[] {
  const out: QuoteSegment[] = [];
  let openAt = -1;
  const slice = text.slice(block.start, block.end);
  DOUBLE_MARKS.lastIndex = 0;
  const emitImplicit = (endPos: number) => {
    const start = openAt + 1;
    const end = trimmedEnd(text, start, endPos);
    if (end > start) out.push(cutRunOn(text, { open: openAt, close: -1, start, end, single: false }, sentences));
  };
  for (let m = DOUBLE_MARKS.exec(slice); m; m = DOUBLE_MARKS.exec(slice)) {
    const i = block.start + m.index;
    const mark = m[0];
    const prev = i > block.start ? text[i - 1] : undefined;
    const next = i + 1 < block.end ? text[i + 1] : undefined;
    let role: 'open' | 'close' | 'either';
    if (mark === '“' || mark === '«' || mark === '„') role = 'open';
    else if (mark === '”' || mark === '»') role = 'close';
    else {
      const prevSpace = isSpaceChar(prev) || /[([{—–\-/]/.test(prev ?? '');
      const nextSpace = isSpaceChar(next) || /[.,;:!?)\]—–]/.test(next ?? '');
      role = prevSpace && !nextSpace ? 'open' : !prevSpace && nextSpace ? 'close' : 'either';
    }
    if (role === 'either') role = openAt >= 0 ? 'close' : 'open';
    if (role === 'open') {
      if (openAt >= 0) emitImplicit(i);
      openAt = i;
    } else if (openAt >= 0) {
      if (i > openAt + 1) out.push({ open: openAt, close: i, start: openAt + 1, end: i, single: false });
      openAt = -1;
    } else if (/[.!?]/.test(prev ?? '')) {
      // A quotation that lost its opening mark: it starts with its sentence.
      const s = sentences[sentenceIndexAt(sentences, i - 1)];
      const start = s && s.start >= block.start ? s.start : block.start;
      if (i > start) out.push({ open: -1, close: i, start, end: i, single: false });
    }
  }
  if (openAt >= 0) emitImplicit(block.end);
  return out;
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

/** Single marks used as quotation marks ('unjustified'), told apart from apostrophes (Iran's, members'). */
function singleSegments(text: string, block: Span, doubles: QuoteSegment[]): QuoteSegment[] {
  const out: QuoteSegment[] = [];
  const inside: Span[] = doubles.map((d) => ({ start: d.start, end: d.end }));
  const slice = text.slice(block.start, block.end);
  SINGLE_MARKS.lastIndex = 0;
  let openAt = -1;
  for (let m = SINGLE_MARKS.exec(slice); m; m = SINGLE_MARKS.exec(slice)) {
    const i = block.start + m.index;
    if (inRanges(inside, i)) continue;
    const prev = i > block.start ? text[i - 1] : undefined;
    const next = i + 1 < block.end ? text[i + 1] : undefined;
    const prevLetter = /[\p{L}\p{N}]/u.test(prev ?? '');
    const nextLetter = /[\p{L}\p{N}]/u.test(next ?? '');
    if (prevLetter && nextLetter) continue; // apostrophe inside a word
    const canOpen = m[0] !== '’' && (isSpaceChar(prev) || /[(\[—–\-"“]/.test(prev ?? '')) && nextLetter;
    const canClose = m[0] !== '‘' && (prevLetter || /[.,!?]/.test(prev ?? '')) && (isSpaceChar(next) || /[.,;:!?)\]"”—–\-]/.test(next ?? ''));
    if (openAt < 0) {
      if (canOpen) openAt = i;
    } else if (canClose) {
      if (i - openAt > 1 && i - openAt < 400) out.push({ open: openAt, close: i, start: openAt + 1, end: i, single: true });
      openAt = -1;
    } else if (canOpen && i - openAt > 400) openAt = i;
  }
  return out;
}

const TITLE_INTRO = /\b(?:book|novel|film|movie|documentary|song|album|play|show|series|programme|program|titled|entitled|headlined|dubbed|so-called|nicknamed|known as|slogan|motto|hashtag|banner|operation|term|phrase|word|campaign called|article|column|report called|magazine|newspaper)\s*[,:]?\s*$/i;

/** Titles, names and coined terms are not quotations: "Economic “2+2”", a book title. */
function looksLikeTitle(text: string, seg: QuoteSegment): boolean {
  const inner = text.slice(seg.start, seg.end);
  if (!/\p{Ll}/u.test(inner)) return true;
  const words = inner.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  const longWords = words.filter((w) => w.length > 3);
  const capitalised = longWords.filter((w) => w[0] !== w[0]!.toLowerCase());
  if (words.length >= 2 && longWords.length >= 2 && capitalised.length / longWords.length >= 0.75 && words.length <= 14) return true;
  if (seg.open >= 0) {
    const before = text.slice(Math.max(0, seg.open - 40), seg.open);
    if (TITLE_INTRO.test(before)) return true;
  }
  return false;
}

function attributionSpeaker(a: Attribution): Speaker {
  return { speaker: a.speaker, speakerEntityId: a.speakerEntityId, person: a.person };
}

const HEADLINE_SOURCE = /\s[-–—:]\s*((?:[A-Z][\p{L}'’.-]*\s+){0,3}[A-Z][\p{L}'’.-]*)\s*$/u;

/** What may follow the verb of a sentence that is only an attribution: "Trump said to cheers." */
const ATTRIBUTION_ONLY_REST = /^(?:\s*[.!?]|\s+(?:on|in|at|to|during|after|before|from|with|of|earlier|later|last|this|yesterday|today|recently|then|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b[^"“”]{0,100}$|\s*,[^"“”]{0,120}$)/i;

/** Whether only spaces and commas separate two positions. */
function adjacent(text: string, from: number, to: number): boolean {
  return to >= from && to - from < 6 && /^[\s,]*$/.test(text.slice(from, to));
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

type QuoteAnalysis = { quotes: AttributedQuote[]; contexts: SentenceContext[]; segments: QuoteSegment[] };
// analyze.ts calls findQuotes and then findClaims with the same arrays: analyse once.
let lastInput: { text: string; sentences: Span[]; officials: OfficialMention[] } | null = null;
let lastResult: QuoteAnalysis | null = null;

/** Finds quotations and their speakers; also used by claims, which shares the sentence analysis. */
export function analyzeQuotes(text: string, sentences: Span[], officials: OfficialMention[]): QuoteAnalysis {
  if (lastInput && lastResult && lastInput.text === text && lastInput.sentences === sentences && lastInput.officials === officials) {
    return lastResult;
  }
  const result = analyzeQuotesUncached(text, sentences, officials);
  lastInput = { text, sentences, officials };
  lastResult = result;
  return result;
}

function analyzeQuotesUncached(
  text: string,
  sentences: Span[],
  officials: OfficialMention[],
): QuoteAnalysis {
  const segments = findQuoteSegments(text, sentences);
  const masks = segments.map((s) => ({ start: s.start, end: s.end }));
  const contexts = attributeSentences(text, sentences, officials, masks);
  const quotes: AttributedQuote[] = [];
  let previous: AttributedQuote | null = null;
  for (const seg of segments) {
    if (looksLikeTitle(text, seg)) continue;
    const first = Math.max(0, sentenceIndexAt(sentences, seg.start));
    const last = Math.max(first, sentenceIndexAt(sentences, seg.end - 1));
    const found = chooseAttribution(text, seg, first, last, contexts, sentences);
    let speaker: Speaker | null = found ? attributionSpeaker(found) : null;
    const startsSentence = sentences[first] !== undefined && (seg.open < 0 || seg.open <= sentences[first]!.start + 1);
    const previousIsSpeech = previous !== null && previous.quote.text.split(/\s+/).length >= 6;
    if (!speaker && previous && (startsSentence || previousIsSpeech) && previous.anchorSentence >= first - 1 && previous.segment.end <= seg.start) {
      // A quotation that runs on without a new attribution keeps its speaker.
      speaker = { speaker: previous.quote.speaker, speakerEntityId: previous.quote.speakerEntityId, person: true };
    }
    if (!speaker) {
      const s = sentences[first];
      // Headlines are short lines without a final full stop.
      if (s && s.end - s.start < 200 && !/[.!?"”’]/.test(text[s.end - 1] ?? '')) {
        const h = HEADLINE_SOURCE.exec(text.slice(seg.end, s.end));
        if (h) speaker = { speaker: h[1]!, speakerEntityId: null, person: true };
      }
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
  return { quotes, contexts, segments };
}

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
  // 1. Right after the closing mark: '"...," the official said' / '"...," said Mr Blair'.
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
    // The quotation ends its sentence; the next one may be just the attribution: "Trump said to cheers."
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
    const between = text.slice(a.cueEnd, openAt);
    if (between.split(/\s+/).filter(Boolean).length <= 6 && !/\b(?:whose|which|who|while|whom)\b|[;]/.test(between)) pre = a;
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
