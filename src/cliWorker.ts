// The work one CLI worker thread does (and the messages it exchanges with the main thread).
// Phase 1: read, decode and analyse a chunk of files; keep the full analyses and texts here and send
// the main thread only what linking across the corpus needs (officials' names, events). Phase 2: apply
// the corpus linking the main thread sends back (one table of local ids to entities) and format the
// chunk's documents as export text, so the main thread only links and writes.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { analyzeDocuments } from './analysis/analyze';
import { applyEntityLinks } from './analysis/entities';
import type { AnalyzeOptions, CorpusAnalysis, DocumentAnalysis, Entity, EventMention, OfficialMention } from './analysis/types';
import { decodeArticle } from './annotations/articleText';
import { exportDocument, type ExportedDocument } from './annotations/exportFormat';
import { formatDocuments, type OutputLayout } from './cliOutput';
import { hashText } from './vscode/textHash';

export const WORKER_ROLE = 'news-annotator-cli-worker';

export interface ChunkFile {
  file: string;
  path: string;
}

/**
 * What linking across the corpus needs of one analysed document, and no more (structured cloning is paid
 * on both threads): its officials as flat [entityId, name, title, country] quadruples, its events, and the
 * surrogate pairs before its events' sources (their code-point offsets).
 */
export interface LinkableDocument {
  path: string;
  officials: Array<string | null>;
  events: EventMention[];
  pairEnds: number[];
}

/** The corpus linking as a worker applies it: each document-local entity id and the entity it joins. */
export interface LinkTable {
  localIds: string[];
  /** Index in `entities` of each local id's entity. */
  entityOf: number[];
  entities: Entity[];
}

export type ToWorker =
  | { type: 'analyse'; chunk: number; files: ChunkFile[]; documentDate?: string }
  | { type: 'links'; table: LinkTable }
  | { type: 'export'; chunk: number; layout: OutputLayout; first: boolean };

export type FromWorker =
  | { type: 'analysed'; chunk: number; results: Array<{ path: string; skipped: string } | LinkableDocument> }
  | { type: 'exported'; chunk: number; text: string }
  | { type: 'failed'; message: string };

/**
 * Analyses a chunk's articles as analyzeCorpus does before it links them: each stage over a batch of
 * documents before the next stage, which keeps a stage's code and tables in the CPU caches (in a worker
 * thread, a third less time than analyzeDocument one article at a time). The engine exports no batch
 * analysis without the linking, so this follows analyzeCorpus's stage calls; a test holds each result
 * equal to analyzeDocument's.
 */
export function analyzeChunk(texts: readonly string[], options: AnalyzeOptions = {}): DocumentAnalysis[] {
  return analyzeDocuments(texts.map((text) => ({ text, options })));
}

/** The part of an analysis linking reads, flattened for the message to the main thread. */
export function linkableDocument(path: string, analysis: DocumentAnalysis, text: string): LinkableDocument {
  const officials: Array<string | null> = [];
  for (const o of analysis.officials) officials.push(o.entityId, o.name, o.title, o.country);
  // Only the events' sources are given code-point offsets from the main thread.
  return { path, officials, events: analysis.events, pairEnds: analysis.events.length > 0 ? surrogatePairEnds(text) : [] };
}

/** An analysis as linkAnalyses needs it on the main thread, from a worker's LinkableDocument. */
export function analysisToLink(document: LinkableDocument): DocumentAnalysis {
  const officials: OfficialMention[] = [];
  const flat = document.officials;
  for (let i = 0; i + 3 < flat.length; i += 4) {
    officials.push({ start: 0, end: 0, text: '', entityId: flat[i]!, name: flat[i + 1]!, title: flat[i + 2] ?? null, country: flat[i + 3] ?? null });
  }
  return { documentDate: null, sentences: [], dates: [], officials, quotes: [], claims: [], events: document.events };
}

/**
 * The link table of a corpus linked from analysisToLink's analyses: `localIds` are each document's official
 * ids before linking, in order, and the linked documents' officials now carry the corpus ids.
 */
export function linkTableOf(localIds: ReadonlyArray<readonly string[]>, corpus: CorpusAnalysis): LinkTable {
  const entityIndex = new Map<string, number>();
  corpus.entities.forEach((e, i) => entityIndex.set(e.id, i));
  const table: LinkTable = { localIds: [], entityOf: [], entities: corpus.entities };
  const seen = new Set<string>();
  corpus.documents.forEach(({ analysis }, d) => {
    const before = localIds[d]!;
    analysis.officials.forEach((official, i) => {
      const local = before[i]!;
      if (seen.has(local)) return;
      seen.add(local);
      const index = entityIndex.get(official.entityId);
      if (index === undefined) return;
      table.localIds.push(local);
      table.entityOf.push(index);
    });
  });
  return table;
}

/** The maps applyEntityLinks takes, from a link table. */
function linkMaps(table: LinkTable): { byLocalId: Map<string, Entity>; entityById: Map<string, Entity> } {
  const byLocalId = new Map<string, Entity>();
  table.localIds.forEach((local, i) => byLocalId.set(local, table.entities[table.entityOf[i]!]!));
  const entityById = new Map<string, Entity>();
  for (const e of table.entities) entityById.set(e.id, e);
  return { byLocalId, entityById };
}

/** One document of the export, as buildExport makes it, hashed by Node's native SHA-256 (a tenth of the CLI's time in pure TypeScript). */
export function exportNativeDocument(path: string, analysis: DocumentAnalysis, text: string): ExportedDocument {
  return exportDocument(path, analysis, text, [], hashText);
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
  let links: ReturnType<typeof linkMaps> | null = null;
  port.on('message', (message: ToWorker) => {
    try {
      if (message.type === 'analyse') {
        const kept: Array<{ path: string; text: string; analysis: DocumentAnalysis }> = [];
        const read: Array<{ path: string; text: string } | { path: string; skipped: string }> = [];
        for (const { file, path } of message.files) {
          const decoded = decodeArticle(readFileSync(file));
          read.push(decoded.ok ? { path, text: decoded.text } : { path, skipped: decoded.reason });
        }
        const texts = read.flatMap((r) => ('text' in r ? [r.text] : []));
        const analyses = analyzeChunk(texts, message.documentDate ? { documentDate: message.documentDate } : {});
        const results: Extract<FromWorker, { type: 'analysed' }>['results'] = [];
        let next = 0;
        for (const r of read) {
          if (!('text' in r)) {
            results.push(r);
            continue;
          }
          const analysis = analyses[next++]!;
          results.push(linkableDocument(r.path, analysis, r.text));
          // Kept for the export, which reads neither sentences (the bulk of an analysis) nor events (linked
          // on the main thread): less to hold is less for the collector to trace until phase 2.
          kept.push({ path: r.path, text: r.text, analysis: { ...analysis, sentences: [], events: [] } });
        }
        chunks.set(message.chunk, kept);
        port.postMessage({ type: 'analysed', chunk: message.chunk, results } satisfies FromWorker);
      } else if (message.type === 'links') {
        links = linkMaps(message.table);
      } else {
        const kept = chunks.get(message.chunk) ?? [];
        chunks.delete(message.chunk);
        const documents = kept.map(({ path, text, analysis }) => {
          if (links) applyEntityLinks(analysis, links.byLocalId, links.entityById);
          return exportNativeDocument(path, analysis, text);
        });
        const text = formatDocuments(documents, message.layout, message.first);
        port.postMessage({ type: 'exported', chunk: message.chunk, text } satisfies FromWorker);
      }
    } catch (error) {
      port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies FromWorker);
    }
  });
}
