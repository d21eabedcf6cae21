// Recognises named people in public office. One linear pass finds office cues (a title before a name,
// an apposition after it, "his counterpart, X", "X as Japan’s Prime Minister"); the people they name
// become the document's officials, and a second pass marks every later mention of them ("Hayashi",
// "Mr Okafor", "HAYASHI Yoshimasa") by their name forms. A name with no office cue anywhere is not listed.
import { detached } from './detached';
import { lookupCountryAt, lookupPlainCountryAt, mayBeCountryWordHash, type CountryHit, MAX_COUNTRY_PHRASE_WORDS, mayEndCountryPhrase, mayEndCountryPhraseHash, mayStartCountryPhrase, mayStartCountryPhraseHash, plainPhraseHashAt, reportedNameOfHit } from './countries';
import {
  CALENDAR_WORDS,
  continues,
  entityIdOf,
  F_ABBR,
  F_ADJ,
  F_ALLCAPS,
  F_CAP,
  F_DOT,
  F_HYPHEN,
  F_JOINER,
  F_NUM,
  F_POSS,
  F_SENT,
  F_TITLE_LINE,
  F_WORD,
  asciiLowerHash,
  firstHashAt,
  fullEndAt,
  lastHashAt,
  mayBeParticleHash,
  sameLowerWord,
  hashBitsOf,
  mayHaveHash,
  isFamilyNameFirst,
  isInitial,
  isVietnameseName,
  isNameShaped,
  isParticle,
  lowerAt,
  nameKey,
  NAME_PARTICLES,
  ORG_WORDS,
  STOP_CAPS,
  stringHash,
  titleCaseWord,
  tokenize,
  wordAt,
  type Tokens,
} from './names';
import {
  ABBREVIATED_HEADS,
  DESCRIPTIVE_QUALIFIERS,
  HEADS,
  HEADS_ALSO_SURNAMES,
  HONORIFICS,
  LEGISLATURES,
  NAME_HONORIFICS,
  NEUTRAL_QUALIFIER_WORDS,
  PORTFOLIO_NOUNS,
  PORTFOLIO_WORDS,
  isPortfolioNoun,
  POSTNOMINAL_HEADS,
  PRIVATE_QUALIFIERS,
  PUBLIC_ACRONYMS,
  PUBLIC_QUALIFIER_WORDS,
  STYLE_HONORIFICS,
  TITLE_DETERMINERS,
  type HeadStrength,
} from './titles';
import type { OfficialMention } from './types';
import { grownInt32 } from './typedArrays';

/** Bodies served that are not countries ("EU energy commissioner" serves the European Union). */
const BODIES = new Map<string, string>([
  ['eu', 'European Union'],
  ['european union', 'European Union'],
  ['un', 'United Nations'],
  ['u.n.', 'United Nations'],
  ['united nations', 'United Nations'],
  ['nato', 'NATO'],
  ['african union', 'African Union'],
  ['asean', 'ASEAN'],
  ['european commission', 'European Union'],
  ['european parliament', 'European Union'],
  ['european council', 'European Union'],
  ['eu commission', 'European Union'],
]);
const BODY_FIRST_WORDS = new Set([...BODIES.keys()].map((k) => k.split(' ')[0]!));
const BODY_LAST_WORDS = new Set([...BODIES.keys()].map((k) => k.split(' ').pop()!));
const BODY_WORD_HASHES = new Set([...BODIES.keys()].map((k) => stringHash(k, false)).filter((h) => h >= 0));
const BODY_FIRST_HASHES = new Set([...BODY_FIRST_WORDS].map((w) => stringHash(w, false)));
const BODY_LAST_HASHES = new Set([...BODY_LAST_WORDS].map((w) => stringHash(w, false)));

/** Heads that are offices only when capitalised ("Secretary Blinken", but "his secretary"). */
const CAPITALISED_ONLY_STRONG = new Set(['secretary', 'representative', 'rep', 'speaker', 'general', 'gen', 'sen', 'gov', 'col', 'adm']);
/** Prepositions that make a capitalised word before ", the minister" a place ("In Tokyo, the minister said"). */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'across', 'into', 'outside', 'inside', 'around', 'throughout', 'to']);
const MAX_NAME_WORDS = 6;
const PRIVATE_COUNSEL_HEADS = new Set(['attorney', 'lawyer', 'counsel']);
const DEFENCE_WORDS = new Set(['defense', 'defence', 'trial', 'family', 'personal', 'private']);
const ROMAN_NUMERAL_RE = /^(?:II|III|IV|VI|VII|VIII|IX)$/;
const MAX_MODIFIERS = 7;
/** Words of a relative clause before a title: ", who is the", ", who serves as", ", who was also". */
const RELATIVE_LINK_WORDS = new Set(['who', 'is', 'was', 'also', 'now', 'currently', 'serves', 'served', 'as', 'has', 'been', 'became', 'remains']);

interface TitleInfo {
  head: number;
  strength: HeadStrength;
  /** First token of the title phrase (modifiers, country), before any determiner. */
  phraseFirst: number;
  /** Reported title tokens. */
  titleFirst: number;
  titleLast: number;
  /** "former" stands before the country ("former Australian national security adviser"). */
  former: boolean;
  /** Token after the title phrase (and complement). */
  after: number;
  /** The complement ended in a body's name: what follows is not the holder's name. */
  noNameAfter: boolean;
  determiner: number | null;
  country: string | null;
  isPublic: boolean;
  isPrivate: boolean;
  unknownOrg: boolean;
}

interface Registration {
  first: number;
  last: number;
  words: string[];
  title: string | null;
  country: string | null;
  weight: number;
  /** `keyOf(words)`, once asked (both entity builds ask for every registration). */
  key?: string;
  /** `words.join(' ')`, once asked (its key and its entity's name are read from it). */
  name?: string;
}

function regKeyOf(r: Registration): string {
  return (r.key ??= nameKey(regNameOf(r)));
}

function regNameOf(r: Registration): string {
  return (r.name ??= r.words.join(' '));
}

interface Deferred {
  kind: 'counterpart' | 'predecessor';
  head: number;
  first: number;
  last: number;
  words: string[];
  country: string | null;
}

/** A title with a country but no name ("a Japanese prime minister", "the Dutch foreign minister"). */
interface TitleOnly {
  title: string;
  country: string;
  /** First token of its sentence. */
  sentence: number;
}

/** `titleKey(title) === key`, without the lower-case string for a title of ASCII characters that nothing is stripped from. */
function titleKeyIs(title: string, key: string): boolean {
  const n = title.length;
  for (let k = 0; k < n; k++) if (title.charCodeAt(k) >= 128) return titleKey(title) === key;
  // ASCII: the lower case keeps the length, and is the key unless titleKey's expressions may apply.
  if (mayStripTitle(title)) return titleKey(title) === key;
  if (key.length !== n) return false;
  for (let k = 0; k < n; k++) {
    let c = title.charCodeAt(k);
    if (c >= 65 && c <= 90) c |= 32;
    if (c !== key.charCodeAt(k)) return false;
  }
  return true;
}

/** Whether the lower case of an ASCII title holds "to" or opens with "former" or "ex" (titleKey's test). */
function mayStripTitle(title: string): boolean {
  const n = title.length;
  for (let k = 0; k + 1 < n; k++) if ((title.charCodeAt(k) | 32) === 116 && (title.charCodeAt(k + 1) | 32) === 111) return true;
  return opensWithLower(title, 'former') || opensWithLower(title, 'ex');
}

/** Whether an ASCII string's lower case opens with `word` (lower-case letters). */
function opensWithLower(s: string, word: string): boolean {
  if (s.length < word.length) return false;
  for (let k = 0; k < word.length; k++) if ((s.charCodeAt(k) | 32) !== word.charCodeAt(k)) return false;
  return true;
}

function titleKey(title: string): string {
  const lower = title.toLowerCase();
  // Neither expression can match without these letters: most titles are their lower case.
  if (!lower.includes('to') && !lower.startsWith('former') && !lower.startsWith('ex')) return lower;
  return lower
    .replace(/^(former|ex)[\s-]+/, '')
    .replace(/\s+to\s+.*$/, ''); // "prime minister to Iran": the trip, not the office
}

/**
 * "Prime Minister Shinzo Abe" … "the first visit by a Japanese prime minister": an official named
 * without a country takes the one that a name-less mention of the same title gives, when only one
 * official of the document holds that title without a country.
 */
function countriesFromTitleOnly(t: Tokens, entities: DocEntity[], found: Found[], titleOnly: TitleOnly[]): void {
  if (titleOnly.length === 0) return;
  // A document has a mention or two of the kind and a few officials: lists, not maps.
  // The officials holding each title some name-less mention has, by title in the order first met.
  let holderKeys: string[] | null = null;
  let holders: DocEntity[][] | null = null;
  // "title|country" of the officials who have both.
  let known: string[] | null = null;
  for (const e of entities) {
    const title = e.title;
    if (!title) continue;
    // Only the titles a name-less mention has matter here (most officials' titles are none of them):
    // compared without the key's string.
    if (!titleOnly.some((o) => titleKeyIs(title, o.title))) continue;
    const key = titleKey(title);
    if (e.country) (known ??= []).push(`${key}|${e.country}`);
    else {
      holderKeys ??= [];
      holders ??= [];
      const k = holderKeys.indexOf(key);
      if (k >= 0) holders[k]!.push(e);
      else {
        holderKeys.push(key);
        holders.push([e]);
      }
    }
  }
  if (!holderKeys || !holders) return;
  for (let k = 0; k < holderKeys.length; k++) {
    const key = holderKeys[k]!;
    const list = holders[k]!;
    if (list.length !== 1) continue;
    // Only a title-only mention in a sentence that also names the official counts
    // ("… Abe’s trip to Tehran, the first visit by a Japanese prime minister to Iran").
    const sentences = sentencesOfEntity(t, entities, found, list[0]!);
    let country: string | null = null;
    let several = false;
    for (const o of titleOnly) {
      if (o.title !== key || !sentences.includes(o.sentence)) continue;
      if (country === null) country = o.country;
      else if (o.country !== country) several = true;
    }
    if (country === null || several) continue;
    // "Japan’s Foreign Minister" is Motegi, already Japanese, not Israel's Sa’ar.
    if (!known || !known.includes(`${key}|${country}`)) list[0]!.country = country;
  }
}

/** The sentences (by first token) entity e is mentioned in. */
function sentencesOfEntity(t: Tokens, entities: DocEntity[], found: Found[], e: DocEntity): number[] {
  const sentences: number[] = [];
  for (const m of found) {
    if (entities[m.entity] !== e) continue;
    const s = sentenceStartBefore(t, m.first);
    if (!sentences.includes(s)) sentences.push(s);
  }
  return sentences;
}

interface DocEntity {
  words: string[];
  /** `words.join(' ')`, kept in step with `words`. */
  name: string;
  key: string;
  title: string | null;
  country: string | null;
  weight: number;
  firstPos: number;
  aliases: string[];
  /** Cached `variantForms` of `formsWords` and the first `formsAliases` aliases. */
  forms?: FormFacts;
  formsWords?: string[];
  formsAliases?: number;
}

interface Found {
  first: number;
  last: number;
  entity: number;
}

export function findOfficials(text: string): OfficialMention[] {
  if (!text) return [];
  const t = tokenize(text, CUE_HASHES);
  const regs: Registration[] = [];
  const deferred: Deferred[] = [];
  const titleOnly: TitleOnly[] = [];
  const honorifics: number[] = [];
  scanCues(t, regs, deferred, titleOnly, honorifics);
  if (regs.length === 0 && deferred.length === 0) return [];

  const runs = new NameRunIndex(t);
  let entities = buildEntities(regs, runs, t);

  // Cues that depend on other officials: "his counterpart, X", "his predecessor, X", "X, also known as Y".
  // They look at the mentions of their own sentence only; the whole text is matched once, at the end.
  const extra = resolveDeferred(t, deferred, entities);
  const aliases = findAliases(t, entities);
  if (extra.length > 0 || aliases > 0) entities = buildEntities([...regs, ...extra], runs, t, entities);
  linkGivenNameForms(t, entities, honorifics);
  givenNameFirstForJapan(entities);
  const found = matchMentions(t, entities, 0, t.count);

  countriesFromTitleOnly(t, entities, found, titleOnly);

  // One id per entity, not per mention (the id takes a few regular expressions).
  const ids: Array<string | undefined> = [];
  return found.map((f) => {
    const e = entities[f.entity]!;
    const start = t.start[f.first]!;
    const end = t.end[f.last]!;
    const entityId = (ids[f.entity] ??= entityIdFor(e));
    return { start, end, text: text.slice(start, end), name: e.name, title: e.title, country: e.country, entityId };
  });
}

// ---------------------------------------------------------------------------------------------
// Office cues

function headStrengthAt(t: Tokens, i: number): HeadStrength | null {
  const f = t.flags[i]!;
  if (!(f & F_WORD) || f & F_ABBR) return null;
  const lx = lexAt(t, i);
  if (lx & LX_HEAD) {
    // A head as it stands: its strength and casing rules are in its lexicon bits.
    let headStrength: HeadStrength = lx & LX_STRONG ? 'strong' : lx & LX_WEAK ? 'weak' : lx & LX_COUNTERPART ? 'counterpart' : 'predecessor';
    if (lx & LX_ABBREVIATED_HEAD && !(f & F_CAP)) return null;
    if (lx & LX_CAPITALISED_ONLY && headStrength === 'strong' && !(f & F_CAP)) headStrength = 'weak';
    return headStrength;
  }
  // Neither a head nor hyphenated ("ex-minister"): no head.
  if (!(f & F_HYPHEN)) return null;
  const lower = lowerAt(t, i);
  let strength = HEADS.get(lower);
  let base = lower;
  if (strength === undefined && lower.includes('-')) {
    // "former-Premier", "ex-minister": a qualifier joined to the head by a hyphen.
    const parts = lower.split('-');
    const last = parts[parts.length - 1]!;
    const lastStrength = HEADS.get(last);
    if (lastStrength && parts.slice(0, -1).every((p) => NEUTRAL_QUALIFIER_WORDS.has(p) || PUBLIC_QUALIFIER_WORDS.has(p))) {
      strength = lastStrength;
      base = last;
    }
  }
  if (strength === undefined) return null;
  if (ABBREVIATED_HEADS.has(base) && !(f & F_CAP)) return null;
  if (CAPITALISED_ONLY_STRONG.has(base) && strength === 'strong' && !(f & F_CAP)) strength = 'weak';
  return strength;
}

/** Singular of a plural head ("Ministers" → "Minister", "Secretaries" → "Secretary"), or null. */
function pluralHeadSingular(t: Tokens, i: number): string | null {
  const f = t.flags[i]!;
  if (!(f & F_WORD) || f & F_ABBR || f & F_POSS) return null;
  // The plural of a head hashes as one of HEAD_HASHES: other words are settled without a slice.
  if (t.hashFull[i]! >= 0 && !HEAD_HASHES.has(t.hashFull[i]!)) return null;
  const word = wordAt(t, i);
  const n = word.length;
  if (n < 4 || (word.charCodeAt(n - 1) | 32) !== 115) return null; // …s
  const ies = (word.charCodeAt(n - 3) | 32) === 105 && (word.charCodeAt(n - 2) | 32) === 101; // …ies
  const singular = ies ? word.slice(0, -3) + (word.endsWith('IES') ? 'Y' : 'y') : word.slice(0, -1);
  const strength = HEADS.get(singular.toLowerCase());
  return strength === 'strong' || strength === 'weak' ? singular : null;
}

/** Country or body named by the tokens first..last ("Iranian", "U.S.", "United States of America", "EU"). */
function countryName(t: Tokens, first: number, last: number): string | null {
  const f1 = t.flags[first]!;
  const h1 = t.hashFull[first]!;
  if (first === last) {
    // One plain word naming neither a country nor a body (most calls): settled by its hash.
    if (!(f1 & F_ABBR) && h1 >= 0 && !BODY_WORD_HASHES.has(h1) && !mayBeCountryWordHash(h1)) return null;
    // A body's name as one word counts in capitals only ("EU", not "Un"); a word hashing as none is none.
    if (f1 & F_ALLCAPS && (h1 < 0 || BODY_WORD_HASHES.has(h1))) {
      const body = BODIES.get(lowerAt(t, first));
      if (body) return body;
    }
    // The word's lookup, remembered per token (countryAt is lookupCountry of the word).
    return reportedNameOfHit(countryAt(t, first));
  }
  // Several words, the first one space before the next: a phrase whose first word opens no country
  // or body name (nor is "the", which the lookup strips) names none.
  if (!(f1 & (F_POSS | F_DOT)) && t.flags[first + 1]! & F_ADJ) {
    if (h1 >= 0 && !(f1 & F_JOINER)) {
      // Letters only (no apostrophe inside): the hash settles it.
      if (h1 !== THE_HASH && !mayStartCountryPhraseHash(h1) && !BODY_FIRST_HASHES.has(h1)) return null;
    } else {
      const w = lowerAt(t, first);
      if (w !== 'the' && !mayStartCountryPhrase(w) && !BODY_FIRST_WORDS.has(w) && !w.includes('’') && !w.includes('‘')) return null;
    }
  }
  // A phrase of plain words is compared in place: with the bodies' names only if it hashes as
  // one, and with the countries' names by lookupCountryAt.
  const s = t.start[first]!;
  const e = t.end[last]!;
  const ph = plainPhraseHashAt(t.text, s, e);
  if (ph < 0 || BODY_PHRASE_HASHES.has(ph)) {
    const body = BODIES.get(t.text.slice(s, e).toLowerCase());
    if (body) return body;
  }
  return reportedNameOfHit(ph >= 0 ? lookupPlainCountryAt(t.text, s, e, ph) : lookupCountryAt(t.text, s, e));
}

const THE_HASH = stringHash('the', false);
/** Plain phrase hashes (countries.ts plainPhraseHashAt) of the bodies' names. */
const BODY_PHRASE_HASHES = new Set([...BODIES.keys()].map((k) => plainPhraseHashAt(k, 0, k.length)));

