// Reporting verbs and phrases that attribute content to a source, compiled once into one regex.

export type CueStrength =
  /** Verbs of saying: they attribute a sentence and license a direct quotation. */
  | 'speech'
  /** Verbs of thinking or expecting: they attribute a claim but do not license a quotation. */
  | 'cognition'
  /** Verbs that only attribute when a quotation follows ("called the tariff 'reckless'"). */
  | 'quoteOnly';

export interface CueInfo {
  lemma: string;
  strength: CueStrength;
  /** -ing form: a participle whose subject is the clause's subject ("..., saying that"). */
  participle: boolean;
  /** Past participle form, which may be passive ("was condemned by"). */
  pastForm: boolean;
}

type Forms = [lemma: string, forms: string[], strength: CueStrength];

// Regular verbs: lemma, third person, past, -ing.
const regular = (base: string, s: string, ed: string, ing: string, strength: CueStrength = 'speech'): Forms => [
  base,
  [base, s, ed, ing],
  strength,
];

const VERBS: Forms[] = [
  ['say', ['say', 'says', 'said', 'saying'], 'speech'],
  ['tell', ['tell', 'tells', 'told', 'telling'], 'speech'],
  ['write', ['write', 'writes', 'wrote', 'writing', 'written'], 'speech'],
  regular('state', 'states', 'stated', 'stating'),
  regular('add', 'adds', 'added', 'adding'),
  regular('stress', 'stresses', 'stressed', 'stressing'),
  regular('urge', 'urges', 'urged', 'urging'),
  regular('vow', 'vows', 'vowed', 'vowing'),
  regular('accuse', 'accuses', 'accused', 'accusing'),
  ['deny', ['deny', 'denies', 'denied', 'denying'], 'speech'],
  regular('note', 'notes', 'noted', 'noting'),
  regular('explain', 'explains', 'explained', 'explaining'),
  regular('reveal', 'reveals', 'revealed', 'revealing'),
  regular('reaffirm', 'reaffirms', 'reaffirmed', 'reaffirming'),
  regular('reiterate', 'reiterates', 'reiterated', 'reiterating'),
  regular('emphasize', 'emphasizes', 'emphasized', 'emphasizing'),
  regular('emphasise', 'emphasises', 'emphasised', 'emphasising'),
  regular('express', 'expresses', 'expressed', 'expressing'),
  regular('appreciate', 'appreciates', 'appreciated', 'appreciating'),
  regular('confirm', 'confirms', 'confirmed', 'confirming'),
  ['concur', ['concur', 'concurs', 'concurred', 'concurring'], 'speech'],
  regular('agree', 'agrees', 'agreed', 'agreeing'),
  regular('warn', 'warns', 'warned', 'warning'),
  regular('argue', 'argues', 'argued', 'arguing'),
  regular('insist', 'insists', 'insisted', 'insisting'),
  regular('suggest', 'suggests', 'suggested', 'suggesting'),
  regular('request', 'requests', 'requested', 'requesting'),
  regular('announce', 'announces', 'announced', 'announcing'),
  regular('praise', 'praises', 'praised', 'praising'),
  regular('highlight', 'highlights', 'highlighted', 'highlighting'),
  regular('report', 'reports', 'reported', 'reporting'),
  regular('acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'),
  ['admit', ['admit', 'admits', 'admitted', 'admitting'], 'speech'],
  regular('assert', 'asserts', 'asserted', 'asserting'),
  regular('claim', 'claims', 'claimed', 'claiming'),
  regular('comment', 'comments', 'commented', 'commenting'),
  regular('complain', 'complains', 'complained', 'complaining'),
  regular('declare', 'declares', 'declared', 'declaring'),
  regular('predict', 'predicts', 'predicted', 'predicting'),
  regular('promise', 'promises', 'promised', 'promising'),
  regular('pledge', 'pledges', 'pledged', 'pledging'),
  regular('propose', 'proposes', 'proposed', 'proposing'),
  regular('remark', 'remarks', 'remarked', 'remarking'),
  ['reply', ['reply', 'replies', 'replied', 'replying'], 'speech'],
  regular('respond', 'responds', 'responded', 'responding'),
  regular('cite', 'cites', 'cited', 'citing'),
  regular('condemn', 'condemns', 'condemned', 'condemning'),
  regular('criticise', 'criticises', 'criticised', 'criticising'),
  regular('criticize', 'criticizes', 'criticized', 'criticizing'),
  regular('defend', 'defends', 'defended', 'defending'),
  regular('indicate', 'indicates', 'indicated', 'indicating'),
  regular('recall', 'recalls', 'recalled', 'recalling'),
  ['concede', ['concede', 'concedes', 'conceded', 'conceding'], 'speech'],
  regular('observe', 'observes', 'observed', 'observing'),
  regular('disclose', 'discloses', 'disclosed', 'disclosing'),
  regular('conclude', 'concludes', 'concluded', 'concluding'),
  regular('estimate', 'estimates', 'estimated', 'estimating'),
  regular('recommend', 'recommends', 'recommended', 'recommending'),
  regular('advise', 'advises', 'advised', 'advising'),
  regular('ask', 'asks', 'asked', 'asking'),
  regular('interject', 'interjects', 'interjected', 'interjecting'),
  regular('joke', 'jokes', 'joked', 'joking'),
  regular('quip', 'quips', 'quipped', 'quipping'),
  regular('tweet', 'tweets', 'tweeted', 'tweeting'),
  regular('announce', 'announces', 'announced', 'announcing'),
  regular('voice', 'voices', 'voiced', 'voicing'),
  regular('assure', 'assures', 'assured', 'assuring'),
  regular('reassure', 'reassures', 'reassured', 'reassuring'),
  regular('repeat', 'repeats', 'repeated', 'repeating', 'quoteOnly'),
  regular('continue', 'continues', 'continued', 'continuing', 'quoteOnly'),
  regular('describe', 'describes', 'described', 'describing', 'quoteOnly'),
  regular('call', 'calls', 'called', 'calling', 'quoteOnly'),
  regular('hope', 'hopes', 'hoped', 'hoping', 'cognition'),
  regular('believe', 'believes', 'believed', 'believing', 'cognition'),
  regular('expect', 'expects', 'expected', 'expecting', 'cognition'),
  regular('anticipate', 'anticipates', 'anticipated', 'anticipating', 'cognition'),
  regular('maintain', 'maintains', 'maintained', 'maintaining', 'cognition'),
  regular('fear', 'fears', 'feared', 'fearing', 'cognition'),
  ['think', ['think', 'thinks', 'thought'], 'cognition'],
];

