// The workspace index: every article of the workspace with its analysis, people linked across
// articles, merged events. Finds articles with the include/exclude globs, reads them through
// workspace.fs, keeps them current as files are opened, edited, saved, created, renamed and deleted,
// and caches analyses by content hash. Implements the WorkspaceModel the views read.
import * as vscode from 'vscode';
import { analyzeDocument } from '../analysis/analyze';
import { isIsoDay } from '../analysis/documentDate';
import type { CorpusEvent, DocumentAnalysis, Entity } from '../analysis/types';
import { type ArticleProblem, checkArticleText, decodeArticle, formatMB, maxBytesFromMB, notAnalysedMessage, notUtf8OpenMessage, tooLargeMessage, tooLargeReason } from '../annotations/articleText';
import { sha256Hex } from '../annotations/sha256';
import type { Tag } from '../annotations/tags';
import type { AnalysisCacheStore } from './analysisCacheStore';
import type { Config } from './config';
import { CONFIG_SECTION, Settings } from './constants';
import { linkArticles } from './corpusLink';
import { isArticlePath } from './glob';
import type { ArticleSnapshot, WorkspaceModel } from './model';
import { plainMessage } from './views/labels';

interface Entry {
  uri: vscode.Uri;
  path: string;
  text: string;
  sha256: string;
  /** The article's own analysis (document-local entity ids), as cached. */
  analysis: DocumentAnalysis;
  override: string | null;
}

interface Linked {
  snapshots: Map<string, ArticleSnapshot>;
  byPath: Map<string, ArticleSnapshot>;
  list: ArticleSnapshot[];
  entities: Entity[];
  events: CorpusEvent[];
}

/** Where the model gets the user's tags: the tag controller, once it exists. */
export interface TagSource {
  tags(uri?: vscode.Uri): readonly Tag[];
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
  private readonly textEmitter = new vscode.EventEmitter<ArticleSnapshot[]>();
  /** Articles whose text was replaced other than by an edit in an editor (read from disk, opened, reverted). */
  readonly onDidReplaceText = this.textEmitter.event;
  private readonly indexingEmitter = new vscode.EventEmitter<boolean>();
  readonly onDidChangeIndexing = this.indexingEmitter.event;

