// Analyses kept on disk (extension storage, via workspace.fs) by content hash, so reopening a workspace
// does not analyse unchanged articles again. Entries go into shard files of ~1 MB (10,000 articles are ~60
// files, not 10,000) and a manifest says which shard holds which key and what each article was when analysed;
// both are written atomically (temp file, then rename), shards before the manifest that names them. Any
// failure here only costs a re-analysis: a damaged or foreign file is ignored and pruned.
import * as vscode from 'vscode';
import { runStepsInSlices } from '../analysis/steps';
import type { CorpusEvent, DocumentAnalysis, Entity } from '../analysis/types';
import { atomicWrite, removeStaleTemps } from '../annotations/atomicWrite';
import { workspaceFs } from './workspaceFs';
import { hashText } from './textHash';
import { type ArticleRecord, analysisCacheKey, isShardName, newShardName, SHARD_BUFFER_BYTES, SHARD_BYTES, internStrings, decodeManifestSteps, decodeShard, emptyManifest, encodeManifestSteps, type Manifest, ShardBuilder, Utf8Buffer } from './analysisCache';

const MANIFEST = 'manifest.json';
/** The last linking of the workspace (entities, events, local ids), so that reopening shows the Events at once. */
const CORPUS = 'corpus-links.ndjson';
const CORPUS_FORMAT = 'news-annotator/corpus-links';
/** Time the manifest's encoding may take before the event loop gets a turn. */
const MANIFEST_SLICE_MS = 8;
/** Entities or events per line of the corpus file: one line is parsed per turn of the event loop. */
const CORPUS_LINE_ITEMS = 300;
/** The linked corpus's pieces are written in files of about this size, named by the head file. */
const CORPUS_PART_BYTES = 512 * 1024;
const CORPUS_PART_PREFIX = 'corpus-part-';
/** The per-entry cache of earlier versions, deleted at the first prune. */
const OLD_CACHE_DIR = 'analysis-cache';

/** Shards kept parsed for get (~3 MB each). */
const RECENT_SHARDS = 4;

export class AnalysisCacheStore {
  private readonly storage: vscode.Uri | undefined;
  private readonly dir: vscode.Uri | undefined;
  private manifest: Manifest = emptyManifest();
  private opened: Promise<void> | undefined;
  /** Key → shard name, from the manifest. */
  private readonly shardOf = new Map<string, string>();
  /** Keys an article of this workspace used since the last prune. */
  private readonly used = new Set<string>();
  private building: ShardBuilder | undefined;
  /** Buffers of shards written, to build the next ones in (a new 1 MB buffer per shard is garbage to collect). */
  private readonly spareBuffers: Uint8Array[] = [];
  /** Entries put but not yet in a written shard (get() serves them from here). */
  private readonly unwritten = new Map<string, string | Uint8Array>();
  /** The shards last read by get, most recent last (an export or a view reads neighbouring articles). */
  private readonly recentShards = new Map<string, Map<string, DocumentAnalysis>>();
  private writing: Promise<void> = Promise.resolve();
  private manifestDirty = false;
  private manifestTimer: ReturnType<typeof setTimeout> | undefined;
  private shardCounter = 0;

  constructor(
    storage: vscode.Uri | undefined,
    private engineVersion: string,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.storage = storage;
    this.dir = storage ? vscode.Uri.joinPath(storage, 'analysis-shards') : undefined;
  }

  /**
   * Adds the bundle's modification time to the version: a rebuilt engine (development, or an update that
   * kept the version number) never reads analyses of the old one.
   */
  async identifyBuild(bundle: vscode.Uri): Promise<void> {
    try {
      const stat = await vscode.workspace.fs.stat(bundle);
      this.engineVersion = `${this.engineVersion}+${stat.mtime}`;
    } catch {
      // No bundle to stat (tests from sources): the version alone keys the cache.
    }
  }

  key(textSha256: string, documentDate: string | null): string {
    return analysisCacheKey(textSha256, documentDate, this.engineVersion, hashText);
  }

