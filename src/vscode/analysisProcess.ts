// The analysis worker (dist/analysisWorker.js) as a process of its own rather than a thread of the extension
// host, as language servers are: its heap, its code and its allocations are then not the extension host's
// (a worker thread's heap and malloc arenas count in the host's memory, ~80 MB while indexing), and a crash
// of the engine cannot take the host with it. Messages go over the IPC channel with the V8 serializer, so
// byte arrays arrive as byte arrays. Node only: used where the extension runs on a local disk.
import { type ChildProcess, fork } from 'node:child_process';
import { getPriority, setPriority } from 'node:os';
import type { PoolReply, PoolRequest, PoolWorker } from './analysisPool';

/** The process's old generation, at most (MB): the engine keeps nothing between messages. */
const MAX_OLD_SPACE_MB = 192;

/**
 * The analysis process's niceness (a lower priority than the window's): indexing is background work, and on a
 * machine with few cores the extension host and the window must get the CPU at once when they need it, or the
 * editor stalls (and the host's own garbage collection waits for its helper threads) while articles are analysed.
 * An idle core is still the analysis's in full.
 */
export const ANALYSIS_NICENESS = 10;

export function startAnalysisProcess(workerFile: string): PoolWorker {
  const child: ChildProcess = fork(workerFile, [], {
    // Not the extension host's own flags (inspector ports, its heap size): a plain Node process.
    execArgv: [`--max-old-space-size=${MAX_OLD_SPACE_MB}`],
    // VS Code's executable is Electron: this makes it run as Node (as vscode-languageclient does).
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  lowerPriority(child);
  return {
    postMessage(message: PoolRequest): void {
      child.send(message);
    },
    on(event: 'message' | 'error' | 'exit', listener: (value: never) => void): unknown {
      if (event === 'message') child.on('message', (reply) => (listener as (reply: PoolReply) => void)(reply as PoolReply));
      else if (event === 'error') child.on('error', listener as (error: Error) => void);
      else child.on('exit', (code, signal) => (listener as (code: number) => void)(code ?? (signal ? 1 : 0)));
      return this;
    },
    terminate(): Promise<number> {
      child.kill();
      return Promise.resolve(0);
    },
  } as PoolWorker;
}

/** Set as the process starts, so that the threads Node starts inherit it; never raises a priority already lower. */
function lowerPriority(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    setPriority(child.pid, Math.max(getPriority(child.pid), ANALYSIS_NICENESS));
  } catch {
    // Not allowed here (or no such notion): the analysis runs at the window's priority, as before.
  }
}
