// Realistic rewrites of articles with every character tracked by identity, the tags a reader would make on
// them, and the measure of re-anchoring after the rewrite: how many tags land on their correct text, how
// many are detached, how many land on wrong text. Shared by test/unit/reanchorRewrites.test.ts and
// bench/reanchor.mjs (bundled with esbuild), so the benchmark's reanchorRate is the figure the test checks.
// The generator is the one of test/unit/reanchor.test.ts, taken out so a benchmark can use it.
// Pure (no node imports): the caller passes the articles in.
import { analyzeDocument } from '../../src/analysis/analyze';
import { reanchorTags } from '../../src/annotations/reanchor';
import { createTag } from '../../src/annotations/tagFile';
import type { Tag } from '../../src/annotations/tags';
import { rng, type Rng } from './rng';

const NOW = '2026-11-22T10:00:00.000Z';

export interface Article {
  path: string;
  text: string;
}

export function tagAt(text: string, start: number, end: number, id = 't'): Tag {
  return createTag({ kind: 'stance', id, path: 'a.txt', stance: 'concerned', holder: null, target: null, now: NOW }, text, start, end);
}

export interface Doc {
  units: string[];
  ids: number[];
}
export const text = (d: Doc) => d.units.join('');
let freshId = 10_000_000;

export function splice(d: Doc, at: number, remove: number, insert: string | Doc): Doc {
  const ins: Doc = typeof insert === 'string' ? { units: insert.split(''), ids: insert.split('').map(() => freshId++) } : insert;
  return {
    units: [...d.units.slice(0, at), ...ins.units, ...d.units.slice(at + remove)],
    ids: [...d.ids.slice(0, at), ...ins.ids, ...d.ids.slice(at + remove)],
  };
}

/**
 * Rewrites units one by one: null keeps the unit (and its identity), a string replaces it by new characters,
 * a pair [new, same] puts a new character before the unit, which keeps its identity.
 */
export function mapUnits(d: Doc, f: (unit: string, index: number) => string | [string, string] | null): Doc {
  const units: string[] = [];
  const ids: number[] = [];
  d.units.forEach((u, i) => {
    const r = f(u, i);
    if (r === null) {
      units.push(u);
      ids.push(d.ids[i]!);
    } else if (typeof r === 'string') {
      for (const c of r.split('')) {
        units.push(c);
        ids.push(freshId++);
      }
    } else {
      units.push(r[0], u);
      ids.push(freshId++, d.ids[i]!);
    }
  });
  return { units, ids };
}

/** Small deterministic PRNG so a failure can be replayed. */
export { rng, type Rng };

/** Paragraphs as [start, end) of their text, separators excluded. */
export function paragraphs(d: Doc): Array<[number, number]> {
  const t = text(d);
  const out: Array<[number, number]> = [];
  const re = /(?:\r?\n){2,}/g;
  let last = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    if (m.index > last) out.push([last, m.index]);
    last = m.index + m[0].length;
  }
  if (last < t.length) out.push([last, t.length]);
  return out;
}

const WORD = /\p{L}{4,}/gu;

export type Rewrite = (d: Doc, r: Rng, tagged: ReadonlySet<number>, otherText: string) => Doc;