  /** Reads the manifest (once). */
  open(): Promise<void> {
    this.opened ??= (async () => {
      if (!this.dir) return;
      try {
        const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.dir, MANIFEST));
        // A line at a time, across turns of the loop (the manifest of 10,000 articles is ~3 MB).
        this.manifest = (await runStepsInSlices(decodeManifestSteps(new TextDecoder().decode(bytes), this.engineVersion), MANIFEST_SLICE_MS))!;
      } catch {
        // No cache yet.
      }
      await runStepsInSlices(this.fileShardKeys(), MANIFEST_SLICE_MS);
      this.log.info(`analysis cache: ${this.dir.toString(true)} (${this.manifest.articles.size} articles recorded)`);
    })();
    return this.opened;
  }

  /** Which shard holds each analysis, a shard per step. */
  private *fileShardKeys(): Generator<void, void, void> {
    for (const [name, keys] of this.manifest.shards) {
      for (const key of keys) this.shardOf.set(key, name);
      yield;
    }
  }

  /** What the article was when last analysed, as the manifest says. */
  record(uri: string): ArticleRecord | undefined {
    return this.manifest.articles.get(uri);
  }

  /** Every article the manifest knows, for showing the workspace from the cache before reading it. */
  records(): ReadonlyMap<string, ArticleRecord> {
    return this.manifest.articles;
  }

  setRecord(uri: string, record: ArticleRecord): void {
    this.used.add(record.key);
    const old = this.manifest.articles.get(uri);
    if (old && old.size === record.size && old.mtime === record.mtime && old.sha256 === record.sha256 && old.override === record.override && old.key === record.key) return;
    this.manifest.articles.set(uri, record);
    this.manifestChanged();
  }

  deleteRecord(uri: string): void {
    if (this.manifest.articles.delete(uri)) this.manifestChanged();
  }

  has(key: string): boolean {
    return this.dir !== undefined && (this.shardOf.has(key) || this.unwritten.has(key));
  }

  /** One entry (its shard is read and parsed; the last one stays parsed for the next lookups). */
  async get(key: string): Promise<DocumentAnalysis | undefined> {
    if (!this.dir) return undefined;
    const json = this.unwritten.get(key);
    if (json !== undefined) {
      this.used.add(key);
      return internStrings(JSON.parse(typeof json === 'string' ? json : new TextDecoder().decode(json)) as DocumentAnalysis);
    }
    const name = this.shardOf.get(key);
    if (!name) return undefined;
    let entries = this.recentShards.get(name);
    if (entries) this.recentShards.delete(name);
    else entries = (await this.readShard(name)) ?? new Map<string, DocumentAnalysis>();
    this.recentShards.set(name, entries);
    if (this.recentShards.size > RECENT_SHARDS) this.recentShards.delete(this.recentShards.keys().next().value!);
    const analysis = entries.get(key);
    if (analysis) this.used.add(key);
    return analysis;
  }

  /**
   * The entries of the given keys, shard by shard: one shard read and parsed per call of the callback's turn
   * (~1 MB of JSON, ~10 ms), so the caller's event loop keeps turning while a large cache is read.
   */
  async load(keys: ReadonlySet<string>, onShard: (entries: Map<string, DocumentAnalysis>) => void, cancelled: () => boolean): Promise<void> {
    if (!this.dir) return;
    const names = new Set<string>();
    for (const key of keys) {
      const name = this.shardOf.get(key);
      if (name) names.add(name);
    }
    for (const name of names) {
      if (cancelled()) return;
      const entries = await this.readShard(name);
      if (!entries) continue;
      const wanted = new Map<string, DocumentAnalysis>();
      for (const [key, analysis] of entries) {
        if (!keys.has(key)) continue;
        wanted.set(key, analysis);
        this.used.add(key);
      }
      onShard(wanted);
      await new Promise((r) => setTimeout(r, 0));
    }
  }

  /** Where a worker on this machine may write shards itself (workerShards.ts): a cache on the local disk. */
  shardTarget(): { dir: string; engine: string } | undefined {
    return this.dir?.scheme === 'file' ? { dir: this.dir.fsPath, engine: this.engineVersion } : undefined;
  }

  /** A shard a worker wrote into the cache folder: its entries are found from now on, and it is in the manifest. */
  adoptShard(name: string, keys: readonly string[]): void {
    if (!this.dir || !isShardName(name)) return;
    this.manifest.shards.set(name, [...keys]);
    for (const key of keys) {
      this.shardOf.set(key, name);
      this.used.add(key);
    }
    this.manifestChanged();
  }

  /** Adds an entry (the kept analysis as JSON, as text or UTF-8 bytes); shards are written as they fill. */
  put(key: string, analysisJson: string | Uint8Array): void {
    if (!this.dir) return;
    this.used.add(key);
    if (this.has(key)) return;
    // The entry's bytes are kept once, in the shard being built, until it is written.
    const building = (this.building ??= new ShardBuilder(this.engineVersion, this.spareBuffers.pop() ?? new Uint8Array(SHARD_BUFFER_BYTES)));
    this.unwritten.set(key, building.add(key, analysisJson));
    if (building.size >= SHARD_BYTES) this.writeShard();
  }

  /** Writes what is pending: the shard being filled, then the manifest. */
  async flush(): Promise<void> {
    if (!this.dir) return;
    if (this.building && this.building.keys.length > 0) this.writeShard();
    await this.writing;
    if (this.manifestDirty) {
      this.manifestDirty = false;
      await this.writeManifest();
    }
  }

  /**
   * Forgets entries no article of this workspace used since the last prune (after a complete indexing):
   * they leave the manifest, and shards holding none of the used ones are deleted, with any other file of the
   * cache folder (another engine's shards, the old per-entry cache).
   */
  async prune(): Promise<void> {
    if (!this.dir) return;
    await this.flush();
    const dir = this.dir;
    let removed = 0;
    for (const [uri, record] of [...this.manifest.articles]) {
      if (this.used.has(record.key)) continue;
      this.manifest.articles.delete(uri);
      removed++;
    }
    for (const [name, keys] of [...this.manifest.shards]) {
      if (keys.some((k) => this.used.has(k))) continue;
      this.manifest.shards.delete(name);
      for (const k of keys) this.shardOf.delete(k);
      removed++;
    }
    this.used.clear();
    for (const r of this.manifest.articles.values()) this.used.add(r.key);
    // flush() above wrote it as it is unless something went (a 10,000-article manifest is ~3 MB to encode).
    if (removed > 0) await this.writeManifest();
    try {
      for (const [name] of await vscode.workspace.fs.readDirectory(dir)) {
        // A temp file may be another window's write under way (stale ones of the manifest go below).
        // The linked corpus's parts are kept and replaced by saveCorpus.
        if (name === MANIFEST || name === CORPUS || name.startsWith(CORPUS_PART_PREFIX) || this.manifest.shards.has(name) || name.endsWith('.tmp')) continue;
        await vscode.workspace.fs.delete(vscode.Uri.joinPath(dir, name)).then(undefined, () => undefined);
      }
      await removeStaleTemps(workspaceFs, vscode.Uri.joinPath(dir, MANIFEST));
    } catch {
      // No cache folder yet.
    }
    if (this.storage) await vscode.workspace.fs.delete(vscode.Uri.joinPath(this.storage, OLD_CACHE_DIR), { recursive: true }).then(undefined, () => undefined);
  }

  /**
   * Saves a linking of the workspace under the signature of what it linked (every article's path, hash and
   * date override). Made piece by piece across turns of the event loop (the events of 10,000 articles are
   * ~15 MB of JSON), in part files and a head naming them.
   */
  async saveCorpus(signature: string, corpus: { entities: Entity[]; events: CorpusEvent[]; entityByLocalId: Map<string, Entity> }): Promise<void> {
    if (!this.dir) return;
    const dir = this.dir;
    // Written in parts of ~0.5 MB, each as soon as it is full, then the head naming them: the linking of a large
    // workspace is ~15 MB of JSON, which held whole (lines, then joined) added ~35 MB to the host's peak.
    const encoder = new TextEncoder();
    const pieces: Array<['entities' | 'events' | 'locals', unknown[]]> = [];
    for (let i = 0; i < corpus.entities.length; i += CORPUS_LINE_ITEMS) pieces.push(['entities', corpus.entities.slice(i, i + CORPUS_LINE_ITEMS)]);
    for (let i = 0; i < corpus.events.length; i += CORPUS_LINE_ITEMS) pieces.push(['events', corpus.events.slice(i, i + CORPUS_LINE_ITEMS)]);
    const locals = [...corpus.entityByLocalId].map(([local, entity]) => [local, entity.id]);
    for (let i = 0; i < locals.length; i += CORPUS_LINE_ITEMS * 4) pieces.push(['locals', locals.slice(i, i + CORPUS_LINE_ITEMS * 4)]);
    const stamp = `${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
    const parts: string[] = [];
    // Each item is made into JSON and encoded on its own, into one buffer reused for every part: a line of
    // hundreds of items as one string would be a large object, which only a full collection frees.
    const out = new Utf8Buffer(CORPUS_PART_BYTES * 2);
    const writePart = async () => {
      const name = `${CORPUS_PART_PREFIX}${stamp}-${parts.length}.ndjson`;
      // The buffer is written before anything is appended again.
      await atomicWrite(workspaceFs, vscode.Uri.joinPath(dir, name), out.view());
      out.clear();
      parts.push(name);
    };
    const save = async () => {
      for (const [kind, items] of pieces) {
        out.append(`${out.length ? '\n' : ''}{${JSON.stringify(kind)}:[`);
        items.forEach((item, i) => out.append(`${i ? ',' : ''}${JSON.stringify(item)}`));
        out.append(']}');
        if (out.length >= CORPUS_PART_BYTES) await writePart();
        else await new Promise((r) => setTimeout(r, 0));
      }
      if (out.length) await writePart();
      const head = `${JSON.stringify({ format: CORPUS_FORMAT, engine: this.engineVersion, signature })}\n${JSON.stringify({ parts })}`;
      await atomicWrite(workspaceFs, vscode.Uri.joinPath(dir, CORPUS), encoder.encode(head));
    };
    // After the cache's other writes, and before a clear() deletes the folder.
    this.writing = this.writing.then(async () => {
      try {
        await save();
      } catch (e) {
        this.log.warn(`analysis cache: could not write the linked corpus: ${String(e)}`);
      }
      // Parts of earlier linkings (and of a save that failed) go.
      await this.removeCorpusParts(new Set(parts));
    });
    await this.writing;
  }

  private async removeCorpusParts(keep: ReadonlySet<string>): Promise<void> {
    try {
      for (const [name] of await vscode.workspace.fs.readDirectory(this.dir!)) {
        if (name.startsWith(CORPUS_PART_PREFIX) && !name.endsWith('.tmp') && !keep.has(name)) await vscode.workspace.fs.delete(vscode.Uri.joinPath(this.dir!, name)).then(undefined, () => undefined);
      }
    } catch {
      // No cache folder.
    }
  }

  /** The saved linking, if it is of exactly these articles (same signature) and this engine; parsed a line per turn. */
  async loadCorpus(signature: string): Promise<{ entities: Entity[]; events: CorpusEvent[]; entityByLocalId: Map<string, Entity> } | undefined> {
    if (!this.dir) return undefined;
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.dir, CORPUS)));
    } catch {
      return undefined;
    }
    const lines = text.split('\n');
    try {
      const head = JSON.parse(lines[0] ?? '') as { format?: unknown; engine?: unknown; signature?: unknown };
      if (head.format !== CORPUS_FORMAT || head.engine !== this.engineVersion || head.signature !== signature) return undefined;
      const entities: Entity[] = [];
      const events: CorpusEvent[] = [];
      const locals: Array<[string, string]> = [];
      // The head names the parts holding the pieces (a file of an earlier version holds them itself).
      const listed = JSON.parse(lines[1] ?? '{}') as { parts?: unknown };
      const partNames = Array.isArray(listed.parts) ? listed.parts.filter((p): p is string => typeof p === 'string' && p.startsWith(CORPUS_PART_PREFIX) && !p.includes('/')) : undefined;
      const pieceLines = async function* (dir: vscode.Uri): AsyncGenerator<string> {
        if (!partNames) {
          yield* lines.slice(1);
          return;
        }
        for (const part of partNames) yield* new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, part))).split('\n');
      };
      for await (const line of pieceLines(this.dir)) {
        await new Promise((r) => setTimeout(r, 0));
        const piece = JSON.parse(line) as { entities?: Entity[]; events?: CorpusEvent[]; locals?: Array<[string, string]> };
        if (Array.isArray(piece.entities)) for (const e of piece.entities) entities.push(e);
        if (Array.isArray(piece.events)) for (const e of piece.events) events.push(e);
        if (Array.isArray(piece.locals)) for (const l of piece.locals) locals.push(l);
      }
      const byId = new Map(entities.map((e) => [e.id, e]));
      const entityByLocalId = new Map<string, Entity>();
      for (const [local, id] of locals) {
        const entity = byId.get(id);
        if (!entity) return undefined;
        entityByLocalId.set(local, entity);
      }
      return { entities, events, entityByLocalId };
    } catch (e) {
      this.log.warn(`analysis cache: the linked corpus cannot be read, linking again: ${String(e)}`);
      return undefined;
    }
  }

  async clear(): Promise<void> {
    this.used.clear();
    this.shardOf.clear();
    this.unwritten.clear();
    this.building = undefined;
    this.recentShards.clear();
    this.manifest = emptyManifest();
    if (!this.dir) return;
    await this.writing;
    await vscode.workspace.fs.delete(this.dir, { recursive: true }).then(undefined, () => undefined);
  }

  dispose(): void {
    if (this.manifestTimer) clearTimeout(this.manifestTimer);
  }

  // ---- files ------------------------------------------------------------------------------------

  private async readShard(name: string): Promise<Map<string, DocumentAnalysis> | undefined> {
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.dir!, name));
      const entries = decodeShard(new TextDecoder().decode(bytes), this.engineVersion);
      if (!entries) this.log.warn(`analysis cache: ${name} is not a cache shard of this version; its articles are analysed again`);
      return entries;
    } catch (e) {
      this.log.warn(`analysis cache: cannot read ${name}: ${String(e)}`);
      return undefined;
    }
  }

  private writeShard(): void {
    const shard = this.building;
    if (!shard) return;
    this.building = undefined;
    const name = newShardName(this.shardCounter++);
    const data = shard.file();
    const dir = this.dir!;
    this.writing = this.writing.then(async () => {
      try {
        await atomicWrite(workspaceFs, vscode.Uri.joinPath(dir, name), data);
        this.manifest.shards.set(name, shard.keys);
        for (const key of shard.keys) {
          this.shardOf.set(key, name);
          this.unwritten.delete(key);
        }
        // Its entries are on disk and nothing refers to its buffer any more: the next shard is built in it.
        if (this.spareBuffers.length < 2 && shard.storage.length === SHARD_BUFFER_BYTES) this.spareBuffers.push(shard.storage);
        this.manifestChanged();
      } catch (e) {
        // The entries stay in memory for this session; the next one analyses them again.
        this.log.warn(`analysis cache: could not write a shard: ${String(e)}`);
      }
    });
  }

  /** The manifest is written after changes settle (indexing flushes it at once when it ends). */
  private manifestChanged(): void {
    this.manifestDirty = true;
    if (this.manifestTimer) return;
    this.manifestTimer = setTimeout(() => {
      this.manifestTimer = undefined;
      // The shard being filled waits until it is full (or indexing ends): the manifest names written shards only.
      void this.writing.then(() => {
        if (!this.manifestDirty) return;
        this.manifestDirty = false;
        return this.writeManifest();
      });
    }, 5_000);
  }

  private async writeManifest(): Promise<void> {
    try {
      // Encoded in slices of a few ms, the event loop turning between them.
      const bytes = (await runStepsInSlices(encodeManifestSteps(this.manifest, this.engineVersion), MANIFEST_SLICE_MS))!;
      await atomicWrite(workspaceFs, vscode.Uri.joinPath(this.dir!, MANIFEST), bytes);
    } catch (e) {
      this.log.warn(`analysis cache: could not write the manifest: ${String(e)}`);
    }
  }
}

