// The sidebar views, the timeline and the export/import commands, registered by activate().
import * as vscode from 'vscode';
import type { TagService, WorkspaceModel } from '../model';
import type { AnnotationsNode } from './annotationsTree';
import { registerAnnotationsView } from './annotationsTree';
import type { EventsTreeNode } from './eventGroups';
import { registerEventsView } from './eventsTree';
import { registerExportCommands } from './exportCommands';
import { registerOpenPassage } from './openPassage';
import { registerTimeline } from './timelinePanel';

/** The registrations (disposed together) and the two trees' data providers, for activate()'s test API. */
export interface RegisteredViews extends vscode.Disposable {
  readonly eventsTree: vscode.TreeDataProvider<EventsTreeNode>;
  readonly annotationsTree: vscode.TreeDataProvider<AnnotationsNode>;
}

export function registerViews(context: vscode.ExtensionContext, model: WorkspaceModel, tags: TagService): RegisteredViews {
  const openPassage = registerOpenPassage(model);
  const events = registerEventsView(model);
  const annotations = registerAnnotationsView(model);
  const registrations = vscode.Disposable.from(
    openPassage,
    events.registration,
    annotations.registration,
    registerTimeline(context, model),
    registerExportCommands(context, model, tags),
  );
  return { eventsTree: events.provider, annotationsTree: annotations.provider, dispose: () => registrations.dispose() };
}
