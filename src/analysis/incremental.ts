// Incremental analysis of one document being edited: after an edit, only the paragraphs it touched are
// analysed again (with a little context around them), and the result is spliced into the previous analysis.
//
// The stages are used as black boxes, and some of them read the whole document: the document date (the
// header), officials (a short "Hayashi" is linked to the full name given anywhere), speakers ("he said",
// "the minister said" resolved from earlier sentences), quotations (one that runs on keeps the previous
// speaker) and events (reports of one occasion merge across the article; a participant's whereabouts place
// their other events; the dateline places them too). The window is read with the sentences introducing its
// people (for the officials stage, and for the speakers when that reads the context right), and the splice
// is only claimed EXACT (equal to analyzeDocument on the new text, entity ids included) when the edit is
// checked, from the outside, to leave that global state alone:
//  - the document date read from the new text has the same value;
//  - re-analysed in its window, the unchanged context around the edit gives exactly what the full analysis
//    gave there (the state flowing into and out of the edited paragraphs is the same);
//  - the edited paragraphs hold the same officials (no registration of a person changed), and quotations
//    and claims with the same speakers, or speakers named afresh after them and not read from earlier text;
//  - the events read in the window before and after the edit are the same; the edited sentences name no
//    participant of an event, and report none with a person in it; the edit is not near the dateline, nor
//    changes the sentence count among the first sentences.
// Otherwise the result is still the spliced analysis (right away from the window, and a good reading of it
// for highlighting), flagged not exact: the caller runs a full analysis off the UI thread and hands it back.
import { analyzeDocument, analyzeStages } from './analyze';
import { findDocumentDate, isIsoDay } from './documentDate';
import { findEvents } from './events';
import { findOfficials } from './officials';
import type {
  AnalyzeOptions,
  ClaimMention,
  DateMention,
  DocumentAnalysis,
  EventMention,
  OfficialMention,
  QuoteMention,
  Span,
  TextSpan,
} from './types';

/** Why an update was answered the way it was. */
export type IncrementalMode =
  /** The whole text was analysed (first text, or an edit that touches what is global). */
  | 'full'
  /** The text did not change. */
  | 'unchanged'
  /** Only a window around the edit was analysed and spliced in. */
  | 'incremental';

export interface IncrementalResult {
  analysis: DocumentAnalysis;
  /**
   * True when the analysis is known to equal `analyzeDocument(text, options)` (deep equal, entity ids
   * included). False: it is the best splice available; run a full analysis (off the UI thread) and give it
   * back with `IncrementalAnalyzer.replace`.
   */
  exact: boolean;
  mode: IncrementalMode;
  /** Characters the stages read again: the whole text for 'full', the window and its context otherwise. */
  analysedChars: number;
  /** For 'full' and non-exact answers: what made the edit global (for logs and tests). */
  reason: string | null;
}

export interface IncrementalOptions {
  /**
   * What to do when the edit touches what is global: 'full' analyses the whole text at once (exact),
   * 'splice' returns the spliced analysis flagged not exact (fast; the caller runs the full analysis later).
   */
  fallback?: 'full' | 'splice';
  /** Edited paragraphs longer than this (all together) are analysed as a whole text. */
  maxEditedChars?: number;
  /** Unchanged text re-analysed on each side of the edited paragraphs, at least (whole paragraphs). */
  contextChars?: number;
}

const DEFAULTS: Required<IncrementalOptions> = { fallback: 'full', maxEditedChars: 20_000, contextChars: 400 };

/** Context multiplier and speakers-after-introductions, tried in turn when the context read differently. */
const RETRIES: ReadonlyArray<readonly [number, boolean]> = [
  [1, false],
  [4, true],
];

/** Characters findDocumentDate reads at the top of the text (the header, byline and dateline). */
const DOCUMENT_DATE_HEAD = 3000;
/**
 * The words that open every cue findEvents reads (its CUE_TRIGGER, here regardless of case): a sentence
 * without any reports no event, not even a one-sided one. Kept in step with events.ts by hand (see the
 * report: events.ts could export it).
 */
const EVENT_WORD =
  /\b(?:me(?:t|et)|talk|discuss|negotiation|con(?:sultation|versation|fer)|s(?:ummit|at down|hook hands|poke|ign(?:ed|s)|eal(?:ed|s))|d(?:ined|elegations? to)|lunched|exchanged|h(?:ost|ead(?:s|ed|ing)? to)|receiv|welcom|greet|phone|t(?:elephone|rip|ravel|old)|ink(?:ed|s)|v(?:ideo|isit)|arriv|fl(?:y|ies) to|land(?:s|ed|ing)? (?:in|at)|expected in|l(?:eft|eaves?|eaving) for|depart(?:s|ed)? for|tour|flew|courtesy|call(?:s|ed|ing)? on|calls? with|called)/i;
