// Recognises named people in public office. One linear pass finds office cues (a title before a name,
// an apposition after it, "his counterpart, X", "X as Japan’s Prime Minister"); the people they name
// become the document's officials, and a second pass marks every later mention of them ("Hayashi",
// "Mr Straw", "HAYASHI Yoshimasa") by their name forms. A name with no office cue anywhere is not listed.
import { lookupCountry, MAX_COUNTRY_PHRASE_WORDS, mayEndCountryPhrase, mayStartCountryPhrase, reportedCountryName } from './countries';
import {
  CALENDAR_WORDS,
  continues,
  entityIdOf,
  F_ABBR,
  F_ALLCAPS,
  F_CAP,
  F_DOT,
  F_POSS,
  F_SENT,
  F_WORD,
  isFamilyNameFirst,
  isInitial,
  isNameShaped,
  isParticle,
  lowerAt,
  nameKey,
  NAME_PARTICLES,
  ORG_WORDS,
  STOP_CAPS,
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
  NEUTRAL_QUALIFIER_WORDS,
  PORTFOLIO_WORDS,
  POSTNOMINAL_HEADS,
  PRIVATE_QUALIFIERS,
  PUBLIC_ACRONYMS,
  PUBLIC_QUALIFIER_WORDS,
  TITLE_DETERMINERS,
  type HeadStrength,
} from './titles';
import type { OfficialMention } from './types';

/** Bodies served that are not countries ("EU trade commissioner" serves the European Union). */
const BODIES = new Map<string, string>([
  ['eu', 'European Union'],
  ['european union', 'European Union'],
  ['un', 'United Nations'],
  ['u.n.', 'United Nations'],
  ['united nations', 'United Nations'],
  ['nato', 'NATO'],
  ['african union', 'African Union'],
  ['asean', 'ASEAN'],
]);

/** Heads that are offices only when capitalised ("Secretary Blinken", but "his secretary"). */
const CAPITALISED_ONLY_STRONG = new Set(['secretary', 'representative', 'rep', 'speaker', 'general', 'gen', 'sen', 'gov', 'col', 'adm']);
/** Prepositions that make a capitalised word before ", the minister" a place ("In Tokyo, the minister said"). */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'across', 'into', 'outside', 'inside', 'around', 'throughout', 'to']);
const REPORTING_AS = new Set(['as']);
const MAX_NAME_WORDS = 6;
const MAX_MODIFIERS = 7;

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
}

interface Deferred {
  kind: 'counterpart' | 'predecessor';
  head: number;
  first: number;
  last: number;
  words: string[];
  country: string | null;
}

interface DocEntity {
  words: string[];
  name: string;
  key: string;
  title: string | null;
  country: string | null;
  weight: number;
  firstPos: number;
  aliases: string[];
}

interface Found {
  first: number;
  last: number;
  entity: number;
}

export function findOfficials(text: string): OfficialMention[] {
  if (!text) return [];
  const t = tokenize(text);
  const regs: Registration[] = [];
  const deferred: Deferred[] = [];
  scanCues(t, regs, deferred);
  if (regs.length === 0 && deferred.length === 0) return [];

  const runs = collectNameRuns(t);
  let entities = buildEntities(regs, runs, t);
  let found = matchMentions(t, entities);

  // Cues that depend on other officials: "his counterpart, X", "his predecessor, X", "X, also known as Y".
  const extra = resolveDeferred(t, deferred, found, entities);
  const aliases = findAliases(t, found, entities);
  if (extra.length > 0 || aliases > 0) {
    entities = buildEntities([...regs, ...extra], runs, t, entities);
    found = matchMentions(t, entities);
  }

  return found.map((f) => {
    const e = entities[f.entity]!;
    const start = t.start[f.first]!;
    const end = t.end[f.last]!;
    return { start, end, text: text.slice(start, end), name: e.name, title: e.title, country: e.country, entityId: entityIdOf(e.name) };
  });
}

// ---------------------------------------------------------------------------------------------
// Office cues

