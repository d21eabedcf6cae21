// The analysis cache's files: shards holding many analyses and the manifest naming them. A damaged, foreign or
// other engine's file must read as nothing (which only costs analysing again), never as someone else's analysis.
import { describe, expect, it } from 'vitest';
import { analyzeDocument, linkAnalyses } from '../../src/analysis/analyze';
import { runSteps } from '../../src/analysis/steps';
import type { DocumentAnalysis } from '../../src/analysis/types';
import { linkArticlesStepwise } from '../../src/vscode/corpusLink';
import { analysisCacheKey, decodeManifest, decodeManifestSteps, decodeShard, emptyManifest, encodeManifest, encodeManifestSteps, Utf8Buffer, fillTexts, isShardName, keptAnalysis, keptAnalysisJson, parseSummary, ShardBuilder, summarise, summaryJson } from '../../src/vscode/analysisCache';
import { loadSeeds } from '../helpers/seeds';

const seeds = loadSeeds();
const ENGINE = '0.3.0+1700000000000';

describe('analysis cache shards', () => {
  it('hold many analyses written from their JSON, read back equal (sentences not kept)', () => {
    const builder = new ShardBuilder(ENGINE);
    const keys = seeds.map((_s, i) => analysisCacheKey(String(i), null, ENGINE));
    seeds.forEach((s, i) => builder.add(keys[i]!, keptAnalysisJson(analyzeDocument(s.text))));
    expect(builder.size).toBeGreaterThan(1000);
    const entries = decodeShard(builder.text(), ENGINE);
    expect(entries?.size).toBe(seeds.length);
    seeds.forEach((s, i) => {
      const back = entries!.get(keys[i]!)!;
      expect(back.sentences).toEqual([]);
      expect(fillTexts(back, s.text)).toBe(true);
      expect(back).toEqual(keptAnalysis(analyzeDocument(s.text)));
    });
  });

  it('of another engine, damaged or foreign read as nothing', () => {
    const builder = new ShardBuilder(ENGINE);
    builder.add('k', keptAnalysisJson(analyzeDocument(seeds[0]!.text)));
    const text = builder.text();
    expect(decodeShard(text, '0.3.1+1700000000000')).toBeUndefined();
    expect(decodeShard(text.slice(0, text.length / 2), ENGINE)).toBeUndefined();
    expect(decodeShard('{"format":"something else","entries":[]}', ENGINE)).toBeUndefined();
    // An entry without an analysis's shape is left out, the others kept.
    const mixed = text.replace('"entries":[', '"entries":[["bad",{"dates":"no"}],');
    expect([...decodeShard(mixed, ENGINE)!.keys()]).toEqual(['k']);
  });
});

