// Finds tags again after their article changed outside the editor (another program, a git checkout, an
// import), when no change events could keep them in place.
//
// Order of trust: the stored position when its text is still there; then every occurrence of the exact
// text; then a fuzzy match (approx-string-match: Myers' bit-parallel edit distance search). Searches run on
// a normalised copy of the article, where every run of white space is one space, a byte order mark is
// nothing and typographic quotes and dashes are plain, so re-wrapped lines, CRLF/LF and smart quotes do not
// count as differences. Several candidates are told apart by how well the text around them matches the
// tag's stored context, then by distance to the old position. A short tag needs its context to agree: a
// lone "Iran" is not re-attached to any other "Iran". A tag not found is detached, never dropped.
import search from 'approx-string-match';
import { anchorAt } from './tagFile';
import type { Tag } from './tags';

export type ReanchorHow = 'unchanged' | 'exact' | 'fuzzy' | 'detached';

export interface ReanchorResult {
  tag: Tag;
  how: ReanchorHow;
}

/** Normalised text at least this long is specific enough to be trusted without its context. */
const SPECIFIC_LENGTH = 25;
/** Context agreement (0..1) a short tag needs; unrelated text scores around 0.35, one intact side 0.65+. */
const MIN_CONTEXT = 0.55;
/** Fuzzy matches may differ from the tag's text by this share of its characters. */
const MAX_ERROR_RATE = 0.25;
/** Beyond this many exact occurrences the text is too common to tell apart cheaply: the first ones are scored. */
const MAX_CANDIDATES = 500;

export function reanchorTags(tags: readonly Tag[], text: string): ReanchorResult[] {
  let normalized: Normalized | undefined;
  return tags.map((tag) => reanchorTag(tag, text, () => (normalized ??= normalize(text, true))));
}

function reanchorTag(tag: Tag, text: string, getNormalized: () => Normalized): ReanchorResult {
  const { start, end, exact } = tag.anchor;
  if (exact === '') return detach(tag);
  const atOldPlace = !tag.detached && end <= text.length && text.slice(start, end) === exact;
  if (atOldPlace && exact.length >= SPECIFIC_LENGTH) return attach(tag, text, start, end, 'unchanged');

  const norm = getNormalized();
  const pattern = normalize(exact, false).text;
  const prefix = normalize(tag.anchor.prefix, false).text;
  const suffix = normalize(tag.anchor.suffix, false).text;
  const specific = pattern.trim().length >= SPECIFIC_LENGTH;
  if (pattern.trim() === '') return atOldPlace ? attach(tag, text, start, end, 'unchanged') : detach(tag);

  const score = (ns: number, ne: number) => contextAgreement(norm.text, ns, ne, prefix, suffix);

  if (atOldPlace) {
    // The text is still where it was, in the same surroundings. With anything less, look at every
    // occurrence: in a list ("Gulf Briefing", "Israel Briefing"...) the neighbour can look much alike.
    const here = norm.fromOriginal(start);
    if (score(here, here + pattern.length) >= 0.95) return attach(tag, text, start, end, 'unchanged');
  }

  // Every occurrence of the (normalised) exact text.
  const candidates: Array<{ ns: number; ne: number; context: number }> = [];
  for (let at = norm.text.indexOf(pattern); at >= 0 && candidates.length < MAX_CANDIDATES; at = norm.text.indexOf(pattern, at + 1)) {
    candidates.push({ ns: at, ne: at + pattern.length, context: score(at, at + pattern.length) });
  }
  const best = pickBest(candidates, norm, start);
  if (best && (specific || best.context >= MIN_CONTEXT)) return attachNormalized(tag, text, norm, best.ns, best.ne, false);
  // Its text is still at its place and nowhere else agrees better: its surroundings were rewritten.
  if (atOldPlace) return attach(tag, text, start, end, 'unchanged');

  // Fuzzy: the lowest-error matches of the tag's text, told apart by context. A short tag is searched
  // together with its context, then looked for inside the passage found: alone it would match anywhere, and
  // the exact copies rejected above would hide its near match (search reports only the lowest error count).
  const maxErrors = Math.floor(pattern.length * MAX_ERROR_RATE);
  if (maxErrors < 1) return detach(tag);
  const fuzzy = specific ? fuzzySearch(norm.text, pattern, maxErrors) : fuzzyWithContext(norm.text, pattern, prefix, suffix, maxErrors);
  for (const c of fuzzy) c.context = score(c.ns, c.ne);
  const found = pickBest(fuzzy, norm, start);
  if (!found) return detach(tag);
  // A long tag with few errors stands on its own; otherwise its context must agree too.
  const trusted = found.context >= MIN_CONTEXT || (specific && found.errors <= pattern.length * 0.1);
  if (!trusted) return detach(tag);
  return attachNormalized(tag, text, norm, found.ns, found.ne, true);
}

