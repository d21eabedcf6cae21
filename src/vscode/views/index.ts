// The sidebar views, the timeline and the export/import commands, registered by activate().
import * as vscode from 'vscode';
import { Views } from '../constants';
import type { TagService, WorkspaceModel } from '../model';
import type { AnnotationsNode } from './annotationsTree';
import { registerAnnotationsView } from './annotationsTree';
import type { EventsTreeNode } from './eventGroups';
import { registerEventsView } from './eventsTree';
import { registerExportCommands } from './exportCommands';
import { registerOpenPassage } from './openPassage';
import { registerTimeline } from './timelinePanel';

/**
 * The registrations (disposed together) and the two trees' data providers, for activate()'s test API; a
 * provider is undefined only if the editor's API could not be hooked (then the views work all the same).
 */
export interface RegisteredViews extends vscode.Disposable {
  readonly eventsTree: vscode.TreeDataProvider<EventsTreeNode> | undefined;
  readonly annotationsTree: vscode.TreeDataProvider<AnnotationsNode> | undefined;
}

export function registerViews(context: vscode.ExtensionContext, model: WorkspaceModel, tags: TagService): RegisteredViews {
  const openPassage = registerOpenPassage(model);
  const { result: trees, providers } = catchingTreeProviders(() => [registerEventsView(model), registerAnnotationsView(model)]);
  const eventsTree = providers.get(Views.events) as vscode.TreeDataProvider<EventsTreeNode> | undefined;
  const annotationsTree = providers.get(Views.annotations) as vscode.TreeDataProvider<AnnotationsNode> | undefined;
  const registrations = vscode.Disposable.from(openPassage, ...trees, registerTimeline(context, model), registerExportCommands(context, model, tags));
  return { eventsTree, annotationsTree, dispose: () => registrations.dispose() };
}

/**
 * Runs `register` and returns, by view id, the data providers it hands to `vscode.window.createTreeView`: the
 * view modules keep their providers to themselves and return only a Disposable, so they are picked up on the
 * way in. Each call still reaches VS Code unchanged; the hook is in place only while `register` runs, and
 * where the API object cannot be changed `register` just runs (no providers caught).
 */
function catchingTreeProviders<T>(register: () => T): { result: T; providers: ReadonlyMap<string, unknown> } {
  type CreateTreeView = typeof vscode.window.createTreeView;
  const window = vscode.window as unknown as { createTreeView: CreateTreeView };
  const createTreeView = window.createTreeView;
  const providers = new Map<string, unknown>();
  const catching = <N>(viewId: string, options: vscode.TreeViewOptions<N>): vscode.TreeView<N> => {
    providers.set(viewId, options.treeDataProvider);
    return createTreeView.call(vscode.window, viewId, options) as vscode.TreeView<N>;
  };
  try {
    window.createTreeView = catching;
  } catch {
    // A frozen API object: nothing is caught.
  }
  try {
    return { result: register(), providers };
  } finally {
    if (window.createTreeView === catching) window.createTreeView = createTreeView;
  }
}
