#!/usr/bin/env node
// `npm run bench:scale`: News Annotator on a 10,000-article workspace in a real VS Code (code-server), measured
// from inside its extension host by a runner extension (bench/scale-runner), plus the CLI's speed-up, the
// re-anchoring rate and the size of the .vsix. See bench/README.md for what each figure means.
//   node bench/scale.mjs [--articles 10000] [--seed 20240601] [--runs 3] [--skip cli,reanchor,warm,keystroke]
//                        [--timeout 600] [--keep]
// Each run: a fresh user data dir, cold indexing (code-server started, workbench opened in Chromium), then
// code-server restarted on the SAME user data dir for the warm reopen and the typing in the 1 MB article.
// Prints each figure against its goal, then ONE JSON line. A missed goal is a result, not a failure; a broken
// run (no metrics, a timeout, code-server dying) exits non-zero. code-server and Chromium are always stopped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { folderUrl, freePort, startCodeServer, ensureCodeServer } from '../scripts/lib/code-server.mjs';
import { packageExtension, root } from '../scripts/lib/package.mjs';
import { generatorFingerprint, writeWorkspace } from './workspace.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const articles = Number(option('articles', '10000'));
const seed = option('seed', '20240601');
const runs = Math.max(1, Number(option('runs', '3')));
const skip = new Set(option('skip', '').split(',').filter(Boolean));
const timeoutMs = Number(option('timeout', '600')) * 1000;
const keep = args.includes('--keep');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const GOALS = {
  indexColdSeconds: { max: 15, unit: 's', label: 'cold indexing' },
  indexWarmSeconds: { max: 2, unit: 's', label: 'warm reopen, Events view complete' },
  eventLoopP99Ms: { max: 50, unit: 'ms', label: 'event-loop delay p99 (indexing)' },
  eventLoopMaxMs: { max: 50, unit: 'ms', label: 'event-loop delay max (indexing)' },
  hostMemoryMB: { max: 300, unit: 'MB', label: 'extension host RSS max', strict: true },
  keystrokeMs: { max: 30, unit: 'ms', label: 're-analysis after an edit (median)' },
  activationMs: { max: 50, unit: 'ms', label: 'activation' },
  vsixKB: { max: 1024, unit: 'KB', label: '.vsix size', strict: true },
  reanchorRate: { min: 0.98, unit: '', label: 're-anchoring rate' },
  cliSpeedup2Workers: { min: null, unit: 'x', label: 'CLI speed-up 1 → 2 workers' },
};

const started = Date.now();
const say = (line) => console.log(`bench:scale [${((Date.now() - started) / 1000).toFixed(0)} s]: ${line}`);
const median = (values) => {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};
const quantile = (values, q) => {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  return v[Math.min(v.length - 1, Math.ceil(q * v.length) - 1)];
};
const round = (x, digits = 2) => (x === null || x === undefined ? null : Math.round(x * 10 ** digits) / 10 ** digits);

// ---- what is running, so that it is always stopped ---------------------------------------------
let server;
let browser;
const scratches = [];
let cleaning;
async function cleanUp() {
  cleaning ??= (async () => {
    try { await browser?.close(); } catch { /* already closed */ }
    browser = undefined;
    await server?.stop();
    server = undefined;
    if (!keep) for (const s of scratches) rmSync(s, { recursive: true, force: true });
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { void cleanUp().finally(() => process.exit(130)); });
}

// ---- the workspace, cached by seed, size and generator --------------------------------------------
function workspaceDir() {
  const dir = join(root, '.bench', `workspace-${seed}-${articles}`);
  const marker = join(dir, '.generated.json');
  const fingerprint = generatorFingerprint();
  if (existsSync(marker)) {
    const info = JSON.parse(readFileSync(marker, 'utf8'));
    // A file changed since it was written (an edit saved by an earlier run, a hand edit) spoils the cache.
    const written = statSync(marker).mtimeMs;
    const changed = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .some((p) => !p.endsWith('.generated.json') && statSync(join(dir, p)).mtimeMs > written);
    if (info.fingerprint === fingerprint && !changed) return { dir, info };
    if (changed) say(`a file of ${dir} changed since it was generated: generating it again`);
  }
  say(`generating ${articles} articles (seed ${seed}) into ${dir}`);
  const summary = writeWorkspace({ out: dir, articles, seed });
  const info = { fingerprint, ...summary };
  writeFileSync(marker, JSON.stringify(info, null, 2) + '\n');
  return { dir, info };
}

// ---- the runner extension's .vsix -----------------------------------------------------------------
function packageRunner(outDir) {
  const out = join(outDir, 'scale-runner.vsix');
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository',
    '--no-rewrite-relative-links', '--skip-license', '-o', out], { cwd: join(root, 'bench', 'scale-runner'), encoding: 'utf8' });
  if (result.status !== 0 || !existsSync(out)) throw new Error(`vsce could not package bench/scale-runner:\n${result.stdout}\n${result.stderr}`);
  return out;
}

