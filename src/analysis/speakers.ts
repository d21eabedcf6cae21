// Who says what: finds the reporting cue of a sentence, the noun phrase that is its source,
// and turns that phrase into a speaker (an official's canonical name, a person's name, or the
// body/description as the article gives it). Pronouns resolve to the last person or body named.
import { detached } from './detached';
import { lookupCountry } from './countries';
import { F_JOINER, F_WORD, fullEndAt, releaseSharedWords, sharedTokens, type SharedWords } from './names';
import { cueGroupAt, cueGroupIndexOf, HASH_SEED, mayHoldCue, oneWordCueInfo, mayStartCue, singleWordCueForms, wordHash, type CueForm, type CueInfo } from './reporting';
import type { OfficialMention, Span } from './types';

/**
 * The text every token is read from: set by `tokenize`, and emptied when attributeSentences is done
 * with an article. Tokens hold positions only (no string): the pool keeps them from one article to
 * the next without keeping any article alive, and a reused token has fewer fields to reset.
 */
let tokenText = '';

/**
 * A word or a punctuation character of a sentence, read from the text last given to `tokenize`
 * (attributeSentences tokenizes one article at a time). Its strings are cut from the text only
 * when read: most tokens of a sentence are never looked at.
 */
export class Token {
  private catCache = -1;
  constructor(
    public start: number,
    public end: number,
    /** A word (letters/digits) rather than punctuation. */
    public word: boolean,
    public cap: boolean,
    /** Hash of the lower-cased word when it is all ASCII letters (see reporting.wordHash), else 0. */
    public hash: number,
    /** The character code of a one-unit punctuation token (its text), else -1: compared without a string. */
    public punct: number,
  ) {}

  /** The text the token was read from. */
  get source(): string {
    return tokenText;
  }

  get text(): string {
    return tokenText.slice(this.start, this.end);
  }

  get lower(): string {
    return this.word && !isPlain(tokenText, this.start, this.end) ? this.text.toLowerCase() : this.text;
  }

  /** The word lists its lower case belongs to (C_* bits), read once when first asked. */
  get cat(): number {
    if (this.catCache < 0) {
      // Of the punctuation, only "&" is listed (a connector); a listed word of ASCII letters is found by its hash.
      if (!this.word) this.catCache = this.punct === 38 ? CATEGORIES_BY_WORD.get('&') ?? 0 : 0;
      else this.catCache = this.hash !== 0 ? categoriesOfAsciiWord(tokenText, this.start, this.end, this.hash) : CATEGORIES_BY_WORD.get(this.lower) ?? 0;
    }
    return this.catCache;
  }

  /** Turns a released token into a new one (see TokenPool). */
  reset(start: number, end: number, word: boolean, cap: boolean, hash: number, punct: number): this {
    this.start = start;
    this.end = end;
    this.word = word;
    this.cap = cap;
    this.hash = hash;
    this.punct = punct;
    this.catCache = -1;
    return this;
  }
}

/**
 * Only ASCII characters and no capital: the text is its own lower case. Read when a word's lower case
 * is first asked for (one word in ten), rather than tracked for every letter the tokenizer reads.
 */
function isPlain(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || (c >= 65 && c <= 90)) return false;
  }
  return true;
}

/**
 * Tokens of sentences that can no longer be read, reused for the next sentences and the next
 * documents: a token was allocated for most words of every sentence that may hold a cue (a seventh
 * of all the engine allocated). The tokens hold positions only, so keeping them keeps no text.
 */
class TokenPool {
  private lists: Token[][] = [];
  /** Tokens cut from the end of a reused list (its new sentence was shorter), for lists that need more. */
  readonly spare: Token[] = [];

  /** A list to tokenize into; it may still hold released tokens, which the tokenizer resets in place. */
  list(): Token[] {
    return this.lists.pop() ?? [];
  }

  release(list: Token[]): void {
    if (list !== NO_TOKENS) this.lists.push(list);
  }

  /**
   * A document is done: what an unusually long one left (a 1 MB line is one sentence) is let go
   * beyond a bound. (The tokens hold no text: see tokenText.)
   */
  endDocument(): void {
    if (this.lists.length > MAX_POOLED_LISTS) this.lists.length = MAX_POOLED_LISTS;
    if (this.spare.length > MAX_SPARE_TOKENS) this.spare.length = MAX_SPARE_TOKENS;
    for (const list of this.lists) if (list.length > MAX_LIST_TOKENS) list.length = MAX_LIST_TOKENS;
  }
}
const MAX_POOLED_LISTS = 16;
const MAX_LIST_TOKENS = 512;
const MAX_SPARE_TOKENS = 2048;
/** The tokens of attributeSentences, shared by all documents (it runs to its end before the next call). */
const SHARED_POOL = new TokenPool();

export interface Speaker {
  speaker: string | null;
  speakerEntityId: string | null;
  /** A named person (not a body, a country or a description). */
  person: boolean;
}

export interface Attribution extends Speaker {
  cue: string;
  cueStart: number;
  cueEnd: number;
  info: CueInfo;
  /** The source phrase as written. */
  phrase: Span;
}

const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Letter or digit; the regex runs once per non-ASCII UTF-16 unit, its answer is kept in a table. */
function isWordChar(code: number, text: string, i: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  let known = NON_ASCII_WORD_UNITS[code]!;
  if (known === 0) NON_ASCII_WORD_UNITS[code] = known = NON_ASCII_WORD_CHAR.test(text[i]!) ? 1 : 2;
  return known === 1;
}
/** Per UTF-16 unit: 0 not yet tested, 1 word character, 2 not. */
const NON_ASCII_WORD_UNITS = new Uint8Array(65536);

// Classes of ASCII characters for the tokenizer's inner loops.
const OTHER = 0;
const SPACE = 1;
const LOWER = 2;
const UPPER = 3;
const DIGIT = 4;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_CLASS[c] = c >= 97 && c <= 122 ? LOWER : c >= 65 && c <= 90 ? UPPER : c >= 48 && c <= 57 ? DIGIT : isSpaceCode(c) ? SPACE : OTHER;
}

function isSpaceCode(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 160 || code === 12 || code === 11 || (code >= 0x2000 && code <= 0x200b) || code === 0x3000 || code === 0x202f;
}

/**
 * Words (letters/digits, joined by inner apostrophes, hyphens, dots and ampersands: "Iran’s",
 * "Amir-Abdollahian", "U.S") and single punctuation characters, scanned by character code.
 *
 * `words`, the names.ts tokens of the same text (the officials stage's, when it has just read the
 * article), spare the scan of most words: a word of names.ts that is ASCII letters only (a hash, no
 * joiner) is a run of letters that no ASCII letter precedes or follows, so where one starts a word
 * here, this word's letters run at least to its end, with its hash (the same as wordHash's).
 */
export function tokenize(text: string, start: number, end: number, pool?: TokenPool, cueCandidates?: number[], words?: SharedWords | null, firstWord = -1): Token[] {
  const out: Token[] = pool ? pool.list() : [];
  tokenText = text;
  // The names.ts word at or after the scan's position (words.count when none, or no words given);
  // `firstWord`, when given, is the first at or after `start`.
  let w = words ? (firstWord >= 0 ? firstWord : firstWordFrom(words, start)) : 0;
  const wordCount = words ? words.count : 0;
  const wordStart = words ? words.start : NO_POSITIONS;
  // Tokens already in `out` (a released list) are reset in place rather than allocated.
  let n = 0;
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    const cls = code < 128 ? ASCII_CLASS[code]! : isSpaceCode(code) ? SPACE : isWordChar(code, text, i) ? LOWER : OTHER;
    if (cls === SPACE) {
      i++;
      continue;
    }
    if (cls === OTHER) {
      // Keep surrogate pairs together so spans never split a character.
      const len = code >= 0xd800 && code <= 0xdbff && i + 1 < end ? 2 : 1;
      const punct = len === 1 ? code : -1;
      const old = out[n++];
      if (old) old.reset(i, i + len, false, false, 0, punct);
      else out.push(pool?.spare.pop()?.reset(i, i + len, false, false, 0, punct) ?? new Token(i, i + len, false, false, 0, punct));
      i += len;
      continue;
    }
    // The hash of the lower-cased word, kept only while the word is all ASCII letters (cue words are).
    let hash = HASH_SEED;
    let letters = true;
    let j = i;
    // The finished hash of the names.ts word the scan starts past, or -1.
    let knownHash = -1;
    if (w < wordCount) {
      while (w < wordCount && wordStart[w]! < i) w++;
      if (w < wordCount && wordStart[w] === i) {
        const e = words!.end[w]!;
        const h = words!.hashFull[w]!;
        // Its letters are taken as read; the scan goes on from their end (through digits, joiners and
        // the like, which end `letters`: no letter can follow).
        if (h >= 0 && e <= end && (words!.flags[w]! & F_JOINER) === 0) {
          knownHash = h;
          j = e;
        }
      }
    }
    // The character that ends the word (0 at the range's end).
    let lastChar = 0;
    for (;;) {
      // The character that ends the run of word characters (0 at the range's end: no joiner there).
      let c = 0;
      while (j < end) {
        c = text.charCodeAt(j);
        // `| 32` lower-cases an ASCII capital; only ASCII letters land in 0..25 after `- 97`.
        const letter = (c | 32) - 97;
        if (letter >>> 0 < 26) {
          hash = (Math.imul(hash, 31) + letter + 97) | 0;
        } else if (c < 128) {
          if (c >= 48 && c <= 57) letters = false;
          else break;
        }
        // The Kelvin sign lower-cases to an ASCII "k".
        else if (c === 0x212a) {
          hash = (Math.imul(hash, 31) + 107) | 0;
        } else if (isWordChar(c, text, j)) {
          letters = false;
        } else break;
        j++;
      }
      // Inner joiners: ' ’ - ‐ . & followed by a word character.
      if (j + 1 < end && (c === 39 || c === 0x2019 || c === 45 || c === 0x2010 || c === 46 || c === 38) && isWordChar(text.charCodeAt(j + 1), text, j + 1)) {
        letters = false;
        j += 2;
        continue;
      }
      lastChar = c;
      break;
    }
    // A capital: an ASCII one, or a first unit that lower-casing changes.
    const cap = code < 128 ? code >= 65 && code <= 90 : isCapital(code, text, i);
    const h = letters ? (knownHash >= 0 ? knownHash : hash >>> 1) : 0;
    // Words that may start a cue are noted as they are read, so cue matching needs no second pass.
    if (h !== 0 && cueCandidates && mayStartCue(h)) cueCandidates.push(n);
    const old = out[n++];
    if (old) old.reset(i, j, true, cap, h, -1);
    else out.push(pool?.spare.pop()?.reset(i, j, true, cap, h, -1) ?? new Token(i, j, true, cap, h, -1));
    // Most words end at a space: it is passed over here, without reading it again.
    i = lastChar === 32 ? j + 1 : j;
  }
  if (out.length > n) {
    // The released tokens beyond this sentence's are kept for longer sentences.
    if (pool) for (let k = n; k < out.length; k++) pool.spare.push(out[k]!);
    out.length = n;
  }
  return out;
}

const NO_POSITIONS = new Int32Array(0);

/**
 * mayHoldCue(text, start, end) read from the names.ts words of the text: a run of ASCII letters never
 * crosses from one of its tokens to the next (and numbers and marks hold none), so a word of letters
 * only inside the range is one run, told by its hash; the rest of the words are scanned as before.
 */
