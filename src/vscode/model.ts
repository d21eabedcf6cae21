// The seam between the workspace index (analysis of every article, tags) and the views that show it.
import type * as vscode from 'vscode';
import type { CorpusEvent, DocumentAnalysis, Entity } from '../analysis/types';
import type { Tag } from '../annotations/tags';

export interface ArticleSnapshot {
  readonly uri: vscode.Uri;
  /** As `vscode.workspace.asRelativePath(uri)` gives it (`/` separators; prefixed by the folder's name in a
   *  multi-root workspace): the path in exports and event sources. */
  readonly path: string;
  /** The text the analysis and the tags' offsets refer to (the editor's text when the article is open). */
  readonly text: string;
  readonly sha256: string;
  /** Officials' entityId/name already refer to the workspace-wide entities. */
  readonly analysis: DocumentAnalysis;
  /** Document date set by the user (Set Document Date), if any; it wins over the one found in the text. */
  readonly documentDateOverride: string | null;
}

export interface WorkspaceModel {
  /** Fires after articles, entities, events or tags changed (coalesced; cheap to listen to). */
  readonly onDidChange: vscode.Event<void>;
  /** Resolves when the first indexing of the workspace is complete. */
  readonly ready: Promise<void>;
  articles(): readonly ArticleSnapshot[];
  article(uri: vscode.Uri): ArticleSnapshot | undefined;
  articleByPath(path: string): ArticleSnapshot | undefined;
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
