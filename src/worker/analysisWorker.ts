// A worker thread of the extension's analysis pool (src/vscode/analysisPool.ts): the engine only, no `vscode`.
// Texts (with their document-date override) in, each article's own analysis out as the JSON the index keeps
// and caches, so the extension host's thread neither analyses nor serialises.
import { parentPort } from 'node:worker_threads';
import { analyzeDocument } from '../analysis/analyze';
import { keptAnalysisJson } from '../vscode/analysisCache';
import type { PoolReply, PoolRequest } from '../vscode/analysisPool';

parentPort?.on('message', (request: PoolRequest) => {
  const results = request.items.map((item) => {
    try {
      return keptAnalysisJson(analyzeDocument(item.text, { documentDate: item.documentDate }), item.sentences === true);
    } catch (e) {
      // The engine is built never to throw; if it does, the host analyses that article itself and logs why.
      return { error: String(e) };
    }
  });
  const reply: PoolReply = { id: request.id, results };
  parentPort?.postMessage(reply);
});