export function wordsMayHoldCue(words: SharedWords, text: string, start: number, end: number, firstWord = firstWordFrom(words, start)): boolean {
  let k = firstWord;
  // A word that starts before the range may reach into it.
  if (k > 0 && words.flags[k - 1]! & F_WORD) {
    const reach = fullEndAt(words, k - 1);
    if (reach > start && mayHoldCue(text, start, Math.min(reach, end))) return true;
  }
  const { count, start: wordStart, end: wordEnd, flags, hashFull } = words;
  for (; k < count; k++) {
    const s = wordStart[k]!;
    if (s >= end) break;
    const f = flags[k]!;
    if ((f & F_WORD) === 0) continue;
    const h = hashFull[k]!;
    if (h >= 0 && (f & F_JOINER) === 0 && wordEnd[k]! <= end) {
      if (mayStartCue(h)) return true;
    } else if (mayHoldCue(text, s, Math.min(fullEndAt(words, k), end))) return true;
  }
  return false;
}

/**
 * The first of the names.ts words that starts at or after `pos`, found from `from` (a word that
 * starts before `pos`: a walk over the words between) or else by a binary search.
 */
function nextWordFrom(words: SharedWords, pos: number, from: number): number {
  if (from < 0 || from > words.count || (from > 0 && words.start[from - 1]! >= pos)) return firstWordFrom(words, pos);
  let k = from;
  while (k < words.count && words.start[k]! < pos) k++;
  return k;
}

/** The first of the names.ts words that starts at or after `pos` (words.count if none). */
function firstWordFrom(words: SharedWords, pos: number): number {
  let lo = 0;
  let hi = words.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words.start[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether the word starting at text[i] starts with a capital (its first unit changes when lower-cased). */
function isCapital(code: number, text: string, i: number): boolean {
  if (code < 128) return code >= 65 && code <= 90;
  return text[i]!.toLowerCase().charCodeAt(0) !== code;
}

const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'another', 'some', 'one', 'two', 'three', 'several', 'many', 'both']);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s']);
const ADVERB_SKIP = new Set([
  'has', 'have', 'had', 'also', 'again', 'repeatedly', 'further', 'then', 'later', 'earlier', 'meanwhile', 'reportedly',
  'previously', 'recently', 'once', 'publicly', 'privately', 'already', 'still', 'strongly', 'firmly', 'only', 'just',
  'often', 'will', 'would', 'could', 'may', 'might', 'should', 'can', 'must', 'shall', 'did', 'does', 'do', 'however',
  'too', 'separately', 'subsequently', 'immediately', 'personally', 'directly', 'openly', 'formally', 'officially',
  'jointly', 'similarly', 'likewise', 'initially', 'originally', 'yesterday', 'today', 'tonight', 'now', 'first',
  'last', 'this', 'next', 'week', 'month', 'year', 'weekend', 'morning', 'afternoon', 'evening', 'night', 'on', 'in',
  'not', 'never', 'always', 'both', 'all', 'each', 'himself', 'herself', 'themselves', 'itself', 'specifically',
]);
// A skipped "on"/"in"/"last"/"this" is only part of a time phrase; see skipAdverbials.
const TIME_PREPS = new Set(['on', 'in', 'last', 'this', 'next', 'earlier', 'later', 'early', 'late']);
const WEEKDAYS_MONTHS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);
/** Lower-case words that never belong inside a source noun phrase. */
const NP_STOP = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would',
  'can', 'could', 'may', 'might', 'must', 'shall', 'should', 'to', 'in', 'on', 'at', 'with', 'for', 'from', 'by',
  'about', 'after', 'before', 'during', 'into', 'over', 'under', 'than', 'then', 'there', 'here', 'not', 'no', 'so',
  'such', 'very', 'as', 'if', 'because', 'while', 'when', 'where', 'whether', 'though', 'although', 'since', 'until',
  'also', 'that', 'which', 'who', 'whom', 'whose', 'what', 'and', 'but', 'or', 'nor', 'yet', 'of', 'it', 'they',
  'he', 'she', 'we', 'i', 'you', 'him', 'them', 'us', 'me', 'how', 'why', 'against', 'between', 'among', 'through',
  'without', 'within', 'amid', 'despite', 'toward', 'towards', 'upon', 'off', 'out', 'up', 'down', 'around', 'even',
  'more', 'most', 'less', 'again', 'too', 'however', 'meanwhile', 'instead', 'already', 'still', 'just', 'only',
  'per', 'via', 'like', 'unlike', 'including', 'regarding', 'following', 'except', 'besides', 'beyond', 'near',
]);
const CONNECTORS = new Set(['of', 'to', 'for', 'and', '&', 'de', 'del', 'da', 'al', 'bin', 'van', 'von', 'der', 'le', 'la', 'du']);
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'sir', 'dame', 'lord', 'lady', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt', 'rev', 'hon', 'mme', 'mlle', 'messrs']);
/** Words of an office or rank: stripped from the front of a name ("Foreign Minister Yoko Kamikawa"). */
const TITLE_WORDS = new Set([
  ...HONORIFICS, 'president', 'vice', 'prime', 'minister', 'ministers', 'secretary', 'foreign', 'deputy', 'chief', 'senior',
  'general', 'chancellor', 'speaker', 'senator', 'representative', 'congressman', 'congresswoman', 'governor', 'king',
  'queen', 'prince', 'princess', 'sheikh', 'emir', 'shadow', 'ambassador', 'envoy', 'spokesman', 'spokeswoman',
  'spokesperson', 'leader', 'chairman', 'chairwoman', 'chair', 'director', 'commissioner', 'high', 'justice', 'judge',
  'attorney', 'mayor', 'premier', 'commander', 'admiral', 'colonel', 'captain', 'sergeant', 'officer', 'former',
  'visiting', 'new', 'acting', 'interim', 'incumbent', 'honorable', 'honourable', 'state', 'affairs', 'defence',
  'defense', 'finance', 'trade', 'interior', 'home', 'economy', 'security', 'homeland', 'conservative', 'tory',
  'labour', 'democrat', 'democratic', 'republican', 'liberal', 'mp', 'mep', 'chief', 'executive', 'ceo', 'pope',
  'cardinal', 'bishop', 'archbishop', 'crown', 'supreme', 'lieutenant', 'major', 'field', 'marshal', 'brigadier',
  'his', 'her', 'excellency', 'majesty', 'highness', 'assistant', 'under', 'undersecretary', 'permanent', 'special',
  'adviser', 'advisor', 'counsel', 'head', 'party', 'opposition', 'national', 'international', 'economic',
]);
/** Lower-case particles inside personal names: "Mohammed bin Salman", "Lula da Silva", "Ursula von der Leyen". */
const NAME_PARTICLES = new Set(['bin', 'bint', 'ibn', 'al', 'el', 'de', 'da', 'das', 'do', 'dos', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'ter', 'le', 'la', 'du', 'y', 'abu']);

/** An office word, also hyphenated ones ("Secretary-General", "Vice-President"). */
function isTitleWord(t: Token): boolean {
  if (isIn(t, C_TITLE_WORDS)) return true;
  // A word of letters only has no hyphen; nor has a lower case whose word has none (read in place).
  if (t.hash !== 0 || !hasHyphen(t)) return false;
  return t.lower.split('-').every((part) => TITLE_WORDS.has(part) || part === 'general' || part === 'in');
}

/** Whether the token's text holds a "-" (as its lower case does: lower-casing changes letters only). */
function hasHyphen(t: Token): boolean {
  for (let i = t.start; i < t.end; i++) if (t.source.charCodeAt(i) === 45) return true;
  return false;
}

/** Heads that make a phrase a body rather than a person ("Japanese Foreign Ministry"). */
const ORG_WORDS = new Set([
  'ministry', 'department', 'office', 'commission', 'council', 'party', 'watch', 'agency', 'government',
  'administration', 'bank', 'fund', 'organisation', 'organization', 'union', 'committee', 'court', 'parliament',
  'senate', 'congress', 'house', 'times', 'post', 'journal', 'news', 'press', 'service', 'institute', 'university',
  'group', 'association', 'federation', 'forces', 'force', 'army', 'navy', 'police', 'embassy', 'cabinet',
  'authority', 'authorities', 'company', 'corporation', 'inc', 'ltd', 'network', 'website', 'newspaper', 'daily',
  'paper', 'magazine', 'television', 'tv', 'radio', 'channel', 'foundation', 'centre', 'center', 'movement',
  'alliance', 'coalition', 'secretariat', 'kremlin', 'pentagon', 'bureau', 'council', 'board', 'tribunal',
]);
/** Lower-case heads of a phrase that can be a source ("the two ministers", "aid groups"). */
const AGENT_HEADS = new Set([
  'official', 'officials', 'minister', 'ministers', 'ministry', 'government', 'governments', 'spokesman',
  'spokeswoman', 'spokesperson', 'spokespeople', 'president', 'leader', 'leaders', 'diplomat', 'diplomats',
  'ambassador', 'secretary', 'source', 'sources', 'expert', 'experts', 'analyst', 'analysts', 'critic', 'critics',
  'group', 'groups', 'report', 'reports', 'statement', 'daily', 'paper', 'newspaper', 'agency', 'notes', 'document',
  'documents', 'posting', 'website', 'people', 'residents', 'officers', 'police', 'lawmakers', 'legislators',
  'senator', 'senators', 'campaign', 'party', 'committee', 'commission', 'council', 'court', 'judge', 'prosecutors',
  'prosecutor', 'investigators', 'researchers', 'scientists', 'economists', 'observers', 'activists', 'organizations',
  'organisations', 'authorities', 'administration', 'pair', 'envoy', 'envoys', 'counterpart', 'counterparts',
  'premier', 'chancellor', 'governor', 'mayor', 'representative', 'representatives', 'delegation', 'delegations',
  'side', 'sides', 'parties', 'countries', 'nations', 'states', 'members', 'member', 'witnesses', 'witness',
  'survey', 'poll', 'study', 'data', 'figures', 'release', 'readout', 'communique', 'communiqué', 'declaration',
  'letter', 'memo', 'email', 'article', 'editorial', 'magazine', 'network', 'broadcaster', 'channel', 'television',
  'radio', 'media', 'press', 'union', 'unions', 'company', 'firm', 'firms', 'bank', 'banks', 'military', 'army',
  'commander', 'commanders', 'general', 'generals', 'chief', 'chiefs', 'head', 'heads', 'director', 'manager',
  'executive', 'executives', 'adviser', 'advisers', 'advisor', 'advisors', 'aide', 'aides', 'staff', 'insiders',
  'supporters', 'opponents', 'voters', 'citizens', 'protesters', 'demonstrators', 'students', 'teachers', 'doctors',
  'workers', 'businesses', 'investors', 'traders', 'negotiators', 'mediators', 'monitors', 'inspectors', 'cabinet',
  'parliament', 'ministers', 'regime', 'embassy', 'mission', 'office', 'department', 'bureau', 'agencies', 'team',
  'lawyer', 'lawyers', 'attorney', 'attorneys', 'candidate', 'candidates', 'democrats', 'republicans', 'man', 'woman',
  'men', 'women', 'person', 'family', 'families', 'community', 'spokesmen', 'spokeswomen', 'others', 'some',
]);
/** Documents that carry someone else's words: "a press release by X", "data from X". */
const DOC_NOUNS = new Set([
  'release', 'statement', 'report', 'data', 'figures', 'documents', 'document', 'notes', 'readout', 'transcript',
  'communique', 'communiqué', 'letter', 'survey', 'poll', 'study', 'estimates', 'records', 'filing', 'filings',
  'sources', 'source', 'memo', 'email', 'emails', 'announcement', 'post', 'tweet', 'interview', 'briefing',
]);
const INTRO_WORDS = new Set([
  'in', 'on', 'at', 'during', 'after', 'before', 'when', 'while', 'as', 'although', 'though', 'since', 'despite',
  'with', 'without', 'for', 'facing', 'speaking', 'regarding', 'under', 'amid', 'following', 'unlike', 'like', 'if',
  'because', 'by', 'from', 'over', 'through', 'to', 'given', 'once', 'standing', 'addressing', 'writing',
  'responding', 'referring', 'commenting', 'asked', 'meanwhile', 'however', 'furthermore', 'moreover',
  'additionally', 'also', 'separately', 'earlier', 'later', 'still', 'now', 'then', 'instead', 'indeed', 'yet',
  'upon', 'within', 'throughout', 'according',
]);
const LEADING_CONJ = new Set(['but', 'and', 'yet', 'so', 'or', 'meanwhile', 'however', 'now', 'earlier', 'later', 'then', 'also', 'still', 'separately', 'furthermore', 'moreover', 'additionally', 'instead', 'indeed', 'thus']);

