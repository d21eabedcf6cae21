// Does the sentence around a date point forward ("will meet on Monday", "is expected to sign
// in May") or back ("met on Monday")? Decides which Monday or which May a bare name means.
// Works on lower-cased word lists with set look-ups: cheaper than large cue patterns, which
// cost milliseconds to compile on the first article.
import { WordTable } from './wordTable';

const WINDOW_BEFORE = 160;
const WINDOW_AFTER = 100;
/** How close a verb of schedule must be to the date ("returns on", "to open in"). */
const ADJACENT = 40;

const FUTURE_WORDS: ReadonlySet<string> = new Set([
  'will', "won't", 'won’t', 'shall', 'would', "wouldn't", 'wouldn’t', 'upcoming', 'forthcoming', 'next',
  // Modals and words of plan: what they govern has not happened yet. (The month name `May` is
  // read with its capital, so it never counts as the modal.)
  'may', 'might', 'could', 'should', 'possibly', 'plans', 'planning',
]);
const REPORTING_VERBS: ReadonlySet<string> = new Set(['said', 'told', 'added', 'warned', 'noted', 'stressed', 'insisted', 'argued']);
const CLAUSE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'on', 'at', 'during', 'last', 'this', 'earlier', 'late', 'early', 'to', 'by', 'after', 'before']);
/**
 * "said another package ..." opens a clause of its own; "said in a speech in May" and "told
 * reporters in August" keep the date on the reporting verb.
 */
function opensReportedClause(verb: string, next: string, afterNext: string): boolean {
  if (next === 'that') return true;
  if (verb === 'told') return afterNext === 'that';
  return !CLAUSE_PREPOSITIONS.has(next);
}
/** Present-tense verbs that show the reported clause is told in the present. */
const PRESENT_FORMS: ReadonlySet<string> = new Set(['is', 'are', 'has', 'have', 'remains', 'remain', 'seems', 'looks', 'appears']);
/** Participles of plan: forward, unless a past auxiliary makes them a report ("had expected"). */
const PLAN_PARTICIPLES: ReadonlySet<string> = new Set(['expected', 'scheduled', 'planned', 'slated', 'due']);
const PAST_AUXILIARIES: ReadonlySet<string> = new Set(['had', 'was', 'were']);
const PAST_WORDS: ReadonlySet<string> = new Set([
  'was', 'were', 'had', 'did', 'said', 'told', 'met', 'held', 'went', 'came', 'made', 'took', 'gave', 'began',
  'left', 'saw', 'sold', 'bought', 'won', 'lost', 'led', 'ran', 'wrote', 'spoke', 'paid', 'sent', 'died',
  'fell', 'rose', 'became', 'ago', 'last', 'earlier',
  // Irregular past forms that are not also present forms.
  'struck', 'brought', 'thought', 'found', 'kept', 'felt', 'stood', 'built', 'caught', 'fought', 'sought',
  'chose', 'drove', 'flew', 'grew', 'knew', 'threw', 'drew', 'broke', 'froze', 'got', 'sat', 'meant',
  'heard', 'withdrew', 'undertook', 'underwent', 'shook', 'swore', 'tore', 'hid', 'rode', 'rang', 'sang',
  'sank', 'shot', 'fled', 'fed', 'lent', 'spent', 'dealt', 'slept', 'swept', 'arose', 'forgave',
  'overcame', 'withheld', 'upheld', 'oversaw', 'mistook', 'stole', 'forgot', 'understood', 'wore',
]);
/** After these, an -ed word is a passive participle ("is scheduled"), not a past tense. */
const PASSIVE_AUXILIARIES: ReadonlySet<string> = new Set(['be', 'been', 'being', 'is', 'are', 'am']);
const BE_FORMS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been']);
const SCHEDULE_PARTICIPLES: ReadonlySet<string> = new Set([
  'scheduled', 'due', 'set', 'expected', 'slated', 'planned', 'poised', 'likely',
]);
const SCHEDULE_ADJECTIVES: ReadonlySet<string> = new Set(['scheduled', 'slated', 'due', 'set', 'planned', 'expected']);
const SCHEDULE_PREPOSITIONS: ReadonlySet<string> = new Set(['to', 'for', 'on', 'in', 'at', 'by']);
const INTENT_VERBS: ReadonlySet<string> = new Set(['plan', 'plans', 'planning', 'intend', 'intends', 'aim', 'aims', 'going']);
const PRESENT_SCHEDULE_VERBS: ReadonlySet<string> = new Set(['begins', 'starts', 'opens', 'resumes', 'expires']);
/** Prepositions that may stand between a verb of schedule and its date. */
const DATE_PREPOSITIONS: ReadonlySet<string> = new Set(['on', 'in', 'from', 'until', 'by', 'at', 'through']);
/** Present-tense verbs of schedule ("returns on 3 September", "takes effect in April"). */
const SCHEDULED_PRESENT_VERBS: ReadonlySet<string> = new Set([
  'returns', 'resumes', 'reconvenes', 'ends', 'closes', 'concludes', 'begins', 'starts', 'opens', 'expires',
  'arrives', 'departs', 'meets', 'hosts', 'launches',
]);
const SCHEDULED_PRESENT_PHRASES = ['takes effect', 'takes place', 'comes into force', 'enters into force', 'kicks off'];
/** Infinitives of schedule ("to open in June", "to be held in May"). */
const SCHEDULED_INFINITIVE_VERBS: ReadonlySet<string> = new Set([
  'run', 'begin', 'start', 'open', 'end', 'close', 'meet', 'visit', 'hold', 'launch', 'travel', 'return',
  'resume', 'reconvene', 'expire', 'host', 'attend', 'sign', 'vote', 'arrive', 'depart',
]);
const SCHEDULED_INFINITIVE_PHRASES = ['take effect', 'take place', 'be held', 'be published', 'be released', 'be completed'];

