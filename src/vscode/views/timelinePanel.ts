// Show Timeline: a webview drawing every event of the workspace on a time axis. The extension lays it
// out and builds the SVG (pure, tested); the webview only shows it, explains on hover, reports clicks and
// resolves the theme's colours when the user saves it.
import * as vscode from 'vscode';
import type { CorpusEvent } from '../../analysis/types';
import { CONFIG_SECTION, Commands, Settings } from '../constants';
import type { WorkspaceModel } from '../model';
import { escapeIcons, plainMessage, snippet } from './labels';
import { openPassage, type PassageArgs } from './openPassage';
import { eventDetails, makeNonce, parseWebviewMessage, timelinePageHtml, timelineWebviewOptions, type RenderMessage } from './timelineHtml';
import { isTimelineLanes, layoutTimeline, type TimelineLanes } from './timelineLayout';
import { cssVariableNames, renderTimelineSvg, standaloneSvg, timelineCss } from './timelineSvg';

const VIEW_TYPE = 'newsAnnotator.timeline';

function configuredLanes(): TimelineLanes {
  const value = vscode.workspace.getConfiguration(CONFIG_SECTION).get<string>(Settings.timelineLanes);
  return isTimelineLanes(value) ? value : 'participant';
}

/** The render message for the model's current events. */
export function renderMessage(model: WorkspaceModel, lanes: TimelineLanes, ready: boolean): RenderMessage {
  const events = model.events();
  const css = timelineCss();
  const details: RenderMessage['details'] = {};
  for (const e of events) details[e.id] = eventDetails(e);
  const empty = !ready
    ? 'Reading the articles of the workspace…'
    : events.length === 0
      ? model.articleCount() === 0
        ? 'No articles in this workspace. Open a folder of plain-text or Markdown articles.'
        : 'No meetings, visits, talks or calls found in the articles of this workspace.'
      : null;
  const layout = layoutTimeline(events, model.entities(), lanes);
  return { type: 'render', svg: empty ? '' : renderTimelineSvg(layout, events), lanes, eventCount: events.length, details, cssVariables: cssVariableNames(css), empty };
}

class TimelinePanel {
  private readonly disposables: vscode.Disposable[] = [];
  private lanes = configuredLanes();
  /** The webview has loaded and can take messages. */
  private ready = false;
  /** The model's first indexing is done. */
  private indexed = false;
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly model: WorkspaceModel,
    extensionUri: vscode.Uri,
    onDispose: () => void,
  ) {
    const media = vscode.Uri.joinPath(extensionUri, 'media', 'timeline');
    panel.webview.options = timelineWebviewOptions(media);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'news-annotator.svg');
    panel.webview.html = timelinePageHtml({
      cspSource: panel.webview.cspSource,
      nonce: makeNonce(),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'timeline.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'timeline.css')).toString(),
      svgCss: timelineCss(),
    });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw) => this.onMessage(raw)),
      model.onDidChange(() => this.scheduleRender()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(`${CONFIG_SECTION}.${Settings.timelineLanes}`)) return;
        this.lanes = configuredLanes();
        this.render();
      }),
      panel.onDidDispose(() => {
        onDispose();
        this.dispose();
      }),
    );
    const indexed = () => {
      this.indexed = true;
      this.render();
    };
    void model.ready.then(indexed, indexed);
  }

  private scheduleRender(): void {
    // The model coalesces its changes already; this only keeps a burst of them from redrawing each time.
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.render();
    }, 150);
  }

  render(): void {
    if (!this.ready) return; // the webview asks when it has loaded
    void this.panel.webview.postMessage(renderMessage(this.model, this.lanes, this.indexed));
  }

  private async onMessage(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.render();
        return;
      case 'open':
        await this.openEvent(message.eventId, message.choose);
        return;
      case 'lanes': {
        this.lanes = message.lanes;
        this.render();
        const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
        const target = config.inspect(Settings.timelineLanes)?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
        try {
          if (config.get(Settings.timelineLanes) !== message.lanes) await config.update(Settings.timelineLanes, message.lanes, target);
        } catch {
          // The picture already switched; the choice just won't outlive the window.
        }
        return;
      }
      case 'save':
        await this.save(message.svg, message.variables);
        return;
    }
  }

  /** Opens the event's first passage (in article order), or lets the user choose one. */
  private async openEvent(eventId: string, choose: boolean): Promise<void> {
    const event = this.model.events().find((e) => e.id === eventId);
    if (!event) return;
    const sources = [...event.sources].sort((a, b) => a.path.localeCompare(b.path) || a.start - b.start);
    const source = choose && sources.length > 1 ? await pickSource(event, sources) : sources[0];
    if (!source) return;
    const args: PassageArgs = { path: source.path, start: source.start, end: source.end };
    await openPassage(this.model, args);
  }

  private async save(svg: string, variables: Record<string, string>): Promise<void> {
    const file = standaloneSvg(svg, timelineCss(), variables);
    if (!file) {
      void vscode.window.showErrorMessage('News Annotator: the timeline could not be saved (the picture was not recognised).');
      return;
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, 'timeline.svg') : undefined,
      filters: { 'SVG image': ['svg'] },
      saveLabel: 'Save Timeline',
      title: 'Save the timeline as an SVG image',
    });
    if (!target) return;
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(file));
      void vscode.window.showInformationMessage(plainMessage(`News Annotator: timeline saved to ${vscode.workspace.asRelativePath(target)}.`));
    } catch (error) {
      void vscode.window.showErrorMessage(plainMessage(`News Annotator: cannot write ${target.toString(true)}: ${error instanceof Error ? error.message : String(error)}`));
    }
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

async function pickSource(event: CorpusEvent, sources: CorpusEvent['sources']) {
  const picked = await vscode.window.showQuickPick(
    // Quick-pick labels and descriptions render `$(icon)`: an article's text must not.
    sources.map((s) => ({ label: escapeIcons(snippet(s.text, 100)), description: escapeIcons(s.path), source: s })),
    { title: `Sources of this event (${sources.length})`, placeHolder: `Open which passage about ${event.participants.join(', ') || 'this event'}?`, matchOnDescription: true },
  );
  return picked?.source;
}

export function registerTimeline(context: vscode.ExtensionContext, model: WorkspaceModel): vscode.Disposable {
  let current: TimelinePanel | undefined;
  const open = (panel: vscode.WebviewPanel): TimelinePanel => {
    const created: TimelinePanel = new TimelinePanel(panel, model, context.extensionUri, () => {
      if (current === created) current = undefined;
    });
    return created;
  };
  const show = () => {
    if (current) {
      current.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      'News Timeline',
      vscode.ViewColumn.Active,
      timelineWebviewOptions(vscode.Uri.joinPath(context.extensionUri, 'media', 'timeline')),
    );
    current = open(panel);
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.showTimeline, show),
    // A timeline left open comes back after a reload (the picture is redrawn from the model).
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => {
        current?.panel.dispose();
        current = open(panel);
      },
    }),
    { dispose: () => current?.panel.dispose() },
  );
}
