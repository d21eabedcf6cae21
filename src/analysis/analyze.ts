// The engine's entry points: one article, or a whole corpus with people and events linked across it.
import { findClaims } from './claims';
import { findDates } from './dates';
import { findDocumentDate, isIsoDay } from './documentDate';
import { applyEntityLinks, linkEntitiesStepwise, rememberLinkIndex } from './entities';
import { mergeEventsStepwise } from './eventMerge';
import { findEvents } from './events';
import { dropSharedWords, keepSharedWords } from './names';
import { findOfficials } from './officials';
import { analyzeQuotes } from './quotes';
import { paragraphBlocks, splitSentences } from './sentences';
import { runSteps } from './steps';
import type {
  AnalyzeOptions,
  CorpusAnalysis,
  CorpusDocument,
  DocumentAnalysis,
  DocumentDateInfo,
  Entity,
  OfficialMention,
} from './types';

export function analyzeDocument(text: string, options: AnalyzeOptions = {}): DocumentAnalysis {
  return analyzeBatch([{ text, options }])[0]!;
}

/**
 * Characters of text analysed stage by stage together (see analyzeBatch). npm run bench, 10 MB: 64 KB 1.55x
 * chrono's time, 256 KB 1.45x, 1 MB 1.34x, 2-4 MB 1.35x (each stage's code and tables stay warm longer).
 */
const BATCH_CHARS = 1024 * 1024;

/**
 * Runs each stage over every document of the batch before the next stage, rather than every stage per
 * document: a recognizer's code and tables then stay in the CPU caches (measured ~15% faster on the
 * benchmark corpus). The output is the same as analysing each document alone.
 */
function analyzeBatch(batch: ReadonlyArray<{ text: string; options?: AnalyzeOptions }>): DocumentAnalysis[] {
  const documentDates = batch.map((d) => resolveDocumentDate(d.text, d.options ?? {}));
  const analyses = runStages(batch.map((d, i) => ({ text: d.text, day: documentDates[i]?.value ?? null })));
  analyses.forEach((a, i) => (a.documentDate = documentDates[i]!));
  return analyses;
}

/**
 * The stages after the document date, on a text whose date for resolving relative dates is given (`day`, null
 * for none: nothing is read from the text) and, optionally, whose officials were already found. The
 * incremental analyser reads windows of an article this way. The analysis' documentDate is left null.
 */
export function analyzeStages(text: string, day: string | null, officials?: OfficialMention[]): DocumentAnalysis {
  return runStages([{ text, day, officials }])[0]!;
}

function runStages(batch: ReadonlyArray<{ text: string; day: string | null; officials?: OfficialMention[] }>): DocumentAnalysis[] {
  // Paragraph blocks are read once: sentences and quotations both start from them.
  const blocks = batch.map((d) => paragraphBlocks(d.text));
  const sentences = batch.map((d, i) => splitSentences(d.text, blocks[i]!));
  // The dates and quotes stages read the words the officials stage tokenized (names.sharedTokens):
  // kept meanwhile; dates runs before quotes, which lets each article's words go.
  // (Let go in every case: kept words hold their articles' texts.)
  keepSharedWords();
  let officials: OfficialMention[][];
  let dates: ReturnType<typeof findDates>[];
  let quoteAnalyses: ReturnType<typeof analyzeQuotes>[];
  try {
    officials = batch.map((d) => d.officials ?? findOfficials(d.text));
    dates = batch.map((d) => findDates(d.text, d.day));
    quoteAnalyses = batch.map((d, i) => analyzeQuotes(d.text, sentences[i]!, officials[i]!, blocks[i]!));
  } finally {
    dropSharedWords();
  }
  const claims = batch.map((d, i) => findClaims(d.text, sentences[i]!, quoteAnalyses[i]!));
  const events = batch.map((d, i) =>
    findEvents(d.text, { sentences: sentences[i]!, officials: officials[i]!, dates: dates[i]!, documentDate: d.day }),
  );
  return batch.map((_, i) => ({
    documentDate: null,
    sentences: sentences[i]!,
    dates: dates[i]!,
    officials: officials[i]!,
    quotes: quoteAnalyses[i]!.quotes.map((q) => q.quote),
    claims: claims[i]!,
    events: events[i]!,
  }));
}

