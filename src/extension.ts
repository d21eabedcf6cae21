// activate(): builds the services and registers each feature; nothing else happens here. It returns a small
// read-only API for tests and automation (src/vscode/api.ts).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import type { NewsAnnotatorApi } from './vscode/api';
import { AnalysisCacheStore } from './vscode/analysisCacheStore';
import { AnalysisPool, type PoolWorker } from './vscode/analysisPool';
import { startAnalysisProcess } from './vscode/analysisProcess';
import { registerCommands } from './vscode/commands';
import { Config } from './vscode/config';
import { Metrics } from './vscode/metrics';
import { DecorationController } from './vscode/decorations';
import { hostSettled } from './vscode/hostSettled';
import { registerHovers } from './vscode/hovers';
import { registerStatusBar } from './vscode/statusBar';
import { TagController } from './vscode/tagController';
import { TagStorage } from './vscode/tagStorage';
import { registerViews } from './vscode/views/index';
import { WorkspaceIndex } from './vscode/workspaceIndex';

let storage: TagStorage | undefined;

export function activate(context: vscode.ExtensionContext): NewsAnnotatorApi {
  const activationStart = performance.now();
  const metrics = new Metrics();
  const log = vscode.window.createOutputChannel('News Annotator', { log: true });
  const config = new Config();
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '0');
  // Per-workspace storage when a folder is open (prunable); the shared global storage otherwise.
  const cache = new AnalysisCacheStore(context.storageUri ?? context.globalStorageUri, version, log);
  const pool = new AnalysisPool({
    createWorker: workerFactory(context.extensionUri),
    workers: analysisWorkers(),
    log: (m) => log.warn(m),
    onShards: (shards) => shards.forEach((s) => cache.adoptShard(s.name, s.keys)),
  });
  const index = new WorkspaceIndex(config, cache, context.workspaceState, log, context.storageUri !== undefined, { pool, metrics });
  storage = new TagStorage(log);
  const tags = new TagController(index, storage, config, log);
  // Registered in this order (listeners of the same event run in it).
  const tagCommands = tags.register();
  const commands = registerCommands(index, config, log);
  const decorations = new DecorationController(index, config, metrics);
  const hovers = registerHovers(index, config);
  const statusBar = registerStatusBar(index);
  const views = registerViews(context, index, tags);

  context.subscriptions.push(log, config, cache, index, storage, tags, tagCommands, commands, decorations, hovers, statusBar, views);
  // The first indexing waits for the window's start-up to settle (see hostSettled.ts), at most 1.5 s.
  void cache
    .identifyBuild(vscode.Uri.joinPath(context.extensionUri, 'dist', 'extension.js'))
    .then(() => hostSettled())
    .then(() => index.start());
  metrics.activationMs = performance.now() - activationStart;
  return {
    metrics,
    model: index,
    eventsTree: views.eventsTree,
    annotationsTree: views.annotationsTree,
    decorationsFor: (uri) => decorations.appliedTo(uri),
  };
}

/**
 * Analysis workers run the bundled engine (dist/analysisWorker.js) where the extension is on a local disk, each
 * in a process of its own (analysisProcess.ts), or, where a process cannot be started, as a worker thread.
 */
function workerFactory(extensionUri: vscode.Uri): (() => PoolWorker) | undefined {
  if (extensionUri.scheme !== 'file') return undefined;
  const file = vscode.Uri.joinPath(extensionUri, 'dist', 'analysisWorker.js').fsPath;
  return () => {
    try {
      return startAnalysisProcess(file);
    } catch {
      // A small young generation: the engine's garbage is short-lived, and a thread's memory counts in the
      // extension host's. A bounded old generation too: the engine keeps nothing between messages.
      return new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 48 } }) as unknown as PoolWorker;
    }
  };
}

/**
 * One worker per core but one, at most two: the extension host's thread (reading files, linking) and the
 * window need a core too, and each worker holds its own copy of the engine.
 */
function analysisWorkers(): number {
  return Math.max(1, Math.min(2, availableParallelism() - 1));
}

/** Tags changed in the last moments are written before the window goes. */
export async function deactivate(): Promise<void> {
  await storage?.flush();
  storage = undefined;
}
