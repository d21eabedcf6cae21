// The main thread's side of `--jobs N`: hands chunks of files to N worker threads, links their analyses
// across the whole corpus (people to entities, events merged) exactly as analyzeCorpus does, then has
// each worker format its own documents while the main thread writes them in file order.
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { linkAnalyses } from './analysis/analyze';
import type { CorpusAnalysis, DocumentAnalysis } from './analysis/types';
import type { OutputLayout } from './cliOutput';
import { analysisToLink, codePointStandIn, linkTableOf, WORKER_ROLE, type ChunkFile, type FromWorker, type ToWorker } from './cliWorker';

/** Bytes of files per chunk: large enough that messages cost little, small enough to balance the workers. */
const CHUNK_BYTES = 192 * 1024;

export interface SizedFile extends ChunkFile {
  size: number;
}

export interface ParallelRun {
  corpus: CorpusAnalysis;
  /** Stand-ins for the texts as far as code-point offsets go (see codePointStandIn), by path. */
  codePointTexts: ReadonlyMap<string, string>;
  /** Formats every document in the workers and passes the text to `write`, in file order. */
  writeDocuments(layout: OutputLayout, write: (text: string) => void): Promise<void>;
  close(): Promise<void>;
}

interface Chunk {
  files: ChunkFile[];
  worker: number;
  /** Index in the corpus of the chunk's first analysed document, and how many it has. */
  firstDocument: number;
  documents: number;
}

function chunksOf(files: readonly SizedFile[]): Chunk[] {
  const chunks: Chunk[] = [];
  let current: ChunkFile[] = [];
  let bytes = 0;
  for (const { file, path, size } of files) {
    current.push({ file, path });
    bytes += size;
    if (bytes >= CHUNK_BYTES) {
      chunks.push({ files: current, worker: -1, firstDocument: 0, documents: 0 });
      current = [];
      bytes = 0;
    }
  }
  if (current.length > 0) chunks.push({ files: current, worker: -1, firstDocument: 0, documents: 0 });
  return chunks;
}

/**
 * How much bytecode a function runs before V8 considers optimising it, for isolates created from now on:
 * 8 times V8's default. Each worker compiles the whole engine again with TurboFan (measured: ~1.9 s of
 * compiler-thread CPU per worker on 16 MB of articles, as much as the analysis itself), which one thread
 * gets for free on the otherwise idle core but workers pay out of the cores they analyse on. Waiting longer
 * leaves lukewarm functions to the baseline tiers: total CPU with 2 workers -20% on 16 MB; the hot
 * functions are optimised all the same. The main thread's single-threaded path is left alone.
 */
const WORKER_INTERRUPT_BUDGET = 8 * 132 * 1024;

function tierUpLater(): void {
  try {
    setFlagsFromString(`--interrupt-budget=${WORKER_INTERRUPT_BUDGET}`);
  } catch {
    // A V8 that refuses the flag runs the workers as before.
  }
}

export async function analyseInWorkers(
  files: readonly SizedFile[],
  options: { jobs: number; workerScript: string; documentDate?: string; onSkipped: (path: string, reason: string) => void },
): Promise<ParallelRun> {
  const chunks = chunksOf(files);
  const workerCount = Math.max(1, Math.min(options.jobs, chunks.length));
  tierUpLater();
  const workers = Array.from({ length: workerCount }, () => new Worker(options.workerScript, { workerData: { role: WORKER_ROLE } }));
  // One handler per worker, replaced by each phase; a failure or an early exit rejects the phase.
  let onMessage: (worker: number, message: FromWorker) => void = () => {};
  let onFailure: (error: Error) => void = () => {};
  workers.forEach((worker, index) => {
    worker.on('message', (message: FromWorker) =>
      message.type === 'failed' ? onFailure(new Error(message.message)) : onMessage(index, message),
    );
    worker.on('error', (error) => onFailure(error));
    worker.on('exit', (code) => {
      if (code !== 0) onFailure(new Error(`a worker thread stopped (exit code ${code})`));
    });
  });
  const send = (worker: number, message: ToWorker) => workers[worker]!.postMessage(message);
  const close = async () => {
    onFailure = () => {};
    await Promise.all(workers.map((w) => w.terminate()));
  };

  try {
    // Phase 1: each worker takes the next chunk as soon as it is done with one.
    const results: Array<Extract<FromWorker, { type: 'analysed' }>['results']> = new Array(chunks.length);
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let done = 0;
      const give = (worker: number) => {
        if (next >= chunks.length) return;
        const chunk = next++;
        chunks[chunk]!.worker = worker;
        send(worker, { type: 'analyse', chunk, files: chunks[chunk]!.files, documentDate: options.documentDate });
      };
      onFailure = reject;
      onMessage = (worker, message) => {
        if (message.type !== 'analysed') return;
        results[message.chunk] = message.results;
        if (++done === chunks.length) resolve();
        else give(worker);
      };
      workers.forEach((_, worker) => give(worker));
    });

    const analysed: Array<{ path: string; analysis: DocumentAnalysis }> = [];
    const localIds: string[][] = [];
    const codePointTexts = new Map<string, string>();
    results.forEach((chunkResults, c) => {
      const chunk = chunks[c]!;
      chunk.firstDocument = analysed.length;
      for (const result of chunkResults) {
        if ('skipped' in result) options.onSkipped(result.path, result.skipped);
        else {
          const analysis = analysisToLink(result);
          localIds.push(analysis.officials.map((o) => o.entityId));
          analysed.push({ path: result.path, analysis });
          codePointTexts.set(result.path, codePointStandIn(result.pairEnds));
        }
      }
      chunk.documents = analysed.length - chunk.firstDocument;
    });
    const corpus = linkAnalyses(analysed);
    const table = linkTableOf(localIds, corpus);
    workers.forEach((_, worker) => send(worker, { type: 'links', table }));

    const writeDocuments = (layout: OutputLayout, write: (text: string) => void) =>
      new Promise<void>((resolve, reject) => {
        // Phase 2: chunks are formatted a few at a time ahead of the one being written, so text that
        // arrives out of order waits in memory for a bounded number of chunks only.
        const withDocuments = chunks.map((_, c) => c).filter((c) => chunks[c]!.documents > 0);
        const window = workerCount * 2;
        const ready = new Map<number, string>();
        let requested = 0;
        let written = 0;
        const request = () => {
          while (requested < withDocuments.length && requested < written + window) {
            const c = withDocuments[requested]!;
            const chunk = chunks[c]!;
            send(chunk.worker, { type: 'export', chunk: c, layout, first: requested === 0 });
            requested++;
          }
          if (written === withDocuments.length) resolve();
        };
        onFailure = reject;
        onMessage = (_, message) => {
          if (message.type !== 'exported') return;
          ready.set(message.chunk, message.text);
          try {
            for (let c = withDocuments[written]; c !== undefined && ready.has(c); c = withDocuments[written]) {
              write(ready.get(c)!);
              ready.delete(c);
              written++;
            }
            request();
          } catch (error) {
            reject(error);
          }
        };
        request();
      });
    return { corpus, codePointTexts, writeDocuments, close };
  } catch (error) {
    await close();
    throw error;
  }
}
