// Export Annotations to JSON..., Export as W3C Web Annotations (JSON-LD)..., Import Annotations...
// Collect (exportData.ts, pure) → format (exportFormat.ts / w3c.ts, pure) → ask where → write via workspace.fs.
import * as vscode from 'vscode';
import { parseAnnotationsImport, toWebAnnotations } from '../../annotations/w3c';
import { Commands } from '../constants';
import type { TagService, WorkspaceModel } from '../model';
import { buildWorkspaceExport, type ExportArticle, type WorkspaceExport } from './exportData';
import { plainMessage, plural } from './labels';

function firstFolder(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Waits for the first indexing (with a notification if it is still running), so an export is complete. */
async function whenIndexed(model: WorkspaceModel): Promise<void> {
  let done = false;
  const ready = model.ready.then(() => (done = true));
  await Promise.race([ready, new Promise((r) => setTimeout(r, 50))]);
  if (done) return;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'News Annotator: waiting for the articles to be analysed…' }, () => ready);
}

/**
 * Every article with its text and analysis (read from its file and the analysis cache, as the index holds
 * only open articles' ones), with a cancellable progress notification; undefined when cancelled.
 */
async function collect(model: WorkspaceModel, version: string): Promise<WorkspaceExport | undefined> {
  const summaries = model.articles();
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'News Annotator: reading the articles to export', cancellable: true },
    async (progress, token) => {
      const articles: ExportArticle[] = [];
      let reported = 0;
      for (const [i, summary] of summaries.entries()) {
        if (token.isCancellationRequested) return undefined;
        const article = await model.load(summary.uri);
        if (article) articles.push({ path: article.path, text: article.text, analysis: article.analysis, tags: model.tags(article.uri) });
        if (i + 1 - reported >= summaries.length / 50) {
          progress.report({ message: `${i + 1} of ${summaries.length}`, increment: ((i + 1 - reported) * 100) / summaries.length });
          reported = i + 1;
        }
      }
      return buildWorkspaceExport(`news-annotator ${version}`, articles, model.entities(), model.events());
    },
  );
}

async function writeJson(target: vscode.Uri, value: unknown): Promise<void> {
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`));
}

async function reportWritten(target: vscode.Uri, summary: string): Promise<void> {
  const open = 'Open';
  const choice = await vscode.window.showInformationMessage(plainMessage(`News Annotator: ${summary} written to ${vscode.workspace.asRelativePath(target)}.`), open);
  if (choice === open) await vscode.window.showTextDocument(target);
}

function exportSummary(exp: WorkspaceExport): string {
  const parts = [plural(exp.articles, 'article'), plural(exp.automatic, 'automatic annotation'), plural(exp.userTags, 'tag')];
  let s = parts.join(', ');
  if (exp.detachedSkipped) s += ` (${plural(exp.detachedSkipped, 'detached tag')} left out)`;
  return s;
}

type Format = 'json' | 'w3c';

async function exportAnnotations(model: WorkspaceModel, version: string, format: Format): Promise<void> {
  await whenIndexed(model);
  if (model.articles().length === 0) {
    void vscode.window.showInformationMessage('News Annotator: there are no articles to export in this workspace.');
    return;
  }
  const folder = firstFolder();
  const fileName = format === 'json' ? 'annotations.json' : 'annotations.jsonld';
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
    filters: format === 'json' ? { 'News Annotator export': ['json'] } : { 'JSON-LD': ['jsonld', 'json'] },
    saveLabel: 'Export',
    title: format === 'json' ? 'Export annotations to JSON' : 'Export as W3C Web Annotations (JSON-LD)',
  });
  if (!target) return;
  try {
    const exp = await collect(model, version);
    if (!exp) return;
    // With one folder, sources are absolute IRIs under it so other tools can find the articles; with several,
    // paths start with the folder's name and stay relative (to wherever the file is saved).
    const single = vscode.workspace.workspaceFolders?.length === 1 ? folder : undefined;
    const value =
      format === 'json'
        ? exp.export
        : toWebAnnotations(exp.export, { texts: exp.texts, tags: exp.tags, ...(single ? { baseUri: `${single.toString()}/` } : {}) });
    await writeJson(target, value);
    await reportWritten(target, `${format === 'json' ? 'annotations' : 'W3C Web Annotations'} of ${exportSummary(exp)}`);
  } catch (error) {
    void vscode.window.showErrorMessage(plainMessage(`News Annotator: export failed, nothing was written: ${errorText(error)}`));
  }
}

async function importAnnotations(model: WorkspaceModel, tagService: TagService): Promise<void> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    canSelectFolders: false,
    defaultUri: firstFolder(),
    filters: { 'Annotations (News Annotator or W3C)': ['json', 'jsonld'], 'All files': ['*'] },
    openLabel: 'Import',
    title: 'Import annotations (a News Annotator export or W3C Web Annotations)',
  });
  const source = picked?.[0];
  if (!source) return;
  const name = vscode.workspace.asRelativePath(source);
  let text: string;
  try {
    text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(source)).replace(/^\uFEFF/, '');
  } catch (error) {
    void vscode.window.showErrorMessage(plainMessage(`News Annotator: cannot read ${name}: ${errorText(error)}`));
    return;
  }
  const parsed = parseAnnotationsImport(text);
  if (!parsed.ok) {
    void vscode.window.showErrorMessage(plainMessage(`News Annotator: cannot import ${name}: ${parsed.reason}`));
    return;
  }
  if (parsed.tags.length === 0) {
    const unreadable = parsed.skipped ? ` (${plural(parsed.skipped, 'annotation')} could not be read as tags)` : '';
    void vscode.window.showInformationMessage(plainMessage(`News Annotator: ${name} holds no tags to import${unreadable}; automatic annotations are recomputed from the articles, not imported.`));
    return;
  }
  await whenIndexed(model);
  try {
    const { attached, detached } = await tagService.importTags(parsed.tags);
    const what = parsed.format === 'w3c' ? 'W3C Web Annotations' : 'a News Annotator export';
    const detail = detached ? ` ${plural(detached, 'tag')} could not be found in the articles: see “Detached tags” in the Annotations view.` : '';
    const skipped = parsed.skipped ? ` ${plural(parsed.skipped, 'annotation')} could not be read as tags and ${parsed.skipped === 1 ? 'was' : 'were'} left out.` : '';
    void vscode.window.showInformationMessage(plainMessage(`News Annotator: imported ${plural(parsed.tags.length, 'tag')} from ${what} (${name}): ${attached} attached, ${detached} detached.${detail}${skipped}`));
  } catch (error) {
    void vscode.window.showErrorMessage(plainMessage(`News Annotator: import of ${name} failed, your tags are unchanged: ${errorText(error)}`));
  }
}

export function registerExportCommands(context: vscode.ExtensionContext, model: WorkspaceModel, tagService: TagService): vscode.Disposable {
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0');
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.exportJson, () => exportAnnotations(model, version, 'json')),
    vscode.commands.registerCommand(Commands.exportW3c, () => exportAnnotations(model, version, 'w3c')),
    vscode.commands.registerCommand(Commands.importAnnotations, () => importAnnotations(model, tagService)),
  );
}
