// newsAnnotator.openPassage: opens an article with a passage revealed and selected. Used by the trees,
// the timeline and hover links, so its argument is plain JSON.
import * as vscode from 'vscode';
import { plainMessage } from './labels';
import { Commands } from '../constants';
import type { WorkspaceModel } from '../model';

export interface PassageArgs {
  /** Article path as the model names it (asRelativePath). */
  path?: string;
  /** The article's URI (a string in command links); wins over `path`. */
  uri?: string | vscode.Uri;
  start: number;
  end: number;
}

export function isPassageArgs(value: unknown): value is PassageArgs {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    Number.isInteger(v.start) &&
    Number.isInteger(v.end) &&
    (v.start as number) >= 0 &&
    (v.end as number) >= (v.start as number) &&
    (typeof v.path === 'string' || typeof v.uri === 'string' || v.uri instanceof vscode.Uri)
  );
}

/** The article's URI: the model's, else the path resolved against the workspace folders. */
export function resolveArticleUri(model: WorkspaceModel, args: Pick<PassageArgs, 'path' | 'uri'>): vscode.Uri | undefined {
  if (args.uri instanceof vscode.Uri) return args.uri;
  if (typeof args.uri === 'string') {
    try {
      return vscode.Uri.parse(args.uri, true);
    } catch {
      return undefined;
    }
  }
  if (!args.path) return undefined;
  const known = model.articleByPath(args.path);
  if (known) return known.uri;
  const folders = vscode.workspace.workspaceFolders ?? [];
  // In a multi-root workspace relative paths start with the folder's name.
  for (const folder of folders) {
    if (folders.length > 1 && args.path.startsWith(`${folder.name}/`)) return vscode.Uri.joinPath(folder.uri, args.path.slice(folder.name.length + 1));
  }
  return folders[0] ? vscode.Uri.joinPath(folders[0].uri, args.path) : undefined;
}

export async function openPassage(model: WorkspaceModel, args: unknown): Promise<vscode.TextEditor | undefined> {
  if (!isPassageArgs(args)) {
    void vscode.window.showErrorMessage('News Annotator: cannot open the passage (no article or offsets given).');
    return undefined;
  }
  const uri = resolveArticleUri(model, args);
  if (!uri) {
    void vscode.window.showErrorMessage(plainMessage(`News Annotator: cannot find the article ${args.path ?? ''}.`));
    return undefined;
  }
  try {
    const document = await vscode.workspace.openTextDocument(uri);
    // Offsets past the end (the file shrank since it was analysed) are clamped, never an error.
    const range = new vscode.Range(document.positionAt(args.start), document.positionAt(args.end));
    const editor = await vscode.window.showTextDocument(document, { preview: true });
    // Selected from its end back to its start: the cursor sits where the passage begins, so a long unwrapped
    // line is scrolled to its beginning, not to where it ends.
    editor.selection = new vscode.Selection(range.end, range.start);
    editor.revealRange(new vscode.Range(range.start, range.start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  } catch (error) {
    void vscode.window.showErrorMessage(plainMessage(`News Annotator: cannot open ${args.path ?? uri.toString(true)}: ${error instanceof Error ? error.message : String(error)}`));
    return undefined;
  }
}

export function registerOpenPassage(model: WorkspaceModel): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.openPassage, (args: unknown) => openPassage(model, args));
}
