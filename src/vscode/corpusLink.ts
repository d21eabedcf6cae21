// Links per-article analyses into one corpus view (people across articles, merged events) without
// analysing anything again: the index keeps each article's own analysis (cached by content hash) and
// re-links the lot, which is cheap, whenever one article changes.
// The same linking step as analyzeCorpus; it works on copies, so a cached analysis keeps its
// document-local ids and can be linked again next time.
import { linkAnalyses } from '../analysis/analyze';
import type { CorpusAnalysis, DocumentAnalysis } from '../analysis/types';

export interface LocalArticle {
  path: string;
  /** The article's own analysis, as analyzeDocument returned it (document-local entity ids). */
  analysis: DocumentAnalysis;
}

export function linkArticles(articles: readonly LocalArticle[]): CorpusAnalysis {
  return linkAnalyses(articles.map((a) => ({ path: a.path, analysis: copyAnalysis(a.analysis) })));
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