// Phrasal cues: the particle is part of the cue ("called for", "pointed out").
const PHRASES: Forms[] = [
  ['call for', ['call for', 'calls for', 'called for', 'calling for', 'call on', 'calls on', 'called on', 'calling on'], 'speech'],
  ['point out', ['point out', 'points out', 'pointed out', 'pointing out'], 'speech'],
  ['talk about', ['talked about', 'talks about', 'talking about', 'spoke about', 'spoke of'], 'speech'],
  ['make clear', ['made clear', 'makes clear', 'making clear', 'made it clear', 'makes it clear'], 'speech'],
  ['go on to say', ['went on to say', 'goes on to say'], 'speech'],
  ['according to', ['according to'], 'speech'],
  ['per', ['per'], 'speech'],
  ['make no secret', ['made no secret', 'makes no secret', 'making no secret'], 'speech'],
  ['raise', ['raised'], 'quoteOnly'],
  ['quote', ['quoted'], 'speech'],
];

const CUE_TABLE = new Map<string, CueInfo>();
for (const [lemma, forms, strength] of [...VERBS, ...PHRASES]) {
  for (const form of forms) {
    if (CUE_TABLE.has(form)) continue;
    CUE_TABLE.set(form, {
      lemma,
      strength,
      participle: /ing(?: |$)/.test(form),
      pastForm: /(?:ed|told|said|written|wrote|thought|denied|replied)(?: |$)/.test(form) && !/ing(?: |$)/.test(form),
    });
  }
}

/** A cue form split into its lower-case words, with what it means. */
export interface CueForm {
  words: string[];
  info: CueInfo;
}

/** Cue forms by their first word, longest first: matched on tokens, not by a regex over the text. */
const CUES_BY_FIRST_WORD = new Map<string, CueForm[]>();
for (const form of [...CUE_TABLE.keys()].sort((a, b) => b.length - a.length)) {
  const words = form.split(' ');
  const list = CUES_BY_FIRST_WORD.get(words[0]!) ?? [];
  list.push({ words, info: CUE_TABLE.get(form)! });
  CUES_BY_FIRST_WORD.set(words[0]!, list);
}

/** The cue form that starts at word `i` of `lowerWords` (lower-cased words of a sentence), if any. */
export function cueFormAt(lowerWords: (i: number) => string | undefined, i: number): CueForm | undefined {
  const candidates = CUES_BY_FIRST_WORD.get(lowerWords(i) ?? '');
  if (!candidates) return undefined;
  for (const form of candidates) {
    const words = form.words;
    let k = 1;
    while (k < words.length && lowerWords(i + k) === words[k]) k++;
    if (k === words.length) return form;
  }
  return undefined;
}

