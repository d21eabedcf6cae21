// The work one CLI worker thread does (and the messages it exchanges with the main thread).
// Phase 1: read, decode and analyse a chunk of files; keep the full analyses and texts here and send
// the main thread only what linking across the corpus needs. Phase 2: apply the corpus links the main
// thread sends back and format the chunk's documents as export text, so the main thread only writes.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { analyzeDocument } from './analysis/analyze';
import type { DocumentAnalysis } from './analysis/types';
import { decodeArticle } from './annotations/articleText';
import { buildExport, type ExportedDocument } from './annotations/exportFormat';
import { formatDocuments, type OutputLayout } from './cliOutput';

export const WORKER_ROLE = 'news-annotator-cli-worker';

export interface ChunkFile {
  file: string;
  path: string;
}

/** An analysis as linking needs it: sentences and dates stay in the worker. */
export type LinkableAnalysis = DocumentAnalysis;

export type ToWorker =
  | { type: 'analyse'; chunk: number; files: ChunkFile[]; documentDate?: string }
  | { type: 'export'; chunk: number; layout: OutputLayout; first: boolean; generator: string; links: DocumentLinks[] };

export type FromWorker =
  | {
      type: 'analysed';
      chunk: number;
      results: Array<{ path: string; skipped: string } | { path: string; analysis: LinkableAnalysis; pairEnds: number[] }>;
    }
  | { type: 'exported'; chunk: number; text: string }
  | { type: 'failed'; message: string };

/** What linking changed in one document: the fields of its officials, quotes and claims it rewrites. */
export interface DocumentLinks {
  officials: Array<[entityId: string, name: string, title: string | null, country: string | null]>;
  speakers: Array<[speaker: string | null, speakerEntityId: string | null]>;
}

/** Reads the fields linkAnalyses rewrites, after it ran (see applyLinks). */
export function linksOf(analysis: DocumentAnalysis): DocumentLinks {
  return {
    officials: analysis.officials.map((o) => [o.entityId, o.name, o.title, o.country]),
    speakers: [...analysis.quotes, ...analysis.claims].map((a) => [a.speaker, a.speakerEntityId]),
  };
}

export function applyLinks(analysis: DocumentAnalysis, links: DocumentLinks): void {
  analysis.officials.forEach((o, i) => {
    const link = links.officials[i];
    if (link) [o.entityId, o.name, o.title, o.country] = link;
  });
  [...analysis.quotes, ...analysis.claims].forEach((a, i) => {
    const link = links.speakers[i];
    if (link) [a.speaker, a.speakerEntityId] = link;
  });
}

/** One document of the export, exactly as buildExport makes it inside a whole corpus. */
export function exportDocument(path: string, analysis: DocumentAnalysis, text: string, generator: string): ExportedDocument {
  const corpus = { documents: [{ path, analysis }], entities: [], events: [] };
  return buildExport({ generator, corpus, texts: new Map([[path, text]]) }).documents[0]!;
}

const LOW_SURROGATE = /[\uDC00-\uDFFF]/g;

/** Offsets of the low halves of the text's surrogate pairs: all the export's code-point offsets depend on. */
export function surrogatePairEnds(text: string): number[] {
  const ends: number[] = [];
  LOW_SURROGATE.lastIndex = 0;
  for (let m = LOW_SURROGATE.exec(text); m; m = LOW_SURROGATE.exec(text)) {
    const before = text.charCodeAt(m.index - 1);
    if (m.index > 0 && before >= 0xd800 && before <= 0xdbff) ends.push(m.index);
  }
  return ends;
}

/**
 * A text with surrogate pairs where the original has them and spaces elsewhere: it counts code points the
 * same way up to its last pair (and every offset after it), so the main thread, which never holds the
 * articles' texts, can give buildExport what the events' code-point offsets need.
 */
export function codePointStandIn(pairEnds: readonly number[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const end of pairEnds) {
    parts.push(' '.repeat(end - 1 - at), '\uD800\uDC00');
    at = end + 1;
  }
  return parts.join('');
}

/** Runs in a worker thread: answers the main thread's messages until it is terminated. */
export function runCliWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('runCliWorker must run in a worker thread');
  const chunks = new Map<number, Array<{ path: string; text: string; analysis: DocumentAnalysis }>>();
  port.on('message', (message: ToWorker) => {
    try {
      if (message.type === 'analyse') {
        const kept: Array<{ path: string; text: string; analysis: DocumentAnalysis }> = [];
        const results: Extract<FromWorker, { type: 'analysed' }>['results'] = [];
        const options = message.documentDate ? { documentDate: message.documentDate } : undefined;
        for (const { file, path } of message.files) {
          const decoded = decodeArticle(readFileSync(file));
          if (!decoded.ok) {
            results.push({ path, skipped: decoded.reason });
            continue;
          }
          const analysis = analyzeDocument(decoded.text, options);
          kept.push({ path, text: decoded.text, analysis });
          // Sentences and dates are the bulk of an analysis and linking does not read them.
          results.push({ path, analysis: { ...analysis, sentences: [], dates: [] }, pairEnds: surrogatePairEnds(decoded.text) });
        }
        chunks.set(message.chunk, kept);
        port.postMessage({ type: 'analysed', chunk: message.chunk, results } satisfies FromWorker);
      } else {
        const kept = chunks.get(message.chunk) ?? [];
        chunks.delete(message.chunk);
        const documents = kept.map(({ path, text, analysis }, i) => {
          const links = message.links[i];
          if (links) applyLinks(analysis, links);
          return exportDocument(path, analysis, text, message.generator);
        });
        const text = formatDocuments(documents, message.layout, message.first);
        port.postMessage({ type: 'exported', chunk: message.chunk, text } satisfies FromWorker);
      }
    } catch (error) {
      port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies FromWorker);
    }
  });
}