interface FuzzyCandidate {
  ns: number;
  ne: number;
  errors: number;
  context: number;
}

function fuzzySearch(text: string, pattern: string, maxErrors: number): FuzzyCandidate[] {
  return search(text, pattern, maxErrors)
    .slice(0, MAX_CANDIDATES)
    .map((m) => ({ ns: m.start, ne: m.end, errors: m.errors, context: 0 }));
}

/** Finds prefix+pattern+suffix with up to 25% errors, then the pattern inside each passage found. */
function fuzzyWithContext(text: string, pattern: string, prefix: string, suffix: string, maxErrors: number): FuzzyCandidate[] {
  const whole = prefix + pattern + suffix;
  const out: FuzzyCandidate[] = [];
  // Inside a passage whose context matched, a short word may differ more (a swapped pair of letters in a
  // seven-letter name is two edits): the context already says where it is.
  const innerErrors = Math.min(pattern.length - 1, Math.max(maxErrors, 2, Math.ceil(pattern.length * 0.34)));
  for (const m of search(text, whole, Math.floor(whole.length * MAX_ERROR_RATE)).slice(0, 50)) {
    const from = Math.max(0, m.start + prefix.length - innerErrors - 2);
    const to = Math.min(text.length, m.end - suffix.length + innerErrors + 2);
    const expected = m.start + prefix.length;
    let best: FuzzyCandidate | undefined;
    for (const inner of search(text.slice(from, to), pattern, innerErrors)) {
      const c = { ns: from + inner.start, ne: from + inner.end, errors: inner.errors, context: 0 };
      if (!best || Math.abs(c.ns - expected) < Math.abs(best.ns - expected)) best = c;
    }
    if (best && !out.some((c) => c.ns === best.ns && c.ne === best.ne)) out.push(best);
  }
  return out;
}

function pickBest<C extends { ns: number; context: number }>(candidates: C[], norm: Normalized, hint: number): C | undefined {
  let best: C | undefined;
  let bestScore = -Infinity;
  for (const c of candidates) {
    // Distance to the old position only breaks near-ties: paragraphs move, the context moves with them.
    const distance = Math.abs(norm.toOriginal(c.ns) - hint);
    const s = c.context + 0.05 / (1 + distance / 500);
    if (s > bestScore) {
      bestScore = s;
      best = c;
    }
  }
  return best;
}

function attach(tag: Tag, text: string, start: number, end: number, how: ReanchorHow): ReanchorResult {
  const anchor = anchorAt(text, start, end);
  const a = tag.anchor;
  const same = !tag.detached && a.start === start && a.end === end && a.prefix === anchor.prefix && a.suffix === anchor.suffix && a.exact === anchor.exact;
  return { tag: same ? tag : { ...tag, detached: false, anchor }, how };
}

