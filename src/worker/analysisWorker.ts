// A worker of the extension's analysis pool (src/vscode/analysisPool.ts), run as a process of its own
// (analysisProcess.ts) or as a worker thread: the engine only, no `vscode`.
// Texts (with their document-date override) in, each article's own analysis out as the JSON the index keeps
// and caches, so the extension host's thread neither analyses nor serialises; or article files, which the
// worker reads itself (indexFile.ts), so that the host never holds the text of a closed article.
import { parentPort } from 'node:worker_threads';
import { analyzeDocument } from '../analysis/analyze';
import { analysedJson, type PoolReply, type PoolRequest } from '../vscode/analysisPool';
import { type FileRequest, type FileResult, indexFiles } from './indexFile';
import { type WrittenShard, WorkerShards } from './workerShards';

/** Shards of the analysis cache this worker writes for the files it reads. */
const shards = new WorkerShards();

/** The channel to the extension host: a worker thread's port, or the IPC channel of a forked process. */
const channel: { on(event: 'message', listener: (request: PoolRequest) => void): void; post(reply: PoolReply, transfer: ArrayBuffer[]): void } | undefined = parentPort
  ? { on: (event, listener) => parentPort!.on(event, listener), post: (reply, transfer) => parentPort!.postMessage(reply, transfer) }
  : process.send
    ? { on: (event, listener) => process.on(event, listener as (message: unknown) => void), post: (reply) => process.send!(reply) }
    : undefined;

// A forked worker ends with the extension host that started it.
if (!parentPort && process.send) process.on('disconnect', () => process.exit(0));

/** Messages being answered: their files are read while another message is analysed. */
const answering = new Set<Promise<unknown>>();

channel?.on('message', (request: PoolRequest) => {
  // A flush writes the shard once the messages sent before it are in it.
  const before = request.flush ? Promise.all(answering) : Promise.resolve();
  const answered = before.then(() => answer(request)).then(({ reply, transfer }) => channel.post(reply, transfer));
  answering.add(answered);
  void answered.finally(() => answering.delete(answered));
});

async function answer(request: PoolRequest): Promise<{ reply: PoolReply; transfer: ArrayBuffer[] }> {
  const written: WrittenShard[] = [];
  const results: PoolReply['results'] = [];
  // The files of the message are read together and analysed as one batch; texts one by one.
  const files: FileRequest[] = [];
  const fileAt: number[] = [];
  request.items.forEach((item, i) => {
    if ('file' in item) {
      files.push(item.file);
      fileAt.push(i);
      return;
    }
    try {
      results[i] = analysedJson(analyzeDocument(item.text, { documentDate: item.documentDate }), item);
    } catch (e) {
      // The engine is built never to throw; if it does, the host analyses that article itself and logs why.
      results[i] = { error: String(e) };
    }
  });
  if (files.length > 0) {
    let analysed: FileResult[];
    try {
      analysed = await indexFiles(files);
    } catch (e) {
      analysed = files.map(() => ({ status: 'unreadable', error: String(e) }));
    }
    for (const [j, result] of analysed.entries()) {
      const file = files[j]!;
      if (result.status === 'analysed' && result.kept && file.cache) {
        written.push(...(await shards.add(file.cache, result.sha256, file.documentDate, result.kept)));
        delete result.kept;
      }
      results[fileAt[j]!] = result;
    }
  }
  if (request.flush) written.push(...(await shards.flush()));
  // Analyses of files not cached here go as bytes, moved to the host rather than copied.
  const transfer = results.flatMap((r) => (typeof r === 'object' && 'status' in r && r.status === 'analysed' && r.kept ? [r.kept.buffer as ArrayBuffer] : []));
  return { reply: { id: request.id, results, shards: written }, transfer };
}
