// The worker's side of indexing a closed article: the file read, decoded, hashed and analysed as the extension
// host would do it itself (same text, same hash, same analysis), or refused with the host's reasons; and the
// cache shards it writes itself.
import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/analysis/analyze';
import { sha256Hex } from '../../src/annotations/sha256';
import { analysisCacheKey, decodeShard, isShardName, keptAnalysisJson, parseSummary, summarise } from '../../src/vscode/analysisCache';
import type { PoolReply } from '../../src/vscode/analysisPool';
import { type FileResult, indexFile, indexFiles } from '../../src/worker/indexFile';
import { WorkerShards } from '../../src/worker/workerShards';
import { loadSeeds, repoRoot } from '../helpers/seeds';

const dir = mkdtempSync(join(tmpdir(), 'news-annotator-indexfile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const seed = loadSeeds()[0]!;
const MB = 1024 * 1024;

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('indexFile (the analysis worker reading an article itself)', () => {
  it('gives the hash of the text, the kept analysis and the summary the host would make', async () => {
    const result = await indexFile({ path: file('a.txt', seed.text), documentDate: '2024-01-02', maxBytes: 10 * MB });
    expect(result.status).toBe('analysed');
    if (result.status !== 'analysed') return;
    expect(result.sha256).toBe(sha256Hex(seed.text));
    expect(result.size).toBe(Buffer.byteLength(seed.text));
    expect(result.mtime).toBe(statSync(join(dir, 'a.txt')).mtime.getTime());
    const analysis = analyzeDocument(seed.text, { documentDate: '2024-01-02' });
    expect(new TextDecoder().decode(result.kept)).toBe(keptAnalysisJson(analysis));
    const summary = parseSummary(result.summary)!;
    expect(summary.documentDate).toBe('2024-01-02');
    expect(summary.link.people).toEqual(summarise(analysis).link.people);
  });

  it('reads a BOM and UTF-16 as the same text (same hash)', async () => {
    const bom = await indexFile({ path: file('bom.txt', '\uFEFF' + seed.text), documentDate: null, maxBytes: 10 * MB });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed.text, 'utf16le')]);
    const le = await indexFile({ path: file('le.txt', utf16), documentDate: null, maxBytes: 10 * MB });
    expect(bom.status === 'analysed' && bom.sha256).toBe(sha256Hex(seed.text));
    expect(le.status === 'analysed' && le.sha256).toBe(sha256Hex(seed.text));
  });

  it('refuses an empty, a binary, a Latin-1 and a too large file with the host\'s reasons, and says when it cannot read', async () => {
    expect(await indexFile({ path: file('empty.txt', ''), documentDate: null, maxBytes: MB })).toMatchObject({ status: 'refused', problem: 'empty' });
    expect(await indexFile({ path: file('bin.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3])), documentDate: null, maxBytes: MB })).toMatchObject({ status: 'refused', problem: 'binary' });
    expect(await indexFile({ path: file('latin1.txt', Buffer.from('Caf\xe9 in M\xfcnchen, said the minister.', 'latin1')), documentDate: null, maxBytes: MB })).toMatchObject({ status: 'refused', problem: 'not-utf8' });
    const big = await indexFile({ path: file('big.txt', 'x'.repeat(2048)), documentDate: null, maxBytes: 1024 });
    expect(big).toMatchObject({ status: 'refused', problem: 'too-large' });
    expect(big.status === 'refused' && big.reason).toMatch(/limit/);
    expect(await indexFile({ path: join(dir, 'missing.txt'), documentDate: null, maxBytes: MB })).toMatchObject({ status: 'unreadable' });
  });
});

describe('indexFiles (the files of one message, analysed as one batch)', () => {
  it('answers each file in order as indexFile does one by one, refusals included', async () => {
    const requests = loadSeeds().map((s, i) => ({ path: file(`batch-${i}.txt`, s.text), documentDate: i === 1 ? '2020-02-02' : null, maxBytes: 10 * MB }));
    requests.splice(2, 0, { path: file('batch-empty.txt', ''), documentDate: null, maxBytes: MB });
    const together = await indexFiles(requests);
    const alone = await Promise.all(requests.map((r) => indexFile(r)));
    expect(together.map((r) => r.status)).toEqual(alone.map((r) => r.status));
    expect(together[2]).toMatchObject({ status: 'refused', problem: 'empty' });
    together.forEach((r, i) => {
      const one = alone[i]!;
      if (r.status !== 'analysed' || one.status !== 'analysed') return;
      expect(r.sha256).toBe(one.sha256);
      expect(r.summary).toBe(one.summary);
      expect(new TextDecoder().decode(r.kept)).toBe(new TextDecoder().decode(one.kept));
    });
  });
});

describe('WorkerShards (cache shards the worker writes itself)', () => {
  it('writes full shards and, on flush, the rest, readable by the host under the keys it computes', async () => {
    const shards = new WorkerShards();
    const target = { dir: join(dir, 'cache'), engine: '0.9.0+1' };
    const analyses = loadSeeds().map((s) => ({ sha: sha256Hex(s.text), kept: new TextEncoder().encode(keptAnalysisJson(analyzeDocument(s.text))) }));
    const written = [];
    // Enough entries for a full shard (1 MB) and a rest.
    for (let round = 0; round < 60; round++) {
      for (const [i, a] of analyses.entries()) written.push(...(await shards.add(target, `${a.sha}${round}`, i === 0 ? '2024-05-06' : null, a.kept)));
    }
    expect(written.length).toBeGreaterThanOrEqual(1);
    written.push(...(await shards.flush()));
    expect(await shards.flush()).toEqual([]);
    const keys = written.flatMap((w) => w.keys);
    expect(keys.length).toBe(60 * analyses.length);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys[0]).toBe(analysisCacheKey(`${analyses[0]!.sha}0`, '2024-05-06', target.engine));
    for (const w of written) {
      expect(isShardName(w.name)).toBe(true);
      const entries = decodeShard(readFileSync(join(target.dir, w.name), 'utf8'), target.engine);
      expect([...entries!.keys()]).toEqual(w.keys);
    }
    // No temp file left behind.
    expect(readdirSync(target.dir).every((n) => isShardName(n))).toBe(true);
  });
});

describe('the analysis worker process (dist/analysisWorker.js)', () => {
  it('answers a flush after the messages sent before it, with every article of them in its shards', async () => {
    const worker = join(repoRoot, 'dist', 'analysisWorker.js');
    if (!existsSync(worker)) throw new Error('dist/analysisWorker.js is missing: run `npm run build` first (npm test does)');
    const target = { dir: join(dir, 'process-cache'), engine: '0.9.0+2' };
    const paths = loadSeeds().map((s, i) => file(`process-${i}.txt`, s.text));
    const child = fork(worker, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const replies: PoolReply[] = [];
    const done = new Promise<void>((resolve) => child.on('message', (reply: PoolReply) => (replies.push(reply), replies.length === 2 && resolve())));
    child.send({ id: 1, items: paths.map((path) => ({ file: { path, documentDate: null, maxBytes: MB, cache: target } })) });
    child.send({ id: 2, items: [], flush: true });
    await done;
    child.kill();
    expect(replies.map((r) => r.id)).toEqual([1, 2]);
    const first = replies[0]!.results as FileResult[];
    expect(first.every((r) => r.status === 'analysed' && r.kept === undefined)).toBe(true);
    const keys = replies.flatMap((r) => (r.shards ?? []).flatMap((s) => s.keys));
    expect(keys.sort()).toEqual(first.map((r) => (r.status === 'analysed' ? analysisCacheKey(r.sha256, null, target.engine) : '')).sort());
  });
});