const isSentenceEnd = (text: string, i: number): boolean => {
  const c = text[i];
  if (c !== '.' && c !== '!' && c !== '?') return false;
  const next = text.charCodeAt(i + 1);
  const previous = text.charCodeAt(i - 1);
  // "U.S. officials": a capital letter right before the dot is an initial, not a sentence end.
  return (next === 32 || next === 10 || next === 9 || next === 13 || next === 160) && !(previous >= 65 && previous <= 90);
};



/** Whether a future cue ends at `word`, given the two words before it ("will", "is scheduled to", "plans to", "due on"). */
/** `distance`: how many words lie between the cue and the date (Infinity after the date). */
function futureCue(word: string, p1: string | undefined, p2: string | undefined, distance: number): boolean {
  if (FUTURE_WORDS.has(word) || word.endsWith("'ll") || word.endsWith('’ll')) return true;
  if (PLAN_PARTICIPLES.has(word)) return !PAST_AUXILIARIES.has(p1 ?? '');
  // Present progressive close to the date ("is holding talks in May"): an arrangement ahead;
  // farther away it may be a state the date explains ("is recovering from the floods in July").
  if (distance <= 2 && (p1 === 'is' || p1 === 'are' || p1 === 'am') && word.length > 4 && word.endsWith('ing')) return true;
  if (word === 'to') {
    // "is scheduled to", "is to", "scheduled to", "plans to", "going to"
    if (p1 !== undefined && (INTENT_VERBS.has(p1) || SCHEDULE_ADJECTIVES.has(p1))) return true;
    if (p1 !== undefined && (p1 === 'is' || p1 === 'are')) return true;
    if (p2 !== undefined && BE_FORMS.has(p2) && p1 !== undefined && SCHEDULE_PARTICIPLES.has(p1)) return true;
  }
  // "due in May" points ahead; "was due in May" reports a plan of the past.
  if (SCHEDULE_PREPOSITIONS.has(word) && p1 !== undefined && SCHEDULE_ADJECTIVES.has(p1) && !PAST_AUXILIARIES.has(p2 ?? '')) return true;
  if (word === 'due' && (p1 === 'is' || p1 === 'are')) return true;
  // "is on Monday" points ahead; "is on an official visit ... from March 2" only states the present.
  if (distance === 0 && (word === 'in' || word === 'on' || word === 'for') && (p1 === 'is' || p1 === 'are')) return true;
  if (word === 'for' && p1 === 'set' && (p2 === 'is' || p2 === 'are')) return true;
  if (word === 'held' && p1 === 'be' && p2 === 'to') return true;
  if (word === 'of' && p1 === 'ahead') return true;
  if (word.length > 3 && word.endsWith('ed') && p1 === 'be' && p2 === 'to') return true;
  if (PRESENT_SCHEDULE_VERBS.has(word)) return true;
  if ((word === 'on' || word === 'in') && p1 !== undefined && PRESENT_SCHEDULE_VERBS.has(p1)) return true;
  if (word === 'place' && p1 === 'takes') return true;
  if (word === 'off' && p1 === 'kicks') return true;
  return false;
}

