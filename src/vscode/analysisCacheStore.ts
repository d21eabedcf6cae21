// Analyses kept on disk (extension storage, via workspace.fs) by content hash, so reopening a workspace
// does not analyse unchanged articles again. Any failure here only costs a re-analysis.
import * as vscode from 'vscode';
import type { DocumentAnalysis } from '../analysis/types';
import { analysisCacheKey, decodeCacheEntry, encodeCacheEntry } from './analysisCache';

export class AnalysisCacheStore {
  private readonly dir: vscode.Uri | undefined;
  private readonly used = new Set<string>();

  constructor(
    storage: vscode.Uri | undefined,
    private engineVersion: string,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.dir = storage ? vscode.Uri.joinPath(storage, 'analysis-cache') : undefined;
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
    return analysisCacheKey(textSha256, documentDate, this.engineVersion);
  }

  async get(key: string, textLength: number): Promise<DocumentAnalysis | undefined> {
    if (!this.dir) return undefined;
    this.used.add(key);
    try {
      const bytes = await vscode.workspace.fs.readFile(this.fileOf(key));
      return decodeCacheEntry(key, new TextDecoder().decode(bytes), textLength);
    } catch {
      return undefined;
    }
  }

  async put(key: string, analysis: DocumentAnalysis): Promise<void> {
    if (!this.dir) return;
    this.used.add(key);
    try {
      await vscode.workspace.fs.createDirectory(this.dir);
      await vscode.workspace.fs.writeFile(this.fileOf(key), new TextEncoder().encode(encodeCacheEntry(key, analysis)));
    } catch (e) {
      this.log.warn(`analysis cache: could not write an entry: ${String(e)}`);
    }
  }

  /** Deletes entries no article of this workspace used since the last prune (after a complete indexing). */
  async prune(): Promise<void> {
    if (!this.dir) return;
    try {
      const files = await vscode.workspace.fs.readDirectory(this.dir);
      for (const [name] of files) {
        const key = name.replace(/\.json$/, '');
        if (!this.used.has(key)) await vscode.workspace.fs.delete(vscode.Uri.joinPath(this.dir, name)).then(undefined, () => undefined);
      }
    } catch {
      // No cache folder yet.
    }
  }

  async clear(): Promise<void> {
    this.used.clear();
    if (!this.dir) return;
    await vscode.workspace.fs.delete(this.dir, { recursive: true }).then(undefined, () => undefined);
  }

  private fileOf(key: string): vscode.Uri {
    return vscode.Uri.joinPath(this.dir!, `${key}.json`);
  }
}
