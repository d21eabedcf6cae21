// The extension's analysis pool: texts in, each article's own analysis out (as the JSON the index keeps and
// caches), batched per message to the workers, and analysed on the calling thread when no worker can run.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/analysis/analyze';
import type { DocumentAnalysis } from '../../src/analysis/types';
import { fillTexts, keptAnalysis, keptAnalysisJson } from '../../src/vscode/analysisCache';
import { AnalysisPool, type PoolReply, type PoolRequest, type PoolWorker } from '../../src/vscode/analysisPool';
import { loadSeeds } from '../helpers/seeds';

/** A worker thread stand-in running the engine as the real worker does, asynchronously, counting messages. */
class FakeWorker extends EventEmitter implements PoolWorker {
  readonly requests: PoolRequest[] = [];
  terminated = false;
  constructor(private readonly behaviour: 'ok' | 'crash' | 'throwing-engine' = 'ok') {
    super();
  }
  postMessage(message: PoolRequest): void {
    this.requests.push(message);
    setTimeout(() => {
      if (this.behaviour === 'crash') {
        this.emit('error', new Error('worker died'));
        return;
      }
      const reply: PoolReply = {
        id: message.id,
        results: message.items.map((i) => (this.behaviour === 'throwing-engine' || 'file' in i ? { error: 'boom' } : keptAnalysisJson(analyzeDocument(i.text, { documentDate: i.documentDate })))),
      };
      this.emit('message', reply);
    }, 1);
  }
  terminate(): Promise<number> {
    this.terminated = true;
    return Promise.resolve(0);
  }
}

const seeds = loadSeeds();
const expected = (text: string, date: string | null = null) => keptAnalysis(analyzeDocument(text, { documentDate: date }));
/** The pool's JSON leaves out the spans' text (the article's own characters); given the text back, it is the analysis. */
function read(json: string, text: string): DocumentAnalysis {
  const analysis = JSON.parse(json) as DocumentAnalysis;
  expect(fillTexts(analysis, text)).toBe(true);
  return analysis;
}

describe('the analysis pool', () => {
  it('gives each text its own analysis, without the sentences no view reads, and with the date override', async () => {
    const workers: FakeWorker[] = [];
    const pool = new AnalysisPool({ createWorker: () => (workers.push(new FakeWorker()), workers.at(-1)!), workers: 2 });
    const results = await Promise.all(seeds.map((s, i) => pool.analyse(s.text, i === 0 ? '2024-03-04' : null)));
    results.forEach((json, i) => expect(read(json, seeds[i]!.text)).toEqual(expected(seeds[i]!.text, i === 0 ? '2024-03-04' : null)));
    expect(JSON.parse(results[1]!).sentences).toEqual([]);
    // The spans' text is not sent: the host has the text.
    expect(JSON.parse(results[1]!).claims[0].text).toBeUndefined();
    expect(results[1]!.length).toBeLessThan(JSON.stringify(expected(seeds[1]!.text)).length * 0.8);
    expect(JSON.parse(results[1]!).officials.length).toBeGreaterThan(0);
    // Texts queued in the same turn go together: fewer messages than texts, over at most two workers.
    const messages = workers.reduce((n, w) => n + w.requests.length, 0);
    expect(workers.length).toBeLessThanOrEqual(2);
    expect(messages).toBeLessThan(seeds.length);
    pool.dispose();
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it('analyses on this thread, one article per turn, when no worker can be made', async () => {
    const pool = new AnalysisPool({
      createWorker: () => {
        throw new Error('no worker_threads here');
      },
      workers: 2,
    });
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const results = await Promise.all(seeds.map((s) => pool.analyse(s.text, null)));
    clearInterval(ticker);
    expect(pool.usesWorkers).toBe(false);
    results.forEach((json, i) => expect(read(json, seeds[i]!.text)).toEqual(expected(seeds[i]!.text)));
    // Other work ran between the articles.
    expect(turns).toBeGreaterThan(0);
  });

  it('analyses again, on this thread, what a crashed worker had, and what its engine failed on', async () => {
    const crashing = new AnalysisPool({ createWorker: () => new FakeWorker('crash'), workers: 1 });
    const text = 'GENEVA, 15 December 2023 (Wire) - Brazil\'s Foreign Minister Mauro Vieira met Kenyan President William Ruto on Friday, officials said.';
    expect(read(await crashing.analyse(text, null), text)).toEqual(expected(text));
    expect(crashing.usesWorkers).toBe(false);
    const failing = new AnalysisPool({ createWorker: () => new FakeWorker('throwing-engine'), workers: 1 });
    expect(read(await failing.analyse(text, '2023-12-15'), text)).toEqual(expected(text, '2023-12-15'));
  });

  it('ends idle workers, and starts one again when there is work', async () => {
    const workers: FakeWorker[] = [];
    const pool = new AnalysisPool({ createWorker: () => (workers.push(new FakeWorker()), workers.at(-1)!), workers: 1, idleMs: 20 });
    await pool.analyse(seeds[0]!.text, null);
    await new Promise((r) => setTimeout(r, 60));
    expect(workers[0]!.terminated).toBe(true);
    await pool.analyse(seeds[1]!.text, null);
    expect(workers.length).toBe(2);
    pool.dispose();
  });
});

describe('the analysis pool and article files', () => {
  /** Answers file items as a worker that wrote their analyses into its cache shard, and a flush with that shard. */
  class FileWorker extends EventEmitter implements PoolWorker {
    readonly requests: PoolRequest[] = [];
    postMessage(message: PoolRequest): void {
      this.requests.push(message);
      setTimeout(() => {
        const results = message.items.map((i) => ('file' in i ? { status: 'analysed' as const, size: 10, mtime: 1, sha256: 'ab', summary: '{}' } : { error: 'text' }));
        const reply: PoolReply = { id: message.id, results, shards: message.flush ? [{ name: 'shard-x-0-a.json', keys: ['k1', 'k2'] }] : [] };
        this.emit('message', reply);
      }, 1);
    }
    terminate(): Promise<number> {
      return Promise.resolve(0);
    }
  }

  it('sends the worker each file with the cache it may write into, and hands on the shards it wrote when flushed', async () => {
    const worker = new FileWorker();
    const adopted: string[] = [];
    const pool = new AnalysisPool({ createWorker: () => worker, workers: 1, onShards: (shards) => adopted.push(...shards.map((s) => s.name)) });
    expect(pool.readsFiles).toBe(true);
    const cache = { dir: '/storage/analysis-shards', engine: '1.0.0+5' };
    const result = await pool.indexFile({ path: '/ws/a.txt', documentDate: '2024-01-02', maxBytes: 1000, cache }, 10);
    expect(result).toMatchObject({ status: 'analysed', sha256: 'ab' });
    const item = worker.requests[0]!.items[0]!;
    // What the worker needs, the pool's own batching size left out.
    expect(item).toEqual({ file: { path: '/ws/a.txt', documentDate: '2024-01-02', maxBytes: 1000, cache } });
    expect(adopted).toEqual([]);
    await pool.flushShards();
    expect(worker.requests.at(-1)).toMatchObject({ items: [], flush: true });
    expect(adopted).toEqual(['shard-x-0-a.json']);
    pool.dispose();
  });

  it('tells the caller to read a file itself where no worker runs', async () => {
    const pool = new AnalysisPool({ createWorker: undefined, workers: 0 });
    expect(pool.readsFiles).toBe(false);
    expect(await pool.indexFile({ path: '/ws/a.txt', documentDate: null, maxBytes: 1000 }, 10)).toMatchObject({ status: 'unreadable' });
    await pool.flushShards();
    pool.dispose();
  });
});
