// The engine's entry points: one article, or a whole corpus with people and events linked across it.
import { findClaims } from './claims';
import { findDates } from './dates';
import { findDocumentDate, isIsoDay } from './documentDate';
import { linkEntities } from './entities';
import { findEvents, mergeEvents } from './events';
import { findOfficials } from './officials';
import { analyzeQuotes } from './quotes';
import { paragraphBlocks, splitSentences } from './sentences';
import type {
  AnalyzeOptions,
  CorpusAnalysis,
  CorpusDocument,
  DocumentAnalysis,
  DocumentDateInfo,
} from './types';

export function analyzeDocument(text: string, options: AnalyzeOptions = {}): DocumentAnalysis {
  const documentDate = resolveDocumentDate(text, options);
  // Paragraph blocks are read once: sentences and quotations both start from them.
  const blocks = paragraphBlocks(text);
  const sentences = splitSentences(text, blocks);
  const dates = findDates(text, documentDate?.value ?? null);
  const officials = findOfficials(text);
  const quoteAnalysis = analyzeQuotes(text, sentences, officials, blocks);
  const quotes = quoteAnalysis.quotes.map((q) => q.quote);
  const claims = findClaims(text, sentences, quoteAnalysis);
  const events = findEvents(text, { sentences, officials, dates, documentDate: documentDate?.value ?? null });
  return { documentDate, sentences, dates, officials, quotes, claims, events };
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
  return linkAnalyses(documents.map((doc) => ({ path: doc.path, analysis: analyzeDocument(doc.text, doc.options) })));
}

/**
 * The corpus step of analyzeCorpus on analyses already made (the extension keeps each article's analysis
 * and re-links the lot when one changes). Rewrites the analyses' entity ids and names in place.
 */
export function linkAnalyses(analysed: Array<{ path: string; analysis: DocumentAnalysis }>): CorpusAnalysis {
  const { entities, byLocalId } = linkEntities(analysed.map((d) => d.analysis.officials));
  const entityById = new Map(entities.map((e) => [e.id, e]));

  // Rewrite every reference to a document-local entity id to the corpus entity.
  for (const { analysis } of analysed) {
    for (const official of analysis.officials) {
      const entity = byLocalId.get(official.entityId);
      if (!entity) continue;
      official.entityId = entity.id;
      official.name = entity.name;
      official.title = official.title ?? entity.title;
      official.country = official.country ?? entity.country;
    }
    for (const attributed of [...analysis.quotes, ...analysis.claims]) {
      const entity = attributed.speakerEntityId ? byLocalId.get(attributed.speakerEntityId) : undefined;
      if (!entity) continue;
      attributed.speakerEntityId = entity.id;
      attributed.speaker = entity.name;
    }
    for (const event of analysis.events) {
      event.participantEntityIds = event.participantEntityIds.map((id) => byLocalId.get(id)?.id ?? id);
      event.participants = event.participantEntityIds.map(
        (id, i) => entityById.get(id)?.name ?? event.participants[i]!,
      );
    }
  }

  const events = mergeEvents(analysed.map((d) => ({ path: d.path, events: d.analysis.events })));
  return { documents: analysed, entities, events };
}
