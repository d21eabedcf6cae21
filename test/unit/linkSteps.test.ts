// Linking in steps (linkAnalysesStepwise gives what linkAnalyses gives, yielding between bounded pieces
// of work) and linking one article onto an existing corpus linking (linkOneAnalysis).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.mjs';
import { analyzeDocument, linkAnalyses, linkAnalysesStepwise } from '../../src/analysis/analyze';
import { ENTITY_LINK_STEP, linkEntities, linkEntitiesStepwise, linkOneAnalysis } from '../../src/analysis/entities';
import { EVENT_MERGE_STEP, mergeEvents, mergeEventsStepwise } from '../../src/analysis/eventMerge';
import { runStepsInSlices, sortStepwise } from '../../src/analysis/steps';
import type { EventMention, OfficialMention } from '../../src/analysis/types';
import { loadSeeds, repoRoot } from '../helpers/seeds';

type Texts = Array<{ path: string; text: string }>;
const analyse = (texts: Texts) => texts.map(({ path, text }) => ({ path, analysis: analyzeDocument(text) }));

/** Drives a generator to its end, counting its yields. */
function drive<T>(steps: Generator<void, T, void>): { result: T; yields: number } {
  let yields = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { result: next.value, yields };
    yields++;
  }
}

const bbcDir = join(repoRoot, '..', 'shared', 'eval', 'bbc');
const bbc = (): Texts =>
  readdirSync(bbcDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ path: `bbc/${f}`, text: readFileSync(join(bbcDir, f), 'utf8') }));
const generated = (): Texts => generateCorpus({ seedTexts: loadSeeds().map((s) => s.text), targetBytes: 400 * 1024, seed: 'link-steps' });

describe('linkAnalysesStepwise', () => {
  const corpora: Array<[string, () => Texts]> = [
    ['the seeds', loadSeeds],
    ['a generated corpus of 400 KB', generated],
  ];
  if (existsSync(bbcDir)) corpora.push(['the BBC stories', bbc]);

  for (const [name, texts] of corpora) {
    it(`gives what linkAnalyses gives on ${name}`, () => {
      const once = linkAnalyses(analyse(texts()));
      const { result } = drive(linkAnalysesStepwise(analyse(texts())));
      expect(result).toEqual(once);
      expect(result.entities.length).toBeGreaterThan(0);
    });
  }

  it('yields every few thousand mentions or events on a corpus of thousands of articles, linking them all', () => {
    // The generated articles eight times over (as if from eight folders): about 9,000 official mentions.
    const once = analyse(generated());
    const analysed = Array.from({ length: 8 }, (_, copy) => structuredClone(once).map((d) => ({ ...d, path: `${copy}/${d.path}` }))).flat();
    const mentions = analysed.reduce((n, d) => n + d.analysis.officials.length, 0);
    const events = analysed.reduce((n, d) => n + d.analysis.events.length, 0);
    const { result, yields } = drive(linkAnalysesStepwise(analysed));
    expect(yields).toBeGreaterThanOrEqual(Math.floor(mentions / ENTITY_LINK_STEP) + Math.floor(events / EVENT_MERGE_STEP));
    expect(yields).toBeGreaterThan(3);
    // The same people in every copy: one entity each, named in every copy.
    expect(Math.max(...result.entities.map((e) => e.mentions))).toBeGreaterThanOrEqual(8);
    expect(result.events.some((e) => new Set(e.sources.map((s) => s.path)).size >= 8)).toBe(true);
  });
});

const mention = (name: string, title: string | null, country: string | null): OfficialMention => ({
  start: 0,
  end: name.length,
  text: name,
  name,
  title,
  country,
  entityId: `official:${name.toLowerCase().replaceAll(' ', '-')}`,
});

describe('bounded steps', () => {
  it('linkEntitiesStepwise yields after at most ENTITY_LINK_STEP mentions', () => {
    // 200 documents of 250 mentions each: 50,000 mentions.
    const perDocument = Array.from({ length: 200 }, (_, d) =>
      Array.from({ length: 250 }, (_, i) => mention(`Person${(d * 7 + i) % 900} Family${i % 13}`, i % 2 ? 'Minister' : null, 'Chile')),
    );
    const { result, yields } = drive(linkEntitiesStepwise(perDocument));
    expect(yields).toBeGreaterThanOrEqual(Math.floor(50_000 / ENTITY_LINK_STEP));
    expect(result.entities).toEqual(linkEntities(perDocument).entities);
  });

  it('mergeEventsStepwise yields after at most EVENT_MERGE_STEP events and merges as mergeEvents does', () => {
    const event = (a: number, b: number, day: number): EventMention => ({
      type: 'meeting',
      date: `2024-05-${String(1 + (day % 28)).padStart(2, '0')}`,
      location: null,
      participants: [`P${a}`, `P${b}`],
      participantEntityIds: [`p${a}`, `p${b}`],
      scheduled: false,
      sources: [{ start: 0, end: 3, text: 'met' }],
    });
    const documents = Array.from({ length: 500 }, (_, d) => ({
      path: `doc${d}`,
      events: Array.from({ length: 10 }, (_, i) => event((d + i) % 40, (d * 3 + i) % 41, d + i)),
    }));
    const { result, yields } = drive(mergeEventsStepwise(documents));
    expect(yields).toBeGreaterThanOrEqual(Math.floor(5_000 / EVENT_MERGE_STEP));
    expect(result).toEqual(mergeEvents(documents));
    // Reports of one meeting in several documents merged.
    expect(result.length).toBeLessThan(5_000);
  });

  it('sortStepwise orders as a stable sort, equal items kept in their order', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const items = Array.from({ length: 10_000 }, (_, i) => ({ key: Math.floor(random() * 50), i }));
    const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
    const expected = [...items].sort(byKey);
    const { result, yields } = drive(sortStepwise([...items], byKey, 256));
    expect(result).toEqual(expected);
    expect(yields).toBeGreaterThan(10_000 / 256);
    expect(drive(sortStepwise([3, 1, 2], (a, b) => a - b, 256)).result).toEqual([1, 2, 3]);
  });
});