/**
 * Words by which findEvents makes an official a participant without naming them: pronouns, pairs,
 * counterparts and titles (a superset of its references; a name is checked against the officials).
 */
const PERSON_REFERENCE =
  /\b(?:he|she|his|her|hers|him|himself|herself|they|their|them|both|two|pair|sides?|counterparts?|visit(?:ing|or)|guests?|hosts?|president|prime|premier|chancellor|minister|ministers|secretary|secretaries|ambassador|envoy|diplomats?|king|queen|emir|sultan|monarch|leaders?|head|taoiseach|officials?|counterpart|delegations?|men|women)\b/i;
/** Characters at the top where findEvents looks for a dateline (it reads 600; a margin). */
const DATELINE_HEAD = 1000;

interface State {
  text: string;
  documentDate: string | null;
  analysis: DocumentAnalysis;
  exact: boolean;
}

/** Keeps the analysis of one document's previous text, and answers a new text by re-analysing the edit only. */
export class IncrementalAnalyzer {
  private state: State | null = null;
  private readonly options: Required<IncrementalOptions>;

  constructor(options: IncrementalOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** The last analysis given (read-only: callers must copy before changing it). */
  get current(): { text: string; analysis: DocumentAnalysis; exact: boolean } | null {
    return this.state && { text: this.state.text, analysis: this.state.analysis, exact: this.state.exact };
  }

  /** Takes a full analysis made elsewhere (a background run) as the new base, if it is of the current text. */
  replace(text: string, analysis: DocumentAnalysis, options: AnalyzeOptions = {}): boolean {
    const day = options.documentDate ?? null;
    if (this.state && (this.state.text !== text || this.state.documentDate !== day)) return false;
    this.state = { text, documentDate: day, analysis, exact: true };
    return true;
  }

  /** Forgets the previous text: the next update analyses the whole text. */
  reset(): void {
    this.state = null;
  }

  /** `fallback` overrides the analyzer's option for this update (e.g. by the size of the text). */
  update(text: string, options: AnalyzeOptions = {}, fallback: 'full' | 'splice' = this.options.fallback): IncrementalResult {
    const day = options.documentDate ?? null;
    const prev = this.state;
    if (prev && prev.text === text && prev.documentDate === day) {
      return { analysis: prev.analysis, exact: prev.exact, mode: 'unchanged', analysedChars: 0, reason: null };
    }
    if (!prev) return this.full(text, day, 'no previous text');
    if (prev.documentDate !== day) return this.full(text, day, 'document date option changed');
    if (day !== null && !isIsoDay(day)) return this.full(text, day, 'invalid document date');

    // Speakers read first with the people of the window introduced before it ("the Ambassador noted" means
    // the ambassador named earlier); when the context then reads differently from the full analysis, without
    // them (the last introduction is no one a "he" can mean), then with a wider context.
    let attempt = spliceEdit(prev, text, day, this.options, this.options.contextChars, true);
    for (const [widen, introduced] of RETRIES) {
      if (attempt.exact || !attempt.analysis || !attempt.widerMayHelp) break;
      const again = spliceEdit(prev, text, day, this.options, this.options.contextChars * widen, introduced);
      again.analysedChars += attempt.analysedChars;
      attempt = again;
    }
    if (!attempt.exact && fallback === 'full') return this.full(text, day, attempt.reason ?? 'not exact');
    if (!attempt.analysis) return this.full(text, day, attempt.reason ?? 'no splice');
    const exact = attempt.exact && prev.exact;
    this.state = { text, documentDate: day, analysis: attempt.analysis, exact };
    return {
      analysis: attempt.analysis,
      exact,
      mode: 'incremental',
      analysedChars: attempt.analysedChars,
      reason: exact ? null : attempt.reason ?? 'previous analysis not exact',
    };
  }

  private full(text: string, day: string | null, reason: string): IncrementalResult {
    const analysis = analyzeDocument(text, { documentDate: day });
    this.state = { text, documentDate: day, analysis, exact: true };
    return { analysis, exact: true, mode: 'full', analysedChars: text.length, reason };
  }
}

// ---------------------------------------------------------------------------------------------
// Windows are read with the document date given (analyzeStages), never read from the window: a window cut from
// the middle of an article must not take a dateline-looking line for the article's date.

/**
 * A window of the article: officials are read with the introductions of its people after it (so that
 * "Hayashi" is known), every other stage on the window alone (so the introductions add no speaker, quotation
 * or event of their own).
 */
function analyseWindow(windowText: string, introductions: Introductions, day: string | null): WindowResults {
  const head = introductions.before ? `${introductions.before}\n\n` : '';
  const tail = introductions.after ? `\n\n${introductions.after}` : '';
  // In the article's order, so the first registration of a name comes first, as in the whole text.
  const all = head || tail ? findOfficials(head + windowText + tail) : findOfficials(windowText);
  const officials: OfficialMention[] = [];
  const withHead: OfficialMention[] = [];
  for (const o of all) {
    if (o.end > head.length + windowText.length) continue;
    withHead.push(o);
    if (o.start >= head.length) officials.push(head ? shifted(o, -head.length) : o);
  }
  const results = analyzeStages(windowText, day, officials) as WindowResults;
  /** The window's speakers read with the introductions before it (the people a "the minister" may mean). */
  results.attributedAfterIntroductions = () => {
    if (!head) return { quotes: results.quotes, claims: results.claims };
    const again = analyzeStages(head + windowText, day, withHead);
    const mine = <T extends Span>(items: T[]) => items.filter((i) => i.start >= head.length).map((i) => shifted(i, -head.length));
    return { quotes: mine(again.quotes), claims: mine(again.claims) };
  };
  return results;
}

interface WindowResults extends DocumentAnalysis {
  attributedAfterIntroductions(): { quotes: QuoteMention[]; claims: ClaimMention[] };
}

// ---------------------------------------------------------------------------------------------
// Splicing

interface SpliceAttempt {
  analysis: DocumentAnalysis | null;
  exact: boolean;
  analysedChars: number;
  reason: string | null;
  /** Whether every reason not to be exact may go with a wider context. */
  widerMayHelp?: boolean;
}

/** Reasons that a wider context may remove (the others are changes the edit made). */
const CONTEXT_REASONS = /differ|cross the window|speakers of the edited|events near the edit changed|no new reading/;

function spliceEdit(prev: State, text: string, day: string | null, options: Required<IncrementalOptions>, contextChars: number, speakersAfterIntroductions: boolean): SpliceAttempt {
  const old = prev.text;
  const oldAnalysis = prev.analysis;
  const prefix = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  const delta = text.length - old.length;

  // The document date: read again from the new text's head when the edit reaches it (cheap: the head only).
  let documentDate = oldAnalysis.documentDate;
  let headChars = 0;
  if (day === null && prefix < DOCUMENT_DATE_HEAD + 200) {
    documentDate = findDocumentDate(text);
    headChars = Math.min(text.length, DOCUMENT_DATE_HEAD);
    if ((documentDate?.value ?? null) !== (oldAnalysis.documentDate?.value ?? null)) {
      return { analysis: null, exact: false, analysedChars: headChars, reason: 'the document date changed' };
    }
  }
  const value = documentDate?.value ?? null;

  // The edited paragraphs: from a paragraph boundary before the first changed character to one after the
  // last, boundaries in both texts (the text around them is the same in both).
  const coreStart = boundaryAtOrBefore(old, text, prefix);
  const coreEnd = boundaryAtOrAfter(old, text, text.length - suffix, delta);
  const coreEndOld = coreEnd - delta;
  if (coreEnd - coreStart > options.maxEditedChars) {
    return { analysis: null, exact: false, analysedChars: headChars, reason: 'the edit spans too much text' };
  }
  // Context: whole paragraphs on each side, at least contextChars of them.
  let windowStart = coreStart;
  while (windowStart > 0 && coreStart - windowStart < contextChars) windowStart = boundaryAtOrBefore(old, text, windowStart - 1);
  let windowEnd = coreEnd;
  while (windowEnd < text.length && windowEnd - coreEnd < contextChars) windowEnd = boundaryAtOrAfter(old, text, windowEnd + 1, delta);
  const windowEndOld = windowEnd - delta;
  // Reading the window (twice for events) and its introductions would cost more than the whole text.
  if (2 * (windowEnd - windowStart) > text.length) {
    return { analysis: null, exact: false, analysedChars: headChars, reason: 'the edit and its context are most of the text' };
  }

  // The people of the window, introduced by the sentences that name them fully elsewhere in the article:
  // only the officials stage reads them, so they feed no speaker, quotation or event of the window.
  const preamble = introductions(old, oldAnalysis, windowStart, windowEndOld, text.slice(coreStart, coreEnd));
  const windowText = text.slice(windowStart, windowEnd);
  const local = analyseWindow(windowText, preamble, value);
  // The other reading of the speakers, for the check of changed speakers below.
  let otherReading: { quotes: QuoteMention[]; claims: ClaimMention[] } | undefined;
  if (speakersAfterIntroductions) {
    otherReading = { quotes: local.quotes, claims: local.claims };
    const introduced = local.attributedAfterIntroductions();
    local.quotes = introduced.quotes;
    local.claims = introduced.claims;
  }
  // The old window is read again for its events only.
  const analysedChars = windowText.length + preamble.before.length + preamble.after.length + headChars + (windowEndOld - windowStart);

  // Window results in document coordinates (the preamble's are dropped).
  const inWindow = <T extends Span>(items: T[]): T[] => {
    const out: T[] = [];
    for (const item of items) if (item.start < windowText.length) out.push(shifted(item, windowStart));
    return out;
  };
  const w = {
    sentences: inWindow(local.sentences),
    dates: inWindow(local.dates),
    officials: inWindow(local.officials),
    quotes: inWindow(local.quotes),
    claims: inWindow(local.claims),
  };
  const windowEvents = local.events;

  const reasons: string[] = [];
  if (!documentDate && oldAnalysis.documentDate) reasons.push('document date lost');
  // 1. The unchanged context reads the same as in the full analysis.
  for (const key of ['sentences', 'dates', 'officials', 'quotes', 'claims'] as const) {
    const mine = w[key] as Span[];
    const theirs = oldAnalysis[key] as Span[];
    if (!sameItems(between(mine, windowStart, coreStart), between(theirs, windowStart, coreStart), 0)) {
      reasons.push(`${key} before the edit differ`);
    }
    if (!sameItems(between(mine, coreEnd, windowEnd), between(theirs, coreEndOld, windowEndOld), -delta)) reasons.push(`${key} after the edit differ`);
    if (crosses(theirs, windowStart) || crosses(theirs, windowEndOld)) reasons.push(`${key} cross the window`);
    if (crosses(mine, windowStart) || crosses(mine, windowEnd)) reasons.push(`${key} cross the window`);
  }
  // 2. The edited paragraphs export the same global state.
  const oldCore = {
    dates: between(oldAnalysis.dates, coreStart, coreEndOld),
    officials: between(oldAnalysis.officials, coreStart, coreEndOld),
    quotes: between(oldAnalysis.quotes, coreStart, coreEndOld),
    claims: between(oldAnalysis.claims, coreStart, coreEndOld),
  };
  const newCore = {
    dates: between(w.dates, coreStart, coreEnd),
    officials: between(w.officials, coreStart, coreEnd),
    quotes: between(w.quotes, coreStart, coreEnd),
    claims: between(w.claims, coreStart, coreEnd),
  };
  if (!sameSequence(oldCore.officials, newCore.officials, officialKey)) reasons.push('the officials of the edited paragraphs changed');
  // (Dates need no check: events are dated from their own sentences, and those near the edit are read again.)
  // The speaker carried on to later sentences: the same when the edited paragraphs attribute to the same
  // speakers, or when an attribution after them, read the same as before, names the speaker afresh.
  const changed = changedSpeakers([...oldCore.quotes, ...oldCore.claims], [...newCore.quotes, ...newCore.claims]);
  if (changed && !speakersRestated(between(w.claims, coreEnd, windowEnd), changed.someUnidentified)) {
    reasons.push('the speakers of the edited paragraphs changed');
  }
  if (changed) {
    // Changed speakers may come from what the window does not hold ("the Ambassador" is the ambassador
    // named earlier): read with and without the people introduced before it, the window must attribute the same.
    const again = otherReading ?? local.attributedAfterIntroductions();
    const inCore = <T extends Span>(items: T[]) => between(items, coreStart - windowStart, coreEnd - windowStart);
    if (!sameItems(inCore(again.quotes), inCore(local.quotes), 0) || !sameItems(inCore(again.claims), inCore(local.claims), 0)) {
      reasons.push('the speakers of the edited paragraphs depend on earlier text');
    }
  }
  // An undated event among the first sentences takes the document's date: sentence counts matter there.
  if (between(oldAnalysis.sentences, coreStart, coreEndOld).length !== between(w.sentences, coreStart, coreEnd).length && firstStartingFrom(oldAnalysis.sentences, coreEndOld) < EARLY_SENTENCES) {
    reasons.push('sentences added or removed near the top');
  }
  // 3. Events merge across the article: the events reported in the window must be reported nowhere else,
  // and read the same from the window as in the full analysis (so they merge with nothing new).
  const oldWindowText = old.slice(windowStart, windowEndOld);
  const local0 = <T extends Span>(items: T[]): T[] => between(items, windowStart, windowEndOld).map((i) => shifted(i, -windowStart));
  const readBefore = findEvents(oldWindowText, {
    sentences: local0(oldAnalysis.sentences),
    officials: local0(oldAnalysis.officials),
    dates: local0(oldAnalysis.dates),
    documentDate: value,
  }).map((e) => ({ ...e, sources: e.sources.map((s) => shifted(s, windowStart)) }));
  const readAfter = windowEvents.map((e) => ({ ...e, sources: e.sources.map((s) => shifted(s, windowStart)) }));
  const events = matchEvents(oldAnalysis.events, readBefore, readAfter, coreStart, coreEndOld, delta, windowStart, windowEndOld);
  if (!events.ok) reasons.push(events.reason);
  if (oldAnalysis.events.length > 0 || readAfter.length > 0) {
    // The dateline near the top places the article's events.
    if (prefix < DATELINE_HEAD) reasons.push('the edit is near the dateline');
    // Where a participant is said to be ("Hayashi, in Tokyo, ...") places their events anywhere in the
    // article: the edited sentences must not name a participant.
    const participants = new Set<string>();
    for (const e of [...oldAnalysis.events, ...readAfter]) for (const id of e.participantEntityIds) participants.add(id);
    const editedOld = touching(oldAnalysis.sentences, prefix, old.length - suffix);
    const editedNew = touching(w.sentences, prefix, text.length - suffix);
    const names = (officials: OfficialMention[], span: Span | undefined) =>
      !!span && between(officials, span.start, span.end).some((o) => participants.has(o.entityId));
    if (names(oldAnalysis.officials, editedOld) || names(w.officials, editedNew)) reasons.push('an edited sentence names a participant of an event');
    // A one-sided report ("he met leaders in Basra") is no event of its own, but it places its participant
    // and may join that person's event elsewhere: it needs a cue and a participant, named (see above) or
    // meant ("he", "the two ministers", "the visiting president").
    const cue = (t: string, span: Span | undefined) => {
      if (!span) return false;
      const sentence = t.slice(span.start, span.end);
      return EVENT_WORD.test(sentence) && PERSON_REFERENCE.test(sentence);
    };
    if (cue(old, editedOld) || cue(text, editedNew)) reasons.push('an edited sentence may report an event');
  }

  const analysis: DocumentAnalysis = {
    documentDate,
    sentences: splice(oldAnalysis.sentences, w.sentences, coreStart, coreEnd, coreEndOld, delta, shiftSpan),
    dates: splice(oldAnalysis.dates, w.dates, coreStart, coreEnd, coreEndOld, delta, shiftDate),
    officials: splice(oldAnalysis.officials, w.officials, coreStart, coreEnd, coreEndOld, delta, shiftOfficial),
    quotes: splice(oldAnalysis.quotes, w.quotes, coreStart, coreEnd, coreEndOld, delta, shiftQuote),
    claims: splice(oldAnalysis.claims, w.claims, coreStart, coreEnd, coreEndOld, delta, shiftClaim),
    events: events.ok ? events.events : spliceEvents(oldAnalysis.events, windowEvents, windowText.length, windowStart, windowEndOld, delta),
  };
  const widerMayHelp = reasons.length > 0 && reasons.every((r) => CONTEXT_REASONS.test(r)) && (windowStart > 0 || windowEnd < text.length);
  return { analysis, exact: reasons.length === 0, analysedChars, reason: reasons.length ? [...new Set(reasons)].join('; ') : null, widerMayHelp };
}

/** At most this many people introduced for the titles the edited text names, from this far back at most. */
const MAX_TITLED = 6;
const TITLED_REACH = 50_000;

/** Distinct written forms of a person's name whose sentences go into the introductions. */
const FORMS_PER_PERSON = 3;

interface Introductions {
  /** Sentences from before the window and from after it, in the article's order, one paragraph each. */
  before: string;
  after: string;
}

/** The sentences that introduce the people named in the old window, from outside it. */
function introductions(old: string, analysis: DocumentAnalysis, windowStart: number, windowEnd: number, editedText: string): Introductions {
  const wanted = new Set<string>();
  for (const o of between(analysis.officials, windowStart, windowEnd)) wanted.add(o.entityId);
  for (const q of [...between(analysis.quotes, windowStart, windowEnd), ...between(analysis.claims, windowStart, windowEnd)]) {
    if (q.speakerEntityId) wanted.add(q.speakerEntityId);
  }
  // "the minister said" typed in: the last person before the window holding a title the edited text names.
  const lower = editedText.toLowerCase();
  const byTitleWord = new Map<string, string>();
  for (let i = firstStartingFrom(analysis.officials, windowStart) - 1; i >= 0 && byTitleWord.size < MAX_TITLED; i--) {
    const o = analysis.officials[i]!;
    const word = o.title ? o.title.slice(o.title.lastIndexOf(' ') + 1).toLowerCase() : '';
    if (word.length > 2 && !byTitleWord.has(word) && lower.includes(word)) byTitleWord.set(word, o.entityId);
    if (windowStart - o.start > TITLED_REACH) break;
  }
  for (const id of byTitleWord.values()) wanted.add(id);
  if (wanted.size === 0) return { before: '', after: '' };
  // Per person, outside the window: the first mention, the fullest one, and the first of each other form
  // (a few): the sentences registering the name, title and country are among them.
  const first = new Map<string, OfficialMention>();
  const fullest = new Map<string, OfficialMention>();
  const forms = new Map<string, OfficialMention[]>();
  for (const o of analysis.officials) {
    if (!wanted.has(o.entityId) || (o.end > windowStart && o.start < windowEnd)) continue;
    if (!first.has(o.entityId)) first.set(o.entityId, o);
    const best = fullest.get(o.entityId);
    if (!best || o.text.length > best.text.length) fullest.set(o.entityId, o);
    const seen = forms.get(o.entityId) ?? [];
    if (seen.length < FORMS_PER_PERSON && !seen.some((m) => m.text === o.text)) forms.set(o.entityId, [...seen, o]);
  }
  const sentences = new Map<number, Span>();
  for (const mention of [...first.values(), ...fullest.values(), ...[...forms.values()].flat()]) {
    const s = containing(analysis.sentences, mention.start);
    if (s) sentences.set(s.start, s);
  }
  const ordered = [...sentences.values()].sort((a, b) => a.start - b.start);
  const text = (spans: Span[]) => spans.map((s) => old.slice(s.start, s.end)).join('\n\n');
  return { before: text(ordered.filter((s) => s.end <= windowStart)), after: text(ordered.filter((s) => s.start >= windowEnd)) };
}

/** The sentence holding `pos` (sentences are sorted and disjoint). */
function containing(sentences: Span[], pos: number): Span | undefined {
  const i = firstEndingAfter(sentences, pos);
  const s = sentences[i];
  return s && s.start <= pos ? s : undefined;
}

/** Index of the first span whose end is after `pos` (spans sorted by start, ends increasing). */
function firstEndingAfter(spans: Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first span starting at or after `pos` (spans sorted by start). */
function firstStartingFrom(spans: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The span from the first sentence touching [from, to] to the last (sentences sorted), if any. */
function touching(sentences: Span[], from: number, to: number): Span | undefined {
  let i = firstEndingAfter(sentences, from);
  if (i > 0 && sentences[i - 1]!.end >= from) i--;
  let j = i;
  while (j < sentences.length && sentences[j]!.start <= to) j++;
  if (j === i) return undefined;
  return { start: sentences[i]!.start, end: sentences[j - 1]!.end };
}

/** The items starting in [from, to). */
function between<T extends Span>(items: T[], from: number, to: number): T[] {
  return items.slice(firstStartingFrom(items, from), firstStartingFrom(items, to));
}

/** Whether an item starts before `pos` and ends after it. */
function crosses(items: Span[], pos: number): boolean {
  const i = firstStartingFrom(items, pos);
  // Items are sorted by start, but a long one may start well before: look back over a few.
  for (let k = i - 1; k >= 0 && k >= i - 8; k--) if (items[k]!.end > pos) return true;
  return false;
}

/** The old items before the edited paragraphs, the window's for them, and the old ones after, shifted. */
function splice<T extends Span>(old: T[], fresh: T[], coreStart: number, coreEnd: number, coreEndOld: number, delta: number, shift: (item: T, by: number) => T): T[] {
  const before = firstStartingFrom(old, coreStart);
  const after = firstStartingFrom(old, coreEndOld);
  const out = old.slice(0, before);
  for (const item of between(fresh, coreStart, coreEnd)) out.push(item);
  if (delta === 0) for (let i = after; i < old.length; i++) out.push(old[i]!);
  else for (let i = after; i < old.length; i++) out.push(shift(old[i]!, delta));
  return out;
}

/** Events, when the window's do not match: the old ones away from the window shifted, and the window's. */
function spliceEvents(old: EventMention[], windowEvents: EventMention[], windowLength: number, windowStart: number, windowEndOld: number, delta: number): EventMention[] {
  const out: EventMention[] = [];
  for (const e of old) {
    if (e.sources.some((s) => s.end > windowStart && s.start < windowEndOld)) continue;
    out.push(shiftedEvent(e, windowEndOld, delta));
  }
  for (const e of windowEvents) {
    const sources = e.sources.filter((s) => s.start < windowLength).map((s) => shifted(s, windowStart));
    if (sources.length > 0) out.push({ ...e, sources });
  }
  return out;
}

/** An old event with its sources at or after `from` (old offsets) moved by `delta`. */
function shiftedEvent(e: EventMention, from: number, delta: number): EventMention {
  if (delta === 0 || e.sources.every((s) => s.start < from)) return e;
  return { ...e, sources: e.sources.map((s) => (s.start >= from ? shifted(s, delta) : s)) };
}

type EventMatch = { ok: true; events: EventMention[] } | { ok: false; reason: string };

/**
 * Events merge across the article, so they are not re-read in the window: the window's events are read
 * before and after the edit, and when the two readings are the same (type, date, place, participants;
 * sources outside the edited paragraphs unchanged), the article's events are the old ones, their sources
 * moved with the text (a source in the edited paragraphs becomes its new sentence).
 */
function matchEvents(
  old: EventMention[],
  before: EventMention[],
  after: EventMention[],
  coreStart: number,
  coreEndOld: number,
  delta: number,
  windowStart: number,
  windowEndOld: number,
): EventMatch {
  if (before.length !== after.length) return { ok: false, reason: 'the events near the edit changed' };
  const coreEnd = coreEndOld + delta;
  // Old start of a source sentence in the edited paragraphs → its new span.
  const moved = new Map<number, TextSpan>();
  for (let i = 0; i < before.length; i++) {
    const a = before[i]!;
    const b = after[i]!;
    if (!sameEvent(a, b, coreStart, coreEndOld, coreEnd, delta, windowStart, windowEndOld + delta)) return { ok: false, reason: 'the events near the edit changed' };
    for (let k = 0; k < a.sources.length; k++) {
      const s = a.sources[k]!;
      if (s.end > coreStart && s.start < coreEndOld) moved.set(s.start, b.sources[k]!);
    }
  }
  const out: EventMention[] = [];
  for (const e of old) {
    if (e.sources.every((s) => s.start < coreStart)) {
      out.push(e);
      continue;
    }
    const sources: TextSpan[] = [];
    for (const s of e.sources) {
      if (s.end <= coreStart) sources.push(s);
      else if (s.start >= coreEndOld) sources.push(shifted(s, delta));
      else {
        const m = moved.get(s.start);
        if (!m) return { ok: false, reason: 'an event source near the edit has no new reading' };
        sources.push(m);
      }
    }
    out.push({ ...e, sources });
  }
  return { ok: true, events: out };
}

function sameEvent(a: EventMention, b: EventMention, coreStart: number, coreEndOld: number, coreEnd: number, delta: number, windowStart: number, windowEnd: number): boolean {
  if (a.type !== b.type || a.date !== b.date || a.location !== b.location || a.scheduled !== b.scheduled) return false;
  if (a.participants.join('\u0000') !== b.participants.join('\u0000') || a.participantEntityIds.join('\u0000') !== b.participantEntityIds.join('\u0000')) return false;
  if (a.sources.length !== b.sources.length) return false;
  for (let i = 0; i < a.sources.length; i++) {
    const s = a.sources[i]!;
    const t = b.sources[i]!;
    if (t.start < windowStart || t.end > windowEnd) return false;
    if (s.end <= coreStart) {
      if (t.start !== s.start || t.end !== s.end) return false;
    } else if (s.start >= coreEndOld) {
      if (t.start !== s.start + delta || t.end !== s.end + delta) return false;
    } else if (t.start < coreStart || t.end > coreEnd) return false;
  }
  return true;
}

function shifted<T extends Span>(item: T, by: number): T {
  return { ...item, start: item.start + by, end: item.end + by };
}

// The bulk of a splice is moving what follows the edit: one object literal per kind is several times
// faster than a spread (fields in the order the stages give them).
const shiftSpan = (s: Span, by: number): Span => ({ start: s.start + by, end: s.end + by });
const shiftDate = (d: DateMention, by: number): DateMention => ({ start: d.start + by, end: d.end + by, text: d.text, value: d.value, precision: d.precision, relative: d.relative });
const shiftOfficial = (o: OfficialMention, by: number): OfficialMention => ({
  start: o.start + by,
  end: o.end + by,
  text: o.text,
  name: o.name,
  title: o.title,
  country: o.country,
  entityId: o.entityId,
});
const shiftQuote = (q: QuoteMention, by: number): QuoteMention => ({ text: q.text, start: q.start + by, end: q.end + by, speaker: q.speaker, speakerEntityId: q.speakerEntityId });
const shiftClaim = (c: ClaimMention, by: number): ClaimMention => ({
  text: c.text,
  start: c.start + by,
  end: c.end + by,
  speaker: c.speaker,
  speakerEntityId: c.speakerEntityId,
  cue: c.cue,
});

/** Same items, field by field, the second list's offsets moved by `-shiftOfB`... i.e. a.start === b.start + shiftB. */
function sameItems(a: Span[], b: Span[], shiftB: number): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]! as unknown as Record<string, unknown>;
    const y = b[i]! as unknown as Record<string, unknown>;
    if (x.start !== (y.start as number) - shiftB || x.end !== (y.end as number) - shiftB) return false;
    for (const key of Object.keys(x)) {
      if (key === 'start' || key === 'end') continue;
      if (x[key] !== y[key]) return false;
    }
    if (Object.keys(x).length !== Object.keys(y).length) return false;
  }
  return true;
}