/** Cue forms grouped by their first word, the groups by the hash of that word (see wordHash). */
export interface CueGroup {
  first: string;
  /** Longest first, as cueFormAt tries them. */
  forms: CueForm[];
}
const CUE_GROUP_LIST: CueGroup[] = [];
// The groups by the hash of their first word, in an open-addressing table of numbers: a slot is the
// hash and the group's index + 1 (0: empty). It is read for every word of a sentence that may hold a
// cue; a Map and a Set of numbers cost a walk through their own tables, rarely still in the cache
// when the other stages of an article have just run.
const CUE_SLOTS = 1024;
const cueSlots = new Int32Array(CUE_SLOTS * 2);

/** The cue that starts at word `i` of `lowerWords` (lower-cased words of a sentence), as its number of words, or 0. */
export function cueLengthAt(lowerWords: (i: number) => string | undefined, i: number): number {
  return cueFormAt(lowerWords, i)?.words.length ?? 0;
}

/** Whether a lower-case word (no spaces) is a cue form by itself: `cueInfo` without normalising. */
export function isCueForm(lowerWord: string): boolean {
  return CUE_TABLE.has(lowerWord);
}

/** The cue forms of one word (lower case): what isCueForm accepts. */
export function singleWordCueForms(): string[] {
  return [...CUE_TABLE.keys()].filter((form) => !form.includes(' '));
}

export function cueInfo(form: string): CueInfo | undefined {
  return CUE_TABLE.get(form.toLowerCase().replace(/\s+/g, ' '));
}

// Hashes of the lower-cased first words of all cues: a sentence is scanned for them by character
// code, without building strings, so that sentences with no cue cost almost nothing.
/** The running hash's start (see wordHash: the finished hash is the running one `>>> 1`). */
export const HASH_SEED = 7;
/**
 * The hash of a lower-case word; speakers' tokenizer computes the same one while it scans. It is
 * names.ts's hash of a word of ASCII letters (asciiLowerHash: seed 7, halved to be non-negative), so
 * that speakers can take the hash of a word the officials stage already read (see names.sharedTokens).
 */
export function wordHash(word: string): number {
  let h = HASH_SEED;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
  return h >>> 1;
}

/** Per group: where its first word's letters are in GROUP_LETTERS (offset << 8 | length). */
const groupWordAt: number[] = [];
const groupLetters: number[] = [];
/** Per group: the meaning of its one form, when that form is its first word alone (most verbs), else null. */
const GROUP_ONE_WORD_INFO: (CueInfo | null)[] = [];
for (const [first, forms] of CUES_BY_FIRST_WORD) {
  const h = wordHash(first);
  CUE_GROUP_LIST.push({ first, forms });
  groupWordAt.push((groupLetters.length << 8) | first.length);
  for (let k = 0; k < first.length; k++) groupLetters.push(first.charCodeAt(k));
  GROUP_ONE_WORD_INFO.push(forms.length === 1 && forms[0]!.words.length === 1 ? forms[0]!.info : null);
  let slot = h & (CUE_SLOTS - 1);
  while (cueSlots[slot * 2 + 1] !== 0) slot = (slot + 1) & (CUE_SLOTS - 1);
  cueSlots[slot * 2] = h;
  cueSlots[slot * 2 + 1] = CUE_GROUP_LIST.length;
}
const GROUP_WORD_AT = Int32Array.from(groupWordAt);
const GROUP_LETTERS = Uint16Array.from(groupLetters);

/**
 * The index of the group whose first word is text[start, end), a word of ASCII letters (the Kelvin
 * sign reads as "k") with wordHash `hash`, or -1. Compared by character code with the group's letters.
 */
export function cueGroupIndexOf(text: string, start: number, end: number, hash: number): number {
  let slot = hash & (CUE_SLOTS - 1);
  for (;;) {
    const group = cueSlots[slot * 2 + 1]! - 1;
    if (group < 0) return -1;
    if (cueSlots[slot * 2] === hash) {
      const at = GROUP_WORD_AT[group]!;
      const length = at & 255;
      if (length === end - start) {
        const from = at >>> 8;
        let same = true;
        for (let i = 0; i < length && same; i++) {
          const c = text.charCodeAt(start + i);
          same = (c === 0x212a ? 107 : c | 32) === GROUP_LETTERS[from + i];
        }
        if (same) return group;
      }
    }
    slot = (slot + 1) & (CUE_SLOTS - 1);
  }
}

/** The group at an index from cueGroupIndexOf. */
export function cueGroupAt(index: number): CueGroup {
  return CUE_GROUP_LIST[index]!;
}

