// Word tokens for the name recognizer, kept in typed arrays (a 10 MB corpus makes millions of tokens),
// and the name helpers: what may stand inside a personal name, canonical forms, matching keys, ids.

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

// Words (letters with inner hyphens/apostrophes), numbers, or any other single non-space character.
const TOKEN_RE = /[\p{L}\p{M}]+(?:[’'\-‐‑][\p{L}\p{M}]+)*|\d+(?:[.,:]\d+)*|[^\s\p{L}\p{M}\d]/gu;
const DOTTED_ABBR_RE = /(?:\p{Lu}\.){2,}/uy;
const UPPER_RE = /^\p{Lu}/u;
const HAS_LOWER_RE = /\p{Ll}/u;
const POSSESSIVE_RE = /[’']s$/;
/** Words whose following "." is an abbreviation point, not a sentence end. */
const DOTTED_WORDS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'sen', 'rep', 'gen', 'gov', 'lt', 'col', 'sgt', 'capt', 'adm', 'prof', 'jr', 'sr',
  'cmdr', 'maj', 'brig', 'hon', 'mme', 'messrs', 'no', 'vs', 'corp', 'inc', 'ltd', 'co',
]);
const SENTENCE_END = new Set(['.', '!', '?', '…', ':', ';']);
const OPENERS = new Set(['“', '"', '‘', "'", '(', '[', '«', '—', '–', '-', '•', '*']);

export interface Tokens {
  text: string;
  count: number;
  /** Start of the word. */
  start: Int32Array;
  /** End of the word proper (no possessive, no abbreviation point). */
  end: Int32Array;
  /** End including a possessive or an abbreviation point. */
  fullEnd: Int32Array;
  flags: Uint16Array;
}

export function tokenize(text: string): Tokens {
  let cap = Math.max(16, Math.ceil(text.length / 5));
  let start: Int32Array<ArrayBuffer> = new Int32Array(cap);
  let end: Int32Array<ArrayBuffer> = new Int32Array(cap);
  let fullEnd: Int32Array<ArrayBuffer> = new Int32Array(cap);
  let flags = new Uint16Array(cap);
  let n = 0;
  const re = new RegExp(TOKEN_RE.source, TOKEN_RE.flags);
  let m: RegExpExecArray | null;
  let prevFull = 0;
  while ((m = re.exec(text)) !== null) {
    let s = m.index;
    let word = m[0];
    let e = s + word.length;
    let full = e;
    let f = 0;
    const c0 = word.charCodeAt(0);
    const isLetter = word.length > 1 || /[\p{L}\p{M}]/u.test(word);
    if (c0 >= 48 && c0 <= 57) f |= F_NUM;
    else if (isLetter) {
      f |= F_WORD;
      if (word.length === 1 && UPPER_RE.test(word) && text.charCodeAt(e) === 46) {
        DOTTED_ABBR_RE.lastIndex = s;
        const abbr = DOTTED_ABBR_RE.exec(text);
        if (abbr) {
          word = abbr[0];
          e = s + word.length;
          full = e;
          re.lastIndex = e;
          f |= F_ABBR | F_CAP | F_ALLCAPS;
        }
      }
      if (!(f & F_ABBR)) {
        if (word.length > 2 && POSSESSIVE_RE.test(word)) {
          e -= 2;
          word = word.slice(0, -2);
          f |= F_POSS;
        }
        if (UPPER_RE.test(word)) {
          f |= F_CAP;
          if (word.length >= 2 && !HAS_LOWER_RE.test(word)) f |= F_ALLCAPS;
        }
        if (!(f & F_POSS) && text.charCodeAt(e) === 46 && (word.length === 1 || DOTTED_WORDS.has(word.toLowerCase()))) {
          f |= F_DOT;
          full = e + 1;
          re.lastIndex = full;
        }
      }
    }
    if (n > 0) {
      const gap = s - prevFull;
      let nl = false;
      for (let k = prevFull; k < s; k++) {
        const ch = text.charCodeAt(k);
        if (ch === 10 || ch === 13) {
          nl = true;
          break;
        }
      }
      if (nl) f |= F_NL;
      else if (gap === 1 && (text.charCodeAt(prevFull) === 32 || text.charCodeAt(prevFull) === 160)) f |= F_ADJ;
    }
    if (n === cap) {
      cap *= 2;
      start = grow(start, cap);
      end = grow(end, cap);
      fullEnd = grow(fullEnd, cap);
      const nf = new Uint16Array(cap);
      nf.set(flags);
      flags = nf;
    }
    start[n] = s;
    end[n] = e;
    fullEnd[n] = full;
    flags[n] = f;
    n++;
    prevFull = full;
    if (full === s) re.lastIndex = s + 1; // never loop on an empty match
  }
  // Sentence starts: after . ! ? : ; (not an abbreviation point), at line starts, through opening quotes.
  for (let i = 0; i < n; i++) {
    const f = flags[i]!;
    if (i === 0 || f & F_NL) {
      flags[i] = f | F_SENT;
      continue;
    }
    const p = i - 1;
    const pf = flags[p]!;
    if (!(pf & (F_WORD | F_NUM))) {
      const ch = text.slice(start[p]!, fullEnd[p]!);
      if (SENTENCE_END.has(ch) || (OPENERS.has(ch) && pf & F_SENT)) flags[i] = f | F_SENT;
    }
  }
  return { text, count: n, start, end, fullEnd, flags };
}

function grow(a: Int32Array, cap: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}

export function wordAt(t: Tokens, i: number): string {
  return t.text.slice(t.start[i]!, t.end[i]!);
}

export function lowerAt(t: Tokens, i: number): string {
  return t.text.slice(t.start[i]!, t.end[i]!).toLowerCase();
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
]);

