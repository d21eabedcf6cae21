// Events between named officials: meetings, talks, visits, calls and trips an article reports as
// held or planned, one entry per event per article (several sentences about one meeting merge).
//
// How: one scan of the article finds cue words ("met", "held talks with", "visit to", "phone call");
// in their sentences the officials (and "he", "the two ministers", "the Chilean president", "his
// counterpart" resolved to them) are read as the cue's subject and objects; each cue gets the date
// and place of its own clause. Reports of one occasion merge; a one-sided report joins the one event
// it can belong to, and a visit by one official to a named place is an event of its own.
import { datesCompatible, finerDate, mergeEvents as mergeCorpusEvents, sameOccasionOf, sharedCount, typeFamily } from './eventMerge';
import { detached } from './detached';
import { capitalOf, countryCode, EU_CODE, isCountryName, isDemonym, isEuMember } from './places';
import type { CorpusEvent, DateMention, EventMention, EventType, OfficialMention, Span, TextSpan } from './types';
import { grownInt32 } from './typedArrays';

export interface EventContext {
  sentences: Span[];
  officials: OfficialMention[];
  dates: DateMention[];
  documentDate: string | null;
}

export function mergeEvents(documents: Array<{ path: string; events: EventMention[] }>): CorpusEvent[] {
  try {
    return mergeCorpusEvents(documents);
  } catch {
    return [];
  }
}

export function findEvents(text: string, context: EventContext): EventMention[] {
  try {
    return findEventsUnsafe(text, context);
  } catch {
    // The engine must never throw on odd input; no events is the safe answer.
    return [];
  }
}

// ---------------------------------------------------------------------------------------------
// People: what the article tells about each official, to resolve "the Chilean president",
// "his counterpart", "the two ministers".

type RoleClass = 'head' | 'diplomat' | 'minister' | 'other';

interface Person {
  id: string;
  name: string;
  title: string | null;
  role: RoleClass;
  country: string | null;
  /** Start offsets of the person's mentions, in text order. */
  positions: number[];
  /** roleNounMatches by noun, read once per noun (an article repeats "the two leaders"). */
  nounFits?: Map<string, boolean>;
}

const HEAD_TITLE = /\b(?:president|prime minister|premier|chancellor|king|queen|emir|sultan|monarch|head of state|taoiseach|leader)\b/i;
const DIPLOMAT_TITLE = /\b(?:foreign|secretary of state|ambassador|envoy|diplomat|high commissioner|external affairs)\b/i;
const MINISTER_TITLE = /\b(?:minister|secretary|chancellor of the exchequer)\b/i;

// Articles repeat the same few titles, one per mention.
const roleCache = new Map<string, RoleClass>();

function roleOf(title: string | null): RoleClass {
  if (!title) return 'other';
  const cached = roleCache.get(title);
  if (cached !== undefined) return cached;
  const role = readRole(title);
  if (roleCache.size > 2000) roleCache.clear();
  roleCache.set(detached(title), role);
  return role;
}

const NOT_HEAD_TITLE = /\b(?:vice|deputy|former|commission|spokes)/;

function readRole(title: string): RoleClass {
  const t = title.toLowerCase();
  // "Vice-President", "former President", "EU Commission president" are not heads of government.
  if (NOT_HEAD_TITLE.test(t)) return DIPLOMAT_TITLE.test(t) ? 'diplomat' : 'minister';
  if (DIPLOMAT_TITLE.test(t)) return 'diplomat';
  if (HEAD_TITLE.test(t)) return 'head';
  if (MINISTER_TITLE.test(t)) return 'minister';
  return 'other';
}

/** Role a noun in a reference asks for ("the two leaders", "the British minister"). */
function roleNounMatches(noun: string, person: Person): boolean {
  const fits = (person.nounFits ??= new Map());
  let fit = fits.get(noun);
  if (fit === undefined) fits.set(noun, (fit = readRoleNounMatch(noun, person)));
  return fit;
}

// The nouns and titles readRoleNounMatch compares (module level: a regex literal is a new object each time it runs).
const PRESIDENT_NOUN = /^(?:president|presidents)$/;
const PRESIDENT_WORD = /president/;
const PRIME_MINISTER_WORDS = /prime minister|premier/;
const LEADER_NOUN = /^(?:leader|leaders|heads?)$|^heads of/;
const HEADS_NOUN = /^(?:premiers|chancellors)$/;
const DIPLOMAT_NOUN = /foreign|diplomat|envoy|ambassador/;
const MINISTER_NOUN = /minister|secretar/;
const CHANCELLOR_WORD = /chancellor/;
const MONARCH_NOUN = /king|queen|monarch/;
const MONARCH_TITLE = /king|queen|monarch|emir|sultan/;

function readRoleNounMatch(noun: string, person: Person): boolean {
  const n = noun.toLowerCase();
  const title = (person.title ?? '').toLowerCase();
  if (PRESIDENT_NOUN.test(n)) return PRESIDENT_WORD.test(title) && person.role === 'head';
  if (PRIME_MINISTER_WORDS.test(n)) return PRIME_MINISTER_WORDS.test(title);
  if (LEADER_NOUN.test(n)) return person.role === 'head';
  if (HEADS_NOUN.test(n)) return person.role === 'head';
  if (DIPLOMAT_NOUN.test(n)) return person.role === 'diplomat';
  if (MINISTER_NOUN.test(n)) return person.role === 'diplomat' || person.role === 'minister';
  if (CHANCELLOR_WORD.test(n)) return CHANCELLOR_WORD.test(title);
  if (MONARCH_NOUN.test(n)) return MONARCH_TITLE.test(title);
  return true; // officials, sides, men, pair
}

// Demonym or country right before a mention's title ("his Kenyan counterpart, Amina Otieno").
const LOCAL_DEMONYM = /\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:'s|’s)?\s+(?:[A-Za-z-]+,?\s+){0,3}$/;

function buildPeople(text: string, officials: readonly OfficialMention[]): Map<string, Person> {
  const people = new Map<string, Person>();
  for (const m of officials) {
    let p = people.get(m.entityId);
    if (!p) {
      p = { id: m.entityId, name: m.name, title: null, role: 'other', country: null, positions: [] };
      people.set(m.entityId, p);
    }
    p.positions.push(m.start);
    if (!p.title && m.title) {
      p.title = m.title;
      p.role = roleOf(m.title);
    }
    if (!p.country) p.country = countryCode(m.country);
    if (!p.country) {
      const before = text.slice(Math.max(0, m.start - 45), m.start);
      const local = LOCAL_DEMONYM.exec(before);
      if (local?.[1]) p.country = countryCode(local[1]);
    }
  }
  return people;
}

// ---------------------------------------------------------------------------------------------
// Sentences. A splitter may break after "Mr." or "U.S."; a reporting sentence is rejoined there.

const ABBREVIATION_END = /(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Col|Lt|Capt|Maj|St|Prof|Rev|Hon|No|Jr|Sr|vs|etc|[ap]\.m|[A-Z]))\.$/;

const isLowerAscii = (c: number) => c >= 97 && c <= 122;

function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = Math.max(0, from); i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/**
 * False when ABBREVIATION_END cannot match the end of a sentence: it needs a period after a run of one
 * to four letters (the longest abbreviation, "Capt"; "a.m." ends in "m"), which most last words exceed.
 */
function mayEndInAbbreviation(text: string, sentence: Span): boolean {
  if (text.charCodeAt(sentence.end - 1) !== 46) return false;
  let letters = 0;
  // Counted inside the sentence only: the pattern reads the sentence's own end, where its start is a \b.
  for (let i = sentence.end - 2; i >= sentence.start && letters <= 4 && isLetter(text.charCodeAt(i)); i--) letters++;
  return letters >= 1 && letters <= 4;
}

/** True when a sentence continues the one before (a split after "Mr." or "U.S."). */
function joinsPrevious(text: string, prev: Span, s: Span): boolean {
  // Cheapest tests first: most sentences are not adjacent, or start with a capital after no abbreviation.
  return (
    s.start - prev.end <= 2 &&
    !hasNewline(text, prev.end, s.start) &&
    (isLowerAscii(text.charCodeAt(s.start)) || (mayEndInAbbreviation(text, prev) && ABBREVIATION_END.test(text.slice(Math.max(prev.start, prev.end - 6), prev.end))))
  );
}

function fuseSentences(text: string, sentences: readonly Span[]): readonly Span[] {
  // Most articles need no join: the caller's list is returned as it is, and copied only from the first join.
  let first = 1;
  for (; first < sentences.length; first++) if (joinsPrevious(text, sentences[first - 1]!, sentences[first]!)) break;
  if (first >= sentences.length) return sentences;
  const out: Span[] = sentences.slice(0, first);
  // The caller's spans are kept as they are (read only); a span is copied only when one is joined to it.
  let copied: Span | null = null;
  for (let k = first; k < sentences.length; k++) {
    const s = sentences[k]!;
    let prev = out[out.length - 1];
    if (prev && joinsPrevious(text, prev, s)) {
      if (prev !== copied) out[out.length - 1] = prev = copied = { start: prev.start, end: prev.end };
      prev.end = s.end;
      continue;
    }
    out.push(s);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cues.

interface Cue {
  type: EventType;
  start: number; // offsets in the sentence
  end: number;
  /** verb: has a subject and objects; noun: a definite "the meeting" that names nobody itself. */
  kind: 'verb' | 'with' | 'noun' | 'told';
  /** The cue's text, read by several tests. */
  word: string;
  /** What the tests of a cue's own words say of it (CW_* bits; see cueWordFlags). */
  flags: number;
}

interface CueRule {
  re: RegExp;
  type: EventType;
  kind: Cue['kind'];
  /** The words a match can start with (any case): every rule opens on a whole word. */
  opens: string;
  /**
   * A cheap necessary condition for a match at `pos`, whose opening word's ASCII letters end at `wordEnd`:
   * false spares the pattern where it cannot match (most "meeting" nouns, most "is" before a cue).
   */
  mayMatch?: (text: string, pos: number, wordEnd: number) => boolean;
}

/**
 * A test that whitespace follows the opening word, then a word opening with one of `letters` (lower case,
 * compared in any case as the /i patterns do). Characters beyond ASCII are left to the pattern.
 */
function nextWordOpensWith(letters: string): (text: string, pos: number, wordEnd: number) => boolean {
  const codes = Array.from(letters, (l) => l.charCodeAt(0));
  return (text, _pos, wordEnd) => {
    const i = afterAsciiSpaces(text, wordEnd);
    if (i < 0) return true;
    if (i === wordEnd || i === text.length) return false;
    return codes.includes(text.charCodeAt(i) | 32);
  };
}

/** Where the ASCII whitespace from `from` on ends; -1 when a character beyond ASCII comes first (the mayMatch tests leave those to the pattern). */
function afterAsciiSpaces(text: string, from: number): number {
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) return -1;
    if (!(c === 32 || (c >= 9 && c <= 13))) break;
  }
  return i;
}

/**
 * A test that one of `keywords` (lower case, compared in any case as the /i patterns do) opens one of the
 * first `maxChunks` whitespace-separated chunks after the opening word, which whitespace must follow. The
 * "held ... meeting" rules put at most a few words between the two, each a whole chunk. Characters beyond
 * ASCII are left to the pattern.
 */
function keywordWithinChunks(keywords: readonly string[], maxChunks: number): (text: string, pos: number, wordEnd: number) => boolean {
  return (text, _pos, wordEnd) => {
    let i = wordEnd;
    for (let chunk = 0; chunk < maxChunks; chunk++) {
      const spaceStart = i;
      i = afterAsciiSpaces(text, i);
      if (i < 0) return true;
      if (i === spaceStart || i === text.length) return false;
      for (const k of keywords) if (i + k.length <= text.length && foldedEquals(text, i, k)) return true;
      for (; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c > 127) return true;
        if (c === 32 || (c >= 9 && c <= 13)) break;
      }
    }
    return false;
  };
}

/** nextWordOpensWith, asked only after the given opening words (lower case); true after the rule's others. */
function nextWordOpensWithAfter(openers: readonly string[], letters: string): (text: string, pos: number, wordEnd: number) => boolean {
  const next = nextWordOpensWith(letters);
  return (text, pos, wordEnd) => !isOneOfWords(text, pos, wordEnd, openers) || next(text, pos, wordEnd);
}

const PARTICIPLE_LEAD_WORDS = ['before', 'after', 'while', 'when', 'since', 'then', 'also'];

/**
 * The lookbehind of the participle rule: one to three whitespace characters right before the word, after
 * a comma, a semicolon or one of its words (any case). Characters beyond ASCII are left to the pattern.
 */
function participleMayMatch(text: string, pos: number): boolean {
  let i = pos;
  while (i > 0 && pos - i < 4) {
    const c = text.charCodeAt(i - 1);
    if (c > 127) return true;
    if (!(c === 32 || (c >= 9 && c <= 13))) break;
    i--;
  }
  const spaces = pos - i;
  if (spaces === 0 || spaces > 3 || i === 0) return false;
  const c = text.charCodeAt(i - 1);
  if (c === 44 || c === 59) return true;
  let w = i;
  while (w > 0 && isLetter(text.charCodeAt(w - 1))) w--;
  return isOneOfWords(text, w, i, PARTICIPLE_LEAD_WORDS);
}

// "told" is a cue only where the sentence puts the two together or on the phone.
const TOLD_COMPANIONS = /\b(?:during|outset|face|person|meeting|talks|(?:was|were|is) in [A-Z])|phone|video/;

