#!/usr/bin/env node
// `npm start`: builds the extension and opens a copy of the seed articles with it, in the desktop VS Code when
// `code` is on the PATH (as an extension under development, rebuilt on every change), otherwise in code-server
// on 127.0.0.1 (installed on first use into the cache directory), printing the address to open.
// Ctrl-C stops everything it started. The copy of the seeds (and the tags you add there) is kept between runs.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cacheRoot, findOnPath, folderUrl, freePort, startCodeServer } from './lib/code-server.mjs';
import { packageExtension, root } from './lib/package.mjs';

const useCodeServer = process.argv.includes('--code-server') || process.env.NEWS_ANNOTATOR_CODE_SERVER === '1';
const sessionDir = join(cacheRoot(), 'start');
const workspace = join(sessionDir, 'seeds');

function seedWorkspace() {
  mkdirSync(workspace, { recursive: true });
  for (const f of readdirSync(join(root, 'seeds'))) {
    if (!existsSync(join(workspace, f))) cpSync(join(root, 'seeds', f), join(workspace, f));
  }
}

function onInterrupt(stop) {
  let stopping = false;
  const handler = () => {
    if (stopping) return;
    stopping = true;
    console.log('\nnews-annotator: stopping...');
    void Promise.resolve(stop()).finally(() => process.exit(0));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

seedWorkspace();
const code = useCodeServer ? null : findOnPath('code');
if (code) {
  const built = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  // Rebuilds on every change; "Developer: Reload Window" in VS Code picks the new build up.
  const watcher = spawn(process.execPath, ['esbuild.mjs', '--watch'], { cwd: root, stdio: 'inherit' });
  const vscode = spawn(code, ['--new-window', '--wait', `--extensionDevelopmentPath=${root}`, workspace], { stdio: 'inherit' });
  console.log(`news-annotator: opened ${workspace} in VS Code with the extension from ${root}. Ctrl-C stops the build watcher.`);
  onInterrupt(() => { watcher.kill(); vscode.kill(); });
  vscode.on('exit', () => { watcher.kill(); process.exit(0); });
} else {
  console.log('news-annotator: building and packaging the extension...');
  const vsix = packageExtension(join(root, 'out', 'start'));
  const preferred = Number(process.env.PORT ?? 8080);
  const port = (await isFree(preferred)) ? preferred : await freePort();
  const server = await startCodeServer({
    scratch: sessionDir, port, vsixes: [vsix], logFile: join(sessionDir, 'code-server.log'),
  });
  onInterrupt(() => server.stop());
  server.child.on('exit', (code) => {
    console.error(`news-annotator: code-server stopped (exit ${code}); its log: ${join(sessionDir, 'code-server.log')}`);
    process.exit(code ?? 1);
  });
  console.log('');
  console.log('  News Annotator is running in VS Code (code-server), on the seed articles. Open:');
  console.log(`  ${folderUrl(server.url, workspace)}`);
  console.log('');
  console.log('  Ctrl-C stops it. After changing the code, run npm start again.');
}

async function isFree(port) {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}
