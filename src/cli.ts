// Entry point of the `news-annotator` command, and of its worker threads (`--jobs`), which run this
// same file: one bundle to ship, and a worker loads exactly the engine the command does.
import { isMainThread, workerData } from 'node:worker_threads';
import { runCli } from './cliRun';
import { runCliWorker, WORKER_ROLE } from './cliWorker';

if (!isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE) {
  runCliWorker();
} else {
  void Promise.resolve(
    runCli(process.argv.slice(2), {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
      cwd: process.cwd(),
      workerScript: __filename,
    }),
  ).then((code) => {
    process.exitCode = code;
  });
}