function sameSequence<T>(a: T[], b: T[], key: (item: T) => string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (key(a[i]!) !== key(b[i]!)) return false;
  return true;
}

const officialKey = (o: OfficialMention) => `${o.text}\u0000${o.name}\u0000${o.title}\u0000${o.country}\u0000${o.entityId}`;
const speakerKey = (q: QuoteMention | ClaimMention) => `${q.speaker}\u0000${q.speakerEntityId}`;

/** Sentences from the top within which events read the document's date (events.ts reads 6; a margin). */
const EARLY_SENTENCES = 20;

/** The speakers given or taken away by the edit, or null when the edited paragraphs attribute as before. */
function changedSpeakers(before: Array<QuoteMention | ClaimMention>, after: Array<QuoteMention | ClaimMention>): { someUnidentified: boolean } | null {
  const count = new Map<string, number>();
  for (const q of before) count.set(speakerKey(q), (count.get(speakerKey(q)) ?? 0) + 1);
  for (const q of after) count.set(speakerKey(q), (count.get(speakerKey(q)) ?? 0) - 1);
  const orderSame = sameSequence(before, after, speakerKey);
  if (orderSame) return null;
  let someUnidentified = false;
  for (const q of [...before, ...after]) if (q.speakerEntityId === null && count.get(speakerKey(q)) !== 0) someUnidentified = true;
  return { someUnidentified };
}