// ---- one code-server session: start, open the folder, wait for the runner's figures, stop ---------
async function session({ scratch, port, workspace, phase, vsixes, env }) {
  const resultsFile = join(scratch, `results-${phase}.json`);
  rmSync(resultsFile, { force: true });
  const logFile = join(scratch, `code-server-${phase}.log`);
  server = await startCodeServer({
    scratch, port, vsixes, logFile,
    // VS Code in a browser saves after a delay by default: the typed edits must never reach the workspace.
    // code-server's extension host is a remote one, for which VS Code looks for ports to forward by running `ps`
    // from it every few seconds: each start of a process forks the host and waits for the child, which stalled
    // the host by up to 45 ms on a busy machine (the runner records every process started, `spawnsByFile`).
    // Desktop VS Code does not do this for a local folder, and it is not the extension's work: turned off, as git is
    // (code-server has a tunnel provider, so the finder runs whatever autoForwardPorts says, unless its source is
    // the terminals' output).
    settings: { 'files.autoSave': 'off', 'remote.autoForwardPorts': false, 'remote.autoForwardPortsSource': 'output' },
    extraEnv: {
      NEWS_ANNOTATOR_BENCH_RESULTS: resultsFile, NEWS_ANNOTATOR_BENCH_WORKSPACE: workspace, NEWS_ANNOTATOR_BENCH_PHASE: phase,
      NEWS_ANNOTATOR_BENCH_TIMEOUT_MS: String(timeoutMs), ...env,
    },
  });
  // One browser profile per run, as one person's browser: the workbench's own state (its layout) is reopened too.
  browser = await chromium.launchPersistentContext(join(scratch, 'chromium-profile'), {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1440, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const page = browser.pages()[0] ?? await browser.newPage();
  await page.goto(folderUrl(server.url, workspace));
  const deadline = Date.now() + timeoutMs + 120_000;
  let lastProgress = Date.now();
  while (!existsSync(resultsFile)) {
    if (Date.now() - lastProgress > 30_000 && existsSync(`${resultsFile}.progress`)) {
      lastProgress = Date.now();
      try {
        const p = JSON.parse(readFileSync(`${resultsFile}.progress`, 'utf8'));
        const run = p.run ? `; indexing: ${p.run.analysed} analysed, ${p.run.fromCache} from the cache of ${p.run.articles}` : '';
        say(`  ${phase} (${p.stage ?? '?'}): ${p.atSeconds} s since the extension host started, RSS ${p.rssMB} MB${run}`);
      } catch { /* being written */ }
    }
    if (server.child.exitCode !== null) throw new Error(`code-server exited during the ${phase} phase; see ${logFile}`);
    if (Date.now() > deadline) {
      await page.screenshot({ path: join(scratch, `timeout-${phase}.png`) }).catch(() => {});
      throw new Error(`the runner wrote no ${phase} results in ${(timeoutMs / 1000 + 120).toFixed(0)} s (not activated, or hung); see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const outcome = JSON.parse(readFileSync(resultsFile, 'utf8'));
  try { await browser.close(); } catch { /* gone */ }
  browser = undefined;
  await server.stop();
  server = undefined;
  if (outcome.error) {
    const seen = outcome.partial ? `\nseen before: ${JSON.stringify(outcome.partial)}` : '';
    throw new Error(`the ${phase} phase failed in the extension host:\n${outcome.error}${seen}`);
  }
  return outcome;
}

/** Cold indexing seconds from the extension's own record, else the wall time from activation to ready. */
function coldSeconds(cold) {
  const run = cold.indexingRuns?.[0];
  if (run && typeof run.finishedAt === 'number') return { seconds: (run.finishedAt - run.startedAt) / 1000, source: 'metrics.indexingRuns[0]' };
  return { seconds: cold.readySeconds, source: 'wall: activation to model.ready (no finished indexing run in metrics)' };
}

async function measureRun(index, ctx) {
  const scratch = mkdtempSync(join(tmpdir(), 'news-annotator-scale-'));
  scratches.push(scratch);
  const load = loadavg()[0];
  say(`run ${index + 1}/${runs}: cold start on a fresh user data dir (load ${load.toFixed(2)})`);
  // The same port for both phases: the workbench names the folder by a URI holding the server's address, and
  // a different one is a different workspace, with its own (empty) storage: no cache to reopen from.
  const port = await freePort();
  const cold = await session({ scratch, port, workspace: ctx.workspace, phase: 'cold', vsixes: ctx.vsixes, env: {} });
  if (!cold.events) throw new Error(`the cold run found no events in ${articles} articles: is the workspace indexed at all?`);
  const { seconds, source } = coldSeconds(cold);
  say(`  cold: indexing ${seconds.toFixed(2)} s (${source}), ready after ${cold.readySeconds} s, Events view after ${cold.eventsViewSeconds} s; ` +
    `${cold.articles} articles, ${cold.events} events; event loop p99 ${cold.probes.eventLoopP99Ms} ms, max ${cold.probes.eventLoopMaxMs} ms; ` +
    `RSS max ${cold.probes.rssMaxMB} MB; activation ${round(cold.activationMs)} ms`);
  let warm = null;
  if (!skip.has('warm')) {
    say(`run ${index + 1}/${runs}: warm reopen on the same user data dir`);
    warm = await session({
      scratch, port, workspace: ctx.workspace, phase: 'warm', vsixes: [],
      env: {
        NEWS_ANNOTATOR_BENCH_EXPECT_EVENTS: String(cold.events),
        ...(skip.has('keystroke') ? {} : { NEWS_ANNOTATOR_BENCH_LONG: ctx.longArticle }),
      },
    });
    const complete = warm.eventsMismatch
      ? `Events view never complete: ${warm.eventsMismatch.found} events instead of ${warm.eventsMismatch.expected} (settled after ${warm.eventsSettledSeconds} s)`
      : `Events view complete after ${warm.eventsCompleteSeconds} s (${warm.events} events)`;
    say(`  warm: ${complete}, ready after ${warm.readySeconds} s; RSS max ${warm.probes.rssMaxMB} MB`);
    if (warm.keystroke) {
      const k = warm.keystroke;
      const ms = k.edits.map((e) => (k.recordedByMetrics ? e.ms : e.wallMinusDebounceMs));
      say(`  typing in ${(k.textChars / 2 ** 20).toFixed(2)} M chars: ${k.recordedByMetrics ? 'metrics.reanalyses' : 'wall time minus the debounce (no metrics.reanalyses)'} ` +
        `${ms.map((x) => round(x, 1)).join(', ')} ms; decoration calls per edit ${k.edits.map((e) => e.decorationCallsTotal).join(', ')}`);
    }
  }
  return { load, cold, warm, coldSeconds: seconds, coldSource: source };
}

function runTool(label, command, commandArgs) {
  say(`${label}: ${[command, ...commandArgs].join(' ')}`);
  const t0 = Date.now();
  const result = spawnSync(command, commandArgs, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  const lines = result.stdout.trim().split('\n');
  const json = JSON.parse(lines[lines.length - 1]);
  say(`  ${label} took ${((Date.now() - t0) / 1000).toFixed(0)} s: ${lines[lines.length - 1]}`);
  return json;
}

function verdict(key, value) {
  const goal = GOALS[key];
  if (!goal || value === null || value === undefined) return 'n/a ';
  if (goal.max !== undefined) return (goal.strict ? value < goal.max : value <= goal.max) ? 'ok  ' : 'MISS';
  if (goal.min === null) return '    ';
  return value >= goal.min ? 'ok  ' : 'MISS';
}

function goalText(key) {
  const g = GOALS[key];
  if (g.max !== undefined) return `${g.strict ? '<' : '≤'} ${g.max} ${g.unit}`;
  if (g.min === null) return '(reported)';
  return `≥ ${g.unit === '' ? `${g.min * 100}%` : `${g.min} ${g.unit}`}`;
}

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (Debian: apt-get install chromium; or set CHROMIUM_PATH)`);
  if (!existsSync(join(root, 'dist', 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm run bench:scale does)');
  ensureCodeServer();
  const { dir: workspace, info } = workspaceDir();
  say(`workspace: ${info.files} articles, ${(info.bytes / 2 ** 20).toFixed(1)} MB, + ${info.longArticle} (${(info.longArticleBytes / 2 ** 20).toFixed(2)} MB)`);

  const outDir = join(root, 'out', 'bench-scale');
  say('packaging the extension (as npm run package does) and the runner');
  const extensionVsix = packageExtension(outDir);
  const vsixKB = Math.round(statSync(extensionVsix).size / 1024);
  const runnerVsix = packageRunner(outDir);
  const ctx = { workspace, vsixes: [extensionVsix, runnerVsix], longArticle: info.longArticle };

  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await measureRun(i, ctx));
  await cleanUp();

  const cli = skip.has('cli') ? null : runTool('CLI speed-up', process.execPath, [join(root, 'bench', 'cli-scale.mjs')]);
  const reanchor = skip.has('reanchor') ? null : runTool('re-anchoring', process.execPath, [join(root, 'bench', 'reanchor.mjs')]);

  const edits = samples.flatMap((s) => s.warm?.keystroke?.edits ?? []);
  const recorded = samples.every((s) => !s.warm?.keystroke || s.warm.keystroke.recordedByMetrics);
  const keystrokeValues = edits.map((e) => (recorded ? e.ms : e.wallMinusDebounceMs));
  const decorationsCounted = samples.some((s) => Object.keys(s.warm?.keystroke?.decorationCallsAfter ?? {}).length > 0);
  const result = {
    indexColdSeconds: round(median(samples.map((s) => s.coldSeconds))),
    indexWarmSeconds: round(median(samples.map((s) => s.warm?.eventsCompleteSeconds))),
    eventLoopP99Ms: round(median(samples.map((s) => s.cold.probes.eventLoopP99Ms)), 1),
    eventLoopMaxMs: round(median(samples.map((s) => s.cold.probes.eventLoopMaxMs)), 1),
    hostMemoryMB: round(median(samples.map((s) => s.cold.probes.rssMaxMB)), 0),
    keystrokeMs: round(median(keystrokeValues), 1),
    keystrokeP90Ms: round(quantile(keystrokeValues, 0.9), 1),
    cliSpeedup2Workers: cli?.cliSpeedup2Workers ?? null,
    activationMs: round(median(samples.map((s) => s.cold.activationMs)), 1),
    vsixKB,
    reanchorRate: reanchor?.reanchorRate ?? null,
    // How the figures were obtained, and the rest of what was seen.
    indexColdSource: samples[0].coldSource,
    keystrokeSource: edits.length === 0 ? 'skipped' : recorded ? 'metrics.reanalyses' : 'wall time from the last keystroke to the model change, minus the debounce',
    keystrokeAnalysedChars: median(edits.map((e) => e.analysedChars)),
    // null when the extension counts no setDecorations calls at all (metrics.decorationCalls left empty).
    keystrokeDecorationCallsPerEdit: decorationsCounted ? median(edits.map((e) => e.decorationCallsTotal)) : null,
    coldReadySeconds: round(median(samples.map((s) => s.cold.readySeconds))),
    coldEventsViewSeconds: round(median(samples.map((s) => s.cold.eventsViewSeconds))),
    coldLinkMs: median(samples.map((s) => s.cold.linkMs)),
    eventLoopMaxMsUntilReady: round(median(samples.map((s) => s.cold.atReady.eventLoopMaxMs)), 1),
    // The cold run's delay from the end of activate() on: the indexing without the extension's code loading.
    eventLoopMaxMsAfterActivation: round(median(samples.map((s) => s.cold.afterActivation?.eventLoopMaxMs)), 1),
    eventLoopP99MsAfterActivation: round(median(samples.map((s) => s.cold.afterActivation?.eventLoopP99Ms)), 1),
    // From the first indexing's start (it waits for the window's start-up to settle) to every article indexed.
    eventLoopMaxMsDuringIndexing: round(median(samples.map((s) => s.cold.duringIndexing?.eventLoopMaxMs)), 1),
    eventLoopP99MsDuringIndexing: round(median(samples.map((s) => s.cold.duringIndexing?.eventLoopP99Ms)), 1),
    warmEventLoopMaxMsDuringIndexing: round(median(samples.map((s) => s.warm?.duringIndexing?.eventLoopMaxMs)), 1),
    warmReadySeconds: round(median(samples.map((s) => s.warm?.readySeconds))),
    warmEventLoopMaxMs: round(median(samples.map((s) => s.warm?.probes.eventLoopMaxMs)), 1),
    warmHostMemoryMB: round(median(samples.map((s) => s.warm?.probes.rssMaxMB)), 0),
    keystrokeEventLoopMaxMs: round(median(samples.map((s) => s.warm?.keystroke?.probes.eventLoopMaxMs)), 1),
    articles: samples[0].cold.articles,
    events: samples[0].cold.events,
    eventsTreeRoots: samples[0].cold.eventsRoots,
    warmEventsMismatch: samples.find((s) => s.warm?.eventsMismatch)?.warm.eventsMismatch ?? null,
    workspaceMB: round(info.bytes / 2 ** 20, 1),
    runs,
    perRun: samples.map((s) => ({
      load1m: round(s.load), cold: round(s.coldSeconds), warm: s.warm?.eventsCompleteSeconds ?? null,
      loopMax: s.cold.probes.eventLoopMaxMs, loopMaxAfterActivation: s.cold.afterActivation?.eventLoopMaxMs ?? null,
      loopMaxDuringIndexing: s.cold.duringIndexing?.eventLoopMaxMs ?? null, indexingFromSeconds: s.cold.duringIndexing?.fromSeconds ?? null,
      warmLoopMax: s.warm?.probes.eventLoopMaxMs ?? null, warmLoopMaxDuringIndexing: s.warm?.duringIndexing?.eventLoopMaxMs ?? null,
      // The longest stalls (ticks of a 5 ms timer > 35 ms apart): when, how long, of which GC, and this thread's
      // time on a CPU and waiting for one in that stretch.
      longestStalls: (s.cold.probes.longestStalls ?? []).slice(0, 3),
      rssMB: s.cold.probes.rssMaxMB, rssMBUntilReady: s.cold.atReady.rssMaxMB, gcMaxMs: s.cold.probes.gcMaxMs ?? null, activationMs: round(s.cold.activationMs, 1),
    })),
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? null,
    memoryGB: round(totalmem() / 2 ** 30, 1),
    loadAverage1m: round(median(samples.map((s) => s.load))),
    seconds: Math.round((Date.now() - started) / 1000),
  };
  writeFileSync(join(outDir, 'scale.json'), JSON.stringify({ result, samples, cli, reanchor }, null, 2));

  console.log('');
  console.log(`News Annotator at scale: ${result.articles} articles (${result.workspaceMB} MB), ${result.events} events; ` +
    `median of ${runs} run(s); ${result.cpus} CPUs, load ${result.loadAverage1m}`);
  for (const key of Object.keys(GOALS)) {
    const value = result[key];
    const shown = value === null ? 'not measured' : key === 'reanchorRate' ? `${(value * 100).toFixed(2)}%` : `${value} ${GOALS[key].unit}`;
    console.log(`  ${verdict(key, value)} ${GOALS[key].label.padEnd(40)} ${shown.padStart(14)}   goal ${goalText(key)}`);
  }
  if (result.keystrokeP90Ms !== null) console.log(`       keystroke p90 ${result.keystrokeP90Ms} ms (${result.keystrokeSource})`);
  console.log(`       cold indexing from ${result.indexColdSource}`);
  console.log(`       event loop max: from activation ${result.eventLoopMaxMsAfterActivation} ms, while indexing ${result.eventLoopMaxMsDuringIndexing} ms` +
    ` (p99 ${result.eventLoopP99MsDuringIndexing}); warm reopen ${result.warmEventLoopMaxMs} ms, while indexing ${result.warmEventLoopMaxMsDuringIndexing} ms`);
  console.log(`  full record: ${join('out', 'bench-scale', 'scale.json')}; took ${result.seconds} s`);
  console.log(JSON.stringify(result));
}

let code = 1;
try {
  await main();
  code = 0;
} catch (error) {
  console.error(`bench:scale: ${error instanceof Error ? error.stack ?? error.message : error}`);
} finally {
  await cleanUp();
}
process.exit(code);
