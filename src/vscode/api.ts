// What activate() returns, for tests and automation: another extension (or the integration suite) gets it as
// `vscode.extensions.getExtension('news-annotator.news-annotator').exports` once the extension is active.
// Read-only views of what the extension computes and shows; using them changes nothing it does.
import type * as vscode from 'vscode';
import type { HighlightKind } from './highlights';
import type { Metrics } from './metrics';
import type { WorkspaceModel } from './model';
import type { AnnotationsNode } from './views/annotationsTree';
import type { EventsTreeNode } from './views/eventGroups';

/** The decoration ranges last set on an editor, per highlight category (empty when a category is switched off). */
export type AppliedDecorations = Readonly<Record<HighlightKind, readonly vscode.Range[]>>;

export interface NewsAnnotatorApi {
  /** The workspace's articles, their analyses, the linked people, the merged events and the user's tags. */
  readonly model: WorkspaceModel;
  /** The Events view's data provider, as registered (its grouping follows the view's toolbar). */
  readonly eventsTree: vscode.TreeDataProvider<EventsTreeNode>;
  /** The Annotations view's data provider, as registered. */
  readonly annotationsTree: vscode.TreeDataProvider<AnnotationsNode>;
  /**
   * The ranges last applied to the visible editor showing `uri` (the first one, when the document is split),
   * per category; undefined when no visible editor shows it or none was decorated yet.
   */
  decorationsFor(uri: vscode.Uri): AppliedDecorations | undefined;
  /** Timings and counts of the extension's own work (activation, indexing runs, re-analyses, decoration calls). */
  readonly metrics: Metrics;
}
