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
