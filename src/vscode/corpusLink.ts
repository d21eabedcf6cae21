// Links per-article analyses into one corpus view (people across articles, merged events) without
// analysing anything again: the index keeps each article's own analysis (cached by content hash) and
// re-links the lot, which is cheap, whenever one article changes.
// Mirrors what analyzeCorpus does after analysing; it works on copies, so a cached analysis keeps its
// document-local ids and can be linked again next time.
import { linkEntities } from '../analysis/entities';
import { mergeEvents } from '../analysis/events';
import type { CorpusAnalysis, DocumentAnalysis } from '../analysis/types';

export interface LocalArticle {
  path: string;
  /** The article's own analysis, as analyzeDocument returned it (document-local entity ids). */
  analysis: DocumentAnalysis;
}

export function linkArticles(articles: readonly LocalArticle[]): CorpusAnalysis {
  const documents = articles.map((a) => ({ path: a.path, analysis: copyAnalysis(a.analysis) }));
  const { entities, byLocalId } = linkEntities(documents.map((d) => d.analysis.officials));
  const entityById = new Map(entities.map((e) => [e.id, e]));
  for (const { analysis } of documents) {
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
      event.participants = event.participantEntityIds.map((id, i) => entityById.get(id)?.name ?? event.participants[i]!);
    }
  }
  const events = mergeEvents(documents.map((d) => ({ path: d.path, events: d.analysis.events })));
  return { documents, entities, events };
}

/** Copies what linking rewrites; spans nobody rewrites (dates, sentences) are shared. */
function copyAnalysis(a: DocumentAnalysis): DocumentAnalysis {
  return {
    documentDate: a.documentDate,
    sentences: a.sentences,
    dates: a.dates,
    officials: a.officials.map((o) => ({ ...o })),
    quotes: a.quotes.map((q) => ({ ...q })),
    claims: a.claims.map((c) => ({ ...c })),
    events: a.events.map((e) => ({ ...e, participants: [...e.participants], participantEntityIds: [...e.participantEntityIds] })),
  };
}
