// One controller owns every decoration type: dates, officials, claims and the user's quote and stance
// tags, each with its themable colours. Redraws immediately when the editor changes (the index is asked
// to analyse pending edits first), and after the index re-analysed typed text (debounced there).
//
// A redraw sets a category again only when its ranges changed. VS Code moves an editor's decorations with
// each edit, so what it shows after typing is what was set, shifted: the controller shifts its record of
// what it set in the same way, and compares the new spans with that. A span an edit touches (typed into, at
// its edge, or deleted) may have been stretched or collapsed by VS Code: its category is always set again.
import * as vscode from 'vscode';
import type { Span } from '../analysis/types';
import type { AppliedDecorations } from './api';
import type { Config } from './config';
import { Colors } from './constants';
import { HIGHLIGHT_KINDS, highlightSpans, type HighlightKind } from './highlights';
import type { Metrics } from './metrics';
import type { WorkspaceIndex } from './workspaceIndex';

/** What one category shows in one editor: the spans set, moved with the edits since. */
interface Shown {
  spans: Span[];
  /** An edit touched one of the spans: what VS Code made of it is not known, so it is set again. */
  touched: boolean;
  /** The document version the spans are offsets in. */
  version: number;
}

/** One change of a content-change event, offsets in the text before the event. */
interface Change {
  start: number;
  end: number;
  delta: number;
}

/**
 * `shown` after one content-change event (changes do not overlap): spans wholly before or after every
 * change keep their text and move by the length change before them; any other span is touched.
 */
export function shiftShown(shown: Shown, changes: readonly Change[], version: number): Shown {
  // Already set on the edited text (a redraw ran before this listener), or touched already.
  if (shown.version >= version) return shown;
  if (shown.touched || changes.length === 0) return { ...shown, version };
  const sorted = [...changes].sort((a, b) => a.start - b.start);
  const spans: Span[] = new Array<Span>(shown.spans.length);
  let k = 0;
  let delta = 0;
  for (let i = 0; i < shown.spans.length; i++) {
    const s = shown.spans[i]!;
    // Spans are sorted by start: the changes wholly before this one are passed once.
    while (k < sorted.length && sorted[k]!.end < s.start) delta += sorted[k++]!.delta;
    // A change ending at the start of a span, or starting at its end, is at its edge: touched.
    for (let j = k; j < sorted.length && sorted[j]!.start <= s.end; j++) {
      if (sorted[j]!.end >= s.start) return { spans: shown.spans, touched: true, version };
    }
    spans[i] = delta === 0 ? s : { start: s.start + delta, end: s.end + delta };
  }
  return { spans, touched: false, version };
}

function sameSpans(a: readonly Span[], b: readonly Span[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.start !== b[i]!.start || a[i]!.end !== b[i]!.end) return false;
  return true;
}

/** Spans sorted by start (the engine's lists are; tags may not be). */
function byStart(spans: Span[]): Span[] {
  for (let i = 1; i < spans.length; i++) if (spans[i - 1]!.start > spans[i]!.start) return [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  return spans;
}

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
  /** What each editor shows, per category (an editor's entry goes with it). */
  private readonly shown = new WeakMap<vscode.TextEditor, Map<HighlightKind, Shown>>();
  /** The editors with an entry in `shown`, to move their records with the edits. */
  private readonly tracked = new Set<vscode.TextEditor>();

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly config: Config,
    private readonly metrics: Metrics,
  ) {
    this.disposables.push(
      // The records follow every edit (a redraw already made on the edited text is told by its version).
      vscode.workspace.onDidChangeTextDocument((e) => this.follow(e)),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor) return;
        this.index.flush(editor.document.uri);
        this.render(editor);
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        // An editor shown again may be a new one without decorations: records only of visible editors.
        const visible = new Set(editors);
        for (const editor of this.tracked) {
          if (visible.has(editor)) continue;
          this.tracked.delete(editor);
          this.shown.delete(editor);
        }
        this.renderAll();
      }),
      index.onDidChange(() => this.renderAll()),
      config.onDidChange(() => this.renderAll()),
    );
    this.renderAll();
  }

  renderAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.render(editor);
  }

  /** Moves the records of the editors showing the edited document as VS Code moves their decorations. */
  private follow(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const changes: Change[] = e.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, delta: c.text.length - c.rangeLength }));
    for (const editor of this.tracked) {
      if (editor.document !== e.document) continue;
      const shown = this.shown.get(editor);
      if (!shown) continue;
      for (const [kind, s] of shown) shown.set(kind, shiftShown(s, changes, e.document.version));
    }
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
    let shown = this.shown.get(editor);
    if (!shown) {
      this.shown.set(editor, (shown = new Map()));
      this.tracked.add(editor);
    }
    for (const kind of HIGHLIGHT_KINDS) {
      if (stale && kind !== 'quoteTag' && kind !== 'stanceTag') continue;
      const next = byStart(spans[kind]);
      const before = shown.get(kind);
      if (before && !before.touched && before.version === doc.version && sameSpans(before.spans, next)) continue;
      const ranges = next.map((s) => new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)));
      editor.setDecorations(this.types[kind], ranges);
      this.metrics.countDecorationCall(kind);
      shown.set(kind, { spans: next, touched: false, version: doc.version });
    }
  }

  /** The ranges shown in the (first) visible editor of `uri`, per category: those set, moved with the edits since. */
  appliedTo(uri: vscode.Uri): AppliedDecorations | undefined {
    const key = uri.toString();
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
    const shown = editor && this.shown.get(editor);
    if (!editor || !shown) return undefined;
    const doc = editor.document;
    const result = {} as Record<HighlightKind, readonly vscode.Range[]>;
    for (const kind of HIGHLIGHT_KINDS) {
      result[kind] = (shown.get(kind)?.spans ?? []).map((s) => new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)));
    }
    return result;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    for (const t of Object.values(this.types)) t.dispose();
  }
}
