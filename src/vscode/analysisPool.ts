// Analyses articles off the extension host's thread: a small pool of workers running the bundled engine
// (dist/analysisWorker.js), each a process of its own or a worker thread (see extension.ts). Texts queued while
// the workers are busy go together in one message (the engine is faster on batches and a message costs the same
// for one text or twenty); article files are read, analysed and cached by the worker itself (indexFile).
// Where workers cannot run (web extension host, no bundle) or one fails, articles are analysed on this thread in
// bounded slices: one article, then the event loop gets a turn. Idle workers are ended, so their memory goes back.
// No `vscode` here: the tests run the pool as it is.
import { analyzeDocument } from '../analysis/analyze';
import type { DocumentAnalysis } from '../analysis/types';
import type { FileRequest, FileResult } from '../worker/indexFile';
import type { WrittenShard } from '../worker/workerShards';
import { keptAnalysisJson, summaryJson } from './analysisCache';

export interface PoolRequest {
  id: number;
  /**
   * `sentences`: keep the analysis' sentences (an open article's live analysis starts from them). `summary`:
   * also what the index keeps of a closed article (summaryJson), so that the host never parses the whole analysis.
   */
  items: Array<TextItem | { file: FileRequest }>;
  /** Write the cache shard the worker is building (after its items), and say so in the reply. */
  flush?: boolean;
}
export interface TextItem {
  text: string;
  documentDate: string | null;
  sentences?: boolean;
  summary?: boolean;
}
/** An article's analysis as kept and cached (JSON), with its summary (JSON) when asked for. */
export interface Analysed {
  kept: string;
  summary: string;
}
export interface PoolReply {
  id: number;
  /** Per item, the kept analysis as JSON (with its summary when asked for), or why the engine failed. */
  results: Array<string | Analysed | FileResult | { error: string }>;
  /** Cache shards the worker wrote while answering (see workerShards.ts). */
  shards?: WrittenShard[];
}

/** What the pool needs of a worker (a forked process, node's Worker thread, or a stand-in in tests). */
export interface PoolWorker {
  postMessage(message: PoolRequest): void;
  on(event: 'message', listener: (reply: PoolReply) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<number>;
}

export interface PoolOptions {
  /** Makes a worker; undefined (or throwing) means analysing on this thread. */
  createWorker: (() => PoolWorker) | undefined;
  workers: number;
  log?: (message: string) => void;
  /** Workers idle this long are ended (their heap is tens of MB). */
  idleMs?: number;
  /** Told of the cache shards a worker wrote (for the cache's manifest). */
  onShards?: (shards: WrittenShard[]) => void;
}

interface Job {
  text: string;
  documentDate: string | null;
  sentences: boolean;
  summary: boolean;
  /** An article file the worker reads itself (text is then empty); `size` counts for batching. */
  file?: FileRequest & { size: number };
  resolve: (result: string | Analysed | FileResult) => void;
}

interface Slot {
  worker: PoolWorker;
  inFlight: Map<number, Job[]>;
}

/** Characters of text per message: enough to batch small articles, small enough to keep both workers busy. */
const BATCH_CHARS = 96 * 1024;
const BATCH_ITEMS = 32;
/** Messages queued per worker: one being analysed, one waiting, so a worker never idles between messages. */
const IN_FLIGHT = 2;

export class AnalysisPool {
  private readonly queue: Job[] = [];
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private broken = false;
  private inHostRunning = false;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private pumpScheduled = false;
  private disposed = false;
  /** Flush requests sent, by message id: resolved by the reply. */
  private readonly flushes = new Map<number, () => void>();

  constructor(private readonly options: PoolOptions) {}

  /** The article's own analysis, as kept and cached (JSON). Never rejects: a failure gives an empty analysis. */
  analyse(text: string, documentDate: string | null, options: { sentences?: boolean } = {}): Promise<string> {
    return new Promise((resolve) => {
      this.queue.push({ text, documentDate, sentences: options.sentences === true, summary: false, resolve: (r) => resolve(asAnalysed(r, false).kept) });
      this.schedulePump();
    });
  }

  /**
   * An article file read, decoded, hashed and analysed by a worker (see indexFile.ts), so that its text never
   * comes to this thread. Only where workers run (readsFiles); else, or if the worker fails, 'unreadable'
   * tells the caller to read the file itself. Never rejects.
   */
  indexFile(file: FileRequest, size: number): Promise<FileResult> {
    if (!this.usesWorkers) return Promise.resolve({ status: 'unreadable', error: 'no analysis worker' });
    return new Promise((resolve) => {
      this.queue.push({ text: '', documentDate: file.documentDate, sentences: false, summary: true, file: { ...file, size }, resolve: (r) => resolve(asFileResult(r)) });
      this.schedulePump();
    });
  }

