// Collects the workspace (articles, their analyses, entities, merged events, the user's tags) into the
// inputs of the v1 export, so that the command only asks where to save and writes. Pure: no vscode.
import type { CorpusAnalysis, CorpusEvent, DocumentAnalysis, Entity } from '../../analysis/types';
import { buildExport, type AnnotationsExport, type UserAnnotation } from '../../annotations/exportFormat';
import type { Tag } from '../../annotations/tags';
import { compareText } from './labels';

export interface ExportArticle {
  path: string;
  text: string;
  analysis: DocumentAnalysis;
  /** This article's tags (detached ones are left out of the export: their offsets mean nothing). */
  tags: readonly Tag[];
}

/** A tag as the export format's user annotation; null for a detached tag or one that no longer fits the text. */
export function tagToUserAnnotation(tag: Tag, text: string): UserAnnotation | null {
  const { start, end } = tag.anchor;
  if (tag.detached || start < 0 || end > text.length || start >= end) return null;
  const passage = text.slice(start, end);
  if (tag.kind === 'quote') {
    return { id: tag.id, kind: 'quote', start, end, text: passage, speaker: tag.speaker, speakerEntityId: tag.speakerEntityId };
  }
  return { id: tag.id, kind: 'stance', start, end, text: passage, stance: tag.stance, holder: tag.holder, target: tag.target, note: tag.note };
}

export interface WorkspaceExport {
  export: AnnotationsExport;
  articles: number;
  automatic: number;
  userTags: number;
  /** Tags left out because they are detached. */
  detachedSkipped: number;
  /** Each article's text, by path (the W3C mapping reads context and code-point positions from it). */
  texts: ReadonlyMap<string, string>;
  /** The attached tags exported (the W3C mapping keeps their times and stored context). */
  tags: Tag[];
}

export function buildWorkspaceExport(generator: string, articles: readonly ExportArticle[], entities: readonly Entity[], events: readonly CorpusEvent[]): WorkspaceExport {
  const sorted = [...articles].sort((a, b) => compareText(a.path, b.path));
  const corpus: CorpusAnalysis = {
    documents: sorted.map((a) => ({ path: a.path, analysis: a.analysis })),
    entities: [...entities],
    events: [...events],
  };
  const texts = new Map(sorted.map((a) => [a.path, a.text]));
  const userAnnotations = new Map<string, UserAnnotation[]>();
  let userTags = 0;
  let detachedSkipped = 0;
  const exportedTags: Tag[] = [];
  for (const a of sorted) {
    const list: UserAnnotation[] = [];
    for (const tag of a.tags) {
      const u = tagToUserAnnotation(tag, a.text);
      if (u) {
        list.push(u);
        exportedTags.push(tag);
      } else detachedSkipped++;
    }
    userTags += list.length;
    if (list.length) userAnnotations.set(a.path, list);
  }
  const exp = buildExport({ generator, corpus, texts, userAnnotations });
  const total = exp.documents.reduce((n, d) => n + d.annotations.length, 0);
  return { export: exp, articles: sorted.length, automatic: total - userTags, userTags, detachedSkipped, texts, tags: exportedTags };
}