  readonly ready: Promise<void>;
  private resolveReady!: () => void;
  private entries = new Map<string, Entry>();
  private linked: Linked | undefined;
  private tagSource: TagSource | undefined;
  private firePending = false;
  private generation = 0;
  private indexingCount = 0;
  private readonly pendingEdits = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly pendingReads = new Map<string, ReturnType<typeof setTimeout>>();
  /** Articles not analysed (too large, binary, not decodable), by uri: their tags stay as they are. */
  private readonly refused = new Map<string, Refusal>();
  /** Refusals already told to the user this session (one notification per file). */
  private readonly told = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly config: Config,
    private readonly cache: AnalysisCacheStore,
    private readonly state: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
    private readonly cachePrunable: boolean,
  ) {
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
        if (e.affectsConfiguration(`${CONFIG_SECTION}.${Settings.maxFileSizeMB}`)) void this.reindex();
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

  articles(): readonly ArticleSnapshot[] {
    return this.link().list;
  }

  article(uri: vscode.Uri): ArticleSnapshot | undefined {
    return this.link().snapshots.get(uri.toString());
  }

  articleByPath(path: string): ArticleSnapshot | undefined {
    return this.link().byPath.get(path);
  }

  entities(): readonly Entity[] {
    return this.link().entities;
  }

  events(): readonly CorpusEvent[] {
    return this.link().events;
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
    if (!ARTICLE_SCHEMES.has(uri.scheme)) return false;
    if (this.extraArticles().includes(uri.toString())) return true;
    if (uri.scheme === 'untitled') return false;
    const { include, exclude } = this.config.current;
    return isArticlePath(vscode.workspace.asRelativePath(uri, false), include, exclude);
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
      const entry = await this.load(uri);
      if (entry) this.flushReplaced([entry]);
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
    const entry = this.entries.get(uri.toString());
    if (!entry) return;
    entry.override = date;
    entry.analysis = await this.analyse(entry.text, entry.sha256, date, true);
    this.changed();
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
      await this.reindex(true);
    } finally {
      this.resolveReady();
    }
  }

  private async reindex(notify = false): Promise<void> {
    const generation = ++this.generation;
    this.indexingCount++;
    this.indexingEmitter.fire(true);
    try {
      const title = 'News Annotator: indexing articles';
      const location = notify ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
      await vscode.window.withProgress({ location, title, cancellable: notify }, (progress, token) =>
        this.indexAll(generation, progress, token),
      );
    } catch (e) {
      this.log.error(`indexing failed: ${String(e)}`);
    } finally {
      this.indexingCount--;
      this.indexingEmitter.fire(this.indexingCount > 0);
    }
  }

  private async indexAll(
    generation: number,
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    token: vscode.CancellationToken,
  ): Promise<void> {
    const { include, exclude } = this.config.current;
    const found = new Map<string, vscode.Uri>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, include), exclude ? new vscode.RelativePattern(folder, exclude) : undefined, undefined, token);
      for (const uri of uris) found.set(uri.toString(), uri);
    }
    for (const key of this.extraArticles()) if (!found.has(key)) found.set(key, vscode.Uri.parse(key));
    for (const doc of vscode.workspace.textDocuments) {
      if (this.isArticleUri(doc.uri)) found.set(doc.uri.toString(), doc.uri);
    }
    // Articles no longer found (globs changed, deleted while closed) leave the index.
    for (const key of [...this.entries.keys()]) if (!found.has(key)) this.entries.delete(key);
    this.changed();

    for (const key of [...this.refused.keys()]) if (!found.has(key)) this.refused.delete(key);
    const uris = [...found.values()];
    const step = uris.length ? 100 / uris.length : 100;
    const replaced: Entry[] = [];
    let done = 0;
    let lastYield = Date.now();
    for (const uri of uris) {
      if (token.isCancellationRequested || generation !== this.generation) {
        this.log.info(`indexing stopped after ${done} of ${uris.length} articles`);
        this.flushReplaced(replaced);
        return;
      }
      const entry = await this.load(uri);
      if (entry) replaced.push(entry);
      done++;
      progress.report({ message: `${done} of ${uris.length}`, increment: step });
      // Give the editor a turn now and then: a large workspace must not freeze typing.
      if (Date.now() - lastYield > 50) {
        this.flushReplaced(replaced);
        await new Promise((r) => setTimeout(r, 0));
        lastYield = Date.now();
      }
    }
    this.flushReplaced(replaced);
    if (this.cachePrunable && generation === this.generation) await this.cache.prune();
    this.log.info(`indexed ${this.entries.size} articles`);
    this.tellTooLarge();
  }

  private flushReplaced(replaced: Entry[]): void {
    if (replaced.length === 0) return;
    this.changed();
    const snapshots = replaced.map((e) => this.article(e.uri)).filter((s): s is ArticleSnapshot => !!s);
    replaced.length = 0;
    if (snapshots.length) this.textEmitter.fire(snapshots);
  }

  /** Reads one article (the editor's text when open, else the file) and analyses it unless it is unchanged. */
  private async load(uri: vscode.Uri): Promise<Entry | undefined> {
    const key = uri.toString();
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    let text: string;
    if (doc) {
      text = doc.getText();
    } else {
      const maxBytes = this.maxBytes(uri);
      let bytes: Uint8Array;
      try {
        // A file above the limit is refused from its size alone: a 50 MB file is never read into memory.
        const { size } = await vscode.workspace.fs.stat(uri);
        if (size > maxBytes) return this.refuse(key, { reason: tooLargeReason(size, maxBytes), problem: 'too-large' }, false);
        bytes = await vscode.workspace.fs.readFile(uri);
      } catch (e) {
        this.log.warn(`cannot read ${vscode.workspace.asRelativePath(uri)}: ${String(e)}`);
        this.refused.delete(key);
        if (this.entries.delete(key)) this.changed();
        return undefined;
      }
      const decoded = decodeArticle(bytes, maxBytes);
      if (!decoded.ok) return this.refuse(key, decoded, false);
      text = decoded.text;
    }
    if (doc) {
      const check = checkArticleText(text, this.maxBytes(uri));
      if (!check.ok) return this.refuse(key, check, false);
    }
    this.refused.delete(key);
    const existing = this.entries.get(key);
    if (existing && existing.text === text) return undefined;
    const sha = sha256Hex(text);
    const override = this.documentDateOverride(uri);
    const analysis = await this.analyse(text, sha, override, true);
    const entry: Entry = { uri, path: vscode.workspace.asRelativePath(uri), text, sha256: sha, analysis, override };
    this.entries.set(key, entry);
    return entry;
  }

  private async analyse(text: string, sha: string, override: string | null, useCache: boolean): Promise<DocumentAnalysis> {
    const key = this.cache.key(sha, override);
    if (useCache) {
      const cached = await this.cache.get(key, text.length);
      if (cached) return cached;
    }
    const analysis = this.analyseNow(text, override);
    if (useCache) void this.cache.put(key, analysis);
    return analysis;
  }

  private analyseNow(text: string, override: string | null): DocumentAnalysis {
    try {
      return analyzeDocument(text, { documentDate: override });
    } catch (e) {
      // The engine is built never to throw; if it does, the article shows nothing rather than breaking the rest.
      this.log.error(`analysis failed: ${String(e)}`);
      return { documentDate: null, sentences: [], dates: [], officials: [], quotes: [], claims: [], events: [] };
    }
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
    if (existing && existing.text === text) return;
    const override = this.documentDateOverride(doc.uri);
    const sha = sha256Hex(text);
    const entry: Entry = { uri: doc.uri, path: vscode.workspace.asRelativePath(doc.uri), text, sha256: sha, analysis: this.analyseNow(text, override), override };
    this.entries.set(key, entry);
    this.changed();
    if (replaced) {
      const snapshot = this.article(doc.uri);
      if (snapshot) this.textEmitter.fire([snapshot]);
    }
  }

  // ---- keeping current -------------------------------------------------------------------------

  private onOpened(doc: vscode.TextDocument): void {
    if (!this.isArticleUri(doc.uri)) return;
    const existing = this.entries.get(doc.uri.toString());
    if (existing && existing.text === doc.getText()) return;
    this.updateFromDocument(doc, true);
  }

  private onEdited(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const doc = e.document;
    const key = doc.uri.toString();
    if (!this.entries.has(key) && !this.isArticleUri(doc.uri)) return;
    const previous = this.pendingEdits.get(key);
    if (previous) clearTimeout(previous);
    this.pendingEdits.set(
      key,
      setTimeout(() => {
        this.pendingEdits.delete(key);
        if (!doc.isClosed) this.updateFromDocument(doc, false);
      }, this.config.current.debounceMs),
    );
  }

  private async onSaved(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    if (!this.entries.has(key)) return;
    this.flush(doc.uri);
    const entry = this.entries.get(key);
    if (entry) void this.cache.put(this.cache.key(entry.sha256, entry.override), entry.analysis);
  }

  private onClosed(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const timer = this.pendingEdits.get(key);
    if (timer) clearTimeout(timer);
    this.pendingEdits.delete(key);
    if (!this.entries.has(key)) return;
    if (doc.uri.scheme === 'untitled') {
      this.entries.delete(key);
      void this.state.update(EXTRA_ARTICLES_KEY, this.extraArticles().filter((k) => k !== key));
      this.changed();
      return;
    }
    // Closed without saving: the article is the file again.
    void this.load(doc.uri).then((entry) => entry && this.flushReplaced([entry]));
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
    const previous = this.pendingReads.get(key);
    if (previous) clearTimeout(previous);
    this.pendingReads.set(
      key,
      setTimeout(() => {
        this.pendingReads.delete(key);
        void this.load(uri).then((entry) => entry && this.flushReplaced([entry]));
      }, 100),
    );
  }

  private onDiskDeleted(uri: vscode.Uri): void {
    const prefix = uri.toString();
    let removed = false;
    for (const key of [...this.refused.keys()]) if (key === prefix || key.startsWith(prefix + '/')) this.refused.delete(key);
    for (const key of [...this.entries.keys()]) {
      if (key !== prefix && !key.startsWith(prefix + '/')) continue;
      // Unsaved edits of a deleted file are still an article the user is working on; a clean copy is not.
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === key && d.isDirty)) continue;
      this.entries.delete(key);
      removed = true;
    }
    const extras = this.extraArticles();
    const kept = extras.filter((k) => k !== prefix && !k.startsWith(prefix + '/'));
    if (kept.length !== extras.length) void this.state.update(EXTRA_ARTICLES_KEY, kept);
    if (removed) this.changed();
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
        this.entries.delete(key);
        const targetKey = target.toString();
        if (dates[key]) {
          dates[targetKey] = dates[key]!;
          delete dates[key];
        }
        if (extras.includes(key)) extras = extras.map((k) => (k === key ? targetKey : k));
        if (this.isArticleUriWith(target, extras)) {
          this.entries.set(targetKey, { ...entry, uri: target, path: vscode.workspace.asRelativePath(target) });
        }
      }
      // A file renamed into the globs becomes an article.
      if (!this.entries.has(newUri.toString()) && this.isArticleUriWith(newUri, extras)) void this.load(newUri).then((e) => e && this.flushReplaced([e]));
    }
    await this.state.update(DOCUMENT_DATES_KEY, dates);
    await this.state.update(EXTRA_ARTICLES_KEY, extras);
    this.changed();
  }

  private isArticleUriWith(uri: vscode.Uri, extras: readonly string[]): boolean {
    if (extras.includes(uri.toString())) return true;
    if (!ARTICLE_SCHEMES.has(uri.scheme) || uri.scheme === 'untitled') return false;
    return isArticlePath(vscode.workspace.asRelativePath(uri, false), this.config.current.include, this.config.current.exclude);
  }

  // ---- refusals --------------------------------------------------------------------------------

  /** The size limit for this file: the setting's, or none when the user chose Analyse Anyway for it. */
  private maxBytes(uri: vscode.Uri): number {
    if (this.largeAllowed().includes(uri.toString())) return Number.POSITIVE_INFINITY;
    return maxBytesFromMB(vscode.workspace.getConfiguration(CONFIG_SECTION).get<unknown>(Settings.maxFileSizeMB));
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
    if (this.entries.delete(key)) this.changed();
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

  private changed(): void {
    this.linked = undefined;
    this.scheduleFire();
  }

  private scheduleFire(): void {
    if (this.firePending) return;
    this.firePending = true;
    setTimeout(() => {
      this.firePending = false;
      this.changeEmitter.fire();
    }, 0);
  }

  /** Links people and events across articles lazily: many updates in a row cost one linking. */
  private link(): Linked {
    if (this.linked) return this.linked;
    const entries = [...this.entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const corpus = linkArticles(entries.map((e) => ({ path: e.path, analysis: e.analysis })));
    const snapshots = new Map<string, ArticleSnapshot>();
    const byPath = new Map<string, ArticleSnapshot>();
    const list: ArticleSnapshot[] = [];
    entries.forEach((e, i) => {
      const snapshot: ArticleSnapshot = {
        uri: e.uri,
        path: e.path,
        text: e.text,
        sha256: e.sha256,
        analysis: corpus.documents[i]!.analysis,
        documentDateOverride: e.override,
      };
      snapshots.set(e.uri.toString(), snapshot);
      byPath.set(e.path, snapshot);
      list.push(snapshot);
    });
    this.linked = { snapshots, byPath, list, entities: corpus.entities, events: corpus.events };
    return this.linked;
  }

  dispose(): void {
    for (const t of this.pendingEdits.values()) clearTimeout(t);
    for (const t of this.pendingReads.values()) clearTimeout(t);
    this.generation++;
    for (const d of this.disposables) d.dispose();
  }
}