export const rewrites: Record<string, Rewrite> = {
  insertParagraph(d, r, _t, other) {
    const paras = paragraphs({ units: other.split(''), ids: [] });
    const [ps, pe] = r.pick(paras);
    const at = r.pick(paragraphs(d))[0];
    return splice(d, at, 0, other.slice(ps, pe) + '\n\n');
  },
  removeParagraph(d, r) {
    const paras = paragraphs(d);
    if (paras.length < 2) return d;
    const i = r.int(paras.length);
    const [ps] = paras[i]!;
    const next = paras[i + 1];
    return splice(d, ps, (next ? next[0] : d.units.length) - ps, '');
  },
  moveParagraph(d, r) {
    const paras = paragraphs(d);
    if (paras.length < 3) return d;
    const i = r.int(paras.length - 1);
    const [ps] = paras[i]!;
    const pe = paras[i + 1]![0];
    const moved: Doc = { units: d.units.slice(ps, pe), ids: d.ids.slice(ps, pe) };
    const without = splice(d, ps, pe - ps, '');
    const target = r.pick(paragraphs(without))[0];
    return splice(without, target, 0, moved);
  },
  fixTypos(d, r, tagged) {
    // Changes one letter in 1-4 words (insert, delete, replace or swap), half of them inside tags.
    let out = d;
    for (let k = 1 + r.int(4); k > 0; k--) {
      const t = text(out);
      const words = [...t.matchAll(WORD)].map((m) => [m.index!, m.index! + m[0].length] as const);
      const inTags = words.filter(([s]) => tagged.has(out.ids[s]!));
      const [ws, we] = r.pick(inTags.length > 0 && r.next() < 0.5 ? inTags : words);
      const at = ws + 1 + r.int(we - ws - 2);
      const kind = r.int(4);
      if (kind === 0) out = splice(out, at, 0, 'e');
      else if (kind === 1) out = splice(out, at, 1, '');
      else if (kind === 2) out = splice(out, at, 1, t[at] === 'a' ? 'o' : 'a');
      else out = splice(out, at, 2, t[at + 1]! + t[at]!);
    }
    return out;
  },
  rewrapLines(d) {
    // Hard-wraps every paragraph at 72 columns (each changed space is a new character).
    const t = text(d);
    let column = 0;
    return mapUnits(d, (u, i) => {
      column = t[i] === '\n' ? 0 : column + 1;
      if (u === ' ' && column > 72) {
        column = 0;
        return '\n';
      }
      return null;
    });
  },
  unwrapLines(d) {
    const t = text(d);
    return mapUnits(d, (u, i) => (u === '\n' && t[i - 1] !== '\n' && t[i + 1] !== '\n' && t[i - 1] !== '\r' && i > 0 && i < t.length - 1 ? ' ' : null));
  },
  toCrlf(d) {
    return mapUnits(d, (u, i) => (u === '\n' && d.units[i - 1] !== '\r' ? ['\r', '\n'] : null));
  },
  toLf(d) {
    return mapUnits(d, (u) => (u === '\r' ? '' : null));
  },
  smartQuotes(d) {
    // Straight quotes become typographic ones, or the reverse, as editors and CMSs do.
    const t = text(d);
    const curly = t.includes('“') || t.includes('’');
    return mapUnits(d, (u, i) => {
      if (curly) return u === '“' || u === '”' ? '"' : u === '’' || u === '‘' ? "'" : null;
      if (u === '"') return /\s/.test(t[i - 1] ?? ' ') ? '“' : '”';
      return u === "'" ? '’' : null;
    });
  },
  splitParagraph(d, r) {
    const t = text(d);
    const stops = [...t.matchAll(/[.!?]” |[.!?] (?=[A-Z])/g)].map((m) => m.index! + m[0].length - 1);
    if (stops.length === 0) return d;
    return splice(d, r.pick(stops), 1, '\n\n');
  },
  joinParagraphs(d, r) {
    const t = text(d);
    const breaks = [...t.matchAll(/\n\n(?=\S)/g)].map((m) => m.index!);
    if (breaks.length === 0) return d;
    return splice(d, r.pick(breaks), 2, ' ');
  },
  rewordInsideTag(d, r, tagged) {
    // An editor changes a word inside a long tagged passage ("said" -> "stated").
    const t = text(d);
    const words = [...t.matchAll(WORD)]
      .map((m) => [m.index!, m.index! + m[0].length] as const)
      .filter(([s, e]) => tagged.has(d.ids[s - 2]!) && tagged.has(d.ids[e + 2]!));
    if (words.length === 0) return d;
    const [s, e] = r.pick(words);
    return splice(d, s, e - s, r.pick(['stated', 'reportedly', 'officials', 'US']));
  },
  addBom(d) {
    return d.units[0] === '\uFEFF' ? d : splice(d, 0, 0, '\uFEFF');
  },
  rewordOutsideTags(d, r, tagged) {
    // An editor rewrites a phrase somewhere no tag is.
    for (let attempt = 0; attempt < 20; attempt++) {
      const at = r.int(d.units.length);
      const len = 3 + r.int(40);
      if (at + len > d.units.length) continue;
      if (d.ids.slice(Math.max(0, at - 1), at + len + 1).some((id) => tagged.has(id))) continue;
      return splice(d, at, len, r.pick(['officials said', 'the ministry', 'on Tuesday', 'reportedly ', '']));
    }
    return d;
  },
};