/** Longest country phrase ending at token j (going back over adjacent words). */
function countryEndingAt(t: Tokens, j: number): { first: number; name: string } | null {
  if (!(t.flags[j]! & F_CAP)) return null;
  // Most words are settled by their hash: a word whose lower case closes a phrase hashes as one that does.
  const hj = t.hashFull[j]!;
  if (hj >= 0 && !mayEndCountryPhraseHash(hj) && !BODY_LAST_HASHES.has(hj)) return null;
  // The word itself is only asked when its hash may mislead: a word of ASCII letters alone that
  // hashes as a closing word is one, or else no phrase ending with it names anything (the
  // lookups below are exact), but one with an apostrophe ("d’Ivoire") may be spelt otherwise.
  if (hj < 0 || t.flags[j]! & F_JOINER) {
    const lastLower = lowerAt(t, j);
    if (!mayEndCountryPhrase(lastLower) && !BODY_LAST_WORDS.has(lastLower)) return null;
  }
  let bestFirst = -1;
  let bestName = '';
  for (let len = 1, first = j; len <= MAX_COUNTRY_PHRASE_WORDS && first >= 0; len++, first--) {
    if (len > 1 && !continues(t, first + 1)) break;
    if (!(t.flags[first]! & F_WORD)) break;
    if (!(t.flags[first]! & F_CAP)) continue; // never "the French"
    const name = countryName(t, first, j);
    if (name) {
      bestFirst = first;
      bestName = name;
    }
  }
  return bestFirst >= 0 ? { first: bestFirst, name: bestName } : null;
}

/** Longest country phrase starting at token j. */
function countryStartingAt(t: Tokens, j: number): { last: number; name: string } | null {
  if (j >= t.count || !(t.flags[j]! & F_CAP)) return null;
  const hj = t.hashFull[j]!;
  if (hj >= 0 && !mayStartCountryPhraseHash(hj) && !BODY_FIRST_HASHES.has(hj)) return null;
  // As in countryEndingAt; "the" is asked too (the lookup drops a leading "the").
  if (hj < 0 || t.flags[j]! & F_JOINER || hj === THE_HASH) {
    const firstLower = lowerAt(t, j);
    if (!mayStartCountryPhrase(firstLower) && !BODY_FIRST_WORDS.has(firstLower)) return null;
  }
  let bestLast = -1;
  let bestName = '';
  for (let len = 1, last = j; len <= MAX_COUNTRY_PHRASE_WORDS && last < t.count; len++, last++) {
    if (len > 1 && !continues(t, last)) break;
    if (!(t.flags[last]! & F_WORD)) break;
    const name = countryName(t, j, last);
    if (name) {
      bestLast = last;
      bestName = name;
    }
  }
  return bestLast >= 0 ? { last: bestLast, name: bestName } : null;
}

function analyzeTitle(t: Tokens, h: number, strength: HeadStrength): TitleInfo {
  let country: string | null = null;
  let isPublic = false;
  let isPrivate = false;
  let unknownOrg = false;
  let phraseFirst = h;
  let titleFirst = h;
  let determiner: number | null = null;
  let titleFrozen = false;
  let former = false;
  // Qualifiers before the head: "Labour shadow home secretary", "Israeli Ambassador".
  let j = h - 1;
  let count = 0;
  while (j >= 0 && count < MAX_MODIFIERS && continues(t, j + 1)) {
    const f = t.flags[j]!;
    if (!(f & F_WORD)) break;
    // "posted on X. Federal Reserve Chair …": a letter and a point end a sentence here.
    if (isInitial(t, j) && f & F_DOT) break;
    const c = countryEndingAt(t, j);
    if (c) {
      country ??= c.name;
      isPublic = true;
      phraseFirst = c.first;
      if (titleFirst > c.first && isBodyPhrase(t, c.first, j)) titleFirst = c.first;
      else titleFrozen = true;
      j = c.first - 1;
      count++;
      continue;
    }
    // The word's lower case is read only where a test needs the string (most are settled by
    // lexicon bits and by comparing characters).
    const lx = lexAt(t, j);
    // "Ministry of Aviation spokesperson": a ministry named by its portfolio, walked back to "Ministry".
    if ((isWord(t, j, OF_HASH, 'of') || isWord(t, j, FOR_HASH, 'for')) && j > 0 && j + 1 < h && continues(t, j) && t.flags[j + 1]! & F_CAP && MINISTRY_WORDS.has(lowerAt(t, j - 1)) && t.flags[j - 1]! & F_CAP) {
      isPublic = true;
      unknownOrg = false;
      phraseFirst = j;
      if (!titleFrozen) titleFirst = j;
      j--;
      count++;
      continue;
    }
    if (lx & LX_DETERMINER && !(f & F_CAP && f & F_SENT && !isWord(t, j, THE_HASH, 'the'))) {
      determiner = j;
      break;
    }
    // Two offices held together: "Qatar's Prime Minister and Foreign Minister".
    if (isWord(t, j, AND_HASH, 'and') && j > 0 && continues(t, j) && headStrengthAt(t, j - 1) === 'strong' && !(t.flags[j - 1]! & F_POSS)) {
      phraseFirst = j;
      if (!titleFrozen) titleFirst = j;
      j--;
      count++;
      continue;
    }
    if (lx & (LX_PUBLIC_QUALIFIER | LX_HEAD)) isPublic = true;
    else if (lx & LX_PRIVATE_QUALIFIER) isPrivate = true;
    else if (lx & LX_NEUTRAL_QUALIFIER || (f & F_HYPHEN && isHyphenatedQualifier(lowerAt(t, j))) || (strength === 'strong' && portfolioNounAt(t, j))) {
      /* neutral */
    } else if (f & F_ALLCAPS && t.end[j]! - t.start[j]! <= 6) {
      if (lx & LX_PUBLIC_ACRONYM) isPublic = true;
    } else if (f & F_CAP && !(f & F_SENT) && !(lx & LX_STOP)) unknownOrg = true;
    else break;
    phraseFirst = j;
    // "Chinese counterpart Minister Zhang Wei": the relation is not part of the office.
    if (lx & LX_RELATION) titleFrozen = true;
    if (titleFrozen) {
      if (isWord(t, j, FORMER_HASH, 'former') || isWord(t, j, EX_HASH, 'ex')) former = true;
    } else if (lx & LX_DESCRIPTIVE || (f & F_CAP && f & F_SENT && !(lx & (LX_PUBLIC_QUALIFIER | LX_NEUTRAL_QUALIFIER | LX_HEAD)) && !(strength === 'strong' && portfolioNounAt(t, j)))) {
      /* describes the holder: not part of the reported title */
    } else if (titleFirst === j + 1 || titleFirst > j) {
      if (!descriptiveBetween(t, j, titleFirst)) titleFirst = j;
    }
    j--;
    count++;
  }
  // A possessive before the qualifiers: "Iran’s Foreign Minister", "Pakistan's High Commissioner".
  if (determiner === null && j >= 0 && t.flags[j]! & F_POSS && t.flags[j + 1]! & F_ADJ) {
    const c = countryEndingAt(t, j);
    if (c) {
      country ??= c.name;
      isPublic = true;
      phraseFirst = c.first;
      determiner = c.first;
      // "the UAE's Minister of Industry": the article before the possessive opens the phrase.
      if (c.first > 0 && continues(t, c.first) && lowerAt(t, c.first - 1) === 'the') determiner = c.first - 1;
    } else if (t.flags[j]! & F_WORD) {
      const lower = lowerAt(t, j);
      // "the Kremlin's spokesman", "the IAEA's chief": a public body; "the country's foreign minister".
      if (PUBLIC_QUALIFIER_WORDS.has(lower) || PUBLIC_ACRONYMS.has(lower)) isPublic = true;
      else if (PRIVATE_QUALIFIERS.has(lower)) isPrivate = true;
      if (!(t.flags[j]! & F_CAP) || isPublic) {
        determiner = j;
        // "the country's": the article before the possessive opens the phrase.
        if (j > 0 && continues(t, j) && TITLE_DETERMINERS.has(lowerAt(t, j - 1))) determiner = j - 1;
      }
    }
  }
  if (determiner === null && j >= 0 && phraseFirst === j + 1 && t.flags[j]! & F_WORD) {
    const lower = lowerAt(t, j);
    if (TITLE_DETERMINERS.has(lower) && continues(t, j + 1)) determiner = j;
  }

  // Complements: "Minister for Foreign Affairs of Japan", "Ambassador to Japan", "Secretary of State".
  let titleLast = h;
  let k = h + 1;
  let noNameAfter = false;
  // "member" is an office only as a member of a legislature or a state body, named in its complement.
  const member = isWord(t, h, MEMBER_HASH, 'member');
  if (member) isPublic = false;
  for (let round = 0; round < 3 && k < t.count && continues(t, k); round++) {
    const prep = isWord(t, k, OF_HASH, 'of') ? 'of' : isWord(t, k, FOR_HASH, 'for') ? 'for' : isWord(t, k, TO_HASH, 'to') ? 'to' : null;
    if (prep === null) break;
    let p = k + 1;
    if (p < t.count && continues(t, p) && isWord(t, p, THE_HASH, 'the')) p++;
    if (p >= t.count || !continues(t, p)) break;
    if (member) {
      // "member of parliament", "member of the Political Bureau of the CPC Central Committee"
      const lw = lowerAt(t, p);
      const org = t.flags[p]! & F_CAP ? orgRun(t, p) : null;
      if (prep === 'of' && (LEGISLATURES.has(lw) || (org && org.isPublic && !org.isPrivate))) {
        isPublic = true;
        titleLast = org ? org.last : p;
        k = titleLast + 1;
      }
      break;
    }
    const c = countryStartingAt(t, p);
    if (c && prep !== 'to' && c.last === p && countryAt(t, p)?.kind === 'demonym' && p + 1 < t.count && continues(t, p + 1) && t.flags[p + 1]! & F_CAP) {
      // "president of the American Association of Dentists": a demonym opening a body's name.
      const org = orgRun(t, p);
      if (org.isPrivate) isPrivate = true;
      else if (org.isPublic) isPublic = true;
      k = org.last + 1;
      noNameAfter = true;
      break;
    }
    if (c) {
      if (prep === 'to') titleLast = c.last;
      else country ??= c.name;
      isPublic = true;
      k = c.last + 1;
      continue;
    }
    let q = p;
    let content = 0;
    for (;;) {
      while (q < t.count && (q === p || continues(t, q)) && t.flags[q]! & F_WORD && PORTFOLIO_WORDS.has(lowerAt(t, q))) {
        const lw = lowerAt(t, q);
        if (lw !== 'and' && lw !== 'the') content++;
        q++;
      }
      // Portfolio names the lexicon lacks: "for Foreign and Diaspora Affairs", "for Political Affairs".
      const end = portfolioEndAhead(t, q);
      if (end < 0) break;
      content++;
      q = end + 1;
    }
    while (q > p && (lowerAt(t, q - 1) === 'and' || lowerAt(t, q - 1) === 'the')) q--;
    // Portfolios the lexicon lacks ("of Aviation", "for Culture, Media and Sport"): read by structure.
    let splitByStructure = false;
    if (prep !== 'to' && t.flags[p]! & F_CAP) {
      // The structural reading also gives back name words the lexicon took ("of Health Justice Mwale").
      const split = portfolioSplitEnd(t, p);
      if (split > p && split !== q) {
        if (content === 0) content++;
        q = split;
        splitByStructure = true;
      }
    }
    if (content > 0 && prep !== 'to' && !splitByStructure && q < t.count && continues(t, q) && t.flags[q]! & F_CAP && t.flags[q]! & F_WORD && isBodyName(t, q)) {
      // The portfolio words open a longer proper name ("for the National Women's Council",
      // "of the European Commission"): the body, then perhaps the holder's name.
      const body = bodyRun(t, p);
      if (body) {
        // A body's name in the complement ("of the European Commission") joins the title. (Inline:
        // a closure here put the function's variables in a heap context, slowing every access.)
        if (body.isPrivate) isPrivate = true;
        else isPublic = true;
        country ??= bodyNamed(t, p, body.last);
        titleLast = body.last;
        k = body.last + 1;
        continue;
      }
      const org = orgRun(t, p);
      if (org.isPrivate) isPrivate = true;
      else isPublic = true;
      k = org.last + 1;
      noNameAfter = true;
      break;
    }
    if (content > 0 && prep !== 'to') {
      isPublic = true;
      titleLast = q - 1;
      k = q;
      continue;
    }
    // "Speaker of the House Mike Johnson", "President of the European Commission Ursula von der Leyen":
    // a body's name, then the holder's.
    const pf = t.flags[p]!;
    if (pf & F_CAP && prep !== 'to') {
      const body = bodyRun(t, p);
      if (body) {
        // A body's name in the complement ("of the European Commission") joins the title. (Inline:
        // a closure here put the function's variables in a heap context, slowing every access.)
        if (body.isPrivate) isPrivate = true;
        else isPublic = true;
        country ??= bodyNamed(t, p, body.last);
        titleLast = body.last;
        k = body.last + 1;
        continue;
      }
    }
    // "a spokeswoman for EU energy commissioner X": the complement names a public office or body.
    const lw = lowerAt(t, p);
    if (PUBLIC_QUALIFIER_WORDS.has(lw) || HEADS.has(lw) || (pf & F_ALLCAPS && PUBLIC_ACRONYMS.has(lw))) isPublic = true;
    else if (PRIVATE_QUALIFIERS.has(lw)) isPrivate = true;
    else if (!(pf & F_CAP)) isPrivate = true; // "president of the company"
    else {
      const org = orgRun(t, p);
      if (org.isPrivate) isPrivate = true;
      else if (org.isPublic) isPublic = true;
    }
    break;
  }
  // One reading at a time is ever in use (scanCues reads it before the next title): the same object
  // is filled every time rather than a new one per head.
  const info = titleScratch;
  info.head = h;
  info.strength = strength;
  info.phraseFirst = phraseFirst;
  info.titleFirst = titleFirst;
  info.titleLast = titleLast;
  info.former = former;
  info.after = k;
  info.noNameAfter = noNameAfter;
  info.determiner = determiner;
  info.country = country;
  info.isPublic = isPublic;
  info.isPrivate = isPrivate;
  info.unknownOrg = unknownOrg;
  return info;
}

const titleScratch: TitleInfo = {
  head: 0, strength: 'strong', phraseFirst: 0, titleFirst: 0, titleLast: 0, former: false, after: 0, noNameAfter: false,
  determiner: null, country: null, isPublic: false, isPrivate: false, unknownOrg: false,
};

/** Whether the tokens first..last name a body (BODIES); a plain phrase hashing as none names none. */
function isBodyPhrase(t: Tokens, first: number, last: number): boolean {
  const s = t.start[first]!;
  const e = t.end[last]!;
  const ph = plainPhraseHashAt(t.text, s, e);
  if (ph >= 0 && !BODY_PHRASE_HASHES.has(ph)) return false;
  return BODIES.has(t.text.slice(s, e).toLowerCase());
}

/** The body (BODIES) the tokens p..last name, or null. */
function bodyNamed(t: Tokens, p: number, last: number): string | null {
  return BODIES.get(t.text.slice(t.start[p]!, t.end[last]!).toLowerCase()) ?? null;
}

/** Words that close a portfolio's name ("… Affairs", "… Security"). */
const PORTFOLIO_END_WORDS = new Set(['affairs', 'security', 'development', 'cooperation', 'relations', 'trade', 'industry', 'resources', 'services', 'integration', 'investment', 'planning', 'works', 'diaspora', 'policy', 'protection']);

/** If capitalised words from q lead (within four) to a portfolio-closing word, its index; else -1. */
function portfolioEndAhead(t: Tokens, q: number): number {
  for (let k = q; k < t.count && k - q < 4; k++) {
    if (k > q && !continues(t, k)) return -1;
    const f = t.flags[k]!;
    if (!(f & F_WORD)) return -1;
    const lower = lowerAt(t, k);
    if (PORTFOLIO_END_WORDS.has(lower) && f & F_CAP) return k;
    if (!(f & F_CAP) && lower !== 'and') return -1;
  }
  return -1;
}

/** Given names that are also portfolio or qualifier words ("Justice Mwale", "Peace Mayanja"). */
const VIRTUE_GIVEN_NAMES = new Set(['justice', 'peace', 'faith', 'hope', 'grace', 'mercy', 'patience', 'charity', 'comfort', 'blessing']);
const WEEKDAY_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
/** Honours and degrees written after a name. */
const POSTNOMINAL_HONOURS = new Set(['ao', 'ac', 'am', 'obe', 'cbe', 'mbe', 'kbe', 'dbe', 'gbe', 'qc', 'kc', 'sc', 'phd', 'frs', 'cmg', 'kcmg', 'gcmg', 'pc', 'cvo', 'kcvo', 'lvo', 'ch', 'om', 'dsc', 'mc']);

/** Military ranks: styles of a holder when they follow another office. */
const RANK_HEADS = new Set([
  'general', 'gen', 'lieutenant-general', 'major-general', 'brigadier', 'brigadier-general', 'admiral', 'adm',
  'vice-admiral', 'rear-admiral', 'colonel', 'col', 'lt-col', 'lieutenant-colonel', 'marshal', 'field-marshal', 'air-marshal',
]);

/** Whether the words before a rank's qualifiers close "<office> of|for …" ("Minister of National Defence General"). */
function rankInsideTitle(t: Tokens, phraseFirst: number): boolean {
  let j = phraseFirst - 1;
  if (j < 1 || !continues(t, phraseFirst)) return false;
  if (lowerAt(t, j) === 'the' && j > 1 && continues(t, j)) j--;
  const prep = lowerAt(t, j);
  if ((prep !== 'of' && prep !== 'for') || !continues(t, j)) return false;
  return headStrengthAt(t, j - 1) === 'strong' && !(t.flags[j - 1]! & F_POSS);
}

/** Bodies named "<word> of <portfolio>". */
const MINISTRY_WORDS = new Set(['ministry', 'department', 'secretariat', 'directorate']);

/** Particles that bind a father's name to the given name before them ("Faisal bin Turki", "Ahmed Ould Abdallah"). */
const PATRONYMIC_PARTICLES = new Set(['bin', 'ibn', 'bint', 'binti', 'ben', 'ould', 'bt']);
/** Particles that open a family name ("Al-Harthy", "Abu Bakr", "Abdel Aziz", "van der Merwe", "de la Cruz"). */
const SURNAME_PARTICLES = new Set([
  'al', 'el', 'abu', 'abd', 'abdel', 'abdul', 'abdal', 'van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'dos', 'das',
  'del', 'della', 'la', 'le', 'ter', 'ten', 'zu', 'op', 'dei', 'degli', 'lo',
]);
const MAX_PORTFOLIO_RUN = 14;