/** Bodies and regions that are not in the country table but are never a person. */
const PLACES = new Set<string>(['europe', 'eu', 'un', 'nato', 'gaza', 'west', 'kremlin', 'pentagon', 'asia', 'africa', 'palestine', 'jerusalem', 'tokyo']);

/** A single capitalised word that names a person rather than a place, an acronym or a body. */
const placeMemo = new Map<string, boolean>();
function isPlace(word: string): boolean {
  let known = placeMemo.get(word);
  if (known === undefined) {
    if (placeMemo.size > 20000) placeMemo.clear();
    known = lookupCountry(word) !== null;
    placeMemo.set(detached(word), known);
  }
  return known;
}

function personWord(t: Token): boolean {
  // The country table (isPlace, a lookup by the word's text) is asked last: the other tests are read in place.
  return t.cap && !isIn(t, C_PLACES) && !isIn(t, C_ORG_WORDS) && !isIn(t, C_TITLE_WORDS) && !isAllCapitals(t) && !endsWithLower(t, 's') && !isPlace(t.text);
}

/** "Iran's", "IRAN'S", "members'" (as /['’]s$/i or a final "s'"/"s’"), read from the last two characters. */
function isPossessive(t: Token): boolean {
  // Read from the article, without the token's string.
  if (t.end - t.start < 2) return false;
  const last = t.source.charCodeAt(t.end - 1);
  const prev = t.source.charCodeAt(t.end - 2);
  return ((last === 115 || last === 83) && (prev === 39 || prev === 0x2019)) || (prev === 115 && (last === 39 || last === 0x2019));
}

/** Whether the phrase tokens can be a source: a pronoun, a proper noun, or an agent-like head. */
function agentive(tokens: Token[], sentenceStart: number): boolean {
  // Content words are the words that are not determiners; counted in place, without a filtered list.
  let count = 0;
  let only: Token | undefined;
  for (const t of tokens) {
    if (t.word && !isIn(t, C_DETERMINERS)) {
      count++;
      only = t;
    }
  }
  if (count === 0) return false;
  if (count === 1 && isIn(only, C_PRONOUNS)) return true;
  for (const t of tokens) if (t.word && !isIn(t, C_DETERMINERS) && (isIn(t, C_AGENT_HEADS) || isIn(t, C_ORG_WORDS))) return true;
  // A capitalised word that is not merely sentence-initial marks a proper noun; a lone
  // sentence-initial capitalised word right before the verb ("Washington argues") counts too.
  for (const t of tokens) if (t.word && !isIn(t, C_DETERMINERS) && t.cap && (t.start !== sentenceStart || count === 1)) return true;
  return false;
}

const SPAN_UNITS = new Set(['days', 'weeks', 'months', 'years']);
const SPAN_OPENERS = new Set(['recent', 'past', 'for', 'coming', 'several', 'many']);

/** Words after a name that are not part of it: "Ms Osei last week said". */
function skipAdverbials(tokens: Token[], idx: number): number {
  let i = idx;
  for (;;) {
    const t = tokens[i];
    if (!t || !t.word) return i;
    if (isIn(t, C_WEEKDAYS_MONTHS) && t.cap) {
      i--;
      const prev = tokens[i];
      if (prev && isIn(prev, C_TIME_PREPS)) i--;
      continue;
    }
    if (isWord(t, 'time') && isWord(tokens[i - 1], 'same') && isWord(tokens[i - 2], 'the') && isWord(tokens[i - 3], 'at')) {
      i -= 4;
      continue;
    }
    // "in the past", "in recent days", "at the time", "for years"
    if ((isWord(t, 'past') || isWord(t, 'time')) && isWord(tokens[i - 1], 'the') && (isWord(tokens[i - 2], 'in') || isWord(tokens[i - 2], 'at'))) {
      i -= 3;
      continue;
    }
    if (isIn(t, C_SPAN_UNITS) && tokens[i - 1] && isIn(tokens[i - 1], C_SPAN_OPENERS)) {
      i -= 2;
      if (isWord(tokens[i], 'in') || isWord(tokens[i], 'the')) i--;
      if (isWord(tokens[i], 'in')) i--;
      continue;
    }
    if ((isWord(t, 'week') || isWord(t, 'month') || isWord(t, 'year') || isWord(t, 'weekend') || isWord(t, 'night') || isWord(t, 'morning')) && tokens[i - 1] && isIn(tokens[i - 1], C_TIME_PREPS)) {
      i -= 2;
      if (isWord(tokens[i], 'earlier') || isWord(tokens[i], 'later')) i--;
      continue;
    }
    if (t.cap) return i;
    if (isIn(t, C_TIME_PREPS) && !isWord(t, 'earlier') && !isWord(t, 'later')) return i;
    if (isIn(t, C_ADVERB_SKIP) || (lowerLength(t) > 4 && endsWithLower(t, 'ly') && !t.cap && !isIn(t, C_AGENT_HEADS) && !/(?:weekly|monthly|family|ally|assembly)$/.test(t.lower))) {
      i--;
      continue;
    }
    return i;
  }
}

interface PhraseResult {
  tokens: Token[];
  /** Tokens of a parenthetical right after the phrase (", the third-ranking House Democrat,"). */
  appositive: Token[];
}

function isTokenAllowedInPhrase(t: Token): boolean {
  if (!t.word) return t.punct === 46;
  if (t.cap) return !isIn(t, C_PRONOUNS) || isWord(t, 'i');
  if ((t.cat & (C_NP_STOP | C_CUE_FORM)) !== 0) return false;
  return !endsWithLower(t, 'ed') && !endsWithLower(t, 'ing');
}

/** As /^(?:the|these|those|all|his|her|their|its|our)$/.test(t.lower), compared in place. */
function isArticleLike(t: Token): boolean {
  return isWord(t, 'the') || isWord(t, 'these') || isWord(t, 'those') || isWord(t, 'all') || isWord(t, 'his') || isWord(t, 'her') || isWord(t, 'their') || isWord(t, 'its') || isWord(t, 'our');
}

/** Collects a noun phrase that ends at tokens[idx], walking left. Returns its first index, or idx + 1 if empty. */
function phraseBackward(tokens: Token[], idx: number, floor: number): number {
  let k = idx;
  let count = 0;
  while (k >= floor && count < 10) {
    const t = tokens[k]!;
    if (isIn(t, C_PRONOUNS) && t.word) return k === idx ? k : k + 1;
    if (isIn(t, C_DETERMINERS) && t.word && !isWord(t, 'that')) {
      // "The two ministers": a numeral after an article.
      const before = tokens[k - 1];
      if (k - 1 >= floor && before && isArticleLike(before) && before.lower !== t.lower) return k - 1;
      return k;
    }
    if (t.punct === 46) {
      const prev = tokens[k - 1];
      if (prev && (isIn(prev, C_HONORIFICS) || (prev.end - prev.start === 1 && prev.cap)) && k < idx) {
        k--;
        continue;
      }
      return k + 1;
    }
    if (t.word && !t.cap && isIn(t, C_CONNECTORS)) {
      const right = tokens[k + 1];
      const left = tokens[k - 1];
      if (k < idx && right?.cap && left?.cap && !isIn(left, C_PRONOUNS)) {
        k--;
        continue;
      }
      return k + 1;
    }
    if (!isTokenAllowedInPhrase(t)) return k + 1;
    // A sentence-initial capitalised function word ("In", "After") is not a name.
    if (t.cap && isIn(t, C_NP_STOP)) return k + 1;
    count++;
    k--;
  }
  return k + 1;
}

interface SubjectResult {
  readonly phrase: PhraseResult | null;
  readonly passive: boolean;
  readonly coordinated: boolean;
  readonly commaOnly: boolean;
}
// The answers without a phrase are shared (read only): most cues end in one of them, and they were built per cue.
const NO_SUBJECT: SubjectResult = { phrase: null, passive: false, coordinated: false, commaOnly: false };
const PASSIVE_SUBJECT: SubjectResult = { phrase: null, passive: true, coordinated: false, commaOnly: false };
const COORDINATED_SUBJECT: SubjectResult = { phrase: null, passive: false, coordinated: true, commaOnly: false };
const COMMA_ONLY_SUBJECT: SubjectResult = { phrase: null, passive: false, coordinated: false, commaOnly: true };

/** The source phrase before a cue: "the official, who spoke on condition of anonymity, said". */
export function subjectBefore(tokens: Token[], cueIdx: number, floorIdx: number): SubjectResult {
  let i = skipAdverbials(tokens, cueIdx - 1);
  const none = NO_SUBJECT;
  if (i < floorIdx) return none;
  const t = tokens[i]!;
  if (isIn(t, C_BE_FORMS)) return PASSIVE_SUBJECT;
  if (isWord(t, 'to') || isWord(t, 'not')) return none;
  // Shared and read only when there is none (most cues).
  let appositive: Token[] = NO_TOKENS;
  if (t.punct === 44 || t.punct === 8212 || t.punct === 8211 || (t.punct === 45 && tokens[i - 1] && tokens[i - 1]!.end < t.start)) {
    // A parenthetical between the source and the verb: find its opening delimiter.
    let p = i - 1;
    const delim = t.punct === 44 ? ',' : null;
    while (p >= floorIdx && i - p < 40) {
      const x = tokens[p]!;
      if (delim ? x.punct === 44 : x.punct === 8212 || x.punct === 8211 || x.punct === 45) break;
      if (x.punct === 34 || x.punct === 8220 || x.punct === 8221 || x.punct === 59 || x.punct === 58) {
        p = floorIdx - 1;
        break;
      }
      p--;
    }
    if (p < floorIdx || i - p >= 40) return COMMA_ONLY_SUBJECT;
    appositive = tokens.slice(p + 1, i);
    i = skipAdverbials(tokens, p - 1);
    if (i < floorIdx) return COMMA_ONLY_SUBJECT;
  }
  const cur = tokens[i]!;
  if (cur.word && (isWord(cur, 'and') || isWord(cur, 'but') || isWord(cur, 'or')) && !cur.cap) return COORDINATED_SUBJECT;
  if (!cur.word && cur.punct !== 46) return appositive.length === 0 && cur.punct === 44 ? COMMA_ONLY_SUBJECT : NO_SUBJECT;
  const first = phraseBackward(tokens, i, floorIdx);
  if (first > i) {
    if (cur.word && (isWord(cur, 'and') || isWord(cur, 'but'))) return COORDINATED_SUBJECT;
    return none;
  }
  return { phrase: { tokens: tokens.slice(first, i + 1), appositive }, passive: false, coordinated: false, commaOnly: false };
}

