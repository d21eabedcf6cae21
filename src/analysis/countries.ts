// Country lookups for the whole engine: names, official names, alternative spellings, demonyms and
// capitals from the `world-countries` data (compacted by scripts/build-country-table.mjs), loaded once.
import { detached } from './detached';
import table from './data/countries.json';
import { asciiLowerHash, hashBitsOf, mayHaveHash, sameLowerWord, stringHash } from './names';

export interface CountryRecord {
  common: string;
  official: string;
  cca2: string;
  cca3: string;
  altSpellings: string[];
  demonyms: string[];
  capitals: string[];
  /** Sovereign state: wins a demonym shared with a territory ("French": France, not French Guiana). */
  independent: boolean;
}

/** How a phrase named the country: the engine reports an official name as the article wrote it. */
export type CountryNameKind = 'common' | 'official' | 'alt' | 'abbreviation' | 'demonym' | 'capital';

export interface CountryHit {
  country: CountryRecord;
  kind: CountryNameKind;
}

/**
 * Common forms news copy uses that the library lacks (it keeps only ISO codes and a few
 * spellings): dotted abbreviations, the bare two-letter "US", and everyday short names.
 * "EU" is deliberately absent: it is a body, not a country.
 */
const EXTRA_NAMES: ReadonlyArray<readonly [string, string, CountryNameKind]> = [
  ['US', 'USA', 'abbreviation'],
  ['U.S.', 'USA', 'abbreviation'],
  ['U.S.A.', 'USA', 'abbreviation'],
  ['America', 'USA', 'alt'],
  ['U.K.', 'GBR', 'abbreviation'],
  ['Britain', 'GBR', 'alt'],
  ['PRC', 'CHN', 'abbreviation'],
  ['ROK', 'KOR', 'abbreviation'],
  ['Saudi', 'SAU', 'demonym'],
  ['Emirati', 'ARE', 'demonym'],
  ['Washington', 'USA', 'capital'],
  ['Turkey', 'TUR', 'alt'],
];

/** English names news copy uses where the library has adopted a newer form. */
const REPORTED_COMMON_NAME = new Map<string, string>([['TUR', 'Turkey']]);

function commonName(c: CountryRecord): string {
  return REPORTED_COMMON_NAME.get(c.cca3) ?? c.common;
}

export const COUNTRIES: readonly CountryRecord[] = table as CountryRecord[];

/** Lower-case key; curly apostrophes as straight ones so "People’s" and "People's" meet. */
export function countryKey(phrase: string): string {
  let key = phrase;
  if (key.includes('’') || key.includes('‘')) key = key.replace(/[’‘]/g, "'");
  if (/\s\s|[\t\n\r\u00a0]/.test(key)) key = key.replace(/\s+/g, ' ');
  return key.trim().toLowerCase();
}

const byKey = new Map<string, CountryHit>();
/** Keys that only match when written in capitals ("US", not "us"). */
const capitalsOnly = new Set<string>();
let longestPhraseWords = 1;
const firstWords = new Set<string>();
const lastWords = new Set<string>();

function add(name: string, country: CountryRecord, kind: CountryNameKind): void {
  const key = countryKey(name);
  if (!key) return;
  const existing = byKey.get(key);
  if (existing && !(kind === 'demonym' && existing.kind === 'demonym' && country.independent && !existing.country.independent)) return;
  byKey.set(key, { country, kind });
  if (/^[A-Z.]+$/.test(name) && name.replace(/\./g, '').length <= 4) capitalsOnly.add(key);
  const words = key.split(' ');
  if (words.length > longestPhraseWords) longestPhraseWords = words.length;
  firstWords.add(words[0]!);
  if (words[0] === 'the' && words[1]) firstWords.add(words[1]);
  lastWords.add(words[words.length - 1]!);
}