/**
 * After "Minister of|for <capitalised words>", where the portfolio ends and the holder's name begins
 * (exclusive end of the portfolio), or -1 when the words do not read as a portfolio (a body's name,
 * a country). A portfolio is a list of common nouns ("Culture, Media and Sport", "Fisheries and Blue
 * Economy") and the name is what follows its last portfolio noun; with no noun known, the name is the
 * last two name units, a unit keeping its particles ("Faisal bin Turki", "Al-Mutairi", "van der Merwe").
 */
function portfolioSplitEnd(t: Tokens, p: number): number {
  // The run: capitalised words and name particles, with list connectors after portfolio nouns.
  let segStart = p;
  let e = p - 1;
  for (let k = p; k < t.count && k - p < MAX_PORTFOLIO_RUN; k++) {
    const f = t.flags[k]!;
    if (k > p) {
      const prevEnd = fullEndAt(t, k - 1);
      const isListComma = isComma(t, k) && t.start[k] === prevEnd;
      const lower = f & F_WORD ? lowerAt(t, k) : '';
      const isAnd = (lower === 'and' && continues(t, k)) || (t.text.charCodeAt(t.start[k]!) === 38 && t.end[k]! - t.start[k]! === 1);
      if (isListComma || isAnd) {
        const next = k + 1;
        if (next >= t.count || !(t.flags[next]! & F_ADJ) || !(t.flags[next]! & F_CAP) || !(t.flags[next]! & F_WORD)) break;
        const nounBefore = (t.flags[k - 1]! & F_WORD) !== 0 && isPortfolioNoun(lowerAt(t, k - 1));
        // "Agriculture, Land Reform and …": the noun may be the list item's second word.
        const nounAfter = isPortfolioNoun(lowerAt(t, next)) || (isListComma && next + 1 < t.count && continues(t, next + 1) && t.flags[next + 1]! & F_CAP && isPortfolioNoun(lowerAt(t, next + 1)));
        // "Ali Smith and Bob Jones" is no list of portfolios; "Jobs and Social Rights" is.
        if (isListComma ? !(nounBefore && nounAfter) : !(nounBefore || nounAfter)) break;
        segStart = next;
        k = next - 1;
        continue;
      }
      if (!continues(t, k)) break;
    }
    if (!(f & F_WORD)) break;
    const lower = lowerAt(t, k);
    if (!(f & F_CAP)) {
      if (!NAME_PARTICLES.has(lower) || k === p) break;
      e = k;
      continue;
    }
    if (HEADS.has(lower) && !isHeadUsedAsGivenName(t, k)) break;
    if (f & F_POSS) return -1; // "for Women's Affairs Council": a body
    if (ORG_WORDS.has(lower) && !isPortfolioNoun(lower)) return -1;
    if (k === p && isCountryWord(t, k) && countryAt(t, k)?.kind !== 'demonym') return -1;
    e = k;
  }
  if (e < segStart) return -1;
  // An honorific inside the run opens the name: "of Foreign Affairs Sayyid Badr …".
  for (let k = segStart + 1; k <= e; k++) {
    if (t.flags[k]! & F_CAP && (HONORIFICS.has(lowerAt(t, k)) || STYLE_HONORIFICS.has(lowerAt(t, k)))) return k;
  }
  // Name units of the last segment, by their first token.
  const unitStarts: number[] = [];
  for (let k = segStart; k <= e; k++) {
    const lower = lowerAt(t, k);
    const prev = k > segStart ? lowerAt(t, k - 1) : '';
    const joinsBack = k > segStart && (PATRONYMIC_PARTICLES.has(lower) || PATRONYMIC_PARTICLES.has(prev) || SURNAME_PARTICLES.has(prev) || (NAME_PARTICLES.has(prev) && !(t.flags[k - 1]! & F_CAP)));
    if (!joinsBack) unitStarts.push(k);
  }
  let lastNoun = -1;
  for (let u = 0; u < unitStarts.length; u++) {
    const k = unitStarts[u]!;
    const next = u + 1 < unitStarts.length ? unitStarts[u + 1]! : e + 1;
    if (next === k + 1 && isPortfolioNoun(lowerAt(t, k))) lastNoun = u;
  }
  if (lastNoun === unitStarts.length - 1) return e + 1; // all portfolio, no name inside
  // A name of four or more units after the last noun is rare: the first of them is a portfolio
  // noun the lexicon lacks ("and Islamic Guidance Mohammad Mehdi Esmaili").
  // "of Health Justice Mwale": a virtue given name after another portfolio noun, before a lone surname.
  if (lastNoun >= 1 && lastNoun === unitStarts.length - 2 && VIRTUE_GIVEN_NAMES.has(lowerAt(t, unitStarts[lastNoun]!)) && isPortfolioNoun(lowerAt(t, unitStarts[lastNoun - 1]!))) {
    return unitStarts[lastNoun]!;
  }
  if (lastNoun >= 0) return unitStarts[Math.max(lastNoun + 1, unitStarts.length - 3)]!;
  // No noun known: the name is the last two units, the rest is the portfolio.
  if (unitStarts.length >= 3) return unitStarts[unitStarts.length - 2]!;
  return segStart > p ? e + 1 : -1;
}

/** Heads that are also given names ("Sultan bin Saad", "Sultan Al Jaber"): a name when a family particle follows. */
const HEADS_ALSO_GIVEN_NAMES = new Set(['sultan']);

function isHeadUsedAsGivenName(t: Tokens, i: number): boolean {
  if (!(t.flags[i]! & F_CAP) || !(lexAt(t, i) & LX_HEAD_GIVEN_NAME)) return false;
  const n = i + 1;
  if (n >= t.count || !continues(t, n) || !(t.flags[n]! & F_WORD)) return false;
  const next = lowerAt(t, n);
  if (PATRONYMIC_PARTICLES.has(next)) return true;
  // "Al Jaber", "Al-Muraikhi", "al-Thani"
  return next === 'al' || next === 'el' || /^(?:al|el)[-‐‑’']/.test(next);
}

/** Whether the capitalised run at q names a body ("Women's Council") rather than a person ("Ana Ruiz"). */
function isBodyName(t: Tokens, q: number): boolean {
  for (let i = q; i < t.count && i - q < 6; i++) {
    const f = t.flags[i]!;
    if (i > q && !(f & F_ADJ)) break;
    if (!(f & F_WORD) || !(f & F_CAP)) break;
    if (f & F_POSS || ORG_WORDS.has(lowerAt(t, i))) return true;
  }
  return false;
}

/** A body's name at p that ends on a body word ("the House", "European Commission"), or null. */
function bodyRun(t: Tokens, p: number): { last: number; isPrivate: boolean } | null {
  let last = -1;
  let isPrivate = false;
  let isPublic = false;
  for (let i = p; i < t.count && i - p < 8; i++) {
    const f = t.flags[i]!;
    if (i > p && !(f & F_ADJ)) break;
    if (!(f & F_WORD) || !(f & F_CAP)) break;
    const lower = lowerAt(t, i);
    if (ORG_WORDS.has(lower) || (f & F_ALLCAPS && PUBLIC_ACRONYMS.has(lower))) {
      last = i;
      if (PRIVATE_QUALIFIERS.has(lower)) isPrivate = true;
    }
    if (PUBLIC_QUALIFIER_WORDS.has(lower) || (f & F_ALLCAPS && PUBLIC_ACRONYMS.has(lower)) || countryAt(t, i)) isPublic = true;
  }
  // "National Institute of …", "Arab League": state bodies, though institutes and leagues are usually private.
  return last >= 0 ? { last, isPrivate: isPrivate && !isPublic } : null;
}

/** A body's name from token p: capitalised words, across possessives and inner "of"/"and" ("National Women's Council"). */
function orgRun(t: Tokens, p: number): { last: number; isPublic: boolean; isPrivate: boolean } {
  let last = p;
  let isPublic = false;
  let isPrivate = false;
  for (let i = p; i < t.count && i - p < 10; i++) {
    const f = t.flags[i]!;
    if (i > p && !(f & F_ADJ)) break;
    if (!(f & F_WORD)) break;
    const lower = lowerAt(t, i);
    if (!(f & F_CAP)) {
      if ((lower === 'of' || lower === 'and' || lower === 'for') && i + 1 < t.count && t.flags[i + 1]! & F_CAP && t.flags[i + 1]! & F_ADJ) continue;
      break;
    }
    last = i;
    if (PRIVATE_QUALIFIERS.has(lower)) isPrivate = true;
    else if (PUBLIC_QUALIFIER_WORDS.has(lower) || (f & F_ALLCAPS && PUBLIC_ACRONYMS.has(lower))) isPublic = true;
  }
  return { last, isPublic, isPrivate };
}

function isHyphenatedQualifier(lower: string): boolean {
  if (!lower.includes('-')) return false;
  return lower.split('-').every((p) => NEUTRAL_QUALIFIER_WORDS.has(p) || PUBLIC_QUALIFIER_WORDS.has(p) || HEADS.has(p));
}

function descriptiveBetween(t: Tokens, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (DESCRIPTIVE_QUALIFIERS.has(lowerAt(t, i))) return true;
  return false;
}

function titleText(t: Tokens, info: TitleInfo): string {
  let raw = t.text.slice(t.start[info.titleFirst]!, t.end[info.titleLast]!);
  if (!singleSpaced(raw)) raw = raw.replace(/\s+/g, ' ');
  const c0 = raw.charCodeAt(0) | 32;
  // Only "former-…" and "ex-…" change (a hyphen at 6 or 2): "Foreign Minister" needs no expression.
  const title = (c0 === 102 && isHyphenCode(raw.charCodeAt(6))) || (c0 === 101 && isHyphenCode(raw.charCodeAt(2))) ? raw.replace(/^(former|ex)[-‐]/i, (_m, w: string) => `${w} `) : raw;
  return info.former && !/^former\b/i.test(title) ? `former ${title}` : title;
}

function isHyphenCode(c: number): boolean {
  return c === 45 || c === 0x2010;
}

/** No white space in the string but single plain spaces (then `\s+` → " " changes nothing). */
function singleSpaced(s: string): boolean {
  let prevSpace = true; // a leading space is not single-spaced text
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else if (c <= 13 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) {
      if (c >= 9) return false;
      prevSpace = false;
    } else prevSpace = false;
  }
  return !prevSpace || s.length === 0;
}

function acceptTitle(info: TitleInfo, t: Tokens): boolean {
  if (info.isPrivate) return false;
  // "defense attorney", "defence lawyer": counsel for a party, not an office.
  if (lexAt(t, info.head) & LX_COUNSEL_HEAD) {
    for (let i = info.phraseFirst; i < info.head; i++) if (DEFENCE_WORDS.has(lowerAt(t, i))) return false;
  }
  if (isWord(t, info.head, MEMBER_HASH, 'member')) return info.isPublic && info.titleLast > info.head;
  if (info.strength === 'strong') return !(info.unknownOrg && !info.isPublic && !info.country);
  if (info.strength === 'weak') return info.isPublic || info.country !== null;
  return true;
}

/** Hashes of every head, its plural, and its hyphenated forms' last parts: one cheap test per word. */
const HEAD_HASHES = new Set<number>();
for (const head of HEADS.keys()) {
  const forms = [head, `${head}s`, head.endsWith('y') ? `${head.slice(0, -1)}ies` : `${head}es`];
  for (const form of forms) {
    const h = stringHash(form, false);
    if (h >= 0) HEAD_HASHES.add(h);
  }
}

/** Could token i be a head (singular, plural or "former-Premier")? Cheap and allocation-free. */
function mayBeHead(t: Tokens, i: number): boolean {
  const f = t.flags[i]!;
  if (!(f & F_WORD)) return false;
  const h = t.hashFull[i]!;
  if (h < 0) return true; // letters beyond ASCII ("attaché"): let the exact test decide
  // "former-Premier", "ex-minister": the part after the last hyphen.
  if (HEAD_HASHES.has(h)) return true;
  return (f & F_JOINER) !== 0 && HEAD_HASHES.has(t.hashLast[i]!); // a joiner: its own last part
}

/** Heads and honorifics: the words the tokenizer lists for the cue scan. */
const CUE_HASHES = new Set<number>();

function scanCues(t: Tokens, regs: Registration[], deferred: Deferred[], titleOnly: TitleOnly[], honorifics: number[]): void {
  // Only the words the tokenizer listed (hash of a head or honorific, or not ASCII) can open a cue.
  for (let c = 0; c < t.cueCount; c++) {
    const h = t.cues[c]!;
    if (t.flags[h]! & F_CAP && HONORIFIC_HASHES.has(t.hashFull[h]!)) honorifics.push(h);
    if (!mayBeHead(t, h)) continue;
    if (isHeadUsedAsGivenName(t, h)) continue; // "Minister of State Sultan bin Saad …": a given name
    const strength = headStrengthAt(t, h);
    if (!strength) {
      // Most plurals ("officials said") name nobody: the singular is only spelt for the others.
      const singular = pluralMayName(t, h) ? pluralHeadSingular(t, h) : null;
      if (singular) scanPluralTitle(t, h, singular, regs);
      continue;
    }
    if (t.flags[h]! & F_POSS) continue; // "the Prime Minister's Office"
    // A chain of heads ("counterpart Minister Li", "Secretary General Guterres"): the last head rules.
    if (h + 1 < t.count && continues(t, h + 1) && headStrengthAt(t, h + 1) && !isNameLike(t, h + 1, true) && !(lexAt(t, h + 1) & LX_STYLE_HONORIFIC)) continue;
    // A style after a title is not a title of its own: "Foreign Minister Sheikh Mohammed".
    if (lexAt(t, h) & LX_STYLE_HONORIFIC && h > 0 && continues(t, h) && headStrengthAt(t, h - 1)) continue;
    // Post-nominal: "Diane Abbott MP" (no name after the head, a name right before it).
    if (lexAt(t, h) & LX_POSTNOMINAL_HEAD && !(h + 1 < t.count && continues(t, h + 1) && isNameLike(t, h + 1, false)) && continues(t, h)) {
      const back = nameRunEndingAt(t, h - 1);
      if (back) {
        regs.push({ ...back, words: canonicalWords(t, back.first, back.last), title: wordAt(t, h), country: null, weight: 3 });
        continue;
      }
    }
    const info = analyzeTitle(t, h, strength);
    if (!acceptTitle(info, t)) continue;
    // "Minister of National Defence General Yasar Guler": the rank belongs to the holder of the office before it.
    if (lexAt(t, h) & LX_RANK && rankInsideTitle(t, info.phraseFirst)) continue;

    // Name after the title: "Foreign Minister Hossein Amir-Abdollahian", "his counterpart, Yoshimasa Hayashi".
    let run: { first: number; last: number } | null = null;
    const p = info.after;
    if (info.noNameAfter) run = null;
    else if (p < t.count && continues(t, p)) {
      let q = skipHonorifics(t, p);
      // A rank between the office and the name: "Minister of Defence General Yasar Guler".
      if (q > h && q < t.count && lexAt(t, q) & LX_RANK && t.flags[q]! & F_CAP && q + 1 < t.count && continues(t, q + 1)) q = skipHonorifics(t, q + 1);
      run = parseNameRun(t, q, true);
    }
    else if (isComma(t, p) && p + 1 < t.count && continues(t, p + 1)) {
      // "his counterpart, Yoshimasa Hayashi"; "Minister for Foreign Affairs, Penny Wong, said" (a formal
      // capitalised title: then a full name closed by punctuation or a verb).
      const formal = info.determiner === null && (t.flags[h]! & F_CAP || info.country !== null);
      if (info.determiner !== null || formal) {
        const q = skipHonorifics(t, p + 1);
        const r = parseNameRun(t, q, true);
        // One word only behind an honorific ("his counterpart, Mr Li"), never "The Prime Minister, John said".
        if (r && (r.last > r.first || q > p + 1) && (!formal || (r.last > r.first && closesName(t, r.last + 1)))) run = r;
      }
    }
    if (run) {
      const words = canonicalWords(t, run.first, run.last);
      let country = info.country;
      // "President Ortega of Nicaragua"
      if (!country) country = countryAfterName(t, run.last);
      // "Israeli officials including Prime Minister Benjamin Netanyahu and Foreign Minister Gideon Sa’ar" (seed)
      if (!country) country = groupCountryBefore(t, info.determiner ?? info.phraseFirst);
      if (info.strength === 'counterpart' || info.strength === 'predecessor') {
        deferred.push({ kind: info.strength, head: h, first: run.first, last: run.last, words, country });
      } else {
        regs.push({ first: run.first, last: run.last, words, title: titleText(t, info), country, weight: info.strength === 'strong' ? 3 : 2 });
      }
      continue;
    }

    if (info.strength === 'counterpart' || info.strength === 'predecessor') continue;
    // Apposition: "Hossein Amir Abdollahian, the Foreign Minister of Iran", "Sanae Takaichi as Japan’s Prime Minister".
    const back = appositionName(t, info);
    if (back) {
      regs.push({ first: back.first, last: back.last, words: canonicalWords(t, back.first, back.last), title: titleText(t, info), country: info.country, weight: info.strength === 'strong' ? 3 : 2 });
      continue;
    }
    // A title alone, then the name opening the next sentence: "Chile's ambassador to Peru said the
    // talks would resume. Dr Elena Rojas said …".
    if (info.country && info.strength === 'strong') {
      const next = nameOpeningNextSentence(t, h);
      if (next) regs.push({ first: next.first, last: next.last, words: canonicalWords(t, next.first, next.last), title: titleText(t, info), country: info.country, weight: 1 });
      else titleOnly.push({ title: titleKey(titleText(t, info)), country: info.country, sentence: sentenceStartBefore(t, h) });
    }
  }
}