export function isParticle(t: Tokens, i: number): boolean {
  const f = t.flags[i]!;
  if (!(f & F_WORD) || f & F_CAP) return false;
  return NAME_PARTICLES.has(lowerAt(t, i));
}

export function isInitial(t: Tokens, i: number): boolean {
  const f = t.flags[i]!;
  return (f & F_WORD) !== 0 && (f & F_CAP) !== 0 && !(f & F_ABBR) && t.end[i]! - t.start[i]! === 1;
}

/** A capitalised word that may be part of a personal name (given the vocabulary sets passed in). */
export function isNameShaped(t: Tokens, i: number): boolean {
  const f = t.flags[i]!;
  if (!(f & F_WORD) || f & F_ABBR) return false;
  if (!(f & F_CAP)) return PREFIXED_NAME_RE.test(wordAt(t, i));
  return t.end[i]! - t.start[i]! >= 2;
}

// ---------------------------------------------------------------------------------------------
// Canonical forms and keys

/** Matching key of a name: no diacritics, lower case, hyphens as spaces, no apostrophes or points. */
const PLAIN_WORD_RE = /^[A-Za-z]+$/;

export function nameKey(name: string): string {
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
  const slug = nameKey(name)
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
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'phan', 'vu', 'vo', 'dang', 'bui', 'ngo', 'duong', 'ly', 'chan',
  'wong', 'cheung', 'lam', 'leung', 'ho', 'tsai', 'lai', 'hsieh', 'chiang', 'teo', 'goh', 'ong', 'tan', 'lim',
]);
// Pinyin-like given names ("Zhaoxing", "Jinping", "Yi"): one to three syllables, no Western endings.
const PINYIN_RE =
  /^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iong|iang|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|a|e|i|o|u|v)){1,3}$/;

/**
 * Whether a name is written family name first (Chinese, Korean, Vietnamese): "Li Zhaoxing",
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
  // "Kim Jong Un", "Yoon Suk Yeol", "Nguyen Xuan Phuc": short syllables.
  return given.every((g) => g.length <= 5 && !g.includes(' '));
}