{
  const byCca3 = new Map<string, CountryRecord>();
  for (const c of COUNTRIES) byCca3.set(c.cca3, c);
  // Names first, so that a demonym or capital never shadows a country's own name.
  for (const c of COUNTRIES) add(c.common, c, 'common');
  for (const c of COUNTRIES) add(c.official, c, 'official');
  for (const [name, cca3, kind] of EXTRA_NAMES) {
    const c = byCca3.get(cca3);
    if (c) add(name, c, kind);
  }
  for (const c of COUNTRIES) for (const alt of c.altSpellings) add(alt, c, /^[A-Z.]+$/.test(alt) ? 'abbreviation' : 'alt');
  for (const c of COUNTRIES) for (const d of c.demonyms) add(d, c, 'demonym');
  for (const c of COUNTRIES) for (const cap of c.capitals) add(cap, c, 'capital');
}

/**
 * Hashes (names.ts `stringHash`) of every key: a phrase of ASCII letters and points whose hash is not
 * here names no country, which settles most capitalised words without a slice or a Map lookup.
 */
const KEY_HASHES = new Set<number>();
const THE_HASH = stringHash('the', false);
/** Phrase hashes (see plainPhraseHash) of the keys made of letters, points and single spaces. */
const PHRASE_HASHES = new Set<number>();
for (const key of byKey.keys()) {
  const h = stringHash(key, false);
  if (h >= 0) KEY_HASHES.add(h);
  const ph = plainPhraseHash(key);
  if (ph >= 0) PHRASE_HASHES.add(ph);
}
const KEY_HASH_BITS = hashBitsOf(KEY_HASHES);

/**
 * The keys of plain phrases (ASCII letters, points, single spaces) in an open-addressing table by
 * plain phrase hash: `lookupCountryAt` compares a phrase's characters with them in place, with no
 * slice and no lookup in the cache of phrases.
 */
const PLAIN_SLOTS = 8192;
const plainSlotHash = new Int32Array(PLAIN_SLOTS).fill(-1);
const plainSlotKey: string[] = new Array<string>(PLAIN_SLOTS).fill('');
/** The key's hit, and 1 where the key counts only in capitals (see capitalsOnly). */
const plainSlotHit: Array<CountryHit | null> = new Array<CountryHit | null>(PLAIN_SLOTS).fill(null);
const plainSlotCapitalsOnly = new Uint8Array(PLAIN_SLOTS);
for (const key of byKey.keys()) {
  const h = plainPhraseHash(key);
  if (h < 0) continue;
  let slot = h & (PLAIN_SLOTS - 1);
  while (plainSlotHash[slot] !== -1) slot = (slot + 1) & (PLAIN_SLOTS - 1);
  plainSlotHash[slot] = h;
  plainSlotKey[slot] = key;
  plainSlotHit[slot] = byKey.get(key) ?? null;
  plainSlotCapitalsOnly[slot] = capitalsOnly.has(key) ? 1 : 0;
}
const PHRASE_HASH_BITS = hashBitsOf(PHRASE_HASHES);

/**
 * False when a word whose names.ts `asciiLowerHash` is `h` (>= 0: ASCII letters, apostrophes, points,
 * hyphens) surely names no country; true when `lookupCountry` has to decide.
 */
export function mayBeCountryWordHash(h: number): boolean {
  return h < 0 || (mayHaveHash(KEY_HASH_BITS, h) && KEY_HASHES.has(h));
}

/**
 * Hash of a phrase of ASCII letters and points in words one space apart, lower-cased and without
 * the points (a single word hashes as `stringHash`); -1 for any other phrase, and for one opening
 * with "the " (which `bare` strips).
 */
function plainPhraseHash(phrase: string): number {
  return plainPhraseHashAt(phrase, 0, phrase.length);
}

/** `plainPhraseHash` of text.slice(s, e), read in place. */
export function plainPhraseHashAt(text: string, s: number, e: number): number {
  let h = 7;
  let prevSpace = true;
  for (let k = s; k < e; k++) {
    let c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) c |= 32;
    else if (c === 46) {
      prevSpace = false;
      continue;
    } else if (c === 32) {
      if (prevSpace || k === e - 1) return -1;
      if (k - s === 3 && (h >>> 1) === THE_HASH) return -1;
      prevSpace = true;
      h = (Math.imul(h, 31) + c) | 0;
      continue;
    } else if (c < 97 || c > 122) return -1;
    prevSpace = false;
    h = (Math.imul(h, 31) + c) | 0;
  }
  return h >>> 1;
}