describe('analysis cache manifest', () => {
  it('round-trips shards and article records', () => {
    const m = emptyManifest();
    m.shards.set('shard-lq2x3-0-ab12.json', ['k1', 'k2']);
    m.articles.set('file:///w/a.txt', { size: 4100, mtime: 1700000000123, sha256: 'ab'.repeat(32), override: null, key: 'k1' });
    m.articles.set('file:///w/b%20c.md', { size: 12, mtime: 1, sha256: 'cd'.repeat(32), override: '2024-03-04', key: 'k2' });
    const back = decodeManifest(encodeManifest(m, ENGINE), ENGINE);
    expect(back).toEqual(m);
  });

  it('of another engine, damaged, or with bad records reads as empty or without them', () => {
    const m = emptyManifest();
    m.shards.set('shard-a.json', ['k1']);
    m.articles.set('file:///w/a.txt', { size: 1, mtime: 2, sha256: 's', override: null, key: 'k1' });
    const text = encodeManifest(m, ENGINE);
    expect(decodeManifest(text, 'other').articles.size).toBe(0);
    expect(decodeManifest(text.slice(0, -3), ENGINE).shards.size).toBe(0);
    const tampered = text.replace('"shard-a.json"', '"../../etc/passwd"').replace('[1,2,"s",null,"k1"]', '[1,"2","s",null,"k1"]');
    const back = decodeManifest(tampered, ENGINE);
    expect(back.shards.size).toBe(0);
    expect(back.articles.size).toBe(0);
  });

  it('is encoded in steps, as lines of JSON (a head, then shards and articles), for thousands of articles', () => {
    const m = emptyManifest();
    m.shards.set('shard-lq2x3-0-ab12.json', ['k0', 'k1']);
    // Some very long paths: more bytes than the encoder's first guess, so its buffer grows.
    for (let i = 0; i < 1000; i++) m.articles.set(`file:///w/été/${i % 100 === 0 ? 'ü'.repeat(40_000) : ''}${i}"é🎉\n.txt`, { size: i, mtime: 1700000000000 + i, sha256: 'ab'.repeat(32), override: i % 2 ? '2024-03-04' : null, key: `k${i}` });
    const steps = encodeManifestSteps(m, ENGINE);
    let yields = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) yields++;
    expect(yields).toBeGreaterThanOrEqual(3);
    const text = new TextDecoder().decode(next.value);
    const lines = text.split('\n').map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ engine: ENGINE, layout: 'lines' });
    expect(lines[1]).toEqual({ shards: Object.fromEntries(m.shards) });
    const articles = Object.fromEntries([...m.articles].map(([uri, r]) => [uri, [r.size, r.mtime, r.sha256, r.override, r.key]]));
    expect(Object.assign({}, ...lines.slice(2).map((l) => l.articles))).toEqual(articles);
    expect(lines.length).toBeGreaterThanOrEqual(2 + 3);
    expect(decodeManifest(text, ENGINE)).toEqual(m);
  });

  it('is decoded a line at a time, and a line cut short or damaged leaves it empty', () => {
    const m = emptyManifest();
    m.shards.set('shard-lq2x3-0-ab12.json', ['k0']);
    for (let i = 0; i < 1000; i++) m.articles.set(`file:///w/${i}.txt`, { size: i, mtime: i, sha256: 's', override: null, key: `k${i}` });
    const text = encodeManifest(m, ENGINE);
    const steps = decodeManifestSteps(text, ENGINE);
    let yields = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) yields++;
    expect(yields).toBe(text.split('\n').length - 1);
    expect(next.value).toEqual(m);
    expect(decodeManifest(text.slice(0, -3), ENGINE)).toEqual(emptyManifest());
    const lines = text.split('\n');
    lines[2] = lines[2]!.slice(0, 40);
    expect(decodeManifest(lines.join('\n'), ENGINE)).toEqual(emptyManifest());
  });

  it('reads the one-object manifest of earlier versions', () => {
    const legacy = JSON.stringify({
      format: JSON.parse(encodeManifest(emptyManifest(), ENGINE).split('\n')[0]!).format,
      schema: JSON.parse(encodeManifest(emptyManifest(), ENGINE).split('\n')[0]!).schema,
      engine: ENGINE,
      shards: { 'shard-lq2x3-0-ab12.json': ['k1'] },
      articles: { 'file:///w/a.txt': [4100, 17, 'ab', null, 'k1'], 'file:///w/bad.txt': [1, '2', 's', null, 'k1'] },
    });
    const back = decodeManifest(legacy, ENGINE);
    expect([...back.shards]).toEqual([['shard-lq2x3-0-ab12.json', ['k1']]]);
    expect([...back.articles]).toEqual([['file:///w/a.txt', { size: 4100, mtime: 17, sha256: 'ab', override: null, key: 'k1' }]]);
    expect(decodeManifest(legacy, 'other').articles.size).toBe(0);
  });

  it('gathers UTF-8 in one buffer that grows, and is filled again after clear()', () => {
    const out = new Utf8Buffer(4);
    for (const piece of ['{"a":', '"é🎉"', '}']) out.append(piece);
    expect(new TextDecoder().decode(out.view())).toBe('{"a":"é🎉"}');
    out.clear();
    out.append('x'.repeat(200));
    expect(out.length).toBe(200);
    expect(new TextDecoder().decode(out.view())).toBe('x'.repeat(200));
  });

  it('names only files the store makes', () => {
    expect(isShardName('shard-lq2x3-0-ab12.json')).toBe(true);
    for (const bad of ['../shard-a.json', 'shard-a.json.lq2-xy.tmp', 'manifest.json', 'shard-/x.json', 'shard-A.json']) expect(isShardName(bad), bad).toBe(false);
  });
});