/** A noun phrase that starts at tokens[idx], walking right ("said the spokesman", "according to X"). */
export function phraseForward(tokens: Token[], idx: number, limitIdx: number): Token[] {
  let k = idx;
  while (k < limitIdx && tokens[k]!.punct === 44) k++;
  const start = k;
  if (k < limitIdx && isIn(tokens[k], C_PRONOUNS) && tokens[k]!.word) return [tokens[k]!];
  if (k < limitIdx && isIn(tokens[k], C_DETERMINERS)) k++;
  let count = 0;
  while (k < limitIdx && count < 10) {
    const t = tokens[k]!;
    if (t.punct === 46) {
      const prev = tokens[k - 1];
      if (prev && (isIn(prev, C_HONORIFICS) || (prev.end - prev.start === 1 && prev.cap)) && tokens[k + 1]?.cap) {
        k++;
        continue;
      }
      break;
    }
    if (t.word && !t.cap && isIn(t, C_CONNECTORS)) {
      if (k > start && tokens[k - 1]?.cap && tokens[k + 1]?.cap) {
        k++;
        continue;
      }
      break;
    }
    if (!isTokenAllowedInPhrase(t) || (t.cap && isIn(t, C_NP_STOP))) break;
    if (t.cap && isIn(t, C_WEEKDAYS_MONTHS)) break;
    // After a name, a lower-case word is a verb unless it is an office or a body ("The Clarion newspaper").
    const left = tokens[k - 1];
    const leftIsOpener = k - 1 === 0 && !isIn(t, C_IRREGULAR_PAST);
    if (t.word && !t.cap && k > start && left?.cap && !leftIsOpener && !isIn(left, C_DETERMINERS) && !isIn(t, C_TITLE_WORDS) && !isIn(t, C_AGENT_HEADS) && !isIn(t, C_ORG_WORDS) && !(isWord(t, 'rights') || isWord(t, 'affairs') || isWord(t, 'foreign') || isWord(t, 'shadow'))) break;
    count++;
    k++;
  }
  // "the Ministry of Economy, Trade and Industry": a capitalised list that closes the sentence.
  if (tokens[k]?.punct === 44 && tokens[k - 1]?.cap) {
    let j = k + 1;
    while (j < limitIdx && j < k + 20 && (tokens[j]!.cap || (tokens[j]!.word && isIn(tokens[j], C_CONNECTORS)) || tokens[j]!.punct === 44)) j++;
    const listEnd = tokens[j];
    if (j > k + 1 && tokens.slice(k + 1, j).some((t) => isWord(t, 'and') || t.punct === 38) && (!listEnd || listEnd.punct === 46) && tokens[j - 1]!.cap) k = j;
  }
  while (k > start && !tokens[k - 1]!.word && tokens[k - 1]!.punct !== 46) k--;
  if (k === start + 1 && isIn(tokens[start], C_DETERMINERS)) return NO_TOKENS;
  return tokens.slice(start, k);
}

const IRREGULAR_PAST = new Set(['met', 'said', 'told', 'made', 'took', 'gave', 'went', 'came', 'saw', 'held', 'left', 'won', 'lost', 'got', 'began', 'sent', 'spoke', 'wrote', 'led', 'ran', 'put', 'set', 'kept', 'found', 'brought', 'thought', 'felt', 'became', 'says', 'has', 'had', 'is', 'was', 'are', 'were', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'should', 'did', 'does', 'sought', 'struck', 'paid', 'sold', 'bought', 'hit', 'cut', 'read', 'heard', 'meets', 'visits', 'calls', 'wants', 'plans', 'hopes']);

function spanOf(tokens: Token[]): Span {
  return { start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end };
}

/** The trailing personal name of a phrase, without titles: "Foreign Minister Yoko Kamikawa" -> "Yoko Kamikawa". */
export function nameOf(tokens: Token[]): Token[] | null {
  // "farm unions and the Greens": two sources, kept as written.
  if (!tokens[0]?.cap && hasLowerAnd(tokens)) return null;
  const name = nameAtEnd(tokens);
  if (name) return name;
  // "President Ruto of Kenya": the name comes before the place.
  for (let i = tokens.length - 1; i > 0; i--) {
    const t = tokens[i]!;
    if (t.word && !t.cap && (isWord(t, 'of') || isWord(t, 'from') || isWord(t, 'at'))) {
      const left = tokens[i - 1]!;
      if (left.cap && !isIn(left, C_TITLE_WORDS) && !isIn(left, C_ORG_WORDS)) return nameAtEnd(tokens.slice(0, i));
      return null;
    }
  }
  return null;
}

/** Whether a lower-case "and" is among the tokens. */
function hasLowerAnd(tokens: Token[]): boolean {
  for (const t of tokens) if (!t.cap && isWord(t, 'and')) return true;
  return false;
}

/** The number of words among the tokens. */
function wordCountOf(tokens: Token[]): number {
  let n = 0;
  for (const t of tokens) if (t.word) n++;
  return n;
}

function nameAtEnd(tokens: Token[]): Token[] | null {
  // Phrases mostly hold only words and full stops: then they are their own list of words (read only here).
  const words = onlyWordsAndDots(tokens) ? tokens : tokens.filter((t) => t.word || t.punct === 46);
  let end = words.length;
  while (end > 0 && words[end - 1]!.punct === 46) end--;
  if (end === 0) return null;
  const last = words[end - 1]!;
  if (!last.cap || isIn(last, C_ORG_WORDS) || isPossessive(last)) return null;
  let start = end - 1;
  while (start > 0) {
    const t = words[start - 1]!;
    if (t.punct === 46 || (t.cap && !isPossessive(t) && !isTitleWord(t))) start--;
    else if (t.word && !t.cap && isIn(t, C_NAME_PARTICLES) && words[start - 2]?.cap) start--;
    else break;
  }
  // "Ms Okafor and Mr Mensah": two people, kept as written.
  let b = start - 1;
  while (b >= 0 && (words[b]!.punct === 46 || isTitleWord(words[b]!))) b--;
  if (b > 0 && b < start - 1 && (isWord(words[b], 'and') || words[b]!.punct === 38) && words[b - 1]!.cap) return null;
  const before = words[start - 1];
  // "Centers for Disease Control and Prevention": capitalised words joined by connectors name a body.
  if (before && !before.cap && (isWord(before, 'and') || isWord(before, '&') || isWord(before, 'of') || isWord(before, 'for')) && words[start - 2]?.cap) return null;
  // The name is words[first, end); its start moves right past a place and titles, cut once at the end.
  let first = start;
  if (before && !before.cap && (isWord(before, 'to') || isWord(before, 'of') || isWord(before, 'for') || isWord(before, 'from') || isWord(before, 'in') || isWord(before, 'at'))) {
    // "Ambassador to Japan Gilad Cohen": the first capitalised word is the place.
    if (end - first < 2) return null;
    first++;
    while (end - first > 1 && isIn(words[first], C_TITLE_WORDS)) first++;
  }
  while (first < end && (words[first]!.punct === 46 || isIn(words[first], C_HONORIFICS))) first++;
  let named = false;
  for (let k = first; k < end && !named; k++) {
    const t = words[k]!;
    named = t.word && t.cap && !isTitleWord(t);
  }
  if (!named) return null;
  return words.slice(first, end);
}

function onlyWordsAndDots(tokens: Token[]): boolean {
  for (const t of tokens) if (!t.word && t.punct !== 46) return false;
  return true;
}

function textOf(text: string, tokens: Token[]): string {
  const s = spanOf(tokens);
  return text.slice(s.start, s.end);
}

const TITLE_HEADS = new Set([
  'minister', 'ambassador', 'president', 'secretary', 'chancellor', 'premier', 'leader', 'spokesman', 'spokeswoman',
  'spokesperson', 'envoy', 'commissioner', 'governor', 'senator', 'general', 'mayor', 'king', 'queen', 'prince',
  'chairman', 'director', 'commander', 'emir', 'sheikh',
]);

interface KnownPerson {
  name: string;
  entityId: string | null;
  words: Set<string>;
  at: number;
  /** Order of first mention: ties in byTitle go to the person named first. */
  order: number;
  /** The last list of office words added (titleWordsOf lists are shared): adding it again changes nothing. */
  lastWords: readonly string[] | null;
  /** The title that `lastWords` was read from (undefined before any). */
  lastTitle: string | null | undefined;
}

/** People named so far in the article, with the words of their office, for "the ambassador" and pronouns. */
const MEDIA_WORDS = /\b(?:paper|newspaper|daily|times|post|journal|news|magazine|agency|broadcaster|website|network|channel|tv|television|radio|herald|gazette|tribune|telegraph|guardian|mirror|chronicle|express|observer|press|bbc|cnn|reuters|xinhua|tass|irna)\b/i;
const MEDIA_BACKREF = new Set(['paper', 'newspaper', 'daily', 'magazine', 'broadcaster', 'agency', 'website', 'network', 'channel', 'station', 'tabloid', 'report']);

export class PersonRegistry {
  // Indexed by name and by office word so that a long document costs no scan over everyone named so far.
  private byName = new Map<string, KnownPerson>();
  private byWord = new Map<string, KnownPerson[]>();
  /** The last body named as a source ("The Clarion newspaper"), for "the paper" and "it". */
  lastBody: Speaker | null = null;
  /** The last outlet named as a source ("The Clarion newspaper"), for "the paper". */
  lastMedia: Speaker | null = null;
  /** Counts the changes to what speakerOf reads, so that its last answer can be reused while unchanged. */
  version = 0;
  /** speakerOf's last phrase, appositive (their first and last positions), officials, and answer. */
  memoVersion = -1;
  memoText = '';
  memoOfficials: OfficialMention[] | null = null;
  memoPhraseStart = -1;
  memoPhraseEnd = -1;
  memoAppositiveStart = -1;
  memoAppositiveEnd = -1;
  memoSpeaker: Speaker | null = null;

  add(name: string, entityId: string | null, titleWords: Iterable<string>, at: number): void {
    this.version++;
    let person = this.byName.get(name);
    if (person) person.at = Math.max(person.at, at);
    else {
      person = { name, entityId, words: new Set(), at, order: this.byName.size, lastWords: null, lastTitle: undefined };
      this.byName.set(name, person);
    }
    for (const w of titleWords) this.addWord(person, lowerCaseOf(w));
  }

  /** Same as `add` with the words of an office title ("Foreign Minister"). */
  addTitled(name: string, entityId: string | null, title: string | null, at: number): void {
    this.version++;
    const person = this.byName.get(name);
    // The same title as last time gives the same words (titleWordsOf): adding them again changes nothing.
    if (person && person.lastTitle === title) {
      person.at = Math.max(person.at, at);
      return;
    }
    const words = title ? titleWordsOf(title) : NO_WORDS;
    if (person && person.lastWords === words) person.at = Math.max(person.at, at);
    else this.add(name, entityId, words, at);
    const added = person ?? this.byName.get(name)!;
    added.lastWords = words;
    added.lastTitle = title;
  }

  private addWord(person: KnownPerson, word: string): void {
    if (person.words.has(word)) return;
    person.words.add(word);
    const list = this.byWord.get(word);
    if (list) list.push(person);
    else this.byWord.set(word, [person]);
  }

  /** "the Iranian foreign minister" -> the latest person named before `at` with that office. */
  byTitle(descriptionWords: string[], at: number): KnownPerson | null {
    const head = descriptionWords[descriptionWords.length - 1];
    if (!head || !TITLE_HEADS.has(head)) return null;
    let best: KnownPerson | null = null;
    let bestScore = -1;
    for (const p of this.byWord.get(head) ?? NO_PEOPLE) {
      if (p.at >= at) continue;
      let score = 0;
      for (const w of descriptionWords) if (p.words.has(w)) score++;
      // The best score, then the latest mention, then the first named.
      if (!best || score > bestScore || (score === bestScore && (p.at > best.at || (p.at === best.at && p.order < best.order)))) {
        best = p;
        bestScore = score;
      }
    }
    return best;
  }
}

const NO_WORDS: string[] = [];

/** w.toLowerCase(), without a copy for a word of ASCII that has no capital (the office words mostly are). */
function lowerCaseOf(w: string): string {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 128 || (c >= 65 && c <= 90)) return w.toLowerCase();
  }
  return w;
}

/** The lower-case words of an office title, split once per distinct title (officials repeat their titles). */
const titleWordsMemo = new Map<string, string[]>();
function titleWordsOf(title: string): string[] {
  let words = titleWordsMemo.get(title);
  if (!words) {
    if (titleWordsMemo.size > 5000) titleWordsMemo.clear();
    words = title.split(/\s+/).map((w) => detached(w.toLowerCase()));
    titleWordsMemo.set(detached(title), words);
  }
  return words;
}
const NO_PEOPLE: KnownPerson[] = [];