/** Bits of CUE_FLAGS: a word futureCue may take as a cue (by itself, after the words before it), a PAST_WORDS word, a reporting verb, a present form. */
const FUTURE_CUE_WORD = 1;
const PAST_WORD = 2;
const REPORTING_VERB = 4;
const PRESENT_FORM = 8;
/** A word whose ending may make it a cue ("we'll", "holding", "delayed"): read by the full checks. */
const CUE_ENDING = 16;
/**
 * Every word that futureCue, pastCue, the reporting verbs or the present forms look at in the
 * cue's place, with what it is: one look-up per word read instead of one per list. A word
 * neither here nor with a cue ending (CUE_ENDING) is no cue of any kind.
 */
const CUE_FLAGS: ReadonlyMap<string, number> = (() => {
  const flags = new Map<string, number>();
  const mark = (words: Iterable<string>, bit: number): void => {
    for (const w of words) flags.set(w, (flags.get(w) ?? 0) | bit);
  };
  mark(FUTURE_WORDS, FUTURE_CUE_WORD);
  mark(PLAN_PARTICIPLES, FUTURE_CUE_WORD);
  mark(SCHEDULE_PREPOSITIONS, FUTURE_CUE_WORD);
  mark(PRESENT_SCHEDULE_VERBS, FUTURE_CUE_WORD);
  mark(['to', 'due', 'in', 'on', 'for', 'held', 'of', 'place', 'off'], FUTURE_CUE_WORD);
  mark(PAST_WORDS, PAST_WORD);
  mark(REPORTING_VERBS, REPORTING_VERB);
  mark(PRESENT_FORMS, PRESENT_FORM);
  return flags;
})();

/** CUE_FLAGS of a word, with CUE_ENDING for a word ending in l, g or d ('ll, -ing, -ed). */
function cueFlags(word: string): number {
  const last = word.charCodeAt(word.length - 1);
  const ending = last === 108 || last === 103 || last === 100 ? CUE_ENDING : 0;
  return (CUE_FLAGS.get(word) ?? 0) | ending;
}

function pastCue(word: string, p1: string | undefined): boolean {
  if (PAST_WORDS.has(word)) return true;
  // After a determiner an -ed word is an adjective ("the delayed vote in November"), not a verb.
  return word.length >= 4 && word.endsWith('ed') && LOWER_CASE_WORD.test(word) && !PASSIVE_AUXILIARIES.has(p1 ?? '') && !DETERMINERS.has(p1 ?? '');
}

/** Created once: a literal inside the function would be a new regex object on every call. */
const LOWER_CASE_WORD = /^[a-z]+$/;

const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'these', 'those']);

const PRESENT_PHRASES = SCHEDULED_PRESENT_PHRASES.map((p) => p.split(' '));
const INFINITIVE_PHRASES = SCHEDULED_INFINITIVE_PHRASES.map((p) => p.split(' '));

/** Anything but letters, digits, spaces, apostrophes and hyphens. */
function isPunctuation(c: number): boolean {
  if ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 0xe0 && c <= 0xff)) return false;
  return !(c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 95 || c === 39 || c === 0x2019 || c === 45);
}

/** Letters of the words scheduledRightBefore reads: `[a-zà-ÿ’']` once lower-cased, among the characters it keeps. */
function isScheduleLetter(c: number): boolean {
  return ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 0xe0 && c <= 0xff) || c === 39 || c === 0x2019;
}

/** How many words scheduledRightBefore reads back: a dropped preposition, three more and a three-word phrase. */
const SCHEDULE_WORDS = 7;
/** The words before the date, last first ('' for a word no check below compares); reused across calls. */
const trailing: string[] = [];

/**
 * A verb of schedule right before the date: "returns on", "is on", "takes effect in", "to open in".
 * Reads the words after the last punctuation within ADJACENT characters (lower-cased), backwards
 * from the date and only as many as the checks below look at, each straight from the text.
 */