function attachNormalized(tag: Tag, text: string, norm: Normalized, ns: number, ne: number, fuzzy: boolean): ReanchorResult {
  const exact = tag.anchor.exact;
  let start = norm.toOriginal(ns);
  let end = ne > ns ? norm.toOriginal(ne - 1) + 1 : start;
  // A normalised space stands for a whole run of white space: a tag that began (ended) with white space
  // keeps as much of it as it had, next to its first (last) visible character.
  const leading = exact.length - exact.trimStart().length;
  if (leading > 0 && norm.text[ns] === ' ' && ne > ns + 1) start = Math.max(start, norm.toOriginal(ns + 1) - leading);
  const trailing = exact.length - exact.trimEnd().length;
  if (trailing > 0 && norm.text[ne - 1] === ' ' && ne > ns + 1) end = Math.min(norm.toOriginal(ne), norm.toOriginal(ne - 2) + 1 + trailing);
  if (text.startsWith(exact, start)) end = start + exact.length;
  if (fuzzy) [start, end] = snapToWords(text, start, end, tag.anchor);
  // A tag never starts or ends inside a surrogate pair.
  if (isLowSurrogate(text.charCodeAt(start))) start--;
  if (isLowSurrogate(text.charCodeAt(end))) end++;
  const verbatim = text.slice(start, end) === exact;
  const how: ReanchorHow = verbatim && !fuzzy ? (start === tag.anchor.start && end === tag.anchor.end && !tag.detached ? 'unchanged' : 'exact') : 'fuzzy';
  return attach(tag, text, start, end, how);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Longest stretch a boundary moves to reach a word edge. */
const MAX_SNAP = 12;

/**
 * A fuzzy match may start or end inside a word that was changed at the tag's edge ("tated" for a tag that
 * began with a replaced "marks"). When the tag began (ended) at a word edge, its boundary goes back to that
 * word's start (on to its end), so the tag holds whole words as its reader selected them.
 */
function snapToWords(text: string, start: number, end: number, stored: { exact: string; prefix: string; suffix: string }): [number, number] {
  const isWord = (i: number) => i >= 0 && i < text.length && WORD_CHAR.test(text[i]!);
  const startsWord = WORD_CHAR.test(stored.exact[0] ?? '') && !WORD_CHAR.test(stored.prefix.slice(-1));
  const endsWord = WORD_CHAR.test(stored.exact.slice(-1)) && !WORD_CHAR.test(stored.suffix[0] ?? '');
  let s = start;
  let e = end;
  if (startsWord && isWord(s - 1) && isWord(s)) {
    let back = s;
    while (back > 0 && isWord(back - 1) && s - back < MAX_SNAP) back--;
    if (!isWord(back - 1)) s = back;
  }
  if (endsWord && isWord(e) && isWord(e - 1)) {
    let on = e;
    while (on < text.length && isWord(on) && on - e < MAX_SNAP) on++;
    if (!isWord(on)) e = on;
  }
  return s < e ? [s, e] : [start, end];
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function detach(tag: Tag): ReanchorResult {
  return { tag: tag.detached ? tag : { ...tag, detached: true }, how: 'detached' };
}

// ---- context agreement ----

/**
 * How well the text around [ns, ne) agrees with the stored context, 0..1, from the prefix's and the suffix's
 * similarity, each an edit distance anchored at the tag's edge (the far end may run out).
 */
function contextAgreement(text: string, ns: number, ne: number, prefix: string, suffix: string): number {
  const before = prefix === '' ? (ns === 0 ? 1 : 0.5) : anchoredSimilarity(prefix, text, ns, -1);
  const after = suffix === '' ? (ne >= text.length ? 1 : 0.5) : anchoredSimilarity(suffix, text, ne, 1);
  // One intact side is strong evidence (the other may be a new paragraph or a rewritten phrase).
  return 0.65 * Math.max(before, after) + 0.35 * Math.min(before, after);
}

/**
 * 1 - (edits to turn `context` into the text next to `edge`) / context length, where the comparison starts
 * at the edge and goes outwards (direction -1: the prefix, read backwards; 1: the suffix).
 */
function anchoredSimilarity(context: string, text: string, edge: number, direction: -1 | 1): number {
  const m = context.length;
  const window = m + 8;
  const n = direction < 0 ? Math.min(edge, window) : Math.min(text.length - edge, window);
  const c = (i: number) => (direction < 0 ? context.charCodeAt(m - 1 - i) : context.charCodeAt(i));
  const t = (j: number) => (direction < 0 ? text.charCodeAt(edge - 1 - j) : text.charCodeAt(edge + j));
  // previous[j]: edits to turn the first i characters of the context into the first j of the text.
  let previous = new Array<number>(n + 1);
  let current = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    const ci = c(i - 1);
    for (let j = 1; j <= n; j++) {
      const substitution = previous[j - 1]! + (ci === t(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  // The context must be used up; the text may go on (it is a window).
  let best = Infinity;
  for (let j = 0; j <= n; j++) best = Math.min(best, previous[j]!);
  return Math.max(0, 1 - best / m);
}

// ---- normalisation ----

interface Normalized {
  text: string;
  /** Original offset of a normalised character (or the original length, one past the end). */
  toOriginal(index: number): number;
  /** Normalised offset of an original offset (the character at or after it). */
  fromOriginal(offset: number): number;
}

const SPACE = /[\s\u00a0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const ZERO_WIDTH = /[\ufeff\u200b\u200c\u200d\u2060]/;
const PLAIN: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
};

/** Collapses white space, drops zero-width characters and plain-s quotes and dashes; one pass, with an offset map. */
function normalize(text: string, withMap: boolean): Normalized {
  const out: string[] = [];
  const map: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const ch = text[i]!;
    // Printable ASCII is most of any article: no regex for it.
    const ascii = code > 0x20 && code < 0x7f;
    if (!ascii && ZERO_WIDTH.test(ch)) continue;
    if (!ascii && SPACE.test(ch)) {
      if (inSpace) continue;
      inSpace = true;
      out.push(' ');
    } else {
      inSpace = false;
      out.push(ascii ? ch : (PLAIN[ch] ?? ch));
    }
    if (withMap) map.push(i);
  }
  const normalizedText = out.join('');
  return {
    text: normalizedText,
    toOriginal: (index) => (index < map.length ? map[index]! : text.length),
    fromOriginal: (offset) => {
      // First normalised character whose original offset is at or after `offset`.
      let lo = 0;
      let hi = map.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (map[mid]! < offset) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}