/**
 * Turns a source phrase into a speaker, preferring an official mention inside it.
 *
 * A sentence's subject is most often also the source of its cue ("Ms Osei said"): the phrase is read
 * twice in a row. The answer depends only on the phrase's tokens (a run of one sentence's tokens, so
 * known by its first and last positions), the appositive's, the officials and the registry; and what
 * this adds to the registry, added again, changes nothing. So while the registry is unchanged since
 * the last call (its version), the same phrase gets the same answer without reading it again.
 */
export function speakerOf(
  text: string,
  phrase: Token[],
  appositive: Token[],
  officials: OfficialMention[],
  registry: PersonRegistry,
): Speaker {
  const phraseStart = phrase[0]!.start;
  const phraseEnd = phrase[phrase.length - 1]!.end;
  const appositiveStart = appositive.length ? appositive[0]!.start : -1;
  const appositiveEnd = appositive.length ? appositive[appositive.length - 1]!.end : -1;
  if (
    registry.memoVersion === registry.version &&
    registry.memoPhraseStart === phraseStart &&
    registry.memoPhraseEnd === phraseEnd &&
    registry.memoAppositiveStart === appositiveStart &&
    registry.memoAppositiveEnd === appositiveEnd &&
    registry.memoText === text &&
    registry.memoOfficials === officials
  ) {
    return registry.memoSpeaker!;
  }
  const speaker = readSpeaker(text, phrase, appositive, officials, registry);
  registry.memoVersion = registry.version;
  registry.memoText = text;
  registry.memoOfficials = officials;
  registry.memoPhraseStart = phraseStart;
  registry.memoPhraseEnd = phraseEnd;
  registry.memoAppositiveStart = appositiveStart;
  registry.memoAppositiveEnd = appositiveEnd;
  registry.memoSpeaker = speaker;
  return speaker;
}

function readSpeaker(text: string, phrase: Token[], appositive: Token[], officials: OfficialMention[], registry: PersonRegistry): Speaker {
  const span = spanOf(phrase);
  // nameOf(phrase) is read once, and only when needed (it is pure).
  let phraseName: Token[] | null | undefined;
  let official = officialHead(text, officials, span);
  if (!official && appositive.length) {
    phraseName = nameOf(phrase);
    if (!phraseName) official = officialHead(text, officials, spanOf(appositive));
  }
  if (official) {
    registry.addTitled(official.name, official.entityId, official.title ?? null, official.start);
    return { speaker: official.name, speakerEntityId: official.entityId, person: true };
  }
  // "Ana Lima, from Amnesty International" keeps the head; "Japan's foreign minister, Yoko Kamikawa," takes the name.
  let head = phrase;
  let name = phraseName === undefined ? nameOf(phrase) : phraseName;
  if (!name && appositive.length > 0) {
    const appName = nameOf(appositive);
    if (appName && appName.length === wordCountOf(appositive)) {
      name = appName;
      head = appositive;
    }
  }
  if (name && !looksLikeBody(phrase)) {
    const nameText = textOf(text, name);
    const nameStart = name[0]!.start;
    const titleWords: string[] = [];
    for (const t of head) if (t.word && t.start < nameStart) titleWords.push(t.lower);
    if (appositive.length && head === phrase) for (const t of appositive) if (t.word) titleWords.push(t.lower);
    // The name's words: how many, and the first (read in place, without a filtered list).
    let nameWordCount = 0;
    let nameWord: Token | undefined;
    for (const t of name) {
      if (!t.word) continue;
      if (nameWordCount++ === 0) nameWord = t;
    }
    // TITLE_WORDS holds the honorifics too.
    let honorific = false;
    for (const t of phrase) if (isIn(t, C_TITLE_WORDS)) honorific = true;
    let titled = false;
    for (const w of titleWords) if (TITLE_WORDS.has(w) || TITLE_HEADS.has(w)) titled = true;
    const person = nameWordCount >= 2 || honorific || titled || (nameWordCount === 1 && personWord(nameWord!));
    if (person) registry.add(nameText, null, titleWords, span.start);
    return { speaker: nameText, speakerEntityId: null, person };
  }
  // "the minister", "the paper": the words after "the" (listed only for such a phrase).
  let wordCount = 0;
  let firstWord: Token | undefined;
  for (const t of phrase) {
    if (!t.word) continue;
    if (wordCount++ === 0) firstWord = t;
  }
  if (isWord(firstWord, 'the') && wordCount >= 2) {
    const rest: string[] = [];
    for (const t of phrase) if (t.word && t !== firstWord) rest.push(t.lower);
    const known = registry.byTitle(rest, span.start);
    if (known) return { speaker: known.name, speakerEntityId: known.entityId, person: true };
    if (wordCount === 2 && MEDIA_BACKREF.has(rest[0]!) && registry.lastMedia) return registry.lastMedia;
  }
  return { speaker: textOf(text, phrase), speakerEntityId: null, person: false };
}

function looksLikeBody(phrase: Token[]): boolean {
  // The last word of the phrase, found from its end.
  for (let k = phrase.length - 1; k >= 0; k--) if (phrase[k]!.word) return isIn(phrase[k], C_ORG_WORDS);
  return false;
}

/** The last official named in the phrase, unless only as a possessor ("Mr. Okafor's lawyer"). */
function officialHead(text: string, officials: OfficialMention[], span: Span): OfficialMention | null {
  // Skip, by binary search, the officials that all end before the phrase (a scan from the first one is quadratic).
  const reach = reachOf(officials);
  let lo = 0;
  let hi = officials.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reach[mid]! <= span.start) lo = mid + 1;
    else hi = mid;
  }
  let found: OfficialMention | null = null;
  for (let k = lo; k < officials.length; k++) {
    const o = officials[k]!;
    if (o.start >= span.end) break;
    if (o.end > span.start) found = isPossessiveAt(text, o.end) ? null : o;
  }
  return found;
}

/** "'s" or a bare apostrophe right after a name, not followed by a word character (as /^['’]s?\b/ on two characters). */
function isPossessiveAt(text: string, i: number): boolean {
  const mark = text.charCodeAt(i);
  if (mark !== 39 && mark !== 0x2019) return false;
  // An apostrophe with "s" or any other word character after it (\b in the regex): read by code.
  if (i + 1 >= text.length) return false;
  const c = text.charCodeAt(i + 1);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * Per officials list (sorted by start): the furthest end among officials[0..k]. Only the list of the
 * article being attributed is kept, from one call to the next (cleared when the article is done): a
 * cache of every list (a WeakMap) cost an entry per article for the collector to sweep, for nothing.
 */
let lastReachList: OfficialMention[] | null = null;
let lastReach: number[] = [];
function reachOf(officials: OfficialMention[]): number[] {
  if (officials === lastReachList && lastReach.length === officials.length) return lastReach;
  const reach: number[] = [];
  let max = -1;
  for (const o of officials) reach.push((max = Math.max(max, o.end)));
  lastReachList = officials;
  lastReach = reach;
  return reach;
}

const NO_SPANS: Span[] = [];
const NO_REACH: number[] = [];

/** Whether spans come sorted by start (officials and quotations usually do): then a stable sort changes nothing. */
export function isSortedByStart(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) if (spans[i - 1]!.start > spans[i]!.start) return false;
  return true;
}

/** Per list of spans sorted by start: the furthest end among spans[0..k]. */
function reachOfSpans(spans: Span[]): number[] {
  const reach: number[] = [];
  let max = -1;
  for (const r of spans) reach.push((max = Math.max(max, r.end)));
  return reach;
}

/** Whether any span (sorted by start, `reach` from reachOfSpans) overlaps `window`. */
function touchesRanges(spans: Span[], reach: number[], window: Span): boolean {
  // The last span that starts before the window ends; any overlap reaches past the window's start.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < window.end) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && reach[lo - 1]! > window.start;
}

/** Whether a position falls inside one of the (sorted) masked ranges. */
export function inRanges(ranges: Span[], pos: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (pos < r.start) hi = mid - 1;
    else if (pos >= r.end) lo = mid + 1;
    else return true;
  }
  return false;
}

export interface SentenceContext {
  sentence: Span;
  /**
   * Empty until the sentence is read (sentences without a cue are read only when needed), and again
   * once no later sentence can need it (its tokens are reused).
   */
  tokens: Token[];
  read: boolean;
  /** First valid attribution outside quotations, in text order. */
  attributions: Attribution[];
  subject: Speaker | null;
}

/**
 * The form of a group of cues (`cueGroupAt(group)`, whose first word is token `i`) that the tokens
 * from `i` on spell, the longest first.
 */
function cueFormOfGroup(tokens: Token[], i: number, group: number): CueForm | undefined {
  for (const form of cueGroupAt(group).forms) {
    const words = form.words;
    let k = 1;
    while (k < words.length && isWord(tokens[i + k], words[k]!)) k++;
    if (k === words.length) return form;
  }
  return undefined;
}

interface ResolverState {
  lastPerson: Speaker | null;
  lastBody: Speaker | null;
  /** Sentences read since the last person or body was noted, newest last; their subjects are read only when a pronoun needs them. */
  pending: SentenceContext[];
  text: string;
  officials: OfficialMention[];
  quoted: Span[];
  registry: PersonRegistry;
  pool: TokenPool;
  /** The names.ts words of the text, when the officials stage made them (see tokenize). */
  words: SharedWords | null;
}

const MAX_PENDING = 8;
const NO_TOKENS: Token[] = [];
const NO_ATTRIBUTIONS: Attribution[] = [];

/**
 * Attributes every sentence: finds its reporting cues (outside the quotation ranges `quoted`)
 * and their sources, resolving pronouns and "the minister"-style references as it reads on.
 */
export function attributeSentences(
  text: string,
  sentences: Span[],
  officials: OfficialMention[],
  quoted: Span[],
): SentenceContext[] {
  const registry = new PersonRegistry();
  const sortedOfficials = isSortedByStart(officials) ? officials : [...officials].sort((a, b) => a.start - b.start);
  const words = sharedTokens(text);
  const state: ResolverState = { lastPerson: null, lastBody: null, pending: [], text, officials: sortedOfficials, quoted, registry, pool: SHARED_POOL, words };
  const out: SentenceContext[] = [];
  let officialCursor = 0;
  const quotedReach = reachOfSpans(quoted);
  const cueCandidates: number[] = [];
  // The first names.ts word of the sentence (when the words are shared).
  let sentenceWord = 0;
  try {
    for (const sentence of sentences) {
      while (officialCursor < sortedOfficials.length && sortedOfficials[officialCursor]!.start < sentence.end) {
        const o = sortedOfficials[officialCursor++]!;
        if (o.start >= sentence.start) registry.addTitled(o.name, o.entityId, o.title ?? null, o.start);
      }
      // Most sentences hold no reporting cue: they are only read if a later pronoun needs their subject.
      // The sentences come in text order: their first words are found by a walk from the last one's.
      if (words) sentenceWord = nextWordFrom(words, sentence.start, sentenceWord);
      if (!(words ? wordsMayHoldCue(words, text, sentence.start, sentence.end, sentenceWord) : mayHoldCue(text, sentence.start, sentence.end))) {
        // Shared empty lists: a lazy sentence gets its own tokens when read, and never attributions.
        const lazy: SentenceContext = { sentence, tokens: NO_TOKENS, attributions: NO_ATTRIBUTIONS, subject: null, read: false };
        addPending(state, lazy);
        out.push(lazy);
        continue;
      }
      // The sentence's candidates are those the tokenizer adds from here (the list is not emptied per sentence).
      const firstCandidate = cueCandidates.length;
      const tokens = tokenize(text, sentence.start, sentence.end, state.pool, cueCandidates, words, sentenceWord);
      // The shared empty list until findCues attributes a cue (a quarter of these sentences get none).
      const ctx: SentenceContext = { sentence, tokens, attributions: NO_ATTRIBUTIONS, subject: null, read: true };
      // A sentence that no quotation touches tests its tokens against no range at all (same answers, no search).
      const local = touchesRanges(quoted, quotedReach, sentence) ? quoted : NO_SPANS;
      ctx.subject = sentenceSubject(text, ctx, sortedOfficials, local, registry, state);
      if (cueCandidates.length > firstCandidate) findCues(text, ctx, cueCandidates, firstCandidate, sortedOfficials, local, registry, state);
      const first = ctx.attributions[0];
      if (first?.speaker) {
        remember(state, first, registry);
        releaseTokens(state, ctx);
      } else if (ctx.subject?.speaker && ctx.subject.person) {
        remember(state, ctx.subject, registry);
        releaseTokens(state, ctx);
      } else addPending(state, ctx);
      out.push(ctx);
    }
    for (const ctx of state.pending) releaseTokens(state, ctx);
  } finally {
    // Also after a failure half-way: nothing of the module's may keep this text alive.
    SHARED_POOL.endDocument();
    tokenText = '';
    // The officials stage's words were kept for this stage only.
    releaseSharedWords(text);
    lastReachList = null;
    lastReach = NO_REACH;
  }
  return out;
}

