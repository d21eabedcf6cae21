// The status bar item: counts for the active article; a click opens the Annotations view.
import * as vscode from 'vscode';
import { Views } from './constants';
import { articleCounts, statusText, statusTooltip } from './highlights';
import type { WorkspaceIndex } from './workspaceIndex';

export function registerStatusBar(index: WorkspaceIndex): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('newsAnnotator.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'News Annotator';
  item.command = { title: 'Open the Annotations view', command: `${Views.annotations}.focus` };
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    const article = editor ? index.summary(editor.document.uri) : undefined;
    if (!article) {
      if (index.isIndexing() && editor && index.isArticleUri(editor.document.uri)) {
        item.text = '$(sync~spin) News Annotator';
        item.tooltip = 'News Annotator: indexing the articles of this workspace';
        item.show();
      } else item.hide();
      return;
    }
    const counts = articleCounts(article.counts, index.tags(article.uri));
    item.text = statusText(counts);
    item.tooltip = statusTooltip(counts);
    item.accessibilityInformation = { label: statusTooltip(counts) };
    item.show();
  };
  update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    index.onDidChange(update),
    index.onDidChangeIndexing(update),
  );
}
