import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateWorkspace, readSeedTexts, writeWorkspace } from '../../bench/workspace.mjs';
import { analyzeCorpus, analyzeDocument } from '../../src/analysis/analyze';

const seedTexts = readSeedTexts();
const ARTICLES = 1000;
const workspace = generateWorkspace({ articles: ARTICLES, seed: 11, seedTexts });
const texts = workspace.files.map((f) => f.text);
const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

// One detector per outlet layout the generator claims to write (and the seeds' own, through their variants).
const LAYOUTS: Record<string, RegExp> = {
  wireDateline: /^\p{Lu}[\p{Lu} ]+, \d{1,2} [A-Z][a-z]+ \d{4} ?\([A-Z]{2,4}\): /mu,
  publishedLine: /^Published: [A-Z][a-z]+ \d{1,2}, \d{4} at \d\d:\d\d GMT$/m,
  dateHeader: /^ date \d{4}-\d\d-\d\d /,
  monthDayHeading: /^(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}$/m,
  markdownTitle: /^# \S/,
  magazinePage: /^Skip to main content\n/,
};
const layoutOf = (text: string) => Object.keys(LAYOUTS).filter((k) => LAYOUTS[k]!.test(text));

describe('generateWorkspace', () => {
  it('is deterministic: the same seed gives the same files, another seed other files', () => {
    const again = generateWorkspace({ articles: 200, seed: 11, seedTexts });
    const first200 = generateWorkspace({ articles: 200, seed: 11, seedTexts });
    expect(again).toEqual(first200);
    const other = generateWorkspace({ articles: 200, seed: 12, seedTexts });
    const otherTexts = new Set(other.files.map((f) => f.text));
    expect(again.files.filter((f) => otherTexts.has(f.text))).toHaveLength(0);
  });

  it('writes byte-identical folders for the same seed', () => {
    const dirs = [mkdtempSync(join(tmpdir(), 'ws-a-')), mkdtempSync(join(tmpdir(), 'ws-b-'))];
    try {
      const [a, b] = dirs.map((out) => writeWorkspace({ out, articles: 120, seed: 5 }));
      expect(a!.sha256).toBe(b!.sha256);
      const list = (dir: string): string[] =>
        readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => statSync(join(dir, p)).isFile()).sort();
      const files = list(dirs[0]!);
      expect(files).toEqual(list(dirs[1]!));
      expect(files).toHaveLength(121); // the articles and the long read
      for (const f of files) expect(readFileSync(join(dirs[1]!, f)).equals(readFileSync(join(dirs[0]!, f)))).toBe(true);
      // A few subfolders, by outlet and year.
      expect(new Set(files.map((f) => relative('.', f).split(/[\\/]/)[0])).size).toBeGreaterThanOrEqual(6);
    } finally {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    }
  });

  it('has the size of a 40 MB workspace at 10,000 articles, and a 1 MB long read', () => {
    expect(workspace.files).toHaveLength(ARTICLES);
    const bytes = texts.reduce((sum, t) => sum + utf8(t), 0);
    // 10,000 articles of this mix: 36 to 44 MB.
    expect(bytes * (10_000 / ARTICLES)).toBeGreaterThan(36e6);
    expect(bytes * (10_000 / ARTICLES)).toBeLessThan(44e6);
    const sizes = texts.map(utf8).sort((x, y) => x - y);
    // Some short briefs and some long analyses, not one length.
    expect(sizes[Math.floor(sizes.length * 0.05)]!).toBeLessThan(1800);
    expect(sizes[Math.floor(sizes.length * 0.97)]!).toBeGreaterThan(8000);
    const long = workspace.longArticle;
    expect(utf8(long.text)).toBeGreaterThanOrEqual(1 << 20);
    expect(utf8(long.text)).toBeLessThan(1.1 * (1 << 20));
    expect(long.text.split('\n\n').length).toBeGreaterThan(1000);
  });

  it('never repeats a text, and varies paragraphs, names and places', () => {
    expect(new Set(texts).size).toBe(texts.length);
    const paragraphs = texts.flatMap((t) => t.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 80));
    expect(new Set(paragraphs).size / paragraphs.length).toBeGreaterThan(0.6);
    // Wire datelines name many capitals.
    const capitals = new Set(texts.map((t) => /^(\p{Lu}[\p{Lu} ]+), \d{1,2} /mu.exec(t)?.[1]).filter(Boolean));
    expect(capitals.size).toBeGreaterThan(40);
    // Officials with names from many traditions: diacritics, particles, hyphens, surname-first forms.
    const all = texts.join('\n');
    for (const re of [/\b(?:de la|van der|dos|Al-)\s?\p{Lu}/u, /\p{Lu}\p{Ll}+-\p{Ll}+\b/u, /[ıİşŞçğ]/u, /[éèüöåø]/u]) expect(all).toMatch(re);
  });

  it('lays articles out as several outlets do, each layout common', () => {
    const counts: Record<string, number> = {};
    for (const t of texts) for (const k of layoutOf(t)) counts[k] = (counts[k] ?? 0) + 1;
    for (const k of Object.keys(LAYOUTS)) expect(counts[k] ?? 0, k).toBeGreaterThan(ARTICLES * 0.04);
    // Bylines and boilerplate lines around the story.
    expect(texts.filter((t) => /^\*?By \p{Lu}/mu.test(t)).length).toBeGreaterThan(ARTICLES * 0.1);
    expect(texts.filter((t) => /All rights reserved|Back to Index|via Getty Images/.test(t)).length).toBeGreaterThan(ARTICLES * 0.2);
  });

  it('gives the engine dates, officials and events, and the same event from several outlets', () => {
    const sample = workspace.files.filter((_, i) => i % 25 === 0);
    const analyses = sample.map((f) => analyzeDocument(f.text));
    const share = (pred: (a: ReturnType<typeof analyzeDocument>) => boolean) => analyses.filter(pred).length / analyses.length;
    expect(share((a) => a.dates.length > 0)).toBeGreaterThan(0.9);
    expect(share((a) => a.officials.length > 0)).toBeGreaterThan(0.8);
    expect(share((a) => a.events.length > 0)).toBeGreaterThan(0.5);
    expect(share((a) => a.quotes.length > 0)).toBeGreaterThan(0.5);
    // The outlets that put the date in a header line (dateline, Published, date, heading) give the article's date.
    const headed = workspace.files.filter((f, i) => i % 5 === 0 && /^(?:wire|daily-herald|asia-desk|press-releases)\//.test(f.path));
    expect(headed.length).toBeGreaterThan(40);
    expect(headed.filter((f) => analyzeDocument(f.text).documentDate !== null).length / headed.length).toBeGreaterThan(0.9);
    // Consecutive story articles report the same event: linked, some events have sources in several files.
    const stories = workspace.files.slice(0, 120);
    const corpus = analyzeCorpus(stories.map((f) => ({ path: f.path, text: f.text })));
    const multi = corpus.events.filter((e) => new Set(e.sources.map((s) => s.path)).size >= 2);
    expect(multi.length).toBeGreaterThan(5);
  });
});