/** A sentence whose subject a later pronoun may need; the oldest of them is forgotten. */
function addPending(state: ResolverState, ctx: SentenceContext): void {
  state.pending.push(ctx);
  if (state.pending.length > MAX_PENDING) releaseTokens(state, state.pending.shift()!);
}

/** A sentence that will not be read again gives its tokens back for the next ones. */
function releaseTokens(state: ResolverState, ctx: SentenceContext): void {
  state.pool.release(ctx.tokens);
  ctx.tokens = NO_TOKENS;
}

/** Reads the subject of a sentence that was skipped (no cue), without resolving pronouns. */
function readLazily(ctx: SentenceContext, state: ResolverState): void {
  if (ctx.read) return;
  ctx.read = true;
  ctx.tokens = tokenize(state.text, ctx.sentence.start, ctx.sentence.end, state.pool, undefined, state.words);
  const subject = sentenceSubject(state.text, ctx, state.officials, state.quoted, state.registry, null);
  ctx.subject = subject;
}

/** The person a "he"/"she" means: the subject of a recent sentence, else the last person named. */
function recentPerson(state: ResolverState): Speaker | null {
  for (let i = state.pending.length - 1; i >= 0; i--) {
    const ctx = state.pending[i]!;
    readLazily(ctx, state);
    if (ctx.subject?.speaker && ctx.subject.person && !isPronounText(ctx.subject.speaker)) return ctx.subject;
  }
  if (state.lastPerson) return state.lastPerson;
  for (let i = state.pending.length - 1; i >= 0; i--) {
    const named = nameInPassing(state.pending[i]!, state.quoted);
    if (named) return named;
  }
  return null;
}

/**
 * As PRONOUNS.has(s.toLowerCase()): the pronouns have at most four letters, and lower-casing never
 * shortens a string, so a longer speaker (most are) is no pronoun without a lower-case copy of it.
 */
function isPronounText(s: string): boolean {
  return s.length <= 4 && PRONOUNS.has(s.toLowerCase());
}

/** As /^[A-Z]/.test(s), without running a regex over a sliced string. */
function startsWithAsciiCapital(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 65 && c <= 90;
}

function remember(state: ResolverState, s: Speaker, registry: PersonRegistry): void {
  if (state.pending.length) {
    for (const ctx of state.pending) releaseTokens(state, ctx);
    state.pending.length = 0;
  }
  if (s.person) state.lastPerson = s;
  else if (s.speaker && startsWithAsciiCapital(s.speaker) && !isPronounText(s.speaker)) {
    state.lastBody = s;
    registry.lastBody = s;
    if (MEDIA_WORDS.test(s.speaker)) registry.lastMedia = s;
    registry.version++;
  }
}

/** A sentence that names no source may still name the person the next "he" means ("with Smith trailing"). */
function nameInPassing(ctx: SentenceContext, quoted: Span[]): Speaker | null {
  const tokens = ctx.tokens;
  for (let i = tokens.length - 1; i > 0; i--) {
    const t = tokens[i]!;
    if (!t.cap || !t.word || inRanges(quoted, t.start) || isIn(t, C_WEEKDAYS_MONTHS) || isIn(t, C_TITLE_WORDS)) continue;
    if (isIn(t, C_NP_STOP) || isPossessive(t) || isAllCapitals(t)) continue;
    const prev = tokens[i - 1]!;
    if (isWord(prev, 'the') || prev.punct === 46 || prev.punct === 34 || prev.punct === 8220) continue;
    const next = tokens[i + 1];
    if (next && next.word && !next.cap && /(?:ed|ing|s)$/.test(next.lower)) return { speaker: t.text, speakerEntityId: null, person: true };
  }
  return null;
}

function resolvePronoun(pronoun: string, ctx: SentenceContext, at: number, state: ResolverState): Speaker {
  const p = pronoun.toLowerCase();
  const subject = ctx.subject;
  if (p === 'he' || p === 'she') {
    // The subject's first word is looked up only when the subject could be the one meant.
    const subjectToken = subject?.speaker && subject.person ? firstNonPronounWord(ctx.tokens) : undefined;
    if (subject?.speaker && subject.person && subjectToken && subjectToken.start < at && !isPronounText(subject.speaker)) return subject;
    const recent = recentPerson(state);
    if (recent) return recent;
  } else if (p === 'it') {
    if (state.lastBody) return state.lastBody;
  } else if (p === 'they') {
    if (state.lastBody && state.lastBody.speaker && /s$/.test(state.lastBody.speaker)) return state.lastBody;
  }
  return { speaker: pronoun, speakerEntityId: null, person: p === 'he' || p === 'she' };
}

/** "Two months later, ...", "Last year, ...": a short time phrase before the first comma. */
function introEndsWithTime(tokens: Token[], i: number): boolean {
  let j = i;
  while (j < tokens.length && j < i + 7 && tokens[j]!.punct !== 44) j++;
  const last = tokens[j - 1];
  return tokens[j]?.punct === 44 && !!last && /^(?:later|ago|earlier|afterwards|week|month|year|weekend|time|today|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{4})$/.test(last.lower);
}

/** The main subject of a sentence, past an introductory phrase: "Facing reporters with Rouhani, Abe welcomed". */
function sentenceSubject(
  text: string,
  ctx: SentenceContext,
  officials: OfficialMention[],
  quoted: Span[],
  registry: PersonRegistry,
  state: ResolverState | null,
): Speaker | null {
  const tokens = ctx.tokens;
  let i = 0;
  // A leading quotation with its comma: '"...," he continued, adding'.
  while (i < tokens.length && (inRanges(quoted, tokens[i]!.start) || isQuoteMark(tokens[i]!.punct))) i++;
  if (i > 0 && tokens[i]?.punct === 44) i++;
  for (let guard = 0; guard < 3 && i < tokens.length; guard++) {
    const t = tokens[i]!;
    if (t.word && isIn(t, C_LEADING_CONJ)) {
      i++;
      if (tokens[i]?.punct === 44) i++;
      continue;
    }
    if (t.word && (isIn(t, C_INTRO_WORDS) || introEndsWithTime(tokens, i))) {
      let j = i + 1;
      while (j < tokens.length && j < i + 30 && tokens[j]!.punct !== 44) j++;
      if (j < tokens.length && tokens[j]!.punct === 44) {
        i = j + 1;
        continue;
      }
    }
    break;
  }
  const lead = tokens[i];
  // An introductory phrase without its comma ("Speaking after a summit meeting he said"): no subject.
  if (!lead || (lead.word && isIn(lead, C_INTRO_WORDS)) || (endsWithLower(lead, 'ing') && !tokens[i + 1]?.cap)) return null;
  const phrase = phraseForward(tokens, i, tokens.length);
  if (phrase.length === 0) return null;
  const after = tokens[i + phrase.length];
  // A subject is followed by its verb (or an appositive), not by "Read:" punctuation or a preposition ("Sleep at least ...").
  if (!after || (!after.word && after.punct !== 44) || after.cap || isPossessive(phrase[phrase.length - 1]!)) return null;
  const headWord = phrase[phrase.length - 1]!;
  if (after.word && !isIn(headWord, C_AGENT_HEADS) && !isIn(headWord, C_ORG_WORDS) && (isIn(after, C_PREPOSITIONS) || isIn(after, C_DETERMINERS) || isWord(after, 'and') || isWord(after, 'or'))) return null;
  if (after && after.punct === 44 ) {
    // "Japan's foreign minister, Yoko Kamikawa, expressed": include the appositive.
    let j = i + phrase.length + 1;
    while (j < tokens.length && tokens[j]!.punct !== 44 && j < i + phrase.length + 12) j++;
    if (phrase.length === 1 && isIn(phrase[0], C_PRONOUNS)) return state ? resolvePronoun(phrase[0]!.text, ctx, phrase[0]!.start, state) : null;
    // The appositive is cut only when a comma closes it.
    return speakerOf(text, phrase, tokens[j]?.punct === 44 ? tokens.slice(i + phrase.length + 1, j) : NO_TOKENS, officials, registry);
  }
  if (phrase.length === 1 && isIn(phrase[0], C_PRONOUNS)) return state ? resolvePronoun(phrase[0]!.text, ctx, phrase[0]!.start, state) : null;
  return speakerOf(text, phrase, NO_TOKENS, officials, registry);
}

const FINITE_FOLLOWERS = new Set(['that', 'the', 'a', 'an', 'it', 'he', 'she', 'they', 'we', 'his', 'her', 'its', 'their', 'of', 'to', 'on', 'about', 'there', 'this', 'these', 'those', 'both', 'all', 'no', 'more', 'some']);
const PREPOSITIONS = new Set(['in', 'at', 'on', 'of', 'for', 'from', 'with', 'to', 'near', 'into', 'about', 'against', 'under', 'over']);
const NOUN_BLOCKERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'travel', 'press', 'news', 'media']);
const BY_OBJECT_STOP = new Set(['phone', 'telephone', 'video', 'videolink', 'email', 'letter', 'text', 'far', 'law', 'force', 'hand', 'mail', 'fax']);

/**
 * The reporting cues of a sentence and their attributions. The cues are found from the tokens that
 * may start one (`candidates`, noted by the tokenizer from a hash of each word): a candidate's first
 * word is found in a table of numbers, and most cues are one verb whose meaning is read from it
 * without a walk through the forms. Each cue is attributed as soon as it is found (finding them is
 * pure: no list of matches is built first).
 */
function findCues(
  text: string,
  ctx: SentenceContext,
  candidates: number[],
  firstCandidate: number,
  officials: OfficialMention[],
  quoted: Span[],
  registry: PersonRegistry,
  state: ResolverState,
): void {
  const { tokens } = ctx;
  // The sentence's first word outside quotations, found when first needed.
  let openerIdx = -2;
  let next = 0;
  for (let c = firstCandidate; c < candidates.length; c++) {
    const cueIdx = candidates[c]!;
    if (cueIdx < next) continue; // a word of the cue just matched
    const t = tokens[cueIdx]!;
    const group = cueGroupIndexOf(t.source, t.start, t.end, t.hash);
    if (group < 0) continue;
    let info = oneWordCueInfo(group);
    let n = 1;
    if (info === null) {
      const form = cueFormOfGroup(tokens, cueIdx, group);
      if (!form) continue;
      info = form.info;
      n = form.words.length;
    }
    next = cueIdx + n;
    if (inRanges(quoted, t.start)) continue;
    // A one-word cue in lower case (most are) is its group's first word: that string, not a new one cut from the text.
    const m = n === 1 ? (isLowerAscii(t) ? cueGroupAt(group).first : t.text) : tokens.slice(cueIdx, cueIdx + n).map((x) => x.text).join(' ');
    // Verbs are lower case; a capitalised form is a name or a sentence-initial noun ("Reports").
    // ("According to" opens a sentence too, and is kept there like any other capitalised form.)
    if (hasAsciiCapital(m)) {
      if (openerIdx === -2) openerIdx = firstWord(tokens, quoted);
      if (cueIdx !== openerIdx) continue;
    }
    const attribution = attributeCue(text, ctx, cueIdx, cueIdx + n - 1, m, info, officials, quoted, registry, state);
    if (attribution) {
      if (ctx.attributions === NO_ATTRIBUTIONS) ctx.attributions = [attribution];
      else ctx.attributions.push(attribution);
    }
  }
}

