#!/usr/bin/env node
// `npm run test:integration`: News Annotator in a real VS Code (code-server 1.100.3) driven by a real browser.
//  1. packages the extension (.vsix, as users install it), the test runner extension and the mocha suite;
//  2. starts code-server on 127.0.0.1 with both installed, in a scratch directory, and opens a copy of the seeds
//     in Chromium: the runner runs test/integration/suite in the extension host and writes its results;
//  3. drives the workbench through a journalist's journey with Playwright (test/e2e/journey.mjs) on a second
//     copy of the seeds, with a screenshot of each step in test-results/e2e/.
// Whatever happens, code-server and Chromium are stopped, and code-server's logs are kept in test-results/.
// Options: --host-only, --ui-only, --keep (keep the scratch directory), --grep <text> (mocha grep, host suite).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureCodeServer, folderUrl, freePort, startCodeServer } from './lib/code-server.mjs';
import { buildSuite, packageExtension, packageRunner, root } from './lib/package.mjs';
import { runJourney } from '../test/e2e/journey.mjs';

const args = process.argv.slice(2);
const hostOnly = args.includes('--host-only');
const uiOnly = args.includes('--ui-only');
const keep = args.includes('--keep');
const grepAt = args.indexOf('--grep');
const grep = grepAt >= 0 ? args[grepAt + 1] : undefined;
const HOST_SUITE_TIMEOUT_MS = 6 * 60_000;

const results = join(root, 'test-results');
const outDir = join(root, 'out', 'integration');
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (line) => console.log(`integration [${seconds()}]: ${line}`);

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let server;
let browser;
let scratch;
let cleaning;
async function cleanUp() {
  cleaning ??= (async () => {
    try { await browser?.close(); } catch { /* already closed */ }
    await server?.stop();
    if (server?.userDataDir && existsSync(join(server.userDataDir, 'logs'))) {
      cpSync(join(server.userDataDir, 'logs'), join(results, 'code-server-logs'), { recursive: true });
    }
    if (scratch && !keep) rmSync(scratch, { recursive: true, force: true });
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { void cleanUp().finally(() => process.exit(130)); });
}

function seedsCopy(name) {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(join(root, 'seeds'))) cpSync(join(root, 'seeds', f), join(dir, f));
  return dir;
}

async function waitForFile(file, timeoutMs, alive) {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) return false;
    alive();
    await new Promise((r) => setTimeout(r, 500));
  }
  return true;
}

async function main() {
  rmSync(join(results, 'code-server-logs'), { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (Debian: apt-get install chromium; or set CHROMIUM_PATH)`);
  ensureCodeServer();
  say('packaging the extension, the runner and the suite');
  const extensionVsix = packageExtension(outDir);
  const runnerVsix = packageRunner(outDir);
  const suiteIndex = await buildSuite(join(outDir, 'suite'));

  scratch = mkdtempSync(join(tmpdir(), 'news-annotator-it-'));
  const hostWorkspace = seedsCopy('host-workspace');
  const uiWorkspace = seedsCopy('ui-workspace');
  const hostResults = join(scratch, 'host-results.json');
  const port = await freePort();
  server = await startCodeServer({
    scratch, port, vsixes: [extensionVsix, runnerVsix], logFile: join(results, 'code-server.log'),
    extraEnv: {
      NEWS_ANNOTATOR_IT_SUITE: suiteIndex, NEWS_ANNOTATOR_IT_RESULTS: hostResults, NEWS_ANNOTATOR_IT_WORKSPACE: hostWorkspace,
      ...(grep ? { MOCHA_GREP: grep } : {}),
    },
  });
  say(`code-server ${server.url} (pid ${server.pid})`);
  browser = await chromium.launchPersistentContext(join(scratch, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const page = browser.pages()[0] ?? await browser.newPage();
  const summary = { host: null, ui: null };

  if (!uiOnly) {
    say('extension-host suite: opening the workbench on a copy of the seeds');
    await page.goto(folderUrl(server.url, hostWorkspace));
    const done = await waitForFile(hostResults, HOST_SUITE_TIMEOUT_MS, () => {
      if (server.child.exitCode !== null) throw new Error('code-server exited during the suite');
    });
    if (!done) {
      await page.screenshot({ path: join(results, 'host-suite-timeout.png') });
      summary.host = { passed: 0, failed: 1, pending: 0, error: 'the runner wrote no results (it did not activate, or the suite hung)' };
    } else {
      summary.host = JSON.parse(readFileSync(hostResults, 'utf8'));
      if (summary.host.failed > 0) await page.screenshot({ path: join(results, 'host-suite-failed.png') });
    }
    printHost(summary.host);
  }

  if (!hostOnly) {
    say('UI journey: Playwright in Chromium on a second copy of the seeds');
    summary.ui = await runJourney({
      page, baseUrl: server.url, workspace: uiWorkspace, screenshots: join(results, 'e2e'), root, log: say,
    });
    for (const step of summary.ui.steps) {
      say(`  ${step.ok ? 'ok  ' : 'FAIL'} ${step.name} (${(step.ms / 1000).toFixed(1)} s)${step.ok ? '' : `\n        ${step.error}`}`);
    }
  }

  const host = summary.host ?? { passed: 0, failed: 0, pending: 0 };
  const ui = summary.ui ?? { passed: 0, failed: 0 };
  writeFileSync(join(results, 'integration.json'), JSON.stringify({ ...summary, seconds: (Date.now() - started) / 1000 }, null, 2));
  say(`extension host: ${host.passed} passed, ${host.failed} failed, ${host.pending} pending; ` +
    `UI journey: ${ui.passed} passed, ${ui.failed} failed; in ${seconds()}`);
  return host.failed + ui.failed === 0 && (summary.host || summary.ui) ? 0 : 1;
}

function printHost(host) {
  for (const t of host.tests ?? []) {
    say(`  ${t.state === 'passed' ? 'ok  ' : t.state === 'failed' ? 'FAIL' : 'skip'} ${t.title}`);
    if (t.error) say(`        ${t.error.split('\n').slice(0, 4).join('\n        ')}`);
  }
  if (host.error) say(`  ERROR ${host.error}`);
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(`integration: ${error instanceof Error ? error.stack ?? error.message : error}`);
} finally {
  await cleanUp();
}
process.exit(code);