/** Most words any country phrase has ("Democratic Republic of the Congo"). */
export const MAX_COUNTRY_PHRASE_WORDS = longestPhraseWords;

// Hashes of those first and last words, to settle a token by its hash without its lower-case string.
const FIRST_WORD_HASHES = new Set<number>();
const LAST_WORD_HASHES = new Set<number>();
for (const w of firstWords) FIRST_WORD_HASHES.add(stringHash(w, false));
for (const w of lastWords) LAST_WORD_HASHES.add(stringHash(w, false));
const FIRST_WORD_BITS = hashBitsOf(FIRST_WORD_HASHES);
const LAST_WORD_BITS = hashBitsOf(LAST_WORD_HASHES);

/**
 * False when a word whose names.ts `asciiLowerHash` is `h` surely cannot open (close) a country
 * phrase, i.e. its lower case is not in `firstWords` (`lastWords`); true when the word must be asked.
 */
export function mayStartCountryPhraseHash(h: number): boolean {
  return h < 0 || (mayHaveHash(FIRST_WORD_BITS, h) && FIRST_WORD_HASHES.has(h));
}
export function mayEndCountryPhraseHash(h: number): boolean {
  return h < 0 || (mayHaveHash(LAST_WORD_BITS, h) && LAST_WORD_HASHES.has(h));
}

/** Cheap pre-checks for phrase scanners: can this lower-case word open / close a country phrase? */
export function mayStartCountryPhrase(lowerWord: string): boolean {
  return firstWords.has(lowerWord);
}
export function mayEndCountryPhrase(lowerWord: string): boolean {
  return lastWords.has(lowerWord);
}

