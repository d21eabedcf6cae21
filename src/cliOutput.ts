// Writes an export piece by piece, so the whole corpus's export text is never in memory at once.
// Two layouts: the plain export (byte for byte what JSON.stringify(export, null, 2) gives) and NDJSON.
import type { Entity } from './analysis/types';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportedDocument, type ExportedEvent } from './annotations/exportFormat';

export type OutputLayout = 'json' | 'ndjson';

/**
 * One array item of the plain export, as JSON.stringify(export, null, 2) writes it two levels deep:
 * stringified inside two arrays (so JSON.stringify indents it itself), then the brackets cut off.
 */
function plainItem(item: unknown): string {
  return JSON.stringify([[item]], null, 2).slice(6, -6);
}

/** The text of a run of consecutive documents, each preceded by its separator. */
export function formatDocuments(documents: readonly ExportedDocument[], layout: OutputLayout, first: boolean): string {
  let out = '';
  documents.forEach((document, i) => {
    if (layout === 'ndjson') out += JSON.stringify({ record: 'document', ...document }) + '\n';
    else out += (first && i === 0 ? '\n' : ',\n') + plainItem(document);
  });
  return out;
}

export function formatHeader(generator: string, layout: OutputLayout): string {
  if (layout === 'ndjson') return JSON.stringify({ record: 'header', format: EXPORT_FORMAT, version: EXPORT_VERSION, generator }) + '\n';
  // The opening of JSON.stringify({format, version, generator, documents: [...]}, null, 2), up to the first document.
  const head = JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, generator }, null, 2);
  return head.slice(0, head.lastIndexOf('\n')) + ',\n  "documents": [';
}

/** Everything after the last document: the entities and events, and the closing brackets. */
export function formatTrailer(entities: readonly Entity[], events: readonly ExportedEvent[], layout: OutputLayout): string {
  if (layout === 'ndjson') {
    let out = '';
    for (const entity of entities) out += JSON.stringify({ record: 'entity', ...entity }) + '\n';
    for (const event of events) out += JSON.stringify({ record: 'event', ...event }) + '\n';
    return out;
  }
  const array = (items: readonly unknown[]) => (items.length === 0 ? '[]' : '[\n' + items.map(plainItem).join(',\n') + '\n  ]');
  return `\n  ],\n  "entities": ${array(entities)},\n  "events": ${array(events)}\n}\n`;
}

export interface OutputSink {
  write(text: string): void;
  /** Makes the output final (for a file: the rename). */
  close(): void;
  /** Drops a partial output (for a file: the temporary file). */
  abort(): void;
}