/** Tags a reader would make on an article: quotes and claims the engine finds, officials' names, phrases, words. */
const analyses = new Map<string, ReturnType<typeof analyzeDocument>>();
export function tagsFor(textOf: string, r: Rng): Tag[] {
  let analysis = analyses.get(textOf);
  if (!analysis) analyses.set(textOf, (analysis = analyzeDocument(textOf)));
  const spans: Array<[number, number]> = [
    ...analysis.quotes.map((q) => [q.start, q.end] as [number, number]),
    ...analysis.claims.map((c) => [c.start, c.end] as [number, number]),
    ...analysis.officials.map((o) => [o.start, o.end] as [number, number]),
  ];
  const words = [...textOf.matchAll(/\p{L}[\p{L}’'-]{3,}/gu)];
  for (let k = 0; k < 12; k++) {
    const w = r.pick(words);
    spans.push([w.index!, w.index! + w[0].length]);
  }
  for (const [ps, pe] of paragraphs({ units: textOf.split(''), ids: [] })) {
    if (pe - ps < 40) continue;
    const s = ps + r.int(pe - ps - 20);
    const e = Math.min(pe, s + 15 + r.int(150));
    // Phrases start and end at word edges, as selections do.
    const ws = textOf.lastIndexOf(' ', s) + 1;
    const we = textOf.indexOf(' ', e);
    const end = we < 0 || we > pe ? pe : we;
    if (end > Math.max(ws, ps)) spans.push([Math.max(ws, ps), end]);
  }
  const seen = new Set<string>();
  return spans
    .filter(([s, e]) => e > s && !textOf.slice(s, e).includes('\n\n') && !seen.has(`${s}:${e}`) && seen.add(`${s}:${e}`))
    .map(([s, e], i) => tagAt(textOf, s, e, `t${i}`));
}

export interface Outcome {
  trials: number;
  total: number;
  /** Tags on their correct text (boundaries within two characters), or detached when all their text went. */
  correct: number;
  exactBoundaries: number;
  /** Tags missing from the result (must be 0). */
  lost: number;
  /** Misses that are detached: the tag waits for its text, nothing is wrong on screen. */
  detachedMisses: number;
  /** Misses attached to other text (or to text whose tag was deleted): the harmful kind. */
  wrongAttached: number;
  /** Of the wrong attachments, those on another copy of the same words (the article repeats a passage). */
  onCopy: number;
  /** Tags whose text was wholly deleted by the rewrite. */
  deleted: number;
  failures: string[];
}

export interface RewriteRun {
  articles: readonly Article[];
  trials: number;
  seed: number;
  /** Only this kind of rewrite, once or twice per trial. */
  only?: string;
  /** Every kind of rewrite once per trial, in random order (a heavy rewrite). */
  all?: boolean;
  /** Start from the articles with CRLF line ends (tags made on a Windows file), so toLf has work to do. */
  crlf?: boolean;
}

/** Rewrites the articles `trials` times, re-anchors their tags, and scores each tag against the identities. */
export function runRewrites(run: RewriteRun): Outcome {
  const { trials, seed: seedNumber, only, all } = run;
  const articles = run.crlf ? run.articles.map((a) => ({ path: a.path, text: a.text.replace(/\r?\n/g, '\r\n') })) : run.articles;
  const out: Outcome = { trials, total: 0, correct: 0, exactBoundaries: 0, lost: 0, detachedMisses: 0, wrongAttached: 0, onCopy: 0, deleted: 0, failures: [] };
  const names = Object.keys(rewrites);
  for (let trial = 0; trial < trials; trial++) {
    const r = rng(seedNumber + trial);
    const seed = articles[trial % articles.length]!;
    const other = articles[(trial + 1) % articles.length]!.text;
    const original: Doc = { units: seed.text.split(''), ids: seed.text.split('').map((_c, i) => i) };
    const tags = tagsFor(seed.text, r);
    const tagged = new Set(tags.flatMap((t) => original.ids.slice(t.anchor.start, t.anchor.end)));
    let doc = original;
    const plan: string[] = [];
    if (all) {
      const pool = [...names];
      while (pool.length) plan.push(pool.splice(r.int(pool.length), 1)[0]!);
    } else {
      for (let k = only ? 1 + r.int(2) : 1 + r.int(4); k > 0; k--) plan.push(only ?? r.pick(names));
    }
    for (const name of plan) doc = rewrites[name]!(doc, r, tagged, other);
    const applied = all ? ['all'] : plan;
    const newText = text(doc);
    const position = new Map(doc.ids.map((id, i) => [id, i]));
    const results = reanchorTags(tags, newText);
    out.lost += tags.length - new Set(results.map((x) => x.tag.id)).size;
    tags.forEach((tag, k) => {
      out.total++;
      const result = results[k]!;
      let es = Infinity;
      let ee = -Infinity;
      for (let i = tag.anchor.start; i < tag.anchor.end; i++) {
        const p = position.get(i);
        if (p === undefined) continue;
        es = Math.min(es, p);
        ee = Math.max(ee, p + 1);
      }
      const got = result.tag;
      const gone = es === Infinity;
      let ok: boolean;
      let exactly: boolean;
      if (gone) {
        out.deleted++;
        ok = exactly = got.detached;
        if (!ok && out.failures.length < 15) {
          out.failures.push(`${seed.path} [${applied.join(', ')}] ${JSON.stringify(tag.anchor.exact.slice(0, 60))} was deleted but ${result.how} to ${JSON.stringify(newText.slice(got.anchor.start, got.anchor.end).slice(0, 60))}`);
        }
      } else {
        const ds = Math.abs(got.anchor.start - es);
        const de = Math.abs(got.anchor.end - ee);
        exactly = !got.detached && ds === 0 && de === 0;
        // A fixed typo at a tag's very edge may or may not belong to it: allow two characters.
        ok = !got.detached && ds <= 2 && de <= 2;
        if (!ok && out.failures.length < 15) {
          out.failures.push(
            `${seed.path} [${applied.join(', ')}] ${JSON.stringify(tag.anchor.exact.slice(0, 60))} expected ${JSON.stringify(newText.slice(es, ee).slice(0, 60))} got ${result.how} ${JSON.stringify(got.detached ? '' : newText.slice(got.anchor.start, got.anchor.end).slice(0, 60))}`,
          );
        }
      }
      if (!ok) {
        if (got.detached) out.detachedMisses++;
        else {
          out.wrongAttached++;
          if (seed.text.indexOf(tag.anchor.exact) !== seed.text.lastIndexOf(tag.anchor.exact)) out.onCopy++;
        }
      }
      if (ok) out.correct++;
      if (exactly) out.exactBoundaries++;
    });
  }
  return out;
}

/** The figures a benchmark or a test prints. */
export function summarize(o: Outcome): { reanchorRate: number; exactBoundaryRate: number; tags: number; lost: number; detachedMisses: number; wrongAttached: number; onCopy: number; deleted: number } {
  const rate = (n: number) => (o.total ? Math.round((1e4 * n) / o.total) / 1e4 : 1);
  return {
    reanchorRate: rate(o.correct),
    exactBoundaryRate: rate(o.exactBoundaries),
    tags: o.total,
    lost: o.lost,
    detachedMisses: o.detachedMisses,
    wrongAttached: o.wrongAttached,
    onCopy: o.onCopy,
    deleted: o.deleted,
  };
}
