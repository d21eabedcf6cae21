// The commands that are not about tags or views: Annotate This File, Set Document Date, the highlight
// toggles and Re-analyse Workspace.
import * as vscode from 'vscode';
import { plainMessage } from './views/labels';
import { isIsoDay } from '../analysis/documentDate';
import { registerSafeCommand, UserError } from './commandRunner';
import type { Config } from './config';
import { Commands } from './constants';
import type { WorkspaceIndex } from './workspaceIndex';

export function registerCommands(index: WorkspaceIndex, config: Config, log: vscode.LogOutputChannel): vscode.Disposable {
  const reg = (id: string, fn: (...args: unknown[]) => unknown) => registerSafeCommand(id, log, fn);

  const toggle = (kind: 'dates' | 'officials' | 'claims', name: string) => async () => {
    const on = await config.toggleHighlight(kind);
    vscode.window.setStatusBarMessage(`News Annotator: ${name} highlights ${on ? 'on' : 'off'}`, 2500);
  };

  return vscode.Disposable.from(
    reg(Commands.annotateFile, async (arg) => {
      const doc = await documentOf(arg);
      if (!doc) return void vscode.window.showInformationMessage('Open the file to annotate first.');
      const result = await index.annotate(doc);
      if (!result.ok) return void vscode.window.showWarningMessage(plainMessage(`News Annotator cannot annotate this file: ${result.reason}.`));
      vscode.window.setStatusBarMessage(`News Annotator: annotating ${vscode.workspace.asRelativePath(doc.uri)}`, 3000);
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

/** The document a command is about: a Uri (explorer/editor menus), `{ uri }` (hover links), else the active editor. */
async function documentOf(arg: unknown): Promise<vscode.TextDocument | undefined> {
  let uri: vscode.Uri | undefined;
  if (arg instanceof vscode.Uri) uri = arg;
  else if (typeof arg === 'object' && arg !== null && typeof (arg as { uri?: unknown }).uri === 'string') uri = vscode.Uri.parse((arg as { uri: string }).uri);
  if (uri) return vscode.workspace.openTextDocument(uri);
  return vscode.window.activeTextEditor?.document;
}
