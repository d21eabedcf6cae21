// Cache entries for analyses, keyed by what the analysis depends on: the engine (extension version),
// the document date given to it and the text's hash. Reopening a workspace then reads results instead
// of analysing unchanged articles again. A damaged or foreign entry is ignored, never trusted.
import type { DocumentAnalysis } from '../analysis/types';
import { sha256Hex } from '../annotations/sha256';

const CACHE_FORMAT = 'news-annotator/analysis-cache';
/** Bump when DocumentAnalysis changes shape. */
const CACHE_SCHEMA = 1;

export function analysisCacheKey(textSha256: string, documentDate: string | null, engineVersion: string): string {
  return sha256Hex(`${CACHE_SCHEMA}\n${engineVersion}\n${documentDate ?? ''}\n${textSha256}`);
}

export function encodeCacheEntry(key: string, analysis: DocumentAnalysis): string {
  return JSON.stringify({ format: CACHE_FORMAT, schema: CACHE_SCHEMA, key, analysis });
}

export function decodeCacheEntry(key: string, text: string, articleLength: number): DocumentAnalysis | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || parsed.format !== CACHE_FORMAT || parsed.schema !== CACHE_SCHEMA || parsed.key !== key) return undefined;
  const analysis = parsed.analysis;
  if (!isRecord(analysis)) return undefined;
  const lists = ['sentences', 'dates', 'officials', 'quotes', 'claims', 'events'] as const;
  if (!lists.every((k) => Array.isArray(analysis[k]))) return undefined;
  // Spans beyond the text mean the entry is not this text's (a hash collision is not the worry; a hand-edited file is).
  for (const k of ['dates', 'officials', 'quotes', 'claims'] as const) {
    for (const s of analysis[k] as unknown[]) {
      if (!isRecord(s) || typeof s.start !== 'number' || typeof s.end !== 'number' || s.end > articleLength) return undefined;
    }
  }
  return analysis as unknown as DocumentAnalysis;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
