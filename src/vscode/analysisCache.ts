// Cache entries for analyses, keyed by what the analysis depends on: the engine (extension version),
// the document date given to it and the text's hash. Reopening a workspace then reads results instead
// of analysing unchanged articles again. A damaged or foreign entry is ignored, never trusted.
// On disk (analysisCacheStore.ts): shard files of ~1 MB holding many entries, plus one manifest saying which
// shard holds which key and, per article, what it was when analysed (size, mtime, hash, date override, key).
// Pure: no `vscode`, so the worker and the tests use it too.
import type { DocumentAnalysis } from '../analysis/types';
import { runSteps } from '../analysis/steps';
import { sha256Hex } from '../annotations/sha256';
import { type LinkInput, type LinkPerson, linkInputOf } from './corpusLink';

const SHARD_FORMAT = 'news-annotator/analysis-shard';
const MANIFEST_FORMAT = 'news-annotator/analysis-manifest';
/** Bump when DocumentAnalysis (or what is kept of it) changes shape. */
const CACHE_SCHEMA = 2;

export function analysisCacheKey(textSha256: string, documentDate: string | null, engineVersion: string, hash: (text: string) => string = sha256Hex): string {
  return hash(`${CACHE_SCHEMA}\n${engineVersion}\n${documentDate ?? ''}\n${textSha256}`);
}

/**
 * What the extension keeps of an analysis: all but the sentence spans, which no view reads (8.5 MB of the
 * 86 MB of analyses of a 40 MB workspace).
 */
export function keptAnalysis(analysis: DocumentAnalysis): DocumentAnalysis {
  return analysis.sentences.length === 0 ? analysis : { ...analysis, sentences: [] };
}

/**
 * The kept analysis as the worker sends it and the cache stores it: without the text of the date, official,
 * quote and claim spans, which are the article's own characters (most of the JSON) and are made again as
 * slices of the article's text when it is read (fillTexts). Event sources keep theirs: the corpus events are
 * shown from the cache before the articles are read.
 */
export function keptAnalysisJson(analysis: DocumentAnalysis, withSentences = false): string {
  const strip = <T extends { text: string }>(spans: readonly T[]) => spans.map(({ text: _text, ...rest }) => rest);
  return JSON.stringify({
    documentDate: analysis.documentDate,
    // An open article's live analysis starts from a full one, sentences included (see LiveAnalysis).
    sentences: withSentences ? analysis.sentences : [],
    dates: strip(analysis.dates),
    officials: strip(analysis.officials),
    quotes: strip(analysis.quotes),
    claims: strip(analysis.claims),
    events: analysis.events,
  });
}

/**
 * Gives the spans of an analysis read from keptAnalysisJson their text, as slices of the article's text (which
 * share its characters), and checks those that have one (event sources, the document date). False when the
 * analysis is not this text's (a span beyond it, or a text that differs): it is then not used.
 */
export function fillTexts(analysis: DocumentAnalysis, text: string): boolean {
  const length = text.length;
  for (const list of [analysis.dates, analysis.officials, analysis.quotes, analysis.claims] as Array<Array<{ start: number; end: number; text?: string }>>) {
    for (const s of list) {
      if (typeof s.start !== 'number' || typeof s.end !== 'number' || s.start < 0 || s.start > s.end || s.end > length) return false;
      const slice = text.slice(s.start, s.end);
      if (typeof s.text === 'string' && s.text !== slice) return false;
      s.text = slice;
    }
  }
  for (const e of analysis.events) {
    for (const s of e.sources) {
      if (typeof s.start !== 'number' || typeof s.end !== 'number' || s.end > length) return false;
      const slice = text.slice(s.start, s.end);
      if (s.text !== slice) return false;
      s.text = slice;
    }
  }
  const span = analysis.documentDate?.span;
  if (span) {
    const slice = text.slice(span.start, span.end);
    if (slice !== span.text) return false;
    span.text = slice;
  }
  return true;
}

/** The analysis, if `x` has its shape (the lists are there); its spans are checked against the text by fillTexts. */
export function asAnalysis(x: unknown): DocumentAnalysis | undefined {
  if (!isRecord(x)) return undefined;
  const lists = ['sentences', 'dates', 'officials', 'quotes', 'claims', 'events'] as const;
  return lists.every((k) => Array.isArray(x[k])) ? (x as unknown as DocumentAnalysis) : undefined;
}

// ---- summaries ----------------------------------------------------------------------------------

/** What the index keeps of a closed article's analysis: its date, its counts and what linking reads. */
export interface AnalysisSummary {
  documentDate: string | null;
  found: { quotes: number; claims: number; dates: number };
  link: LinkInput;
}