  /**
   * Has every worker write the cache shard it is building (after what it was sent before) and resolves when
   * they replied; a worker that fails meanwhile loses its shard (its articles are analysed again next time).
   */
  flushShards(): Promise<void> {
    const replies = this.slots.map(
      (slot) =>
        new Promise<void>((resolve) => {
          const id = this.nextId++;
          this.flushes.set(id, resolve);
          slot.inFlight.set(id, []);
          try {
            slot.worker.postMessage({ id, items: [], flush: true });
          } catch {
            this.flushes.delete(id);
            slot.inFlight.delete(id);
            resolve();
          }
        }),
    );
    return Promise.all(replies).then(() => undefined);
  }

  /** Whether indexFile can read files (workers run on this machine's disk). */
  get readsFiles(): boolean {
    return this.usesWorkers;
  }

  /** The kept analysis (JSON, for the cache) and the article's summary (JSON, for the index). Never rejects. */
  summarise(text: string, documentDate: string | null): Promise<Analysed> {
    return new Promise((resolve) => {
      this.queue.push({ text, documentDate, sentences: false, summary: true, resolve: (r) => resolve(asAnalysed(r, true)) });
      this.schedulePump();
    });
  }

  /** Whether articles go to workers (false: analysed on this thread in slices). */
  get usesWorkers(): boolean {
    return !this.broken && this.options.createWorker !== undefined && this.options.workers > 0;
  }

  get pending(): number {
    return this.queue.length + this.slots.reduce((n, s) => n + [...s.inFlight.values()].reduce((m, jobs) => m + jobs.length, 0), 0);
  }

  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    // Texts read in the same turn go in one message.
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    if (this.disposed) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (!this.usesWorkers) {
      this.runInHost();
      return;
    }
    while (this.queue.length > 0) {
      const slot = this.freeSlot();
      if (!slot) {
        // No worker could be started: this thread does the work.
        if (!this.usesWorkers) this.runInHost();
        break;
      }
      const jobs: Job[] = [];
      let chars = 0;
      while (this.queue.length > 0 && jobs.length < BATCH_ITEMS && (jobs.length === 0 || chars + jobSize(this.queue[0]!) <= BATCH_CHARS)) {
        const job = this.queue.shift()!;
        chars += jobSize(job);
        jobs.push(job);
      }
      const id = this.nextId++;
      slot.inFlight.set(id, jobs);
      try {
        slot.worker.postMessage({
          id,
          items: jobs.map((j) => (j.file ? { file: fileRequest(j.file) } : { text: j.text, documentDate: j.documentDate, sentences: j.sentences, summary: j.summary })),
        });
      } catch (e) {
        this.fail(slot, e);
      }
    }
    if (this.queue.length === 0 && this.pending === 0) this.scheduleIdle();
  }

  /** A worker with room for a message, starting one if the pool is not full. */
  private freeSlot(): Slot | undefined {
    const free = this.slots.filter((s) => s.inFlight.size < IN_FLIGHT).sort((a, b) => a.inFlight.size - b.inFlight.size)[0];
    if (free && free.inFlight.size === 0) return free;
    if (this.slots.length < this.options.workers) {
      const started = this.start();
      if (started) return started;
    }
    return free;
  }

