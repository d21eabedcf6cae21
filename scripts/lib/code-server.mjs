// code-server: a real VS Code (1.100.3) served to a browser, installed on first use into a cache directory
// outside the project (never into its node_modules), and started with everything it writes kept in a scratch
// directory. Shared by `npm start` and the integration tests.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3'; // VS Code 1.100.3; later ones need a newer Node than 20.
// The @vscode/ripgrep in code-server's tree looks for this archive before it tries to download one.
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

export function cacheRoot() {
  const base = process.env.NEWS_ANNOTATOR_CACHE
    ?? join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'news-annotator');
  return base;
}

export function codeServerDir() {
  return join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`);
}

export function codeServerBin() {
  return join(codeServerDir(), 'node_modules', '.bin', 'code-server');
}

function log(message) {
  process.stderr.write(`code-server: ${message}\n`);
}

/** Installs code-server into the cache unless it is already complete there; returns its binary. Idempotent. */
export function ensureCodeServer({ quiet = false } = {}) {
  const dir = codeServerDir();
  const done = join(dir, '.installed');
  if (existsSync(done) && existsSync(codeServerBin())) return codeServerBin();
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error('installing code-server here is scripted for Linux x64 only; install VS Code and put `code` on the PATH');
  }
  const started = Date.now();
  log(`installing ${CODE_SERVER_VERSION} into ${dir} (about a minute, ~300 MB)...`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'news-annotator-code-server', private: true }) + '\n');

  // Its ripgrep dependency downloads a binary in postinstall; give it Debian's rg, packed as it expects.
  const tmp = join(dir, 'tmp');
  const rgCache = join(tmp, RIPGREP_CACHE);
  mkdirSync(rgCache, { recursive: true });
  const rg = findOnPath('rg');
  if (!rg) throw new Error('ripgrep is needed (Debian: apt-get install ripgrep)');
  const tarred = spawnSync('tar', ['-czf', join(rgCache, RIPGREP_ARCHIVE), '-C', rg.replace(/\/rg$/, ''), 'rg'], { stdio: 'inherit' });
  if (tarred.status !== 0) throw new Error('could not pack rg for code-server\'s ripgrep');

  const env = {
    ...process.env,
    TMPDIR: tmp,
    npm_config_unsafe_perm: 'true', // root: let the native modules' install scripts run
    npm_config_yes: 'true',
    npm_config_nodedir: existsSync('/usr/include/node/node.h') ? '/usr' : (process.env.npm_config_nodedir ?? ''),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  if (!env.npm_config_nodedir) delete env.npm_config_nodedir;
  const result = spawnSync('npm', ['install', '--no-save', '--prefix', dir, `code-server@${CODE_SERVER_VERSION}`], {
    cwd: dir, env, stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
  });
  if (result.status !== 0 || !existsSync(codeServerBin())) {
    throw new Error(`npm could not install code-server (exit ${result.status}); its native modules need libkrb5-dev, python3, make and g++`);
  }
  writeFileSync(done, new Date().toISOString() + '\n');
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return codeServerBin();
}

export function findOnPath(command) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, command))) return join(dir, command);
  }
  return null;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts code-server on 127.0.0.1 with its settings, extensions and data under `scratch`.
 * Resolves once it answers HTTP; `stop()` ends it and everything it started (it runs in its own process group).
 */
export async function startCodeServer({ scratch, port, extraEnv = {}, vsixes = [], settings = {}, logFile }) {
  const bin = ensureCodeServer();
  const userDataDir = join(scratch, 'user-data');
  const extensionsDir = join(scratch, 'extensions');
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: join(scratch, 'config'),
    XDG_DATA_HOME: join(scratch, 'data'),
    XDG_CACHE_HOME: join(scratch, 'cache'),
    ...extraEnv,
  };
  for (const d of [userDataDir, extensionsDir, env.XDG_CONFIG_HOME, env.XDG_DATA_HOME, env.XDG_CACHE_HOME]) {
    mkdirSync(d, { recursive: true });
  }
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    // Articles are long paragraphs on one line: wrap them, as a reader would.
    '[plaintext]': { 'editor.wordWrap': 'on' },
    '[markdown]': { 'editor.wordWrap': 'on' },
    ...settings,
  }, null, 2));
  const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  for (const vsix of vsixes) {
    const installed = spawnSync(bin, [...common, '--install-extension', vsix, '--force'], { env, encoding: 'utf8' });
    if (installed.status !== 0) {
      throw new Error(`code-server could not install ${vsix}:\n${installed.stdout}\n${installed.stderr}`);
    }
  }
  const out = logFile ? createWriteStream(logFile) : null;
  const child = spawn(bin, [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', ...common,
  ], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => out?.write(d));
  child.stderr.on('data', (d) => out?.write(d));
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });

  const stop = () => new Promise((resolve) => {
    if (exited) { out?.end(); resolve(); return; }
    child.once('exit', () => { out?.end(); resolve(); });
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000).unref();
  });

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited at start (${JSON.stringify(exited)})${logFile ? `; see ${logFile}` : ''}`);
    try {
      const res = await fetch(`${url}healthz`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error('code-server did not answer within 60 s'); }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, pid: child.pid, child, stop, userDataDir, extensionsDir, env };
}

/** The address that opens `folder` in the workbench. */
export function folderUrl(base, folder) {
  return `${base}?folder=${encodeURIComponent(folder)}`;
}
