// Links per-article analyses into one corpus view (people across articles, merged events) without
// analysing anything again: the index keeps each article's own analysis (cached by content hash) and
// re-links the lot in the background whenever articles change.
// Linking keeps no linked copy of every article: it keeps the corpus entities and events and, per
// document-local entity id, the corpus entity it became. An article's linked analysis is made from its own
// analysis and that map when someone asks for it (linkedAnalysis), which is also how an article analysed
// after the last linking is shown linked at once (people already known get their corpus entity; new ones keep
// their local id until the next linking).
import { linkAnalysesStepwise } from '../analysis/analyze';
import { linkOneAnalysis } from '../analysis/entities';
import { runSteps } from '../analysis/steps';
import type { CorpusAnalysis, CorpusEvent, DocumentAnalysis, Entity } from '../analysis/types';

export interface LocalArticle {
  path: string;
  /** The article's own analysis, as analyzeDocument returned it (document-local entity ids). */
  analysis: DocumentAnalysis;
}

/** What a linking of the corpus leaves: enough to make any article's linked analysis on demand. */
export interface CorpusLinks {
  entities: Entity[];
  events: CorpusEvent[];
  /** Document-local entity id (of an official) → the corpus entity it was linked to. */
  entityByLocalId: Map<string, Entity>;
  entityById: Map<string, Entity>;
  /** The analyses this linking linked; another one (analysed since) is linked on its own (linkOneAnalysis). */
  linked: WeakSet<DocumentAnalysis>;
  /** The linker's own result, which linkOneAnalysis links one more article onto (its documents emptied);
   *  none for a linking read back from the cache. */
  corpus: CorpusAnalysis | undefined;
}

/** Articles copied or read between two yields (a few ms). */
const STEP_ARTICLES = 500;

export function linkArticles(articles: readonly LocalArticle[]): CorpusAnalysis {
  const links = runSteps(linkArticlesStepwise(articles));
  return { documents: articles.map((a) => ({ path: a.path, analysis: linkedAnalysis(a.analysis, links) })), entities: links.entities, events: links.events };
}

/**
 * The corpus linking in steps (linkAnalysesStepwise's), on light copies: the officials and events it rewrites
 * are copied, everything else is left out, so the cached analyses stay as they are.
 */
export function* linkArticlesStepwise(articles: readonly LocalArticle[]): Generator<void, CorpusLinks, void> {
  const copies: Array<{ path: string; analysis: DocumentAnalysis }> = [];
  for (const a of articles) {
    copies.push({ path: a.path, analysis: linkingCopy(a.analysis) });
    if (copies.length % STEP_ARTICLES === 0) yield;
  }
  const corpus = yield* linkAnalysesStepwise(copies);
  const entityById = new Map(corpus.entities.map((e) => [e.id, e]));
  const entityByLocalId = new Map<string, Entity>();
  for (let i = 0; i < articles.length; i++) {
    const linked = corpus.documents[i]!.analysis.officials;
    articles[i]!.analysis.officials.forEach((o, j) => {
      // Every official's local id is in the linker's map; the rewritten copy tells which entity it became.
      const entity = entityById.get(linked[j]?.entityId ?? '');
      if (entity && !entityByLocalId.has(o.entityId)) entityByLocalId.set(o.entityId, entity);
    });
    if (i % STEP_ARTICLES === STEP_ARTICLES - 1) yield;
  }
  // The copies are not needed any more; the linker's index of names stays with the corpus object.
  corpus.documents = [];
  return { entities: corpus.entities, events: corpus.events, entityByLocalId, entityById, linked: new WeakSet(articles.map((a) => a.analysis)), corpus };
}

/** What linking reads and rewrites (officials, events), copied; the rest is not needed to link. */
function linkingCopy(a: DocumentAnalysis): DocumentAnalysis {
  return {
    documentDate: a.documentDate,
    sentences: [],
    dates: [],
    officials: a.officials.map((o) => ({ ...o })),
    quotes: [],
    claims: [],
    events: a.events.map((e) => ({ ...e, participants: [...e.participants], participantEntityIds: [...e.participantEntityIds] })),
  };
}

/**
 * The article's analysis with its entity ids and names rewritten as linkAnalyses rewrites them (the same rules,
 * applied from the links), as a new object: `local` is not touched. Spans nobody rewrites (dates, sentences)
 * are shared.
 */
export function linkedAnalysis(local: DocumentAnalysis, links: CorpusLinks | undefined): DocumentAnalysis {
  if (!links) return local;
  if (!links.linked.has(local)) {
    // Analysed after this linking: its people are matched against the corpus's names as the linker would.
    const copy = fullCopy(local);
    if (links.corpus && linkOneAnalysis(copy, links.corpus)) return copy;
  }
  const { entityByLocalId, entityById } = links;
  return {
    documentDate: local.documentDate,
    sentences: local.sentences,
    dates: local.dates,
    officials: local.officials.map((o) => {
      const entity = entityByLocalId.get(o.entityId);
      return entity ? { ...o, entityId: entity.id, name: entity.name, title: o.title ?? entity.title, country: o.country ?? entity.country } : { ...o };
    }),
    quotes: local.quotes.map((q) => {
      const entity = q.speakerEntityId ? entityByLocalId.get(q.speakerEntityId) : undefined;
      return entity ? { ...q, speakerEntityId: entity.id, speaker: entity.name } : { ...q };
    }),
    claims: local.claims.map((c) => {
      const entity = c.speakerEntityId ? entityByLocalId.get(c.speakerEntityId) : undefined;
      return entity ? { ...c, speakerEntityId: entity.id, speaker: entity.name } : { ...c };
    }),
    events: local.events.map((e) => {
      const ids = e.participantEntityIds.map((id) => entityByLocalId.get(id)?.id ?? id);
      return { ...e, participantEntityIds: ids, participants: ids.map((id, i) => entityById.get(id)?.name ?? e.participants[i]!) };
    }),
  };
}

/** A copy of everything linking rewrites (officials, quotes, claims, events); spans it does not rewrite are shared. */
function fullCopy(a: DocumentAnalysis): DocumentAnalysis {
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