/** Whether the token is all ASCII lower-case letters (then it is its own lower case, as listed words are). */
function isLowerAscii(t: Token): boolean {
  const text = t.source;
  for (let i = t.start; i < t.end; i++) {
    const c = text.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** As /[A-Z]/.test(s), without a regex. */
function hasAsciiCapital(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

function firstWord(tokens: Token[], quoted: Span[]): number {
  for (let k = 0; k < tokens.length; k++) if (tokens[k]!.word && !inRanges(quoted, tokens[k]!.start)) return k;
  return -1;
}

/** The first word that is not a pronoun, if any. */
function firstNonPronounWord(tokens: Token[]): Token | undefined {
  for (const t of tokens) if (t.word && !isIn(t, C_PRONOUNS)) return t;
  return undefined;
}

/** Index of the token that starts at `pos` (tokens are sorted), or -1. */
export function tokenIndexAt(tokens: Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = tokens[mid]!.start;
    if (s === pos) return mid;
    if (s < pos) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** " “ ” ' ‘ ’ as a token's punct code. */
function isQuoteMark(p: number): boolean {
  return p === 34 || p === 0x201c || p === 0x201d || p === 39 || p === 0x2018 || p === 0x2019;
}

/** " ” ’ as a token's punct code. */
function isClosingMark(p: number): boolean {
  return p === 34 || p === 0x201d || p === 0x2019;
}

function quoteFloor(tokens: Token[], cueIdx: number, quoted: Span[]): number {
  // The source phrase never reaches back into a quotation.
  for (let i = cueIdx - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (cueIdx - i > 80) return i + 1;
    // " “ ” ; : ( )
    const p = t.punct;
    if (p === 34 || p === 0x201c || p === 0x201d || p === 59 || p === 58 || p === 40 || p === 41 || inRanges(quoted, t.start)) return i + 1;
  }
  return 0;
}

function attributeCue(
  text: string,
  ctx: SentenceContext,
  cueIdx: number,
  lastCueIdx: number,
  cue: string,
  info: CueInfo,
  officials: OfficialMention[],
  quoted: Span[],
  registry: PersonRegistry,
  state: ResolverState,
): Attribution | null {
  const tokens = ctx.tokens;
  const cueTok = tokens[cueIdx]!;
  const cueEnd = tokens[lastCueIdx]!.end;
  const after = lastCueIdx + 1;

  if (info.lemma === 'according to') {
    let phrase = phraseForward(tokens, after, tokens.length);
    phrase = unwrapDocument(tokens, phrase);
    return attributionTo(text, ctx, phrase, NO_TOKENS, false, cue, cueTok.start, cueEnd, info, officials, registry, state);
  }
  if (info.lemma === 'per') {
    const next = tokens[after];
    if (!next || (!next.cap && !isIn(next, C_DETERMINERS)) || /^(?:cent|capita|annum|person|head|day|year|month|week|hour)$/i.test(next.text)) return null;
    if (tokens[cueIdx - 1]?.word && !tokens[cueIdx - 1]!.cap && tokens[cueIdx - 2]?.punct !== 44 && tokens[cueIdx - 1]?.punct !== 44) {
      // "per" inside a phrase ("once per year") is not attribution; it follows a comma or opens the sentence.
      if (cueIdx > 0 && tokens[cueIdx - 1]!.word) return null;
    }
    return attributionTo(text, ctx, unwrapDocument(tokens, phraseForward(tokens, after, tokens.length)), NO_TOKENS, false, cue, cueTok.start, cueEnd, info, officials, registry, state);
  }
  if (info.lemma === 'quote') {
    // "the agency quoted Ms. Ivanova ... as saying": the quoted person spoke.
    let j = after;
    while (j < tokens.length && j < after + 25 && !(isWord(tokens[j], 'as') && isWord(tokens[j + 1], 'saying'))) j++;
    if (j >= tokens.length || !isWord(tokens[j], 'as')) return null;
    return attributionTo(text, ctx, phraseForward(tokens, after, j), NO_TOKENS, false, cue, cueTok.start, cueEnd, info, officials, registry, state);
  }

  const prev = tokens[cueIdx - 1];
  // "has not said", "never confirmed": a report that something was not said is no claim.
  for (let k = cueIdx - 1; k >= 0 && k >= cueIdx - 3; k--) {
    const t = tokens[k]!;
    // A word of letters only cannot hold "n't": it is read in place, without its lower case.
    if (t.hash !== 0 ? isWord(t, 'not') || isWord(t, 'never') : isNegation(t.lower)) return null;
    if (!t.word || !isIn(t, C_ADVERB_SKIP)) break;
  }
  // "the parties' budgets": a plural possessive noun.
  const nextTok = tokens[lastCueIdx + 1];
  if (nextTok && (nextTok.punct === 39 || nextTok.punct === 8217) && nextTok.start === cueEnd) return null;
  // A noun, not a verb: "the claim", "his comments", "travel warning".
  if (prev && prev.word && (isIn(prev, C_NOUN_BLOCKERS) || isPossessive(prev)) && !isWord(prev, 'that')) return null;
  if (info.strength === 'cognition' && info.lemma === 'maintain') {
    // "maintains its program is peaceful" (a claim) vs "maintains ties" (not).
    const window = tokens.slice(after, after + 8).map((t) => t.lower);
    if (!window.some((w) => ['is', 'are', 'was', 'were', 'has', 'have', 'will', 'would', 'that'].includes(w))) return null;
  }

  // Passive with an agent: "condemned by aid groups", "The figure announced by X".
  if (info.pastForm && isWord(tokens[after], 'by')) {
    let by = phraseForward(tokens, after + 1, tokens.length);
    // "criticised by farm unions and the Greens"
    const andIdx = by.length ? tokenIndexAt(tokens, by[by.length - 1]!.start) + 1 : -1;
    if (andIdx > 0 && isWord(tokens[andIdx], 'and')) {
      const more = phraseForward(tokens, andIdx + 1, tokens.length);
      if (more.length) by = tokens.slice(tokenIndexAt(tokens, by[0]!.start), andIdx + 1 + more.length);
    }
    const byHead = by.filter((t) => t.word).pop();
    if (by.length && byHead && !isIn(byHead, C_BY_OBJECT_STOP)) {
      const a = attributionTo(text, ctx, by, NO_TOKENS, false, cue, cueTok.start, cueEnd, info, officials, registry, state);
      if (a) return a.info.strength === 'quoteOnly' ? attributionOf(a, a.cue, a.cueStart, a.cueEnd, { ...a.info, strength: 'speech' }, a.phrase) : a;
    }
  }

  const floor = quoteFloor(tokens, cueIdx, quoted);
  const atClauseStart = cueIdx === floor || (cueIdx > 0 && tokens[cueIdx - 1]!.punct === 44 && inRanges(quoted, tokens[Math.max(0, cueIdx - 2)]!.start));
  const followedByQuoteClose = cueIdx > 0 && (inRanges(quoted, tokens[cueIdx - 1]!.start) || isClosingMark(tokens[cueIdx - 1]!.punct) || (tokens[cueIdx - 1]!.punct === 44 && cueIdx > 1 && isClosingMark(tokens[cueIdx - 2]!.punct)));
  if ((atClauseStart || followedByQuoteClose) && !info.participle) {
    // Inverted: '"...," said the spokesman.'
    const phrase = phraseForward(tokens, after, tokens.length);
    const a = attributionTo(text, ctx, phrase, appositiveAfter(tokens, after + phrase.length), false, cue, cueTok.start, cueEnd, info, officials, registry, state);
    if (a) return a;
    if (atClauseStart && cueIdx === floor) return null;
  }

  if (info.participle) {
    const p = tokens[cueIdx - 1];
    // Only a participle after a comma or "and" belongs to the clause's subject: "..., saying that".
    const progressive = p && isIn(p, C_BE_FORMS);
    if (!progressive && !(p && (p.punct === 44 || isWord(p, 'and') || isWord(p, 'by') || isWord(p, 'while') || isWord(p, 'after') || isWord(p, 'before') || isWord(p, 'when') || isWord(p, 'in') || isWord(p, 'without') || isIn(p, C_ADVERB_SKIP)))) return null;
    if (!progressive) {
      // "said Ortiz, adding": the participle belongs to the source just named.
      const earlier = ctx.attributions[ctx.attributions.length - 1];
      if (earlier && earlier.speaker) return attributionOf(earlier, cue, cueTok.start, cueEnd, info, earlier.phrase);
      return subjectAttribution(ctx, cue, cueTok.start, cueEnd, info);
    }
  }

  const sub = subjectBefore(tokens, cueIdx, floor);
  if (sub.passive) return null;
  if (sub.phrase) {
    const first = sub.phrase.tokens[0]!;
    const firstIdx = tokenIndexAt(tokens, first.start);
    const before = tokens[firstIdx - 1];
    // An embedded question is not a statement: "asked whether he thought".
    if (before && (isWord(before, 'whether') || isWord(before, 'if'))) return null;
    if (isBaseForm(cue, info)) {
      // "help Ghana build roads": a bare verb after a singular name is not a finite report.
      const words = sub.phrase.tokens.filter((t) => t.word);
      const head = words[words.length - 1];
      const plural = !!head && (isIn(head, C_PRONOUNS) ? /^(?:they|we|i|you)$/.test(head.lower) : /s$/.test(head.lower) || isWord(head, 'people') || isWord(head, 'police'));
      if (!plural) return null;
    }
    if (before && before.word && !before.cap && isIn(before, C_PREPOSITIONS)) {
      // "divers searching the lake near Kisumu, Kenya, said": the phrase is a place, the source is the subject.
      const s = ctx.subject;
      if (s?.speaker && !isPronounText(s.speaker)) return attributionOf(s, cue, cueTok.start, cueEnd, info, { start: cueTok.start, end: cueTok.start });
      return null;
    }
    const trusted = floor > 0 && firstIdx <= floor + 1 && !isIn(first, C_PRONOUNS) && sub.phrase.tokens.some((t) => t.word && !isIn(t, C_DETERMINERS));
    return attributionTo(text, ctx, sub.phrase.tokens, sub.phrase.appositive, trusted, cue, cueTok.start, cueEnd, info, officials, registry, state);
  }
  if (sub.coordinated) {
    // "was planning to express concern ... and urge Rouhani": a bare verb is not finite.
    if (isBaseForm(cue, info)) return null;
    // "health status and claims history": an -s form followed by a noun is a plural noun.
    const following = tokens[lastCueIdx + 1];
    if (/s$/.test(cue) && following && following.word && !following.cap && !isIn(following, C_FINITE_FOLLOWERS)) return null;
    return subjectAttribution(ctx, cue, cueTok.start, cueEnd, info);
  }
  if (sub.commaOnly) {
    // "the rebate remained, said X": inverted after a comma.
    const phrase = phraseForward(tokens, after, tokens.length);
    const end = tokens[after + phrase.length];
    if (phrase.length && (!end || !end.word)) return attributionTo(text, ctx, phrase, appositiveAfter(tokens, after + phrase.length), false, cue, cueTok.start, cueEnd, info, officials, registry, state);
  }
  return null;
}

/** The attribution of a cue to a source phrase, if the phrase can be a source. */
function attributionTo(
  text: string,
  ctx: SentenceContext,
  phrase: Token[],
  appositive: Token[],
  trusted: boolean,
  cue: string,
  cueStart: number,
  cueEnd: number,
  info: CueInfo,
  officials: OfficialMention[],
  registry: PersonRegistry,
  state: ResolverState,
): Attribution | null {
  if (phrase.length === 0) return null;
  const span = spanOf(phrase);
  let speaker: Speaker;
  if (phrase.length === 1 && isIn(phrase[0], C_PRONOUNS) && phrase[0]!.word) {
    if (isWord(phrase[0], 'i') || isWord(phrase[0], 'we') || isWord(phrase[0], 'you')) return null;
    speaker = resolvePronoun(phrase[0]!.text, ctx, span.start, state);
  } else {
    // Right after a quotation ('"...," the coach said') any noun phrase is the source.
    if (!trusted && !agentive(phrase, ctx.sentence.start)) return null;
    speaker = speakerOf(text, phrase, appositive, officials, registry);
  }
  return attributionOf(speaker, cue, cueStart, cueEnd, info, span);
}

/** "not", "never", "n't" and words ending in it ("didn't", "hasn’t"). */
function isNegation(w: string): boolean {
  return w === 'not' || w === 'never' || w === "n't" || w.endsWith("n't") || w.endsWith('n’t');
}

/** The bare verb ("say", not "says"/"said"): read only on the paths that need it. */
function isBaseForm(cue: string, info: CueInfo): boolean {
  // Cue forms are ASCII (see tokenize): lower-casing keeps their length.
  return !info.participle && cue.length === info.lemma.length && cue.toLowerCase() === info.lemma;
}

function subjectAttribution(ctx: SentenceContext, cue: string, cueStart: number, cueEnd: number, info: CueInfo): Attribution | null {
  const s = ctx.subject;
  if (!s || !s.speaker) return null;
  return attributionOf(s, cue, cueStart, cueEnd, info, { start: cueStart, end: cueStart });
}

/**
 * An attribution of a cue to a speaker, built field by field: an object spread over speakers of
 * several shapes was the costliest line of attributing a cue.
 */
function attributionOf(s: Speaker, cue: string, cueStart: number, cueEnd: number, info: CueInfo, phrase: Span): Attribution {
  return { speaker: s.speaker, speakerEntityId: s.speakerEntityId, person: s.person, cue, cueStart, cueEnd, info, phrase };
}

function appositiveAfter(tokens: Token[], idx: number): Token[] {
  if (tokens[idx]?.punct !== 44) return NO_TOKENS;
  let j = idx + 1;
  while (j < tokens.length && tokens[j]!.punct !== 44 && tokens[j]!.punct !== 46 && j < idx + 14) j++;
  return tokens.slice(idx + 1, j);
}

/** "a press release by the Japanese Foreign Ministry" -> "the Japanese Foreign Ministry". */
function unwrapDocument(tokens: Token[], phrase: Token[]): Token[] {
  if (phrase.length === 0) return phrase;
  const head = phrase.filter((t) => t.word).pop();
  const last = phrase[phrase.length - 1]!;
  const idx = tokenIndexAt(tokens, last.start);
  const next = tokens[idx + 1];
  if (head && isIn(head, C_DOC_NOUNS) && next && (isWord(next, 'by') || isWord(next, 'from') || isWord(next, 'of'))) {
    const inner = phraseForward(tokens, idx + 2, tokens.length);
    if (inner.length) return inner;
  }
  return phrase;
}

// Word lists as bits: a token's lists are found with one lookup (see Token.cat) instead of a Set
// lookup with a new lower-case string per list and per reading.
const C_ADVERB_SKIP = 1 << 0;
const C_AGENT_HEADS = 1 << 1;
const C_BE_FORMS = 1 << 2;
const C_BY_OBJECT_STOP = 1 << 3;
const C_CONNECTORS = 1 << 4;
const C_DETERMINERS = 1 << 5;
const C_DOC_NOUNS = 1 << 6;
const C_FINITE_FOLLOWERS = 1 << 7;
const C_HONORIFICS = 1 << 8;
const C_INTRO_WORDS = 1 << 9;
const C_IRREGULAR_PAST = 1 << 10;
const C_LEADING_CONJ = 1 << 11;
const C_NAME_PARTICLES = 1 << 12;
const C_NOUN_BLOCKERS = 1 << 13;
const C_NP_STOP = 1 << 14;
const C_ORG_WORDS = 1 << 15;
const C_PLACES = 1 << 16;
const C_PREPOSITIONS = 1 << 17;
const C_PRONOUNS = 1 << 18;
const C_SPAN_OPENERS = 1 << 19;
const C_SPAN_UNITS = 1 << 20;
const C_TIME_PREPS = 1 << 21;
const C_TITLE_WORDS = 1 << 22;
const C_WEEKDAYS_MONTHS = 1 << 23;
const C_CUE_FORM = 1 << 24;

/** Whether the token's lower case is in one of the lists `cats` (a missing token is in none). */
function isIn(t: Token | undefined, cats: number): boolean {
  return t !== undefined && (t.cat & cats) !== 0;
}

const CATEGORY_LISTS: [number, Iterable<string>][] = [
  [C_ADVERB_SKIP, ADVERB_SKIP],
  [C_AGENT_HEADS, AGENT_HEADS],
  [C_BE_FORMS, BE_FORMS],
  [C_BY_OBJECT_STOP, BY_OBJECT_STOP],
  [C_CONNECTORS, CONNECTORS],
  [C_DETERMINERS, DETERMINERS],
  [C_DOC_NOUNS, DOC_NOUNS],
  [C_FINITE_FOLLOWERS, FINITE_FOLLOWERS],
  [C_HONORIFICS, HONORIFICS],
  [C_INTRO_WORDS, INTRO_WORDS],
  [C_IRREGULAR_PAST, IRREGULAR_PAST],
  [C_LEADING_CONJ, LEADING_CONJ],
  [C_NAME_PARTICLES, NAME_PARTICLES],
  [C_NOUN_BLOCKERS, NOUN_BLOCKERS],
  [C_NP_STOP, NP_STOP],
  [C_ORG_WORDS, ORG_WORDS],
  [C_PLACES, PLACES],
  [C_PREPOSITIONS, PREPOSITIONS],
  [C_PRONOUNS, PRONOUNS],
  [C_SPAN_OPENERS, SPAN_OPENERS],
  [C_SPAN_UNITS, SPAN_UNITS],
  [C_TIME_PREPS, TIME_PREPS],
  [C_TITLE_WORDS, TITLE_WORDS],
  [C_WEEKDAYS_MONTHS, WEEKDAYS_MONTHS],
  [C_CUE_FORM, singleWordCueForms()],
];
/** Every listed word (lower case) with its bits. */
const CATEGORIES_BY_WORD = new Map<string, number>();
for (const [bit, words] of CATEGORY_LISTS) for (const w of words) CATEGORIES_BY_WORD.set(w, (CATEGORIES_BY_WORD.get(w) ?? 0) | bit);
// The words of ASCII letters only, in an open-addressing table by their Token.hash. One slot is
// three numbers side by side (hash, bits with USED, where the word's letters are in CATEGORY_LETTERS),
// so a lookup reads one or two cache lines: the table is read for most words of every article.
const CATEGORY_SLOTS = 2048;
const SLOT_USED = 1 << 29;
const categorySlots = new Int32Array(CATEGORY_SLOTS * 3);
const categoryWordList = [...CATEGORIES_BY_WORD.keys()].filter((w) => /^[a-z]+$/.test(w));
const CATEGORY_LETTERS = new Uint8Array(categoryWordList.reduce((n, w) => n + w.length, 0));
// The low 14 bits of the listed words' hashes: most words of an article are in no list, and are told
// so by these 2 KB (still in the cache) rather than by a walk through the slots (most often not).
const CATEGORY_HASH_WORDS = 512;
const CATEGORY_HASH_BITS = new Uint32Array(CATEGORY_HASH_WORDS);
{
  let letters = 0;
  for (const word of categoryWordList) {
    const h = wordHash(word);
    let slot = h & (CATEGORY_SLOTS - 1);
    while (categorySlots[slot * 3 + 1]! & SLOT_USED) slot = (slot + 1) & (CATEGORY_SLOTS - 1);
    categorySlots[slot * 3] = h;
    categorySlots[slot * 3 + 1] = CATEGORIES_BY_WORD.get(word)! | SLOT_USED;
    categorySlots[slot * 3 + 2] = (letters << 8) | word.length;
    for (let k = 0; k < word.length; k++) CATEGORY_LETTERS[letters++] = word.charCodeAt(k);
    CATEGORY_HASH_BITS[(h >>> 5) & (CATEGORY_HASH_WORDS - 1)]! |= 1 << (h & 31);
  }
}

/** The bits of a word of ASCII letters (the Kelvin sign reads as "k"), text[start, end) with Token.hash `hash`. */
function categoriesOfAsciiWord(text: string, start: number, end: number, hash: number): number {
  if ((CATEGORY_HASH_BITS[(hash >>> 5) & (CATEGORY_HASH_WORDS - 1)]! & (1 << (hash & 31))) === 0) return 0;
  let slot = hash & (CATEGORY_SLOTS - 1);
  for (;;) {
    const bits = categorySlots[slot * 3 + 1]!;
    if ((bits & SLOT_USED) === 0) return 0;
    if (categorySlots[slot * 3] === hash) {
      const where = categorySlots[slot * 3 + 2]!;
      const length = where & 255;
      if (length === end - start) {
        const from = where >>> 8;
        let same = true;
        for (let i = 0; i < length && same; i++) {
          const c = text.charCodeAt(start + i);
          same = (c === 0x212a ? 107 : c | 32) === CATEGORY_LETTERS[from + i];
        }
        if (same) return bits & ~SLOT_USED;
      }
    }
    slot = (slot + 1) & (CATEGORY_SLOTS - 1);
  }
}

/** As t.lower === word, for a lower-case `word`; a word of ASCII letters is compared in place, without its string. */
function isWord(t: Token | undefined, word: string): boolean {
  if (t === undefined) return false;
  if (t.hash === 0) {
    // Punctuation is its own lower case: compared in the article, without cutting its string.
    if (!t.word) return t.end - t.start === word.length && t.source.startsWith(word, t.start);
    return t.lower === word;
  }
  return t.end - t.start === word.length && lowerMatchesAt(t, t.start, word);
}

/** As t.lower.endsWith(suffix), for a lower-case `suffix` (see isWord). */
function endsWithLower(t: Token, suffix: string): boolean {
  if (t.hash === 0) {
    if (!t.word) return t.end - t.start >= suffix.length && t.source.startsWith(suffix, t.end - suffix.length);
    return t.lower.endsWith(suffix);
  }
  return t.end - t.start >= suffix.length && lowerMatchesAt(t, t.end - suffix.length, suffix);
}

/** Whether the token's text from `from` reads `word` once lower-cased (ASCII letters; the Kelvin sign is "k"). */
function lowerMatchesAt(t: Token, from: number, word: string): boolean {
  const text = t.source;
  for (let i = 0; i < word.length; i++) {
    const c = text.charCodeAt(from + i);
    if ((c === 0x212a ? 107 : c | 32) !== word.charCodeAt(i)) return false;
  }
  return true;
}

/** As t.lower.length (a word of ASCII letters lower-cases to as many characters). */
function lowerLength(t: Token): number {
  return t.hash !== 0 ? t.end - t.start : t.lower.length;
}

/** As /^[A-Z]{2,}$/.test(t.text), read in place for a word of ASCII letters. */
function isAllCapitals(t: Token): boolean {
  if (t.hash === 0) return /^[A-Z]{2,}$/.test(t.text);
  if (t.end - t.start < 2) return false;
  for (let i = t.start; i < t.end; i++) {
    const c = t.source.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}