export function summarise(analysis: DocumentAnalysis): AnalysisSummary {
  return {
    documentDate: analysis.documentDate?.value ?? null,
    found: { quotes: analysis.quotes.length, claims: analysis.claims.length, dates: analysis.dates.length },
    link: linkInputOf(analysis),
  };
}

/** The summary as the worker sends it: a few hundred bytes where the whole analysis is kilobytes. */
export function summaryJson(analysis: DocumentAnalysis): string {
  const { documentDate, found, link } = summarise(analysis);
  return JSON.stringify({ documentDate, found, people: link.people, mentions: Array.from(link.mentions), events: link.events });
}

/** A summary read from summaryJson, its names shared with other articles' (intern); undefined if malformed. */
export function parseSummary(json: string): AnalysisSummary | undefined {
  let x: unknown;
  try {
    x = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!isRecord(x) || !isRecord(x.found) || !Array.isArray(x.people) || !Array.isArray(x.mentions) || !Array.isArray(x.events)) return undefined;
  const people = x.people as LinkPerson[];
  for (const p of people) {
    p.entityId = intern(p.entityId)!;
    p.name = intern(p.name)!;
    p.title = intern(p.title);
    p.country = intern(p.country);
  }
  const list = x.mentions as number[];
  if (!list.every((m) => Number.isInteger(m) && m >= 0 && m < people.length)) return undefined;
  const mentions = people.length > 0xffff ? Uint32Array.from(list) : Uint16Array.from(list);
  // Thousands of event mentions repeat the same names, ids, dates and places: one string each.
  const events = x.events as LinkInput['events'];
  for (const e of events) {
    if (!isRecord(e) || !Array.isArray(e.participants) || !Array.isArray(e.participantEntityIds) || !Array.isArray(e.sources)) return undefined;
    e.type = intern(e.type);
    e.date = intern(e.date);
    e.location = intern(e.location);
    for (let i = 0; i < e.participants.length; i++) e.participants[i] = intern(e.participants[i]!);
    for (let i = 0; i < e.participantEntityIds.length; i++) e.participantEntityIds[i] = intern(e.participantEntityIds[i]!);
  }
  const found = x.found as AnalysisSummary['found'];
  return {
    documentDate: typeof x.documentDate === 'string' ? x.documentDate : null,
    found: { quotes: Number(found.quotes) || 0, claims: Number(found.claims) || 0, dates: Number(found.dates) || 0 },
    link: { people, mentions, events },
  };
}

// ---- shards -------------------------------------------------------------------------------------

/** A shard is written once its entries reach this many bytes (by the cache store, and by a worker writing its own). */
export const SHARD_BYTES = 1_000_000;
/** The buffer a shard is built in: its size plus room for the entry that fills it. */
export const SHARD_BUFFER_BYTES = SHARD_BYTES + 256 * 1024;

/**
 * Builds a shard file from entries already serialised (the worker's JSON, as text or as UTF-8 bytes), without
 * parsing them again or joining them into one string: each entry's bytes are copied at once into one buffer,
 * which is the file (so the worker's transferred buffer is garbage at once, and the store can reuse the buffer
 * for the next shard once this one is written).
 */
export class ShardBuilder {
  private buffer: Uint8Array;
  private length: number;
  private readonly start: number;
  readonly keys: string[] = [];

  /** `buffer`: where to build (its size: the bytes expected; a shard is written at about 1 MB). */
  constructor(engineVersion: string, buffer: Uint8Array = new Uint8Array(64 * 1024)) {
    const head = utf8.encode(`{"format":${JSON.stringify(SHARD_FORMAT)},"schema":${CACHE_SCHEMA},"engine":${JSON.stringify(engineVersion)},"entries":[`);
    this.buffer = buffer.length >= head.length + TAIL.length ? buffer : new Uint8Array(head.length + 64 * 1024);
    this.buffer.set(head, 0);
    this.length = head.length;
    this.start = head.length;
  }

  /** Adds an entry; returns its JSON's bytes (a view into the shard's buffer, which keeps them). */
  add(key: string, analysisJson: string | Uint8Array): Uint8Array {
    const json = typeof analysisJson === 'string' ? utf8.encode(analysisJson) : analysisJson;
    const head = utf8.encode(`${this.keys.length === 0 ? '' : ','}[${JSON.stringify(key)},`);
    this.reserve(head.length + json.length + 1);
    this.buffer.set(head, this.length);
    this.length += head.length;
    const at = this.length;
    this.buffer.set(json, at);
    this.length += json.length;
    this.buffer[this.length++] = CLOSE;
    this.keys.push(key);
    return this.buffer.subarray(at, at + json.length);
  }

