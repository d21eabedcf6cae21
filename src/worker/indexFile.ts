// What the analysis worker does for an article file the extension host has not read: read it, decode it as the
// host would (articleText.ts), hash it and analyse it. The host then never holds the text of a closed article
// nor parses its analysis: it gets the kept analysis as JSON for the cache and the summary it keeps.
// Node only (fs, crypto): this runs in the worker, where the extension is on a local disk.
import { readFile, stat } from 'node:fs/promises';
import { analyzeDocuments } from '../analysis/analyze';
import { type ArticleProblem, decodeArticle, tooLargeReason } from '../annotations/articleText';
import { keptAnalysisJson, summaryJson } from '../vscode/analysisCache';
import { hashText } from '../vscode/textHash';
import type { ShardTarget } from './workerShards';

const utf8 = new TextEncoder();

export interface FileRequest {
  /** The file's path on this machine. */
  path: string;
  documentDate: string | null;
  /** Above this size the file is refused unread, as the host refuses it. */
  maxBytes: number;
  /** The cache the worker writes the analysis into itself (workerShards.ts), instead of sending it. */
  cache?: ShardTarget;
}

export type FileResult =
  /**
   * `size` and `mtime` as vscode.workspace.fs.stat gives them for a file on disk (ms, Date.getTime()); `kept`:
   * the cached analysis, unless the worker wrote it into a cache shard itself.
   */
  | { status: 'analysed'; size: number; mtime: number; sha256: string; kept?: Uint8Array; summary: string }
  | { status: 'refused'; reason: string; problem: ArticleProblem }
  | { status: 'unreadable'; error: string };

/** An article file read and decoded, not analysed yet (see indexFiles). */
type ReadFile = { status: 'read'; size: number; mtime: number; sha256: string; text: string };

async function readArticleFile(request: FileRequest): Promise<ReadFile | Exclude<FileResult, { status: 'analysed' }>> {
  let bytes: Uint8Array;
  let size: number;
  let mtime: number;
  try {
    // Stat first: a file above the limit is refused unread. VS Code's disk provider gives mtime as
    // stats.mtime.getTime(); the cache manifest compares them, so they are made the same way here.
    const info = await stat(request.path);
    size = info.size;
    mtime = info.mtime.getTime();
    if (size > request.maxBytes) return { status: 'refused', reason: tooLargeReason(size, request.maxBytes), problem: 'too-large' };
    bytes = await readFile(request.path);
  } catch (e) {
    return { status: 'unreadable', error: String(e) };
  }
  const decoded = decodeArticle(bytes, request.maxBytes);
  if (!decoded.ok) return { status: 'refused', reason: decoded.reason, problem: decoded.problem };
  // The hash of the text's UTF-8, as the host's hashText gives it (not of the bytes: a BOM or UTF-16 differ).
  const sha256 = hashText(decoded.text);
  return { status: 'read', size, mtime, sha256, text: decoded.text };
}

/**
 * Several article files: read (at the same time), then analysed together, stage by stage (analyzeDocuments
 * is faster on a batch than article by article). One result per request, in order.
 */
export async function indexFiles(requests: readonly FileRequest[]): Promise<FileResult[]> {
  const reads = await Promise.all(requests.map(readArticleFile));
  const texts: Array<{ text: string; options: { documentDate: string | null } }> = [];
  reads.forEach((r, i) => {
    if (r.status === 'read') texts.push({ text: r.text, options: { documentDate: requests[i]!.documentDate } });
  });
  const analyses = analyzeDocuments(texts);
  let next = 0;
  return reads.map((r) => {
    if (r.status !== 'read') return r;
    const analysis = analyses[next++]!;
    // The kept analysis as UTF-8 bytes: the worker caches them itself or hands them over without a copy.
    return { status: 'analysed', size: r.size, mtime: r.mtime, sha256: r.sha256, kept: utf8.encode(keptAnalysisJson(analysis)), summary: summaryJson(analysis) };
  });
}

export async function indexFile(request: FileRequest): Promise<FileResult> {
  return (await indexFiles([request]))[0]!;
}
