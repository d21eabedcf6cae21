// The workspace index: every article of the workspace with its analysis, people linked across
// articles, merged events. Finds articles with the include/exclude globs, reads them through
// workspace.fs, keeps them current as files are opened, edited, saved, created, renamed and deleted,
// and caches analyses by content hash. Implements the WorkspaceModel the views read.
// Scale (10,000 articles): files are read several at a time and analysed off this thread (analysisPool.ts);
// reopening shows the workspace from the cache first (manifest + shards) and checks the files after; people
// and events are linked in the background, in bounded steps, one run at a time, and the model serves the
// last linking meanwhile (a small workspace is linked at once when read, as it costs a few milliseconds).
import * as vscode from 'vscode';
import { analyzeDocument } from '../analysis/analyze';
import { isIsoDay } from '../analysis/documentDate';
import type { CorpusEvent, DocumentAnalysis, Entity } from '../analysis/types';
import { type ArticleProblem, checkArticleText, decodeArticle, formatMB, maxBytesFromMB, notAnalysedMessage, notUtf8OpenMessage, tooLargeMessage, tooLargeReason } from '../annotations/articleText';
import type { Tag } from '../annotations/tags';
import { type AnalysisSummary, type ArticleRecord, fillTexts, internStrings, keptAnalysis, keptAnalysisJson, parseSummary, summarise } from './analysisCache';
import type { AnalysisCacheStore } from './analysisCacheStore';
import { AnalysisPool, EMPTY_ANALYSIS } from './analysisPool';
import type { Config } from './config';
import { CONFIG_SECTION, Settings } from './constants';
import { runSteps, runStepsInSlices } from '../analysis/steps';
import { type CorpusLinks, type LinkInput, linkArticlesStepwise, linkedAnalysis, peopleCount } from './corpusLink';
import { enabledPatterns, walkArticles } from './articleWalk';
import { isArticlePath } from './glob';
import { warmUpEngine } from './engineWarmUp';
import { LiveAnalysis } from './liveAnalysis';
import { PathOrderedMap } from './pathOrderedMap';
import { Metrics, type MutableIndexingRun } from './metrics';
import type { AnalysisCounts, ArticleSnapshot, ArticleSummary, WorkspaceModel } from './model';
import { hashText, textHasher } from './textHash';
import { plainMessage } from './views/labels';

/**
 * One article. Its text and whole analysis are held only while it is open in an editor (`held`); for the
 * others the index keeps what linking and the views' counts need, and `load` reads the rest when asked.
 */
interface Entry {
  uri: vscode.Uri;
  path: string;
  /** False while the article is shown from the cache and its file not checked yet (not listed until then). */
  checked: boolean;
  sha256: string;
  override: string | null;
  /** The file as it was read (size, mtime) and the cache key: what the cache manifest records. */
  record?: ArticleRecord;
  /** The analysis's document date (the override, else the one found). */
  documentDate: string | null;
  /** What linking reads of the article's own analysis (document-local entity ids). */
  link: LinkInput;
  /** Quotes, claims and dates found (officials are counted from `link`, as linked). */
  found: { quotes: number; claims: number; dates: number };
  /** The text and the article's own analysis, while it is open in an editor. */
  held?: { text: string; analysis: DocumentAnalysis };
  snapshot?: Summary;
}

/** An article's text as read from its file or editor, handed to those that follow texts (tags). */
export interface ReplacedText {
  uri: vscode.Uri;
  path: string;
  text: string;
}

interface FileHead {
  /** -1 when not stated here (the worker states the file). */
  size: number;
  mtime: number;
  seq: number;
}

/** The read-ahead counts an article not stated yet as this many characters. */
const UNSTATED_SIZE = 4096;

interface Read {
  text: string;
  size: number;
  mtime: number;
  seq: number;
  open: boolean;
}

interface Listed {
  version: number;
  list: ArticleSummary[];
  byPath: Map<string, ArticleSummary>;
}

/** Up to this many articles are linked synchronously when the model is read (a few ms); more, in the background. */
const SYNC_LINK_ARTICLES = 300;
/** Time one step of the background linking may take before the event loop gets a turn. */
const LINK_SLICE_MS = 8;
/**
 * Files read at the same time while indexing: reading, not analysis, is what a cold indexing waits on
 * (bench:scale, 10,000 articles: 8 → ~19.5 s, 32 → 15.3 s, 64 → 14.0 s); the read-ahead bound below caps memory.
 */
const READS_IN_FLIGHT = 64;
/** Pause in typing after which a large workspace is linked again (a small one links when the model is read). */
const TYPED_RELINK_DELAY_MS = 2000;
/** Characters of text read but not yet analysed, at most (bounds memory while the workers catch up). */
const MAX_TEXT_IN_ANALYSIS = 1_000_000;
/**
 * While indexing, the workspace is linked again when it has grown this many times since the last linking (so
 * that all the linkings of a first indexing cost about a third more than the last one, not twice it).
 */
const LINK_GROWTH = 4;
/** Pause in typing after which a long article's quick, inexact reading is made exact off the host's thread. */
const EXACT_AFTER_IDLE_MS = 1500;
/** After the first article opens, the wait before the host's engine is warmed up (see engineWarmUp.ts). */
const ENGINE_WARM_UP_DELAY_MS = 300;
/** While indexing, the views are told about changes at most this often. */
const INDEXING_FIRE_MS = 1_000;

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** What a linking depends on: every article's path, text hash and date override, in path order. */
function linkSignature(articles: ReadonlyArray<{ path: string; sha256: string; override: string | null }>): string {
  return runSteps(linkSignatureSteps(articles));
}

/** linkSignature in steps of a thousand articles (10,000 of them take tens of milliseconds). */
function* linkSignatureSteps(articles: ReadonlyArray<{ path: string; sha256: string; override: string | null }>): Generator<void, string, void> {
  const hasher = textHasher();
  for (let i = 0; i < articles.length; i++) {
    const a = articles[i]!;
    hasher.update(`${i === 0 ? '' : '\n'}${a.path}\0${a.sha256}\0${a.override ?? ''}`);
    if (i % 1000 === 999) yield;
  }
  return hasher.digest();
}

type Timer = ReturnType<typeof setTimeout>;

/** Runs `run` after `ms`, unless asked again for the same key meanwhile (then the wait starts over). */
function restartTimer(timers: Map<string, Timer>, key: string, ms: number, run: () => void): void {
  const previous = timers.get(key);
  if (previous) clearTimeout(previous);
  timers.set(
    key,
    setTimeout(() => {
      timers.delete(key);
      run();
    }, ms),
  );
}

function turn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Where the model gets the user's tags: the tag controller, once it exists. */
export interface TagSource {
  tags(uri?: vscode.Uri): readonly Tag[];
  /** The URIs (as strings) of the articles that have tags. */
  taggedArticles(): ReadonlySet<string>;
}

const DOCUMENT_DATES_KEY = 'newsAnnotator.documentDates';
const EXTRA_ARTICLES_KEY = 'newsAnnotator.extraArticles';
/** Articles the user chose to analyse although they are above the size limit (Analyse Anyway). */
const LARGE_ARTICLES_KEY = 'newsAnnotator.largeArticlesAllowed';
export const ANALYSE_ANYWAY = 'Analyse Anyway';
const OPEN_SETTING = 'Change the Limit';

/** Why a file that counts as an article is not analysed. */
export interface Refusal {
  reason: string;
  problem: ArticleProblem;
}
/** Schemes an open document may be an article in (not diff views, output panes, settings...). */
const ARTICLE_SCHEMES = new Set(['file', 'vscode-vfs', 'vscode-remote', 'untitled', 'memfs', 'vscode-test-web']);