function appositionName(t: Tokens, info: TitleInfo): { first: number; last: number } | null {
  const open = info.determiner ?? info.phraseFirst;
  let b = open - 1;
  // "Yoko Kamikawa (Foreign Minister of Japan)": a bracketed title.
  if (b >= 1 && t.text[t.start[b]!] === '(' && t.start[open] === t.end[b]) {
    return b > 0 && continues(t, b) ? bracketedName(t, b - 1) : null;
  }
  if (b < 1 || !continues(t, open)) return null;
  // "Tom Hale, who is the foreign secretary": a relative clause between the comma and the title.
  let k = b;
  while (k > 1 && b - k < 4 && t.flags[k]! & F_WORD && RELATIVE_LINK_WORDS.has(lowerAt(t, k))) k--;
  if (k < b && lowerAt(t, k + 1) === 'who' && isComma(t, k)) b = k;
  const comma = isComma(t, b);
  const isAs = !comma && t.flags[b]! & F_WORD && lowerAt(t, b) === 'as' && continues(t, b);
  if (!comma && !isAs) return null;
  let e = b - 1;
  // "Tom Hale, 58, the foreign secretary": an age between the name and the title.
  if (comma && e > 1 && t.flags[e]! & F_NUM && isComma(t, e - 1)) e -= 2;
  const back = nameRunEndingAt(t, e);
  if (!back) return null;
  // One word only after an honorific: "Mr. Kishida, the Japanese prime minister".
  if (back.last === back.first && !(t.flags[back.first]! & F_ALLCAPS) && !(back.first > 0 && continues(t, back.first) && NAME_HONORIFICS.has(lowerAt(t, back.first - 1)))) return null;
  // "In Tokyo, the minister said": a place before the comma.
  if (back.first > 0 && t.flags[back.first - 1]! & F_WORD && PLACE_PREPOSITIONS.has(lowerAt(t, back.first - 1))) return null;
  return back;
}

/** The name just before an opening bracket: two words or more, or one after an honorific. */
function bracketedName(t: Tokens, e: number): { first: number; last: number } | null {
  const back = nameRunEndingAt(t, e);
  if (!back) return null;
  if (back.last === back.first && !(back.first > 0 && continues(t, back.first) && NAME_HONORIFICS.has(lowerAt(t, back.first - 1)))) return null;
  return back;
}

/** A name of two words or more opening the sentence after token h and followed by a verb. */
function nameOpeningNextSentence(t: Tokens, h: number): { first: number; last: number } | null {
  let s = h + 1;
  while (s < t.count && s - h < 80 && !(t.flags[s]! & F_SENT)) s++;
  if (s >= t.count || !(t.flags[s]! & F_SENT)) return null;
  const p = skipHonorifics(t, s);
  const run = parseNameRun(t, p, false);
  if (!run || run.last === run.first) return null;
  const v = run.last + 1;
  if (v >= t.count || !continues(t, v) || !(t.flags[v]! & F_WORD) || t.flags[v]! & F_CAP) return null;
  return run;
}

const GROUP_NOUNS = new Set(['officials', 'leaders', 'ministers', 'diplomats', 'lawmakers', 'dignitaries', 'delegation', 'counterparts', 'politicians']);
const GROUP_LINKS = new Set(['including', 'like', 'such', 'as', 'among', 'them', 'and', ',', ':']);

/**
 * The country of a group the title is listed in: "Israeli officials including …", "senior Japanese
 * ministers such as …". Looks back a dozen tokens within the sentence.
 */
function groupCountryBefore(t: Tokens, open: number): string | null {
  let i = open - 1;
  let steps = 0;
  // Back over links, earlier titles and names in the list.
  while (i >= 1 && steps < 14) {
    if (t.flags[i + 1]! & F_SENT) return null;
    const lx = lexAt(t, i);
    if (lx & LX_GROUP_NOUN) {
      const c = countryEndingAt(t, i - 1);
      return c ? c.name : null;
    }
    if (!(lx & (LX_GROUP_LINK | LX_HEAD | LX_PUBLIC_QUALIFIER | LX_NEUTRAL_QUALIFIER) || t.flags[i]! & F_CAP)) return null;
    i--;
    steps++;
  }
  return null;
}

/** "Foreign Ministers Yoko Kamikawa and Antony Blinken", "Senators Warren and Sanders": one title, several names. */
/** Whether names may follow the plural head at h (false settles it without reading the title). */
function pluralMayName(t: Tokens, h: number): boolean {
  // Names only ever follow the plural in its phrase: "officials." or "leaders, who" name nobody.
  if (!(h + 1 < t.count && continues(t, h + 1))) return false;
  // With no complement ("of", "for", "to") the names start right after the plural: a mark or a
  // lower-case word there that is neither a particle nor "the" (of "the Hon.") opens none.
  const n = h + 1;
  return (t.flags[n]! & (F_CAP | F_JOINER | F_ABBR)) !== 0 || isParticle(t, n) || isWord(t, n, OF_HASH, 'of') || isWord(t, n, FOR_HASH, 'for') || isWord(t, n, TO_HASH, 'to') || isWord(t, n, THE_HASH, 'the');
}

function scanPluralTitle(t: Tokens, h: number, singular: string, regs: Registration[]): void {
  if (!pluralMayName(t, h)) return;
  const strength = HEADS.get(singular.toLowerCase())!;
  const info = analyzeTitle(t, h, strength);
  if (!acceptTitle(info, t)) return;
  // The title is spelt out once a name follows ("officials said" names nobody).
  let title: string | null = null;
  let p = info.after;
  for (let guard = 0; guard < 6 && p < t.count && continues(t, p); guard++) {
    const run = parseNameRun(t, skipHonorifics(t, p), true);
    if (!run) return;
    title ??= titleText(t, info).replace(wordAt(t, h), singular);
    regs.push({ first: run.first, last: run.last, words: canonicalWords(t, run.first, run.last), title, country: info.country, weight: strength === 'strong' ? 3 : 2 });
    // Next name after ", " or " and " or ", and ".
    let q = run.last + 1;
    if (isComma(t, q)) q++;
    if (q < t.count && lowerAt(t, q) === 'and') q++;
    if (q === run.last + 1 || q >= t.count) return;
    p = q;
    if (!continues(t, p) && !isComma(t, p - 1)) return;
    if (isComma(t, p - 1) && !(t.flags[p]! & F_ADJ)) return;
  }
}

/** Punctuation or a lower-case word after a name: the name is complete there. */
function closesName(t: Tokens, i: number): boolean {
  if (i >= t.count) return true;
  const f = t.flags[i]!;
  if (!(f & F_WORD)) return true;
  return !(f & F_CAP) && continues(t, i);
}

function isComma(t: Tokens, i: number): boolean {
  return i >= 0 && i < t.count && t.text.charCodeAt(t.start[i]!) === 44 && t.end[i]! - t.start[i]! === 1;
}

/** Skips "Mr", "Dr.", "the Honorable", "His Excellency" at p; returns the first token after them. */
function skipHonorifics(t: Tokens, p: number): number {
  let q = p;
  for (let guard = 0; guard < 4 && q < t.count; guard++) {
    const f = t.flags[q]!;
    if (!(f & F_WORD)) break;
    if (isWord(t, q, THE_HASH, 'the') && q + 1 < t.count && /^hon/.test(lowerAt(t, q + 1))) {
      q++;
      continue;
    }
    if (!(lexAt(t, q) & (LX_HONORIFIC | LX_STYLE_HONORIFIC)) || !(f & F_CAP)) break;
    if ((isWord(t, q, HIS_HASH, 'his') || isWord(t, q, HER_HASH, 'her')) && !(q + 1 < t.count && isWord(t, q + 1, EXCELLENCY_HASH, 'excellency'))) break;
    if (q + 1 >= t.count || !continues(t, q + 1)) break;
    q++;
  }
  return q;
}

function countryAfterName(t: Tokens, last: number): string | null {
  const k = last + 1;
  if (k + 1 >= t.count || !continues(t, k) || !isWord(t, k, OF_HASH, 'of')) return null;
  let p = k + 1;
  if (isWord(t, p, THE_HASH, 'the') && p + 1 < t.count) p++;
  if (!continues(t, p)) return null;
  return countryStartingAt(t, p)?.name ?? null;
}

// ---------------------------------------------------------------------------------------------
// Names

/** A word that can stand inside a name (not only begin one). */
function isNameLike(t: Tokens, i: number, inside: boolean): boolean {
  if (!isNameShaped(t, i)) return false;
  const f = t.flags[i]!;
  const lx = lexAt(t, i);
  if (lx & LX_STOP) return false;
  if (f & F_CAP && lx & LX_HONORIFIC) return false;
  if (lx & LX_HEAD && !(inside && lx & LX_HEAD_SURNAME) && !isHeadUsedAsGivenName(t, i)) return false;
  if (endsWithS(t, i) && pluralHeadSingular(t, i)) return false; // "Ministers", "Senators
  if (lx & LX_CALENDAR) {
    if (!inside) return false;
    // "Foreign Minister Ayman Safadi Tuesday said": a weekday after a name is the day (wire style), while a
    // month may be a family name ("Theresa May").
    if (lx & LX_WEEKDAY) return false;
    // "Theresa May said" but not "Tokyo May 5".
    if (i + 1 < t.count && t.flags[i + 1]! & F_NUM) return false;
  }
  if (f & F_ALLCAPS && inside && ROMAN_NUMERAL_RE.test(wordAt(t, i))) return true; // "Charles III"
  if (f & F_ALLCAPS && inside && lx & LX_POSTNOMINAL_HONOUR) return false; // "Penny Wong AO", "Jane Smith OBE"
  if (f & F_ALLCAPS) {
    // Capitals only in a family-name-first name ("HAYASHI Yoshimasa") or its mirror ("Yoshimasa HAYASHI").
    const nextTitle = i + 1 < t.count && continues(t, i + 1) && isTitleCaseWord(t, i + 1);
    const prevTitle = i > 0 && continues(t, i) && isTitleCaseWord(t, i - 1);
    if (!nextTitle && !prevTitle) return false;
  }
  return true;
}

function isTitleCaseWord(t: Tokens, i: number): boolean {
  const f = t.flags[i]!;
  return (f & F_WORD) !== 0 && (f & F_CAP) !== 0 && !(f & F_ALLCAPS) && t.end[i]! - t.start[i]! >= 2 && !(lexAt(t, i) & LX_STOP);
}

function isNameStart(t: Tokens, i: number, afterTitle: boolean): boolean {
  if (!isNameLike(t, i, false)) {
    // Initials ("J. Smith") and particles ("Foreign Minister de Villepin") may open a name after a title.
    if (afterTitle && (isInitial(t, i) || isDottedInitials(t, i))) return true;
    if (afterTitle && isParticle(t, i) && i + 1 < t.count && continues(t, i + 1) && isNameLike(t, i + 1, true)) return true;
    // A given name spelt like a month or weekday ("Ambassador Jan van der Berg", "Governor Monday Okpebholo"):
    // right after a title and before more name words.
    if (afterTitle && t.flags[i]! & F_CAP && !(t.flags[i]! & F_ALLCAPS) && lexAt(t, i) & LX_CALENDAR && i + 1 < t.count && continues(t, i + 1)) {
      const n = i + 1;
      if (isParticle(t, n) || (isNameLike(t, n, true) && !(lexAt(t, n) & LX_CALENDAR))) return true;
    }
    return false;
  }
  const lx = lexAt(t, i);
  if (lx & (LX_PUBLIC_QUALIFIER | LX_NEUTRAL_QUALIFIER)) {
    const lower = lowerAt(t, i);
    // "Finance Minister Peace Mayanja said": a virtue given name and a surname closing the run.
    if (!(afterTitle && VIRTUE_GIVEN_NAMES.has(lower) && i + 1 < t.count && continues(t, i + 1) && isNameLike(t, i + 1, true) && !isPortfolioNoun(lowerAt(t, i + 1)) && !ORG_WORDS.has(lowerAt(t, i + 1)) && closesName(t, i + 2))) return false;
  }
  const hit = personSafeCountry(t, i);
  if (hit) {
    // "Israel Katz" after a title is a person; a demonym never opens a name.
    if (!afterTitle || hit.kind === 'demonym') return false;
    if (!(i + 1 < t.count && continues(t, i + 1) && isNameLike(t, i + 1, true))) return false;
  }
  return true;
}

/** The name run starting at p ("Mohammed bin Salman", "George W Bush", "HAYASHI Yoshimasa"), or null. */
function parseNameRun(t: Tokens, p: number, afterTitle: boolean): { first: number; last: number } | null {
  if (p >= t.count || !isNameStart(t, p, afterTitle)) return null;
  let last = p;
  let words = 1;
  if (t.flags[p]! & F_POSS) return validateRun(t, p, p);
  let i = p + 1;
  while (i < t.count && words < MAX_NAME_WORDS && continues(t, i)) {
    if (isNameLike(t, i, true) && !isCountryWord(t, i)) {
      last = i;
      words++;
      if (t.flags[i]! & F_POSS) break;
      i++;
      continue;
    }
    if ((isInitial(t, i) || isDottedInitials(t, i)) && i + 1 < t.count && continues(t, i + 1) && isNameLike(t, i + 1, true)) {
      i++;
      continue;
    }
    if (isParticle(t, i)) {
      // "bin Salman", "von der Leyen": particles up to the next name word.
      let q = i + 1;
      while (q < t.count && q - i < 3 && continues(t, q) && isParticle(t, q)) q++;
      if (q < t.count && continues(t, q) && isNameLike(t, q, true)) {
        i = q;
        continue;
      }
    }
    if (isInitial(t, i) && t.flags[i]! & F_DOT && i + 1 < t.count && continues(t, i + 1) && isInitial(t, i + 1)) {
      i++;
      continue;
    }
    // A nickname in quotes: Robert "Bob" Hale.
    const nick = nicknameAt(t, i);
    if (nick > 0) {
      i = nick;
      continue;
    }
    break;
  }
  // An initial alone before the surname: "J. Smith" (the run began on the initial).
  if (isInitial(t, p) && last === p) return null;
  return validateRun(t, p, last);
}

const OPEN_QUOTES = new Set(['"', '“', "'", '‘']);
const CLOSE_QUOTES = new Set(['"', '”', "'", '’']);

/** After a quoted nickname starting at i ("Bob" in Robert "Bob" Hale), the next name word's index; else 0. */
function nicknameAt(t: Tokens, i: number): number {
  if (i + 3 >= t.count || !OPEN_QUOTES.has(t.text[t.start[i]!]!)) return 0;
  if (!(t.flags[i + 1]! & F_WORD) || !(t.flags[i + 1]! & F_CAP) || t.start[i + 1] !== t.end[i]) return 0;
  if (!CLOSE_QUOTES.has(t.text[t.start[i + 2]!]!) || t.start[i + 2] !== fullEndAt(t, i + 1)) return 0;
  if (!(t.flags[i + 3]! & F_ADJ) || !isNameLike(t, i + 3, true)) return 0;
  return i + 3;
}

function isQuoteToken(t: Tokens, i: number): boolean {
  return !(t.flags[i]! & F_WORD) && (OPEN_QUOTES.has(t.text[t.start[i]!]!) || CLOSE_QUOTES.has(t.text[t.start[i]!]!));
}

/** "H.W." in "George H.W. Bush": dotted initials that name no country. */
function isDottedInitials(t: Tokens, i: number): boolean {
  return (t.flags[i]! & F_ABBR) !== 0 && t.end[i]! - t.start[i]! <= 6 && countryAt(t, i) === null;
}

/** `lookupCountry` of token i's word; most words are settled by their hash, without a slice. */
function countryAt(t: Tokens, i: number): CountryHit | null {
  if (!(t.flags[i]! & F_ABBR) && !mayBeCountryWordHash(t.hashFull[i]!)) return null;
  // The same country words are asked about again and again: remember the answer per token.
  if (i >= 0 && i < countryMemoGen.length && countryMemoGen[i] === t.gen) return countryMemo[i]!;
  // A word of ASCII letters (no joiner, no points) hashes as its plain phrase: the hash is at hand.
  const h = t.hashFull[i]!;
  const hit = h >= 0 && !(t.flags[i]! & F_JOINER) ? lookupPlainCountryAt(t.text, t.start[i]!, t.end[i]!, h) : lookupCountryAt(t.text, t.start[i]!, t.end[i]!);
  if (i >= 0 && i < t.count) {
    if (i >= countryMemoGen.length) {
      const grown = new Int32Array(Math.max(t.count, countryMemoGen.length * 2)).fill(-1);
      grown.set(countryMemoGen);
      countryMemoGen = grown;
    }
    countryMemoGen[i] = t.gen;
    countryMemo[i] = hit;
  }
  return hit;
}
/** `countryAt` answers by token index, valid where the generation is the tokens' (see names.ts lowerAt). */
let countryMemoGen = new Int32Array(4096).fill(-1);
const countryMemo: Array<CountryHit | null> = [];

function isCountryWord(t: Tokens, i: number): boolean {
  return personSafeCountry(t, i) !== null;
}

/**
 * A country named by one word, leaving out the library's native-language spellings, which are
 * also people's names ("Dominique" for Dominica, "Mann" for the Isle of Man).
 */
function personSafeCountry(t: Tokens, i: number): CountryHit | null {
  const hit = countryAt(t, i);
  if (!hit || (hit.kind === 'alt' && !(t.flags[i]! & F_ALLCAPS))) return null;
  return hit;
}

function validateRun(t: Tokens, first: number, last: number): { first: number; last: number } | null {
  for (let i = first; i <= last; i++) {
    if (lexAt(t, i) & LX_ORG && !(i === first && last > first && lexAt(t, i) & LX_VIRTUE)) {
      // "President Biden Administration": the name stops before the body's word.
      if (i === first || t.flags[i - 1]! & F_POSS) return null;
      last = i - 1;
      while (last > first && (isParticle(t, last) || isInitial(t, last))) last--;
      break;
    }
  }
  // A capitalised verb in a Title Case headline is no name ("Foreign Minister Meets Iranian Counterpart").
  if (first === last && t.flags[first]! & F_TITLE_LINE) return null;
  if (first === last && personSafeCountry(t, first)) return null;
  return { first, last };
}

/** The name run ending at token e (for appositions and post-nominals), or null. */
function nameRunEndingAt(t: Tokens, e: number): { first: number; last: number } | null {
  if (e < 0 || !isNameLike(t, e, true) || isCountryWord(t, e)) return null;
  let first = e;
  let i = e - 1;
  let words = 1;
  while (i >= 0 && words < MAX_NAME_WORDS && continues(t, i + 1)) {
    if (t.flags[i]! & F_POSS) break;
    if (isNameLike(t, i, true) && !isCountryWord(t, i)) {
      first = i;
      words++;
      i--;
      continue;
    }
    if (isParticle(t, i) || isInitial(t, i)) {
      i--;
      continue;
    }
    break;
  }
  // Leading words that cannot open a name ("Conservative Ann Price" keeps "Ann Price").
  while (first < e && !isNameStart(t, first, false)) first++;
  if (!isNameStart(t, first, false)) return null;
  return validateRun(t, first, e);
}

