// The seam between the workspace index (analysis of every article, tags) and the views that show it.
import type * as vscode from 'vscode';
import type { CorpusEvent, DocumentAnalysis, Entity } from '../analysis/types';
import type { Tag } from '../annotations/tags';
import type { AnalysisCounts } from './highlights';

export type { AnalysisCounts };

/**
 * An article as the index lists it, without its text or analysis: the index holds those only for articles
 * open in an editor (a workspace of 10,000 articles would otherwise keep ~200 MB in the extension host);
 * `WorkspaceModel.load` gives them for any article.
 */
export interface ArticleSummary {
  readonly uri: vscode.Uri;
  /** As `vscode.workspace.asRelativePath(uri)` gives it (`/` separators; prefixed by the folder's name in a
   *  multi-root workspace): the path in exports and event sources. */
  readonly path: string;
  readonly sha256: string;
  /** Document date set by the user (Set Document Date), if any; it wins over the one found in the text. */
  readonly documentDateOverride: string | null;
  /** The date relative dates were resolved against: the user's, else the one found in the text, else null. */
  readonly documentDate: string | null;
  readonly counts: AnalysisCounts;
}

export interface ArticleSnapshot extends ArticleSummary {
  /** The text the analysis and the tags' offsets refer to (the editor's text when the article is open). */
  readonly text: string;
  /** Officials' entityId/name already refer to the workspace-wide entities. */
  readonly analysis: DocumentAnalysis;
}

export interface WorkspaceModel {
  /** Fires after articles, entities, events or tags changed (coalesced; cheap to listen to). */
  readonly onDidChange: vscode.Event<void>;
  /** Resolves when the first indexing of the workspace is complete. */
  readonly ready: Promise<void>;
  /** Every article of the workspace, by path. */
  articles(): readonly ArticleSummary[];
  /** How many articles articles() lists, without making the list (views show the count every second while indexing). */
  articleCount(): number;
  /** The article, if `uri` is one. */
  summary(uri: vscode.Uri): ArticleSummary | undefined;
  articleByPath(path: string): ArticleSummary | undefined;
  /** An article open in an editor, with its text and analysis, at once (decorations, hovers); undefined for others. */
  article(uri: vscode.Uri): ArticleSnapshot | undefined;
  /**
   * Any article with its text and analysis: at once when open, else read from its file, with its analysis from
   * the cache (or made again). Undefined when `uri` is not an article or its file cannot be read any more.
   */
  load(uri: vscode.Uri): Promise<ArticleSnapshot | undefined>;
  /** People linked across all articles (mentions counted workspace-wide). */
  entities(): readonly Entity[];
  /** Events merged across all articles; each source's `path` is an article path. */
  events(): readonly CorpusEvent[];
  /** The user's tags, of one article or of the whole workspace, attached and detached. */
  tags(uri?: vscode.Uri): readonly Tag[];
}

/** What the views need from the tag controller (which owns tags, their storage and their commands). */
export interface TagService {
  /** Adds imported tags, re-anchoring each against its article's current text; never drops one (unfound = detached). */
  importTags(tags: readonly Tag[]): Promise<{ attached: number; detached: number }>;
}
