// Quality floors: the engine is scored with the project's scorer against gold annotations, and a
// drop below a floor (set a little under the scores reached) fails the build, so quality never
// regresses silently. The seeds' gold ships in test/fixtures; the other gold sets are scored when
// the shared evaluation folder is beside the repository (it is in CI).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../src/analysis/analyze';
import { buildExport } from '../../src/annotations/exportFormat';
import { repoRoot } from '../helpers/seeds';

interface CategoryScore {
  f1: number;
  attribute?: number | null;
}
type Scores = Record<string, CategoryScore>;

const fixtures = join(repoRoot, 'test', 'fixtures', 'eval');
const sharedEval = join(repoRoot, '..', 'shared', 'eval');

function exportFolder(folder: string): string {
  const documents = readdirSync(folder)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ path: f, text: readFileSync(join(folder, f), 'utf8') }));
  const corpus = analyzeCorpus(documents);
  const exported = buildExport({ generator: 'quality test', corpus, texts: new Map(documents.map((d) => [d.path, d.text])) });
  const file = join(mkdtempSync(join(tmpdir(), 'na-quality-')), 'export.json');
  writeFileSync(file, JSON.stringify(exported));
  return file;
}

function score(scorer: string, goldDir: string, exportFile: string, only?: string): Scores {
  const args = [scorer, goldDir, exportFile, '--json', ...(only ? ['--only', only] : [])];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })).scores;
}

/** Floors: [F1, attribute accuracy (value, name or speaker)]. */
type Floors = Record<string, [number, number?]>;

function expectAtLeast(scores: Scores, floors: Floors) {
  for (const [category, [f1, attribute]] of Object.entries(floors)) {
    const s = scores[category];
    expect(s, category).toBeDefined();
    expect(s!.f1, `${category} F1`).toBeGreaterThanOrEqual(f1);
    if (attribute !== undefined) expect(s!.attribute ?? 0, `${category} attribute accuracy`).toBeGreaterThanOrEqual(attribute);
  }
}

describe('quality on the seed articles (dev gold)', () => {
  it('stays above the floors', () => {
    const scores = score(join(fixtures, 'score.mjs'), join(fixtures, 'dev'), exportFolder(join(repoRoot, 'seeds')));
    expectAtLeast(scores, {
      dates: [0.95, 0.95],
      officials: [0.95, 0.95],
      quotes: [0.95, 0.95],
      claims: [0.9, 0.9],
      events: [0.9],
    });
  });

  it.runIf(existsSync(join(sharedEval, 'dev')))('uses the same gold and scorer as the shared evaluation folder', () => {
    expect(readFileSync(join(fixtures, 'score.mjs'), 'utf8')).toBe(readFileSync(join(sharedEval, 'score.mjs'), 'utf8'));
    for (const f of readdirSync(join(fixtures, 'dev'))) {
      expect(readFileSync(join(fixtures, 'dev', f), 'utf8'), f).toBe(readFileSync(join(sharedEval, 'dev', f), 'utf8'));
    }
  });
});

describe('quality on the held-out articles (written independently of the engine)', () => {
  it('stays above the floors', () => {
    const folder = join(repoRoot, 'test', 'fixtures', 'heldout');
    const scores = score(join(fixtures, 'score.mjs'), folder, exportFolder(folder));
    expectAtLeast(scores, {
      dates: [0.97, 0.97],
      officials: [0.95, 0.95],
      quotes: [0.97, 0.87],
      claims: [0.95, 0.86],
      events: [0.7],
    });
  });
});

const sharedSets: Array<[string, string | undefined, Floors]> = [
  ['bbc', undefined, { dates: [0.95, 0.95], officials: [0.95, 0.9], quotes: [0.95, 0.95], claims: [0.95, 0.95], events: [0.9] }],
  ['tempeval3', 'dates', { dates: [0.89, 0.97] }],
  ['polnear', 'quotes', { quotes: [0.95, 0.9] }],
];

describe.runIf(existsSync(join(sharedEval, 'score.mjs')))('quality on the shared gold sets', () => {
  it.each(sharedSets)('%s stays above the floors', (name, only, floors) => {
    const folder = join(sharedEval, name);
    expectAtLeast(score(join(sharedEval, 'score.mjs'), folder, exportFolder(folder), only), floors);
  });
});
