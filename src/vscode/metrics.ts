// What the extension's own work costs, measured where it happens (performance.now() in the extension host),
// for the scale benchmark and the integration tests. Recording is a few assignments: always on.

/** One indexing run of the workspace (the first one after activation, or Re-analyse Workspace). */
export interface IndexingRun {
  /** performance.now() when the run started and when every article was in the index (undefined while running). */
  readonly startedAt: number;
  readonly finishedAt: number | undefined;
  /** Articles found, analysed by the engine in this run, and taken from the analysis cache. */
  readonly articles: number;
  readonly analysed: number;
  readonly fromCache: number;
  readonly cancelled: boolean;
}

/** One re-analysis of an open article after typing (the debounce excluded). */
export interface Reanalysis {
  readonly uri: string;
  /** Time on the extension host's thread from taking the edited text to the model holding its new analysis. */
  readonly ms: number;
  /** Characters the engine analysed again (the whole text when it could not reuse anything). */
  readonly analysedChars: number;
  readonly textChars: number;
}

export class Metrics {
  /** Time spent inside activate(). */
  activationMs = 0;
  readonly indexingRuns: IndexingRun[] = [];
  readonly reanalyses: Reanalysis[] = [];
  /** setDecorations calls made, per decoration category (to show that only what changed is redrawn). */
  readonly decorationCalls: Record<string, number> = {};

  startIndexing(articles: number): MutableIndexingRun {
    const run: MutableIndexingRun = { startedAt: performance.now(), finishedAt: undefined, articles, analysed: 0, fromCache: 0, cancelled: false };
    this.indexingRuns.push(run);
    return run;
  }

  recordReanalysis(r: Reanalysis): void {
    this.reanalyses.push(r);
    // Bounded: a day of typing must not grow memory.
    if (this.reanalyses.length > 1000) this.reanalyses.splice(0, this.reanalyses.length - 1000);
  }

  countDecorationCall(kind: string): void {
    this.decorationCalls[kind] = (this.decorationCalls[kind] ?? 0) + 1;
  }
}

export type MutableIndexingRun = { -readonly [K in keyof IndexingRun]: IndexingRun[K] };
