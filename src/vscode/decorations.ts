// One controller owns every decoration type: dates, officials, claims and the user's quote and stance
// tags, each with its themable colours. Redraws immediately when the editor changes (the index is asked
// to analyse pending edits first), and after the index re-analysed typed text (debounced there).
import * as vscode from 'vscode';
import type { AppliedDecorations } from './api';
import type { Config } from './config';
import { Colors } from './constants';
import { HIGHLIGHT_KINDS, highlightSpans, type HighlightKind } from './highlights';
import type { WorkspaceIndex } from './workspaceIndex';

function decorationTypes(): Record<HighlightKind, vscode.TextEditorDecorationType> {
  const color = (id: string) => new vscode.ThemeColor(id);
  const boxed = (background: string, border: string, overview: string): vscode.DecorationRenderOptions => ({
    backgroundColor: color(background),
    border: '1px solid',
    borderColor: color(border),
    borderRadius: '2px',
    overviewRulerColor: color(overview),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  return {
    date: vscode.window.createTextEditorDecorationType(boxed(Colors.dateBackground, Colors.dateBorder, Colors.dateBorder)),
    official: vscode.window.createTextEditorDecorationType({ ...boxed(Colors.officialBackground, Colors.officialBorder, Colors.officialBorder), fontWeight: '600' }),
    // Claims are whole sentences: a tint and an underline, so dates and names inside stay readable.
    claim: vscode.window.createTextEditorDecorationType({
      backgroundColor: color(Colors.claimBackground),
      borderStyle: 'none none dotted none',
      borderWidth: '0 0 1px 0',
      borderColor: color(Colors.claimBorder),
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
    quoteTag: vscode.window.createTextEditorDecorationType({
      ...boxed(Colors.quoteTagBackground, Colors.quoteTagBorder, Colors.quoteTagBorder),
      borderStyle: 'none none solid none',
      borderWidth: '0 0 2px 0',
      overviewRulerLane: vscode.OverviewRulerLane.Left,
      before: { contentText: '❝', color: color(Colors.quoteTagBorder), margin: '0 1px 0 0' },
    }),
    stanceTag: vscode.window.createTextEditorDecorationType({
      ...boxed(Colors.stanceTagBackground, Colors.stanceTagBorder, Colors.stanceTagBorder),
      borderStyle: 'none none solid none',
      borderWidth: '0 0 2px 0',
      overviewRulerLane: vscode.OverviewRulerLane.Left,
      before: { contentText: '⚖', color: color(Colors.stanceTagBorder), margin: '0 1px 0 0' },
    }),
  };
}

export class DecorationController implements vscode.Disposable {
  private readonly types = decorationTypes();
  private readonly disposables: vscode.Disposable[] = [];
  /** What was last set on each editor, per category: read by the test API (an editor's entry goes with it). */
  private readonly applied = new WeakMap<vscode.TextEditor, Map<HighlightKind, vscode.Range[]>>();

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly config: Config,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor) return;
        this.index.flush(editor.document.uri);
        this.render(editor);
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.renderAll()),
      index.onDidChange(() => this.renderAll()),
      config.onDidChange(() => this.renderAll()),
    );
    this.renderAll();
  }

  renderAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.render(editor);
  }

  private render(editor: vscode.TextEditor): void {
    const doc = editor.document;
    const article = this.index.article(doc.uri);
    const text = doc.getText();
    // An analysis of other text (edits not analysed yet) would put highlights on the wrong words: keep
    // what is shown (VS Code moves decorations with the edits) until the analysis catches up. Tags are
    // shifted on every edit, so they are always current.
    const stale = !!article && article.text !== text;
    const tags = article || this.index.isArticleUri(doc.uri) ? this.index.tags(doc.uri) : [];
    const spans = highlightSpans(stale ? undefined : article?.analysis, tags, this.config.current.highlight, text.length);
    let applied = this.applied.get(editor);
    if (!applied) this.applied.set(editor, (applied = new Map()));
    for (const kind of HIGHLIGHT_KINDS) {
      if (stale && kind !== 'quoteTag' && kind !== 'stanceTag') continue;
      const ranges = spans[kind].map((s) => new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)));
      editor.setDecorations(this.types[kind], ranges);
      applied.set(kind, ranges);
    }
  }

  /** The ranges last applied to the (first) visible editor of `uri`, per category. */
  appliedTo(uri: vscode.Uri): AppliedDecorations | undefined {
    const key = uri.toString();
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
    const applied = editor && this.applied.get(editor);
    if (!applied) return undefined;
    const result = {} as Record<HighlightKind, readonly vscode.Range[]>;
    for (const kind of HIGHLIGHT_KINDS) result[kind] = [...(applied.get(kind) ?? [])];
    return result;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    for (const t of Object.values(this.types)) t.dispose();
  }
}