/**
 * Whether later claims (already checked to read as before) name their speakers through a cue: an official
 * for the person a later "he" means, and an unidentified source too when the edit changed one (a body that
 * a later "the ministry" may mean).
 */
function speakersRestated(laterClaims: ClaimMention[], someUnidentified: boolean): boolean {
  let person = false;
  let other = !someUnidentified;
  for (const c of laterClaims) {
    if (c.cue === null || c.speaker === null) continue;
    if (c.speakerEntityId !== null) person = true;
    else other = true;
  }
  return person && other;
}

// ---------------------------------------------------------------------------------------------
// Text comparison and paragraph boundaries

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  // Native comparison of large chunks first, then character by character in the chunk that differs.
  let i = 0;
  const CHUNK = 4096;
  while (i + CHUNK <= n && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  const CHUNK = 4096;
  while (i + CHUNK <= max && a.slice(a.length - i - CHUNK, a.length - i) === b.slice(b.length - i - CHUNK, b.length - i)) i += CHUNK;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/**
 * Whether `pos` parts two paragraph blocks whatever comes before it: the start of a line that is blank or
 * does not open with a lower-case letter (only such a line can continue a hard-wrapped block; see
 * paragraphBlocks). The text's start and end are boundaries.
 */
function isBoundary(text: string, pos: number): boolean {
  if (pos <= 0 || pos >= text.length) return true;
  if (text.charCodeAt(pos - 1) !== 10) return false;
  let i = pos;
  let c = text.charCodeAt(i);
  while (i < text.length && (c === 32 || c === 9 || c === 13 || c === 0xa0 || c === 12 || c === 11)) c = text.charCodeAt(++i);
  if (i >= text.length || c === 10) return true;
  if (c < 128) return !(c >= 97 && c <= 122);
  const ch = text[i]!;
  return !(ch !== ch.toUpperCase() && ch === ch.toLowerCase());
}

/** The last position at or before `pos` that is a boundary in both texts (the same text up to `pos`). */
function boundaryAtOrBefore(old: string, text: string, pos: number): number {
  let p = Math.min(pos, text.length, old.length);
  for (;;) {
    if (p <= 0) return 0;
    // Line starts only: step back to the character after the previous newline.
    if (text.charCodeAt(p - 1) !== 10) {
      p = text.lastIndexOf('\n', p - 1) + 1;
      continue;
    }
    if (isBoundary(text, p) && isBoundary(old, p)) return p;
    p--;
  }
}

/** The first position at or after `pos` (in the new text) that is a boundary in both texts. */
function boundaryAtOrAfter(old: string, text: string, pos: number, delta: number): number {
  let p = Math.max(pos, 0);
  for (;;) {
    if (p >= text.length || p - delta >= old.length) return text.length;
    if (p > 0 && text.charCodeAt(p - 1) !== 10) {
      const nl = text.indexOf('\n', p);
      if (nl < 0) return text.length;
      p = nl + 1;
      continue;
    }
    if (isBoundary(text, p) && isBoundary(old, p - delta)) return p;
    p++;
  }
}