function scheduledRightBefore(text: string, start: number): boolean {
  const floor = Math.max(0, start - ADJACENT);
  let count = 0;
  // Only the words after the last punctuation count: "on 5 March, returns" is not adjacent.
  for (let i = start - 1; i >= floor && count < SCHEDULE_WORDS; ) {
    const c = text.charCodeAt(i);
    if (isPunctuation(c)) break;
    if (!isScheduleLetter(c)) {
      i--;
      continue;
    }
    const wordEnd = i + 1;
    while (i >= floor && isScheduleLetter(text.charCodeAt(i))) i--;
    trailing[count++] = SCHEDULE_TABLE.find(text, i + 1, wordEnd);
  }
  // word(j): the j-th word from the end (0: the last), undefined past the first.
  const word = (j: number): string | undefined => (j < count ? trailing[j] : undefined);
  let skip = 0;
  if (count > 0 && DATE_PREPOSITIONS.has(trailing[0]!)) skip = 1;
  if (count <= skip) return false;
  const last = trailing[skip]!;
  if (last === 'is' || last === 'are') return true;
  // to + verb (+ preposition), adjacent
  if (word(skip + 1) === 'to' && SCHEDULED_INFINITIVE_VERBS.has(last)) return true;
  for (const phrase of INFINITIVE_PHRASES) if (endsWithPhraseFromEnd(word, skip, phrase) && word(skip + phrase.length) === 'to') return true;
  // present verb + up to three words (+ preposition)
  for (let t = 0; t <= 3 && skip + t < count; t++) {
    if (SCHEDULED_PRESENT_VERBS.has(trailing[skip + t]!)) return true;
    for (const phrase of PRESENT_PHRASES) if (endsWithPhraseFromEnd(word, skip + t, phrase)) return true;
  }
  return false;
}

/** Whether the words ending `from` words before the end (word(from) is the phrase's last word) are the phrase. */
function endsWithPhraseFromEnd(word: (j: number) => string | undefined, from: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) if (word(from + phrase.length - 1 - k) !== phrase[k]) return false;
  return true;
}

/** Letters of the cue words (the class `[a-zà-ÿ’']` once lower-cased). */
function isCueLetter(c: number): boolean {
  return ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 0xc0 && c <= 0xff && c !== 0xd7) || c === 39 || c === 0x2019;
}

/**
 * Every word the checks below compare in any place (as the cue, the word before it, or around a
 * reporting verb), lower-cased: any other word gives the same answers as any other, so it is read
 * as '' without being cut out of the text.
 */
const COMPARED_WORDS: readonly string[] = [
  ...CUE_FLAGS.keys(),
  ...PAST_AUXILIARIES, ...PASSIVE_AUXILIARIES, ...DETERMINERS, ...BE_FORMS, ...SCHEDULE_PARTICIPLES, ...SCHEDULE_ADJECTIVES,
  ...INTENT_VERBS, ...PRESENT_SCHEDULE_VERBS, ...CLAUSE_PREPOSITIONS, ...PRESENT_FORMS, ...REPORTING_VERBS,
  ...['is', 'are', 'am', 'to', 'set', 'be', 'ahead', 'takes', 'kicks', 'that', 'not', 'could', 'told', 'due', 'in', 'on', 'for', 'held', 'of', 'place', 'off'],
];

const COMPARED_TABLE = new WordTable(COMPARED_WORDS);
/** Every word scheduledRightBefore compares. */
const SCHEDULE_TABLE = new WordTable([
  ...DATE_PREPOSITIONS, 'is', 'are', 'to', ...SCHEDULED_INFINITIVE_VERBS, ...SCHEDULED_PRESENT_VERBS,
  ...SCHEDULED_INFINITIVE_PHRASES.flatMap((p) => p.split(' ')), ...SCHEDULED_PRESENT_PHRASES.flatMap((p) => p.split(' ')),
]);

/**
 * Stand-ins for words in no list that end as a cue may: futureCue and pastCue read such a word
 * only through its ending, its length (above 3 or 4) and whether it is all ASCII letters.
 */
const ENDING_LL = "x'll";
const ENDING_ING = 'xxing';
const ENDING_ED = 'xxed';
const ENDING_ED_NOT_ASCII = 'x’xed';

/**
 * The word text[a, b) as the cue checks read it: lower-cased where it is one they compare, a
 * stand-in of the same kind where it ends as a cue may ('ll, -ing, -ed), and '' for every other
 * word (all answer alike). The month, written `May` or `MAY`, must not read as the modal.
 */