  private reserve(bytes: number): void {
    // Room for the file's tail too, which file() writes in place.
    if (this.length + bytes + TAIL.length <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + bytes + TAIL.length));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  /** Bytes of the entries so far. */
  get size(): number {
    return this.length - this.start;
  }

  /** The buffer the shard is built in (to reuse once the shard is written and its entries are not needed). */
  get storage(): Uint8Array {
    return this.buffer;
  }

  /** The shard file's bytes (UTF-8 JSON): a view of the buffer, which is not copied. Nothing is added after. */
  file(): Uint8Array {
    this.buffer.set(TAIL, this.length);
    return this.buffer.subarray(0, this.length + TAIL.length);
  }

  text(): string {
    return new TextDecoder().decode(this.file());
  }
}

const utf8 = new TextEncoder();
const CLOSE = 0x5d; // ]
const TAIL = utf8.encode(']}');

/** A shard's entries by key, or undefined when the text is not a shard of this engine (damaged, foreign, old). */
export function decodeShard(text: string, engineVersion: string): Map<string, DocumentAnalysis> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || parsed.format !== SHARD_FORMAT || parsed.schema !== CACHE_SCHEMA || parsed.engine !== engineVersion || !Array.isArray(parsed.entries)) return undefined;
  const entries = new Map<string, DocumentAnalysis>();
  for (const e of parsed.entries as unknown[]) {
    if (!Array.isArray(e) || typeof e[0] !== 'string') continue;
    const analysis = asAnalysis(e[1]);
    if (analysis) entries.set(e[0], internStrings(analysis));
  }
  return entries;
}

// ---- manifest -----------------------------------------------------------------------------------

/** What an article was when it was analysed: unchanged size and mtime mean the cached analysis is its. */
export interface ArticleRecord {
  size: number;
  mtime: number;
  sha256: string;
  override: string | null;
  key: string;
}

export interface Manifest {
  /** Shard file name → the keys it holds. */
  shards: Map<string, string[]>;
  /** Article uri → what it was when analysed. */
  articles: Map<string, ArticleRecord>;
}

export function emptyManifest(): Manifest {
  return { shards: new Map(), articles: new Map() };
}

export function encodeManifest(manifest: Manifest, engineVersion: string): string {
  return new TextDecoder().decode(runSteps(encodeManifestSteps(manifest, engineVersion)));
}

/** Records encoded between two yields of encodeManifestSteps (well under a millisecond). */
const MANIFEST_STEP = 256;

/**
 * The manifest as UTF-8, made record by record with a yield every few hundred: the manifest of 10,000 articles is
 * ~3 MB, which made as one object and one string held the extension host for tens of ms. Written as lines (a head,
 * then the shards and the articles a few hundred to a line), so that reading it back can go a line at a time too.
 */
export function* encodeManifestSteps(manifest: Manifest, engineVersion: string): Generator<void, Uint8Array, void> {
  const out = new Utf8Buffer(256 + manifest.articles.size * 320);
  out.append(JSON.stringify({ format: MANIFEST_FORMAT, schema: CACHE_SCHEMA, engine: engineVersion, layout: MANIFEST_LINES }));
  let count = 0;
  for (const [name, keys] of manifest.shards) {
    out.append(`${count % MANIFEST_STEP ? ',' : '\n{"shards":{'}${JSON.stringify(name)}:${JSON.stringify(keys)}`);
    if (++count % MANIFEST_STEP === 0) {
      out.append('}}');
      yield;
    }
  }
  if (count % MANIFEST_STEP) out.append('}}');
  count = 0;
  for (const [uri, r] of manifest.articles) {
    out.append(`${count % MANIFEST_STEP ? ',' : '\n{"articles":{'}${JSON.stringify(uri)}:${JSON.stringify([r.size, r.mtime, r.sha256, r.override, r.key])}`);
    if (++count % MANIFEST_STEP === 0) {
      out.append('}}');
      yield;
    }
  }
  if (count % MANIFEST_STEP) out.append('}}');
  return out.view();
}

/**
 * UTF-8 bytes appended piece by piece into one growing buffer (no joined string: a string of megabytes is a
 * large object, which only a full collection frees). Clear it to fill the same buffer again.
 */