export class WorkspaceIndex implements WorkspaceModel, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly textEmitter = new vscode.EventEmitter<ReplacedText[]>();
  /** Articles whose text was replaced other than by an edit in an editor (read from disk, opened, reverted). */
  readonly onDidReplaceText = this.textEmitter.event;
  private readonly indexingEmitter = new vscode.EventEmitter<boolean>();
  readonly onDidChangeIndexing = this.indexingEmitter.event;

  readonly ready: Promise<void>;
  private resolveReady!: () => void;
  private entries = new PathOrderedMap<Entry>();
  /** Bumped whenever an entry changes: the article list is made again. */
  private version = 0;
  private listed: Listed | undefined;
  private tagSource: TagSource | undefined;
  private firePending = false;
  private lastFire = 0;
  private generation = 0;
  private indexingCount = 0;
  /** The last linking of the corpus, and whether entries changed since it started. */
  private links: CorpusLinks | undefined;
  private linkStale = true;
  /** Articles the running indexing found (see small()). */
  private articlesFound = 0;
  private linkRunning: Promise<void> | undefined;
  private lastLinkEnd = 0;
  /** Someone waits for the linking (the end of indexing): no pause before it. */
  private linkUrgent = false;
  private lastLinkedCount = 0;
  /** What the last linking linked (linkSignature), to save it with it. */
  private linksSignature: string | undefined;
  private savedSignature: string | undefined;
  /** Link as soon as possible (the cache was read), or not before the cache is read. */
  private linkSoon = false;
  private linkHeld = false;
  /** How the background linking went (for the log). */
  private readonly linkStats = { runs: 0, totalMs: 0, longestStepMs: 0 };
  /** Latest read of each article, so an older read finishing later does not win. */
  private readonly loadSeq = new Map<string, number>();
  private readonly pendingEdits = new Map<string, Timer>();
  /** Per open long article: the wait for a pause in typing before its whole analysis (exactWhenIdle). */
  private readonly exactTimers = new Map<string, Timer>();
  /** Open articles whose whole analysis the pool is making (one at a time each). */
  private readonly wholeAnalyses = new Set<string>();
  private readonly pendingReads = new Map<string, Timer>();
  /** Articles not analysed (too large, binary, not decodable), by uri: their tags stay as they are. */
  private readonly refused = new Map<string, Refusal>();
  /** Refusals already told to the user this session (one notification per file). */
  private readonly told = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly pool: AnalysisPool;
  private readonly metrics: Metrics | undefined;
  /** Typed text of open articles: only the edited paragraphs analysed again (src/analysis/incremental.ts). */
  private readonly live: LiveAnalysis;
  private disposed = false;
  private engineWarmed = false;
  private typedLinkTimer: Timer | undefined;
  private settingMaxBytes: number | undefined;

  constructor(
    private readonly config: Config,
    private readonly cache: AnalysisCacheStore,
    private readonly state: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
    private readonly cachePrunable: boolean,
    options: { pool?: AnalysisPool; metrics?: Metrics } = {},
  ) {
    this.pool = options.pool ?? new AnalysisPool({ createWorker: undefined, workers: 0, log: (m) => log.warn(m) });
    this.metrics = options.metrics;
    this.live = new LiveAnalysis(options.metrics ?? new Metrics());
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    this.disposables.push(
      this.changeEmitter,
      this.textEmitter,
      this.indexingEmitter,
      vscode.workspace.onDidOpenTextDocument((doc) => this.onOpened(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdited(e)),
      vscode.workspace.onDidSaveTextDocument((doc) => void this.onSaved(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.onClosed(doc)),
      vscode.workspace.onDidRenameFiles((e) => void this.onRenamed(e.files)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reindex()),
      config.onDidChange((e) => {
        if (e.articlesChanged) void this.reindex();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        // A new limit admits or refuses articles: look at every article again (unchanged ones cost nothing).
        if (!e.affectsConfiguration(`${CONFIG_SECTION}.${Settings.maxFileSizeMB}`)) return;
        this.settingMaxBytes = undefined;
        void this.reindex();
      }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.onDiskChanged(uri)),
      watcher.onDidChange((uri) => this.onDiskChanged(uri)),
      watcher.onDidDelete((uri) => this.onDiskDeleted(uri)),
    );
  }

  setTagSource(source: TagSource): void {
    this.tagSource = source;
  }

  /** Called when tags changed, so that views and decorations listening to the model redraw. */
  tagsChanged(): void {
    this.scheduleFire();
  }

  // ---- WorkspaceModel -------------------------------------------------------------------------

  articles(): readonly ArticleSummary[] {
    return this.listing().list;
  }

  articleCount(): number {
    if (this.listed && this.listed.version === this.version) return this.listed.list.length;
    let count = 0;
    for (const entry of this.entries.values()) if (entry.checked) count++;
    return count;
  }

  summary(uri: vscode.Uri): ArticleSummary | undefined {
    this.linkIfSmall();
    const entry = this.entries.get(uri.toString());
    return entry?.checked ? this.snapshotOf(entry) : undefined;
  }

  article(uri: vscode.Uri): ArticleSnapshot | undefined {
    this.linkIfSmall();
    const entry = this.entries.get(uri.toString());
    if (!entry?.held) return undefined;
    const snapshot = this.snapshotOf(entry);
    return snapshot instanceof Snapshot ? snapshot : undefined;
  }

  articleByPath(path: string): ArticleSummary | undefined {
    return this.listing().byPath.get(path);
  }

  async load(uri: vscode.Uri): Promise<ArticleSnapshot | undefined> {
    const key = uri.toString();
    for (let attempt = 0; attempt < 2; attempt++) {
      const entry = this.entries.get(key);
      if (entry?.held) return this.article(uri);
      if (!entry) return undefined;
      const text = await this.readText(uri);
      if (text === undefined) return undefined;
      const sha = hashText(text);
      const now = this.entries.get(key);
      if (now !== entry) continue;
      if (entry.sha256 !== sha) {
        // The file changed since it was indexed (no watcher event yet): take it in, then answer from that.
        const replaced = await this.reload(uri);
        if (replaced) this.flushReplaced([replaced]);
        continue;
      }
      const analysis = await this.analyse(text, entry.override, this.cacheKeyOf(entry));
      if (this.entries.get(key) !== entry) continue;
      return new Snapshot(entry, text, analysis, () => this.currentLinks());
    }
    return undefined;
  }

  entities(): readonly Entity[] {
    this.linkIfSmall();
    return this.links?.entities ?? [];
  }

  events(): readonly CorpusEvent[] {
    this.linkIfSmall();
    return this.links?.events ?? [];
  }

  tags(uri?: vscode.Uri): readonly Tag[] {
    return this.tagSource?.tags(uri) ?? [];
  }

  // ---- questions from the rest of the extension --------------------------------------------------

  isIndexing(): boolean {
    return this.indexingCount > 0;
  }

  has(uri: vscode.Uri): boolean {
    return this.entries.has(uri.toString());
  }

  /** Whether the file counts as an article: by the globs, or because the user annotated it. */
  isArticleUri(uri: vscode.Uri): boolean {
    return this.isArticleUriWith(uri, this.extraArticles());
  }

  documentDateOverride(uri: vscode.Uri): string | null {
    return this.documentDates()[uri.toString()] ?? null;
  }

  /** Analyses an open article's pending edits now (on switching to its editor) instead of after the delay. */
  flush(uri: vscode.Uri): void {
    const key = uri.toString();
    const timer = this.pendingEdits.get(key);
    if (!timer) return;
    clearTimeout(timer);
    this.pendingEdits.delete(key);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (doc) this.updateFromDocument(doc, false);
  }

  // ---- commands --------------------------------------------------------------------------------

  /** Annotate This File: the file becomes an article of this workspace even if the globs leave it out. */
  async annotate(doc: vscode.TextDocument): Promise<{ ok: true } | { ok: false; reason: string; problem: ArticleProblem }> {
    const text = doc.getText();
    if (text.trim() === '') return { ok: false, reason: 'the file is empty', problem: 'empty' };
    const check = checkArticleText(text, this.maxBytes(doc.uri));
    if (!check.ok) return check;
    const key = doc.uri.toString();
    const extras = this.extraArticles();
    if (!extras.includes(key)) await this.state.update(EXTRA_ARTICLES_KEY, [...extras, key]);
    this.updateFromDocument(doc, false);
    return { ok: true };
  }

  /** Why the article is not analysed, if it is not. */
  refusal(uri: vscode.Uri): Refusal | undefined {
    return this.refused.get(uri.toString());
  }

  /** The articles not analysed because of their size. */
  tooLarge(): vscode.Uri[] {
    return [...this.refused].filter(([, r]) => r.problem === 'too-large').map(([key]) => vscode.Uri.parse(key));
  }

  /**
   * Analyse Anyway: the article is analysed whatever its size, now and after a reload (until the setting
   * changes nothing for it: the choice is per file). The editor's text when open, else the file.
   */
  async analyseAnyway(uri: vscode.Uri): Promise<{ ok: true } | { ok: false; reason: string }> {
    const key = uri.toString();
    // Allowed even when it looks analysed: an edit still waiting for its analysis may be what is too large.
    const allowed = this.largeAllowed();
    if (!allowed.includes(key)) await this.state.update(LARGE_ARTICLES_KEY, [...allowed, key]);
    if (!this.isArticleUri(uri)) await this.state.update(EXTRA_ARTICLES_KEY, [...this.extraArticles(), key]);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (doc) this.updateFromDocument(doc, true);
    else {
      const replaced = await this.reload(uri);
      if (replaced) this.flushReplaced([replaced]);
    }
    const refusal = this.refused.get(key);
    return refusal ? { ok: false, reason: refusal.reason } : { ok: true };
  }

  /** Set Document Date: relative dates of the article are resolved against it at once; null clears it. */
  async setDocumentDate(uri: vscode.Uri, date: string | null): Promise<void> {
    if (date !== null && !isIsoDay(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
    const dates = { ...this.documentDates() };
    if (date === null) delete dates[uri.toString()];
    else dates[uri.toString()] = date;
    await this.state.update(DOCUMENT_DATES_KEY, dates);
    const key = uri.toString();
    const entry = this.entries.get(key);
    if (!entry) return;
    if (!entry.held) {
      // Not open: reading it again analyses it with the new date.
      const replaced = await this.reload(uri);
      if (replaced) this.flushReplaced([replaced]);
      return;
    }
    const { text } = entry.held;
    const seq = this.nextSeq(key);
    const cacheKey = this.cache.key(entry.sha256, date);
    const analysis = await this.analyse(text, date, cacheKey);
    if (this.loadSeq.get(key) !== seq || this.entries.get(key) !== entry || entry.held?.text !== text) return;
    this.setEntry(key, newEntry(entry.uri, entry.path, entry.sha256, date, entry.record && { ...entry.record, override: date, key: cacheKey }, summarise(analysis), { text, analysis }));
  }

  /** Re-analyse Workspace: forgets the cache and indexes everything again. */
  async reanalyse(): Promise<void> {
    await this.cache.clear();
    this.entries.clear();
    this.changed();
    await this.reindex(true);
  }

  // ---- indexing --------------------------------------------------------------------------------

  /** The first indexing, with a progress notification that can be cancelled (the rest is indexed on open). */
  async start(): Promise<void> {
    try {
      await this.reindex(true, true);
    } finally {
      this.resolveReady();
    }
    // Editors restored with the window: their large articles get their live analyser ready too.
    for (const doc of vscode.workspace.textDocuments) if (this.entries.get(doc.uri.toString())?.held?.text === doc.getText()) this.prepareLive(doc);
  }

  private async reindex(notify = false, first = false): Promise<void> {
    const generation = ++this.generation;
    this.indexingCount++;
    this.indexingEmitter.fire(true);
    const run = this.metrics?.startIndexing(0);
    try {
      const title = 'News Annotator: indexing articles';
      const location = notify ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
      await vscode.window.withProgress({ location, title, cancellable: notify }, (progress, token) => this.indexAll(generation, progress, token, first, run));
    } catch (e) {
      this.log.error(`indexing failed: ${String(e)}`);
    } finally {
      this.indexingCount--;
      this.indexingEmitter.fire(this.indexingCount > 0);
      if (run && run.finishedAt === undefined) {
        run.cancelled = true;
        run.finishedAt = performance.now();
      }
      // The last fire may have been held back while indexing.
      this.scheduleFire();
    }
  }

  private async indexAll(
    generation: number,
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    token: vscode.CancellationToken,
    first: boolean,
    run: MutableIndexingRun | undefined,
  ): Promise<void> {
    const stopped = () => token.isCancellationRequested || generation !== this.generation || this.disposed;
    await this.cache.open();
    const { include, exclude } = this.config.current;
    const finding = (async () => {
      const found = new Map<string, vscode.Uri>();
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        // Walked directory by directory rather than by findFiles (see articleWalk.ts); files.exclude applies as
        // it does to findFiles.
        await walkArticles(folder.uri, {
          readDirectory: (dir) => Promise.resolve(vscode.workspace.fs.readDirectory(dir)),
          join: (dir, name) => vscode.Uri.joinPath(dir, name),
          include,
          exclude,
          filesExclude: enabledPatterns(vscode.workspace.getConfiguration('files', folder.uri).get<unknown>('exclude')),
          cancelled: () => token.isCancellationRequested,
          onFound: (_, uri) => found.set(uri.toString(), uri),
        });
      }
      return found;
    })();
    // Reopening: the workspace as it was, from the cache, while the files are found and checked.
    if (first && this.entries.size === 0) await this.showFromCache(stopped, run);
    const found = await finding;
    for (const key of this.extraArticles()) if (!found.has(key)) found.set(key, vscode.Uri.parse(key));
    // Open articles first: they are the ones the user looks at.
    const open: vscode.Uri[] = [];
    for (const doc of vscode.workspace.textDocuments) {
      if (!this.isArticleUri(doc.uri)) continue;
      found.set(doc.uri.toString(), doc.uri);
      open.push(doc.uri);
    }
    // Articles no longer found (globs changed, deleted while closed) leave the index.
    for (const key of [...this.entries.keys()]) if (!found.has(key)) this.removeEntry(key);
    for (const key of [...this.refused.keys()]) if (!found.has(key)) this.refused.delete(key);
    const openKeys = new Set(open.map((u) => u.toString()));
    const tagged = this.tagSource?.taggedArticles() ?? new Set<string>();
    const uris = [...open, ...[...found.values()].filter((u) => !openKeys.has(u.toString()))];
    this.articlesFound = uris.length;
    if (run) run.articles = uris.length;
    const step = uris.length ? 100 / uris.length : 100;

    const replaced: ReplacedText[] = [];
    let done = 0;
    let textInAnalysis = 0;
    let next = 0;
    const analyses = new Set<Promise<void>>();
    // Readers wait here while too much text is read and not yet analysed (one waiter list, not a race per read).
    let drained: Array<() => void> = [];
    // Progress goes to the window process: a report per 100 ms, not per article.
    let reported = 0;
    let lastReport = 0;
    const finished = () => {
      done++;
      if (done < uris.length && Date.now() - lastReport < 100) return;
      lastReport = Date.now();
      progress.report({ message: `${done} of ${uris.length}`, increment: (done - reported) * step });
      reported = done;
    };
    // Several readers: a read waits on the file system, not on this thread.
    const reader = async () => {
      while (next < uris.length && !stopped()) {
        const uri = uris[next++]!;
        // A closed article file without tags is read by a worker: its text never comes to this thread.
        const byWorker = this.pool.readsFiles && uri.scheme === 'file' && !openKeys.has(uri.toString()) && !tagged.has(uri.toString());
        // A file the index has never seen needs no stat here: the worker reads its size and mtime.
        const head = !byWorker ? undefined : this.entries.has(uri.toString()) ? await this.statFile(uri, run) : { size: -1, mtime: -1, seq: this.nextSeq(uri.toString()) };
        const read = byWorker ? undefined : await this.read(uri, run);
        const got = head ?? read;
        if (!got || got === 'unchanged' || stopped()) {
          finished();
          continue;
        }
        const size = read && read !== 'unchanged' ? read.text.length : got.size >= 0 ? got.size : UNSTATED_SIZE;
        textInAnalysis += size;
        const pending = (read && read !== 'unchanged' ? this.accept(uri, read, run) : this.acceptFromWorker(uri, got, run)).then((text) => {
          textInAnalysis -= size;
          analyses.delete(pending);
          if (text) replaced.push(text);
          finished();
          if (textInAnalysis <= MAX_TEXT_IN_ANALYSIS) for (const wake of drained.splice(0)) wake();
        });
        analyses.add(pending);
        // The workers are behind: wait for some analyses before reading more.
        if (textInAnalysis > MAX_TEXT_IN_ANALYSIS) await new Promise<void>((resolve) => drained.push(resolve));
      }
    };
    let flushing = true;
    let ticks = 0;
    const flusher = (async () => {
      // Articles whose text was read are told about (tags re-anchored) as they come, not all at the end.
      while (flushing) {
        await new Promise((r) => setTimeout(r, 250));
        this.flushReplaced(replaced);
        if (++ticks % 8 === 0) {
          const m = process.memoryUsage();
          this.log.trace(`indexing: ${done} of ${uris.length}, ${this.pool.pending} in analysis; rss ${Math.round(m.rss / 2 ** 20)} MB, heap ${Math.round(m.heapUsed / 2 ** 20)} MB; linking ${this.linkStats.runs} runs, longest step ${this.linkStats.longestStepMs.toFixed(0)} ms; longest: ${this.longestReport()}`);
        }
      }
    })();
    await Promise.all(Array.from({ length: READS_IN_FLIGHT }, reader));
    await Promise.all(analyses);
    // The workers' cache shards still being built are written (and added to the manifest) before it is.
    await this.pool.flushShards();
    flushing = false;
    await flusher;
    this.flushReplaced(replaced);
    if (stopped()) {
      this.log.info(`indexing stopped after ${done} of ${uris.length} articles`);
      if (run) run.cancelled = true;
      return;
    }
    await this.cache.flush();
    // Every article is in: the views get the workspace linked as a whole.
    await this.linked();
    if (run) run.finishedAt = performance.now();
    // Reopening shows the Events from this linking, if the articles are the same then.
    if (this.links && this.linksSignature && this.linksSignature !== this.savedSignature && !this.small()) {
      this.savedSignature = this.linksSignature;
      void this.cache.saveCorpus(this.linksSignature, this.links);
    }
    if (this.cachePrunable && generation === this.generation) void this.cache.prune();
    const memory = process.memoryUsage();
    this.log.info(`indexed ${this.entries.size} articles${run ? ` in ${((run.finishedAt! - run.startedAt) / 1000).toFixed(1)} s (${run.analysed} analysed, ${run.fromCache} from the cache)` : ''}; extension host memory: rss ${Math.round(memory.rss / 2 ** 20)} MB, heap ${Math.round(memory.heapUsed / 2 ** 20)} MB; linking: ${this.linkStats.runs} runs, ${Math.round(this.linkStats.totalMs)} ms in all, longest step ${this.linkStats.longestStepMs.toFixed(0)} ms; longest: ${this.longestReport()}`);
    this.tellTooLarge();
  }

  /**
   * Entries for the articles the cache manifest knows, from its shards, before any file is read; and, when the
   * last linking saved is of exactly these articles, the Events at once, from it (no linking to wait for).
   */
  private async showFromCache(stopped: () => boolean, run: MutableIndexingRun | undefined): Promise<void> {
    const byKey = new Map<string, Array<[string, ArticleRecord, string]>>();
    const extras = this.extraArticles();
    const dates = this.documentDates();
    const signed: Array<{ path: string; sha256: string; override: string | null }> = [];
    let sliceStart = performance.now();
    for (const [key, record] of this.cache.records()) {
      if (performance.now() - sliceStart > LINK_SLICE_MS) {
        await turn();
        if (stopped()) return;
        sliceStart = performance.now();
      }
      const uri = vscode.Uri.parse(key);
      if (uri.scheme === 'untitled' || !this.isArticleUriWith(uri, extras)) continue;
      if ((dates[key] ?? null) !== record.override) continue;
      const path = vscode.workspace.asRelativePath(uri);
      const list = byKey.get(record.key) ?? [];
      list.push([key, record, path]);
      byKey.set(record.key, list);
      signed.push({ path, sha256: record.sha256, override: record.override });
    }
    if (byKey.size === 0) return;
    const signature = linkSignature(signed.sort(byPath));
    const saved = await this.cache.loadCorpus(signature);
    if (saved && !stopped()) {
      this.links = { ...saved, entityById: new Map(saved.entities.map((e) => [e.id, e])), linked: new WeakSet(), corpus: undefined };
      this.linksSignature = signature;
      this.savedSignature = signature;
      this.linkStale = false;
      this.scheduleFire();
      this.log.info(`shown the events of ${signed.length} articles from the analysis cache after ${run ? ((performance.now() - run.startedAt) / 1000).toFixed(2) : '?'} s`);
    }
    // One linking when every shard is read (unless the saved one is theirs): linking the first shards only
    // would be work thrown away.
    this.linkHeld = true;
    let loaded = 0;
    try {
      await this.cache.load(
        new Set(byKey.keys()),
        (shard) => {
          for (const [cacheKey, analysis] of shard) {
            for (const [key, record, path] of byKey.get(cacheKey) ?? []) {
              if (this.entries.has(key)) continue;
              const entry = newEntry(vscode.Uri.parse(key), path, record.sha256, record.override, record, summarise(analysis));
              entry.checked = false;
              this.entries.set(key, entry);
              loaded++;
              if (saved) this.links?.linked.add(entry.link);
            }
          }
          if (saved) this.version++;
          else this.changed();
        },
        stopped,
      );
    } finally {
      this.linkHeld = false;
    }
    if (!saved || loaded !== signed.length) {
      // Not the saved linking's articles after all (a shard could not be read): link what is there.
      this.linkStale = true;
      this.linkSoon = true;
      this.requestLink();
    }
    this.log.info(`shown ${this.entries.size} articles from the analysis cache${run ? ` after ${((performance.now() - run.startedAt) / 1000).toFixed(2)} s` : ''}`);
  }

  private flushReplaced(replaced: ReplacedText[]): void {
    if (replaced.length === 0) return;
    const started = performance.now();
    // Only articles still in the index with that text (not removed or changed again since).
    const current = replaced.filter((r) => this.entries.has(r.uri.toString()));
    replaced.length = 0;
    if (current.length) this.textEmitter.fire(current);
    this.longest('onDidReplaceText', started);
  }

  /** The longest run of each of the index's pieces of work on this thread (for the log: what could block it). */
  private readonly longestMs = new Map<string, number>();
  private longest(what: string, started: number): void {
    const ms = performance.now() - started;
    if (ms > (this.longestMs.get(what) ?? 0)) this.longestMs.set(what, ms);
  }

  private longestReport(): string {
    return [...this.longestMs].map(([what, ms]) => `${what} ${ms.toFixed(0)} ms`).join(', ');
  }

  /** Reads one article (the editor's text when open, else the file) and analyses it unless it is unchanged. */
  private async reload(uri: vscode.Uri): Promise<ReplacedText | undefined> {
    const read = await this.read(uri);
    return read && read !== 'unchanged' ? this.accept(uri, read, undefined) : undefined;
  }

  /** The text of an article now (the editor's when open, else the file's), without taking it in. */
  private async readText(uri: vscode.Uri): Promise<string | undefined> {
    const key = uri.toString();
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (doc) return doc.getText();
    try {
      const decoded = decodeArticle(await vscode.workspace.fs.readFile(uri), this.maxBytes(uri));
      return decoded.ok ? decoded.text : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The file's size and mtime, for a worker to read it (acceptFromWorker); refused when above the limit,
   * 'unchanged' when the cache manifest recorded it as it is now.
   */
  private async statFile(uri: vscode.Uri, run: MutableIndexingRun | undefined, seq = this.nextSeq(uri.toString())): Promise<FileHead | 'unchanged' | undefined> {
    const key = uri.toString();
    const maxBytes = this.maxBytes(uri);
    try {
      // A file above the limit is refused from its size alone: a 50 MB file is never read into memory.
      const { size, mtime } = await vscode.workspace.fs.stat(uri);
      if (size > maxBytes) return this.refuse(key, { reason: tooLargeReason(size, maxBytes), problem: 'too-large' }, false);
      if (this.unchangedOnDisk(key, size, mtime, run)) return 'unchanged';
      return { size, mtime, seq };
    } catch (e) {
      return this.unreadable(uri, e);
    }
  }

  /** Where the analysis of an entry's text is cached: as recorded for its file, else by its hash and date. */
  private cacheKeyOf(entry: Entry): string {
    return entry.record?.key ?? this.cache.key(entry.sha256, entry.override);
  }

  /** A file that cannot be stated or read (gone, no permission) leaves the index. */
  private unreadable(uri: vscode.Uri, error: unknown): undefined {
    const key = uri.toString();
    this.log.warn(`cannot read ${vscode.workspace.asRelativePath(uri)}: ${String(error)}`);
    this.refused.delete(key);
    this.removeEntry(key);
    return undefined;
  }

  /**
   * An article file read, decoded, hashed and analysed by a worker: the index takes its summary and the cache
   * its analysis. Where the worker cannot, or the article is open by now, it is read here instead (accept).
   */
  private async acceptFromWorker(uri: vscode.Uri, head: FileHead, run: MutableIndexingRun | undefined): Promise<ReplacedText | undefined> {
    const key = uri.toString();
    const override = this.documentDateOverride(uri);
    const cache = this.cache.shardTarget();
    const result = await this.pool.indexFile({ path: uri.fsPath, documentDate: override, maxBytes: this.maxBytes(uri), ...(cache ? { cache } : {}) }, head.size);
    if (this.loadSeq.get(key) !== head.seq || this.disposed) return undefined;
    const summary = result.status === 'analysed' ? parseSummary(result.summary) : undefined;
    if (result.status === 'unreadable' || (result.status === 'analysed' && !summary) || vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) {
      if (result.status === 'unreadable') this.log.trace(`read on the extension host: ${vscode.workspace.asRelativePath(uri)} (${result.error})`);
      return this.reload(uri);
    }
    if (result.status === 'refused') return this.refuse(key, result, false);
    this.refused.delete(key);
    const { sha256, kept } = result;
    const cacheKey = this.cache.key(sha256, override);
    // The size and mtime seen before the read when there was a stat here (a change since shows next time).
    const stated = head.size >= 0;
    const record: ArticleRecord = { size: stated ? head.size : result.size, mtime: stated ? head.mtime : result.mtime, sha256, override, key: cacheKey };
    this.cache.setRecord(key, record);
    // Without `kept`, the worker wrote the analysis into a cache shard of its own (adopted when written).
    if (kept) this.cache.put(cacheKey, kept);
    if (run) run.analysed++;
    const existing = this.entries.get(key);
    if (existing?.checked && !existing.held && existing.sha256 === sha256 && existing.override === override) {
      existing.record = record;
      return undefined;
    }
    // No text to hand on: an article with tags is read on this thread (see indexAll), the others need none.
    this.setEntry(key, newEntry(uri, vscode.workspace.asRelativePath(uri), sha256, override, record, summary!));
    return undefined;
  }

  /**
   * The article's text: the editor's when open, else the file's (stat first: a file above the limit is not
   * read, and one the cache manifest recorded as it is now is not read either: 'unchanged').
   */
  private async read(uri: vscode.Uri, run?: MutableIndexingRun): Promise<Read | 'unchanged' | undefined> {
    const key = uri.toString();
    const seq = this.nextSeq(key);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (doc) {
      const text = doc.getText();
      const check = checkArticleText(text, this.maxBytes(uri));
      if (!check.ok) return this.refuse(key, check, false);
      return { text, size: -1, mtime: -1, seq, open: true };
    }
    const head = await this.statFile(uri, run, seq);
    if (!head || head === 'unchanged') return head;
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      return this.unreadable(uri, e);
    }
    const decoded = decodeArticle(bytes, this.maxBytes(uri));
    if (!decoded.ok) return this.refuse(key, decoded, false);
    return { text: decoded.text, size: head.size, mtime: head.mtime, seq, open: false };
  }

  /**
   * Whether a closed article's file is as the cache manifest recorded it when its analysis was made (same size,
   * mtime and document date): then that analysis stands and the file need not be read. An article shown from
   * the cache is listed from then on.
   */
  private unchangedOnDisk(key: string, size: number, mtime: number, run: MutableIndexingRun | undefined): boolean {
    const entry = this.entries.get(key);
    const record = entry?.record;
    if (!entry || entry.held || !record || record.size !== size || record.mtime !== mtime) return false;
    if (record.override !== entry.override || entry.override !== this.documentDateOverride(entry.uri)) return false;
    this.refused.delete(key);
    // Recorded again, so that the prune after this indexing keeps its cache entry.
    this.cache.setRecord(key, record);
    if (!entry.checked) {
      entry.checked = true;
      entry.path = vscode.workspace.asRelativePath(entry.uri);
      this.entries.refile(key);
      entry.snapshot = undefined;
      // The same analysis: the linking stands, only the article list changes (it now has this article).
      this.version++;
      if (run) run.fromCache++;
    }
    return true;
  }

  /**
   * Takes a text read for the article: nothing to do when unchanged; the cached analysis when the file is as
   * the cache manifest recorded it or its hash is in the cache; else an analysis by the pool.
   */
  private async accept(uri: vscode.Uri, read: Read, run: MutableIndexingRun | undefined): Promise<ReplacedText | undefined> {
    const key = uri.toString();
    const { text } = read;
    this.refused.delete(key);
    const existing = this.entries.get(key);
    const override = this.documentDateOverride(uri);
    const path = vscode.workspace.asRelativePath(uri);
    if (existing?.held && existing.held.text === text && existing.override === override) return undefined;
    const sha = hashText(text);
    // The same text as indexed (an open article's text is held, below): nothing changes but the record.
    if (existing && existing.checked && !existing.held && !read.open && existing.sha256 === sha && existing.override === override) {
      if (existing.record && (existing.record.size !== read.size || existing.record.mtime !== read.mtime)) {
        existing.record = { ...existing.record, size: read.size, mtime: read.mtime };
      }
      if (existing.record) this.cache.setRecord(key, existing.record);
      return undefined;
    }
    const cacheKey = this.cache.key(sha, override);
    // The text and analysis are held for an article open in an editor only; of the others, the summary.
    const analysis = read.open ? await this.analyse(text, override, cacheKey, run) : undefined;
    const summary = analysis ? summarise(analysis) : await this.summaryOf(text, override, cacheKey, run);
    if (this.loadSeq.get(key) !== read.seq || this.disposed) return undefined;
    const newRecord: ArticleRecord | undefined = read.open ? undefined : { size: read.size, mtime: read.mtime, sha256: sha, override, key: cacheKey };
    if (newRecord) this.cache.setRecord(key, newRecord);
    this.setEntry(key, newEntry(uri, path, sha, override, newRecord, summary, analysis && { text, analysis }));
    return { uri, path, text };
  }

  /** The analysis of a text: from the cache when its key is there, else by the pool (then cached). */
  private async analyse(text: string, override: string | null, cacheKey: string, run?: MutableIndexingRun): Promise<DocumentAnalysis> {
    if (this.cache.has(cacheKey)) {
      const cached = await this.cache.get(cacheKey);
      if (cached && fillTexts(cached, text)) {
        if (run) run.fromCache++;
        return cached;
      }
    }
    const json = await this.pool.analyse(text, override);
    if (run) run.analysed++;
    this.cache.put(cacheKey, json);
    const parseStarted = performance.now();
    const analysis = internStrings(JSON.parse(json) as DocumentAnalysis);
    this.longest('parse', parseStarted);
    // Spans parsed from JSON are copies of the text's characters; slices of the text itself take no room.
    return fillTexts(analysis, text) ? analysis : keptAnalysis(analyzeDocument(text, { documentDate: override }));
  }

  /**
   * What the index keeps of a closed article: from the cache when its key is there, else from the pool, which
   * sends it beside the analysis it caches, so that this thread never parses a whole analysis for it.
   */
  private async summaryOf(text: string, override: string | null, cacheKey: string, run?: MutableIndexingRun): Promise<AnalysisSummary> {
    if (this.cache.has(cacheKey)) {
      const cached = await this.cache.get(cacheKey);
      if (cached && fillTexts(cached, text)) {
        if (run) run.fromCache++;
        return summarise(cached);
      }
    }
    const { kept, summary } = await this.pool.summarise(text, override);
    if (run) run.analysed++;
    this.cache.put(cacheKey, kept);
    return parseSummary(summary) ?? summarise(keptAnalysis(analyzeDocument(text, { documentDate: override })));
  }

  /**
   * Analyses typed text of an open article on this thread, re-reading only the edited paragraphs when the
   * article's live analyser can (LiveAnalysis). An answer not known to equal the whole analysis is shown at
   * once and made exact off this thread once the typing pauses. Undefined when it is not to be made on this
   * thread now (a long article whose whole analysis, to start from, is still being made off it: the edit is
   * spliced onto it when it comes).
   */
  private analyseTyped(doc: vscode.TextDocument, text: string, override: string | null): DocumentAnalysis | undefined {
    try {
      const typed = this.live.analyseTyped(doc.uri, text, override);
      if (!typed) {
        this.analyseOpenInBackground(doc, text, override, true);
        return undefined;
      }
      if (!typed.exact) this.exactWhenIdle(doc);
      return keptAnalysis(typed.analysis);
    } catch (e) {
      // The engine is built never to throw; if it does, the article shows nothing rather than breaking the rest.
      this.log.error(`analysis failed: ${String(e)}`);
      this.live.forget(doc.uri);
      return EMPTY_ANALYSIS;
    }
  }

  /**
   * A quick, inexact reading of a long article's edit is made exact by a whole analysis off this thread once the
   * typing pauses (not after every edit: each whole analysis of a 1 MB article is tens of MB for this thread to
   * take in).
   */
  private exactWhenIdle(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    restartTimer(this.exactTimers, key, EXACT_AFTER_IDLE_MS, () => {
      if (this.disposed || doc.isClosed || this.live.isExact(doc.uri)) return;
      const text = doc.getText();
      // Edits not analysed yet: their own analysis comes first, and asks again.
      if (this.entries.get(key)?.held?.text !== text) return;
      this.analyseOpenInBackground(doc, text, this.documentDateOverride(doc.uri), true);
    });
  }

  /**
   * The whole analysis of an open article's text, made by the pool (off this thread), given to its live
   * analyser so that the next edit starts from it, and with `replace`, shown instead of a quick inexact one.
   * One runs at a time per article. When the user has typed on meanwhile, it is still the base the live
   * analyser lacked (the typed text is then spliced onto it), and is otherwise dropped.
   */
  private analyseOpenInBackground(doc: vscode.TextDocument, text: string, override: string | null, replace: boolean): void {
    const key = doc.uri.toString();
    if (this.wholeAnalyses.has(key)) return;
    this.wholeAnalyses.add(key);
    const version = doc.version;
    void this.pool.analyse(text, override, { sentences: true }).then((json) => {
      this.wholeAnalyses.delete(key);
      if (this.disposed || doc.isClosed || this.documentDateOverride(doc.uri) !== override) return;
      const current = doc.version === version;
      if (!current && this.live.hasBase(doc.uri)) return;
      const full = JSON.parse(json) as DocumentAnalysis;
      if (!fillTexts(full, text)) return;
      this.live.adopt(doc.uri, text, full, override);
      const entry = this.entries.get(key);
      if (current && entry?.held?.text === text) {
        if (replace) {
          const kept = keptAnalysis(full);
          this.setEntry(key, heldEntry(entry, text, kept), true);
        }
        return;
      }
      // The model holds another text (typed since, or the article was not held yet): the document's text is
      // read onto this analysis, as an edit.
      this.updateFromDocument(doc, false);
    }, () => this.wholeAnalyses.delete(key));
  }

  /** A large article just opened: its live analyser gets a whole analysis to start from before the first keystroke. */
  private prepareLive(doc: vscode.TextDocument): void {
    const text = doc.getText();
    if (!this.live.wantsWholeAnalysisFirst(text.length)) return;
    if (!this.entries.has(doc.uri.toString()) && !this.isArticleUri(doc.uri)) return;
    this.analyseOpenInBackground(doc, text, this.documentDateOverride(doc.uri), false);
  }

  /** Analyses an open document's current text synchronously (typed text is not cached; saved text is). */
  private updateFromDocument(doc: vscode.TextDocument, replaced: boolean): void {
    const key = doc.uri.toString();
    const text = doc.getText();
    const check = checkArticleText(text, this.maxBytes(doc.uri));
    if (!check.ok) {
      this.refuse(key, check, true);
      return;
    }
    // The editor's text wins over the file's bytes; but a file that is not UTF-8, opened as UTF-8, shows
    // its accented letters as U+FFFD: say so once, with the way to read it right.
    if (this.refused.get(key)?.problem === 'not-utf8' && text.includes('\uFFFD') && !this.told.has(key)) {
      this.told.add(key);
      void vscode.window.showWarningMessage(plainMessage(notUtf8OpenMessage(vscode.workspace.asRelativePath(doc.uri))));
    }
    this.refused.delete(key);
    const existing = this.entries.get(key);
    if (existing?.held?.text === text) return;
    // A read of the file still under way must not replace the editor's text.
    this.nextSeq(key);
    const override = this.documentDateOverride(doc.uri);
    const sha = hashText(text);
    const path = vscode.workspace.asRelativePath(doc.uri);
    const analysis = this.analyseTyped(doc, text, override);
    // Not yet (see analyseTyped): the highlights shown stay, moved by the editor with the edits.
    if (!analysis) return;
    this.setEntry(key, newEntry(doc.uri, path, sha, override, existing?.record, summarise(analysis), { text, analysis }), !replaced);
    if (replaced) this.textEmitter.fire([{ uri: doc.uri, path, text }]);
  }

  // ---- keeping current -------------------------------------------------------------------------

  /** Once per session, a moment after the first article opens: the host's engine compiled before the first edit. */
  private warmEngineSoon(): void {
    if (this.engineWarmed) return;
    this.engineWarmed = true;
    setTimeout(() => {
      if (!this.disposed) warmUpEngine();
    }, ENGINE_WARM_UP_DELAY_MS);
  }

  private onOpened(doc: vscode.TextDocument): void {
    if (!this.isArticleUri(doc.uri)) return;
    this.warmEngineSoon();
    const existing = this.entries.get(doc.uri.toString());
    const text = doc.getText();
    if (existing?.held?.text === text) {
      this.prepareLive(doc);
      return;
    }
    if (existing && !existing.held && existing.sha256 === hashText(text) && existing.override === this.documentDateOverride(doc.uri)) {
      void this.hold(doc, existing, text);
      return;
    }
    this.updateFromDocument(doc, true);
  }

  /**
   * An article just opened, as indexed: its text and analysis are held from now on, the analysis from the cache
   * (or the pool), off this thread; its live analyser is prepared after.
   */
  private async hold(doc: vscode.TextDocument, entry: Entry, text: string): Promise<void> {
    const key = doc.uri.toString();
    const seq = this.nextSeq(key);
    const analysis = await this.analyse(text, entry.override, this.cacheKeyOf(entry));
    if (this.disposed || doc.isClosed || this.loadSeq.get(key) !== seq || this.entries.get(key) !== entry) return;
    if (doc.getText() !== text) return; // edited meanwhile: the edit's own analysis follows
    this.setEntry(key, heldEntry(entry, text, analysis));
    this.prepareLive(doc);
  }

  private onEdited(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const doc = e.document;
    const key = doc.uri.toString();
    if (!this.entries.has(key) && !this.isArticleUri(doc.uri)) return;
    restartTimer(this.pendingEdits, key, this.config.current.debounceMs, () => {
      if (!doc.isClosed) this.updateFromDocument(doc, false);
    });
  }

  private async onSaved(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    if (!this.entries.has(key)) return;
    this.flush(doc.uri);
    const entry = this.entries.get(key);
    if (!entry?.held) return;
    const cacheKey = this.cache.key(entry.sha256, entry.override);
    this.cache.put(cacheKey, keptAnalysisJson(entry.held.analysis));
    try {
      const stat = await vscode.workspace.fs.stat(doc.uri);
      if (this.entries.get(key) !== entry) return;
      entry.record = { size: stat.size, mtime: stat.mtime, sha256: entry.sha256, override: entry.override, key: cacheKey };
      this.cache.setRecord(key, entry.record);
    } catch {
      // Saved somewhere stat cannot see: it is read again next time.
    }
  }

  private onClosed(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const timer = this.pendingEdits.get(key);
    if (timer) clearTimeout(timer);
    this.pendingEdits.delete(key);
    if (!this.entries.has(key)) return;
    if (doc.uri.scheme === 'untitled') {
      this.removeEntry(key);
      void this.state.update(EXTRA_ARTICLES_KEY, this.extraArticles().filter((k) => k !== key));
      return;
    }
    // Not held any more (only open articles are); closed without saving, the article is the file again.
    const entry = this.entries.get(key)!;
    if (entry.held) {
      entry.held = undefined;
      entry.snapshot = undefined;
      this.version++;
    }
    void this.reload(doc.uri).then((replaced) => replaced && this.flushReplaced([replaced]));
  }

  private onDiskChanged(uri: vscode.Uri): void {
    const key = uri.toString();
    // An open document follows the file itself (VS Code reloads it and reports an edit), except an article
    // deleted while open and written back with the same text: no edit comes, so it is taken in here.
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (doc) {
      if (!this.entries.has(key) && !this.refused.has(key) && this.isArticleUri(uri)) this.updateFromDocument(doc, true);
      return;
    }
    if (!this.entries.has(key) && !this.isArticleUri(uri)) return;
    // Several events for one save (truncate, write) become one read.
    restartTimer(this.pendingReads, key, 100, () => void this.reload(uri).then((replaced) => replaced && this.flushReplaced([replaced])));
  }

  private onDiskDeleted(uri: vscode.Uri): void {
    const prefix = uri.toString();
    for (const key of [...this.refused.keys()]) if (key === prefix || key.startsWith(prefix + '/')) this.refused.delete(key);
    for (const key of [...this.entries.keys()]) {
      if (key !== prefix && !key.startsWith(prefix + '/')) continue;
      // Unsaved edits of a deleted file are still an article the user is working on; a clean copy is not.
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === key && d.isDirty)) continue;
      this.removeEntry(key);
    }
    const extras = this.extraArticles();
    const kept = extras.filter((k) => k !== prefix && !k.startsWith(prefix + '/'));
    if (kept.length !== extras.length) void this.state.update(EXTRA_ARTICLES_KEY, kept);
  }

  private async onRenamed(files: ReadonlyArray<{ oldUri: vscode.Uri; newUri: vscode.Uri }>): Promise<void> {
    const dates = { ...this.documentDates() };
    let extras = this.extraArticles();
    for (const { oldUri, newUri } of files) {
      const oldPrefix = oldUri.toString();
      // A refused article is looked at again under its new name (below), not kept under the old one.
      for (const key of [...this.refused.keys()]) if (key === oldPrefix || key.startsWith(oldPrefix + '/')) this.refused.delete(key);
      for (const [key, entry] of [...this.entries]) {
        if (key !== oldPrefix && !key.startsWith(oldPrefix + '/')) continue;
        const target = vscode.Uri.parse(newUri.toString() + key.slice(oldPrefix.length));
        this.removeEntry(key);
        const targetKey = target.toString();
        if (dates[key]) {
          dates[targetKey] = dates[key]!;
          delete dates[key];
        }
        if (extras.includes(key)) extras = extras.map((k) => (k === key ? targetKey : k));
        if (this.isArticleUriWith(target, extras)) {
          this.setEntry(targetKey, { ...entry, uri: target, path: vscode.workspace.asRelativePath(target), snapshot: undefined });
          if (entry.record) this.cache.setRecord(targetKey, entry.record);
        }
      }
      // A file renamed into the globs becomes an article.
      if (!this.entries.has(newUri.toString()) && this.isArticleUriWith(newUri, extras)) void this.reload(newUri).then((r) => r && this.flushReplaced([r]));
    }
    await this.state.update(DOCUMENT_DATES_KEY, dates);
    await this.state.update(EXTRA_ARTICLES_KEY, extras);
    this.changed();
  }

  private isArticleUriWith(uri: vscode.Uri, extras: readonly string[]): boolean {
    if (!ARTICLE_SCHEMES.has(uri.scheme)) return false;
    if (extras.includes(uri.toString())) return true;
    if (uri.scheme === 'untitled') return false;
    return isArticlePath(vscode.workspace.asRelativePath(uri, false), this.config.current.include, this.config.current.exclude);
  }

  // ---- refusals --------------------------------------------------------------------------------

  /** The size limit for this file: the setting's, or none when the user chose Analyse Anyway for it. */
  private maxBytes(uri: vscode.Uri): number {
    if (this.largeAllowed().includes(uri.toString())) return Number.POSITIVE_INFINITY;
    // Read once per change of the setting, not once per article (10,000 reads of the configuration add up).
    this.settingMaxBytes ??= maxBytesFromMB(vscode.workspace.getConfiguration(CONFIG_SECTION).get<unknown>(Settings.maxFileSizeMB));
    return this.settingMaxBytes;
  }

  /**
   * The article is not analysed: it leaves the index (its highlights go) but its tags are not touched.
   * An open one is told at once; closed ones above the size limit are told together after indexing.
   */
  private refuse(key: string, refusal: Refusal, open: boolean): undefined {
    const previous = this.refused.get(key);
    this.refused.set(key, { reason: refusal.reason, problem: refusal.problem });
    const name = vscode.workspace.asRelativePath(vscode.Uri.parse(key));
    if (previous?.reason !== refusal.reason) this.log.info(`not analysed: ${name}: ${refusal.reason}`);
    this.removeEntry(key);
    if (open && !this.told.has(key)) {
      this.told.add(key);
      if (refusal.problem === 'too-large') void this.offerAnalyseAnyway([vscode.Uri.parse(key)], tooLargeMessage(name, refusal.reason));
      else void vscode.window.showWarningMessage(plainMessage(notAnalysedMessage(name, refusal.reason)));
    }
    return undefined;
  }

  /** One notification for the closed articles found too large by an indexing run. */
  private tellTooLarge(): void {
    const untold = this.tooLarge().filter((uri) => !this.told.has(uri.toString()));
    if (untold.length === 0) return;
    for (const uri of untold) this.told.add(uri.toString());
    const names = untold.map((u) => vscode.workspace.asRelativePath(u));
    const first = untold[0]!;
    const message =
      untold.length === 1
        ? tooLargeMessage(names[0]!, this.refused.get(first.toString())!.reason)
        : tooLargeMessage(`${untold.length} articles (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', ...' : ''})`, `they are above the ${formatMB(this.maxBytes(first))} limit for analysis`);
    void this.offerAnalyseAnyway(untold, message);
  }

  private async offerAnalyseAnyway(uris: vscode.Uri[], message: string): Promise<void> {
    // File names are the user's: no [label](command:...) in one may become a link.
    const choice = await vscode.window.showWarningMessage(plainMessage(message), ANALYSE_ANYWAY, OPEN_SETTING);
    if (choice === ANALYSE_ANYWAY) {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'News Annotator: analysing' }, async () => {
        for (const uri of uris) await this.analyseAnyway(uri);
      });
    } else if (choice === OPEN_SETTING) {
      await vscode.commands.executeCommand('workbench.action.openSettings', `${CONFIG_SECTION}.${Settings.maxFileSizeMB}`);
    }
  }

  // ---- state -----------------------------------------------------------------------------------

  private largeAllowed(): string[] {
    const v = this.state.get<unknown>(LARGE_ARTICLES_KEY);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  }

  private documentDates(): Record<string, string> {
    const v = this.state.get<unknown>(DOCUMENT_DATES_KEY);
    return v && typeof v === 'object' ? (v as Record<string, string>) : {};
  }

  private extraArticles(): string[] {
    const v = this.state.get<unknown>(EXTRA_ARTICLES_KEY);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  }

  private nextSeq(key: string): number {
    const seq = (this.loadSeq.get(key) ?? 0) + 1;
    this.loadSeq.set(key, seq);
    return seq;
  }

  /** `typed`: the user's typing changed it (the workspace's linking can wait for a pause, see changed). */
  private setEntry(key: string, entry: Entry, typed = false): Entry {
    entry.snapshot = undefined;
    this.entries.set(key, entry);
    this.changed(key, typed);
    return entry;
  }

  private removeEntry(key: string): void {
    this.cache.deleteRecord(key);
    if (this.entries.delete(key)) this.changed(key);
  }

  private changed(key?: string, typed = false): void {
    this.version++;
    this.linkStale = true;
    if (!this.small()) {
      // While the user types, the edited article is linked onto the last linking at once (linkOneAnalysis);
      // linking the whole workspace again waits for a pause in the typing instead of following every edit.
      if (this.typedLinkTimer) clearTimeout(this.typedLinkTimer);
      this.typedLinkTimer = undefined;
      if (typed && !this.linkRunning) {
        this.typedLinkTimer = setTimeout(() => {
          this.typedLinkTimer = undefined;
          if (this.linkStale) this.requestLink();
        }, TYPED_RELINK_DELAY_MS);
      } else {
        this.requestLink();
      }
    }
    // Indexing a large workspace, the views are told when a linking ends (each refresh of theirs reads every
    // article), except about an article shown in an editor, whose highlights should not wait.
    if (this.isIndexing() && !this.small() && !(key !== undefined && vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === key))) return;
    this.scheduleFire();
  }

  /** Tells the listeners, soon (coalesced); while indexing, at most about once a second. */
  private scheduleFire(): void {
    if (this.firePending) return;
    this.firePending = true;
    const wait = this.isIndexing() && !this.small() ? Math.max(0, this.lastFire + INDEXING_FIRE_MS - Date.now()) : 0;
    setTimeout(() => {
      this.firePending = false;
      this.lastFire = Date.now();
      if (this.disposed) return;
      const started = performance.now();
      this.changeEmitter.fire();
      this.longest('onDidChange listeners', started);
    }, wait);
  }

  // ---- linking ---------------------------------------------------------------------------------

  /**
   * Whether the workspace is linked synchronously when read. While a large workspace is first indexed its
   * entries pass through every smaller size: it counts as large from the start, by the files found.
   */
  private small(): boolean {
    return Math.max(this.entries.size, this.isIndexing() ? this.articlesFound : 0) <= SYNC_LINK_ARTICLES;
  }

  /** A small workspace is linked when read, as before: its model is always current. */
  private linkIfSmall(): void {
    if (!this.linkStale || !this.small() || this.linkRunning) return;
    this.linkStale = false;
    const input = this.linkInput();
    this.links = runSteps(linkArticlesStepwise(input));
    this.linksSignature = undefined;
  }

  private linkInput(): Entry[] {
    return this.entries.inPathOrder();
  }

  /** Starts a background linking unless one runs (which starts another when it ends, if something changed). */
  private requestLink(): void {
    this.linkRunning ??= this.runLinks().finally(() => (this.linkRunning = undefined));
  }

  private async runLinks(): Promise<void> {
    await turn();
    while (this.linkStale && !this.disposed) {
      // While indexing, a new linking waits until the corpus grew LINK_GROWTH times since the last one (not one
      // linking per second of a growing corpus) and a second passed.
      if (this.isIndexing() && !this.linkUrgent) {
        const due = () =>
          this.linkUrgent || this.disposed || !this.isIndexing() || (!this.linkHeld && (this.linkSoon || (Date.now() >= this.lastLinkEnd + INDEXING_FIRE_MS && this.entries.size >= this.lastLinkedCount * LINK_GROWTH)));
        while (!due()) await new Promise((r) => setTimeout(r, 50));
      }
      this.lastLinkedCount = this.entries.size;
      this.linkSoon = false;
      this.linkStale = false;
      const input = this.linkInput();
      const steps = (function* () {
        const signature = yield* linkSignatureSteps(input);
        return { signature, links: yield* linkArticlesStepwise(input) };
      })();
      const result = await runStepsInSlices(steps, LINK_SLICE_MS, {
        onSlice: (ms) => {
          this.linkStats.longestStepMs = Math.max(this.linkStats.longestStepMs, ms);
          this.linkStats.totalMs += ms;
        },
        stopped: () => this.disposed,
      });
      if (!result) return;
      this.linkStats.runs++;
      this.links = result.links;
      this.linksSignature = result.signature;
      this.lastLinkEnd = Date.now();
      this.scheduleFire();
    }
  }

  /** Resolves when the model's linking is current (every change so far linked). */
  private async linked(): Promise<void> {
    if (this.small()) return;
    this.linkUrgent = true;
    for (;;) {
      if (this.linkRunning) await this.linkRunning;
      else if (this.linkStale) this.requestLink();
      else {
        this.linkUrgent = false;
        return;
      }
    }
  }

  private snapshotOf(entry: Entry): Summary {
    entry.snapshot ??= entry.held ? new Snapshot(entry, entry.held.text, entry.held.analysis, () => this.currentLinks()) : new Summary(entry, () => this.currentLinks());
    return entry.snapshot;
  }

  private currentLinks(): CorpusLinks | undefined {
    this.linkIfSmall();
    return this.links;
  }

  /** The articles (checked ones: an article shown from the cache is listed once its file is checked), by path. */
  private listing(): Listed {
    this.linkIfSmall();
    if (this.listed && this.listed.version === this.version) return this.listed;
    const started = performance.now();
    // The index keeps its entries in path order as they come: no sort of thousands of paths per list.
    const ordered = this.entries.inPathOrder((entry) => entry.checked);
    const list: ArticleSummary[] = [];
    const summaryByPath = new Map<string, ArticleSummary>();
    for (const entry of ordered) {
      const snapshot = this.snapshotOf(entry);
      list.push(snapshot);
      summaryByPath.set(snapshot.path, snapshot);
    }
    this.listed = { version: this.version, list, byPath: summaryByPath };
    this.longest('article list', started);
    return this.listed;
  }

  dispose(): void {
    this.disposed = true;
    if (this.typedLinkTimer) clearTimeout(this.typedLinkTimer);
    for (const t of this.pendingEdits.values()) clearTimeout(t);
    for (const t of this.exactTimers.values()) clearTimeout(t);
    for (const t of this.pendingReads.values()) clearTimeout(t);
    this.generation++;
    this.pool.dispose();
    this.live.dispose();
    void this.cache.flush();
    for (const d of this.disposables) d.dispose();
  }
}

