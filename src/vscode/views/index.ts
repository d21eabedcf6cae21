// The sidebar views, the timeline and the export/import commands, registered by activate().
import * as vscode from 'vscode';
import type { TagService, WorkspaceModel } from '../model';
import { registerAnnotationsView } from './annotationsTree';
import { registerEventsView } from './eventsTree';
import { registerExportCommands } from './exportCommands';
import { registerOpenPassage } from './openPassage';
import { registerTimeline } from './timelinePanel';

export function registerViews(context: vscode.ExtensionContext, model: WorkspaceModel, tags: TagService): vscode.Disposable {
  return vscode.Disposable.from(
    registerOpenPassage(model),
    registerEventsView(model),
    registerAnnotationsView(model),
    registerTimeline(context, model),
    registerExportCommands(context, model, tags),
  );
}
