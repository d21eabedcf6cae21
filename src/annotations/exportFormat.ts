// Version 1 of the export format: one JSON document, the same from the CLI and the extension.
// Builds a plain object; writing it is the caller's business.
import { LineIndex, type Position } from '../analysis/lineIndex';
import type { CorpusAnalysis, DatePrecision, Entity, EventType } from '../analysis/types';
import { sha256Hex } from './sha256';

export const EXPORT_FORMAT = 'news-annotator/annotations';
export const EXPORT_VERSION = 1;

export type AnnotationKind = 'date' | 'official' | 'quote' | 'claim' | 'stance';

interface ExportedAnnotationBase {
  id: string;
  kind: AnnotationKind;
  source: 'auto' | 'user';
  start: number;
  end: number;
  /** The same span counted in Unicode code points (a character outside the BMP counts 1, not 2). */
  codePointStart: number;
  codePointEnd: number;
  text: string;
  range: { start: Position; end: Position };
}

export interface ExportedDate extends ExportedAnnotationBase {
  kind: 'date';
  value: string | null;
  precision: DatePrecision | null;
}
export interface ExportedOfficial extends ExportedAnnotationBase {
  kind: 'official';
  name: string;
  title: string | null;
  country: string | null;
  entityId: string;
}
export interface ExportedAttributed extends ExportedAnnotationBase {
  kind: 'quote' | 'claim';
  speaker: string | null;
  speakerEntityId: string | null;
}
export interface ExportedStance extends ExportedAnnotationBase {
  kind: 'stance';
  stance: string;
  holder: string | null;
  target: string | null;
  note: string | null;
}
export type ExportedAnnotation = ExportedDate | ExportedOfficial | ExportedAttributed | ExportedStance;

export interface ExportedDocument {
  path: string;
  sha256: string;
  documentDate: string | null;
  annotations: ExportedAnnotation[];
}

export interface ExportedEvent {
  id: string;
  type: EventType;
  date: string | null;
  location: string | null;
  participants: string[];
  sources: Array<{ path: string; start: number; end: number; codePointStart: number; codePointEnd: number; text: string }>;
}

export interface AnnotationsExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  generator: string;
  documents: ExportedDocument[];
  entities: Entity[];
  events: ExportedEvent[];
}

/** A user's tag as the export needs it (the extension's tag store supplies these). */
export type UserAnnotation =
  | { id: string; kind: 'quote'; start: number; end: number; text: string; speaker: string | null; speakerEntityId?: string | null }
  | {
      id: string;
      kind: 'stance';
      start: number;
      end: number;
      text: string;
      stance: string;
      holder: string | null;
      target: string | null;
      note?: string | null;
    };

export interface ExportInput {
  generator: string;
  corpus: CorpusAnalysis;
  /** The text of each analysed document, by path (offsets refer to it). */
  texts: ReadonlyMap<string, string>;
  userAnnotations?: ReadonlyMap<string, readonly UserAnnotation[]>;
  /** SHA-256 hex of a text's UTF-8 bytes (default: the pure-TypeScript one; the CLI passes Node's native one). */
  hash?: (text: string) => string;
}