/** Canonical name words, given name first: "HAYASHI Yoshimasa" → ["Yoshimasa", "Hayashi"]. */
function canonicalWords(t: Tokens, first: number, last: number): string[] {
  // Most names are a few words, none in capitals: read into an array of their number (an array
  // grown by pushes reserves room for 16), in the same order, skipping a quoted nickname alike.
  let count = 0;
  let capitals = false;
  for (let i = first; i <= last; i++) {
    if (isQuoteToken(t, i)) {
      if (i + 2 <= last && isQuoteToken(t, i + 2)) i += 2;
      continue;
    }
    const f = t.flags[i]!;
    if (f & F_ALLCAPS && !(f & F_ABBR)) capitals = true;
    count++;
  }
  if (!capitals && count >= 1 && count <= 4) {
    let w0 = '';
    let w1 = '';
    let w2 = '';
    let w3 = '';
    let n = 0;
    for (let i = first; i <= last; i++) {
      if (isQuoteToken(t, i)) {
        if (i + 2 <= last && isQuoteToken(t, i + 2)) i += 2;
        continue;
      }
      const w = t.flags[i]! & F_DOT && isInitial(t, i) ? `${wordAt(t, i)}.` : wordAt(t, i);
      if (n === 0) w0 = w;
      else if (n === 1) w1 = w;
      else if (n === 2) w2 = w;
      else w3 = w;
      n++;
    }
    return count === 1 ? [w0] : count === 2 ? [w0, w1] : count === 3 ? [w0, w1, w2] : [w0, w1, w2, w3];
  }
  const words: string[] = [];
  // Words in capitals are rare: their flags are only listed once one is met.
  let caps: boolean[] | null = null;
  for (let i = first; i <= last; i++) {
    const f = t.flags[i]!;
    if (isQuoteToken(t, i)) {
      // Leave a quoted nickname out of the canonical name.
      if (i + 2 <= last && isQuoteToken(t, i + 2)) i += 2;
      continue;
    }
    let w = wordAt(t, i);
    if (f & F_DOT && isInitial(t, i)) w += '.';
    const cap = (f & F_ALLCAPS) !== 0 && !(f & F_ABBR) && !(i > first && ROMAN_NUMERAL_RE.test(w));
    if (cap && !caps) caps = words.map(() => false);
    words.push(w);
    if (caps) caps.push(cap);
  }
  if (!caps) return words;
  const allCaps = caps.every(Boolean);
  const cased = words.map((w, i) => (caps[i] ? titleCaseWord(w) : w));
  if (allCaps) return cased;
  // Family name in capitals first ("HAYASHI Yoshimasa", "KIM Jong Un"): move it to the end.
  let k = 0;
  while (k < caps.length && caps[k]) k++;
  if (k > 0 && caps.slice(k).every((c) => !c)) return [...cased.slice(k), ...cased.slice(0, k)];
  return cased;
}

interface NameRun {
  first: number;
  last: number;
  /** `canonicalWords` of the run, once asked (most runs found are no longer than the cue asking: their length settles them). */
  words?: string[];
  /** `keyOf(words)`, once asked (a run is shared by every question that finds it). */
  key?: string;
}

function runWordsOf(t: Tokens, run: NameRun): string[] {
  return (run.words ??= canonicalWords(t, run.first, run.last));
}

function runKeyOf(t: Tokens, run: NameRun): string {
  return (run.key ??= keyOf(runWordsOf(t, run)));
}

/**
 * Full names a short cue can point to ("Mr Price" … "Ann Price"), found on demand: the capitalised
 * words that can belong to a longer name are found by hash (indexed once a document asks often), and only the runs
 * around the words asked for are parsed (each token's run at most once).
 */
class NameRunIndex {
  /** Answers already given, by short name (made on the first question: many documents ask none). */
  memo: Map<string, string[] | null> | null = null;
  /** Whether the token chains by last and first hash (byLastHash, byFirstHash) are this document's. */
  private indexed = false;
  /** Tells this index from the one before (the chains name their owner by it: an index holds the text). */
  private readonly serial = nextNameRunIndexSerial();
  /** The runs found, listed by runMemoIndex for the tokens asked about (each token's run is parsed once). */
  private runList: NameRun[] | null = null;
  private scans = 0;

  constructor(readonly t: Tokens) {}

  private buildIndex(): void {
    const t = this.t;
    let n = 0;
    for (let c = 0; c < t.capCount; c++) if (mayBelongToLongerName(t, t.caps[c]!)) n++;
    byLastHash.reset(n);
    byFirstHash.reset(n);
    for (let c = 0; c < t.capCount; c++) {
      const i = t.caps[c]!;
      if (!mayBelongToLongerName(t, i)) continue;
      byLastHash.add(lastHashAt(t, i), i);
      byFirstHash.add(firstHashAt(t, i), i);
    }
    indexOwner = this.serial;
    this.indexed = true;
  }

  /**
   * Announces a question `around(last, first)` may be asked: the questions announced are answered
   * by one scan over the capitalised words at the first of them (a document asks two or three).
   */
  expect(last: number, first: number): void {
    if (expectOwner !== this.serial) {
      expectOwner = this.serial;
      expectCount = 0;
      expectScanned = 0;
      hitCount = 0;
      EXPECT_BITS.fill(0);
    }
    // Beyond a few, questions are asked as the others (scans, then the index): announced ones each
    // cost a pass over the listed words and a look at every announced one, which a large document
    // with thousands of questions made quadratic.
    if (expectCount >= EXPECTED_MAX) return;
    for (let p = 0; p < expectCount; p++) if (expectLast[p] === last && expectFirst[p] === first) return;
    if (expectCount === expectLast.length) {
      expectLast = grownInt32(expectLast);
      expectFirst = grownInt32(expectFirst);
    }
    expectLast[expectCount] = last;
    expectFirst[expectCount++] = first;
    EXPECT_BITS[(last >>> 5) & 31]! |= 1 << (last & 31);
    EXPECT_BITS[(first >>> 5) & 31]! |= 1 << (first & 31);
  }

  /** Lists, in one scan, the capitalised words of every announced question not scanned for yet (as `around` reads them). */
  private scanExpected(): void {
    const t = this.t;
    const { caps, capCount, hashFull, hashLast, hashFirst, flags } = t;
    const from = expectScanned;
    for (let c = 0; c < capCount; c++) {
      const i = caps[c]!;
      // A word without a joiner is one part: its first and last hashes are its hash.
      const joiner = (flags[i]! & F_JOINER) !== 0;
      const hl = joiner ? hashLast[i]! : hashFull[i]!;
      const hf = joiner ? hashFirst[i]! : hashFull[i]!;
      if (!(EXPECT_BITS[(hl >>> 5) & 31]! & (1 << (hl & 31))) && !(EXPECT_BITS[(hf >>> 5) & 31]! & (1 << (hf & 31)))) continue;
      let belongs = -1;
      for (let p = from; p < expectCount; p++) {
        if (hl !== expectLast[p] && hf !== expectFirst[p]) continue;
        if (belongs < 0) belongs = mayBelongToLongerName(t, i) ? 1 : 0;
        if (belongs === 0) break;
        if (hitCount === hitPair.length) {
          hitPair = grownInt32(hitPair);
          hitToken = grownInt32(hitToken);
        }
        hitPair[hitCount] = p;
        hitToken[hitCount++] = i;
      }
    }
    expectScanned = expectCount;
  }

  /** Runs of two or more name words that end with the word hashed `last` or open with the word hashed `first`. */
  around(last: number, first: number): NameRun[] {
    const out: NameRun[] = [];
    let asked = -1;
    if (expectOwner === this.serial) {
      for (let p = 0; p < expectCount; p++) {
        if (expectLast[p] === last && expectFirst[p] === first) {
          asked = p;
          break;
        }
      }
    }
    if (asked >= 0) {
      // An announced question: its words were listed by the one scan (the runs found are the same
      // whatever the order the words are visited in: one run per first token, sorted below).
      if (asked >= expectScanned) this.scanExpected();
      for (let h = 0; h < hitCount; h++) if (hitPair[h] === asked) this.visit(hitToken[h]!, out);
    } else if (this.scans < DIRECT_SCANS) {
      // Most documents ask a question or two: integer comparisons over the words beat building an index.
      this.scans++;
      const t = this.t;
      const { caps, capCount, hashFull, hashLast, hashFirst, flags } = t;
      for (let c = 0; c < capCount; c++) {
        const i = caps[c]!;
        // A word without a joiner is one part: its first and last hashes are its hash.
        if (flags[i]! & F_JOINER ? hashLast[i] !== last && hashFirst[i] !== first : hashFull[i] !== last && hashFull[i] !== first) continue;
        if (mayBelongToLongerName(t, i)) this.visit(i, out);
      }
    } else {
      if (!this.indexed || indexOwner !== this.serial) this.buildIndex();
      for (let en = byLastHash.first(last); en >= 0; en = byLastHash.next(en)) this.visit(byLastHash.token(en), out);
      for (let en = byFirstHash.first(first); en >= 0; en = byFirstHash.next(en)) this.visit(byFirstHash.token(en), out);
    }
    // By first token, stably (as Array.prototype.sort): a few runs at most.
    for (let k = 1; k < out.length; k++) {
      const run = out[k]!;
      let q = k;
      while (q > 0 && out[q - 1]!.first > run.first) {
        out[q] = out[q - 1]!;
        q--;
      }
      out[q] = run;
    }
    return out;
  }

  /** Adds the run holding token i to `out`, unless it is there (a run is determined by its first token). */
  private visit(i: number, out: NameRun[]): void {
    if (i >= runMemoSerial.length) growRunMemo(Math.max(this.t.count, i + 1));
    let run: NameRun | null;
    if (runMemoSerial[i] === this.serial) {
      const k = runMemoIndex[i]!;
      run = k < 0 ? null : this.runList![k]!;
    } else {
      run = runAround(this.t, i);
      runMemoSerial[i] = this.serial;
      if (run) {
        const list = (this.runList ??= []);
        runMemoIndex[i] = list.length;
        list.push(run);
      } else runMemoIndex[i] = -1;
    }
    if (!run) return;
    for (const known of out) if (known.first === run.first) return;
    out.push(run);
  }
}

/**
 * Tokens by a hash, in chains kept in typed arrays reused from one document to the next (a Map of
 * arrays per document was most of the name-run index's garbage): an open-addressing table of the
 * distinct hashes, each with the first and last entry of its chain, in the order tokens were added.
 */
class TokenHashChains {
  private slotHash = new Int32Array(64);
  private slotHead = new Int32Array(64).fill(-1);
  private slotTail = new Int32Array(64);
  private entryToken = new Int32Array(32);
  private entryNext = new Int32Array(32);
  private mask = 63;
  private entries = 0;

  /** Empties the chains, with room for n tokens (the table at most half full). */
  reset(n: number): void {
    let size = 64;
    while (size < 2 * n + 2) size *= 2;
    if (this.slotHash.length < size) {
      this.slotHash = new Int32Array(size);
      this.slotHead = new Int32Array(size);
      this.slotTail = new Int32Array(size);
    }
    if (this.entryToken.length < n) {
      this.entryToken = new Int32Array(2 * n);
      this.entryNext = new Int32Array(2 * n);
    }
    this.slotHead.fill(-1, 0, size);
    this.mask = size - 1;
    this.entries = 0;
  }

  add(hash: number, token: number): void {
    const en = this.entries++;
    this.entryToken[en] = token;
    this.entryNext[en] = -1;
    let slot = hash & this.mask;
    while (this.slotHead[slot] !== -1 && this.slotHash[slot] !== hash) slot = (slot + 1) & this.mask;
    if (this.slotHead[slot] === -1) {
      this.slotHash[slot] = hash;
      this.slotHead[slot] = en;
    } else this.entryNext[this.slotTail[slot]!] = en;
    this.slotTail[slot] = en;
  }

  /** The first entry of the tokens added with `hash`, or -1. */
  first(hash: number): number {
    for (let slot = hash & this.mask; this.slotHead[slot] !== -1; slot = (slot + 1) & this.mask) {
      if (this.slotHash[slot] === hash) return this.slotHead[slot]!;
    }
    return -1;
  }

  next(entry: number): number {
    return this.entryNext[entry]!;
  }

  token(entry: number): number {
    return this.entryToken[entry]!;
  }
}

// The questions announced to the name-run index of the document being read (expectOwner) and the
// capitalised words that answer them: hitToken[h] answers question hitPair[h]. Numbers only.
let expectOwner = 0;
let expectLast: Int32Array = new Int32Array(16);
let expectFirst: Int32Array = new Int32Array(16);
let expectCount = 0;
/** Questions before this one have their words listed. */
let expectScanned = 0;
/** A 1024-bit filter of the announced hashes (most words match none). */
const EXPECT_BITS = new Int32Array(32);
let hitPair: Int32Array = new Int32Array(64);
let hitToken: Int32Array = new Int32Array(64);
let hitCount = 0;

const byLastHash = new TokenHashChains();
const byFirstHash = new TokenHashChains();
/** The serial of the name-run index whose tokens the chains hold (one document at a time asks). */
let indexOwner = 0;
let nameRunIndexSerial = 0;

/** A serial never 0 (the memo's initial value), wrapping within 32 bits. */
function nextNameRunIndexSerial(): number {
  nameRunIndexSerial = (nameRunIndexSerial + 1) | 0;
  if (nameRunIndexSerial === 0) nameRunIndexSerial = 1;
  return nameRunIndexSerial;
}

// The run around each token asked about, by token: valid where runMemoSerial is the asking index's
// serial; runMemoIndex is the run's place in the index's list, -1 for none (a Map per document was
// its garbage). Numbers only: no text stays reachable.
let runMemoSerial = new Int32Array(4096);
let runMemoIndex = new Int32Array(4096);

function growRunMemo(n: number): void {
  const size = Math.max(n, 2 * runMemoSerial.length);
  const serial = new Int32Array(size);
  serial.set(runMemoSerial);
  const index = new Int32Array(size);
  index.set(runMemoIndex);
  runMemoSerial = serial;
  runMemoIndex = index;
}

/** Questions answered by a plain scan before the index is built (keeps big documents linear). */
const DIRECT_SCANS = 4;

/** Questions announced to be answered by one scan (see expect); a document asks two or three. */
const EXPECTED_MAX = 8;

/** A capitalised word with a capitalised (or particle) neighbour: only such a word can be part of a longer name. */
function mayBelongToLongerName(t: Tokens, i: number): boolean {
  if (!(t.flags[i]! & F_CAP)) return false;
  const before = i > 0 && continues(t, i) && (t.flags[i - 1]! & F_CAP || isParticle(t, i - 1));
  const after = i + 1 < t.count && continues(t, i + 1) && (t.flags[i + 1]! & F_CAP || isParticle(t, i + 1));
  return Boolean(before || after);
}

/** The run of two or more name words holding token i, or null. */
function runAround(t: Tokens, i: number): NameRun | null {
  let s = i;
  while (s > 0 && i - s < MAX_NAME_WORDS + 2 && continues(t, s)) {
    const p = s - 1;
    if (isNameLike(t, p, true) || isParticle(t, p) || isInitial(t, p) || isDottedInitials(t, p)) s = p;
    else break;
  }
  while (s < i && !isNameStart(t, s, false)) s++;
  const run = parseNameRun(t, s, false);
  if (!run || run.first > i || run.last < i || run.last === run.first) return null;
  return { first: run.first, last: run.last };
}

// ---------------------------------------------------------------------------------------------
// Document entities and their name forms

function keyOf(words: readonly string[]): string {
  return nameKey(words.join(' '));
}

// Name forms by name (words joined by spaces), for names with no alias (most entities): an
// open-addressing table by a hash of the name's characters. A Map of thousands of names, far apart
// in memory, cost a few cache misses per look-up (1% of analyzeCorpus); the table's hashes are
// compared first, and only a name of the same hash is read. Emptied when half full.
const PLAIN_FORM_SLOTS = 16384;
const plainFormHash = new Int32Array(PLAIN_FORM_SLOTS);
const plainFormName: string[] = new Array<string>(PLAIN_FORM_SLOTS).fill('');
const plainFormFacts: Array<FormFacts | null> = new Array<FormFacts | null>(PLAIN_FORM_SLOTS).fill(null);
let plainFormCount = 0;
/** Name forms by name and aliases. */
const aliasVariantCache = new Map<string, FormFacts>();

/**
 * Name forms a later mention may take (the full name, its tails: "Amir Abdollahian", "Hayashi", …),
 * with what matching needs of them. `name` is `words.join(' ')` (an entity keeps it): keyed by it, a
 * name without aliases needs no new string.
 */
function variantForms(words: readonly string[], name: string, aliases: readonly string[]): FormFacts {
  if (aliases.length === 0) return plainVariantForms(words, name);
  const cacheKey = `${name}|${aliases.join('|')}`;
  let forms = aliasVariantCache.get(cacheKey);
  if (!forms) {
    forms = formFactsOf(computeVariantKeys(words, aliases).map(detached));
    if (aliasVariantCache.size > 5000) aliasVariantCache.clear();
    aliasVariantCache.set(detached(cacheKey), forms);
  }
  return forms;
}

/** `variantForms` of a name without aliases, remembered in the plain-name table. */
function plainVariantForms(words: readonly string[], name: string): FormFacts {
  let h = 17;
  for (let k = 0; k < name.length; k++) h = (Math.imul(h, 31) + name.charCodeAt(k)) | 0;
  const mask = PLAIN_FORM_SLOTS - 1;
  let slot = h & mask;
  for (let known = plainFormFacts[slot]; known; known = plainFormFacts[slot]) {
    if (plainFormHash[slot] === h && plainFormName[slot] === name) return known;
    slot = (slot + 1) & mask;
  }
  const forms = formFactsOf(computeVariantKeys(words, []).map(detached));
  if (plainFormCount >= PLAIN_FORM_SLOTS / 2) {
    plainFormFacts.fill(null);
    plainFormName.fill('');
    plainFormCount = 0;
    slot = h & mask;
  }
  plainFormHash[slot] = h;
  plainFormName[slot] = detached(name);
  plainFormFacts[slot] = forms;
  plainFormCount++;
  return forms;
}