/** The meaning of the group's only form when that is its first word alone, else null (see cueGroupAt). */
export function oneWordCueInfo(index: number): CueInfo | null {
  return GROUP_ONE_WORD_INFO[index]!;
}
// The low 13 bits of those hashes as a bit table: most words fail this test, which is cheaper than the table.
// 1 KB: it is read for every word the tokenizer reads, so it is kept small enough to stay in the
// cache; the few words that pass it by chance (about 4%) are told apart by the slot table.
const FIRST_WORD_WORDS = 256;
const FIRST_WORD_BITS = new Uint32Array(FIRST_WORD_WORDS);
for (const first of CUES_BY_FIRST_WORD.keys()) {
  const h = wordHash(first);
  FIRST_WORD_BITS[(h >>> 5) & (FIRST_WORD_WORDS - 1)]! |= 1 << (h & 31);
}

/** Whether a word with this hash (of its lower-cased letters) may be the first word of a cue. */
export function mayStartCue(hash: number): boolean {
  if ((FIRST_WORD_BITS[(hash >>> 5) & (FIRST_WORD_WORDS - 1)]! & (1 << (hash & 31))) === 0) return false;
  let slot = hash & (CUE_SLOTS - 1);
  for (;;) {
    if (cueSlots[slot * 2 + 1] === 0) return false;
    if (cueSlots[slot * 2] === hash) return true;
    slot = (slot + 1) & (CUE_SLOTS - 1);
  }
}

// The first three letters of the cues' first words (a-z, as a number below 26^3) as bits: most words
// of a sentence are told apart from every cue by them, and are skipped without hashing their letters.
const PREFIX_BITS = new Uint32Array(Math.ceil((26 * 26 * 26) / 32));
// The prefix test stands for the hash test only if every first word has three letters a-z or more,
// and no shorter word's hash is one of theirs: checked here rather than assumed.
let prefixTestExact = true;
for (const first of CUES_BY_FIRST_WORD.keys()) {
  if (!/^[a-z]{3,}$/.test(first)) {
    prefixTestExact = false;
    continue;
  }
  const prefix = ((first.charCodeAt(0) - 97) * 26 + first.charCodeAt(1) - 97) * 26 + first.charCodeAt(2) - 97;
  PREFIX_BITS[prefix >>> 5]! |= 1 << (prefix & 31);
}
for (let a = 97; a <= 122 && prefixTestExact; a++) {
  if (mayStartCue(wordHash(String.fromCharCode(a)))) prefixTestExact = false;
  for (let b = 97; b <= 122; b++) if (mayStartCue(wordHash(String.fromCharCode(a, b)))) prefixTestExact = false;
}
const PREFIX_TEST_EXACT = prefixTestExact;

/** Whether `text[start, end)` may hold a reporting cue (false positives possible, never false negatives). */
export function mayHoldCue(text: string, start: number, end: number): boolean {
  if (!PREFIX_TEST_EXACT) return mayHoldCueByHash(text, start, end);
  // Runs of ASCII letters, as the tokenizer reads cue words; `| 32` lower-cases an ASCII capital, and
  // only ASCII letters land in 0..25 after `- 97`.
  let i = start;
  while (i < end) {
    const first = (text.charCodeAt(i++) | 32) - 97;
    if (first >>> 0 >= 26) continue;
    if (i >= end) return false;
    const second = (text.charCodeAt(i) | 32) - 97;
    if (second >>> 0 >= 26) continue;
    i++;
    if (i >= end) return false;
    const third = (text.charCodeAt(i) | 32) - 97;
    if (third >>> 0 >= 26) continue;
    i++;
    const prefix = (first * 26 + second) * 26 + third;
    if ((PREFIX_BITS[prefix >>> 5]! & (1 << (prefix & 31))) === 0) {
      // No cue starts so: skip the rest of the word.
      while (i < end && ((text.charCodeAt(i) | 32) - 97) >>> 0 < 26) i++;
      continue;
    }
    let h = (Math.imul((Math.imul((Math.imul(HASH_SEED, 31) + first + 97) | 0, 31) + second + 97) | 0, 31) + third + 97) | 0;
    while (i < end) {
      const letter = (text.charCodeAt(i) | 32) - 97;
      if (letter >>> 0 >= 26) break;
      h = (Math.imul(h, 31) + letter + 97) | 0;
      i++;
    }
    if (mayStartCue(h >>> 1)) return true;
  }
  return false;
}

/**
 * mayHoldCue by the hash of every word: the exact test when the prefixes cannot stand for it, and the one the
 * tests hold the prefix gate to.
 */
export function mayHoldCueByHash(text: string, start: number, end: number): boolean {
  let h = HASH_SEED;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const letter = (text.charCodeAt(i) | 32) - 97;
    if (letter >>> 0 < 26) {
      h = (Math.imul(h, 31) + letter + 97) | 0;
      inWord = true;
    } else if (inWord) {
      if (mayStartCue(h >>> 1)) return true;
      h = HASH_SEED;
      inWord = false;
    }
  }
  return inWord && mayStartCue(h >>> 1);
}