describe('linkOneAnalysis', () => {
  const lagos = 'ABUJA, 3 March 2025 — Nigeria’s Foreign Minister Ngozi Okafor met Ghana’s Foreign Minister Kwame Mensah in Abuja on Monday. "We share one coast," Okafor told reporters.';
  const nairobi = 'NAIROBI, 4 March 2025 — Kenya’s President Wanjiru Kamau received Japanese Prime Minister Kenji Morimoto at State House. Kamau said the visit was historic.';

  it('links a surname-only article to the corpus person it is the short form of, as a full linking does', () => {
    const corpus = linkAnalyses(analyse([{ path: 'a', text: lagos }, { path: 'b', text: nairobi }]));
    const text = 'LAGOS (Reuters) - Foreign Minister Okafor said on Tuesday that talks with Ghana would continue. Okafor spoke after a cabinet meeting.';
    const edited = analyzeDocument(text);
    expect(edited.officials[0]!.entityId).toBe('official:okafor');
    expect(linkOneAnalysis(edited, corpus)).toEqual([]);
    expect(edited.officials.map((o) => [o.name, o.entityId, o.country])).toEqual([
      ['Ngozi Okafor', 'official:ngozi-okafor', 'Nigeria'],
      ['Ngozi Okafor', 'official:ngozi-okafor', 'Nigeria'],
    ]);
    const full = linkAnalyses(analyse([{ path: 'a', text: lagos }, { path: 'b', text: nairobi }, { path: 'c', text }]));
    expect(full.documents[2]!.analysis.officials).toEqual(edited.officials);
    expect(edited.claims.filter((c) => c.speakerEntityId).map((c) => c.speakerEntityId)).toEqual(['official:ngozi-okafor']);
  });

  it('gives people new to the corpus provisional entities, counted in this article', () => {
    const corpus = linkAnalyses(analyse([{ path: 'a', text: lagos }]));
    const edited = analyzeDocument(nairobi);
    const fresh = linkOneAnalysis(edited, corpus);
    expect(fresh).toEqual([
      { id: 'official:wanjiru-kamau', name: 'Wanjiru Kamau', title: 'President', country: 'Kenya', mentions: 2 },
      { id: 'official:kenji-morimoto', name: 'Kenji Morimoto', title: 'Prime Minister', country: 'Japan', mentions: 1 },
    ]);
    expect(edited.officials.map((o) => o.entityId)).toContain('official:wanjiru-kamau');
    // The corpus itself is left as it was.
    expect(corpus.entities.map((e) => e.id)).toEqual(['official:ngozi-okafor', 'official:kwame-mensah']);
  });

  it('links a seed article held out of the corpus as linking all the seeds does', () => {
    const seeds = loadSeeds();
    const full = linkAnalyses(analyse(seeds));
    for (let held = 0; held < seeds.length; held++) {
      const corpus = linkAnalyses(analyse(seeds.filter((_, i) => i !== held)));
      const edited = analyzeDocument(seeds[held]!.text);
      linkOneAnalysis(edited, corpus);
      const expected = full.documents[held]!.analysis.officials.map((o) => o.entityId);
      const got = edited.officials.map((o) => o.entityId);
      // A person named only in the held-out seed keeps the id a full linking gives too (the name's).
      expect(got).toEqual(expected);
    }
  });

  it('does nothing for a corpus linkAnalyses did not make', () => {
    const edited = analyzeDocument(lagos);
    const before = structuredClone(edited);
    expect(linkOneAnalysis(edited, { documents: [], entities: [], events: [] })).toBeNull();
    expect(edited).toEqual(before);
  });
});

describe('runStepsInSlices', () => {
  function* counting(log: string[]): Generator<void, string, void> {
    for (let i = 0; i < 3; i++) {
      log.push(`step ${i}`);
      yield;
    }
    return 'done';
  }

  it('runs the steps to their result, a turn of the event loop between slices', async () => {
    const log: string[] = [];
    const slices: number[] = [];
    // A slice of 0 ms holds one step: the three yields make four slices, with a timer turn between each.
    const running = runStepsInSlices(counting(log), 0, { onSlice: (ms) => slices.push(ms) });
    expect(log).toEqual(['step 0']);
    await expect(running).resolves.toBe('done');
    expect(log).toEqual(['step 0', 'step 1', 'step 2']);
    expect(slices).toHaveLength(4);
    for (const ms of slices) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('ends early, with no result, once stopped says so after a turn', async () => {
    const log: string[] = [];
    await expect(runStepsInSlices(counting(log), 0, { stopped: () => true })).resolves.toBeUndefined();
    expect(log).toEqual(['step 0']);
  });

  it('runs every step in one slice when they fit in it', async () => {
    const log: string[] = [];
    const slices: number[] = [];
    await expect(runStepsInSlices(counting(log), 60_000, { onSlice: (ms) => slices.push(ms) })).resolves.toBe('done');
    expect(slices).toHaveLength(1);
  });
});
