// Speed benchmark of the analysis engine (`npm run bench`).
// Compares analyzeCorpus with chrono-node's parse alone and with compromise's people() + chrono-node
// over the same deterministic synthetic corpus, checks that heap and time grow linearly with the input,
// and ends with ONE JSON line for machines.
//
// Options: --mb <n> corpus size in MB (default 10), --seed <s> corpus seed (default 20240601),
//          --subset-mb <n> size of the compromise subset (default 1).
// MB here means 2^20 bytes of UTF-8 text.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const scriptPath = fileURLToPath(import.meta.url);

// Heap figures are only meaningful after a forced collection, so re-run ourselves with --expose-gc.
if (typeof globalThis.gc !== 'function') {
  const child = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, scriptPath, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(child.status ?? 1);
}

const repoRoot = resolve(dirname(scriptPath), '..');
const MB = 1024 * 1024;

function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}
const corpusMBTarget = Number(argValue('--mb', '10'));
const corpusSeed = argValue('--seed', '20240601');
const subsetMBTarget = Number(argValue('--subset-mb', '1'));

const { generateCorpus } = await import('./corpus.mjs');
const esbuild = await import('esbuild');
const chrono = await import('chrono-node');
const nlp = (await import('compromise')).default;

const round = (x, digits = 2) => Number(x.toFixed(digits));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const bytesOf = (docs) => docs.reduce((sum, d) => sum + Buffer.byteLength(d.text, 'utf8'), 0);
// Wall-clock seconds, plus the process's CPU seconds (less disturbed when other jobs share the machine).
const seconds = (fn) => {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = fn();
  const cpu = process.cpuUsage(cpu0);
  return { s: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6, result };
};
const fullGc = () => {
  globalThis.gc();
  globalThis.gc();
};
const log = (line) => console.log(line);
const benchStart = performance.now();
const { loadavg, cpus } = await import('node:os');
log(`machine: ${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} (timings are noisy when it is above ~1)`);