/** Strips a possessive and a leading "the": "Iran’s" → "Iran", "the United States" → "United States". */
function bare(phrase: string): string {
  return phrase.replace(/[’']s$/, '').replace(/^the\s+/i, '');
}

// Recognisers ask about the same capitalised words again and again: remember the answers.
const lookupCache = new Map<string, CountryHit | null>();
const LOOKUP_CACHE_LIMIT = 20000;

/** Any naming of a country: name, official name, alternative spelling, abbreviation, demonym or capital. */
export function lookupCountry(phrase: string): CountryHit | null {
  // Letters and points only: no possessive, article or spacing for `bare`/`countryKey` to undo, so
  // the key is the lower-cased phrase and its hash must be a key's.
  const h = plainPhraseHash(phrase);
  if (h >= 0 && !(mayHaveHash(PHRASE_HASH_BITS, h) && PHRASE_HASHES.has(h))) return null;
  if (h < 0 && namesNoCountryByHash(phrase)) return null;
  const cached = lookupCache.get(phrase);
  if (cached !== undefined) return cached;
  const hit = lookupUncached(phrase);
  if (lookupCache.size >= LOOKUP_CACHE_LIMIT) lookupCache.clear();
  lookupCache.set(detached(phrase), hit);
  return hit;
}

/**
 * Whether a phrase that is not plain (see plainPhraseHash) surely names no country, by hashes alone:
 * a possessive ("Smith’s", which `bare` strips) of a plain phrase whose phrase hash no key has, or a
 * word of ASCII letters, hyphens, apostrophes and points ("Al-Mansouri", "O’Neill", with or without
 * a possessive) whose `stringHash` no key has (its key is its lower case, with the same hash). Such
 * phrases are settled without the cache, whose look-ups of thousands of phrases far apart in memory
 * cost more.
 */
function namesNoCountryByHash(phrase: string): boolean {
  let n = phrase.length;
  const last = n >= 3 ? phrase.charCodeAt(n - 2) : 0;
  if (n >= 3 && phrase.charCodeAt(n - 1) === 115 && (last === 0x2019 || last === 39)) {
    const h = plainPhraseHashAt(phrase, 0, n - 2);
    if (h >= 0) return !(mayHaveHash(PHRASE_HASH_BITS, h) && PHRASE_HASHES.has(h));
    n -= 2;
  }
  const h = asciiLowerHash(phrase, 0, n, false);
  return h >= 0 && !mayBeCountryWordHash(h);
}

/**
 * `lookupCountry(text.slice(s, e))`. A plain phrase (ASCII letters, points, single spaces, not
 * opening with "the ") needs none of the lookup's normalising: its key is its lower case, found
 * by comparing characters; other phrases take the lookup.
 */
export function lookupCountryAt(text: string, s: number, e: number): CountryHit | null {
  const h = plainPhraseHashAt(text, s, e);
  if (h < 0) return lookupCountry(text.slice(s, e));
  return lookupPlainCountryAt(text, s, e, h);
}

/** `lookupCountryAt` of a plain phrase whose `plainPhraseHashAt` (>= 0) the caller has at hand. */
export function lookupPlainCountryAt(text: string, s: number, e: number, h: number): CountryHit | null {
  if (!(mayHaveHash(PHRASE_HASH_BITS, h) && PHRASE_HASHES.has(h))) return null;
  // A name starts with a capital letter.
  const c0 = text.charCodeAt(s);
  if (c0 < 65 || c0 > 90) return null;
  for (let slot = h & (PLAIN_SLOTS - 1); plainSlotHash[slot] !== -1; slot = (slot + 1) & (PLAIN_SLOTS - 1)) {
    if (plainSlotHash[slot] !== h) continue;
    if (!sameLowerWord(text, s, e, plainSlotKey[slot]!)) continue;
    // Keys written in capitals ("US") only count written so.
    if (plainSlotCapitalsOnly[slot] === 1) for (let k = s; k < e; k++) if (text.charCodeAt(k) >= 97 && text.charCodeAt(k) <= 122) return null;
    return plainSlotHit[slot]!;
  }
  return null;
}

function lookupUncached(phrase: string): CountryHit | null {
  const b = bare(phrase.trim());
  if (!b || !/^\p{Lu}/u.test(b)) return null;
  const key = countryKey(b);
  const hit = byKey.get(key);
  if (!hit) return null;
  if (capitalsOnly.has(key) && b !== b.toUpperCase()) return null;
  return hit;
}

/** Demonym, name or abbreviation → the country's common English name ("Iranian" → "Iran", "U.S." → "United States"). Capitals are not countries here. */
export function countryOf(word: string): string | null {
  const hit = lookupCountry(word);
  return hit && hit.kind !== 'capital' ? commonName(hit.country) : null;
}

/**
 * The name to report for a country phrase: the official name when the article spells it out
 * ("the United States of America"), otherwise the common name ("U.S." → "United States").
 */
export function reportedCountryName(phrase: string): string | null {
  return reportedNameOfHit(lookupCountry(phrase));
}

/** `reportedCountryName` of a phrase whose `lookupCountry` answer is at hand. */
export function reportedNameOfHit(hit: CountryHit | null): string | null {
  if (!hit || hit.kind === 'capital') return null;
  return hit.kind === 'official' ? hit.country.official : commonName(hit.country);
}

/** True for a country's name (any spelling, not a demonym) or a capital city: a place, not a person. */
export function isCapitalOrCountry(word: string): boolean {
  const hit = lookupCountry(word);
  return hit !== null && hit.kind !== 'demonym';
}

/** True when the word is a demonym ("Japanese", "Israeli"). */
export function isDemonym(word: string): boolean {
  return lookupCountry(word)?.kind === 'demonym';
}

/** The country whose capital this is ("Tokyo" → "Japan"), or null. */
export function countryOfCapital(city: string): string | null {
  const hit = lookupCountry(city);
  return hit && hit.kind === 'capital' ? commonName(hit.country) : null;
}