/**
 * The entity's name forms, kept on the entity while its words and aliases stay the same (words are
 * only ever replaced, aliases only appended): the shared cache needed a joined string per question.
 */
function entityForms(e: DocEntity): FormFacts {
  if (e.forms && e.formsWords === e.words && e.formsAliases === e.aliases.length) return e.forms;
  e.forms = variantForms(e.words, e.name, e.aliases);
  e.formsWords = e.words;
  e.formsAliases = e.aliases.length;
  return e.forms;
}

/** `entityIdOf(e.name)`, kept with the name's cached forms (the id takes a few string operations). */
function entityIdFor(e: DocEntity): string {
  const forms = entityForms(e);
  return (forms.entityId ??= entityIdOf(e.name));
}

function entityVariantKeys(e: DocEntity): string[] {
  return entityForms(e).keys;
}

function computeVariantKeys(words: readonly string[], aliases: readonly string[]): string[] {
  // A handful of forms: a list with Set semantics (each added once, in the order first added).
  const full = keyOf(words);
  const keys: string[] = [full];
  if (isFamilyNameFirst(words)) {
    addForm(keys, nameKey(words[0]!));
  } else {
    // The key's words are read off its space positions: a tail is one slice of the key (splitting
    // and joining made an array and a string per tail).
    let spaces = 0;
    for (let p = full.indexOf(' '); p >= 0; p = full.indexOf(' ', p + 1)) {
      if (spaces === keySpaces.length) keySpaces = grownInt32(keySpaces);
      keySpaces[spaces++] = p;
    }
    const parts = spaces + 1;
    const first = full.slice(0, parts > 1 ? keySpaces[0]! : full.length);
    const lastWord = full.slice(partStartOf(parts - 1));
    for (let s = 1; s < parts; s++) {
      if (s === parts - 1 && isParticlePart(full, s, parts)) continue;
      if (s > 1 && isParticlePart(full, s - 1, parts)) continue; // "Salman" alone is fine, "bin Salman" too
      addForm(keys, full.slice(partStartOf(s)));
    }
    // "al-Assad" → "Assad"
    if (parts >= 2 && (isPart(full, parts - 2, parts, 'al') || isPart(full, parts - 2, parts, 'el'))) addForm(keys, lastWord);
    // Particle-led tails: "bin Salman", "von der Leyen".
    for (let s = 1; s < parts - 1; s++) if (isParticlePart(full, s, parts)) addForm(keys, full.slice(partStartOf(s)));
    // Initial of the given name: "J Smith" for "John Smith".
    if (parts >= 2) addForm(keys, `${first[0]} ${full.slice(partStartOf(1))}`);
    // Given name and surname without the middle names: "Maria Lopez" for "Maria Elena Lopez".
    if (parts >= 3 && !isParticlePart(full, parts - 2, parts)) addForm(keys, `${first} ${lastWord}`);
    // Written family name first ("Hayashi Yoshimasa").
    if (parts === 2) addForm(keys, `${lastWord} ${first}`);
    // Arabic names with "bin"/"ibn" (Gulf royals above all) are shortened to the given name: "Prince Turki".
    if (parts >= 3 && (isPart(full, 1, parts, 'bin') || isPart(full, 1, parts, 'ibn') || isPart(full, 1, parts, 'bint'))) addForm(keys, first);
    // Two given names and two surnames: the first surname is the short form ("Soto" for "Andrés Ignacio Soto Valdivia").
    if (words.length === 4 && parts === 4 && !hasParticlePart(full, parts) && !isVietnameseName(words)) addForm(keys, full.slice(partStartOf(2), keySpaces[2]!));
  }
  for (const a of aliases) addForm(keys, a);
  return keys;
}

/** Space positions of the key computeVariantKeys reads (reused: it is not re-entered). */
let keySpaces: Int32Array = new Int32Array(16);

/** Where word s of the key starts. */
function partStartOf(s: number): number {
  return s === 0 ? 0 : keySpaces[s - 1]! + 1;
}

/** Whether word s of the key (of `parts` words) is `word`. */
function isPart(key: string, s: number, parts: number, word: string): boolean {
  const start = partStartOf(s);
  const end = s === parts - 1 ? key.length : keySpaces[s]!;
  return end - start === word.length && key.startsWith(word, start);
}

/** Whether word s of the key is a name particle (a longer word is asked no further). */
function isParticlePart(key: string, s: number, parts: number): boolean {
  const start = partStartOf(s);
  const end = s === parts - 1 ? key.length : keySpaces[s]!;
  return end - start <= MAX_PARTICLE_LENGTH && NAME_PARTICLES.has(key.slice(start, end));
}

const MAX_PARTICLE_LENGTH = Math.max(...[...NAME_PARTICLES].map((p) => p.length));

function hasParticlePart(key: string, parts: number): boolean {
  for (let s = 0; s < parts; s++) if (isParticlePart(key, s, parts)) return true;
  return false;
}

function addForm(keys: string[], key: string): void {
  if (!keys.includes(key)) keys.push(key);
}

/**
 * Name forms and the entities they name (in the order added), in an open-addressing table by
 * `tableHashOf` (the forms' hashes come with their cached facts): a Map of strings read every
 * form's string to hash it. One table serves every call (buildEntities is not re-entered): its
 * entity lists are chains in flat arrays, so a document adds no arrays per form.
 */
class FormIndex {
  // The tables only grow (emptied by resetting the counts), reused by every document: numbers in
  // typed arrays (a generic setter over arrays of strings, doubles and small integers made every
  // store megamorphic). The forms' strings are the detached name forms.
  private readonly keys: string[] = [];
  private hashes: Int32Array = new Int32Array(64);
  /** Per form: its first and last entry; per entry: the entity and the next entry of the form (-1: none). */
  private firstEntry: Int32Array = new Int32Array(64);
  private lastEntry: Int32Array = new Int32Array(64);
  private entryIdx: Int32Array = new Int32Array(64);
  private entryNext: Int32Array = new Int32Array(64);
  private forms = 0;
  private entries = 0;
  private slots: Int32Array = new Int32Array(64).fill(-1);
  /** Slots in use: the table's size for the forms so far (at most half full). */
  private mask = 63;

  /** Empties the table (only the slots of the last document's size are cleared). */
  reset(): void {
    this.slots.fill(-1, 0, this.mask + 1);
    this.forms = 0;
    this.entries = 0;
    this.mask = 63;
  }

  /** The form spelt `key` (table hash h), or -1. */
  formOf(key: string, h: number): number {
    const mask = this.mask;
    for (let slot = h & mask; this.slots[slot] !== -1; slot = (slot + 1) & mask) {
      const form = this.slots[slot]!;
      if (this.hashes[form] === h && this.keys[form] === key) return form;
    }
    return -1;
  }

  /** The first entry of a form (-1: none), the entity of an entry and the entry after it. */
  first(form: number): number {
    return this.firstEntry[form]!;
  }

  idxOf(entry: number): number {
    return this.entryIdx[entry]!;
  }

  next(entry: number): number {
    return this.entryNext[entry]!;
  }

  add(key: string, h: number, idx: number): void {
    const known = this.formOf(key, h);
    if (known >= 0) {
      for (let en = this.firstEntry[known]!; en >= 0; en = this.entryNext[en]!) if (this.entryIdx[en] === idx) return;
      const en = this.newEntry(idx);
      this.entryNext[this.lastEntry[known]!] = en;
      this.lastEntry[known] = en;
      return;
    }
    const form = this.forms++;
    if (form === this.hashes.length) {
      this.hashes = grownInt32(this.hashes);
      this.firstEntry = grownInt32(this.firstEntry);
      this.lastEntry = grownInt32(this.lastEntry);
    }
    const en = this.newEntry(idx);
    setAt(this.keys, form, key);
    this.hashes[form] = h;
    this.firstEntry[form] = en;
    this.lastEntry[form] = en;
    if (2 * this.forms > this.mask + 1) {
      // At most half full: twice the slots, every form placed again.
      const size = 2 * (this.mask + 1);
      if (this.slots.length < size) this.slots = new Int32Array(size);
      this.slots.fill(-1, 0, size);
      this.mask = size - 1;
      for (let f = 0; f < this.forms; f++) this.place(f);
    } else this.place(form);
  }

  private newEntry(idx: number): number {
    const en = this.entries++;
    if (en === this.entryIdx.length) {
      this.entryIdx = grownInt32(this.entryIdx);
      this.entryNext = grownInt32(this.entryNext);
    }
    this.entryIdx[en] = idx;
    this.entryNext[en] = -1;
    return en;
  }

  private place(form: number): void {
    const mask = this.mask;
    let slot = this.hashes[form]! & mask;
    while (this.slots[slot] !== -1) slot = (slot + 1) & mask;
    this.slots[slot] = form;
  }
}

/** Writes a[i], i at most a.length (a reused array that only grows, without holes). */
function setAt(a: string[], i: number, v: string): void {
  if (i < a.length) a[i] = v;
  else a.push(v);
}

const formIndex = new FormIndex();
/** Registrations in building order, reused (emptied after each build: they hold the text's words). */
const regOrder: Registration[] = [];

/** Whether registration a is built before b: more words, then more weight, then earlier (a stable order). */
function regBefore(a: Registration, b: Registration): boolean {
  const byWords = b.words.length - a.words.length;
  if (byWords !== 0) return byWords < 0;
  const byWeight = b.weight - a.weight;
  if (byWeight !== 0) return byWeight < 0;
  return a.first - b.first < 0;
}

function indexEntity(byKey: FormIndex, entities: DocEntity[], idx: number): void {
  const { keys, facts } = entityForms(entities[idx]!);
  for (let q = 0; q < keys.length; q++) byKey.add(keys[q]!, facts[4 * q + 2]!, idx);
}

/** Two people with one surname ("Kim Jong Un", "Kim Yung-ho"): a short cue means the one named last before it. */
function pickEntity(byKey: FormIndex, entities: DocEntity[], key: string, pos: number): number | undefined {
  const form = byKey.formOf(key, tableHashOf(key));
  if (form < 0) return undefined;
  let en = byKey.first(form);
  let best = byKey.idxOf(en);
  let bestPos = -1;
  for (; en >= 0; en = byKey.next(en)) {
    const idx = byKey.idxOf(en);
    const p = entities[idx]!.firstPos;
    if (p <= pos && p > bestPos) {
      best = idx;
      bestPos = p;
    }
  }
  return best;
}

function buildEntities(
  regs: Registration[],
  runs: NameRunIndex,
  t: Tokens,
  previous?: DocEntity[],
): DocEntity[] {
  const entities: DocEntity[] = [];
  const byKey = formIndex;
  byKey.reset();
  // Sorted by insertion (a document has a few registrations; stable, as Array.prototype.sort).
  const order = regOrder;
  order.length = 0;
  for (const r of regs) {
    let k = order.length;
    order.push(r);
    while (k > 0 && regBefore(r, order[k - 1]!)) {
      order[k] = order[k - 1]!;
      k--;
    }
    order[k] = r;
  }
  // The short cues' questions about full names, announced so that one scan answers them.
  for (const r of order) if (r.words.length <= 2) announceFullNameQuestion(r, runs);
  for (const r of order) {
    const key = regKeyOf(r);
    const pos = t.start[r.first]!;
    let idx = pickEntity(byKey, entities, key, pos);
    if (idx === undefined && r.words.length <= 2) {
      // A short cue ("Shadow trade minister Mr Price"): the full name elsewhere in the text.
      const full = fullNameFor(r, runs);
      if (full) {
        const fullName = full.join(' ');
        const fullKey = nameKey(fullName);
        idx = pickEntity(byKey, entities, fullKey, pos);
        if (idx === undefined) {
          entities.push(newEntity(full, fullName, fullKey, r, t));
          idx = entities.length - 1;
        }
        // A first-word short form ("Prabowo") becomes one of the entity's name forms.
        const e = entities[idx]!;
        if (!entityVariantKeys(e).includes(key)) e.aliases.push(key);
        indexEntity(byKey, entities, idx);
      }
    }
    if (idx === undefined) {
      entities.push(newEntity(r.words, regNameOf(r), key, r, t));
      indexEntity(byKey, entities, entities.length - 1);
      continue;
    }
    const e = entities[idx]!;
    // A cue on the full name outranks one on a short form ("North Korean leader Kim Jong Un" … "Minister Kim").
    if (r.weight > e.weight && r.words.length >= e.words.length) {
      e.weight = r.weight;
      e.title = r.title ?? e.title;
    }
    e.title ??= r.title;
    e.country ??= r.country;
    // The spelling with hyphens/apostrophes is the fuller form ("Amir-Abdollahian" over "Amir Abdollahian").
    if (key === e.key && wordsDecoration(r.words) > decoration(e.name)) {
      e.words = r.words;
      e.name = regNameOf(r);
    }
    e.firstPos = Math.min(e.firstPos, t.start[r.first]!);
  }
  if (previous) {
    for (const p of previous) {
      if (p.aliases.length === 0) continue;
      const form = byKey.formOf(p.key, tableHashOf(p.key));
      if (form < 0) continue;
      const idx = byKey.idxOf(byKey.first(form));
      const e = entities[idx]!;
      for (const a of p.aliases) if (!e.aliases.includes(a)) e.aliases.push(a);
      indexEntity(byKey, entities, idx);
    }
  }
  order.length = 0;
  return entities;
}

/** `decoration(words.join(' '))` without the joined string (spaces count for nothing). */
function wordsDecoration(words: readonly string[]): number {
  let n = 0;
  for (const w of words) n += decoration(w);
  return n;
}

function decoration(name: string): number {
  let n = 0;
  // ASCII letters are their own decomposition: only other characters need normalising.
  for (const ch of name) if (ch === '-' || ch === '’' || ch === "'" || (ch.charCodeAt(0) >= 128 && ch.normalize('NFKD') !== ch)) n++;
  return n;
}

/** A new entity named `words` (joined: `name`, keyed: `key`) from registration r. */
function newEntity(words: string[], name: string, key: string, r: Registration, t: Tokens): DocEntity {
  return { words, name, key, title: r.title, country: r.country, weight: r.weight, firstPos: t.start[r.first]!, aliases: [] };
}

/** The full name a short cue refers to: a run of name words ending with the same surname, nearest before the cue, else after. */
function fullNameFor(r: Registration, runs: NameRunIndex): string[] | null {
  const key = regKeyOf(r);
  const memo = runs.memo?.get(key);
  if (memo !== undefined) return memo;
  const result = findFullName(r, runs, key);
  (runs.memo ??= new Map<string, string[] | null>()).set(key, result);
  return result;
}

/** `key.endsWith(' ' + tail)`, without the concatenation (asked for every run around a cue). */
function endsWithWords(key: string, tail: string): boolean {
  return key.length > tail.length && key.charCodeAt(key.length - tail.length - 1) === 32 && key.endsWith(tail);
}

/** `key.startsWith(head + ' ')`, without the concatenation. */
function startsWithWords(key: string, head: string): boolean {
  return key.length > head.length && key.charCodeAt(head.length) === 32 && key.startsWith(head);
}

/** Tells the name-run index which words fullNameFor will ask about for registration r (unless its answer is known). */
function announceFullNameQuestion(r: Registration, runs: NameRunIndex): void {
  const key = regKeyOf(r);
  if (runs.memo?.has(key)) return;
  runs.expect(keyLastHash(key), keyFirstHash(key));
}

/** The hash of a key's last word, read in place (as stringHash of its last split part). */
function keyLastHash(key: string): number {
  return asciiLowerHash(key, key.lastIndexOf(' ') + 1, key.length, false);
}

/** The hash of a key's first word, read in place (as stringHash of its first split part, to a hyphen). */
function keyFirstHash(key: string): number {
  const firstSpace = key.indexOf(' ');
  return asciiLowerHash(key, 0, firstSpace < 0 ? key.length : firstSpace, true);
}

function findFullName(r: Registration, runs: NameRunIndex, key: string): string[] | null {
  const candidates = runs.around(keyLastHash(key), keyFirstHash(key));
  let before: string[] | null = null;
  let after: string[] | null = null;
  const t = runs.t;
  for (const run of candidates) {
    // A run has at most a word per token (a quoted nickname is left out): too short, its words are not needed.
    if (run.last - run.first + 1 <= r.words.length || runWordsOf(t, run).length <= r.words.length) continue;
    // A run reaching into the cue from its left ("of Investment Rebecca Miano"): the cue's own
    // context already bounded the name there.
    if (run.first < r.first && run.last >= r.first) continue;
    const runKey = runKeyOf(t, run);
    const words = runWordsOf(t, run);
    if (!endsWithWords(runKey, key) && !(isFamilyNameFirst(words) && startsWithWords(runKey, key))) continue;
    if (run.first <= r.first) before = words;
    else if (!after) after = words;
  }
  if (before || after || r.words.length !== 1) return before ?? after;
  // Names known by their first word ("President Prabowo" for Prabowo Subianto): only when one run fits.
  const byFirst = candidates.filter((run) => runWordsOf(t, run).length >= 2 && runWordsOf(t, run).length <= 3 && startsWithWords(runKeyOf(t, run), key));
  const distinct = new Set(byFirst.map((run) => runKeyOf(t, run)));
  return distinct.size === 1 ? runWordsOf(t, byFirst[0]!) : null;
}

/** Every mention of a document entity, left to right, without overlaps. */
interface Matcher {
  /** How many distinct name forms the entities have (listed in the form arrays below, in the order first met). */
  forms: number;
  /** Open-addressing table of the forms by `tableHash` (slots `formSlotForm`/`formSlotHash`, mask). */
  formMask: number;
  /** The forms' first-word hashes (asciiLowerHash, >= 0), open addressing, -1 empty. */
  firstMask: number;
  maxWords: number;
  /** First words of the forms, listed when a word beyond plain letters first asks (see firstPartsOf). */
  firstParts: Set<string> | null;
  firstPartBits: Int32Array;
  particleForms: boolean;
  /** The aliases' total when built: a new alias invalidates the matcher. */
  aliasCount: number;
}