  private start(): Slot | undefined {
    let worker: PoolWorker;
    try {
      worker = this.options.createWorker!();
    } catch (e) {
      this.options.log?.(`analysis workers unavailable, analysing on the extension host: ${String(e)}`);
      this.broken = true;
      return undefined;
    }
    const slot: Slot = { worker, inFlight: new Map() };
    worker.on('message', (reply) => this.onReply(slot, reply));
    worker.on('error', (e) => this.fail(slot, e));
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) this.fail(slot, new Error(`worker exited with code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  private onReply(slot: Slot, reply: PoolReply): void {
    if (reply.shards?.length) this.options.onShards?.(reply.shards);
    const flushed = this.flushes.get(reply.id);
    if (flushed) {
      this.flushes.delete(reply.id);
      slot.inFlight.delete(reply.id);
      flushed();
      this.schedulePump();
      return;
    }
    const jobs = slot.inFlight.get(reply.id);
    if (!jobs) return;
    slot.inFlight.delete(reply.id);
    jobs.forEach((job, i) => {
      const result = reply.results[i];
      if (typeof result === 'string' || (result && ('kept' in result || 'status' in result))) job.resolve(result);
      else if (job.file) job.resolve({ status: 'unreadable', error: result?.error ?? 'no result' });
      else {
        this.options.log?.(`analysis failed in a worker: ${result?.error ?? 'no result'}`);
        job.resolve(analyseHere(job, this.options.log));
      }
    });
    this.schedulePump();
  }

  /** A worker failed: its articles are analysed again (on this thread if no worker is left) and it is not used again. */
  private fail(slot: Slot, error: unknown): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    this.options.log?.(`analysis worker failed, analysing on the extension host: ${String(error)}`);
    this.broken = true;
    void slot.worker.terminate().catch(() => undefined);
    for (const id of slot.inFlight.keys()) {
      const flushed = this.flushes.get(id);
      this.flushes.delete(id);
      flushed?.();
    }
    for (const jobs of slot.inFlight.values()) this.queue.unshift(...jobs);
    slot.inFlight.clear();
    this.schedulePump();
  }

  /** One article per turn of the event loop: the host is never blocked longer than one article takes. */
  private runInHost(): void {
    if (this.inHostRunning) return;
    this.inHostRunning = true;
    const step = () => {
      const job = this.queue.shift();
      if (!job || this.disposed) {
        this.inHostRunning = false;
        return;
      }
      job.resolve(job.file ? { status: 'unreadable', error: 'no analysis worker' } : analyseHere(job, this.options.log));
      setTimeout(step, 0);
    };
    setTimeout(step, 0);
  }

  private scheduleIdle(): void {
    if (this.idleTimer || this.slots.length === 0) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      if (this.pending > 0) return;
      for (const slot of this.slots.splice(0)) void slot.worker.terminate().catch(() => undefined);
    }, this.options.idleMs ?? 5_000);
  }

  dispose(): void {
    this.disposed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const slot of this.slots.splice(0)) void slot.worker.terminate().catch(() => undefined);
    // Nobody waits forever: what is left gets an empty analysis.
    for (const job of this.queue.splice(0)) job.resolve(job.file ? { status: 'unreadable', error: 'the pool was closed' } : analysedJson(EMPTY_ANALYSIS, job));
  }
}

export const EMPTY_ANALYSIS: DocumentAnalysis = { documentDate: null, sentences: [], dates: [], officials: [], quotes: [], claims: [], events: [] };

/** What the worker answers for one item (analysisWorker.ts uses this too). */
export function analysedJson(analysis: DocumentAnalysis, item: { sentences?: boolean; summary?: boolean }): string | Analysed {
  const kept = keptAnalysisJson(analysis, item.sentences === true);
  return item.summary ? { kept, summary: summaryJson(analysis) } : kept;
}

/** The request a file job sends (its batching size stays here). */
function fileRequest({ size: _size, ...request }: FileRequest & { size: number }): FileRequest {
  return request;
}

function jobSize(job: Job): number {
  return job.file ? job.file.size : job.text.length;
}

function asFileResult(r: string | Analysed | FileResult): FileResult {
  return typeof r === 'object' && 'status' in r ? r : { status: 'unreadable', error: 'the worker answered with no file result' };
}

/** A text job's answer as kept JSON with its summary (made here when the worker sent none). */
function asAnalysed(r: string | Analysed | FileResult, withSummary: boolean): Analysed {
  if (typeof r === 'string') return { kept: r, summary: withSummary ? summaryJson(JSON.parse(r) as DocumentAnalysis) : '' };
  if (!('status' in r)) return r;
  // A text job gets no file result; were it to, the article shows nothing rather than breaking the rest.
  return { kept: keptAnalysisJson(EMPTY_ANALYSIS), summary: summaryJson(EMPTY_ANALYSIS) };
}

function analyseHere(job: Job, log: ((message: string) => void) | undefined): string | Analysed {
  try {
    return analysedJson(analyzeDocument(job.text, { documentDate: job.documentDate }), job);
  } catch (e) {
    // The engine is built never to throw; if it does, the article shows nothing rather than breaking the rest.
    log?.(`analysis failed: ${String(e)}`);
    return analysedJson(EMPTY_ANALYSIS, job);
  }
}