function headStrengthAt(t: Tokens, i: number): HeadStrength | null {
  const f = t.flags[i]!;
  if (!(f & F_WORD) || f & F_ABBR) return null;
  const lower = lowerAt(t, i);
  let strength = HEADS.get(lower);
  let base = lower;
  if (strength === undefined && lower.includes('-')) {
    // "former-President", "ex-minister", "Vice-Prime" is a qualifier, not a head.
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

function isQualifierWord(lower: string): boolean {
  return PUBLIC_QUALIFIER_WORDS.has(lower) || NEUTRAL_QUALIFIER_WORDS.has(lower) || HEADS.has(lower);
}

/** Country or body named by the tokens first..last ("Iranian", "U.S.", "United States of America", "EU"). */
function countryName(t: Tokens, first: number, last: number): string | null {
  const phrase = t.text.slice(t.start[first]!, t.end[last]!);
  const body = BODIES.get(phrase.toLowerCase());
  if (body && (first !== last || t.flags[first]! & F_ALLCAPS || phrase.includes(' '))) return body;
  return reportedCountryName(phrase);
}

/** Longest country phrase ending at token j (going back over adjacent words). */
function countryEndingAt(t: Tokens, j: number): { first: number; name: string } | null {
  if (!(t.flags[j]! & F_CAP)) return null;
  const lastLower = lowerAt(t, j);
  if (!mayEndCountryPhrase(lastLower) && !BODIES.has(lastLower)) return null;
  let best: { first: number; name: string } | null = null;
  for (let len = 1, first = j; len <= MAX_COUNTRY_PHRASE_WORDS && first >= 0; len++, first--) {
    if (len > 1 && !continuesPhrase(t, first + 1)) break;
    if (!(t.flags[first]! & F_WORD)) break;
    if (!(t.flags[first]! & F_CAP)) continue; // never "the French"
    const name = countryName(t, first, j);
    if (name) best = { first, name };
  }
  return best;
}

/** Longest country phrase starting at token j. */
function countryStartingAt(t: Tokens, j: number): { last: number; name: string } | null {
  if (j >= t.count || !(t.flags[j]! & F_CAP)) return null;
  const firstLower = lowerAt(t, j);
  if (!mayStartCountryPhrase(firstLower) && !BODIES.has(firstLower) && firstLower !== 'european' && firstLower !== 'african') return null;
  let best: { last: number; name: string } | null = null;
  for (let len = 1, last = j; len <= MAX_COUNTRY_PHRASE_WORDS && last < t.count; len++, last++) {
    if (len > 1 && !continuesPhrase(t, last)) break;
    if (!(t.flags[last]! & F_WORD)) break;
    const name = countryName(t, j, last);
    if (name) best = { last, name };
  }
  return best;
}

/** Like `continues`, but a possessive may end a multi-word country ("United States’ envoy"). */
function continuesPhrase(t: Tokens, i: number): boolean {
  return continues(t, i);
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
  // Qualifiers before the head: "Conservative shadow foreign secretary", "Israeli Ambassador".
  let j = h - 1;
  let count = 0;
  while (j >= 0 && count < MAX_MODIFIERS && continues(t, j + 1)) {
    const f = t.flags[j]!;
    if (!(f & F_WORD)) break;
    const c = countryEndingAt(t, j);
    if (c) {
      country ??= c.name;
      isPublic = true;
      phraseFirst = c.first;
      if (titleFirst > c.first && BODIES.has(t.text.slice(t.start[c.first]!, t.end[j]!).toLowerCase())) titleFirst = c.first;
      else titleFrozen = true;
      j = c.first - 1;
      count++;
      continue;
    }
    const lower = lowerAt(t, j);
    if (TITLE_DETERMINERS.has(lower) && !(f & F_CAP && f & F_SENT && lower !== 'the')) {
      determiner = j;
      break;
    }
    if (PUBLIC_QUALIFIER_WORDS.has(lower) || HEADS.has(lower)) isPublic = true;
    else if (PRIVATE_QUALIFIERS.has(lower)) isPrivate = true;
    else if (NEUTRAL_QUALIFIER_WORDS.has(lower) || isHyphenatedQualifier(lower)) {
      /* neutral */
    } else if (f & F_ALLCAPS && t.end[j]! - t.start[j]! <= 6) {
      if (PUBLIC_ACRONYMS.has(lower)) isPublic = true;
    } else if (f & F_CAP && !(f & F_SENT) && !STOP_CAPS.has(lower)) unknownOrg = true;
    else break;
    phraseFirst = j;
    if (titleFrozen) {
      if (lower === 'former' || lower === 'ex') former = true;
    } else if (DESCRIPTIVE_QUALIFIERS.has(lower) || (f & F_CAP && f & F_SENT && !isQualifierWord(lower))) {
      /* describes the holder: not part of the reported title */
    } else if (titleFirst === j + 1 || titleFirst > j) {
      if (!descriptiveBetween(t, j, titleFirst)) titleFirst = j;
    }
    j--;
    count++;
  }
  // A possessive before the qualifiers: "Iran’s Foreign Minister", "Pakistan's High Commissioner".
  if (determiner === null && j >= 0 && t.flags[j]! & F_POSS && t.flags[j + 1]! & 64 /* F_ADJ */) {
    const c = countryEndingAt(t, j);
    if (c) {
      country ??= c.name;
      isPublic = true;
      phraseFirst = c.first;
      determiner = c.first;
    } else if (t.flags[j]! & F_WORD && !(t.flags[j]! & F_CAP)) determiner = j; // "the company's chairman"
  }
  if (determiner === null && j >= 0 && phraseFirst === j + 1 && t.flags[j]! & F_WORD) {
    const lower = lowerAt(t, j);
    if (TITLE_DETERMINERS.has(lower) && continues(t, j + 1)) determiner = j;
  }

  // Complements: "Minister for Foreign Affairs of Japan", "Ambassador to Japan", "Secretary of State".
  let titleLast = h;
  let k = h + 1;
  let noNameAfter = false;
  for (let round = 0; round < 3 && k < t.count && continues(t, k); round++) {
    const prep = lowerAt(t, k);
    if (prep !== 'of' && prep !== 'for' && prep !== 'to') break;
    let p = k + 1;
    if (p < t.count && continues(t, p) && lowerAt(t, p) === 'the') p++;
    if (p >= t.count || !continues(t, p)) break;
    const c = countryStartingAt(t, p);
    if (c && prep !== 'to' && c.last === p && lookupCountry(wordAt(t, p))?.kind === 'demonym' && p + 1 < t.count && continues(t, p + 1) && t.flags[p + 1]! & F_CAP) {
      // "president of the American Federation of Teachers": a demonym opening a body's name.
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
    while (q < t.count && (q === p || continues(t, q)) && t.flags[q]! & F_WORD && PORTFOLIO_WORDS.has(lowerAt(t, q))) {
      const lw = lowerAt(t, q);
      if (lw !== 'and' && lw !== 'the') content++;
      q++;
    }
    while (q > p && (lowerAt(t, q - 1) === 'and' || lowerAt(t, q - 1) === 'the')) q--;
    if (content > 0 && prep !== 'to' && q < t.count && continues(t, q) && t.flags[q]! & F_CAP && t.flags[q]! & F_WORD && isBodyName(t, q)) {
      // The portfolio words open a longer proper name ("for the National People's Congress"): a body, no name follows.
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
    // "a spokesman for EU trade commissioner X": the complement names a public office or body.
    const lw = lowerAt(t, p);
    const pf = t.flags[p]!;
    if (PUBLIC_QUALIFIER_WORDS.has(lw) || HEADS.has(lw) || (pf & F_ALLCAPS && PUBLIC_ACRONYMS.has(lw))) isPublic = true;
    else if (PRIVATE_QUALIFIERS.has(lw)) isPrivate = true;
    else if (!(pf & F_CAP)) isPrivate = true; // "president of the company"
    break;
  }
  return { head: h, strength, phraseFirst, titleFirst, titleLast, former, after: k, noNameAfter, determiner, country, isPublic, isPrivate, unknownOrg };
}

/** Whether the capitalised run at q names a body ("People's Congress") rather than a person ("Jeh Johnson"). */
function isBodyName(t: Tokens, q: number): boolean {
  for (let i = q; i < t.count && i - q < 6; i++) {
    const f = t.flags[i]!;
    if (i > q && !(f & 64 /* F_ADJ */)) break;
    if (!(f & F_WORD) || !(f & F_CAP)) break;
    if (f & F_POSS || ORG_WORDS.has(lowerAt(t, i))) return true;
  }
  return false;
}

/** A body's name from token p: capitalised words, across possessives and inner "of"/"and" ("National People's Congress"). */
function orgRun(t: Tokens, p: number): { last: number; isPublic: boolean; isPrivate: boolean } {
  let last = p;
  let isPublic = false;
  let isPrivate = false;
  for (let i = p; i < t.count && i - p < 10; i++) {
    const f = t.flags[i]!;
    if (i > p && !(f & 64 /* F_ADJ */)) break;
    if (!(f & F_WORD)) break;
    const lower = lowerAt(t, i);
    if (!(f & F_CAP)) {
      if ((lower === 'of' || lower === 'and' || lower === 'for') && i + 1 < t.count && t.flags[i + 1]! & F_CAP && t.flags[i + 1]! & 64) continue;
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
  const raw = t.text.slice(t.start[info.titleFirst]!, t.end[info.titleLast]!).replace(/\s+/g, ' ');
  const title = raw.replace(/^(former|ex)[-‐]/i, (_m, w: string) => `${w} `);
  return info.former && !/^former\b/i.test(title) ? `former ${title}` : title;
}

function acceptTitle(info: TitleInfo): boolean {
  if (info.isPrivate) return false;
  if (info.strength === 'strong') return !(info.unknownOrg && !info.isPublic && !info.country);
  if (info.strength === 'weak') return info.isPublic || info.country !== null;
  return true;
}

function scanCues(t: Tokens, regs: Registration[], deferred: Deferred[]): void {
  for (let h = 0; h < t.count; h++) {
    const strength = headStrengthAt(t, h);
    if (!strength) continue;
    if (t.flags[h]! & F_POSS) continue; // "the Prime Minister's Office"
    // A chain of heads ("counterpart Minister Li", "Secretary General Guterres"): the last head rules.
    if (h + 1 < t.count && continues(t, h + 1) && headStrengthAt(t, h + 1) && !isNameLike(t, h + 1, true)) continue;
    // Post-nominal: "Diane Abbott MP" (no name after the head, a name right before it).
    if (POSTNOMINAL_HEADS.has(lowerAt(t, h)) && !(h + 1 < t.count && continues(t, h + 1) && isNameLike(t, h + 1, false)) && continues(t, h)) {
      const back = nameRunEndingAt(t, h - 1);
      if (back) {
        regs.push({ ...back, words: canonicalWords(t, back.first, back.last), title: wordAt(t, h), country: null, weight: 3 });
        continue;
      }
    }
    const info = analyzeTitle(t, h, strength);
    if (!acceptTitle(info)) continue;

    // Name after the title: "Foreign Minister Hossein Amir-Abdollahian", "his counterpart, Yoshimasa Hayashi".
    let run: { first: number; last: number } | null = null;
    const p = info.after;
    if (info.noNameAfter) run = null;
    else if (p < t.count && continues(t, p)) run = parseNameRun(t, skipHonorifics(t, p), true);
    else if (info.determiner !== null && isComma(t, p) && p + 1 < t.count && continues(t, p + 1)) {
      run = parseNameRun(t, skipHonorifics(t, p + 1), true);
    }
    if (run) {
      const words = canonicalWords(t, run.first, run.last);
      let country = info.country;
      // "President Musharraf of Pakistan"
      if (!country) country = countryAfterName(t, run.last);
      if (info.strength === 'counterpart' || info.strength === 'predecessor') {
        deferred.push({ kind: info.strength, head: h, first: run.first, last: run.last, words, country });
      } else {
        regs.push({ first: run.first, last: run.last, words, title: titleText(t, info), country, weight: info.strength === 'strong' ? 3 : 2 });
      }
      continue;
    }

    if (info.strength === 'counterpart' || info.strength === 'predecessor') continue;
    // Apposition: "Hossein Amir Abdollahian, the Foreign Minister of Iran", "Sanae Takaichi as Japan’s Prime Minister".
    const open = info.determiner ?? info.phraseFirst;
    const b = open - 1;
    if (b < 1) continue;
    const isAs = t.flags[b]! & F_WORD && REPORTING_AS.has(lowerAt(t, b)) && continues(t, open);
    if (!(isComma(t, b) && continues(t, open)) && !isAs) continue;
    if (isAs && !continues(t, b)) continue;
    const back = nameRunEndingAt(t, b - 1);
    if (!back) continue;
    if (!isComma(t, b) && !continues(t, b)) continue;
    const wordsCount = back.last - back.first + 1;
    if (wordsCount < 2 && !(t.flags[back.first]! & F_ALLCAPS)) continue;
    if (back.first > 0 && t.flags[back.first - 1]! & F_WORD && PLACE_PREPOSITIONS.has(lowerAt(t, back.first - 1))) continue;
    regs.push({ first: back.first, last: back.last, words: canonicalWords(t, back.first, back.last), title: titleText(t, info), country: info.country, weight: info.strength === 'strong' ? 3 : 2 });
  }
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
    const lower = lowerAt(t, q);
    if (lower === 'the' && q + 1 < t.count && /^hon/.test(lowerAt(t, q + 1))) {
      q++;
      continue;
    }
    if (!HONORIFICS.has(lower) || !(f & F_CAP)) break;
    if ((lower === 'his' || lower === 'her') && !(q + 1 < t.count && lowerAt(t, q + 1) === 'excellency')) break;
    if (q + 1 >= t.count || !continues(t, q + 1)) break;
    q++;
  }
  return q;
}

function countryAfterName(t: Tokens, last: number): string | null {
  const k = last + 1;
  if (k + 1 >= t.count || !continues(t, k) || lowerAt(t, k) !== 'of') return null;
  let p = k + 1;
  if (lowerAt(t, p) === 'the' && p + 1 < t.count) p++;
  if (!continues(t, p)) return null;
  return countryStartingAt(t, p)?.name ?? null;
}

// ---------------------------------------------------------------------------------------------
// Names

/** A word that can stand inside a name (not only begin one). */
function isNameLike(t: Tokens, i: number, inside: boolean): boolean {
  if (!isNameShaped(t, i)) return false;
  const f = t.flags[i]!;
  const lower = lowerAt(t, i);
  if (STOP_CAPS.has(lower)) return false;
  if (f & F_CAP && HONORIFICS.has(lower)) return false;
  const head = HEADS.get(lower);
  if (head && !(inside && HEADS_ALSO_SURNAMES.has(lower))) return false;
  if (CALENDAR_WORDS.has(lower)) {
    if (!inside) return false;
    // "Theresa May said" but not "Tokyo May 5".
    if (i + 1 < t.count && t.flags[i + 1]! & 512 /* F_NUM */) return false;
  }
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
  return (f & F_WORD) !== 0 && (f & F_CAP) !== 0 && !(f & F_ALLCAPS) && t.end[i]! - t.start[i]! >= 2 && !STOP_CAPS.has(lowerAt(t, i));
}

function isNameStart(t: Tokens, i: number, afterTitle: boolean): boolean {
  if (!isNameLike(t, i, false)) {
    // "bin Salman", "al-Assad" and initials ("J. Smith") may open a name after a title.
    if (afterTitle && isInitial(t, i)) return true;
    return false;
  }
  const lower = lowerAt(t, i);
  if (PUBLIC_QUALIFIER_WORDS.has(lower) || NEUTRAL_QUALIFIER_WORDS.has(lower)) return false;
  const hit = lookupCountry(wordAt(t, i));
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
    if (isInitial(t, i) && i + 1 < t.count && continues(t, i + 1) && isNameLike(t, i + 1, true)) {
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
    break;
  }
  // An initial alone before the surname: "J. Smith" (the run began on the initial).
  if (isInitial(t, p) && last === p) return null;
  return validateRun(t, p, last);
}

function isCountryWord(t: Tokens, i: number): boolean {
  const hit = lookupCountry(wordAt(t, i));
  return hit !== null;
}

function validateRun(t: Tokens, first: number, last: number): { first: number; last: number } | null {
  for (let i = first; i <= last; i++) {
    const lower = lowerAt(t, i);
    if (ORG_WORDS.has(lower)) return null;
  }
  if (first === last && lookupCountry(wordAt(t, first))) return null;
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
  // Leading words that cannot open a name ("Conservative Graham Brady" keeps "Graham Brady").
  while (first < e && !isNameStart(t, first, false)) first++;
  if (!isNameStart(t, first, false)) return null;
  return validateRun(t, first, e);
}

/** Canonical name words, given name first: "HAYASHI Yoshimasa" → ["Yoshimasa", "Hayashi"]. */
function canonicalWords(t: Tokens, first: number, last: number): string[] {
  const words: string[] = [];
  const caps: boolean[] = [];
  for (let i = first; i <= last; i++) {
    const f = t.flags[i]!;
    let w = wordAt(t, i);
    if (f & F_DOT && isInitial(t, i)) w += '.';
    words.push(w);
    caps.push((f & F_ALLCAPS) !== 0);
  }
  const anyCaps = caps.some(Boolean);
  if (!anyCaps) return words;
  const allCaps = caps.every(Boolean);
  const cased = words.map((w, i) => (caps[i] ? titleCaseWord(w) : w));
  if (allCaps) return cased;
  // Family name in capitals first ("HAYASHI Yoshimasa", "KIM Jong Un"): move it to the end.
  let k = 0;
  while (k < caps.length && caps[k]) k++;
  if (k > 0 && caps.slice(k).every((c) => !c)) return [...cased.slice(k), ...cased.slice(0, k)];
  return cased;
}

/** Maximal runs of two or more name words anywhere in the text: full names a short cue can point to. */
function collectNameRuns(t: Tokens): NameRun[] {
  const runs: NameRun[] = [];
  for (let i = 0; i < t.count; i++) {
    if (!(t.flags[i]! & F_CAP)) continue;
    if (!isNameStart(t, i, false)) continue;
    const run = parseNameRun(t, i, false);
    if (!run) continue;
    if (run.last > run.first) runs.push({ ...run, words: canonicalWords(t, run.first, run.last) });
    i = run.last;
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------
// Document entities and their name forms

function keyOf(words: readonly string[]): string {
  return nameKey(words.join(' '));
}

/** Name forms a later mention may take: the full name, its tails ("Amir Abdollahian", "Hayashi"), … */
function variantKeys(words: readonly string[], aliases: readonly string[]): string[] {
  const keys = new Set<string>();
  const full = keyOf(words);
  keys.add(full);
  const parts = full.split(' ');
  if (isFamilyNameFirst(words)) {
    keys.add(nameKey(words[0]!));
  } else {
    for (let s = 1; s < parts.length; s++) {
      const tail = parts.slice(s);
      if (tail.length === 1 && NAME_PARTICLES.has(tail[0]!)) continue;
      if (NAME_PARTICLES.has(parts[s - 1]!) && s > 1) continue; // "Salman" alone is fine, "bin Salman" too
      keys.add(tail.join(' '));
    }
    // "al-Assad" → "Assad"
    const lastWord = parts[parts.length - 1]!;
    if (parts.length >= 2 && (parts[parts.length - 2] === 'al' || parts[parts.length - 2] === 'el')) keys.add(lastWord);
    // Particle-led tails: "bin Salman", "von der Leyen".
    for (let s = 1; s < parts.length - 1; s++) if (NAME_PARTICLES.has(parts[s]!)) keys.add(parts.slice(s).join(' '));
    // Initial of the given name: "J Smith" for "John Smith".
    if (parts.length >= 2) keys.add(`${parts[0]![0]} ${parts.slice(1).join(' ')}`);
    // Given name and surname without the middle names: "Recep Erdogan" for "Recep Tayyip Erdogan".
    if (parts.length >= 3 && !NAME_PARTICLES.has(parts[parts.length - 2]!)) keys.add(`${parts[0]} ${lastWord}`);
    // Written family name first ("Hayashi Yoshimasa").
    if (parts.length === 2) keys.add(`${parts[1]} ${parts[0]}`);
  }
  for (const a of aliases) keys.add(a);
  return [...keys];
}

function buildEntities(
  regs: Registration[],
  runs: NameRun[],
  t: Tokens,
  previous?: DocEntity[],
): DocEntity[] {
  const entities: DocEntity[] = [];
  const byKey = new Map<string, number>();
  const runIndex = indexRuns(runs);
  const order = [...regs].sort((a, b) => b.words.length - a.words.length || b.weight - a.weight || a.first - b.first);
  const keysOf = (e: DocEntity) => variantKeys(e.words, e.aliases);
  const index = (idx: number) => {
    for (const k of keysOf(entities[idx]!)) if (!byKey.has(k)) byKey.set(k, idx);
  };
  for (const r of order) {
    const key = keyOf(r.words);
    let idx = byKey.get(key);
    if (idx === undefined && r.words.length <= 2) {
      // A short cue ("Shadow Europe minister Mr Brady"): the full name elsewhere in the text.
      const full = fullNameFor(r, runIndex);
      if (full) {
        const fullKey = keyOf(full);
        idx = byKey.get(fullKey);
        if (idx === undefined) {
          entities.push(newEntity(full, r, t));
          idx = entities.length - 1;
          index(idx);
        }
      }
    }
    if (idx === undefined) {
      entities.push(newEntity(r.words, r, t));
      index(entities.length - 1);
      continue;
    }
    const e = entities[idx]!;
    if (r.weight > e.weight) {
      e.weight = r.weight;
      e.title = r.title ?? e.title;
    }
    e.title ??= r.title;
    e.country ??= r.country;
    // The spelling with hyphens/apostrophes is the fuller form ("Amir-Abdollahian" over "Amir Abdollahian").
    if (keyOf(r.words) === e.key && decoration(r.words.join(' ')) > decoration(e.name)) {
      e.words = r.words;
      e.name = r.words.join(' ');
    }
    e.firstPos = Math.min(e.firstPos, t.start[r.first]!);
  }
  if (previous) {
    for (const p of previous) {
      if (p.aliases.length === 0) continue;
      const idx = byKey.get(p.key);
      if (idx === undefined) continue;
      const e = entities[idx]!;
      for (const a of p.aliases) if (!e.aliases.includes(a)) e.aliases.push(a);
      index(idx);
    }
  }
  return entities;
}

function decoration(name: string): number {
  let n = 0;
  for (const ch of name) if (ch === '-' || ch === '’' || ch === "'" || ch.normalize('NFKD') !== ch) n++;
  return n;
}

function newEntity(words: string[], r: Registration, t: Tokens): DocEntity {
  const name = words.join(' ');
  return { words, name, key: keyOf(words), title: r.title, country: r.country, weight: r.weight, firstPos: t.start[r.first]!, aliases: [] };
}

/** The full name a short cue refers to: a run of name words ending with the same surname, nearest before the cue, else after. */
interface NameRun {
  first: number;
  last: number;
  words: string[];
}

/** Runs indexed by their last key word and, for family-name-first names, their first: short cues look up only their own. */
function indexRuns(runs: NameRun[]): Map<string, NameRun[]> {
  const index = new Map<string, NameRun[]>();
  const add = (k: string, run: NameRun) => {
    const list = index.get(k);
    if (list) list.push(run);
    else index.set(k, [run]);
  };
  for (const run of runs) {
    const parts = keyOf(run.words).split(' ');
    add(parts[parts.length - 1]!, run);
    if (isFamilyNameFirst(run.words)) add(parts[0]!, run);
  }
  return index;
}

function fullNameFor(r: Registration, runIndex: Map<string, NameRun[]>): string[] | null {
  const key = keyOf(r.words);
  const parts = key.split(' ');
  const candidates = new Set([...(runIndex.get(parts[parts.length - 1]!) ?? []), ...(runIndex.get(parts[0]!) ?? [])]);
  let before: string[] | null = null;
  let after: string[] | null = null;
  for (const run of candidates) {
    if (run.words.length <= r.words.length) continue;
    const runKey = keyOf(run.words);
    if (!runKey.endsWith(' ' + key) && !(isFamilyNameFirst(run.words) && runKey.startsWith(key + ' '))) continue;
    if (run.first <= r.first) before = run.words;
    else if (!after) after = run.words;
  }
  return before ?? after;
}

/** Every mention of a document entity, left to right, without overlaps. */
function matchMentions(t: Tokens, entities: DocEntity[]): Found[] {
  const byKey = new Map<string, number[]>();
  const fullKeys = new Set<string>();
  let maxWords = 1;
  entities.forEach((e, idx) => {
    fullKeys.add(e.key);
    for (const k of variantKeys(e.words, e.aliases)) {
      const list = byKey.get(k);
      if (list) {
        if (!list.includes(idx)) list.push(idx);
      } else byKey.set(k, [idx]);
      const n = k.split(' ').length;
      if (n > maxWords) maxWords = n;
    }
  });
  // First words of every name form: most tokens are rejected by one lookup.
  const firstParts = new Set<string>();
  for (const k of byKey.keys()) firstParts.add(k.split(' ')[0]!);
  const lastSeen = new Map<number, number>();
  const found: Found[] = [];
  for (let i = 0; i < t.count; i++) {
    const f = t.flags[i]!;
    if (!(f & F_WORD) || f & F_ABBR) continue;
    if (!(f & F_CAP)) {
      // Lower case opens a name form only as a particle ("bin Salman") or a prefixed name ("al-Assad").
      const len = t.end[i]! - t.start[i]!;
      if (len <= 5 ? !isParticle(t, i) && !isNameShaped(t, i) : !isNameShaped(t, i)) continue;
    }
    const firstKey = nameKey(wordAt(t, i));
    const space = firstKey.indexOf(' ');
    if (!firstParts.has(space < 0 ? firstKey : firstKey.slice(0, space))) continue;
    let bestLast = -1;
    let bestKey = '';
    let key = '';
    for (let j = i, n = 0; j < t.count && n < maxWords + 2; j++, n++) {
      if (j > i && !continues(t, j)) break;
      if (!(t.flags[j]! & F_WORD)) break;
      key = j === i ? firstKey : `${key} ${nameKey(wordAt(t, j))}`;
      if (byKey.has(key)) {
        bestLast = j;
        bestKey = key;
      }
      if (t.flags[j]! & F_POSS) break;
    }
    if (bestLast < 0) continue;
    const candidates = byKey.get(bestKey)!;
    const isFull = fullKeys.has(bestKey) || bestLast > i;
    if (!isFull || bestLast === i) {
      // A bare surname: not when glued to another capitalised word ("Leonard Cohen" for "Gilad Cohen"),
      // nor a calendar or function word at a sentence start without a title ("May said").
      if (i > 0 && continues(t, i) && isNameLike(t, i - 1, true) && !isCueWord(t, i - 1)) continue;
      if (bestLast + 1 < t.count && continues(t, bestLast + 1) && isNameLike(t, bestLast + 1, true) && !isCueWord(t, bestLast + 1) && !fullKeys.has(bestKey)) continue;
      const lower = lowerAt(t, i);
      if ((CALENDAR_WORDS.has(lower) || STOP_CAPS.has(lower)) && !(i > 0 && continues(t, i) && isCueWord(t, i - 1))) continue;
      if (!(f & F_CAP)) continue;
    }
    let entity = candidates[0]!;
    if (candidates.length > 1) {
      // The same surname for two people: the one mentioned most recently.
      let bestPos = -1;
      for (const c of candidates) {
        const seen = lastSeen.get(c) ?? -1;
        if (seen > bestPos) {
          bestPos = seen;
          entity = c;
        }
      }
    }
    found.push({ first: i, last: bestLast, entity });
    lastSeen.set(entity, i);
    i = bestLast;
  }
  return found;
}

/** Titles, honorifics, qualifiers and countries: words that may stand right before a name. */
function isCueWord(t: Tokens, i: number): boolean {
  const lower = lowerAt(t, i);
  return HEADS.has(lower) || HONORIFICS.has(lower) || isQualifierWord(lower) || DESCRIPTIVE_QUALIFIERS.has(lower) || lookupCountry(wordAt(t, i)) !== null || headStrengthAt(t, i) !== null || STOP_CAPS.has(lower);
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

function resolveDeferred(t: Tokens, deferred: Deferred[], found: Found[], entities: DocEntity[]): Registration[] {
  const out: Registration[] = [];
  // Deferred cues come in text order: one pointer walks the mentions.
  let mi = 0;
  for (const d of deferred) {
    const s = sentenceStartBefore(t, d.head);
    while (mi < found.length && found[mi]!.first < d.head) mi++;
    let ref: DocEntity | null = null;
    for (let k = mi - 1; k >= 0 && found[k]!.first >= s; k--) {
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
      out.push({ first: d.first, last: d.last, words: d.words, title: refTitle, country: d.country, weight: 1 });
    } else {
      if (!ref) continue;
      out.push({ first: d.first, last: d.last, words: d.words, title: refTitle ? `former ${refTitle}` : null, country: ref.country, weight: 1 });
    }
  }
  return out;
}

/** "Mahmoud Abbas, also known as Abu Mazen": the second name is a mention of the same person. */
function findAliases(t: Tokens, found: Found[], entities: DocEntity[]): number {
  let added = 0;
  for (const m of found) {
    let k = m.last + 1;
    if (!isComma(t, k)) continue;
    k++;
    const w1 = k < t.count ? lowerAt(t, k) : '';
    if (w1 === 'also' || w1 === 'better') k++;
    if (k + 1 >= t.count || lowerAt(t, k) !== 'known' || lowerAt(t, k + 1) !== 'as') continue;
    const run = parseNameRun(t, k + 2, true);
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