// The matcher of the last entity set asked about: a document asks about one set at a time (a
// WeakMap per document cost more than building the matcher). Its tables live in the buffers
// below, which only the last matcher built ever uses.
let lastMatcherEntities: DocEntity[] | null = null;
let lastMatcher: Matcher | null = null;
const FIRST_PART_BITS = new Int32Array(32);
let formSlotForm = new Int32Array(64);
let formSlotHash = new Int32Array(64);
let firstSlot = new Int32Array(64);
// The last matcher's forms, in arrays that only grow (a matcher per entity set allocated its own):
// per form its key (a detached name form), whether it is some entity's full key, whether it is
// plain-letter words (then its `tableHash` is its `formHashOf` fold), and the first and last entry of
// the entities it names (in the order met, as a Map of forms to entities listed them); per entry its
// entity and the next entry of the form (-1: none).
const formKey: string[] = [];
let formIsFull = new Uint8Array(64);
let formPlain = new Uint8Array(64);
let formFirstEntry = new Int32Array(64);
let formLastEntry = new Int32Array(64);
let entryEntity = new Int32Array(64);
let entryNext = new Int32Array(64);

/**
 * A person's name forms and what matching needs of each, read once per name (the cached
 * `variantForms` answer is shared by every document naming the same person). Per form, at 4q of
 * `facts`: word count, first word's `stringHash` (-1 when not ASCII), `tableHash`, 1 when plain.
 */
interface FormFacts {
  keys: string[];
  /** `entityIdOf` of the name, once asked. */
  entityId?: string;
  /** A plain array of small integers: a typed array's buffer would live outside the heap. */
  facts: number[];
  /** Whether some form opens with a name particle ("bin Salman"). */
  particleFirst: boolean;
}

/** The hash forms are tabled by: the `formHashOf` fold of a plain form, else a hash of its characters. */
function tableHashOf(key: string): number {
  const fold = formHashOf(key);
  return fold !== null ? fold : charsHashOf(key);
}

/** tableHashOf of a form that is not plain words: a hash of its characters. */
function charsHashOf(key: string): number {
  let h = 11;
  for (let k = 0; k < key.length; k++) h = (Math.imul(h, 31) + key.charCodeAt(k)) | 0;
  return h;
}

function formFactsOf(keys: string[]): FormFacts {
  const n = keys.length;
  const facts = new Array<number>(4 * n).fill(0);
  let particleFirst = false;
  for (let q = 0; q < n; q++) {
    const k = keys[q]!;
    let words = 1;
    for (let p = k.indexOf(' '); p >= 0; p = k.indexOf(' ', p + 1)) words++;
    const space = k.indexOf(' ');
    const partEnd = space < 0 ? k.length : space;
    // The first word's hash read in place (stringHash of the word); only a word hashing as a
    // particle is sliced to be asked.
    const h = asciiLowerHash(k, 0, partEnd, true);
    if (!particleFirst && (h < 0 || mayBeParticleHash(h)) && NAME_PARTICLES.has(k.slice(0, partEnd))) particleFirst = true;
    facts[4 * q] = words;
    facts[4 * q + 1] = h;
    // tableHashOf, with the fold read once.
    const fold = formHashOf(k);
    facts[4 * q + 2] = fold !== null ? fold : charsHashOf(k);
    facts[4 * q + 3] = fold !== null ? 1 : 0;
  }
  return { keys, facts, particleFirst };
}

/** Index of the form spelt `key` whose table hash is `h`, or -1. */
function formIndexOf(m: Matcher, key: string, h: number): number {
  for (let slot = h & m.formMask; formSlotForm[slot] !== -1; slot = (slot + 1) & m.formMask) {
    if (formSlotHash[slot] === h && formKey[formSlotForm[slot]!] === key) return formSlotForm[slot]!;
  }
  return -1;
}

function hasFirstHash(m: Matcher, h: number): boolean {
  for (let slot = h & m.firstMask; firstSlot[slot] !== -1; slot = (slot + 1) & m.firstMask) if (firstSlot[slot] === h) return true;
  return false;
}

/** The name forms of a set of entities, indexed for matching; built once per set. */
function matcherFor(entities: DocEntity[]): Matcher {
  let aliasCount = 0;
  for (const e of entities) aliasCount += e.aliases.length;
  if (lastMatcher && lastMatcherEntities === entities && lastMatcher.aliasCount === aliasCount) return lastMatcher;
  // Tables at most half full: sized by the forms' total (duplicates included).
  let total = 0;
  for (const e of entities) total += entityForms(e).keys.length;
  let size = 64;
  while (size < 2 * total + 2) size *= 2;
  if (formSlotForm.length < size) {
    formSlotForm = new Int32Array(size);
    formSlotHash = new Int32Array(size);
    firstSlot = new Int32Array(size);
  }
  formSlotForm.fill(-1, 0, size);
  firstSlot.fill(-1, 0, size);
  // At most `total` forms and entries.
  if (formIsFull.length < total) {
    const cap = Math.max(total, 2 * formIsFull.length);
    formIsFull = new Uint8Array(cap);
    formPlain = new Uint8Array(cap);
    formFirstEntry = new Int32Array(cap);
    formLastEntry = new Int32Array(cap);
    entryEntity = new Int32Array(cap);
    entryNext = new Int32Array(cap);
  }
  let entries = 0;
  const matcher: Matcher = {
    forms: 0, formMask: size - 1, firstMask: size - 1, maxWords: 1,
    firstParts: null, firstPartBits: FIRST_PART_BITS.fill(0), particleForms: false, aliasCount,
  };
  const mask = size - 1;
  for (let idx = 0; idx < entities.length; idx++) {
    const { keys, facts, particleFirst } = entityForms(entities[idx]!);
    if (particleFirst) matcher.particleForms = true;
    for (let q = 0; q < keys.length; q++) {
      const k = keys[q]!;
      const th = facts[4 * q + 2]!;
      const known = formIndexOf(matcher, k, th);
      if (known >= 0) {
        let en = formFirstEntry[known]!;
        while (en >= 0 && entryEntity[en] !== idx) en = entryNext[en]!;
        if (en < 0) {
          entryEntity[entries] = idx;
          entryNext[entries] = -1;
          entryNext[formLastEntry[known]!] = entries;
          formLastEntry[known] = entries++;
        }
        continue;
      }
      const form = matcher.forms++;
      setAt(formKey, form, k);
      formIsFull[form] = 0;
      formPlain[form] = facts[4 * q + 3] === 1 ? 1 : 0;
      entryEntity[entries] = idx;
      entryNext[entries] = -1;
      formFirstEntry[form] = entries;
      formLastEntry[form] = entries++;
      let slot = th & mask;
      while (formSlotForm[slot] !== -1) slot = (slot + 1) & mask;
      formSlotForm[slot] = form;
      formSlotHash[slot] = th;
      if (facts[4 * q]! > matcher.maxWords) matcher.maxWords = facts[4 * q]!;
      // First words of every name form: most tokens are rejected by one allocation-free hash test,
      // a 1024-bit filter first (a document has a few dozen forms, so most words stop at one array read).
      const h = facts[4 * q + 1]!;
      if (h >= 0 && !hasFirstHash(matcher, h)) {
        let fs = h & mask;
        while (firstSlot[fs] !== -1) fs = (fs + 1) & mask;
        firstSlot[fs] = h;
        matcher.firstPartBits[(h >>> 5) & 31] = matcher.firstPartBits[(h >>> 5) & 31]! | (1 << (h & 31));
      }
    }
  }
  // The entities' full keys among the forms (an entity's first form is its full key: its table hash is known).
  for (const e of entities) {
    const { keys, facts } = entityForms(e);
    const form = formIndexOf(matcher, e.key, keys[0] === e.key ? facts[2]! : tableHashOf(e.key));
    if (form >= 0) formIsFull[form] = 1;
  }
  lastMatcherEntities = entities;
  lastMatcher = matcher;
  return matcher;
}

/** The first words of a matcher's forms. */
function firstPartsOf(matcher: Matcher): Set<string> {
  if (!matcher.firstParts) {
    const parts = new Set<string>();
    for (let form = 0; form < matcher.forms; form++) {
      const k = formKey[form]!;
      const space = k.indexOf(' ');
      parts.add(space < 0 ? k : k.slice(0, space));
    }
    matcher.firstParts = parts;
  }
  return matcher.firstParts;
}

function matchMentions(t: Tokens, entities: DocEntity[], from: number, to: number): Found[] {
  const matcher = matcherFor(entities);
  const { maxWords, firstPartBits, particleForms } = matcher;
  // The latest mention of each entity, by entity index.
  const lastSeen: number[] = [];
  const found: Found[] = [];
  // The arrays in locals: the loop below visits every listed word.
  const { caps, capCount, cues, flags, hashFirst, hashFull } = t;
  // Names start on capitalised or hyphenated words (listed by the tokenizer), or on particles, which
  // the tokenizer lists among the cue words (CUE_HASHES): with particle forms both lists are walked.
  let c = firstIndexAtOrAfter(caps, capCount, from);
  const cueCount = particleForms ? t.cueCount : 0;
  let q = particleForms ? firstIndexAtOrAfter(cues, cueCount, from) : 0;
  for (let i = from; i < to; i++) {
    while (c < capCount && caps[c]! < i) c++;
    while (q < cueCount && cues[q]! < i) q++;
    if (c < capCount) i = q < cueCount && cues[q]! < caps[c]! ? cues[q]! : caps[c]!;
    else if (q < cueCount) i = cues[q]!;
    else break;
    if (i >= to) break;
    // The first word's hash first: it rejects almost every word with one array read (the tests
    // below only ever skip a word too, so their order does not matter).
    const quick = flags[i]! & F_JOINER ? hashFirst[i]! : hashFull[i]!;
    // Letters beyond ASCII ("José") may still normalise to a key: those take the slow path.
    if (quick >= 0 && (firstPartBits[(quick >>> 5) & 31]! & (1 << (quick & 31))) === 0) continue;
    const f = flags[i]!;
    if (!(f & F_WORD) || f & F_ABBR) continue;
    if (!(f & F_CAP) && !(f & F_JOINER) && (!particleForms || t.end[i]! - t.start[i]! > 5)) continue; // not a particle nor "al-Assad"
    if (quick >= 0 && !hasFirstHash(matcher, quick)) continue;
    if (!(f & F_CAP)) {
      // Lower case opens a name form only as a particle ("bin Salman") or a prefixed name ("al-Assad").
      const len = t.end[i]! - t.start[i]!;
      if (len <= 5 ? !isParticle(t, i) && !isNameShaped(t, i) : !isNameShaped(t, i)) continue;
    }
    // Words of plain letters are compared by hash, and the key string is built only when the hash of
    // the words so far is a name form's: most capitalised words never allocate a key.
    // A hyphenated word of ASCII letters is read by hash like plain ones (its first part passed `quick`).
    if (partHashOf(t, i) < 0) {
      foldHyphenatedWord(t, i, 0, true);
      if (foldFailed) {
        const firstKey = nameKey(wordAt(t, i));
        const space = firstKey.indexOf(' ');
        const partEnd = space < 0 ? firstKey.length : space;
        // A first word of ASCII letters is asked of the forms' first-word hashes (a form opening with
        // it has its hash there; another word hashing alike only goes on to the exact comparison below),
        // the rest of the forms' first words themselves.
        const fh = asciiLowerHash(firstKey, 0, partEnd, true);
        if (fh >= 0 ? !hasFirstHash(matcher, fh) : !firstPartsOf(matcher).has(firstKey.slice(0, partEnd))) continue;
      }
    }
    let bestLast = -1;
    let bestForm = -1;
    let formHash = 0;
    let hashed = true;
    let keyWords = 0;
    for (let j = i, n = 0; j < t.count && n < maxWords + 2; j++, n++) {
      if (j > i && !(t.flags[j]! & F_WORD)) {
        // Robert "Bob" Hale: step over the nickname.
        const next = nicknameAt(t, j);
        if (next === 0) break;
        j = next;
      } else if (j > i && !continues(t, j)) break;
      if (!(t.flags[j]! & F_WORD)) break;
      if (keyWords === keyTokens.length) keyTokens = grownInt32(keyTokens);
      keyTokens[keyWords++] = j;
      if (hashed) {
        const ph = partHashOf(t, j);
        if (ph >= 0) formHash = j === i ? ph : nextFormHash(formHash, ph);
        else {
          // "Al-Mansouri", "Min-jun": the parts are words of the key, folded alike.
          formHash = foldHyphenatedWord(t, j, formHash, j === i);
          if (foldFailed) hashed = false;
        }
      }
      if (hashed) {
        // Plain words: the forms folding to this hash are compared with the words in place,
        // without building the key string.
        for (let slot = formHash & matcher.formMask; formSlotForm[slot] !== -1; slot = (slot + 1) & matcher.formMask) {
          const form = formSlotForm[slot]!;
          if (formSlotHash[slot] === formHash && formPlain[form] === 1 && tokensSpellKey(t, keyTokens, keyWords, formKey[form]!)) {
            bestLast = j;
            bestForm = form;
            break;
          }
        }
      } else {
        const key = keyOfTokens(t, keyTokens, keyWords);
        const form = formIndexOf(matcher, key, tableHashOf(key));
        if (form >= 0) {
          bestLast = j;
          bestForm = form;
        }
      }
      if (t.flags[j]! & F_POSS) break;
    }
    if (bestLast < 0) continue;
    const firstEntry = formFirstEntry[bestForm]!;
    const fullKey = formIsFull[bestForm] === 1;
    const isFull = fullKey || bestLast > i;
    if (!isFull || bestLast === i) {
      // A bare surname: not when glued to another capitalised word ("Leonard Cohen" for "Gilad Cohen"),
      // nor a calendar or function word at a sentence start without a title ("May said").
      if (i > 0 && continues(t, i) && isNameLike(t, i - 1, true) && !isCueWord(t, i - 1)) continue;
      if (bestLast + 1 < t.count && continues(t, bestLast + 1) && isNameLike(t, bestLast + 1, true) && !isCueWord(t, bestLast + 1) && !fullKey) continue;
      // A calendar or function word: read from the token's lexicon bits (CALENDAR_WORDS, STOP_CAPS).
      if (lexAt(t, i) & (LX_CALENDAR | LX_STOP) && !(i > 0 && continues(t, i) && isCueWord(t, i - 1))) continue;
      if (!(f & F_CAP)) continue;
    }
    // Most forms name one entity: the list is only spelt for the others.
    let entity = entryEntity[firstEntry]!;
    if (entryNext[firstEntry]! >= 0) {
      let pool: number[] = [];
      for (let en = firstEntry; en >= 0; en = entryNext[en]!) pool.push(entryEntity[en]!);
      if (i > 0 && continues(t, i) && headStrengthAt(t, i - 1)) {
        // "Minister Kim": the Kim whose title has that word.
        const head = lowerAt(t, i - 1);
        const titled = pool.filter((c) => entities[c]!.title?.toLowerCase().includes(head));
        if (titled.length > 0) pool = titled;
      }
      entity = pool[0]!;
      if (pool.length > 1) {
        // The same surname for two people: the one mentioned most recently.
        let bestPos = -1;
        for (const c of pool) {
          const seen = lastSeen[c] ?? -1;
          if (seen > bestPos) {
            bestPos = seen;
            entity = c;
          }
        }
      }
    }
    found.push({ first: i, last: bestLast, entity });
    lastSeen[entity] = i;
    i = bestLast;
  }
  return found;
}

/**
 * The hash of token i's name key when that key is one plain word: ASCII letters (apostrophes dropped,
 * as `nameKey` drops them) and no hyphen, which `nameKey` would turn into a space. -1 otherwise.
 */
function partHashOf(t: Tokens, i: number): number {
  return t.flags[i]! & F_HYPHEN ? -1 : t.hashFull[i]!;
}

/** Set by foldHyphenatedWord: the word was not hyphenated ASCII letters (and apostrophes). */
let foldFailed = false;

/**
 * `nextFormHash` fold of a hyphenated word's parts onto h (from nothing when `first`): "Al-Mansouri"
 * is "al mansouri" to `nameKey` (hyphens as spaces, apostrophes dropped), so two words of a form.
 * Sets `foldFailed` (and returns h) for any other word.
 */
function foldHyphenatedWord(t: Tokens, j: number, h: number, first: boolean): number {
  foldFailed = true;
  if (!(t.flags[j]! & F_HYPHEN) || t.hashFull[j]! < 0) return h;
  const text = t.text;
  const e = t.end[j]!;
  let out = h;
  let isFirst = first;
  let part = 7;
  let len = 0;
  for (let k = t.start[j]!; k <= e; k++) {
    let c = k < e ? text.charCodeAt(k) : 45;
    if (c === 45 || c === 0x2010 || c === 0x2011) {
      if (len === 0) return h;
      out = isFirst ? part >>> 1 : nextFormHash(out, part >>> 1);
      isFirst = false;
      part = 7;
      len = 0;
    } else if (c !== 39 && c !== 0x2019) {
      if (c >= 65 && c <= 90) c |= 32;
      if (c < 97 || c > 122) return h;
      part = (Math.imul(part, 31) + c) | 0;
      len++;
    }
  }
  foldFailed = false;
  return out;
}

function nextFormHash(h: number, wordHash: number): number {
  return (Math.imul(h, 1000003) + wordHash) | 0;
}

/** The fold of a name form's word hashes, or null when a word is not plain lower-case ASCII letters. */
function formHashOf(key: string): number | null {
  let h = 0;
  let word = 7;
  let len = 0;
  let words = 0;
  for (let k = 0; k <= key.length; k++) {
    const c = k < key.length ? key.charCodeAt(k) : 32;
    if (c === 32) {
      if (len === 0) return null;
      const wh = word >>> 1;
      h = words++ === 0 ? wh : nextFormHash(h, wh);
      word = 7;
      len = 0;
    } else if (c >= 97 && c <= 122) {
      word = (Math.imul(word, 31) + c) | 0;
      len++;
    } else return null;
  }
  return h;
}

/**
 * Whether the listed tokens, words of plain letters (partHashOf >= 0) or hyphenated ones
 * (foldHyphenatedWord), spell `key`: each word lower-cased without its apostrophes and with its
 * hyphens as spaces (as nameKey reads it), one space between words.
 */
function tokensSpellKey(t: Tokens, tokens: Int32Array, count: number, key: string): boolean {
  const text = t.text;
  let p = 0;
  for (let w = 0; w < count; w++) {
    if (w > 0) {
      if (key.charCodeAt(p) !== 32) return false;
      p++;
    }
    const i = tokens[w]!;
    const e = t.end[i]!;
    for (let k = t.start[i]!; k < e; k++) {
      let c = text.charCodeAt(k);
      if (c === 39 || c === 0x2019) continue;
      if (c >= 65 && c <= 90) c |= 32;
      else if (c === 45 || c === 0x2010 || c === 0x2011) c = 32; // a hyphen is a space in the key
      if (p >= key.length || key.charCodeAt(p) !== c) return false;
      p++;
    }
  }
  return p === key.length;
}