/** One document of the export: its automatic annotations and the user's, in document order. */
export function exportDocument(
  path: string,
  analysis: CorpusAnalysis['documents'][number]['analysis'],
  text: string,
  userAnnotations: readonly UserAnnotation[] = [],
  hash: (text: string) => string = sha256Hex,
): ExportedDocument {
  const lines = new LineIndex(text);
  const codePoints = codePointCounter(text);
  // Automatic annotations are numbered per kind in document order; user tags keep their own ids.
  const base = (kind: AnnotationKind, id: string, s: { start: number; end: number; text: string }, source: 'auto' | 'user' = 'auto') => ({
    id,
    kind,
    source,
    start: s.start,
    end: s.end,
    codePointStart: codePoints(s.start),
    codePointEnd: codePoints(s.end),
    text: s.text,
    range: { start: lines.positionAt(s.start), end: lines.positionAt(s.end) },
  });
  const annotations: ExportedAnnotation[] = [
    ...analysis.dates.map((d, i): ExportedDate => ({ ...base('date', `date-${i + 1}`, d), kind: 'date', value: d.value, precision: d.precision })),
    ...analysis.officials.map((o, i): ExportedOfficial => ({
      ...base('official', `official-${i + 1}`, o),
      kind: 'official',
      name: o.name,
      title: o.title,
      country: o.country,
      entityId: o.entityId,
    })),
    ...analysis.quotes.map((q, i): ExportedAttributed => ({
      ...base('quote', `quote-${i + 1}`, q),
      kind: 'quote',
      speaker: q.speaker,
      speakerEntityId: q.speakerEntityId,
    })),
    ...analysis.claims.map((c, i): ExportedAttributed => ({
      ...base('claim', `claim-${i + 1}`, c),
      kind: 'claim',
      speaker: c.speaker,
      speakerEntityId: c.speakerEntityId,
    })),
    ...userAnnotations.map((u): ExportedAnnotation => {
      const common = base(u.kind, u.id, u, 'user');
      return u.kind === 'quote'
        ? { ...common, kind: 'quote', speaker: u.speaker, speakerEntityId: u.speakerEntityId ?? null }
        : { ...common, kind: 'stance', stance: u.stance, holder: u.holder, target: u.target, note: u.note ?? null };
    }),
  ];
  annotations.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind));
  return { path, sha256: hash(text), documentDate: analysis.documentDate?.value ?? null, annotations };
}

export function buildExport({ generator, corpus, texts, userAnnotations, hash }: ExportInput): AnnotationsExport {
  const documents = corpus.documents.map(({ path, analysis }): ExportedDocument => {
    const text = texts.get(path);
    if (text === undefined) throw new Error(`no text for ${path}`);
    return exportDocument(path, analysis, text, userAnnotations?.get(path), hash);
  });

  const countersByPath = new Map<string, (offset: number) => number>();
  const codePointsIn = (path: string) => {
    let counter = countersByPath.get(path);
    if (!counter) {
      const text = texts.get(path);
      if (text === undefined) throw new Error(`no text for ${path}`);
      counter = codePointCounter(text);
      countersByPath.set(path, counter);
    }
    return counter;
  };

  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    generator,
    documents,
    entities: corpus.entities.map((e) => ({ ...e })),
    events: corpus.events.map((e) => ({
      id: e.id,
      type: e.type,
      date: e.date,
      location: e.location,
      participants: [...e.participants],
      sources: e.sources.map((s) => {
        const codePoints = codePointsIn(s.path);
        return { path: s.path, start: s.start, end: s.end, codePointStart: codePoints(s.start), codePointEnd: codePoints(s.end), text: s.text };
      }),
    })),
  };
}

const LOW_SURROGATE = /[\uDC00-\uDFFF]/g;

/**
 * Maps a UTF-16 offset of `text` to the number of code points before it, for tools that count that way
 * (Python, Rust's chars()). Each surrogate pair counts one; a lone surrogate counts one, as in Array.from.
 * Text without pairs (most news) maps to itself at no cost; otherwise one scan and a binary search per offset.
 */
export function codePointCounter(text: string): (offset: number) => number {
  const pairEnds: number[] = [];
  LOW_SURROGATE.lastIndex = 0;
  for (let m = LOW_SURROGATE.exec(text); m; m = LOW_SURROGATE.exec(text)) {
    const i = m.index;
    const before = text.charCodeAt(i - 1);
    if (i > 0 && before >= 0xd800 && before <= 0xdbff) pairEnds.push(i);
  }
  if (pairEnds.length === 0) return (offset) => offset;
  return (offset) => {
    // Pairs whose low half lies before `offset` (an offset inside a pair counts the pair's high half only).
    let lo = 0;
    let hi = pairEnds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairEnds[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset - lo;
  };
}