export class Utf8Buffer {
  private buffer: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.buffer = new Uint8Array(Math.max(64, capacity));
  }

  append(text: string): void {
    for (;;) {
      const { read, written } = utf8.encodeInto(text, this.buffer.subarray(this.length));
      this.length += written;
      if (read === text.length) return;
      text = text.slice(read);
      const grown = new Uint8Array(this.buffer.length * 2);
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
  }

  /** The bytes so far: a view of the buffer, valid until the next append or clear. */
  view(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  clear(): void {
    this.length = 0;
  }
}

/** The manifest, or an empty one for anything else (damaged, foreign, another engine's: those shards are pruned). */
export function decodeManifest(text: string, engineVersion: string): Manifest {
  return runSteps(decodeManifestSteps(text, engineVersion));
}

/**
 * decodeManifest a line at a time (a few hundred records, well under a millisecond each), so that the extension
 * host can read the manifest of a large workspace across turns of its loop: parsed whole, the 3 MB of 10,000
 * articles held it for ~20 ms, and the collection of what that made for 10-16 ms more. Reads the manifest of
 * one JSON object that earlier versions wrote too (at once).
 */
export function* decodeManifestSteps(text: string, engineVersion: string): Generator<void, Manifest, void> {
  const manifest = emptyManifest();
  const headEnd = text.indexOf('\n');
  const head = parseJson(headEnd < 0 ? text : text.slice(0, headEnd));
  if (!isRecord(head) || head.format !== MANIFEST_FORMAT || head.schema !== CACHE_SCHEMA || head.engine !== engineVersion) return manifest;
  if (head.layout !== MANIFEST_LINES) {
    // One object holding everything, as earlier versions wrote it.
    if (headEnd < 0 && isRecord(head.shards) && isRecord(head.articles)) addManifestLine(manifest, head);
    return manifest;
  }
  for (let at = headEnd; at >= 0 && at < text.length; ) {
    const end = text.indexOf('\n', at + 1);
    const line = parseJson(text.slice(at + 1, end < 0 ? text.length : end));
    // A line cut short or damaged: the whole manifest is not to be trusted.
    if (!isRecord(line)) return emptyManifest();
    addManifestLine(manifest, line);
    at = end;
    yield;
  }
  return manifest;
}

/** Layout of the manifests this version writes: a head line, then lines of shards and of articles. */
const MANIFEST_LINES = 'lines';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Adds a line's valid shards and article records to the manifest (the others are left out). */
function addManifestLine(manifest: Manifest, line: Record<string, unknown>): void {
  if (isRecord(line.shards)) {
    for (const [name, keys] of Object.entries(line.shards)) {
      if (isShardName(name) && Array.isArray(keys)) manifest.shards.set(name, keys.filter((k): k is string => typeof k === 'string'));
    }
  }
  if (isRecord(line.articles)) {
    for (const [uri, r] of Object.entries(line.articles)) {
      if (!Array.isArray(r) || r.length !== 5) continue;
      const [size, mtime, sha256, override, key] = r as unknown[];
      if (typeof size !== 'number' || typeof mtime !== 'number' || typeof sha256 !== 'string' || (override !== null && typeof override !== 'string') || typeof key !== 'string') continue;
      manifest.articles.set(uri, { size, mtime, sha256, override, key });
    }
  }
}

const SHARD_NAME = /^shard-[0-9a-z-]{1,40}\.json$/;

/** A new shard's file name: unique by time, a counter of the writer's and a random part. */
export function newShardName(counter: number): string {
  return `shard-${Date.now().toString(36)}-${counter.toString(36)}-${Math.floor(Math.random() * 36 ** 4).toString(36)}.json`;
}

/** Only names the store made are read or deleted as shards: a manifest cannot point anywhere else. */
export function isShardName(name: string): boolean {
  return SHARD_NAME.test(name);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

// ---- keeping analyses small in memory -------------------------------------------------------------

const interned = new Map<string, string>();
const INTERNED_MAX = 200_000;

function intern<T extends string | null>(s: T): T {
  if (s === null) return s;
  const known = interned.get(s);
  if (known !== undefined) return known as T;
  if (interned.size >= INTERNED_MAX) interned.clear();
  interned.set(s, s);
  return s;
}

/**
 * Makes the names, titles, countries, ids and values an analysis parsed from JSON repeats (every mention of a
 * person carries them) one string each across the workspace, instead of a copy per mention (~15 MB over
 * 10,000 articles). In place; the analysis is equal before and after.
 */
export function internStrings(a: DocumentAnalysis): DocumentAnalysis {
  for (const d of a.dates) d.value = intern(d.value);
  for (const o of a.officials) {
    o.name = intern(o.name);
    o.title = intern(o.title);
    o.country = intern(o.country);
    o.entityId = intern(o.entityId);
  }
  for (const q of a.quotes) {
    q.speaker = intern(q.speaker);
    q.speakerEntityId = intern(q.speakerEntityId);
  }
  for (const c of a.claims) {
    c.speaker = intern(c.speaker);
    c.speakerEntityId = intern(c.speakerEntityId);
    c.cue = intern(c.cue);
  }
  for (const e of a.events) {
    e.date = intern(e.date);
    e.location = intern(e.location);
    e.participants = e.participants.map(intern);
    e.participantEntityIds = e.participantEntityIds.map(intern);
  }
  return a;
}