/** An entry as it is now: what linking, the views' counts and the tags need of an article. */
function newEntry(
  uri: vscode.Uri,
  path: string,
  sha256: string,
  override: string | null,
  record: ArticleRecord | undefined,
  summary: AnalysisSummary,
  held?: { text: string; analysis: DocumentAnalysis },
): Entry {
  return { uri, path, checked: true, sha256, override, record, documentDate: summary.documentDate, link: summary.link, found: summary.found, ...(held ? { held } : {}) };
}

/** The same article (file, hash, date override) with `text` and its analysis held: it is open in an editor. */
function heldEntry(entry: Entry, text: string, analysis: DocumentAnalysis): Entry {
  return newEntry(entry.uri, entry.path, entry.sha256, entry.override, entry.record, summarise(analysis), { text, analysis });
}

/** An article listed: counts made from what the index keeps of it, people counted as the last linking has them. */
class Summary implements ArticleSummary {
  readonly uri: vscode.Uri;
  readonly path: string;
  readonly sha256: string;
  readonly documentDateOverride: string | null;
  readonly documentDate: string | null;
  constructor(
    protected readonly entry: Entry,
    /** The index's last linking, whichever it is when read (a new linking needs no new snapshot). */
    protected readonly currentLinks: () => CorpusLinks | undefined,
  ) {
    this.uri = entry.uri;
    this.path = entry.path;
    this.sha256 = entry.sha256;
    this.documentDateOverride = entry.override;
    this.documentDate = entry.documentDate;
  }

  get counts(): AnalysisCounts {
    const { found, link } = this.entry;
    return { officials: peopleCount(link, this.currentLinks()), quotes: found.quotes, claims: found.claims, dates: found.dates, events: link.events.length };
  }
}

/**
 * An article with its text and analysis, whose linked analysis is made when it is read. Its linked analysis
 * is kept while the article is open in an editor (decorations and hovers read it again and again); for
 * others (loaded for an export or a view) it is made at each read and not kept.
 */
class Snapshot extends Summary implements ArticleSnapshot {
  private kept: { links: CorpusLinks | undefined; analysis: DocumentAnalysis } | undefined;
  constructor(
    entry: Entry,
    readonly text: string,
    /** The article's own analysis (document-local entity ids). */
    private readonly local: DocumentAnalysis,
    currentLinks: () => CorpusLinks | undefined,
  ) {
    super(entry, currentLinks);
  }

  get analysis(): DocumentAnalysis {
    const links = this.currentLinks();
    if (this.kept && this.kept.links === links) return this.kept.analysis;
    const analysis = linkedAnalysis(this.local, links, this.entry.link);
    const key = this.uri.toString();
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) this.kept = { links, analysis };
    return analysis;
  }
}