/** Reused list of the tokens of the key being matched. */
let keyTokens: Int32Array = new Int32Array(16);

/** `nameKey` of token i's word; a word of ASCII letters only is its lower case (interned by lowerAt). */
function nameKeyAt(t: Tokens, i: number): string {
  return t.hashFull[i]! >= 0 && !(t.flags[i]! & F_JOINER) ? lowerAt(t, i) : nameKey(wordAt(t, i));
}

/** The name key of the listed tokens' words, as `nameKey` of each word joined by spaces. */
function keyOfTokens(t: Tokens, tokens: Int32Array, count: number): string {
  let key = nameKeyAt(t, tokens[0]!);
  for (let k = 1; k < count; k++) key = `${key} ${nameKeyAt(t, tokens[k]!)}`;
  return key;
}

/** Index into a sorted token list (`t.caps`, `t.cues`) of the first token at or after `from`. */
function firstIndexAtOrAfter(list: Int32Array, count: number, from: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Titles, honorifics, qualifiers and countries: words that may stand right before a name. */
function isCueWord(t: Tokens, i: number): boolean {
  const lx = lexAt(t, i);
  return (lx & (LX_HEAD | LX_HONORIFIC | LX_PUBLIC_QUALIFIER | LX_NEUTRAL_QUALIFIER | LX_DESCRIPTIVE | LX_STOP)) !== 0 || countryAt(t, i) !== null || headStrengthAt(t, i) !== null;
}

// ---------------------------------------------------------------------------------------------
// Cues that need other officials

/** Start of the sentence holding token i; looks back at most a long sentence's length. */
function sentenceStartBefore(t: Tokens, i: number): number {
  let s = i;
  const limit = Math.max(0, i - 200);
  while (s > limit && !(t.flags[s]! & F_SENT)) s--;
  return s;
}

function resolveDeferred(t: Tokens, deferred: Deferred[], entities: DocEntity[]): Registration[] {
  const out: Registration[] = [];
  for (const d of deferred) {
    const s = sentenceStartBefore(t, d.head);
    const found = matchMentions(t, entities, s, d.head);
    let ref: DocEntity | null = null;
    for (let k = found.length - 1; k >= 0; k--) {
      const m = found[k]!;
      if (m.first < d.first || m.first > d.last) {
        ref = entities[m.entity]!;
        break;
      }
    }
    // The named person is the counterpart of someone else, never of themselves.
    if (ref && keyOf(ref.words) === keyOf(d.words)) ref = null;
    const refTitle = ref?.title ? ref.title.replace(/^former\s+/i, '') : null;
    if (d.kind === 'counterpart') {
      if (!ref && !d.country) continue;
      let subject: NameRun | null = null;
      if (!ref) {
        // The nearest full name before the cue in its sentence.
        for (let k = d.head - 1; k >= s && !subject; k--) {
          if (!(t.flags[k]! & F_CAP) || !isNameLike(t, k, true)) continue;
          const run = runAround(t, k);
          if (run && run.last < d.head && run.first >= s) subject = run;
        }
        // "Apple chief Tim Cook met his Chinese counterpart": a title we did not accept as an office.
        if (subject && subject.first > 0 && continues(t, subject.first) && headStrengthAt(t, subject.first - 1)) continue;
      }
      out.push({ first: d.first, last: d.last, words: d.words, title: refTitle, country: d.country, weight: 1 });
      // "Ana Ruiz also agreed with her Peruvian counterpart Luis Vega": whoever
      // has a foreign counterpart holds an office too.
      if (subject) out.push({ first: subject.first, last: subject.last, words: runWordsOf(t, subject), title: null, country: null, weight: 1 });
    } else {
      if (!ref) continue;
      out.push({ first: d.first, last: d.last, words: d.words, title: refTitle ? `former ${refTitle}` : null, country: ref.country, weight: 1 });
    }
  }
  return out;
}

/** "Omar Haddad, also known as Abu Karim": the second name is a mention of the same person. */
const KNOWN_HASH = stringHash('known', false);

/**
 * "Japanese Foreign Minister Sato Kenji" … "Minister Sato": a Japanese official called by the first
 * word of the name is written family name first; the canonical name puts the given name first.
 */
function givenNameFirstForJapan(entities: DocEntity[]): void {
  for (const e of entities) {
    if (e.words.length !== 2 || e.country !== 'Japan') continue;
    const parts = e.key.split(' ');
    if (parts.length !== 2 || !e.aliases.includes(parts[0]!)) continue;
    e.words = [e.words[1]!, e.words[0]!];
    e.name = e.words.join(' ');
    e.key = keyOf(e.words);
  }
}
const HONORIFIC_HASHES = new Set([...NAME_HONORIFICS].map((h) => stringHash(h, false)));
for (const h of HEAD_HASHES) CUE_HASHES.add(h);
for (const h of HONORIFIC_HASHES) CUE_HASHES.add(h);
// "known" too, so that findAliases walks the listed words, not all of them (scanCues skips it: no head).
CUE_HASHES.add(KNOWN_HASH);
// Name particles too, so that matchMentions walks the listed words when a name form opens with one
// ("de la Cruz"), not every word (scanCues and findAliases skip them: no head, no honorific, not "known").
for (const p of NAME_PARTICLES) CUE_HASHES.add(stringHash(p, false));

/**
 * "Ethiopian Prime Minister Abiy Ahmed" … "Mr Abiy": where the article calls an official by the first
 * word of the name behind an honorific, that word becomes one of the official's name forms.
 */
function linkGivenNameForms(t: Tokens, entities: DocEntity[], honorifics: number[]): void {
  if (entities.length === 0 || honorifics.length === 0) return;
  // The entities' first words and forms are listed once a word behind an honorific asks (most never do).
  let byFirstWord: Map<string, DocEntity[]> | null = null;
  let known: Set<string> | null = null;
  for (const i of honorifics) {
    const f = t.flags[i]!;
    if (i + 1 >= t.count || !(f & F_WORD) || !(f & F_CAP) || t.end[i]! - t.start[i]! > 4 || !NAME_HONORIFICS.has(lowerAt(t, i))) continue;
    const w = i + 1;
    if (!continues(t, w) || !isNameLike(t, w, true)) continue;
    if (w + 1 < t.count && continues(t, w + 1) && isNameLike(t, w + 1, true)) continue; // a full name follows
    if (!byFirstWord || !known) {
      byFirstWord = new Map<string, DocEntity[]>();
      known = new Set<string>();
      for (const e of entities) {
        for (const k of entityVariantKeys(e)) known.add(k);
        const parts = e.key.split(' ');
        if (parts.length < 2 || parts.length > 3 || isFamilyNameFirst(e.words)) continue;
        byFirstWord.set(parts[0]!, [...(byFirstWord.get(parts[0]!) ?? []), e]);
      }
    }
    if (byFirstWord.size === 0) return;
    const key = nameKeyAt(t, w);
    if (known.has(key)) continue;
    const owners = byFirstWord.get(key);
    if (owners && owners.length === 1) {
      owners[0]!.aliases.push(key);
      known.add(key);
    }
  }
}

function findAliases(t: Tokens, entities: DocEntity[]): number {
  let added = 0;
  for (let q = 0; q < t.cueCount; q++) {
    const i = t.cues[q]!;
    if (i < 2 || i + 1 >= t.count) continue;
    if (t.hashFull[i] !== KNOWN_HASH || lowerAt(t, i) !== 'known' || lowerAt(t, i + 1) !== 'as') continue;
    let c = i - 1;
    const w1 = lowerAt(t, c);
    if (w1 === 'also' || w1 === 'better') c--;
    if (!isComma(t, c)) continue;
    // The official named right before the comma.
    const before = matchMentions(t, entities, sentenceStartBefore(t, c), c);
    const m = before[before.length - 1];
    if (!m || m.last !== c - 1) continue;
    const run = parseNameRun(t, i + 2, true);
    if (!run) continue;
    const key = keyOf(canonicalWords(t, run.first, run.last));
    const e = entities[m.entity]!;
    if (!e.aliases.includes(key)) {
      e.aliases.push(key);
      added++;
    }
  }
  return added;
}

// ---------------------------------------------------------------------------------------------
// Lexicon membership by token

// The predicates above ask whether a word is in one lexicon or another again and again (a name
// word is asked about by several of them): each token's memberships are read once, as bits, and
// most words, which are in no lexicon, are settled by their hash without their lower-case string.
const LX_STOP = 1;
const LX_HONORIFIC = 2;
const LX_HEAD = 4;
const LX_HEAD_SURNAME = 8;
const LX_CALENDAR = 16;
const LX_WEEKDAY = 32;
const LX_POSTNOMINAL_HONOUR = 64;
const LX_PUBLIC_QUALIFIER = 128;
const LX_NEUTRAL_QUALIFIER = 256;
const LX_PRIVATE_QUALIFIER = 512;
const LX_DESCRIPTIVE = 1024;
const LX_DETERMINER = 2048;
const LX_ORG = 4096;
const LX_VIRTUE = 8192;
const LX_STYLE_HONORIFIC = 16384;
const LX_PUBLIC_ACRONYM = 32768;
/** Heads that name another official's office ("counterpart", "predecessor", "successor"). */
const LX_RELATION = 65536;
/** A head's strength (HEADS), and heads that count capitalised only. */
const LX_STRONG = 1 << 17;
const LX_WEAK = 1 << 18;
const LX_COUNTERPART = 1 << 19;
const LX_ABBREVIATED_HEAD = 1 << 20;
const LX_CAPITALISED_ONLY = 1 << 21;
const LX_GROUP_NOUN = 1 << 22;
const LX_GROUP_LINK = 1 << 23;
const LX_HEAD_GIVEN_NAME = 1 << 24;
const LX_POSTNOMINAL_HEAD = 1 << 25;
const LX_RANK = 1 << 26;
const LX_COUNSEL_HEAD = 1 << 27;
const LX_PORTFOLIO = 1 << 28;

interface Lexicon {
  sets: Array<[{ has(word: string): boolean }, number]>;
  hashes: Set<number>;
  bits: Int32Array;
  /**
   * Open-addressing table of the lexicon words of ASCII letters (hyphens, apostrophes) by hash:
   * a token is matched by comparing its characters, without its lower-case string.
   */
  slotHash: Int32Array;
  slotWord: string[];
  slotBits: Int32Array;
}
const LEX_SLOTS = 4096;
let lexicon: Lexicon | null = null;

/** Built on first use: the lexicons come from several modules and from this one's later constants. */
function getLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const relations = new Set([...HEADS].filter(([, v]) => v === 'counterpart' || v === 'predecessor').map(([k]) => k));
  const headsOf = (strength: HeadStrength) => new Set([...HEADS].filter(([, v]) => v === strength).map(([k]) => k));
  const sets: Lexicon['sets'] = [
    [STOP_CAPS, LX_STOP], [HONORIFICS, LX_HONORIFIC], [HEADS, LX_HEAD], [HEADS_ALSO_SURNAMES, LX_HEAD_SURNAME],
    [CALENDAR_WORDS, LX_CALENDAR], [WEEKDAY_WORDS, LX_WEEKDAY], [POSTNOMINAL_HONOURS, LX_POSTNOMINAL_HONOUR],
    [PUBLIC_QUALIFIER_WORDS, LX_PUBLIC_QUALIFIER], [NEUTRAL_QUALIFIER_WORDS, LX_NEUTRAL_QUALIFIER],
    [PRIVATE_QUALIFIERS, LX_PRIVATE_QUALIFIER], [DESCRIPTIVE_QUALIFIERS, LX_DESCRIPTIVE], [TITLE_DETERMINERS, LX_DETERMINER],
    [ORG_WORDS, LX_ORG], [VIRTUE_GIVEN_NAMES, LX_VIRTUE], [STYLE_HONORIFICS, LX_STYLE_HONORIFIC],
    [PUBLIC_ACRONYMS, LX_PUBLIC_ACRONYM], [relations, LX_RELATION], [headsOf('strong'), LX_STRONG],
    [headsOf('weak'), LX_WEAK], [headsOf('counterpart'), LX_COUNTERPART], [ABBREVIATED_HEADS, LX_ABBREVIATED_HEAD],
    [CAPITALISED_ONLY_STRONG, LX_CAPITALISED_ONLY], [GROUP_NOUNS, LX_GROUP_NOUN], [GROUP_LINKS, LX_GROUP_LINK],
    [HEADS_ALSO_GIVEN_NAMES, LX_HEAD_GIVEN_NAME], [POSTNOMINAL_HEADS, LX_POSTNOMINAL_HEAD], [RANK_HEADS, LX_RANK],
    [PRIVATE_COUNSEL_HEADS, LX_COUNSEL_HEAD], [PORTFOLIO_WORDS, LX_PORTFOLIO], [PORTFOLIO_NOUNS, LX_PORTFOLIO],
  ];
  const hashes = new Set<number>();
  const words = (set: unknown): Iterable<string> => (set instanceof Map ? set.keys() : (set as Set<string>));
  const slotHash = new Int32Array(LEX_SLOTS).fill(-1);
  const slotWord = new Array<string>(LEX_SLOTS).fill('');
  const slotBits = new Int32Array(LEX_SLOTS);
  const placed = new Set<string>();
  for (const [set] of sets) {
    for (const w of words(set)) {
      const h = stringHash(w, false);
      hashes.add(h);
      // Only words a token's characters can equal after ASCII lowering: lower-case ASCII letters,
      // hyphens and apostrophes (the tokenizer's hash covers nothing else).
      if (h < 0 || placed.has(w) || !/^[a-z'’-]+$/.test(w)) continue;
      placed.add(w);
      let slot = h & (LEX_SLOTS - 1);
      while (slotHash[slot] !== -1) slot = (slot + 1) & (LEX_SLOTS - 1);
      slotHash[slot] = h;
      slotWord[slot] = w;
      let b = 0;
      for (const [other, bit] of sets) if (other.has(w)) b |= bit;
      slotBits[slot] = b;
    }
  }
  lexicon = { sets, hashes, bits: hashBitsOf(hashes, 14), slotHash, slotWord, slotBits };
  return lexicon;
}

const lexiconBitsCache = new Map<string, number>();

/** The lexicon bits of a lower-case word. */
function lexiconBitsOf(lower: string): number {
  let bits = lexiconBitsCache.get(lower);
  if (bits === undefined) {
    bits = 0;
    for (const [set, bit] of getLexicon().sets) if (set.has(lower)) bits |= bit;
    // Words only: a stray long string (never a lexicon word) is not kept.
    if (lower.length <= 40) {
      if (lexiconBitsCache.size >= 20000) lexiconBitsCache.clear();
      lexiconBitsCache.set(detached(lower), bits);
    }
  }
  return bits;
}

/** Lexicon bits by token index, valid where the generation is the tokens' (see names.ts lowerAt). */
let lexMemo = new Int32Array(4096);
let lexMemoGen = new Int32Array(4096).fill(-1);

/** The lexicon bits of token i's lower-case word. */
function lexAt(t: Tokens, i: number): number {
  if (i < 0 || i >= t.count) return lexiconBitsOf(lowerAt(t, i));
  if (i < lexMemoGen.length && lexMemoGen[i] === t.gen) return lexMemo[i]!;
  const h = t.hashFull[i]!;
  const lex = getLexicon();
  let bits = 0;
  if (h < 0) bits = lexiconBitsOf(lowerAt(t, i));
  else if (mayHaveHash(lex.bits, h)) {
    // A word of ASCII letters: its lower case is ASCII lowering, compared in place with the
    // lexicon words of its hash (a word whose hash no lexicon word has is in none of them).
    const s = t.start[i]!;
    const e = t.end[i]!;
    for (let slot = h & (LEX_SLOTS - 1); lex.slotHash[slot] !== -1; slot = (slot + 1) & (LEX_SLOTS - 1)) {
      if (lex.slotHash[slot] === h && sameLowerWord(t.text, s, e, lex.slotWord[slot]!)) {
        bits = lex.slotBits[slot]!;
        break;
      }
    }
  }
  if (i >= lexMemoGen.length) {
    const size = Math.max(t.count, lexMemoGen.length * 2);
    const gen = new Int32Array(size).fill(-1);
    gen.set(lexMemoGen);
    const memo = new Int32Array(size);
    memo.set(lexMemo);
    lexMemoGen = gen;
    lexMemo = memo;
  }
  lexMemoGen[i] = t.gen;
  lexMemo[i] = bits;
  return bits;
}

/** Whether token i's lower-case word is `word` (lower-case ASCII letters, hashing `hash`), compared in place. */
function isWord(t: Tokens, i: number, hash: number, word: string): boolean {
  return t.hashFull[i] === hash && sameLowerWord(t.text, t.start[i]!, t.end[i]!, word);
}
const OF_HASH = stringHash('of', false);
const FOR_HASH = stringHash('for', false);
const AND_HASH = stringHash('and', false);
const FORMER_HASH = stringHash('former', false);
const EX_HASH = stringHash('ex', false);
const TO_HASH = stringHash('to', false);
const MEMBER_HASH = stringHash('member', false);
const HIS_HASH = stringHash('his', false);
const HER_HASH = stringHash('her', false);
const EXCELLENCY_HASH = stringHash('excellency', false);

/**
 * `isPortfolioNoun` of token i's lower-case word: lexicon words and short ASCII words are settled
 * by the token's bits and length, only longer words ask the suffix test.
 */
function portfolioNounAt(t: Tokens, i: number): boolean {
  if (isWord(t, i, AND_HASH, 'and') || isWord(t, i, THE_HASH, 'the')) return false;
  if (lexAt(t, i) & LX_PORTFOLIO) return true;
  // ASCII lowering keeps the length; other words are measured on their lower case.
  if (t.hashFull[i]! >= 0 && t.end[i]! - t.start[i]! < 6) return false;
  return isPortfolioNoun(lowerAt(t, i));
}

/** Whether token i's word ends with an s (as its lower case does). */
function endsWithS(t: Tokens, i: number): boolean {
  const c = t.text.charCodeAt(t.end[i]! - 1);
  return c === 115 || c === 83;
}
