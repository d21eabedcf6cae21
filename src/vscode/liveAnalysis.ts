// Re-analysis of typed text: one IncrementalAnalyzer per open article, so that after a keystroke only the
// edited paragraphs are analysed again on the extension host's thread. The index calls analyseTyped for an
// open document's text (after its debounce), and gives back every full analysis it makes of an open
// article (adopt), so that the next edit starts from it.
import * as vscode from 'vscode';
import { IncrementalAnalyzer } from '../analysis/incremental';
import type { DocumentAnalysis } from '../analysis/types';
import type { Metrics } from './metrics';

export interface TypedAnalysis {
  analysis: DocumentAnalysis;
  /**
   * True when `analysis` equals analyzeDocument(text, { documentDate }) exactly. False: it is the previous
   * analysis with the edited paragraphs re-read (right away from the edit, and a good reading near it): show
   * it, and run the full analysis off this thread, then give it to `adopt`.
   */
  exact: boolean;
  /** Characters the engine read (the whole text when nothing could be reused). */
  analysedChars: number;
  /** Time on this thread. */
  ms: number;
}

export interface LiveAnalysisOptions {
  /**
   * Texts up to this many characters are analysed whole when an edit touches what is global (exact, and
   * quick at that size); longer ones get the inexact splice and a full analysis later.
   */
  wholeTextUpToChars?: number;
}

/** Below ~128 K characters the whole engine takes a few tens of milliseconds at most. */
const WHOLE_TEXT_UP_TO = 128 * 1024;

export class LiveAnalysis implements vscode.Disposable {
  private readonly analyzers = new Map<string, IncrementalAnalyzer>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly wholeTextUpTo: number;

  constructor(
    private readonly metrics: Metrics,
    options: LiveAnalysisOptions = {},
  ) {
    this.wholeTextUpTo = options.wholeTextUpToChars ?? WHOLE_TEXT_UP_TO;
    this.disposables.push(vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)));
  }

  /**
   * The analysis of an open article's typed text, re-reading only what the edit touched when it can.
   * Undefined for a long text with nothing to start from (its whole analysis, which the caller gets made off
   * this thread, has not come yet): reading it whole here would hold the extension host for a long time.
   */
  analyseTyped(uri: vscode.Uri, text: string, documentDateOverride: string | null): TypedAnalysis | undefined {
    const started = performance.now();
    const key = uri.toString();
    let analyzer = this.analyzers.get(key);
    if (!analyzer?.current && text.length > this.wholeTextUpTo) return undefined;
    if (!analyzer) this.analyzers.set(key, (analyzer = new IncrementalAnalyzer()));
    const result = analyzer.update(text, { documentDate: documentDateOverride }, text.length <= this.wholeTextUpTo ? 'full' : 'splice');
    const ms = performance.now() - started;
    this.metrics.recordReanalysis({ uri: key, ms, analysedChars: result.analysedChars, textChars: text.length });
    return { analysis: result.analysis, exact: result.exact, analysedChars: result.analysedChars, ms };
  }

  /**
   * A full analysis of an open article made elsewhere (on opening, from the cache, or the background run
   * after an inexact answer), of the document's CURRENT text (the caller drops a background result whose
   * text the user has typed past): the next edit starts from it.
   */
  adopt(uri: vscode.Uri, text: string, analysis: DocumentAnalysis, documentDateOverride: string | null): void {
    const key = uri.toString();
    let analyzer = this.analyzers.get(key);
    if (!analyzer) this.analyzers.set(key, (analyzer = new IncrementalAnalyzer()));
    analyzer.reset();
    analyzer.replace(text, analysis, { documentDate: documentDateOverride });
  }

  /**
   * Whether an article this long should be given a whole analysis (adopt) before its first edit: a shorter one
   * is read whole by its first edit, quickly enough.
   */
  wantsWholeAnalysisFirst(textLength: number): boolean {
    return textLength > this.wholeTextUpTo;
  }

  /** Whether the article has an analysis its next edit can start from. */
  hasBase(uri: vscode.Uri): boolean {
    return !!this.analyzers.get(uri.toString())?.current;
  }

  /** Whether the last analysis given for the article is known exact (false also when there is none). */
  isExact(uri: vscode.Uri): boolean {
    return this.analyzers.get(uri.toString())?.current?.exact ?? false;
  }

  forget(uri: vscode.Uri): void {
    this.analyzers.delete(uri.toString());
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.analyzers.clear();
  }
}