function cueWordAt(text: string, a: number, b: number): string {
  const listed = COMPARED_TABLE.find(text, a, b);
  if (listed !== '') {
    // "May" and "MAY" are the month (cueWord), in no list.
    if (listed === 'may' && (text.startsWith('May', a) || text.startsWith('MAY', a))) return '';
    return listed;
  }
  const length = b - a;
  const last = text.charCodeAt(b - 1) | 32;
  const beforeLast = text.charCodeAt(b - 2) | 32;
  if (length >= 3 && last === 108 && beforeLast === 108) {
    const apostrophe = text.charCodeAt(b - 3);
    return apostrophe === 39 || apostrophe === 0x2019 ? ENDING_LL : '';
  }
  if (length > 4 && last === 103 && beforeLast === 110 && (text.charCodeAt(b - 3) | 32) === 105) return ENDING_ING;
  if (length >= 4 && last === 100 && beforeLast === 101) {
    for (let i = a; i < b; i++) {
      const c = text.charCodeAt(i) | 32;
      if (c < 97 || c > 122) return ENDING_ED_NOT_ASCII;
    }
    return ENDING_ED;
  }
  return '';
}

/** The words read back from the date (nearest first) by sentenceTense; reused across calls. */
const leftWords: string[] = [];
let leftCount = 0;
let leftPos = 0;
let leftFloor = 0;
let leftDone = false;

/** Reads the next word back from leftPos into leftWords, or sets leftDone at the sentence start. */
function readLeft(text: string): void {
  let i = leftPos - 1;
  while (i >= leftFloor && !isCueLetter(text.charCodeAt(i))) {
    if (text[i] === '\n' || isSentenceEnd(text, i)) {
      leftDone = true;
      return;
    }
    i--;
  }
  if (i < leftFloor) {
    leftDone = true;
    return;
  }
  const wordEnd = i + 1;
  while (i >= leftFloor && isCueLetter(text.charCodeAt(i))) i--;
  leftWords[leftCount++] = cueWordAt(text, i + 1, wordEnd);
  leftPos = i + 1;
}

/** leftWords[k] if read, else undefined. */
function leftWord(k: number): string | undefined {
  return k >= 0 && k < leftCount ? leftWords[k] : undefined;
}

/**
 * 'future' or 'past' by the tense cue nearest to the span (before it first, then after it
 * in the same sentence); null when the sentence gives no cue. Words are read one at a time
 * outwards from the date, so the usual nearby cue ends the reading early.
 */
export function sentenceTense(text: string, start: number, end: number): 'future' | 'past' | null {
  if (scheduledRightBefore(text, start)) return 'future';

  // Backwards from the date to the start of its sentence: leftWords[0] is the nearest word.
  leftCount = 0;
  leftPos = start;
  leftFloor = Math.max(0, start - WINDOW_BEFORE);
  leftDone = false;
  // A reporting verb some words back ("officials said another package before January is
  // unlikely") may govern a clause of its own: the date's clause, read forwards, decides first.
  let reported = false;
  for (let k = 0; ; k++) {
    while (leftCount < k + 3 && !leftDone) readLeft(text);
    const word = leftWord(k);
    if (word === undefined) break;
    // "could not attend" mostly tells what did not happen.
    if (word === 'could' && leftWord(k - 1) === 'not') continue;
    const flags = cueFlags(word);
    if (flags === 0) continue;
    if (futureCue(word, leftWord(k + 1), leftWord(k + 2), k)) return 'future';
    if (k >= 2 && (flags & REPORTING_VERB) !== 0 && opensReportedClause(word, leftWords[k - 1]!, leftWords[k - 2]!)) {
      reported = true;
      break;
    }
    if (pastCue(word, leftWord(k + 1))) return 'past';
  }

  // Forwards from the date to the end of its sentence.
  const ceiling = Math.min(text.length, end + WINDOW_AFTER);
  let p1: string | undefined;
  let p2: string | undefined;
  for (let i = end; i < ceiling; ) {
    const c = text.charCodeAt(i);
    if (!isCueLetter(c)) {
      if (text[i] === '\n' || isSentenceEnd(text, i)) break;
      i++;
      continue;
    }
    const wordStart = i;
    while (i < ceiling && isCueLetter(text.charCodeAt(i))) i++;
    const word = cueWordAt(text, wordStart, i);
    const flags = cueFlags(word);
    if (flags !== 0) {
      if (futureCue(word, p1, p2, Infinity)) return 'future';
      if (pastCue(word, p1)) return 'past';
      if (reported && (flags & PRESENT_FORM) !== 0) return null;
    }
    p2 = p1;
    p1 = word;
  }
  return reported ? 'past' : null;
}
