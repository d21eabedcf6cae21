// A worker of the extension's analysis pool (src/vscode/analysisPool.ts), run as a process of its own
// (analysisProcess.ts) or as a worker thread: the engine only, no `vscode`.
// Texts (with their document-date override) in, each article's own analysis out as the JSON the index keeps
// and caches, so the extension host's thread neither analyses nor serialises; or article files, which the
// worker reads itself (indexFile.ts), so that the host never holds the text of a closed article.
import { parentPort } from 'node:worker_threads';
import { analyzeDocument } from '../analysis/analyze';
import { analysedJson, type PoolReply, type PoolRequest } from '../vscode/analysisPool';
import { indexFile } from './indexFile';

/** The channel to the extension host: a worker thread's port, or the IPC channel of a forked process. */
const channel: { on(event: 'message', listener: (request: PoolRequest) => void): void; post(reply: PoolReply, transfer: ArrayBuffer[]): void } | undefined = parentPort
  ? { on: (event, listener) => parentPort!.on(event, listener), post: (reply, transfer) => parentPort!.postMessage(reply, transfer) }
  : process.send
    ? { on: (event, listener) => process.on(event, listener as (message: unknown) => void), post: (reply) => process.send!(reply) }
    : undefined;

// A forked worker ends with the extension host that started it.
if (!parentPort && process.send) process.on('disconnect', () => process.exit(0));

channel?.on('message', (request: PoolRequest) => {
  void Promise.all(
    request.items.map(async (item) => {
      try {
        if ('file' in item) return await indexFile(item.file);
        return analysedJson(analyzeDocument(item.text, { documentDate: item.documentDate }), item);
      } catch (e) {
        // The engine is built never to throw; if it does, the host analyses that article itself and logs why.
        return { error: String(e) };
      }
    }),
  ).then((results) => {
    const reply: PoolReply = { id: request.id, results };
    // Analyses of files go as bytes, moved to the host rather than copied.
    const transfer = results.flatMap((r) => (typeof r === 'object' && 'status' in r && r.status === 'analysed' ? [r.kept.buffer as ArrayBuffer] : []));
    channel.post(reply, transfer);
  });
});
