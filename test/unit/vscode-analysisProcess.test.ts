// The analysis process: a Node process of its own, started at a lower priority than the extension host (indexing
// is background work: on a machine with few cores the window must get the CPU first).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ANALYSIS_NICENESS, startAnalysisProcess } from '../../src/vscode/analysisProcess';

const dir = mkdtempSync(join(tmpdir(), 'na-analysis-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in worker file: answers each message with its own process's priority and that of a thread it starts. */
function stubWorker(): string {
  const file = join(dir, 'worker.cjs');
  writeFileSync(
    file,
    `const os = require('node:os');
     const { Worker } = require('node:worker_threads');
     process.on('message', (m) => {
       const thread = new Worker("require('node:worker_threads').parentPort.postMessage(require('node:os').getPriority())", { eval: true });
       thread.once('message', (threadPriority) => { process.send({ id: m.id, results: [String(os.getPriority())], threadPriority }); thread.terminate(); });
     });`,
  );
  return file;
}

describe('the analysis process', () => {
  it.skipIf(process.platform === 'win32')('runs niced below the extension host, threads it starts too, and still answers', async () => {
    const worker = startAnalysisProcess(stubWorker());
    try {
      const reply = await new Promise<{ id: number; results: string[]; threadPriority: number }>((resolve, reject) => {
        worker.on('message', (r) => resolve(r as never));
        worker.on('error', reject);
        worker.postMessage({ id: 7, items: [] } as never);
      });
      expect(reply.id).toBe(7);
      const expected = Math.max(getPriority(), ANALYSIS_NICENESS);
      expect(Number(reply.results[0])).toBe(expected);
      expect(reply.threadPriority).toBe(expected);
    } finally {
      await worker.terminate();
    }
  });
});
