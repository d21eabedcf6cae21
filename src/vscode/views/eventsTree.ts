// The Events view: every merged event of the workspace, grouped by date, participant or article.
import * as vscode from 'vscode';
import type { CorpusEvent, EventType } from '../../analysis/types';
import { CONFIG_SECTION, Commands, ContextKeys, Settings, Views } from '../constants';
import type { WorkspaceModel } from '../model';
import { childrenOf, groupEvents, isEventsGrouping, type EventsGrouping, type EventsTreeNode } from './eventGroups';
import { entityRole, eventDescription, eventTitle, eventTooltipText, plural, snippet } from './labels';
import type { PassageArgs } from './openPassage';

const TYPE_ICONS: Record<EventType, string> = {
  meeting: 'organization',
  talks: 'comment-discussion',
  call: 'call-outgoing',
  visit: 'location',
  trip: 'globe',
};

const GROUPING_NAMES: Record<EventsGrouping, string> = { date: 'by date', participant: 'by participant', article: 'by article' };

/** One function from model nodes to TreeItems. */
export function eventsTreeItem(node: EventsTreeNode): vscode.TreeItem {
  switch (node.kind) {
    case 'group': {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = node.description;
      item.iconPath = new vscode.ThemeIcon(node.icon);
      item.contextValue = 'eventGroup';
      if (node.entity) item.tooltip = [node.entity.name, entityRole(node.entity), plural(node.count, 'event')].filter(Boolean).join('\n');
      return item;
    }
    case 'event': {
      const item = new vscode.TreeItem(eventTitle(node.event), vscode.TreeItemCollapsibleState.Collapsed);
      item.description = eventDescription(node.event);
      item.iconPath = new vscode.ThemeIcon(TYPE_ICONS[node.event.type] ?? 'circle');
      item.tooltip = eventTooltipMarkdown(node.event);
      item.contextValue = node.event.scheduled ? 'event.planned' : 'event';
      return item;
    }
    case 'participant': {
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.None);
      item.description = entityRole(node.entity);
      item.iconPath = new vscode.ThemeIcon('person');
      item.tooltip = [node.name, entityRole(node.entity), node.entity ? `${plural(node.entity.mentions, 'mention')} in the workspace` : ''].filter(Boolean).join('\n');
      item.contextValue = 'participant';
      return item;
    }
    case 'source': {
      const item = new vscode.TreeItem(snippet(node.source.text, 90), vscode.TreeItemCollapsibleState.None);
      item.description = node.source.path;
      item.iconPath = new vscode.ThemeIcon('quote');
      item.tooltip = `${node.source.path}\n\n${node.source.text}`;
      item.contextValue = 'source';
      const args: PassageArgs = { path: node.source.path, start: node.source.start, end: node.source.end };
      item.command = { command: Commands.openPassage, title: 'Open Passage', arguments: [args] };
      return item;
    }
  }
}

/** Places, names and file names come from articles: shown as plain text, with no link of any kind enabled. */
function eventTooltipMarkdown(event: CorpusEvent): vscode.MarkdownString {
  const md = new vscode.MarkdownString(eventTooltipText(event));
  md.isTrusted = false;
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}

class EventsTreeProvider implements vscode.TreeDataProvider<EventsTreeNode> {
  private readonly changed = new vscode.EventEmitter<EventsTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: EventsTreeNode[] | undefined;

  constructor(
    private readonly model: WorkspaceModel,
    public grouping: EventsGrouping,
  ) {}

  refresh(): void {
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  getTreeItem(node: EventsTreeNode): vscode.TreeItem {
    const item = eventsTreeItem(node);
    item.id = `${this.grouping}|${node.id}`;
    // A single group opens by itself: nothing else to choose from.
    if (node.kind === 'group' && this.roots?.length === 1 && this.roots[0] === node) item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
    return item;
  }

  getChildren(node?: EventsTreeNode): EventsTreeNode[] {
    if (node) return childrenOf(node, new Map(this.model.entities().map((e) => [e.id, e])));
    this.roots ??= groupEvents(this.model.events(), this.model.entities(), this.grouping);
    return this.roots;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function configuredGrouping(): EventsGrouping {
  const value = vscode.workspace.getConfiguration(CONFIG_SECTION).get<string>(Settings.eventsGroupBy);
  return isEventsGrouping(value) ? value : 'date';
}

/** Registers the Events view; its provider is handed out too, for activate()'s test API. */
export function registerEventsView(model: WorkspaceModel): { registration: vscode.Disposable; provider: EventsTreeProvider } {
  const provider = new EventsTreeProvider(model, configuredGrouping());
  const view = vscode.window.createTreeView(Views.events, { treeDataProvider: provider, showCollapseAll: true });
  let ready = false;
  let lastArticleCount = -1;

  const update = () => {
    const events = model.events();
    const articles = model.articleCount();
    view.badge = events.length ? { value: events.length, tooltip: plural(events.length, 'event') } : undefined;
    view.description = events.length ? GROUPING_NAMES[provider.grouping] : undefined;
    if (!ready) view.message = 'Reading the articles of the workspace…';
    else view.message = articles > 0 && events.length === 0 ? `No meetings, visits, talks or calls found in ${plural(articles, 'article')}.` : undefined;
    if (ready && articles !== lastArticleCount) {
      lastArticleCount = articles;
      void vscode.commands.executeCommand('setContext', ContextKeys.articleCount, articles);
    }
    provider.refresh();
  };

  const applyGrouping = (grouping: EventsGrouping) => {
    void vscode.commands.executeCommand('setContext', ContextKeys.eventsGrouping, grouping);
    if (grouping === provider.grouping) return;
    provider.grouping = grouping;
    update();
  };

  /** The toolbar switch writes the setting (where it is set: workspace, else user), so the choice lasts. */
  const switchGrouping = async (grouping: EventsGrouping) => {
    applyGrouping(grouping);
    const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
    const inspected = config.inspect<string>(Settings.eventsGroupBy);
    const target = inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    try {
      if (config.get(Settings.eventsGroupBy) !== grouping) await config.update(Settings.eventsGroupBy, grouping, target);
    } catch {
      // The view already switched; the choice just won't outlive the window.
    }
  };

  void vscode.commands.executeCommand('setContext', ContextKeys.eventsGrouping, provider.grouping);
  update();
  void model.ready.then(
    () => {
      ready = true;
      update();
    },
    () => {
      ready = true;
      update();
    },
  );

  const registration = vscode.Disposable.from(
    provider,
    view,
    model.onDidChange(update),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${CONFIG_SECTION}.${Settings.eventsGroupBy}`)) applyGrouping(configuredGrouping());
    }),
    vscode.commands.registerCommand(Commands.groupEventsByDate, () => switchGrouping('date')),
    vscode.commands.registerCommand(Commands.groupEventsByParticipant, () => switchGrouping('participant')),
    vscode.commands.registerCommand(Commands.groupEventsByArticle, () => switchGrouping('article')),
  );
  return { registration, provider };
}