/** Index of the sentence holding a position, or -1. */
function sentenceAt(sentences: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

const CUE_RULES: CueRule[] = [
  { re: /\b(?:met|meets)(?:\s+with)?\b/gi, type: 'meeting', kind: 'verb', opens: 'met meets' },
  { re: /\bmeet(?:\s+with)?\b/gi, type: 'meeting', kind: 'verb', opens: 'meet' },
  { re: /\b(?:meeting|meetings)\s+(?:with|between)\b/gi, type: 'meeting', kind: 'with', opens: 'meeting meetings', mayMatch: nextWordOpensWith('wb') },
  // "held a Japan-Philippines Foreign Ministers' Meeting with": up to five words name the meeting.
  { re: /\b(?:held|hold|holds|holding|had|has|have|having)\s+(?:a\s+|an\s+|the\s+)?(?:[\w.’'-]+\s+){0,5}?(?:meeting|summit)\b(?:\s+with)?/gi, type: 'meeting', kind: 'verb', opens: 'held hold holds holding had has have having', mayMatch: keywordWithinChunks(['meeting', 'summit'], 7) },
  { re: /\b(?:paid|pays|pay|paying)\s+(?:a\s+)?(?:courtesy\s+)?call\s+on\b/gi, type: 'meeting', kind: 'verb', opens: 'paid pays pay paying' },
  { re: /\bcourtesy\s+(?:call|visit)s?\s+(?:on|to|with)\b/gi, type: 'meeting', kind: 'with', opens: 'courtesy' },
  // "called on President X in Colombo" is a visit to X; "called on X to resign" is not (see cueParticipants).
  { re: /\b(?:called|calls|calling)\s+on\b/gi, type: 'meeting', kind: 'verb', opens: 'called calls calling' },
  { re: /\b(?:held|hold|holds|holding|had|has|have|having)\s+(?:a\s+|an\s+|the\s+)?(?:[\w.’'-]+\s+){0,5}?(?:tele)?phone\s+(?:talks?|call|conversation)\b(?:\s+with)?/gi, type: 'call', kind: 'verb', opens: 'held hold holds holding had has have having', mayMatch: keywordWithinChunks(['phone', 'telephone'], 7) },
  { re: /\b(?:is|are|was|were|been|be)\s+meeting(?:\s+with)?\b/gi, type: 'meeting', kind: 'verb', opens: 'is are was were been be', mayMatch: nextWordOpensWith('m') },
  // ", meeting his Egyptian counterpart", "before meeting X": the participle is a verb.
  { re: /(?<=(?:[,;]|\b(?:before|after|while|when|since|then|also))\s{1,3})meeting(?:\s+with)?\b/gi, type: 'meeting', kind: 'verb', opens: 'meeting', mayMatch: participleMayMatch },
  { re: /\bmeeting\b/gi, type: 'meeting', kind: 'noun', opens: 'meeting' },
  { re: /\bsummit\b/gi, type: 'meeting', kind: 'noun', opens: 'summit' },
  { re: /\b(?:held|hold|holds|holding|had|has|have|having)\s+(?:(?:[a-z-]+)\s+){0,2}?(?:talks|discussions|negotiations)\b(?:\s+with)?/gi, type: 'talks', kind: 'verb', opens: 'held hold holds holding had has have having', mayMatch: keywordWithinChunks(['talks', 'discussions', 'negotiations'], 3) },
  { re: /\b(?:talks|discussions|negotiations)\s+(?:with|between)\b/gi, type: 'talks', kind: 'with', opens: 'talks discussions negotiations', mayMatch: nextWordOpensWith('wb') },
  { re: /\btalks\b/gi, type: 'talks', kind: 'noun', opens: 'talks' },
  { re: /\b(?:talked|spoke|spoken|speaks|conferred)\s+with\b/gi, type: 'talks', kind: 'verb', opens: 'talked spoke spoken speaks conferred', mayMatch: nextWordOpensWith('w') },
  { re: /\bexchanged\s+(?:views|opinions)(?:\s+with)?\b/gi, type: 'talks', kind: 'verb', opens: 'exchanged' },
  { re: /\b(?:discussed|discusses|discuss)\b(?:\s+with)?/gi, type: 'talks', kind: 'verb', opens: 'discussed discusses discuss' },
  { re: /\b(?:conversation|conversations|consultations)\s+with\b/gi, type: 'talks', kind: 'with', opens: 'conversation conversations consultations' },
  { re: /\b(?:joint\s+)?(?:news|press)\s+conference\s+with\b/gi, type: 'meeting', kind: 'with', opens: 'joint news press' },
  { re: /\b(?:summit|summits)\s+(?:with|between)\b/gi, type: 'meeting', kind: 'with', opens: 'summit summits' },
  { re: /\b(?:sat\s+down|shook\s+hands|dined|lunched)(?:\s+with)?\b/gi, type: 'meeting', kind: 'verb', opens: 'sat shook dined lunched' },
  { re: /\b(?:hosted|hosts|hosting|host|received|receives|receive|welcomed|welcomes|welcome|greeted|greets)(?:\s+by)?\b/gi, type: 'meeting', kind: 'verb', opens: 'hosted hosts hosting host received receives receive welcomed welcomes welcome greeted greets' },
  // 'had a "productive" call with': a call, whatever words describe it.
  { re: /\b(?:had|has|have|having|held|hold|holds)\s+(?:a|an)\s+(?:\S+\s+){0,3}?calls?\s+with\b/gi, type: 'call', kind: 'verb', opens: 'had has have having held hold holds', mayMatch: keywordWithinChunks(['call'], 5) },
  { re: /\b(?:tele)?phone\s+(?:call|calls|conversation|conversations|talks|talk)\b(?:\s+with)?/gi, type: 'call', kind: 'with', opens: 'phone telephone' },
  { re: /\b(?:video\s+call|video\s+conference|videoconference)\b(?:\s+with)?/gi, type: 'call', kind: 'with', opens: 'video videoconference', mayMatch: nextWordOpensWithAfter(['video'], 'c') },
  { re: /\b(?:spoke|spoken|speaks|talked)\s+(?:by|on\s+the|over\s+the)\s+(?:tele)?phone\b(?:\s+(?:with|to))?/gi, type: 'call', kind: 'verb', opens: 'spoke spoken speaks talked', mayMatch: nextWordOpensWith('bo') },
  // "A and B signed a memorandum", "inked a deal with B": signing together is a meeting of the signatories.
  { re: /\b(?:signed|signs|inked|inks|sealed|seals)\s+(?:an?\s+|the\s+|two\s+|several\s+)?(?:[\w-]+\s+){0,3}?(?:agreements?|memorand(?:um|a)|deals?|pacts?|accords?|treaty|treaties|declarations?|MoUs?|MOUs?|protocols?|contracts?|statements?|roadmap|communiqu\S*)\b/gi, type: 'meeting', kind: 'verb', opens: 'signed signs inked inks sealed seals' },
  { re: /\b(?:phoned|telephoned)\b/gi, type: 'call', kind: 'verb', opens: 'phoned telephoned' },
  // "Biden called Netanyahu on Tuesday to discuss ...": a call only when what follows says so (see cueParticipants).
  { re: /\bcalled\b/gi, type: 'call', kind: 'verb', opens: 'called' },
  { re: /\b(?:state\s+|official\s+|working\s+)?visits?\b(?:\s+(?:to|by|of))?/gi, type: 'visit', kind: 'verb', opens: 'state official working visit visits', mayMatch: nextWordOpensWithAfter(['state', 'official', 'working'], 'v') },
  { re: /\b(?:visited|visiting)\b/gi, type: 'visit', kind: 'verb', opens: 'visited visiting' },
  // "will lead a parliamentary delegation to Chisinau".
  { re: /\bdelegations?\s+to\b/gi, type: 'visit', kind: 'verb', opens: 'delegation delegations' },
  { re: /\b(?:arrived|arrives|arrive|arriving|landed|lands|landing)\s+(?:in|at)\b/gi, type: 'visit', kind: 'verb', opens: 'arrived arrives arrive arriving landed lands landing' },
  { re: /\b(?:is|are|was|were)\s+(?:also\s+)?expected\s+in\b/gi, type: 'visit', kind: 'verb', opens: 'is are was were', mayMatch: nextWordOpensWith('ae') },
  { re: /\b(?:left|leaves|leave|leaving|departed|departs|depart)\s+for\b/gi, type: 'trip', kind: 'verb', opens: 'left leaves leave leaving departed departs depart' },
  { re: /\b(?:tour|tours|toured|touring)\s+(?:of|to)?\b/gi, type: 'trip', kind: 'verb', opens: 'tour tours toured touring' },
  { re: /\btrips?\b(?:\s+to)?/gi, type: 'trip', kind: 'verb', opens: 'trip trips' },
  { re: /\b(?:travel(?:l)?ed|travels|travel|travel(?:l)?ing|flew|flies|fly|heads|headed|heading|head)\s+to\b/gi, type: 'trip', kind: 'verb', opens: 'traveled travelled travels travel traveling travelling flew flies fly heads headed heading head', mayMatch: nextWordOpensWith('t') },
  { re: /\btold\b/gi, type: 'meeting', kind: 'told', opens: 'told' },
];

// Planned rather than held: modal or scheduling words between the subject and the cue.
const FUTURE_MARKER =
  /\b(?:will|shall|'ll|would|(?:is|are|was|were)\s+(?:scheduled|due|expected|set|planning|going|preparing|slated|to)|scheduled\s+to|plans?\s+to|planned|prepared\s+to|preparing\s+to|intends?\s+to|hopes?\s+to|next\s+(?:week|month|year)|tomorrow|upcoming|later\s+(?:this|on|today|in))\b/i;
const FUTURE_TIME_AFTER = /^[^,.;]*?\b(?:next\s+(?:week|month|year)|tomorrow|upcoming|later\s+this\s+(?:week|month|year))\b/i;
// "requested that his counterpart visit", "invited her to Tehran": proposals, not events. The
// proposal must govern the cue: "X, who hopes to boost trade, will meet Y" is still planned.
const PROPOSAL_BEFORE = /\b(?:request(?:ed|s)?|invit(?:ed|es|ing|ation)|propos(?:ed|es|al)|urg(?:ed|es)|asked|call(?:ed|s)\s+for|offer(?:ed|s)?|suggest(?:ed|s)?|want(?:ed|s)?|would\s+like|hopes?|hoped|seek(?:s|ing)?|sought|open\s+to|ready\s+to|willing\s+to|could|might|possible|possibly|potential|would\s+welcome|(?:push|pushed|pushing|press|pressed|pressing)\s+for|demand(?:ed|s|ing)?|supposed\s+to|had\s+hoped)\b[^.;,]{0,60}$/i;
// Cue forms that tell of an event as held, which a proposal cannot precede.
const AGREEMENT_BEFORE = /\b(?:agree(?:d|s)?|agreeing|vow(?:ed|s)?|pledg(?:ed|es)|commit(?:ted|s)?\s+themselves|decided|resolved|work\s+together|looks?\s+forward)\s+to\b[^.;,]{0,60}$/i;
// Literal words the end-anchored patterns need: a quick test spares most leads the full pattern, which
// irregexp tries at every position.
const BACKGROUND_MEETING_WORD = /last|previously|once/i;
const AGREEMENT_WORD = /agree|vow|pledg|commit|decided|resolved|together|forward/i;
const FUTURE_TIME_WORD = /next|tomorrow|upcoming|later/i;
const FRAME_WORD = /during|while|course/i;
const hasFutureTimeAfter = (after: string) => FUTURE_TIME_WORD.test(after) && FUTURE_TIME_AFTER.test(after);
const hasFrameBefore = (lead: string) => FRAME_WORD.test(lead) && FRAME_BEFORE.test(lead);
const BACKGROUND_MEETING_BEFORE = /(?<!\b(?:a|an|the|their|his|her|its)\s+)\b(?:last|previously|once)\s+(?:also\s+)?$/i;
const TRIP_CLAUSE_BEFORE = /,\s*(?:during\s+which|in\s+the\s+course\s+of\s+which|where)\b[^,;]*$/i;
// Cues that tell of an event only with two sides named ("X signed a decree", "Y shook hands" alone are none).
const SIGNING_CUE = /^(?:signed|signs|inked|inks|sealed|seals|exchanged|shook|sat|dined|lunched)\b(?!.*\bwith$)/i;
const HELD_FORM = /^(?:met|meets|held|had|paid|called|visited|travel(?:l)?ed|arrived|landed|left|flew|hosted|received|welcomed|spoke|talked|exchanged|phoned|telephoned|signed|inked|sealed)/i;
const CANCELLED_AFTER = /^[^.;!?,]{0,60}?\b(?:was|were|has\s+been|had\s+been|have\s+been|is|are|be)\s+(?:cancel(?:l)?ed|postponed|called\s+off|scrapped|shelved|put\s+off|delayed\s+indefinitely)\b/i;
// Literal words every cancellation above needs: a quick test spares most clauses the full patterns.
const CANCEL_WORD = /cancel|postpon|call|scrap|shelv|put|delay/i;
const TRAVEL_CANCELLED_AFTER = /^[^.;!?]{0,80}?\b(?:was|were|has\s+been|had\s+been|have\s+been|is|are)\s+(?:cancel(?:l)?ed|postponed|called\s+off|scrapped|shelved|put\s+off)\b/i;
// "the first Iranian president to visit Japan", "last visited Manila", "following her trip to Tehran",
// "Before visiting Israel": visits the article mentions as background, not as news.
const BACKGROUND_TRAVEL =
  /\b(?:first|only|last|second|third|latest)\b[^,.;]{0,50}\bto\s+$|\blast\s+$|\b(?:following|after|before|since|during|ahead\s+of|on|from|of|about)\s+(?:his|her|their|the|a|an|[A-Z][\w’'-]*(?:'s|’s))\s+(?:[\w’'-]+\s+){0,3}$|\b(?:before|after|since|while|when)\s+$/i;
// The words BACKGROUND_TRAVEL needs where it needs them: one ending the lead ("to", "last", "before"), or
// one opening its "following his ..." form, which ends the second to fifth whitespace-separated chunk.
const BACKGROUND_LAST_WORDS = ['to', 'last', 'before', 'after', 'since', 'while', 'when'];
const BACKGROUND_OPENING_WORDS = ['following', 'after', 'before', 'since', 'during', 'on', 'from', 'of', 'about'];
/** True when the ASCII letters str[start, end) are one of the lower-case words in any case (no substring cut out). */
function isOneOfWords(str: string, start: number, end: number, words: readonly string[]): boolean {
  const length = end - start;
  for (const w of words) if (w.length === length && foldedEquals(str, start, w)) return true;
  return false;
}
const isSpaceAt = (str: string, i: number) => {
  const c = str.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE_UNIT.test(str[i]!));
};

/** False when BACKGROUND_TRAVEL cannot match the lead: every form ends in whitespace after one of its words. */
function backgroundTravelMayMatch(lead: string): boolean {
  let chunkEnd = spaceRunStart(lead, lead.length);
  if (chunkEnd === lead.length) return false;
  for (let k = 0; k < 5 && chunkEnd > 0; k++) {
    let chunkStart = chunkEnd;
    while (chunkStart > 0 && !isSpaceAt(lead, chunkStart - 1)) chunkStart--;
    // The letters ending the chunk, a whole word there (\b before them).
    let w = chunkEnd;
    while (w > chunkStart && isLetter(lead.charCodeAt(w - 1))) w--;
    if (w < chunkEnd && (w === 0 || !isWordChar(lead.charCodeAt(w - 1)))) {
      if (isOneOfWords(lead, w, chunkEnd, k === 0 ? BACKGROUND_LAST_WORDS : BACKGROUND_OPENING_WORDS)) return true;
    }
    const before = spaceRunStart(lead, chunkStart);
    if (before === chunkStart) break;
    chunkEnd = before;
  }
  return false;
}
const NEGATION_BEFORE = /(?:\b(?:not|never|no|refused|refuses|declined|declines|rejected|cancel(?:l)?ed|cancels|postponed|called\s+off|without|instead\s+of|rather\s+than)\b|n['’]t)(?:\s+\S+){0,3}\s*$/i;

// Words that may stand between a verb and its object, or in an object list ("with his Japanese
// counterpart, X, and the Palestinian leader, Y"): articles, titles, ranks, demonyms.
const CAPITALISED_WORD = /^[A-Z][\p{L}.’'-]*(?:'s|’s)?$/u;
const TITLE_GAP_WORD =
  /^(?:the|a|an|his|her|their|its|of|for|and|with|by|to|visiting|counterparts?|ministers?|minister|president|vice|prime|foreign|affairs|secretary|state|leaders?|chancellor|premier|king|queen|crown|prince|princess|emir|sheikh|deputy|ambassador|envoy|general|gen|honorable|honourable|high|ranking|high-ranking|senior|top|officials?|including|such|as|other|chief|new|commissioner|spokesman|spokeswoman|head|defence|defense|interior|finance|trade|economy|mr|mrs|ms|dr|his|excellency|h\.e\.|national|security|adviser|advisor|director|special|representative|undersecretary|under|assistant|acting|interim|elect|designate|from|governor|mayor|senator|lawmaker|legislator|speaker|chairman|chairwoman|chair|commander|admiral|colonel|spokesperson|chairperson|secretary-general|vice-president|vice-chair|high-level|delegation|led|headed|team|dinner|lunch|luncheon|banquet|reception|breakfast|honour|honor|bipartisan|congressional|parliamentary|delegate|negotiator|political|intelligence|military|army|navy|opposition|party|bureau|council|committee|agency|central|federal|regional|provincial|home|justice|health|energy|agriculture|education|labour|labor|culture|tourism|transport|environment|industry|commerce|economic|development|&|-)$/i;

// TITLE_GAP_WORD's words: an ASCII word is looked up in lower case, which is what /i compares for ASCII.
const TITLE_GAP_WORDS = new Set(
  TITLE_GAP_WORD.source
    .slice(4, -2)
    .split('|')
    .flatMap((w) => (w.endsWith('s?') ? [w.slice(0, -2), w.slice(0, -1)] : [w.replace(/\\\./g, '.')])),
);
// TITLE_GAP_WORDS by the hash of their letters (lower case): a gap's words are looked up where they stand, not cut out.
const lowerAsciiCode = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
const TITLE_GAP_WORDS_BY_HASH = new Map<number, string[]>();
for (const w of TITLE_GAP_WORDS) {
  let h = 0;
  for (let i = 0; i < w.length; i++) h = (Math.imul(h, 31) + w.charCodeAt(i)) | 0;
  TITLE_GAP_WORDS_BY_HASH.set(h, [...(TITLE_GAP_WORDS_BY_HASH.get(h) ?? []), w]);
}
/** \s of a regex, by char code. */
const isRegexSpace = (str: string, i: number) => {
  const c = str.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE_UNIT.test(str[i]!));
};

function isTitleGap(gap: string, maxChars: number): boolean {
  return gap.length <= maxChars && isTitleGapIn(gap, 0, gap.length);
}

/** isTitleGap(text.slice(from, to)) read in place: each run of [^\s,()] is a word. */
function isTitleGapIn(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    const c0 = text.charCodeAt(i);
    if (c0 === 44 || c0 === 40 || c0 === 41 || isRegexSpace(text, i)) {
      i++;
      continue;
    }
    const ws = i;
    let ascii = true;
    let h = 0;
    for (; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 44 || c === 40 || c === 41 || (c <= 32 && (c === 32 || (c >= 9 && c <= 13)))) break;
      if (c > 127) {
        if (SPACE_UNIT.test(text[i]!)) break;
        ascii = false;
      }
      h = (Math.imul(h, 31) + lowerAsciiCode(c)) | 0;
    }
    // Capitalised words: names of countries, demonyms, ministries ("Minister for Foreign Affairs of Japan").
    if (c0 >= 65 && c0 <= 90) {
      if (ascii ? isCapitalisedAsciiRun(text, ws, i) : CAPITALISED_WORD.test(text.slice(ws, i))) continue;
      return false;
    }
    if (!(ascii ? isTitleGapWordAt(text, ws, i, h) : TITLE_GAP_WORD.test(text.slice(ws, i)))) return false;
  }
  return true;
}

function isTitleGapWordAt(text: string, start: number, end: number, h: number): boolean {
  const list = TITLE_GAP_WORDS_BY_HASH.get(h);
  if (!list) return false;
  outer: for (const w of list) {
    if (w.length !== end - start) continue;
    for (let k = 0; k < w.length; k++) if (lowerAsciiCode(text.charCodeAt(start + k)) !== w.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

/** CAPITALISED_WORD for an ASCII run text[start, end): a capital, then letters, periods, apostrophes, hyphens ("'s" among them). */
function isCapitalisedAsciiRun(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first < 65 || first > 90) return false;
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!(isLetter(c) || c === 46 || c === 39 || c === 45)) return false;
  }
  return true;
}

// A subject may be separated from its verb by an appositive or auxiliaries, never by a reporting verb.
const SUBJECT_BREAK = /\b(?:said|says|say|told|tells|added|noted|stated|according|stressed|urged|while|but|although|whereas|because|which|that)\b|[;:"“”]/i;

// ---------------------------------------------------------------------------------------------
// Actors: officials named in a sentence, and references resolved to them.

interface Actor {
  ids: string[];
  start: number; // offsets in the text
  end: number;
  ref: boolean;
  /** Taken as the object of an earlier cue of the sentence (actors are made per sentence, so a flag serves). */
  consumed: boolean;
}

const IN_PERSON = /\b(?:was|were|is)\s+in\s+[A-Z]|\bduring\b|\bat\s+the\s+outset\b|\b(?:[Aa]t|[Ii]n|[Dd]uring)\s+(?:the|their|a)\s+(?:\w+\s+)?(?:meeting|talks)\b|\bface[- ]to[- ]face\b|\bin\s+person\b/;
// A meeting held by phone or video is a call.
const PHONE_MARKER = /\b(?:by|over\s+the|on\s+the|via)\s+(?:tele)?phone\b|\b(?:tele)?phone\s+(?:call|conversation|talks?)|\bvideo\s+(?:call|link|conference)|\bvideoconference\b/i;
// "discussed the issue with", "held talks on trade with": a short topic, no clause break, then "with".
const WITH_AFTER_TOPIC = /^[^,;:.!?"“”]{0,60}?\s(?:with|between)\s/;
const TRANSITIVE_CUE = /^(?:met|meet|meets|meeting|is\s+meeting|are\s+meeting|hosted|hosts|hosting|host|greeted|greets|received|receives|welcomed|welcomes|welcome|visited|visiting|visit|visits)\b/i;
const UNNAMED_OBJECT = /^\s+(?:with\s+)?(?:their|his|her|its|the|a|an|several|other|some|many|senior|top|local|foreign|business|community|leaders|officials|counterparts|representatives|ministers|members|delegates|students|troops|victims|families|workers|executives)\b/i;
const CALL_PURPOSE_AFTER =
  /^\s*(?:on\s+\w+day\b|(?:on\s+\w+day\s+)?to\s+(?:discuss|congratulate|express|offer|thank|convey|brief|condole|talk)\b|and\s+(?:discussed|talked|spoke)\b|,?\s+(?:by|over\s+the)\s+(?:tele)?phone\b)/i;
const AFTER_EVENT_GAP = /^\s+(?:told|tells|said|says)\s+(?:reporters|journalists|the\s+press|a\s+news\s+conference|parliament|lawmakers|MPs|MEPs)?\s*(?:after|before|while|when|following)\s+(?:(?:his|her|their|a|an|the)\s+)?$/i;
const RELATIVE_LEAD = /,\s*(?:who|which)\s[^,;]*$/i;
const IN_A_BEFORE = /\b(?:in|during|over)\s+(?:a|an|the|their)\s+(?:[\w-]+\s+){0,2}$/i;
const OBJECT_PRONOUN_AFTER = /^\s+(?:him|her)\b(?=\s*(?:$|[.,;:]|\s(?:in|on|at|for|to|during|last|this|next|again|twice|and|before|after|later|soon|over)\b))/;
const OTHER_PERSON_OF =
  /^(?:'s|’s)\s+(?:[a-z-]+\s+){0,2}?(?:predecessors?|successors?|deputy|deputies|wife|husband|spouse|spokes(?:man|woman|person)|aides?|son|daughter|father|mother|brother|sister|envoys?|advis[eo]rs?|chief\s+of\s+staff|emissary|representatives?)\b/;
const POSSESSIVE_AFTER = /^(?:'s|’s)\b/;
const THEY = /(?:^|[,;]\s*|\b(?:and|but|where|when)\s+)(?:They|they)\b(?=\s+(?:also\s+|later\s+|last\s+|again\s+|then\s+|had\s+|have\s+|will\s+|would\s+)?(?:met|meet|held|hold|discussed|spoke|talked)\b)/;
const POSSESSIVE_BEFORE_CUE = /\b(?:his|her|His|Her)\s+(?:[a-z-]+\s+){0,3}?(?=(?:visit|trip|meeting|talks|call)\b)/g;
const PAIR_REF =
  /\b(?:the|The|both|Both)\s+(?:two\s+)?(?:(?:countries|nations|sides|governments|states)['’]\s+)?((?:foreign|defen[cs]e|finance|trade|top|senior)\s+(?:ministers|diplomats|officials)|ministers|diplomats|leaders|officials|presidents|prime\s+ministers|premiers|chancellors|heads\s+of\s+(?:state|government)|sides|men|women|envoys|counterparts)\b|\b(?:the|The)\s+pair\b|\b(?:the|The)\s+two(?=\s+(?:last|previously|also|first|again|later|then|had|have|will|would|met|meet|held|hold|spoke|talked|discussed|agreed|signed)\b)/g;
const TITLE_REF =
  /\b(?:[Tt]he\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)|([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:'s|’s))\s+(president|prime\s+minister|premier|foreign\s+minister|foreign\s+secretary|secretary\s+of\s+state|top\s+diplomat|minister|chancellor|leader|king|queen|ambassador|envoy)\b/g;
const BARE_TITLE_REF = /\b[Tt]he\s+(president|prime\s+minister|premier|foreign\s+minister|foreign\s+secretary|secretary\s+of\s+state|chancellor)\b(?!\s+of\b|[-'’])/g;
const VISITING_REF =
  /\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?:visiting\s+(?:([A-Z][a-z]+)\s+)?|(?=guest\b))(foreign\s+minister|prime\s+minister|minister|president|premier|leader|chancellor|secretary\s+of\s+state|secretary|envoy|diplomat|official|dignitary|delegation|guest)\b/g;
const COUNTERPART_REF =
  /\b(?:(?:his|her|their)\s+)?(?:([A-Z][a-z]+)\s+)?(counterparts?)\b/g;

// Words that gate the reference patterns below. One pass over a sentence's ASCII letter runs (the
// words \b delimits) and a hash lookup replace a substring or regex pre-test per pattern; each pattern
// needs its gate words as whole words, so a sentence without them skips the pattern with no change in output.
const W_PRONOUN = 1;
const W_POSSESSIVE = 2;
const W_POSSESSED_NOUN = 4;
const W_PAIR_OPENER = 8;
const W_PAIR_NOUN = 16;
const W_THEY = 32;
const W_ROLE = 64;
const W_VISITING = 128;
const W_COUNTERPART = 256;
const W_BUILDING = 65536;
const W_PLACE_OPENER = 1048576;
const W_WITH = 2097152;
const W_TRIP_WORD = 16777216;
const GATE_WORDS: ReadonlyArray<readonly [string, number]> = [
  ...['he', 'she', 'He', 'She'].map((w) => [w, W_PRONOUN] as const),
  ...['his', 'her', 'His', 'Her'].map((w) => [w, W_POSSESSIVE] as const),
  ...['visit', 'trip', 'meeting', 'talks', 'call'].map((w) => [w, W_POSSESSED_NOUN] as const),
  ...['the', 'The', 'both', 'Both'].map((w) => [w, W_PAIR_OPENER] as const),
  ...['ministers', 'diplomats', 'leaders', 'officials', 'presidents', 'premiers', 'chancellors', 'heads', 'sides', 'men', 'women', 'envoys', 'counterparts', 'pair', 'two'].map(
    (w) => [w, W_PAIR_NOUN] as const,
  ),
  ...['They', 'they'].map((w) => [w, W_THEY] as const),
  ...['president', 'premier', 'minister', 'secretary', 'diplomat', 'chancellor', 'leader', 'king', 'queen', 'ambassador', 'envoy'].map((w) => [w, W_ROLE] as const),
  ...['visiting', 'guest'].map((w) => [w, W_VISITING] as const),
  ...['counterpart', 'counterparts'].map((w) => [w, W_COUNTERPART] as const),
  ...['House', 'Palace', 'Hall', 'Office', 'Centre', 'Center', 'Hotel', 'Airport', 'Building', 'Residence'].map((w) => [w, W_BUILDING] as const),
  ...['in', 'to', 'at', 'visit', 'visits', 'visiting', 'visited', 'left', 'leaves', 'leaving', 'departed', 'departs'].map((w) => [w, W_PLACE_OPENER] as const),
  ...['with', 'between'].map((w) => [w, W_WITH] as const),
  ...['trip', 'visit'].map((w) => [w, W_TRIP_WORD] as const),
];
// The gate words without which resolveActors finds no reference (see there: pronouns, possessives, pair
// nouns, "they", office nouns, "visiting"; a counterpart needs another actor), as whole letter runs as
// gateFlags reads them. Some need a second word as well: the pattern asks for one of each such pair only.
const REFERENCE_BITS = W_PRONOUN | W_POSSESSIVE | W_PAIR_NOUN | W_THEY | W_ROLE | W_VISITING;
const REFERENCE_WORD = new RegExp(
  `(?<![A-Za-z])(?:${GATE_WORDS.filter(([, bits]) => bits & REFERENCE_BITS)
    .map(([word]) => word)
    .join('|')})(?![A-Za-z])`,
);
// Words the clause patterns of a cue need (/i there, so matched in any case): a sentence without them
// skips those patterns.
const W_NEGATION = 512;
const W_PROPOSAL = 1024;
const W_CANCEL = 2048;
const W_AGREEMENT = 4096;
const W_FUTURE_TIME = 8192;
const W_FRAME = 16384;
const W_SEPARATELY = 32768;
const W_PHONE = 131072;
const W_INVITATION = 262144;
const W_FUTURE_MARKER = 524288;
const W_SUBJECT_BREAK = 4194304;
const W_RELATIVE = 8388608;
const W_DATE_OTHER = 33554432;
const W_RELATIVE_CLAUSE = 67108864;
const FOLDED_GATE_WORDS: ReadonlyArray<readonly [string, number]> = [
  ...['cancelled', 'canceled', 'postponed', 'called', 'scrapped', 'shelved', 'put', 'delayed'].map((w) => [w, W_CANCEL] as const),
  ...['agree', 'agreed', 'agrees', 'agreeing', 'vow', 'vowed', 'vows', 'pledged', 'pledges', 'commit', 'committed', 'commits', 'decided', 'resolved', 'together', 'forward'].map(
    (w) => [w, W_AGREEMENT] as const,
  ),
  ...['next', 'tomorrow', 'upcoming', 'later'].map((w) => [w, W_FUTURE_TIME] as const),
  ...['during', 'while', 'course'].map((w) => [w, W_FRAME] as const),
  ...['separate', 'separately'].map((w) => [w, W_SEPARATELY] as const),
  ...['phone', 'telephone', 'video', 'videoconference'].map((w) => [w, W_PHONE] as const),
  ['invitation', W_INVITATION],
  ...['who', 'which', 'where'].map((w) => [w, W_RELATIVE] as const),
  ...['after', 'before', 'following', 'ahead', 'prior', 'since'].map((w) => [w, W_DATE_OTHER] as const),
  ...['who', 'which', 'whose', 'where', 'that'].map((w) => [w, W_RELATIVE_CLAUSE] as const),
  ...['said', 'says', 'say', 'told', 'tells', 'added', 'noted', 'stated', 'according', 'stressed', 'urged', 'while', 'but', 'although', 'whereas', 'because', 'which', 'that'].map(
    (w) => [w, W_SUBJECT_BREAK] as const,
  ),
  ...['will', 'shall', 'll', 'would', 'is', 'are', 'was', 'were', 'scheduled', 'plan', 'plans', 'planned', 'prepared', 'preparing', 'intend', 'intends', 'hope', 'hopes', 'next', 'tomorrow', 'upcoming', 'later'].map(
    (w) => [w, W_FUTURE_MARKER] as const,
  ),
  ...['not', 'never', 'no', 'refused', 'refuses', 'declined', 'declines', 'rejected', 'cancelled', 'canceled', 'cancels', 'postponed', 'called', 'without', 'instead', 'rather'].map(
    (w) => [w, W_NEGATION] as const,
  ),
  ...[
    'request', 'requested', 'requests', 'invited', 'invites', 'inviting', 'invitation', 'proposed', 'proposes', 'proposal', 'urged', 'urges', 'asked',
    'called', 'calls', 'offer', 'offered', 'offers', 'suggest', 'suggested', 'suggests', 'want', 'wanted', 'wants', 'would', 'hope', 'hopes', 'hoped',
    'seek', 'seeks', 'seeking', 'sought', 'open', 'ready', 'willing', 'could', 'might', 'possible', 'possibly', 'potential', 'push', 'pushed', 'pushing',
    'press', 'pressed', 'pressing', 'demand', 'demanded', 'demands', 'demanding', 'supposed',
  ].map((w) => [w, W_PROPOSAL] as const),
];
// A word's hash over its letters in lower case: one hash serves the exact and the any-case words.
const foldedHash = (word: string): number => {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + (word.charCodeAt(i) | 32)) | 0;
  return h;
};
interface GateEntry {
  word: string;
  bits: number;
  /** Matched in any case (the /i patterns), else exactly as written. */
  anyCase: boolean;
}
const GATE_BY_HASH = new Map<number, GateEntry[]>();
for (const [words, anyCase] of [[GATE_WORDS, false], [FOLDED_GATE_WORDS, true]] as const) {
  for (const [word, bits] of words) {
    const h = foldedHash(word);
    const list = GATE_BY_HASH.get(h) ?? [];
    const same = list.find((e) => e.word === word && e.anyCase === anyCase);
    if (same) same.bits |= bits;
    else list.push({ word, bits, anyCase });
    GATE_BY_HASH.set(h, list);
  }
}
const GATE_MAX_LENGTH = Math.max(...GATE_WORDS.map(([w]) => w.length), ...FOLDED_GATE_WORDS.map(([w]) => w.length));
// One bit per low 12 bits of a gate word's hash: most words fail this before any map lookup.
const GATE_HASH_BITS = new Uint8Array(4096);
for (const h of GATE_BY_HASH.keys()) GATE_HASH_BITS[h & 4095] = 1;
// The entries by the low 12 bits of their hash, in flat arrays (those of slot k at GATE_SLOT_START[k] up to
// GATE_SLOT_START[k + 1]), each with its full hash: typed-array reads, no object per entry.
const GATE_SLOT_START = new Int32Array(4097);
const gateEntriesBySlot: Array<Array<GateEntry & { hash: number }>> = Array.from({ length: 4096 }, () => []);
for (const [h, list] of GATE_BY_HASH) for (const e of list) gateEntriesBySlot[h & 4095]!.push({ ...e, hash: h });
const gateEntries = gateEntriesBySlot.flat();
for (let slot = 0, n = 0; slot < 4096; slot++) {
  GATE_SLOT_START[slot] = n;
  n += gateEntriesBySlot[slot]!.length;
  GATE_SLOT_START[slot + 1] = n;
}
const GATE_ENTRY_HASH = Int32Array.from(gateEntries, (e) => e.hash);
const GATE_ENTRY_BITS = Int32Array.from(gateEntries, (e) => e.bits);
const GATE_ENTRY_ANY_CASE = Uint8Array.from(gateEntries, (e) => (e.anyCase ? 1 : 0));
const GATE_ENTRY_WORD = gateEntries.map((e) => e.word);

/** True when text[wordStart, wordStart + word.length) is the lower-case word in any case. */
function foldedEquals(text: string, wordStart: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if ((text.charCodeAt(wordStart + k) | 32) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * False only when a word pattern run over s[from, to) cannot match: none of its words stands whole in
 * the slice (gateFlags recorded where each stands), nor does the slice open or end inside a word whose
 * part in the slice is one of them ("can|not").
 */
function sliceMayHold(s: string, gates: number, bit: number, from: number, to: number = s.length): boolean {
  const a = Math.max(0, from);
  const b = Math.min(s.length, to);
  if (gates & bit) {
    // Hits are in text order: the first at or after a, by bisection, then those inside the slice.
    let lo = 0;
    let hi = gateHitCount;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (gateHitStart[mid]! < a) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < gateHitCount && gateHitEnd[k]! <= b; k++) if (gateHitBits[k]! & bit) return true;
  }
  if (a > 0 && a < b && isWordChar(s.charCodeAt(a - 1)) && isWordChar(s.charCodeAt(a))) {
    let e = a;
    while (e < b && isLetter(s.charCodeAt(e))) e++;
    if (wordGateBits(s, a, e) & bit) return true;
  }
  if (b > 0 && b < s.length && isWordChar(s.charCodeAt(b - 1)) && isWordChar(s.charCodeAt(b))) {
    let w = b;
    while (w > a && isLetter(s.charCodeAt(w - 1))) w--;
    if (wordGateBits(s, w, b) & bit) return true;
  }
  return false;
}

/** The gate bits of text[start, end) read as one word (letters only). */
function wordGateBits(text: string, start: number, end: number): number {
  const length = end - start;
  if (length < 2 || length > GATE_MAX_LENGTH) return 0;
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + (text.charCodeAt(i) | 32)) | 0;
  return hashedWordGateBits(text, start, length, h);
}

function hashedWordGateBits(text: string, start: number, length: number, h: number): number {
  if (!GATE_HASH_BITS[h & 4095]) return 0;
  let bits = 0;
  const slot = h & 4095;
  for (let k = GATE_SLOT_START[slot]!, last = GATE_SLOT_START[slot + 1]!; k < last; k++) {
    if (GATE_ENTRY_HASH[k] !== h) continue;
    const word = GATE_ENTRY_WORD[k]!;
    if (word.length === length && (GATE_ENTRY_ANY_CASE[k] ? foldedEquals(text, start, word) : text.startsWith(word, start))) bits |= GATE_ENTRY_BITS[k]!;
  }
  return bits;
}

// Where the gate words of the sentence last read by gateFlags stand (offsets in the sentence), and their
// bits: sliceMayHold reads them for the sentence being analysed.
let gateHitCount = 0;
let gateHitStart = new Int32Array(64);
let gateHitEnd = new Int32Array(64);
let gateHitBits = new Int32Array(64);

function recordGateHit(start: number, end: number, bits: number): void {
  if (gateHitCount === gateHitStart.length) {
    gateHitStart = grownInt32(gateHitStart);
    gateHitEnd = grownInt32(gateHitEnd);
    gateHitBits = grownInt32(gateHitBits);
  }
  gateHitStart[gateHitCount] = start;
  gateHitEnd[gateHitCount] = end;
  gateHitBits[gateHitCount] = bits;
  gateHitCount++;
}

const SPACE_UNIT = /^\s$/;
/** /\bword\s+$/ read from the end of str instead of tried at every position. */
function endsWithWordAndSpace(str: string, word: string): boolean {
  let e = str.length;
  while (e > 0) {
    const c = str.charCodeAt(e - 1);
    if (c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE_UNIT.test(str[e - 1]!))) e--;
    else break;
  }
  const start = e - word.length;
  return e < str.length && start >= 0 && str.startsWith(word, start) && (start === 0 || !isWordChar(str.charCodeAt(start - 1)));
}

/** Start of the whitespace (\s) run that ends str at `end`; `end` itself when none. */
function spaceRunStart(str: string, end: number): number {
  let e = end;
  while (e > 0) {
    const c = str.charCodeAt(e - 1);
    if (c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE_UNIT.test(str[e - 1]!))) e--;
    else break;
  }
  return e;
}

/** True when str[0, end) ends with the lower-case word in any case. */
function endsWithAnyCase(str: string, end: number, word: string): boolean {
  const start = end - word.length;
  if (start < 0) return false;
  for (let k = 0; k < word.length; k++) if ((str.charCodeAt(start + k) | 32) !== word.charCodeAt(k)) return false;
  return true;
}

const BACKGROUND_MEETING_WORDS = ['last', 'previously', 'once'];
/** What BACKGROUND_MEETING_BEFORE needs at the end of a lead: one of its words, spaces, maybe "also" and spaces. */
function mayEndInBackgroundWord(lead: string): boolean {
  const e = spaceRunStart(lead, lead.length);
  if (e === lead.length) return false;
  if (endsWithOneOf(lead, e, BACKGROUND_MEETING_WORDS)) return true;
  if (!endsWithAnyCase(lead, e, 'also')) return false;
  const beforeAlso = spaceRunStart(lead, e - 4);
  return beforeAlso < e - 4 && endsWithOneOf(lead, beforeAlso, BACKGROUND_MEETING_WORDS);
}

function endsWithOneOf(str: string, end: number, words: readonly string[]): boolean {
  for (const w of words) if (endsWithAnyCase(str, end, w)) return true;
  return false;
}

/** The gate flags of the whole words in text[start, end). */
function gateFlags(text: string, start: number, end: number): number {
  let flags = 0;
  gateHitCount = 0;
  let i = start;
  while (i < end) {
    let c = text.charCodeAt(i);
    // ASCII letter test in one comparison: c | 32 folds A-Z onto a-z, anything else falls outside.
    if (((c | 32) - 97) >>> 0 > 25) {
      i++;
      continue;
    }
    const wordStart = i;
    let h = 0;
    for (;;) {
      h = (Math.imul(h, 31) + (c | 32)) | 0;
      if (++i >= end) break;
      c = text.charCodeAt(i);
      if (((c | 32) - 97) >>> 0 > 25) break;
    }
    // A letter run cut by the sentence end is still a whole word: \b also holds at the end of the slice.
    const length = i - wordStart;
    if (length < 2 || length > GATE_MAX_LENGTH || !GATE_HASH_BITS[h & 4095]) continue;
    const bits = hashedWordGateBits(text, wordStart, length, h);
    if (!bits) continue;
    flags |= bits;
    recordGateHit(wordStart - start, i - start, bits);
  }
  return flags;
}

interface DocState {
  text: string;
  people: Map<string, Person>;
  /**
   * The people of each country and of each role, in the order of \`people\`: a reference reads only those it may
   * mean. Made on the first reference that asks (most articles have none): see peopleOfCountry.
   */
  peopleByCountry: Map<string, Person[]> | null;
  peopleByRole: Map<RoleClass, Person[]> | null;
  officials: readonly OfficialMention[];
  events: Draft[];
  /** Events by participant, so merging looks only at events sharing someone. */
  byPerson: Map<string, Draft[]>;
  /** Who the last sentence naming an official was about: its first-named official. */
  previousSubject: string | null;
  /** Start of the sentence before the current one: how far back "him" may look. */
  previousSentenceStart: number;
}

interface Draft {
  type: EventType;
  ids: string[];
  date: string | null;
  dated: boolean; // a date mention gave the date (even an unresolved one)
  location: string | null;
  locationIsCity: boolean;
  scheduled: boolean;
  sources: TextSpan[];
  firstSentence: number;
  /** Told only by a bare noun ("at the outset of the meeting"): it may add to an event, not found one. */
  weak: boolean;
  /** Told in a relative clause ("Modi, who arrived in Washington, held talks ..."): not the main event. */
  subordinate: boolean;
  /** The frame of the sentence's other events ("during his visit to Israel this week"): lends them its date. */
  frame: boolean;
  /** Where a visit or trip goes, named right at its cue ("will visit Ankara", "a trip to Kyiv"). */
  destination: string | null;
  /** A visit told as background ("following her trip to Tehran", "the first president to visit Japan"), or an earlier meeting ("last met in May"). */
  background: boolean;
  /** findTarget's mark: the call that last listed this draft (a Set per call costs more). */
  seenMark: number;
}

/** Index of the last official mention ending at or before a position, or -1. */
function lastMentionIndexBefore(officials: readonly OfficialMention[], pos: number): number {
  let lo = 0;
  let hi = officials.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (officials[mid]!.end <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The most recent official mention before a position. */
function lastMentionBefore(officials: readonly OfficialMention[], pos: number): OfficialMention | null {
  return officials[lastMentionIndexBefore(officials, pos)] ?? null;
}

/**
 * The list itself when already in text order (the recognizers' usual output), else a sorted copy.
 * One function per kind of item: a property read shared by officials, dates and sentences sees three
 * object shapes and goes through V8's slow generic path on every item.
 */
function officialsByStart(list: readonly OfficialMention[]): readonly OfficialMention[] {
  for (let i = 1; i < list.length; i++) if (list[i]!.start < list[i - 1]!.start) return [...list].sort((a, b) => a.start - b.start);
  return list;
}

function datesByStart(list: readonly DateMention[]): readonly DateMention[] {
  for (let i = 1; i < list.length; i++) if (list[i]!.start < list[i - 1]!.start) return [...list].sort((a, b) => a.start - b.start);
  return list;
}

function spansByStart(list: readonly Span[]): readonly Span[] {
  for (let i = 1; i < list.length; i++) if (list[i]!.start < list[i - 1]!.start) return [...list].sort((a, b) => a.start - b.start);
  return list;
}

const NAME_PAIR = /\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+/g;

/** True when a capitalised name that is no official mention stands between two positions. */
function unrecognisedNameBetween(text: string, officials: readonly OfficialMention[], from: number, to: number): boolean {
  const between = text.slice(from, to);
  NAME_PAIR.lastIndex = 0;
  for (let m = NAME_PAIR.exec(between); m; m = NAME_PAIR.exec(between)) {
    const start = from + m.index;
    const end = start + m[0].length;
    // Titles before a mention ("President Donald Trump") overlap or touch it.
    let covered = false;
    for (let i = lastMentionIndexBefore(officials, end + 2), k = 0; i >= 0 && k < 4 && !covered; i--, k++) {
      const o = officials[i]!;
      covered = o.start < end + 1 && o.end > start - 1;
    }
    if (!covered) return true;
  }
  return false;
}

/** True when s[from, to) holds an apostrophe (' or ’). */
function hasApostrophe(s: string, from: number, to: number): boolean {
  for (let i = Math.max(0, from); i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 39 || c === 8217) return true;
  }
  return false;
}

/** SUBJECT_BREAK.test(s.slice(from, to)): its marks read by char code, its words only where gateFlags found one. */
function subjectBreakIn(s: string, gates: number, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 59 || c === 58 || c === 34 || c === 8220 || c === 8221) return true;
  }
  return sliceMayHold(s, gates, W_SUBJECT_BREAK, from, to) && SUBJECT_BREAK.test(s.slice(from, to));
}

/** The nearest actor before a cue with no clause break in between (the cue's subject), if any. */
function subjectBefore(actors: readonly Actor[], s: string, sentenceStart: number, gates: number, cueStart: number): Actor | null {
  for (let i = actors.length - 1; i >= 0; i--) {
    const a = actors[i]!;
    if (a.end > cueStart || a.consumed) continue;
    return cueStart - a.end <= 160 && !subjectBreakIn(s, gates, a.end - sentenceStart, cueStart - sentenceStart) ? a : null;
  }
  return null;
}

function startsNamedMention(mentions: readonly OfficialMention[], from: number, maxGap: number, text: string): boolean {
  for (const m of mentions) {
    if (m.start < from) continue;
    if (m.start - from > maxGap) return false;
    return isTitleGapIn(text, from, m.start);
  }
  return false;
}

/**
 * Where a reference pattern's scan of the sentence may start: every match holds a gate word of `bit` and
 * opens at most `chunks` space-separated chunks before it ("the two countries' foreign ministers"), so
 * nothing before that many chunks ahead of the first such word can match. Only ASCII spaces separate
 * chunks here: a chunk that holds another space character only reaches further back.
 */
function scanStartBefore(s: string, bit: number, chunks: number): number {
  let k = 0;
  while (k < gateHitCount && !(gateHitBits[k]! & bit)) k++;
  if (k === gateHitCount) return s.length;
  let i = gateHitStart[k]!;
  for (let n = 0; n < chunks && i > 0; n++) {
    while (i > 0 && isAsciiSpace(s.charCodeAt(i - 1))) i--;
    while (i > 0 && !isAsciiSpace(s.charCodeAt(i - 1))) i--;
  }
  return i;
}

const SPACE_CHAR = /\s/;
const SPACE_RUN = /\s+/g;

/** Who "he", "she", "his" at a position mean. */
function pronounReferent(state: DocState, firstMention: OfficialMention | undefined, pos: number): string | null {
  // Inside a sentence, "where she had a meeting" refers to its subject; otherwise the last one named.
  if (firstMention && firstMention.start < pos) return firstMention.entityId;
  // Otherwise the subject of the sentence before ("He will meet ..." after "Mr Okafor's trip is ...").
  return state.previousSubject ?? lastMentionBefore(state.officials, pos)?.entityId ?? null;
}

function resolveActors(state: DocState, sentence: Span, s: string, mentions: readonly OfficialMention[], gates: number): Actor[] {
  const { text, people } = state;
  const actors: Actor[] = [];
  for (const m of mentions) {
    // "X's predecessor travelled to Busan": someone else acts, not X.
    const next = text.charCodeAt(m.end);
    if ((next === 39 || next === 8217) && OTHER_PERSON_OF.test(text.slice(m.end, m.end + 40))) continue;
    actors.push({ ids: [m.entityId], start: m.start, end: m.end, ref: false, consumed: false });
  }
  const firstMention = mentions[0];

  // "he", "she": the gate words gateFlags found, where no other word character touches them (\b).
  if (gates & W_PRONOUN) {
    for (let k = 0; k < gateHitCount; k++) {
      if (!(gateHitBits[k]! & W_PRONOUN)) continue;
      const from = gateHitStart[k]!;
      const to = gateHitEnd[k]!;
      if ((from > 0 && isWordChar(s.charCodeAt(from - 1))) || (to < s.length && isWordChar(s.charCodeAt(to)))) continue;
      const start = sentence.start + from;
      const id = pronounReferent(state, firstMention, start);
      if (id) actors.push({ ids: [id], start, end: sentence.start + to, ref: true, consumed: false });
    }
  }
  if (gates & W_POSSESSIVE && gates & W_POSSESSED_NOUN) {
    POSSESSIVE_BEFORE_CUE.lastIndex = scanStartBefore(s, W_POSSESSIVE, 0);
    for (let m = POSSESSIVE_BEFORE_CUE.exec(s); m; m = POSSESSIVE_BEFORE_CUE.exec(s)) {
      const start = sentence.start + m.index;
      const id = pronounReferent(state, firstMention, start);
      const space = m[0].search(SPACE_CHAR);
      if (id) actors.push({ ids: [id], start, end: start + (space < 0 ? m[0].length : space), ref: true, consumed: false });
    }
  }

  // A pair reference needs both an opener ("the", "both") and a plural noun among the sentence's words.
  PAIR_REF.lastIndex = (gates & W_PAIR_NOUN) && (gates & W_PAIR_OPENER) ? scanStartBefore(s, W_PAIR_NOUN, 4) : s.length;
  for (let m = PAIR_REF.exec(s); m; m = PAIR_REF.exec(s)) {
    const start = sentence.start + m.index;
    const noun = (m[1] ?? 'pair').replace(SPACE_RUN, ' ');
    const ids = resolvePair(state, start, noun);
    if (ids) actors.push({ ids, start, end: start + m[0].length, ref: true, consumed: false });
  }

  // "They met again on Friday": the two of the last event, when "they" opens the sentence's clause
  // and no one else is named before it (other "they" are groups: officials, protesters, troops).
  THEY.lastIndex = 0;
  const they = gates & W_THEY ? THEY.exec(s) : null;
  if (they) {
    const start = sentence.start + they.index + they[0].length - 4;
    const last = state.events[state.events.length - 1];
    if (last && last.ids.length === 2 && !mentions.some((mm) => mm.start < start)) actors.push({ ids: [...last.ids], start, end: start + 4, ref: true, consumed: false });
  }

  // Both title patterns hold a lower-case office noun as a word: a sentence with none skips them.
  const roleNoun = (gates & W_ROLE) !== 0;
  TITLE_REF.lastIndex = roleNoun ? scanStartBefore(s, W_ROLE, 4) : s.length;
  for (let m = TITLE_REF.exec(s); m; m = TITLE_REF.exec(s)) {
    const start = sentence.start + m.index;
    const end = start + m[0].length;
    if (startsNamedMention(mentions, end, 40, text)) continue; // "Japan's Prime Minister Fumio Kishida"
    const country = countryCode(m[1] ?? m[2] ?? '');
    if (!country) continue;
    const noun = (m[3] ?? '').replace(SPACE_RUN, ' ');
    const id = resolveTitle(state, start, country, noun);
    if (id) actors.push({ ids: [id], start, end, ref: true, consumed: false });
  }

  // "the prime minister" with no country: the one official of that office the article has named.
  BARE_TITLE_REF.lastIndex = roleNoun ? scanStartBefore(s, W_ROLE, 4) : s.length;
  for (let m = BARE_TITLE_REF.exec(s); m; m = BARE_TITLE_REF.exec(s)) {
    const start = sentence.start + m.index;
    const end = start + m[0].length;
    if (startsNamedMention(mentions, end, 40, text)) continue;
    const id = resolveBareTitle(state, start, (m[1] ?? '').replace(SPACE_RUN, ' '));
    if (id) actors.push({ ids: [id], start, end, ref: true, consumed: false });
  }

  // "received the visiting minister": the official of that office named before, other than those named here.
  VISITING_REF.lastIndex = gates & W_VISITING ? scanStartBefore(s, W_VISITING, 2) : s.length;
  for (let m = VISITING_REF.exec(s); m; m = VISITING_REF.exec(s)) {
    const start = sentence.start + m.index;
    const end = start + m[0].length;
    if (startsNamedMention(mentions, end, 40, text)) continue; // "the visiting Foreign Minister, Amina Otieno"
    const country = m[1] ? countryCode(m[1]) : null;
    if (m[1] && !country) continue;
    const id = resolveVisitor(state, start, (m[2] ?? '').replace(SPACE_RUN, ' '), mentions, country);
    if (id) actors.push({ ids: [id], start, end, ref: true, consumed: false });
  }

  COUNTERPART_REF.lastIndex = gates & W_COUNTERPART ? scanStartBefore(s, W_COUNTERPART, 3) : s.length;
  for (let m = COUNTERPART_REF.exec(s); m; m = COUNTERPART_REF.exec(s)) {
    const start = sentence.start + m.index;
    const end = start + m[0].length;
    if (startsNamedMention(mentions, end, 40, text)) continue; // "his Japanese counterpart, Yoshimasa Hayashi"
    // The actor ending last before the reference (the first listed among equals, as a stable sort would give).
    let owner: Actor | undefined;
    for (const a of actors) if (a.end <= start && (!owner || a.end > owner.end)) owner = a;
    const ownerId = owner?.ids.length === 1 ? owner.ids[0] : undefined;
    const ownerPerson = ownerId ? people.get(ownerId) : undefined;
    if (!ownerPerson) continue;
    const ids = resolveCounterparts(state, ownerPerson, m[1] ?? null, m[2] === 'counterparts', start);
    if (ids.length) actors.push({ ids, start, end, ref: true, consumed: false });
  }

  // Mentions come in text order; references found after them usually need the sort, a lone list not.
  let sorted = true;
  for (let i = 1; i < actors.length && sorted; i++) {
    const a = actors[i - 1]!;
    const b = actors[i]!;
    sorted = a.start < b.start || (a.start === b.start && a.end >= b.end);
  }
  if (!sorted) actors.sort((a, b) => a.start - b.start || b.end - a.end);
  // Drop references nested in another actor (a pronoun inside a title reference); most sentences have none.
  let nested = false;
  for (let i = 1; i < actors.length && !nested; i++) nested = actors[i]!.start < actors[i - 1]!.end;
  if (!nested) return actors;
  const out: Actor[] = [];
  for (const a of actors) {
    const prev = out[out.length - 1];
    if (prev && a.start < prev.end) continue;
    out.push(a);
  }
  return out;
}

const NO_PEOPLE: readonly Person[] = [];

/** Builds the document's people by country and by role, in the order of \`people\`, on the first call. */
function indexPeople(state: DocState): void {
  if (state.peopleByCountry && state.peopleByRole) return;
  const byCountry = new Map<string, Person[]>();
  const byRole = new Map<RoleClass, Person[]>();
  for (const p of state.people.values()) {
    if (p.country) pushTo(byCountry, p.country, p);
    pushTo(byRole, p.role, p);
  }
  state.peopleByCountry = byCountry;
  state.peopleByRole = byRole;
}

function peopleOfCountry(state: DocState, country: string): readonly Person[] {
  indexPeople(state);
  return state.peopleByCountry!.get(country) ?? NO_PEOPLE;
}

function peopleOfRole(state: DocState, role: RoleClass): readonly Person[] {
  indexPeople(state);
  return state.peopleByRole!.get(role) ?? NO_PEOPLE;
}

/** Index of the person's last mention before a position, or -1. */
function lastPositionBefore(p: Person, pos: number): number {
  let lo = 0;
  let hi = p.positions.length - 1;
  let before = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (p.positions[mid]! < pos) {
      before = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return before;
}

/** Distance from a position to the person's nearest mention, earlier mentions first: later ones rank after all earlier. */
function antecedentDistance(p: Person, pos: number): number {
  const before = lastPositionBefore(p, pos);
  if (before >= 0) return pos - p.positions[before]!;
  const after = p.positions[0];
  return after === undefined ? Infinity : 1e9 + (after - pos);
}

/** Distance from a position to the person's nearest mention on either side. */
function nearestDistance(p: Person, pos: number): number {
  const before = lastPositionBefore(p, pos);
  const a = before >= 0 ? pos - p.positions[before]! : Infinity;
  const next = p.positions[before + 1];
  const b = next === undefined ? Infinity : next - pos;
  return Math.min(a, b);
}

function resolvePair(state: DocState, pos: number, noun: string): string[] | null {
  const fits = (ids: readonly string[]) => ids.every((id) => {
    const p = state.people.get(id);
    return p ? roleNounMatches(noun, p) : false;
  });
  for (let i = state.events.length - 1; i >= Math.max(0, state.events.length - 50); i--) {
    const ev = state.events[i]!;
    if (ev.ids.length === 2 && fits(ev.ids)) return [...ev.ids];
  }
  // No event yet: the last two distinct officials named who fit the noun, those named before first
  // ("the two foreign ministers announced ..." may open the article). The two nearest are kept as a
  // stable sort would rank them: by distance, then in the order of `people`.
  let first: string | null = null;
  let second: string | null = null;
  let firstDistance = Infinity;
  let secondDistance = Infinity;
  for (const p of state.people.values()) {
    if (!roleNounMatches(noun, p)) continue;
    const distance = antecedentDistance(p, pos);
    if (distance === Infinity) continue;
    if (distance < firstDistance) {
      second = first;
      secondDistance = firstDistance;
      first = p.id;
      firstDistance = distance;
    } else if (distance < secondDistance) {
      second = p.id;
      secondDistance = distance;
    }
  }
  return first !== null && second !== null ? [first, second] : null;
}

function resolveTitle(state: DocState, pos: number, country: string, noun: string): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const p of peopleOfCountry(state, country)) {
    if (!roleNounMatches(noun, p)) continue;
    // Earlier mentions are the usual antecedent; a later one only when nothing came before.
    const distance = antecedentDistance(p, pos);
    if (distance < bestDistance) {
      best = p.id;
      bestDistance = distance;
    }
  }
  return best;
}

const DEPUTY_TITLE = /\b(?:vice|deputy|former)\b/;
const ANY_VISITOR_NOUN = /^(?:official|dignitary|guest|delegation)$/i;

/** The only official of an office named before a position, or null when none or several. */
function resolveBareTitle(state: DocState, pos: number, noun: string): string | null {
  const title = noun.toLowerCase();
  let found: string | null = null;
  for (const p of state.people.values()) {
    const t = (p.title ?? '').toLowerCase();
    if (!t.includes(title) || DEPUTY_TITLE.test(t) || antecedentDistance(p, pos) >= 1e9) continue;
    if (found) return null;
    found = p.id;
  }
  return found;
}

/** The nearest official named before who fits the noun and is not named in the sentence itself. */
function resolveVisitor(state: DocState, pos: number, noun: string, mentions: readonly OfficialMention[], country: string | null): string | null {
  const any = ANY_VISITOR_NOUN.test(noun);
  let best: string | null = null;
  // Named before first; "received the visiting Indian prime minister" may name him only after.
  let bestDistance = country ? Infinity : 1e9;
  for (const p of state.people.values()) {
    if (mentions.some((m) => m.entityId === p.id) || (!any && !roleNounMatches(noun, p)) || (country && p.country !== country)) continue;
    const distance = antecedentDistance(p, pos);
    if (distance < bestDistance) {
      best = p.id;
      bestDistance = distance;
    }
  }
  return best;
}

function resolveCounterparts(state: DocState, owner: Person, qualifier: string | null, plural: boolean, pos: number): string[] {
  if (owner.role === 'other') return [];
  const qualCode = qualifier ? countryCode(qualifier) : null;
  if (qualifier && !qualCode) return [];
  const ranked: Array<{ id: string; distance: number }> = [];
  for (const p of peopleOfRole(state, owner.role)) {
    if (p.id === owner.id) continue;
    if (!p.country || p.country === owner.country) continue;
    if (qualCode === EU_CODE ? !isEuMember(p.country) : qualCode !== null && p.country !== qualCode) continue;
    // A counterpart may be named before or after the reference.
    ranked.push({ id: p.id, distance: nearestDistance(p, pos) });
  }
  ranked.sort((a, b) => a.distance - b.distance);
  return plural ? ranked.map((r) => r.id) : ranked.slice(0, 1).map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------
// Dates and places.

const FRAME_BEFORE = /\b(?:during|while\s+on|in\s+the\s+course\s+of)\s+(?:(?:his|her|their|the|a|an)\s+)?(?:[\w-]+\s+){0,3}$/i;
const HOST_VERB = /^(?:host|hosts|hosted|hosting|welcome|welcomes|welcomed|receive|receives|received)$/i;
const HOST_PLACE_BEFORE = /\b([A-Z][\p{L}’'-]+(?:\s[A-Z][\p{L}’'-]+)?)\s+(?:will\s+|would\s+|is\s+to\s+|is\s+set\s+to\s+|has\s+|have\s+|also\s+)*$/u;
const SEPARATELY = /\bseparate(?:ly)?\b/i;
const INVITATION_WORD = /invitation/i;
const INVITATION = /\b(?:at|on)\s+the\s+invitation\s+of\s+/i;
const SAME_DAY = /^(?:the\s+)?(?:same\s+day|same\s+morning|same\s+afternoon|same\s+evening|that\s+day)$/i;
const DATELINE_AFTER = /^,?\s*(?:\d{4}\s*)?(?:\([^)]{1,30}\)|[-–—:])/;
const RELATIVE_CLAUSE = /,\s*(?:who|which|whose|where|that)\b|\b(?:which|whose)\b/i;
// "held talks with X, who is on a state visit, in Beijing on Friday": the clause closed, the date is the talks'.
const CLOSED_RELATIVE = /^[^,;]*,\s*(?:who|which)\b[^,;]*,\s*(?:in|at|on)\b[^,;]*$/i;
const DATE_OTHER_EVENT = /\b(?:after|before|following|ahead\s+of|prior\s+to|since)\b/i;
const DATE_EXCLUDED_BEFORE = /\b(?:since|until|till|before|after|from|by|between)\s+(?:the\s+)?$/i;

const RELATIVE_CLAUSE_OPENING = /^[,;]?\s*(?:who|which|whose|where)\b|\b(?:which|whose)\b/;
const CLAUSE_MARK = /[,;]/;

/** True when a date before the cue sits in a relative clause the cue is not part of. */
function inRelativeClause(text: string, sentenceStart: number, dateStart: number, cueStart: number): boolean {
  // The last comma or semicolon at or before the date, looked for within the sentence only: a
  // lastIndexOf over the whole text runs back to the article's start when the mark is rare.
  let clauseStart = sentenceStart;
  for (let i = Math.min(dateStart, text.length - 1); i > sentenceStart; i--) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 59) {
      clauseStart = i;
      break;
    }
  }
  if (!RELATIVE_CLAUSE_OPENING.test(text.slice(clauseStart, dateStart))) return false;
  return CLAUSE_MARK.test(text.slice(dateStart, cueStart));
}

const FROM_BEFORE = /\bfrom\s+(?:the\s+)?$/i;
const DETERMINER_BEFORE = /\b(?:the|a|its|his|her|their)\s+$/i;
const LOWER_WORD_AFTER = /^\s+[a-z]/;
const AGO_AFTER = /^\s+ago\b/;
const CLAUSE_PUNCTUATION = /[,;:]/;

/** Set by pickDate: a date of the sentence dates another event relative to the cue's ("a day after"). */
let pickDateFoundRelative = false;

/** False when text[i] cannot be the \s a pattern needs there: ASCII other than whitespace (beyond ASCII: maybe). */
const mayBeSpaceAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || c > 127;
};

/** The date of a cue (the mention itself; null when none), and pickDateFoundRelative. */
function pickDate(
  text: string,
  dates: readonly DateMention[],
  sentence: Span,
  cueStart: number,
  /** The sentence's cues that date events of their own; `cue` among them is passed over. */
  datingCues: readonly Cue[],
  cue: Cue,
  travel: boolean,
  /** The sentence's text and gateFlags. */
  s: string,
  gates: number,
): DateMention | null {
  pickDateFoundRelative = false;
  let best: DateMention | null = null;
  let bestDistance = Infinity;
  for (let i = firstDateFrom(dates, sentence.start); i < dates.length && dates[i]!.start < sentence.end; i++) {
    const d = dates[i]!;
    if (d.end > sentence.end) continue;
    // The patterns before a date all end in \s, those after it open with it (or read a dateline's
    // punctuation): the few characters around are cut out only when they may match.
    const beforeFrom = Math.max(sentence.start, d.start - 12);
    const before = beforeFrom < d.start && mayBeSpaceAt(text, d.start - 1) ? text.slice(beforeFrom, d.start) : '';
    // "a state visit from March 3 to 5" starts on March 3; elsewhere "from 2019" is background.
    if (before && DATE_EXCLUDED_BEFORE.test(before) && !(travel && FROM_BEFORE.test(before))) continue;
    const afterTo = Math.min(sentence.end, d.end + 12);
    const atDateline = d.start - sentence.start < 40;
    const after = d.end < afterTo && (atDateline || mayBeSpaceAt(text, d.end)) ? text.slice(d.end, afterTo) : '';
    // A year used as a modifier ("the 2015 nuclear deal") dates the deal, not the meeting.
    if (d.precision === 'year' && before && DETERMINER_BEFORE.test(before) && LOWER_WORD_AFTER.test(after)) continue;
    if (after && AGO_AFTER.test(after) && d.precision !== 'day') continue;
    // "met X on Tuesday, a day after holding talks with Y": Tuesday is not the day of the talks.
    const betweenFrom = d.end <= cueStart ? d.end : cueStart;
    const betweenTo = Math.max(betweenFrom, d.end <= cueStart ? cueStart : d.start);
    const betweenLength = betweenTo - betweenFrom;
    let between: string | null = null;
    if (betweenLength > 12 && sliceMayHold(s, gates, W_DATE_OTHER, betweenFrom - sentence.start, betweenTo - sentence.start) && DATE_OTHER_EVENT.test((between ??= text.slice(betweenFrom, betweenTo)))) {
      pickDateFoundRelative = true;
      continue;
    }
    // A date closer to another cue of the sentence, or inside a relative clause ("..., which
    // established relations in 2019"), dates something else.
    const lo = Math.min(d.start, cueStart);
    const hi = Math.max(d.end, cueStart);
    let nearOtherCue = false;
    for (const c of datingCues) {
      const at = sentence.start + c.start;
      if (c !== cue && at > lo && at < hi) {
        nearOtherCue = true;
        break;
      }
    }
    if (nearOtherCue) {
      pickDateFoundRelative = true;
      continue;
    }
    if (
      d.start > cueStart
        ? sliceMayHold(s, gates, W_RELATIVE_CLAUSE, betweenFrom - sentence.start, betweenTo - sentence.start) &&
          RELATIVE_CLAUSE.test((between ??= text.slice(betweenFrom, betweenTo))) &&
          !CLOSED_RELATIVE.test(between)
        : inRelativeClause(text, sentence.start, d.start, cueStart)
    )
      continue;
    // A bare year dates a meeting only from within its own clause ("met in 2019").
    if (d.precision === 'year' && (betweenLength > 50 || CLAUSE_PUNCTUATION.test((between ??= text.slice(betweenFrom, betweenTo))))) continue;
    let distance = d.end <= cueStart ? cueStart - d.end : d.start - cueStart;
    // A dateline ("BEIJING, April 9 (Reuters) -") dates the report; the sentence's own date wins.
    if (atDateline && after && DATELINE_AFTER.test(after)) distance += 10_000;
    if (distance < bestDistance) {
      best = d;
      bestDistance = distance;
    }
  }
  return best;
}

const PLACE_AFTER =
  /\b(?:in|to|at|visit|visits|visiting|visited|(?:left|leaves|leaving|departed|departs)\s+for)\s+((?:[A-Z][\p{L}’'.-]+)(?:\s+(?:[A-Z][\p{L}’'.-]+)){0,5})/gu;
const PLACE_AFTER_AT = new RegExp(PLACE_AFTER.source, 'uy');
const PLACE_AFTER_BUILDING = /\b(?:House|Palace|Hall|Office|Centre|Center|Hotel|Airport|Building|Residence),\s+([A-Z][\p{L}’'-]+(?:\s+[A-Z][\p{L}’'-]+)?)/gu;
const PLACE_BEFORE_TRIP = /\b([A-Z][\p{L}-]+)\s+(?:trip|visit)\b/gu;
const NOT_PLACE_WORD =
  /^(?:The|A|An|His|Her|Their|Its|This|That|Mr|Mrs|Ms|Dr|President|Prime|Minister|Foreign|Secretary|King|Queen|Chancellor|General|Gen|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Today|Tomorrow|Yesterday|Parliament|Congress|State|Islam|God)$/;
const TOPIC_BEFORE_PLACE =
  /\b(?:situation|war|wars|crisis|conflict|fighting|peace|developments|elections?|violence|security|stability|ceasefire|attacks?|operations?|troops|forces|refugees|investments?|projects?|interests|presence|role|relations|ties|tensions|reconstruction|humanitarian|nuclear|embargo|crackdown|protests?|issues?)\s+(?:\w+\s+)?in\s+$/i;
const INSTITUTION_WORD =
  /\b(?:Ministry|Office|Forum|Conference|Summit|Street|Square|House|Palace|Hall|Agency|Council|Assembly|University|Airport|Hotel|Party|Union|Organi[sz]ation|Nations|Association|Committee|Commission|Parliament|Congress|Senate|Court|Bank|Fund|Group|Community|Programme|Program|Department|Embassy|Centre|Center|Memorial|Festival|Headquarters|Club|Times|Post|News|Radio|Television|Agreement|Treaty|Alliance|Partnership|Initiative)\b/;

/** True when s before `end` ends in "in" (any case) and whitespace, as TOPIC_BEFORE_PLACE needs. */
function endsInInAndSpace(s: string, end: number): boolean {
  let e = end;
  while (e > 0) {
    const c = s.charCodeAt(e - 1);
    if (c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE_UNIT.test(s[e - 1]!))) e--;
    else break;
  }
  return e < end && e >= 2 && (s.charCodeAt(e - 1) | 32) === 110 && (s.charCodeAt(e - 2) | 32) === 105;
}

interface PlaceOfWords {
  name: string;
  city: boolean;
}
// What a run of capitalised words names, whatever its sentence: articles repeat the same few places.
const placeOfWordsCache = new Map<string, PlaceOfWords | null>();

/** The place a capitalised run names (trailing non-place words dropped), or null when it names none. */
function placeOfWords(raw: string): PlaceOfWords | null {
  const cached = placeOfWordsCache.get(raw);
  if (cached !== undefined) return cached;
  const place = readPlaceOfWords(raw);
  if (placeOfWordsCache.size > 5000) placeOfWordsCache.clear();
  placeOfWordsCache.set(detached(raw), place && { name: detached(place.name), city: place.city });
  return place;
}

const POSSESSIVE_END = /[’']s$/;
const STOP_END = /[.,]$/;
const SPACES = /\s+/;
const DIGIT = /\d/;

function readPlaceOfWords(raw: string): PlaceOfWords | null {
  let name = raw.replace(POSSESSIVE_END, '').replace(STOP_END, '');
  const words = name.split(SPACES);
  while (words.length && NOT_PLACE_WORD.test(words[words.length - 1]!)) words.pop();
  if (!words.length || NOT_PLACE_WORD.test(words[0]!)) return null;
  name = words.join(' ');
  // Four capitalised words make an institution ("Jomo Kenyatta International Airport"), not a city.
  if (words.length > 3 || INSTITUTION_WORD.test(name) || DIGIT.test(name)) return null;
  // A demonym ("Egyptian", "Japanese officials") names no place; nor does the EU.
  if (isDemonym(name) || isDemonym(words[0]!) || countryCode(name) === EU_CODE) return null;
  return { name, city: !isCountryName(name) };
}

interface PlaceCandidate {
  name: string;
  pos: number;
  city: boolean;
}
const NO_OFFICIALS: readonly OfficialMention[] = [];
const NO_PLACES: PlaceCandidate[] = [];
let placeSentence = '';
let placeSentenceStart = 0;
let placeOfficials: readonly OfficialMention[] = NO_OFFICIALS;
let placeOut: PlaceCandidate[] = NO_PLACES;

/** A capitalised run at `pos` of the sentence placeCandidates reads, added to its candidates if it names a place. */
function considerPlace(raw: string, pos: number): void {
  const s = placeSentence;
  const place = placeOfWords(raw);
  if (!place) return;
  const { name } = place;
  // "discussed the situation in Syria": the place of a topic, not of the meeting.
  if (endsInInAndSpace(s, pos) && TOPIC_BEFORE_PLACE.test(s.slice(Math.max(0, pos - 40), pos))) return;
  const abs = placeSentenceStart + pos;
  for (const m of placeOfficials) if (abs < m.end && abs + name.length > m.start) return;
  placeOut.push({ name, pos, city: place.city });
}

function placeCandidates(
  text: string,
  sentence: Span,
  officialsInSentence: readonly OfficialMention[],
  gates?: number,
  s: string = text.slice(sentence.start, sentence.end),
): PlaceCandidate[] {
  const out: PlaceCandidate[] = [];
  // What a candidate is weighed against: set once per call, read by considerPlace (no closure per sentence).
  placeSentence = s;
  placeSentenceStart = sentence.start;
  placeOfficials = officialsInSentence;
  placeOut = out;
  try {
    readPlaces(s, gates);
  } finally {
    // Nothing of the sentence stays alive in module state after the call.
    placeSentence = '';
    placeOfficials = NO_OFFICIALS;
    placeOut = NO_PLACES;
  }
  return out;
}

/** The candidates of placeCandidates' sentence, through considerPlace. */
function readPlaces(s: string, gates: number | undefined): void {
  if (gates === undefined) {
    PLACE_AFTER.lastIndex = 0;
    for (let m = PLACE_AFTER.exec(s); m; m = PLACE_AFTER.exec(s)) {
      const raw = m[1] ?? '';
      considerPlace(raw, m.index + m[0].length - raw.length);
    }
  } else if (gates & W_PLACE_OPENER) {
    // Every match opens on one of the opener words gateFlags found: try the pattern there only, in
    // order and past the last match, as the global scan would.
    let scanned = 0;
    for (let k = 0; k < gateHitCount; k++) {
      const at = gateHitStart[k]!;
      if (!(gateHitBits[k]! & W_PLACE_OPENER) || at < scanned || !placeMayFollow(s, gateHitEnd[k]!)) continue;
      PLACE_AFTER_AT.lastIndex = at;
      const m = PLACE_AFTER_AT.exec(s);
      if (!m) continue;
      const raw = m[1] ?? '';
      considerPlace(raw, m.index + m[0].length - raw.length);
      scanned = PLACE_AFTER_AT.lastIndex;
    }
  }
  // "at State House, Nairobi": the city after the building.
  PLACE_AFTER_BUILDING.lastIndex = gates === undefined || gates & W_BUILDING ? 0 : s.length;
  for (let m = PLACE_AFTER_BUILDING.exec(s); m; m = PLACE_AFTER_BUILDING.exec(s)) {
    const raw = m[1] ?? '';
    considerPlace(raw, m.index + m[0].length - raw.length);
  }
  // A match opens on the space before a "trip" or "visit" gateFlags found.
  placesBeforeTrip(s, gates === undefined ? 0 : gates & W_TRIP_WORD ? Math.max(0, scanStartBefore(s, W_TRIP_WORD, 0) - 1) : s.length);
}

/**
 * False when PLACE_AFTER cannot match an opener word ending at `end`: the word must be followed by
 * whitespace, then a capital (or the "for" of "left for"). Characters beyond ASCII are left to the pattern.
 */
function placeMayFollow(s: string, end: number): boolean {
  let i = end;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) return true;
    if (!(c === 32 || (c >= 9 && c <= 13))) break;
  }
  if (i === end || i === s.length) return false;
  const c = s.charCodeAt(i);
  return (c >= 65 && c <= 90) || c === 102;
}

const TRIP_WORD = /\s(?:trip|visit)\b/g;
const isAsciiSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const isWordChar = (c: number) => isLetter(c) || (c >= 48 && c <= 57) || c === 95;

/**
 * The matches of PLACE_BEFORE_TRIP ("her Tokyo trip"), found from the rare trip/visit word back to the
 * capitalised run before it instead of trying the pattern at every capital. Runs of plain ASCII are read
 * here; anything else (non-breaking spaces, accented or astral letters) goes to the pattern itself.
 */
function placesBeforeTrip(s: string, from = 0): void {
  // Pairs of start and end of the runs found.
  const found: number[] = [];
  let fallback = false;
  TRIP_WORD.lastIndex = from;
  for (let m = TRIP_WORD.exec(s); m; m = TRIP_WORD.exec(s)) {
    // The whitespace right before the word; the pattern's \s+ and [\p{L}-]+ are read back over ASCII only.
    let q = m.index;
    if (s.charCodeAt(q) > 127) fallback = true;
    while (q > 0 && isAsciiSpace(s.charCodeAt(q - 1))) q--;
    if (q > 0 && s.charCodeAt(q - 1) > 127) fallback = true;
    let r = q;
    while (r > 0 && (isLetter(s.charCodeAt(r - 1)) || s.charCodeAt(r - 1) === 45)) r--;
    if (r > 0 && s.charCodeAt(r - 1) > 127) fallback = true;
    if (fallback) break;
    // The leftmost capital opening a word (\b) with at least one more run character after it.
    for (let p = r; p < q - 1; p++) {
      const c = s.charCodeAt(p);
      if (c >= 65 && c <= 90 && (p === 0 || !isWordChar(s.charCodeAt(p - 1)))) {
        found.push(p, q);
        break;
      }
    }
  }
  if (fallback) {
    PLACE_BEFORE_TRIP.lastIndex = 0;
    for (let m = PLACE_BEFORE_TRIP.exec(s); m; m = PLACE_BEFORE_TRIP.exec(s)) considerPlace(m[1] ?? '', m.index);
    return;
  }
  for (let k = 0; k < found.length; k += 2) considerPlace(s.slice(found[k]!, found[k + 1]!), found[k]!);
}

/** The place a travel cue names next to it: "visit to Ankara", "arrived in Kyiv", "her Tokyo trip". */
function destinationAt(cands: Array<{ name: string; pos: number; city: boolean }>, cue: Cue): string | null {
  for (const c of cands) {
    if (c.pos >= cue.end - 1 && c.pos <= cue.end + 5) return c.name;
    if (c.pos < cue.start && c.pos + c.name.length >= cue.start - 2) return c.name;
  }
  return null;
}

const RELATIVE_WORD = /\b(?:who|which|whose)\b/;

function pickPlace(s: string, cands: Array<{ name: string; pos: number; city: boolean }>, cuePos: number, gates: number): { name: string; city: boolean } | null {
  let best: { name: string; pos: number; city: boolean } | null = null;
  let bestScore = -Infinity;
  for (const c of cands) {
    // "meet X on Wednesday before returning to Seoul": the place of another movement.
    if (c.pos > cuePos && sliceMayHold(s, gates, W_DATE_OTHER, cuePos, c.pos) && DATE_OTHER_EVENT.test(s.slice(cuePos, c.pos))) continue;
    // A place in a relative clause before the cue ("Modi, who will visit Paris, met Macron") is not
    // its place; one in a fronted clause ("When he was in Tokyo, X told him") is.
    if (c.pos < cuePos && s.slice(c.pos, cuePos).includes(',')) {
      const clauseStart = s.lastIndexOf(',', c.pos) + 1;
      if (RELATIVE_WORD.test(s.slice(clauseStart, c.pos))) continue;
    }
    const score = (c.city ? 1000 : 0) - Math.abs(c.pos - cuePos) / 10 - (c.pos < cuePos ? 5 : 0);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best ? { name: best.name, city: best.city } : null;
}

// ---------------------------------------------------------------------------------------------
// Participants of one cue.

const SAID_AFTER = /^\s+(?:said|says|added|told\s+(?:reporters|journalists|the\s+press))\b/;
const ACCORDING_TO_BEFORE = /according\s+to\s+$/i;
const INFINITIVE_AFTER = /^\s*(?:,\s*)?(?:to|for)\s/;
const BE_BEFORE = /\b(?:is|are|was|were|be|been)\s+$/i;
const REPORT_BREAK = /[,;:"“”]|\bthat\b/;
const AND_LINK = /\band\b|&/;
const COMMA_LINK = /^\s*,\s/;
const CLAUSE_LINK_WORD = /\b(?:who|which|said|says)\b/;
const ADDRESSEE_BREAK = /[,(]|\band\b/;
const COMMA_OPENING = /^,/;

const isApostropheAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c === 39 || c === 8217;
};

/** /^\s*[,;:]/.test(text.slice(from, to)) read in place: \s*, then a comma, semicolon or colon. */
function opensWithMark(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && isRegexSpace(text, i)) i++;
  if (i >= to) return false;
  const c = text.charCodeAt(i);
  return c === 44 || c === 59 || c === 58;
}

/** AFTER_EVENT_GAP and no clause break in text[from, to), at most 60 characters; cut out only when it opens on \s. */
function reportedAfter(text: string, from: number, to: number): boolean {
  if (to - from > 60 || to <= from || !mayBeSpaceAt(text, from)) return false;
  const gap = text.slice(from, to);
  return AFTER_EVENT_GAP.test(gap) && !REPORT_BREAK.test(gap);
}

function cueParticipants(
  state: DocState,
  sentence: Span,
  cue: Cue,
  actors: readonly Actor[],
  /** gateFlags of the sentence. */
  gates: number,
  /** The sentence's text. */
  s: string,
): { ids: string[]; subject: string[] | null; objects: string[][]; unnamedObject?: boolean } | null {
  const { text } = state;
  const cueStart = sentence.start + cue.start;
  const cueEnd = sentence.start + cue.end;

  if (cue.kind === 'noun') {
    // "the meeting", "Friday's meeting", "the two officials discussed": everyone in the sentence
    // except the source of an attribution ("..., the ministry said"; "according to X").
    // Made with its first id (see NO_DRAFTS).
    let ids: string[] | null = null;
    for (const a of actors) {
      // Both patterns open on \s or an apostrophe: the words after are cut out only then.
      if (a.start > cueEnd && a.end < sentence.end && (mayBeSpaceAt(text, a.end) || isApostropheAt(text, a.end))) {
        const after = text.slice(a.end, Math.min(sentence.end, a.end + 14));
        if (SAID_AFTER.test(after)) continue;
        // "discussed X's proposal": X owns the topic, and takes no part.
        if (POSSESSIVE_AFTER.test(after)) continue;
      }
      // "according to" ends in a space right before the actor.
      if (a.start > sentence.start && isSpaceAt(text, a.start - 1) && ACCORDING_TO_BEFORE.test(text.slice(Math.max(sentence.start, a.start - 14), a.start))) continue;
      for (const id of a.ids) {
        if (!ids) ids = [id];
        else if (!ids.includes(id)) ids.push(id);
      }
    }
    return { ids: ids ?? [], subject: null, objects: [], unnamedObject: false };
  }

  // Objects: a chain of actors right after the cue, separated only by titles and conjunctions;
  // or, after a topic, the ones "with" introduces ("discussed the issue with Mr. Okafor").
  const objects: string[][] = [];
  let cursor = cueEnd;
  if (!(cue.flags & CW_ENDS_WITH_PARTNER)) {
    const topic = sliceMayHold(s, gates, W_WITH, cue.end, cue.end + 90) ? WITH_AFTER_TOPIC.exec(s.slice(cue.end, cue.end + 90)) : null;
    let firstAfter: Actor | undefined;
    for (const a of actors) {
      if (a.start >= cueEnd) {
        firstAfter = a;
        break;
      }
    }
    if (topic && firstAfter && firstAfter.start >= cueEnd + topic.index + topic[0].length - 1) {
      const withEnd = cueEnd + topic.index + topic[0].length;
      if (firstAfter.start - withEnd <= 60 && isTitleGapIn(text, withEnd, firstAfter.start)) cursor = withEnd;
    }
  }
  for (const a of actors) {
    if (a.start < cursor) continue;
    // The gap is read where it stands (isTitleGap of its slice).
    // "During the visit, Minister X made ...": a comma right after the cue ends its phrase.
    if (!objects.length && opensWithMark(text, cursor, a.start)) break;
    if (a.start - cursor > (objects.length ? 60 : 90) || !isTitleGapIn(text, cursor, a.start)) break;
    // "welcomed X's decision": X owns the object and is not met.
    if (isApostropheAt(text, a.end) && POSSESSIVE_AFTER.test(text.slice(a.end, a.end + 3))) break;
    objects.push(a.ids);
    a.consumed = true;
    cursor = a.end;
  }

  // "said he would meet him in Alaska": "him" is the last official named before, other than the subject.
  let objectPronoun: string | null = null;
  if (!objects.length && cue.end < s.length && mayBeSpaceAt(s, cue.end) && OBJECT_PRONOUN_AFTER.test(s.slice(cue.end, cue.end + 24))) {
    const subjectIds = subjectBefore(actors, s, sentence.start, gates, cueStart)?.ids ?? [];
    for (let m = lastMentionBefore(state.officials, cueStart); m && m.start >= state.previousSentenceStart; m = lastMentionBefore(state.officials, m.start)) {
      if (!subjectIds.includes(m.entityId)) {
        // A name the recognizer did not take in between ("spoke with Vladimir Putin ... meet him") may be "him".
        if (!unrecognisedNameBetween(text, state.officials, m.end, cueStart)) objectPronoun = m.entityId;
        break;
      }
    }
  }
  // "are expected to meet their Philippine counterparts": the ones met are not named, and the
  // subjects named together are not meeting each other.
  const unnamedObject =
    !objects.length && (cue.flags & CW_TRANSITIVE) !== 0 && cue.end < s.length && mayBeSpaceAt(s, cue.end) && UNNAMED_OBJECT.test(s.slice(cue.end, cue.end + 40));
  if (cue.kind === 'told') {
    // "X told Y" is an event only when the sentence places them together ("when he was in Tokyo",
    // "at the outset of the meeting") or on the phone, and Y follows "told" directly.
    if (!objects.length) return null;
    if (!IN_PERSON.test(s) && !PHONE_MARKER.test(s)) return null;
  }
  // "called X on Tuesday to discuss": a call; "called X a liar", "called X's remarks": not.
  if (cue.flags & CW_CALLED && (!objects.length || !CALL_PURPOSE_AFTER.test(text.slice(cursor, cursor + 60)))) return null;
  // "called on X to resign" urges X; only "called on X" with no infinitive is a call paid on X.
  if (cue.flags & CW_CALL_ON && (!objects.length || INFINITIVE_AFTER.test(text.slice(cursor, cursor + 6)))) return null;
  // "visiting Brazilian President Lula" describes Lula; the visit is his, told by another cue.
  // "is visiting Zelensky in Kyiv" is a visit to him.
  if (cue.type === 'visit' && cue.flags & CW_VISITING && objects.length && !BE_BEFORE.test(s.slice(Math.max(0, cue.start - 20), cue.start))) return null;

  // Subject: the nearest actor before the cue with no clause break in between.
  let subject: string[] | null = null;
  for (let i = actors.length - 1; i >= 0; i--) {
    const a = actors[i]!;
    // The object of an earlier cue ("will meet X, then fly to Tokyo to meet Y") is not this one's subject.
    if (a.end > cueStart || a.consumed) continue;
    // "X told reporters after meeting Y": the one who speaks is the one who met.
    if ((cueStart - a.end <= 160 && !subjectBreakIn(s, gates, a.end - sentence.start, cueStart - sentence.start)) || reportedAfter(text, a.end, cueStart)) {
      subject = [...a.ids];
      // Coordinated subjects: "Lavrov and his Turkish counterpart Hakan Fidan discussed ...".
      // "X, Y and Z met": once an "and" joins the last two, commas join the ones before.
      let head = a;
      let joined = false;
      for (let j = i - 1; j >= 0; j--) {
        const prev = actors[j]!;
        const link = text.slice(prev.end, head.start);
        const linked = AND_LINK.test(link) || (joined && COMMA_LINK.test(link) && !CLAUSE_LINK_WORD.test(link));
        if (!linked || !isTitleGap(link, 60)) break;
        joined = true;
        for (const id of prev.ids) if (!subject.includes(id)) subject.unshift(id);
        head = prev;
      }
    }
    break;
  }
  // "Putin congratulated Pezeshkian in a phone conversation": the one addressed is the other side.
  if (!objects.length && subject && cue.kind === 'with' && IN_A_BEFORE.test(s.slice(Math.max(0, cue.start - 40), cue.start))) {
    const objectIndex = actors.findIndex((a) => a.ids.join() === subject!.join() && a.end <= cueStart);
    const addressee = actors[objectIndex];
    const speaker = actors[objectIndex - 1];
    if (addressee && speaker && !speaker.consumed) {
      const gap = text.slice(speaker.end, addressee.start);
      if (gap.length <= 80 && !subjectBreakIn(s, gates, speaker.end - sentence.start, addressee.start - sentence.start) && !ADDRESSEE_BREAK.test(gap)) {
        objects.push(subject);
        subject = [...speaker.ids];
      }
    }
  }
  // Subject side first, then the people met; "hosted by X", "visit by X" name the host as an object.
  const ids: string[] = [];
  if (subject) for (const id of subject) if (!ids.includes(id)) ids.push(id);
  for (const o of objects) for (const id of o) if (!ids.includes(id)) ids.push(id);
  if (objectPronoun && subject && !ids.includes(objectPronoun)) {
    ids.push(objectPronoun);
    objects.push([objectPronoun]);
  }
  if (!subject && cue.kind !== 'told' && cue.type !== 'visit' && cue.type !== 'trip') {
    // "At a news conference following talks with Mr Novak, Ms Ruiz said": the main-clause subject.
    const lead = s.slice(0, cue.start);
    if (!CLAUSE_MARK.test(lead) || cue.start < s.length / 2) {
      for (const a of actors) {
        if (a.start < cursor) continue;
        const before = text.slice(cursor, a.start);
        // "after talks with Y on Friday, Prime Minister X said": the main clause's subject.
        const comma = before.lastIndexOf(',');
        if (COMMA_OPENING.test(before.trim()) || (comma >= 0 && isTitleGap(before.slice(comma + 1), 60))) {
          for (const id of a.ids) if (!ids.includes(id)) ids.push(id);
        }
        break;
      }
    }
  }
  return { ids, subject, objects, unnamedObject };
}

// ---------------------------------------------------------------------------------------------

const MAX_SENTENCE = 4000;
// A sentence that may put one official in a city: "told reporters in Brussels", "arrived in Kyiv".
const LOCATED_GATE = /\b(?:in|visiting)\s+[A-Z]/;

const PLACE_GIVEN = /\b(?:in|at|to)\s+(?:the\s+)?[A-Z]/;

function findEventsUnsafe(text: string, context: EventContext): EventMention[] {
  if (!text || !context.officials.length) return [];
  const officials = officialsByStart(context.officials);
  const dates = datesByStart(context.dates);
  const people = buildPeople(text, officials);
  const state: DocState = { text, people, peopleByCountry: null, peopleByRole: null, officials, events: [], byPerson: new Map(), previousSubject: null, previousSentenceStart: 0 };
  const fragments: Draft[] = [];
  const sentences = fuseSentences(text, spansByStart(context.sentences));

  const cuesBySentence = findCues(text, sentences);
  // Sentences that may put one official in a city, read only if some event lacks a place: pairs of
  // sentence index and mention index (numbers, no object per sentence).
  const locatedCandidates: number[] = [];
  // One forward pass: the officials of each sentence are the next run of the sorted mentions.
  let next = 0;
  for (let sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex++) {
    const sentence = sentences[sentenceIndex]!;
    state.previousSentenceStart = sentences[sentenceIndex - 1]?.start ?? sentence.start;
    while (next < officials.length && officials[next]!.start < sentence.start) next++;
    let end = next;
    while (end < officials.length && officials[end]!.start < sentence.end) end++;
    const firstHere = next < end ? officials[next]! : undefined;
    let subject = firstHere?.entityId ?? null;
    const count = end - next;
    const from = next;
    next = end;
    try {
      // Beyond a few thousand characters a "sentence" is a run of unpunctuated text, not a report.
      if (sentence.end - sentence.start > MAX_SENTENCE) continue;
      if (count === 1) locatedCandidates.push(sentenceIndex, from);
      const cues = cuesBySentence[sentenceIndex];
      if (!cues?.length) continue;
      const s = text.slice(sentence.start, sentence.end);
      // A sentence naming no official has actors only through a reference word: most such sentences hold none,
      // and one pattern over the sentence spares them the word scan and the reference patterns.
      if (count === 0 && !REFERENCE_WORD.test(s)) continue;
      const mentions = officials.slice(from, end);
      const gates = gateFlags(text, sentence.start, sentence.end);
      const actors = resolveActors(state, sentence, s, mentions, gates);
      if (!actors.length) continue;
      // "the Chilean president met ..." is about the president, though no name is given.
      const first = actors[0]!;
      if (first.ids.length === 1 && (!mentions[0] || first.start < mentions[0].start)) subject = first.ids[0]!;
      analyseSentence(state, sentence, sentenceIndex, s, cues, mentions, actors, dates, fragments, gates);
    } finally {
      if (subject) state.previousSubject = subject;
    }
  }

  // Nothing below makes an event from nothing.
  if (!state.events.length && !fragments.length) return [];

  // A report naming one side only ("During Monday's meeting, Hayashi stressed ...") joins the one
  // event it can belong to.
  const loneTravels: Draft[] = [];
  for (const f of fragments) {
    const candidates = (state.byPerson.get(f.ids[0]!) ?? []).filter(
      (e) =>
        e.ids.includes(f.ids[0]!) &&
        datesCompatible(e.date, f.date) &&
        sameFamilyInSentence(e, f) &&
        // "Trump said he would visit India later this year" is not the meeting just held.
        (typeFamily(e.type) === typeFamily(f.type) || e.scheduled === f.scheduled) &&
        // "Mr Okafor, visiting Lagos" is not his stop in Accra.
        !(e.location && f.location && e.locationIsCity && f.locationIsCity && e.location !== f.location),
    );
    if (candidates.length !== 1) {
      if (!candidates.length) loneTravels.push(f);
      continue;
    }
    const target = candidates[0]!;
    // A one-sided report ("His visit to Japan is the first ...") is too weak to say the event was
    // held, and one of another kind (arriving in a country) does not date or place a meeting.
    const { scheduled, location, locationIsCity, date, dated, firstSentence } = target;
    absorb(target, f, true);
    target.scheduled = scheduled;
    // An undated meeting told right after the arrival ("arrived in Kyiv on Monday. She met X") took place that day.
    const arrivalDates = !dated && date === null && f.date !== null && f.scheduled === scheduled && f.firstSentence === firstSentence - 1;
    if (typeFamily(f.type) !== typeFamily(target.type) && !arrivalDates) Object.assign(target, { date, dated });
    if (location || !f.locationIsCity) Object.assign(target, { location, locationIsCity });
  }

  // A visit or trip by one named official to a named place is news of its own ("Foreign Minister X
  // will visit Ankara in April"), unless the article tells it as background or as the frame of a
  // meeting it reports (then it joined that meeting above, or may belong to one of several).
  for (const f of loneTravels) {
    if ((f.type !== 'visit' && f.type !== 'trip') || !f.destination || f.background || f.subordinate) continue;
    // "Morrison travelled to Tokyo in 2021" in a 2024 report: a past year's trip by one official is background.
    if (f.date && context.documentDate && !f.scheduled) {
      const year = Number(f.date.slice(0, 4));
      const reportYear = Number(context.documentDate.slice(0, 4));
      if (year < reportYear - 1 || (f.date.length === 4 && year < reportYear)) continue;
    }
    const id = f.ids[0]!;
    // "arrived in Tokyo on Monday ... met Tanaka there on Tuesday": the arrival is part of the
    // meeting's trip, days apart though they are.
    const own = (state.byPerson.get(id) ?? []).some(
      (e) =>
        e.scheduled === f.scheduled &&
        (datesCompatible(e.date, f.date) || (e.ids.length >= 2 && daysApart(e.date, f.date) <= 7)) &&
        placesCompatible(e.location, f.destination!),
    );
    if (own) continue;
    const same = state.events.find((e) => e.ids.length === 1 && e.ids[0] === id && e.destination === f.destination && datesCompatible(e.date, f.date));
    if (same) {
      absorb(same, f, true);
      continue;
    }
    f.location = f.destination;
    f.locationIsCity = !isCountryName(f.destination);
    state.events.push(f);
    indexEvent(state, f);
  }

  // Cities the article puts each official in ("Ms Varga told reporters in Vienna"), and where they are going.
  const cities = new Map<string, Set<string>>();
  const plannedCities = new Map<string, Set<string>>();
  // An event with no place of its own happens where the article puts its participants, when that
  // is one city ("scheduled to meet the prime minister later on Monday", during the Tokyo visit).
  if (state.events.some((e) => !e.locationIsCity && e.type !== 'call')) {
    for (let k = 0; k < locatedCandidates.length; k += 2) {
      const sentence = sentences[locatedCandidates[k]!]!;
      const mention = officials[locatedCandidates[k + 1]!]!;
      const s = text.slice(sentence.start, sentence.end);
      if (!LOCATED_GATE.test(s)) continue;
      const city = placeCandidates(text, sentence, [mention]).find((c) => c.city);
      if (city) addCity(cities, mention.entityId, city.name);
    }
  }
  for (const e of [...state.events, ...fragments]) {
    // An earlier meeting ("last met in Tokyo in November") does not say where they are now.
    if (!e.location || !e.locationIsCity || e.type === 'call' || e.background) continue;
    for (const id of e.ids) addCity(e.scheduled ? plannedCities : cities, id, e.location);
  }
  for (const e of state.events) {
    if (e.type === 'call' || (e.location && e.locationIsCity)) continue;
    const citiesOfEvent = new Set<string>();
    // A planned meeting happens where its people are now; a held one not where they will go next.
    for (const id of e.ids) {
      for (const c of cities.get(id) ?? []) citiesOfEvent.add(c);
      if (e.scheduled) for (const c of plannedCities.get(id) ?? []) citiesOfEvent.add(c);
    }
    if (citiesOfEvent.size === 1) {
      e.location = [...citiesOfEvent][0]!;
      e.locationIsCity = true;
    }
  }

  // A report datelined "CAIRO (Reuters) -" tells of meetings in Cairo unless it names another place.
  // Read only when some event still lacks a place.
  const dateline = state.events.some((e) => !e.location && e.type !== 'call') ? datelinePlace(text) : null;
  if (dateline) {
    for (const e of state.events) {
      if (e.location || e.type === 'call') continue;
      // "met Trump at the White House": a place the copy gives, though not a city, is not the dateline's.
      if (e.sources.some((src) => PLACE_GIVEN.test(src.text))) continue;
      e.location = dateline;
    }
  }

  const documentDate = context.documentDate;
  return state.events.map((e) => {
    let date = e.date;
    // A report of the day's meeting (a dated press release) gives the meeting no other date.
    // Only when no date of its sentences dates it, even relatively ("Tuesday, a day after the talks").
    if (!e.dated && date === null && documentDate && !e.scheduled && e.firstSentence < 6) {
      date = documentDate;
    }
    const names = e.ids.map((id) => state.people.get(id)?.name ?? id);
    // Sorting allocates even a sorted list; most events are told in text order already.
    if (!sourcesInOrder(e.sources)) e.sources.sort((a, b) => a.start - b.start);
    return {
      type: e.type,
      date,
      // A location is a city; a country alone ("talks in India") says no more than null.
      location: e.location && isCountryName(e.location) ? null : e.location,
      participants: names,
      participantEntityIds: [...e.ids],
      scheduled: e.scheduled,
      sources: e.sources,
    };
  });
}

const PAIR_DASH = /^[-–/]$/;
const COMMA_AHEAD = /^[^,;.]*,/;
const DAY_OR_WEEK = /^\d{4}-(?:\d{2}-\d{2}|W\d{2})$/;
const WENT_BEFORE = /\b(?:went|came|flew|travel(?:l)?ed|arrived)\b/;
const RELATIVE_CLAUSE_LEAD = /,\s*(?:who|which|where)\b[^,]*$/;

const isSigning = (c: Cue) => (c.flags & CW_SIGNING) !== 0;

/** The cues of a sentence that date an event of their own (see analyseSentence): `cues` itself when all do. */
function datingCuesOf(cues: readonly Cue[], s: string, gates: number): readonly Cue[] {
  let out: Cue[] | null = null;
  for (let k = 0; k < cues.length; k++) {
    const c = cues[k]!;
    const dating =
      c.kind !== 'noun' &&
      !((c.type === 'visit' || c.type === 'trip') && sliceMayHold(s, gates, W_FRAME, c.start - 120, c.start) && hasFrameBefore(s.slice(Math.max(0, c.start - 120), c.start))) &&
      !(sliceMayHold(s, gates, W_RELATIVE, c.start - 80, c.start) && RELATIVE_LEAD.test(s.slice(Math.max(0, c.start - 80), c.start)) && COMMA_AHEAD.test(s.slice(c.end, c.end + 80)));
    if (out) {
      if (dating) out.push(c);
    } else if (!dating) out = cues.slice(0, k);
  }
  return out ?? cues;
}

/**
 * The first draft of the sentence, before index `siblingsFrom` (those after are the current cue's own),
 * that a new draft with these ids joins: same family, sharing a participant (two when both have two).
 */
// Never pushed to: analyseSentence replaces it with a list of its own on its first draft.
const NO_DRAFTS: Draft[] = [];

function sameOccasionDraft(drafts: readonly Draft[], siblingsFrom: number, draft: Draft): Draft | undefined {
  const { ids } = draft;
  for (let k = 0; k < siblingsFrom; k++) {
    const d = drafts[k]!;
    if (!sameFamilyInSentence(d, draft)) continue;
    const shared = sharedCount(d.ids, ids);
    if (shared > 0 && shared >= Math.min(2, d.ids.length, ids.length)) return d;
  }
  return undefined;
}

/** True when two actors of the sentence are named together ("Reyes and Okafor", "the two ministers"). */
function namedTogether(text: string, actors: readonly Actor[]): boolean {
  for (let i = 0; i < actors.length; i++) {
    const a = actors[i]!;
    if (a.ref && a.ids.length >= 2) return true;
    const next = actors[i + 1];
    if (!next) return false;
    const link = text.slice(a.end, next.start);
    // "Reyes and Okafor", "the Reyes-Okafor summit".
    if ((AND_LINK.test(link) && isTitleGap(link, 60)) || PAIR_DASH.test(link)) return true;
  }
  return false;
}

function sourcesInOrder(sources: readonly TextSpan[]): boolean {
  for (let i = 1; i < sources.length; i++) if (sources[i]!.start < sources[i - 1]!.start) return false;
  return true;
}

function analyseSentence(
  state: DocState,
  sentence: Span,
  sentenceIndex: number,
  s: string,
  cues: readonly Cue[],
  mentions: readonly OfficialMention[],
  actors: readonly Actor[],
  dates: readonly DateMention[],
  fragments: Draft[],
  /** gateFlags of the sentence. */
  gates: number,
): void {
  const { text } = state;
  // The participants of each cue, in the order of `cues` (loops rather than closures: this runs per sentence).
  const partsOf: Array<ReturnType<typeof cueParticipants>> = [];
  let anyParts = false;
  let hasNoun = false;
  let hasVerbEvent = false;
  let otherCueThanSigning = false;
  for (const cue of cues) {
    const parts = cueParticipants(state, sentence, cue, actors, gates, s);
    partsOf.push(parts);
    const named = parts !== null ? parts.ids.length : 0;
    if (named) anyParts = true;
    if (cue.kind === 'noun') hasNoun = true;
    // A sentence with a verb cue ("He will meet X to discuss ... the talks on North Korea") is about
    // that event; its bare nouns name other things.
    if (cue.kind !== 'noun' && named >= 2 && !isSigning(cue)) hasVerbEvent = true;
    // "signed a statement after talks in Moscow": the talks tell the event; signing only when nothing else does.
    if (!isSigning(cue) && named > 0) otherCueThanSigning = true;
  }
  // Most cue words name no participants ("the meeting was constructive"): stop before the costly reads.
  if (!anyParts) return;
  const source: TextSpan = { start: sentence.start, end: sentence.end, text: s };

  // One draft per cue; drafts of one sentence sharing a participant are one occasion
  // ("conducted a visit to Jerusalem, meeting with ...").
  // Made with its first draft (an empty array grows to seventeen slots on its first push).
  let drafts: Draft[] = NO_DRAFTS;
  const byPhone = (gates & W_PHONE) !== 0 && (s.includes('phone') || s.includes('video')) && PHONE_MARKER.test(s);
  // "Putin and Xi signed a statement after talks", "the two ministers' meeting": a bare noun names
  // its participants only when they are named together.
  const jointlyNamed = hasNoun && namedTogether(text, actors);
  // Cues that date an event of their own (a frame "during his visit" lends its date instead); read once per sentence.
  // A cue inside a closed relative clause (", who is on a state visit to China, in Beijing on Friday") dates nothing outside it.
  let datingCues: readonly Cue[] | undefined;
  // Read once per sentence, and only if some cue gets that far.
  let places: ReturnType<typeof placeCandidates> | undefined;
  let separately: boolean | undefined;
  for (let k = 0; k < cues.length; k++) {
    const cue = cues[k]!;
    const parts = partsOf[k];
    if (!parts || !parts.ids.length) continue;
    if (hasVerbEvent && cue.kind === 'noun') continue;
    // "X signed a decree" alone is no meeting: signing is one only with a co-signatory.
    if (isSigning(cue) && (parts.ids.length < 2 || otherCueThanSigning)) continue;
    const lead = s.slice(0, cue.start);
    // End-anchored patterns read only the words before the cue: run over a whole sentence they are slow.
    const leadTail = lead.slice(-120);
    const travel = cue.type === 'visit' || cue.type === 'trip';
    // "refused to meet", "will not visit", "cancelled talks": no event.
    if ((sliceMayHold(s, gates, W_NEGATION, cue.start - 40, cue.start) || hasApostrophe(s, cue.start - 40, cue.start)) && NEGATION_BEFORE.test(lead.slice(-40))) continue;
    // "the meeting with X was cancelled", "her visit to Kyiv, planned for May, was postponed": no event either.
    if (sliceMayHold(s, gates, W_CANCEL, cue.end, cue.end + 120)) {
      const after = s.slice(cue.end, cue.end + 120);
      if (CANCEL_WORD.test(after) && (CANCELLED_AFTER.test(after) || ((cue.type === 'visit' || cue.type === 'trip') && TRAVEL_CANCELLED_AFTER.test(after)))) continue;
    }
    // "requested that his counterpart visit Tehran", "invited her to hold talks": a proposal.
    if (sliceMayHold(s, gates, W_PROPOSAL, cue.start - 80, cue.start) && PROPOSAL_BEFORE.test(lead.slice(-80)) && !(cue.flags & CW_HELD)) continue;
    // Dates, then places, are read only for cues the tests above kept.
    const cueAbs = sentence.start + cue.start;
    datingCues ??= datingCuesOf(cues, s, gates);
    const picked = pickDate(text, dates, sentence, cueAbs, datingCues, cue, cue.type === 'visit' || cue.type === 'trip', s, gates);
    // A date dating another event relative to this one ("a day after") leaves this one undated.
    const foundRelative = pickDateFoundRelative;
    // "On the same day, X paid a courtesy call on Y": the day of the event told just before.
    const date =
      picked && picked.value === null && SAME_DAY.test(picked.text) && state.events.length
        ? { value: state.events[state.events.length - 1]!.date, text: picked.text }
        : picked;
    // "the two sides last met in New Delhi": background, news only with a date of its own.
    const earlierMeeting = !travel && mayEndInBackgroundWord(leadTail) && BACKGROUND_MEETING_WORD.test(leadTail) && BACKGROUND_MEETING_BEFORE.test(leadTail);
    if (earlierMeeting && !date) continue;
    // "agreed to hold a summit in Tokyo this year": a plan, an event only once given a day ("agreed to meet on Monday").
    if (sliceMayHold(s, gates, W_AGREEMENT, cue.start - 80, cue.start) && AGREEMENT_WORD.test(lead.slice(-80)) && AGREEMENT_BEFORE.test(lead.slice(-80)) && !(cue.flags & CW_HELD) && !(date?.value && DAY_OR_WEEK.test(date.value))) continue;
    places ??= placeCandidates(text, sentence, mentions, gates, s);
    const place = pickPlace(s, places, cue.start, gates);
    // Planned: a future marker in the cue's own clause ("Modi, who will visit Paris, met Macron" is held).
    const clauseLead = lead.slice(Math.max(lead.lastIndexOf(','), lead.length - 60) + 1);
    const scheduled =
      (cue.flags & CW_EXPECTED) !== 0 ||
      (sliceMayHold(s, gates, W_FUTURE_MARKER, cue.start - clauseLead.length, cue.start) && FUTURE_MARKER.test(clauseLead)) ||
      (sliceMayHold(s, gates, W_FUTURE_TIME, cue.end, cue.end + 80) && hasFutureTimeAfter(s.slice(cue.end, cue.end + 80))) ||
      (endsWithWordAndSpace(leadTail, 'to') && !WENT_BEFORE.test(lead.slice(-60)));
    // "a final meeting between X and Y" stays a meeting beside a phone call to someone else.
    const isCall =
      cue.type === 'call' ||
      (byPhone && (cue.type === 'meeting' || cue.type === 'talks') && !(cue.flags & CW_MEETING_OR_SUMMIT));
    // "a visit to Yerevan, during which MEPs are due to meet President X": the visitors meet X.
    if (!travel && !parts.subject && sliceMayHold(s, gates, W_RELATIVE, cue.start - 120, cue.start) && TRIP_CLAUSE_BEFORE.test(leadTail)) {
      let trip: Draft | undefined;
      for (const d of drafts) {
        if (typeFamily(d.type) === 'travel') {
          trip = d;
          break;
        }
      }
      if (trip) parts.ids = [...trip.ids, ...parts.ids.filter((id) => !trip.ids.includes(id))];
    }
    separately ??= (gates & W_SEPARATELY) !== 0 && SEPARATELY.test(s);
    const groupsToSplit = splitBilateral(state, cue, parts, separately);
    // "Japan will host Vietnamese President X next month": a country or capital hosting one official
    // is that official's visit there.
    const hostPlace = !parts.subject && parts.ids.length === 1 && cue.flags & CW_HOST ? HOST_PLACE_BEFORE.exec(leadTail)?.[1] : undefined;
    const hostedVisit = hostPlace && (isCountryName(hostPlace) || capitalOf(hostPlace)) ? hostPlace : null;
    // The drafts of this cue are pushed from here on (a cue's groups do not join each other).
    const siblingsFrom = drafts.length;
    for (const ids of groupsToSplit) {
      const draft: Draft = {
        type: hostedVisit ? 'visit' : isCall ? 'call' : cue.type,
        ids,
        date: date ? date.value : null,
        dated: date !== null || foundRelative,
        // A call joins people in different places.
        location: isCall ? null : place?.name ?? null,
        locationIsCity: !isCall && (place?.city ?? false),
        scheduled,
        sources: [source],
        firstSentence: sentenceIndex,
        weak: (cue.kind === 'noun' && !jointlyNamed) || parts.unnamedObject === true,
        subordinate: sliceMayHold(s, gates, W_RELATIVE, cue.start - 120, cue.start) && RELATIVE_CLAUSE_LEAD.test(leadTail),
        frame: travel && sliceMayHold(s, gates, W_FRAME, cue.start - 120, cue.start) && hasFrameBefore(leadTail),
        destination: hostedVisit ?? (travel ? destinationAt(places, cue) : null),
        background: travel ? backgroundTravelMayMatch(leadTail) && BACKGROUND_TRAVEL.test(leadTail) : earlierMeeting,
        seenMark: 0,
      };
      // A visitor alone joins the meeting of the same sentence; two meetings with different people stay apart.
      const same = sameOccasionDraft(drafts, siblingsFrom, draft);
      if (same && groupsToSplit.length === 1) absorb(same, draft, false);
      else if (drafts === NO_DRAFTS) drafts = [draft];
      else drafts.push(draft);
    }
  }
  // "will pay a state visit to Japan at the invitation of Prime Minister X": X hosts the visit.
  const invitation = gates & W_INVITATION && INVITATION_WORD.test(s) ? INVITATION.exec(s) : null;
  if (invitation) {
    const from = sentence.start + invitation.index + invitation[0].length;
    const host = actors.find((a) => a.start >= from && isTitleGap(text.slice(from, a.start), 60));
    const visit = drafts.find((d) => d.type === 'visit' || d.type === 'trip');
    if (host && visit) for (const id of host.ids) if (!visit.ids.includes(id)) visit.ids.push(id);
  }
  for (const d of drafts) {
    if (d.ids.length < 2) {
      fragments.push(d);
      continue;
    }
    const target = findTarget(state, d);
    if (target) absorb(target, d, true);
    else if (d.weak) continue; // "Trump, speaking at a cabinet meeting, criticised Powell"
    else state.events.push(d);
    indexEvent(state, target ?? d);
  }
}

const MAX_CUES = 24;

/** Index of the first date starting at or after a position (dates sorted by start). */
function firstDateFrom(dates: readonly DateMention[], pos: number): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// "BEIJING (Reuters) -", "RIYADH:", "Geneva, 15 December 2023(TDI):", "NEW DELHI, Feb 14 (Reuters) -",
// "MOSCOW, June 5. /TASS/.": a place opening one of the first lines, then a date, an agency, a dash or colon.
const DATELINE =
  /^[ \t]*([A-Z][A-Za-z’'.-]+(?:[ ][A-Z][A-Za-z’'.-]+){0,2})[ \t]*(?:,[^\n(:—–]{1,40}?)?[ \t]*(?:\([^)\n]{1,30}\)|\/[A-Za-z]{2,12}\/\.?)?[ \t]*(?:[—–:-]|\s--)[ \t]/gm;

function datelinePlace(text: string): string | null {
  const head = text.slice(0, 600);
  DATELINE.lastIndex = 0;
  for (let m = DATELINE.exec(head); m; m = DATELINE.exec(head)) {
    const raw = m[1] ?? '';
    // All-capitals datelines read as names: "NEW DELHI" is New Delhi.
    const name = raw === raw.toUpperCase() ? raw.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase()) : raw;
    const words = name.split(' ');
    if (words.some((w) => NOT_PLACE_WORD.test(w)) || INSTITUTION_WORD.test(name) || isDemonym(name) || isDemonym(words[0]!)) continue;
    if (countryCode(name) === EU_CODE || /^(?:By|Updated|Published|Posted|Photo|Home|News|Reporting|Editing|Source)$/i.test(words[0]!)) continue;
    return name;
  }
  return null;
}

/** A meeting place and a visit's destination can be one trip: unknown, equal, or a capital in the country. */
function placesCompatible(location: string | null, destination: string): boolean {
  if (!location || location === destination) return true;
  const lc = countryCode(location);
  const dc = countryCode(destination);
  if (isCountryName(location) && isCountryName(destination)) return lc === dc;
  if (isCountryName(destination)) return capitalOf(location) === null || capitalOf(location) === dc;
  if (isCountryName(location)) return capitalOf(destination) === null || capitalOf(destination) === lc;
  return false;
}

/** Days between two ISO days; Infinity unless both are days. */
function daysApart(a: string | null, b: string | null): number {
  if (!a || !b || !DAY_VALUE.test(a) || !DAY_VALUE.test(b)) return Infinity;
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}
const DAY_VALUE = /^\d{4}-\d{2}-\d{2}$/;

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function addCity(cities: Map<string, Set<string>>, id: string, city: string): void {
  const set = cities.get(id);
  if (set) set.add(city);
  else cities.set(id, new Set([city]));
}

// Cue rules are tried only where a cue word stands (one cheap scan of the article finds them) and at
// the few words that may open a rule before it ("held talks", "a state visit", "is meeting").
// Case-sensitive with the first letter spelled out: several times faster than the same list under /i.
// One branch per first letter (the words of a letter in their listed order), so a position is rejected
// on its first character rather than tried against every word (~10% faster than a flat list).
const CUE_TRIGGER =
  /\b(?:[Mm]e(?:t|et)|[Tt](?:alk|elephone|rip|ravel|old|our)|[Dd](?:iscuss|ined|elegations? to|epart(?:s|ed)? for)|[Nn]egotiation|[Cc](?:on(?:sultation|versation|fer)|ourtesy|all(?:s|ed|ing)? on|alls? with|alled)|[Ss](?:ummit|at down|hook hands|poke|ign(?:ed|s)|eal(?:ed|s))|[Ll](?:unched|and(?:s|ed|ing)? (?:in|at)|(?:eft|eaves?|eaving) for)|[Ee]x(?:changed|pected in)|[Hh](?:ost|ead(?:s|ed|ing)? to)|[Rr]eceiv|[Ww]elcom|[Gg]reet|[Pp]hone|[Ii]nk(?:ed|s)|[Vv](?:ideo|isit)|[Aa]rriv|[Ff](?:l(?:y|ies) to|lew))/g;
const ATTRIBUTE_BEFORE = /\b(?:the|his|her|their|a)\s+$/i;
// Words that open a rule before its cue word; only these are tried as starts (no rule opens on "also").
const RULE_OPENERS = ['held', 'hold', 'holds', 'holding', 'had', 'has', 'have', 'having', 'paid', 'pays', 'pay', 'paying', 'is', 'are', 'was', 'were', 'been', 'be', 'state', 'official', 'working', 'joint', 'news', 'press'];
// The openers by the folded hash of their letters (see foldedHash): a word is looked up, never matched by a regex.
const RULE_OPENERS_BY_HASH = new Map<number, string[]>();
for (const w of RULE_OPENERS) RULE_OPENERS_BY_HASH.set(foldedHash(w), [...(RULE_OPENERS_BY_HASH.get(foldedHash(w)) ?? []), w]);
const RULE_OPENER_MAX_LENGTH = Math.max(...RULE_OPENERS.map((w) => w.length));
// The letters openers start with (lower case): most words walked over fail on their first letter.
const RULE_OPENER_FIRST = new Uint8Array(128);
for (const w of RULE_OPENERS) RULE_OPENER_FIRST[w.charCodeAt(0)] = 1;
/** True when the letters text[start, end) are an opener, in any case. */
function isRuleOpener(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length < 2 || length > RULE_OPENER_MAX_LENGTH || !RULE_OPENER_FIRST[text.charCodeAt(start) | 32]) return false;
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + (text.charCodeAt(i) | 32)) | 0;
  const words = RULE_OPENERS_BY_HASH.get(h);
  if (words === undefined) return false;
  for (const w of words) if (w.length === length && foldedEquals(text, start, w)) return true;
  return false;
}
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
// Between words of one phrase: spaces, hyphens, apostrophes, periods of "U.S." ("held a Japan-U.S. meeting").
// Quotation marks too: 'had a "productive" call with'.
const isGap = (c: number) => c === 32 || c === 45 || c === 39 || c === 8217 || c === 46 || c === 34 || c === 8220 || c === 8221;

// The rules a word may open, in listed order, each as a sticky pattern tried at the word: the first that
// matches is the rule (as the first matching branch of one alternation of them would be), and a test
// builds no match object. Keyed by the folded hash of the word (see foldedHash), checked by its letters.
interface RulesOfWord {
  word: string;
  rules: CueRule[];
  /** The rules' patterns, sticky and in any case, in the order of `rules`. */
  sticky: RegExp[];
}
const RULES_BY_WORD_HASH = new Map<number, RulesOfWord[]>();
{
  const stickyOf = new Map<CueRule, RegExp>(CUE_RULES.map((r) => [r, new RegExp(r.re.source, 'iy')]));
  const rulesByWord = new Map<string, CueRule[]>();
  for (const rule of CUE_RULES) for (const word of rule.opens.split(' ')) rulesByWord.set(word, [...(rulesByWord.get(word) ?? []), rule]);
  for (const [word, rules] of rulesByWord) {
    const h = foldedHash(word);
    RULES_BY_WORD_HASH.set(h, [...(RULES_BY_WORD_HASH.get(h) ?? []), { word, rules, sticky: rules.map((r) => stickyOf.get(r)!) }]);
  }
}

// The second words of CUE_TRIGGER's two-word forms ("called on", "delegation to", "sat down"), as written there.
// None is a match of its own, nor what a one-word match ends with.
const TRIGGER_SECOND_WORDS = ['to', 'for', 'on', 'with', 'down', 'hands', 'in', 'at'];

/**
 * Where the CUE_TRIGGER match ending at `end` starts: its letters run back to a word start (\b), or, when
 * they are the second word of a two-word form, the letters before the one space ahead of them do.
 */
function triggerStartBefore(text: string, end: number): number {
  let start = end;
  while (start > 0 && isLetter(text.charCodeAt(start - 1))) start--;
  if (start > 1 && text.charCodeAt(start - 1) === 32) {
    for (const w of TRIGGER_SECOND_WORDS) {
      if (w.length === end - start && text.startsWith(w, start)) {
        start--;
        while (start > 0 && isLetter(text.charCodeAt(start - 1))) start--;
        break;
      }
    }
  }
  return start;
}

// Where the match ruleAt found ends, read right after the call (no result object per candidate).
let ruleAtEnd = 0;

/** The rule matching at a position, first listed first (its end in ruleAtEnd); null when none does. */
function ruleAt(text: string, pos: number): CueRule | null {
  // Every rule opens on a word boundary (\b, or a lookbehind ending in a space) with one of its words.
  if (pos > 0 && isWordChar(text.charCodeAt(pos - 1))) return null;
  let h = 0;
  let end = pos;
  for (; end < text.length; end++) {
    const c = text.charCodeAt(end);
    if (((c | 32) - 97) >>> 0 <= 25) h = (Math.imul(h, 31) + (c | 32)) | 0;
    else if ((c >= 48 && c <= 57) || c === 95) return null; // a word with a digit or _ is none of the words
    else break;
  }
  const length = end - pos;
  const entries = RULES_BY_WORD_HASH.get(h);
  if (entries === undefined) return null;
  let entry: RulesOfWord | undefined;
  for (const e of entries) if (e.word.length === length && foldedEquals(text, pos, e.word)) entry = e;
  if (!entry) return null;
  const { rules, sticky } = entry;
  for (let k = 0; k < rules.length; k++) {
    const mayMatch = rules[k]!.mayMatch;
    if (mayMatch !== undefined && !mayMatch(text, pos, end)) continue;
    const re = sticky[k]!;
    re.lastIndex = pos;
    if (re.test(text)) {
      ruleAtEnd = re.lastIndex;
      return rules[k]!;
    }
  }
  return null;
}

// The candidate starts of findCues, in a buffer kept across articles (numbers only: no text stays alive).
let cueStarts = new Int32Array(1024);
let cueStartCount = 0;
function pushCueStart(pos: number): void {
  if (cueStartCount === cueStarts.length) cueStarts = grownInt32(cueStarts);
  cueStarts[cueStartCount++] = pos;
}

/** The cues of every sentence, offsets relative to the sentence (sentences sorted, non-overlapping). */
function findCues(text: string, sentences: readonly Span[]): Array<Cue[] | undefined> {
  // Candidate starts: each cue word, and up to six opener words before it.
  cueStartCount = 0;
  // test() rather than exec(): no match object per trigger. The match's start is read back from its end.
  for (CUE_TRIGGER.lastIndex = 0; CUE_TRIGGER.test(text); ) {
    const triggerStart = triggerStartBefore(text, CUE_TRIGGER.lastIndex);
    pushCueStart(triggerStart);
    // Walk back word by word (letters only; stop at punctuation that ends a phrase).
    let cursor = triggerStart;
    for (let back = 0; back < 6; back++) {
      let end = cursor;
      while (end > 0 && isGap(text.charCodeAt(end - 1))) end--;
      let start = end;
      while (start > 0 && isLetter(text.charCodeAt(start - 1))) start--;
      if (start === end) break;
      // Openers are short words; a long one ("productive") is walked over.
      if (isRuleOpener(text, start, end)) pushCueStart(start);
      cursor = start;
    }
  }
  // A typed array sorts numbers natively, with no comparison callback.
  const sortedStarts = cueStarts.subarray(0, cueStartCount).sort();
  // Indexed by sentence: holes where a sentence has no cue.
  const bySentence: Array<Cue[] | undefined> = new Array(sentences.length);
  let taken = -1;
  let toldSentence = -1;
  let toldCompanions = false;
  for (let i = 0; i < sortedStarts.length; i++) {
    const pos = sortedStarts[i]!;
    if (pos < taken || pos === sortedStarts[i - 1]) continue;
    const rule = ruleAt(text, pos);
    if (!rule) continue;
    const foundEnd = ruleAtEnd;
    const k = sentenceAt(sentences, pos);
    const sentence = sentences[k];
    if (!sentence || foundEnd > sentence.end) continue;
    taken = foundEnd;
    const list = bySentence[k];
    // A real sentence has a handful of cues; the cap keeps odd input linear.
    if (list && list.length >= MAX_CUES) continue;
    // "Visiting Iranian President X" is an attribute of X, not a separate visit.
    if (text.startsWith('Visiting', pos) && pos === sentence.start + leadingOffset(text.slice(sentence.start, pos + 1))) continue;
    // "received the visiting minister": an attribute too.
    if ((text.startsWith('visiting', pos) || text.startsWith('Visiting', pos)) && ATTRIBUTE_BEFORE.test(text.slice(Math.max(sentence.start, pos - 8), pos))) continue;
    if (rule.kind === 'told') {
      // One read of the sentence serves all its "told" words.
      if (toldSentence !== k) {
        toldSentence = k;
        toldCompanions = TOLD_COMPANIONS.test(text.slice(sentence.start, sentence.end));
      }
      if (!toldCompanions) continue;
    }
    const word = text.slice(pos, foundEnd);
    const cue: Cue = { type: rule.type, start: pos - sentence.start, end: foundEnd - sentence.start, kind: rule.kind, word, flags: cueWordFlags(word) };
    // A list made with its first cue holds one slot; an empty one grows to seventeen on its first push.
    if (list) list.push(cue);
    else bySentence[k] = [cue];
  }
  return bySentence;
}

// The tests that read only a cue's words, run once per distinct wording ("held talks with" recurs) rather than per cue.
const CW_SIGNING = 1;
const CW_HELD = 2;
const CW_EXPECTED = 4;
const CW_MEETING_OR_SUMMIT = 8;
const CW_HOST = 16;
const CW_ENDS_WITH_PARTNER = 32;
const CW_TRANSITIVE = 64;
const CW_CALLED = 128;
const CW_CALL_ON = 256;
const CW_VISITING = 512;
const EXPECTED_WORD = /expected/i;
const MEETING_OR_SUMMIT_WORD = /meeting|summit/i;
const ENDS_WITH_PARTNER = /\s(?:with|between|by)$/i;
const CALLED_WORD = /^called$/i;
const CALL_ON_WORDS = /^call\w*\s+on$/i;
const VISITING_WORD = /^visiting$/i;
const cueWordFlagsCache = new Map<string, number>();

function cueWordFlags(word: string): number {
  const cached = cueWordFlagsCache.get(word);
  if (cached !== undefined) return cached;
  const flags =
    (SIGNING_CUE.test(word) ? CW_SIGNING : 0) |
    (HELD_FORM.test(word) ? CW_HELD : 0) |
    (EXPECTED_WORD.test(word) ? CW_EXPECTED : 0) |
    (MEETING_OR_SUMMIT_WORD.test(word) ? CW_MEETING_OR_SUMMIT : 0) |
    (HOST_VERB.test(word) ? CW_HOST : 0) |
    (ENDS_WITH_PARTNER.test(word) ? CW_ENDS_WITH_PARTNER : 0) |
    (TRANSITIVE_CUE.test(word) ? CW_TRANSITIVE : 0) |
    (CALLED_WORD.test(word) ? CW_CALLED : 0) |
    (CALL_ON_WORDS.test(word) ? CW_CALL_ON : 0) |
    (VISITING_WORD.test(word) ? CW_VISITING : 0);
  if (cueWordFlagsCache.size > 2000) cueWordFlagsCache.clear();
  cueWordFlagsCache.set(detached(word), flags);
  return flags;
}

const LEADING_NON_WORD = /^[\s\W]*/;

function leadingOffset(s: string): number {
  const m = LEADING_NON_WORD.exec(s);
  return m ? m[0].length : 0;
}

function sameFamilyInSentence(a: Draft, b: Draft): boolean {
  return (a.type === 'call') === (b.type === 'call');
}

/** In a multi-party "held talks with his Israeli counterpart, X, and the Palestinian leader, Y", one talk per country. */
function splitBilateral(state: DocState, cue: Cue, parts: { ids: string[]; subject: string[] | null; objects: string[][] }, separately: boolean): string[][] {
  if (cue.type === 'visit' || cue.type === 'trip' || !parts.subject || parts.subject.length !== 1 || parts.objects.length < 2) return [parts.ids];
  // "held separate meetings with X and Y": one each, whatever their countries.
  if (separately) return parts.objects.map((o) => [...parts.subject!, ...o.filter((id) => id !== parts.subject![0])]);
  const subjectCountry = state.people.get(parts.subject[0]!)?.country ?? null;
  const countries = parts.objects.map((o) => (o.length === 1 ? state.people.get(o[0]!)?.country ?? null : null));
  if (countries.some((c) => c === null || c === subjectCountry)) return [parts.ids];
  if (new Set(countries).size !== countries.length) return [parts.ids];
  return parts.objects.map((o) => [...parts.subject!, ...o.filter((id) => id !== parts.subject![0])]);
}

function indexEvent(state: DocState, e: Draft): void {
  for (const id of e.ids) {
    const list = state.byPerson.get(id);
    if (!list) state.byPerson.set(id, [e]);
    else if (!list.includes(e)) list.push(e);
  }
}

let findTargetMark = 0;

function findTarget(state: DocState, d: Draft): Draft | undefined {
  let target: Draft | undefined;
  let best = 0;
  // The events of the draft's people, each once, in the order a Set of them would keep.
  // A small integer (never a heap number); a mark repeats only after 2^30 calls, far more than one article makes.
  const mark = (findTargetMark = (findTargetMark + 1) & 0x3fffffff);
  const seen: Draft[] = [];
  for (const id of d.ids) {
    const list = state.byPerson.get(id);
    if (!list) continue;
    for (const e of list) {
      if (e.seenMark === mark) continue;
      e.seenMark = mark;
      seen.push(e);
    }
  }
  for (const e of seen) {
    if (!sameOccasionOf(e.type, e.date, e.ids, d.type, d.date, d.ids, true)) continue;
    // "met X on Monday. The two last met in November": the earlier meeting is another occasion.
    if (e.background !== d.background && typeFamily(e.type) === 'meet' && typeFamily(d.type) === 'meet') continue;
    // "will hold talks in Moscow next week" and "last met in Astana in May" are two occasions.
    if (e.locationIsCity && d.locationIsCity && e.location !== d.location) continue;
    const shared = sharedCount(e.ids, d.ids);
    if (shared > best) {
      target = e;
      best = shared;
    }
  }
  return target;
}

function absorb(target: Draft, d: Draft, acrossSentences: boolean): void {
  // "X, who arrived on Monday for a visit, met Y on Tuesday": the meeting's own day dates the
  // occasion, not the arrival; a visit's day never overrides a meeting's.
  const targetFamily = typeFamily(target.type);
  const meetingDay = targetFamily === 'travel' && typeFamily(d.type) === 'meet' && d.date !== null && d.ids.length >= 2 && !d.weak ? d.date : null;
  const keepMeetingDay = targetFamily === 'meet' && typeFamily(d.type) === 'travel' && target.date !== null && !datesCompatible(target.date, d.date);
  // "travelled to Geneva, where she had a meeting with X": the meeting is the event; a state visit
  // with its meetings stays a visit.
  if (target.subordinate && !d.subordinate) {
    // The main clause tells the event: "Modi, who will visit Paris, met Macron" was held.
    target.type = d.type;
    if (!acrossSentences) {
      target.scheduled = d.scheduled;
      target.location = d.location;
      target.locationIsCity = d.locationIsCity;
    }
  } else if (target.type === 'trip' && typeFamily(d.type) === 'meet' && !d.weak) target.type = d.type;
  target.subordinate = target.subordinate && d.subordinate;
  for (const id of d.ids) if (!target.ids.includes(id)) target.ids.push(id);
  // "met X again to plan a return visit next year": the visit's date is not the meeting's.
  const otherKindAlone = !acrossSentences && d.ids.length < 2 && typeFamily(d.type) !== typeFamily(target.type) && !d.frame;
  if (meetingDay !== null && !datesCompatible(target.date, meetingDay)) {
    target.date = meetingDay;
    target.dated = true;
  } else if (!otherKindAlone && !keepMeetingDay) {
    target.date = finerDate(target.date, d.date);
    target.dated = target.dated || d.dated;
  }
  if (d.location && (!target.location || (d.locationIsCity && !target.locationIsCity))) {
    target.location = d.location;
    target.locationIsCity = d.locationIsCity;
  }
  if (acrossSentences) {
    // Held as soon as any report tells it as held; within a sentence the first cue says it.
    target.scheduled = target.scheduled && d.scheduled;
    for (const src of d.sources) if (!target.sources.some((x) => x.start === src.start)) target.sources.push(src);
  }
  target.firstSentence = Math.min(target.firstSentence, d.firstSentence);
  target.weak = target.weak && d.weak;
}

// Regexes compile on their first run: run each once at load, so the first article read pays nothing.
for (const re of [
  REFERENCE_WORD, HEAD_TITLE, DIPLOMAT_TITLE, MINISTER_TITLE, LOCAL_DEMONYM, ABBREVIATION_END, TOLD_COMPANIONS, FUTURE_MARKER, FUTURE_TIME_AFTER, PROPOSAL_BEFORE, AGREEMENT_BEFORE, BACKGROUND_MEETING_BEFORE, TRIP_CLAUSE_BEFORE, SIGNING_CUE, HELD_FORM, CANCELLED_AFTER, TRAVEL_CANCELLED_AFTER, BACKGROUND_TRAVEL, NEGATION_BEFORE, CAPITALISED_WORD, TITLE_GAP_WORD, SUBJECT_BREAK, IN_PERSON, PHONE_MARKER, WITH_AFTER_TOPIC, TRANSITIVE_CUE, UNNAMED_OBJECT, CALL_PURPOSE_AFTER, AFTER_EVENT_GAP, RELATIVE_LEAD, IN_A_BEFORE, OBJECT_PRONOUN_AFTER, OTHER_PERSON_OF, POSSESSIVE_AFTER, POSSESSIVE_BEFORE_CUE, PAIR_REF, TITLE_REF, BARE_TITLE_REF, VISITING_REF, COUNTERPART_REF, NAME_PAIR, FRAME_BEFORE, SAME_DAY, DATELINE_AFTER, RELATIVE_CLAUSE, CLOSED_RELATIVE, TRIP_WORD, DATE_OTHER_EVENT, DATE_EXCLUDED_BEFORE, PLACE_AFTER, PLACE_AFTER_AT, PLACE_AFTER_BUILDING, PLACE_BEFORE_TRIP, NOT_PLACE_WORD, TOPIC_BEFORE_PLACE, INSTITUTION_WORD, LOCATED_GATE, DATELINE, CUE_TRIGGER, ATTRIBUTE_BEFORE,
  ...new Set([...RULES_BY_WORD_HASH.values()].flat().flatMap((e) => e.sticky)),
]) {
  re.lastIndex = 0;
  re.test('Mr X met Y, the 2 ministers. ');
  re.lastIndex = 0;
}
