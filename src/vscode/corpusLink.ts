// Links per-article analyses into one corpus view (people across articles, merged events) without
// analysing anything again: the index keeps, per article, only what linking reads (LinkInput: its people
// and events, a few hundred bytes), and re-links the lot in the background whenever articles change.
// Linking keeps no linked copy of every article: it keeps the corpus entities and events and, per
// document-local entity id, the corpus entity it became. An article's linked analysis is made from its own
// analysis and that map when someone asks for it (linkedAnalysis), which is also how an article analysed
// after the last linking is shown linked at once (people already known get their corpus entity; new ones keep
// their local id until the next linking).
import { detached } from '../analysis/detached';
import { applyEntityLinks, linkEntitiesStepwise, linkOneAnalysis, type MentionedPerson, rememberLinkIndex } from '../analysis/entities';
import { mergeEventsStepwise } from '../analysis/eventMerge';
import { runSteps } from '../analysis/steps';
import type { CorpusAnalysis, CorpusEvent, DocumentAnalysis, Entity, EventMention, EventSource } from '../analysis/types';

export interface LocalArticle {
  path: string;
  /** The article's own analysis, as analyzeDocument returned it (document-local entity ids). */
  analysis: DocumentAnalysis;
}

/** One person as an article names them: what linking reads of an official mention. */
export type LinkPerson = MentionedPerson;

/**
 * What linking reads of one article's analysis, compactly: its distinct people, the sequence of its official
 * mentions as indexes into them (linking counts mentions and reads them in order), and its events. An
 * article's whole analysis (dates, quotes, claims, every span) is not needed to link it, so the index does
 * not hold it for articles that are not open.
 */
export interface LinkInput {
  people: LinkPerson[];
  mentions: Uint16Array | Uint32Array;
  events: EventMention[];
}

export interface LinkArticle {
  path: string;
  link: LinkInput;
}

/** What a linking of the corpus leaves: enough to make any article's linked analysis on demand. */
export interface CorpusLinks {
  entities: Entity[];
  events: CorpusEvent[];
  /** Document-local entity id (of an official) → the corpus entity it was linked to. */
  entityByLocalId: Map<string, Entity>;
  entityById: Map<string, Entity>;
  /** The link inputs this linking linked; an article analysed since is linked on its own (linkOneAnalysis). */
  linked: WeakSet<LinkInput>;
  /** The linker's own result, which linkOneAnalysis links one more article onto (its documents emptied);
   *  none for a linking read back from the cache. */
  corpus: CorpusAnalysis | undefined;
}

/** What linking reads of an analysis (see LinkInput); `analysis` is not kept or changed. */
export function linkInputOf(analysis: Pick<DocumentAnalysis, 'officials' | 'events'>): LinkInput {
  const people: LinkPerson[] = [];
  const indexOf = new Map<string, number>();
  const mentions = analysis.officials.length > 0xffff ? new Uint32Array(analysis.officials.length) : new Uint16Array(analysis.officials.length);
  analysis.officials.forEach((o, i) => {
    const key = `${o.entityId}\0${o.name}\0${o.title ?? ''}\0${o.title === null ? 0 : 1}\0${o.country ?? ''}\0${o.country === null ? 0 : 1}`;
    let at = indexOf.get(key);
    if (at === undefined) {
      at = people.length;
      indexOf.set(key, at);
      people.push({ entityId: o.entityId, name: o.name, title: o.title, country: o.country });
    }
    mentions[i] = at;
  });
  // Copies whose passages share no memory with the article's text: a slice of it would keep the whole text
  // alive (V8 slices strings of 13 characters or more), and the index keeps link inputs of every article.
  const events = analysis.events.map((e) => ({ ...e, sources: e.sources.map((source) => ({ ...source, text: detached(source.text) })) }));
  return { people, mentions, events };
}

/** Distinct people (corpus entities, as the last linking has them) an article names. */
export function peopleCount(link: LinkInput, links: CorpusLinks | undefined): number {
  const ids = new Set<string>();
  for (const p of link.people) ids.add(links?.entityByLocalId.get(p.entityId)?.id ?? p.entityId);
  return ids.size;
}

/** Articles copied or read between two yields (a few ms). */
const STEP_ARTICLES = 500;

/** Links whole analyses at once, as analyzeCorpus does (the tests compare the two). */
export function linkArticles(articles: readonly LocalArticle[]): CorpusAnalysis {
  const inputs = articles.map((a) => ({ path: a.path, link: linkInputOf(a.analysis) }));
  const links = runSteps(linkArticlesStepwise(inputs));
  return {
    documents: articles.map((a, i) => ({ path: a.path, analysis: linkedAnalysis(a.analysis, links, inputs[i]!.link) })),
    entities: links.entities,
    events: links.events,
  };
}

/**
 * The corpus linking in steps, from link inputs: the engine's linking of a corpus (linkAnalysesStepwise: people
 * by linkEntities, events rewritten to them and merged) on what it reads, without making an analysis per
 * article: each person object stands for all its mentions, and only the events are copied (rewritten in
 * place). The unit tests hold it equal to linkAnalyses.
 */
export function* linkArticlesStepwise(articles: readonly LinkArticle[]): Generator<void, CorpusLinks, void> {
  const perDocument: LinkPerson[][] = [];
  for (const a of articles) {
    const mentions: LinkPerson[] = [];
    for (const person of a.link.mentions) mentions.push(a.link.people[person]!);
    perDocument.push(mentions);
    if (perDocument.length % STEP_ARTICLES === 0) yield;
  }
  const { byLocalId, entities, index } = yield* linkEntitiesStepwise(perDocument);
  perDocument.length = 0;
  const entityById = new Map<string, Entity>();
  for (const e of entities) entityById.set(e.id, e);
  // Each article's events are copied and linked as the merge reaches them, not all first: a copy is garbage
  // once merged, instead of ~20,000 of them living (and being promoted to the old generation) through the
  // whole merge of a large workspace.
  function* documents(): Generator<{ path: string; events: EventMention[] }> {
    for (const a of articles) {
      if (a.link.events.length === 0) continue;
      // The passages take their article's path once, and every linking's merged events share them (see mergeEvent).
      for (const e of a.link.events) for (const source of e.sources) if ((source as Partial<EventSource>).path !== a.path) (source as EventSource).path = a.path;
      const events = a.link.events.map((e) => ({ ...e, participants: [...e.participants], participantEntityIds: [...e.participantEntityIds] }));
      applyEntityLinks({ officials: [], quotes: [], claims: [], events }, byLocalId, entityById);
      yield { path: a.path, events };
    }
  }
  let events: CorpusEvent[];
  try {
    events = yield* mergeEventsStepwise(documents());
  } catch {
    // As linkAnalyses: the engine never throws; no merged events is the safe answer.
    events = [];
  }
  // The linker's index stays with this (document-less) corpus, for linkOneAnalysis.
  const corpus: CorpusAnalysis = { documents: [], entities, events };
  rememberLinkIndex(corpus, index);
  return { entities, events, entityByLocalId: byLocalId, entityById, linked: new WeakSet(articles.map((a) => a.link)), corpus };
}

/**
 * The article's analysis with its entity ids and names rewritten as linkAnalyses rewrites them (the same rules,
 * applied from the links), as a new object: `local` is not touched. Spans nobody rewrites (dates, sentences)
 * are shared.
 */
export function linkedAnalysis(local: DocumentAnalysis, links: CorpusLinks | undefined, linkedAs: LinkInput | undefined): DocumentAnalysis {
  if (!links) return local;
  if (!linkedAs || !links.linked.has(linkedAs)) {
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