function resolveDocumentDate(text: string, options: AnalyzeOptions): DocumentDateInfo | null {
  if (options.documentDate) {
    if (!isIsoDay(options.documentDate)) {
      throw new RangeError(`documentDate must be YYYY-MM-DD, got "${options.documentDate}"`);
    }
    return { value: options.documentDate, origin: 'option' };
  }
  return findDocumentDate(text);
}

/**
 * Analyses every document, then links the same person across documents to one entity
 * (canonical name, title, country) and merges the same event reported by several articles.
 */
export function analyzeCorpus(documents: readonly CorpusDocument[]): CorpusAnalysis {
  const analyses = analyzeDocuments(documents);
  return linkAnalyses(documents.map((d, i) => ({ path: d.path, analysis: analyses[i]! })));
}

/**
 * Each document's own analysis (document-local entity ids, nothing linked), as analyzeDocument gives it, but
 * run stage by stage over batches of documents (faster on many small articles; see analyzeBatch).
 */
export function analyzeDocuments(documents: ReadonlyArray<{ text: string; options?: AnalyzeOptions }>): DocumentAnalysis[] {
  const analyses: DocumentAnalysis[] = [];
  for (let first = 0; first < documents.length; ) {
    let end = first;
    let chars = 0;
    while (end < documents.length && (end === first || chars < BATCH_CHARS)) chars += documents[end++]!.text.length;
    analyses.push(...analyzeBatch(documents.slice(first, end)));
    first = end;
  }
  return analyses;
}

/**
 * The corpus step of analyzeCorpus on analyses already made (the extension keeps each article's analysis
 * and re-links the lot when one changes). Rewrites the analyses' entity ids and names in place.
 */
export function linkAnalyses(analysed: Array<{ path: string; analysis: DocumentAnalysis }>): CorpusAnalysis {
  return runSteps(linkAnalysesStepwise(analysed));
}

/** Mentions, quotes, claims and events rewritten between two yields of linkAnalysesStepwise (a few ms). */
const REWRITE_STEP = 8192;

/**
 * linkAnalyses in steps: the generator yields between bounded pieces of work (a few thousand mentions or
 * events, a few milliseconds), so that a caller on a UI thread can spread linking a large corpus over
 * several turns of its event loop. Same result as linkAnalyses.
 */
export function* linkAnalysesStepwise(analysed: Array<{ path: string; analysis: DocumentAnalysis }>): Generator<void, CorpusAnalysis, void> {
  const perDocument: OfficialMention[][] = [];
  for (const d of analysed) perDocument.push(d.analysis.officials);
  const { byLocalId, entities, index } = yield* linkEntitiesStepwise(perDocument);
  const entityById = new Map<string, Entity>();
  for (const e of entities) entityById.set(e.id, e);

  // Rewrite every reference to a document-local entity id to the corpus entity.
  let work = 0;
  for (const { analysis } of analysed) {
    applyEntityLinks(analysis, byLocalId, entityById);
    work += analysis.officials.length + analysis.quotes.length + analysis.claims.length + analysis.events.length + 1;
    if (work >= REWRITE_STEP) {
      work = 0;
      yield;
    }
  }

  let events: CorpusAnalysis['events'];
  try {
    events = yield* mergeEventsStepwise(analysed.map((d) => ({ path: d.path, events: d.analysis.events })));
  } catch {
    // As mergeEvents: the engine never throws; no merged events is the safe answer.
    events = [];
  }
  const corpus: CorpusAnalysis = { documents: analysed, entities, events };
  rememberLinkIndex(corpus, index);
  return corpus;
}