describe('span texts, left out of the cache, made again from the article', () => {
  const text = seeds[2]!.text;
  it('are slices of the article equal to the engine\'s', () => {
    const back = JSON.parse(keptAnalysisJson(analyzeDocument(text)));
    expect(back.officials[0].text).toBeUndefined();
    expect(fillTexts(back, text)).toBe(true);
    expect(back).toEqual(keptAnalysis(analyzeDocument(text)));
  });

  it('refuse an analysis that is not this text\'s', () => {
    expect(fillTexts(JSON.parse(keptAnalysisJson(analyzeDocument(text))), text.slice(0, text.length / 2))).toBe(false);
    // Same length, other words: the event sources, which keep their text, tell.
    const other = JSON.parse(keptAnalysisJson(analyzeDocument(text)));
    expect(other.events.length).toBeGreaterThan(0);
    expect(fillTexts(other, text.replace(/[a-z]/g, 'x'))).toBe(false);
  });
});

describe('article summaries (what the index keeps of a closed article)', () => {
  it('read back from the worker\'s JSON as summarise makes them, and link the corpus as the whole analyses do', () => {
    const analyses = seeds.map((s) => analyzeDocument(s.text));
    const parsed = analyses.map((a) => parseSummary(summaryJson(a)));
    parsed.forEach((p, i) => {
      const direct = summarise(analyses[i]!);
      expect(p).toBeDefined();
      expect(p!.documentDate).toBe(analyses[i]!.documentDate?.value ?? null);
      expect(p!.found).toEqual({ quotes: analyses[i]!.quotes.length, claims: analyses[i]!.claims.length, dates: analyses[i]!.dates.length });
      expect(p!.link.people).toEqual(direct.link.people);
      expect(Array.from(p!.link.mentions)).toEqual(Array.from(direct.link.mentions));
      expect(p!.link.events).toEqual(direct.link.events);
      expect(p!.link.mentions.length).toBe(analyses[i]!.officials.length);
    });
    const fromSummaries = runSteps(linkArticlesStepwise(seeds.map((s, i) => ({ path: s.path, link: parsed[i]!.link }))));
    const expected = linkAnalyses(seeds.map((s, i) => ({ path: s.path, analysis: JSON.parse(JSON.stringify(analyses[i])) as DocumentAnalysis })));
    expect(fromSummaries.entities).toEqual(expected.entities);
    expect(fromSummaries.events).toEqual(expected.events);
    // Smaller than the analysis it stands for (events, with their passages, are most of both).
    expect(summaryJson(analyses[0]!).length).toBeLessThan(keptAnalysisJson(analyses[0]!).length);
  });

  it('are refused when malformed', () => {
    expect(parseSummary('not json')).toBeUndefined();
    expect(parseSummary('{"documentDate":null}')).toBeUndefined();
    expect(parseSummary('{"documentDate":null,"found":{},"people":[],"mentions":[3],"events":[]}')).toBeUndefined();
    expect(parseSummary('{"documentDate":null,"found":{},"people":[],"mentions":[],"events":[{"type":"meeting","participants":"A"}]}')).toBeUndefined();
    expect(parseSummary('{"documentDate":null,"found":{},"people":[],"mentions":[],"events":[null]}')).toBeUndefined();
  });
});
