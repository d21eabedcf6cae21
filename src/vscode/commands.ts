// The commands that are not about tags or views: Annotate This File, Analyse Anyway, Set Document Date, the
// highlight toggles and Re-analyse Workspace. Annotate This File and Analyse Anyway return the message they
// showed (undefined when all went well), so that a caller (a test) sees what the user saw.
import * as vscode from 'vscode';
import { plainMessage } from './views/labels';
import { isIsoDay } from '../analysis/documentDate';
import { type ArticleProblem, decodeArticle, maxBytesFromMB } from '../annotations/articleText';
import { registerSafeCommand, UserError } from './commandRunner';
import type { Config } from './config';
import { CONFIG_SECTION, Commands, Settings } from './constants';
import { ANALYSE_ANYWAY, type WorkspaceIndex } from './workspaceIndex';

export function registerCommands(index: WorkspaceIndex, config: Config, log: vscode.LogOutputChannel): vscode.Disposable {
  const reg = (id: string, fn: (...args: unknown[]) => unknown) => registerSafeCommand(id, log, fn);

  const toggle = (kind: 'dates' | 'officials' | 'claims', name: string) => async () => {
    const on = await config.toggleHighlight(kind);
    vscode.window.setStatusBarMessage(`News Annotator: ${name} highlights ${on ? 'on' : 'off'}`, 2500);
  };

  return vscode.Disposable.from(
    reg(Commands.annotateFile, async (arg) => {
      let doc: vscode.TextDocument | undefined;
      try {
        doc = await documentOf(arg);
      } catch (e) {
        // VS Code refuses to open some files as text (binary ones): say why in the words the CLI uses.
        const uri = uriOf(arg);
        const limit = maxBytesFromMB(vscode.workspace.getConfiguration(CONFIG_SECTION).get<unknown>(Settings.maxFileSizeMB));
        const decoded = uri ? decodeArticle(await vscode.workspace.fs.readFile(uri), limit) : undefined;
        if (uri && decoded && !decoded.ok) return refused(uri, decoded.reason, decoded.problem);
        throw e;
      }
      if (!doc) return tell('Open the file to annotate first.', 'info');
      const result = await index.annotate(doc);
      if (!result.ok) return refused(doc.uri, result.reason, result.problem);
      vscode.window.setStatusBarMessage(`News Annotator: annotating ${vscode.workspace.asRelativePath(doc.uri)}`, 3000);
      return undefined;
    }),

    reg(Commands.analyseAnyway, async (arg) => {
      // A Uri or { uri } names the file; else the active editor's; else every article refused for its size.
      const named = uriOf(arg) ?? vscode.window.activeTextEditor?.document.uri;
      const uris = named ? [named] : index.tooLarge();
      if (uris.length === 0) return tell('No article was left out for its size.', 'info');
      const failures: string[] = [];
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'News Annotator: analysing' }, async () => {
        for (const uri of uris) {
          const result = await index.analyseAnyway(uri);
          if (!result.ok) failures.push(`${vscode.workspace.asRelativePath(uri)}: ${result.reason}`);
        }
      });
      if (failures.length) return tell(`News Annotator cannot analyse ${failures.join('; ')}.`);
      vscode.window.setStatusBarMessage(`News Annotator: analysed ${uris.map((u) => vscode.workspace.asRelativePath(u)).join(', ')}`, 3000);
      return undefined;
    }),

    reg(Commands.setDocumentDate, async (arg) => {
      const doc = await documentOf(arg);
      if (!doc) return void vscode.window.showInformationMessage('Open an article to set its date.');
      if (!index.has(doc.uri)) {
        const annotated = await index.annotate(doc);
        if (!annotated.ok) return void vscode.window.showWarningMessage(plainMessage(`News Annotator cannot annotate this file: ${annotated.reason}.`));
      }
      // `{ uri, date }` sets the date without asking (tests, links); date null clears it.
      const given = typeof arg === 'object' && arg !== null && 'date' in arg ? (arg as { date: unknown }).date : undefined;
      if (given === null || typeof given === 'string') {
        if (given !== null && !isIsoDay(given)) throw new UserError(`"${given}" is not a date as YYYY-MM-DD`);
        await index.setDocumentDate(doc.uri, given);
        return;
      }
      const article = index.article(doc.uri);
      const override = index.documentDateOverride(doc.uri);
      const found = article?.analysis.documentDate;
      const prompt = override
        ? `Date of this article (set by you; clear the box to go back to ${found && found.origin === 'text' ? 'the date in the text' : 'none'})`
        : found
          ? `Date of this article (the text gives ${found.value}); relative dates ("on Tuesday", "last year") are resolved against it`
          : 'This article gives no date of its own. Its date resolves relative dates ("on Tuesday", "last year")';
      const value = await vscode.window.showInputBox({
        title: 'Set Document Date',
        prompt,
        value: override ?? found?.value ?? '',
        placeHolder: 'YYYY-MM-DD',
        validateInput: (v) => (v.trim() === '' || isIsoDay(v.trim()) ? undefined : 'A date as YYYY-MM-DD, for example 2024-03-05'),
      });
      if (value === undefined) return;
      const date = value.trim() === '' ? null : value.trim();
      await index.setDocumentDate(doc.uri, date);
      vscode.window.setStatusBarMessage(date ? `News Annotator: dates resolved against ${date}` : 'News Annotator: document date cleared', 3000);
    }),

    reg(Commands.toggleDates, toggle('dates', 'date')),
    reg(Commands.toggleOfficials, toggle('officials', 'official')),
    reg(Commands.toggleClaims, toggle('claims', 'claim')),

    reg(Commands.reanalyzeWorkspace, async () => {
      await index.reanalyse();
      void vscode.window.showInformationMessage(plainMessage(`News Annotator: analysed ${index.articles().length} articles.`));
    }),
  );
}

/** Annotate This File refused: the reason, and for a file above the size limit, the way round it. */
function refused(uri: vscode.Uri, reason: string, problem: ArticleProblem): string {
  const message = plainMessage(`News Annotator cannot annotate this file: ${reason}.`);
  if (problem !== 'too-large') return tell(message);
  void vscode.window.showWarningMessage(plainMessage(message), ANALYSE_ANYWAY).then((choice) => {
    if (choice === ANALYSE_ANYWAY) void vscode.commands.executeCommand(Commands.analyseAnyway, uri);
  });
  return message;
}

/** Shows a message and returns it (the commands' result). */
function tell(message: string, level: 'info' | 'warning' = 'warning'): string {
  // Names and reasons come from files: no [label](command:...) in them may become a link.
  void (level === 'info' ? vscode.window.showInformationMessage(plainMessage(message)) : vscode.window.showWarningMessage(plainMessage(message)));
  return plainMessage(message);
}

function uriOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string') return vscode.Uri.parse(arg);
  if (typeof arg === 'object' && arg !== null && typeof (arg as { uri?: unknown }).uri === 'string') return vscode.Uri.parse((arg as { uri: string }).uri);
  return undefined;
}

/** The document a command is about: a Uri (explorer/editor menus), `{ uri }` (hover links), else the active editor. */
async function documentOf(arg: unknown): Promise<vscode.TextDocument | undefined> {
  let uri: vscode.Uri | undefined;
  if (arg instanceof vscode.Uri) uri = arg;
  else if (typeof arg === 'object' && arg !== null && typeof (arg as { uri?: unknown }).uri === 'string') uri = vscode.Uri.parse((arg as { uri: string }).uri);
  if (uri) return vscode.workspace.openTextDocument(uri);
  return vscode.window.activeTextEditor?.document;
}