// --- Engine bundle -------------------------------------------------------------------------------
const benchDir = join(repoRoot, '.bench');
mkdirSync(benchDir, { recursive: true });
const enginePath = join(benchDir, 'engine.cjs');
const bundleTime = performance.now();
await esbuild.build({
  entryPoints: [join(repoRoot, 'src/analysis/analyze.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: enginePath,
  logLevel: 'warning',
});
const engine = createRequire(import.meta.url)(enginePath);
log(`engine: bundled src/analysis/analyze.ts -> .bench/engine.cjs in ${Math.round(performance.now() - bundleTime)} ms`);

// --- Corpus --------------------------------------------------------------------------------------
const seedDir = join(repoRoot, 'seeds');
const seedFiles = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort();
const seedTexts = seedFiles.map((f) => readFileSync(join(seedDir, f), 'utf8'));
const genTime = seconds(() => generateCorpus({ seedTexts, targetBytes: corpusMBTarget * MB, seed: corpusSeed }));
const corpus = genTime.result;
const corpusBytes = bytesOf(corpus);
const corpusMB = corpusBytes / MB;
log(
  `corpus: ${corpusMB.toFixed(2)} MB (1 MB = 2^20 bytes UTF-8), ${corpus.length} documents from ${seedFiles.length} seeds, ` +
    `seed "${corpusSeed}", generated in ${genTime.s.toFixed(2)} s`,
);

// Both sides get the same reference date per document: the document date.
const engineDocs = corpus.map((d) => ({ path: d.path, text: d.text, options: { documentDate: d.documentDate } }));
const chronoDocs = corpus.map((d) => ({ text: d.text, refDate: new Date(`${d.documentDate}T12:00:00Z`) }));

// --- Engine throughput -----------------------------------------------------------------------------
const ENGINE_RUNS = 5;
let warm;
try {
  warm = seconds(() => engine.analyzeCorpus(engineDocs));
} catch (error) {
  // The engine must never throw: name the first document that makes it throw, so it can be reproduced.
  const culprit = engineDocs.find((d) => {
    try {
      engine.analyzeDocument(d.text, d.options);
      return false;
    } catch {
      return true;
    }
  });
  console.error(`engine threw: ${error?.stack ?? error}`);
  if (culprit) console.error(`first failing document: ${culprit.path} (regenerate with: node bench/corpus.mjs --out .bench/corpus)`);
  process.exit(1);
}
const found = { dates: 0, officials: 0, quotes: 0, claims: 0, events: 0 };
for (const { analysis } of warm.result.documents) {
  for (const key of Object.keys(found)) found[key] += analysis[key].length;
}
found.entities = warm.result.entities.length;
found.corpusEvents = warm.result.events.length;
warm.result = null; // Do not keep a whole result alive during the timed runs.
log(`engine found (whole corpus): ${Object.entries(found).map(([k, v]) => `${k} ${v}`).join(', ')}`);
const engineRuns = [];
const engineCpu = [];
for (let i = 0; i < ENGINE_RUNS; i++) {
  fullGc(); // Start every timed run (ours and chrono's) from a clean heap, so garbage of one run does not bill the next.
  const run = seconds(() => engine.analyzeCorpus(engineDocs));
  engineRuns.push(run.s);
  engineCpu.push(run.cpu);
}
const engineSeconds = median(engineRuns);
const mbPerSecond = corpusMB / engineSeconds;
log(
  `engine analyzeCorpus: warm-up ${warm.s.toFixed(3)} s, runs [${engineRuns.map((s) => s.toFixed(3)).join(', ')}] s, ` +
    `median ${engineSeconds.toFixed(3)} s = ${mbPerSecond.toFixed(2)} MB/s`,
);

// --- chrono-node parse alone -------------------------------------------------------------------------
const CHRONO_RUNS = 5;
const runChrono = (docs) => {
  let n = 0;
  for (const d of docs) n += chrono.parse(d.text, d.refDate).length;
  return n;
};
const chronoWarm = seconds(() => runChrono(chronoDocs));
const chronoRuns = [];
const chronoCpu = [];
for (let i = 0; i < CHRONO_RUNS; i++) {
  fullGc();
  const run = seconds(() => runChrono(chronoDocs));
  chronoRuns.push(run.s);
  chronoCpu.push(run.cpu);
}
const chronoSeconds = median(chronoRuns);
const chronoMbPerSecond = corpusMB / chronoSeconds;
const timeVsChrono = engineSeconds / chronoSeconds;
log(
  `chrono-node parse(text, documentDate) per document: ${chronoWarm.result} results, warm-up ${chronoWarm.s.toFixed(3)} s, ` +
    `runs [${chronoRuns.map((s) => s.toFixed(3)).join(', ')}] s, median ${chronoSeconds.toFixed(3)} s = ${chronoMbPerSecond.toFixed(2)} MB/s`,
);
const cpuTimeVsChrono = median(engineCpu) / median(chronoCpu);
log(
  `engine time / chrono time: ${timeVsChrono.toFixed(3)} (goal <= 1); by CPU time: ${cpuTimeVsChrono.toFixed(3)} ` +
    `(median CPU s: engine ${median(engineCpu).toFixed(3)}, chrono ${median(chronoCpu).toFixed(3)}; includes GC threads)`,
);

// --- compromise people() + chrono-node, on a deterministic subset ------------------------------------
// compromise runs at a few hundred KB/s, so it is timed on the first documents of the corpus
// (about --subset-mb MB) and its per-MB time is extrapolated to the whole corpus.
const subset = [];
for (let i = 0, bytes = 0; i < corpus.length && bytes < subsetMBTarget * MB; i++) {
  subset.push(chronoDocs[i]);
  bytes += Buffer.byteLength(chronoDocs[i].text, 'utf8');
}
const subsetMB = bytesOf(subset) / MB;
const runPipeline = (docs) => {
  let people = 0;
  let dates = 0;
  for (const d of docs) {
    people += nlp(d.text).people().out('array').length;
    dates += chrono.parse(d.text, d.refDate).length;
  }
  return { people, dates };
};
seconds(() => runPipeline(subset.slice(0, 40))); // warm-up
const pipeline = seconds(() => runPipeline(subset));
const pipelineSecondsPerMB = pipeline.s / subsetMB;
const pipelineMbPerSecond = 1 / pipelineSecondsPerMB;
const speedupVsChronoCompromise = pipelineSecondsPerMB / (engineSeconds / corpusMB);
log(
  `compromise people() + chrono-node parse: subset of the first ${subset.length} documents (${subsetMB.toFixed(2)} MB), ` +
    `${pipeline.result.people} people + ${pipeline.result.dates} dates, ${pipeline.s.toFixed(2)} s = ${pipelineMbPerSecond.toFixed(3)} MB/s ` +
    `(extrapolated to the whole corpus: ${(pipelineSecondsPerMB * corpusMB).toFixed(1)} s)`,
);
log(`speedup vs compromise + chrono: ${speedupVsChronoCompromise.toFixed(1)}x (goal >= 50)`);

// --- Memory growth -----------------------------------------------------------------------------------
// Heap retained by the analysis result after a full collection, for growing prefixes of the corpus.
// (Also one timed run per prefix: time per MB must stay flat as more documents are linked.)
const memory = {};
for (const [label, fraction] of [['quarter', 0.25], ['half', 0.5], ['full', 1]]) {
  const docs = engineDocs.slice(0, Math.round(engineDocs.length * fraction));
  const textMB = bytesOf(docs) / MB;
  fullGc();
  const run = seconds(() => engine.analyzeCorpus(docs));
  let result = run.result;
  run.result = null;
  fullGc();
  const withResult = process.memoryUsage().heapUsed;
  if (result.documents.length !== docs.length) throw new Error('analyzeCorpus lost documents');
  // The heap the result holds: with it alive, minus without it (module caches and JIT state cancel out).
  result = null;
  fullGc();
  const heapMB = (withResult - process.memoryUsage().heapUsed) / MB;
  const msPerMB = (run.s * 1000) / textMB;
  memory[label] = { textMB: round(textMB), heapMB: round(heapMB), heapMBPerTextMB: round(heapMB / textMB, 3), msPerMB: round(msPerMB, 1) };
  log(
    `memory ${label.padEnd(7)}: ${textMB.toFixed(2)} MB text -> ${heapMB.toFixed(2)} MB heap retained by the result = ` +
      `${(heapMB / textMB).toFixed(3)} MB per MB of text (that run: ${msPerMB.toFixed(0)} ms per MB, corpus linking included)`,
  );
}
// Heap still held once both the text and the result are gone: module-level caches that keep strings
// sliced from the documents would keep whole documents alive in a long-running editor session.
const leakMB = 2;
fullGc();
const heapBeforeLeakCheck = process.memoryUsage().heapUsed;
{
  let fresh = generateCorpus({ seedTexts, targetBytes: leakMB * MB, seed: `${corpusSeed}-fresh` }).map((d) => ({
    path: d.path,
    text: d.text,
    options: { documentDate: d.documentDate },
  }));
  let result = engine.analyzeCorpus(fresh);
  if (result.documents.length !== fresh.length) throw new Error('analyzeCorpus lost documents');
  result = null;
  fresh = null;
}
fullGc();
const heldAfterDropMB = (process.memoryUsage().heapUsed - heapBeforeLeakCheck) / MB;
const heldAfterDropMBPerTextMB = heldAfterDropMB / leakMB;
log(
  `memory held after analysing ${leakMB} MB of fresh text and dropping text and result: ${heldAfterDropMB.toFixed(2)} MB ` +
    `= ${heldAfterDropMBPerTextMB.toFixed(3)} MB per MB (the engine's bounded caches filling; test/unit/memory.test.ts checks that nothing accumulates batch after batch)`,
);

const perMB = Object.values(memory).map((m) => m.heapMBPerTextMB);
// Tiny results (empty recognizers) make the ratio noise; only judge when there is something to measure.
const memoryLinear = memory.full.heapMB < 1 || Math.max(...perMB) <= 1.5 * Math.min(...perMB);
log(`memory growth: ${memoryLinear ? 'linear' : 'NOT linear'} (MB per MB of text: ${perMB.join(', ')})`);
fullGc();

// --- Time linearity on one big document ----------------------------------------------------------------
const bigDocument = (targetBytes) => {
  const parts = [];
  let bytes = 0;
  for (let i = 0; bytes < targetBytes; i = (i + 1) % corpus.length) {
    parts.push(corpus[i].text);
    bytes += Buffer.byteLength(corpus[i].text, 'utf8') + 2;
  }
  return parts.join('\n\n');
};
const timeLinearity = {};
const sizes = [['100KB', 100 * 1024], ['1MB', MB], ['4MB', 4 * MB]];
engine.analyzeDocument(bigDocument(100 * 1024), { documentDate: corpus[0].documentDate }); // warm-up
for (const [label, size] of sizes) {
  const text = bigDocument(size);
  const textMB = Buffer.byteLength(text, 'utf8') / MB;
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(seconds(() => engine.analyzeDocument(text, { documentDate: corpus[0].documentDate })).s);
  const msPerMB = (median(runs) * 1000) / textMB;
  timeLinearity[label] = round(msPerMB, 1);
  log(`analyzeDocument single ${label.padEnd(5)} document: median ${(median(runs) * 1000).toFixed(1)} ms = ${msPerMB.toFixed(1)} ms per MB`);
}
// Superlinear when the cost per MB grows steadily with the size: 4 MB dearer per MB than 100 KB by half and
// than 1 MB by 15% (either alone can be noise on a busy machine).
const growth4MBvs100KB = timeLinearity['4MB'] / timeLinearity['100KB'];
const growth4MBvs1MB = timeLinearity['4MB'] / timeLinearity['1MB'];
const timeLinear = !(growth4MBvs100KB > 1.5 && growth4MBvs1MB > 1.15);
log(
  `time growth: ${timeLinear ? 'linear' : 'SUPERLINEAR (see node bench/profile.mjs --big 4)'} ` +
    `(ms per MB at 100 KB, 1 MB, 4 MB: ${Object.values(timeLinearity).join(', ')}; ` +
    `4 MB vs 100 KB x${growth4MBvs100KB.toFixed(2)}, vs 1 MB x${growth4MBvs1MB.toFixed(2)})`,
);

const goals = {
  atLeastAsFastAsChrono: timeVsChrono <= 1,
  fiftyTimesFasterThanCompromiseChrono: speedupVsChronoCompromise >= 50,
  memoryLinear,
  timeLinear,
};
log(
  `goals: ${Object.entries(goals).map(([k, v]) => `${k} ${v ? 'OK' : 'MISSED'}`).join(', ')}; ` +
    `bench took ${((performance.now() - benchStart) / 1000).toFixed(1)} s`,
);

console.log(
  JSON.stringify({
    mbPerSecond: round(mbPerSecond),
    timeVsChrono: round(timeVsChrono, 3),
    cpuTimeVsChrono: round(cpuTimeVsChrono, 3),
    speedupVsChronoCompromise: round(speedupVsChronoCompromise, 1),
    corpusMB: round(corpusMB),
    documents: corpus.length,
    engineSecondsMedian: round(engineSeconds, 3),
    chronoMbPerSecond: round(chronoMbPerSecond),
    chronoCompromiseMbPerSecond: round(pipelineMbPerSecond, 3),
    compromiseSubsetMB: round(subsetMB),
    memory,
    memoryLinear,
    heldAfterDropMBPerTextMB: round(heldAfterDropMBPerTextMB, 3),
    timeLinearityMsPerMB: timeLinearity,
    timeLinear,
    found,
    goals,
  }),
);
