// Where the engine spends its time (`node bench/profile.mjs [--mb 10] [--top 25] [--big 4]`).
// 1. Times each pipeline stage of analyzeDocument separately over the benchmark corpus (MB/s per stage).
// 2. CPU-profiles analyzeCorpus and lists the functions with the most self time, mapped back to
//    src/ file:line through the bundle's source map. The raw profile is written to
//    .bench/engine.cpuprofile (open it in Chrome DevTools > Performance, or VS Code).
//    With --big <MB>, profiles analyzeDocument on one document of that size instead (superlinear parts).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createRequire, findSourceMap } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const scriptPath = fileURLToPath(import.meta.url);
if (!process.execArgv.includes('--enable-source-maps')) {
  const child = spawnSync(process.execPath, ['--enable-source-maps', ...process.execArgv, scriptPath, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(child.status ?? 1);
}

const repoRoot = resolve(dirname(scriptPath), '..');
const MB = 1024 * 1024;
const argValue = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
};
const corpusMBTarget = Number(argValue('--mb', '10'));
const topN = Number(argValue('--top', '25'));
const bigMB = Number(argValue('--big', '0'));

const { generateCorpus } = await import('./corpus.mjs');
const esbuild = await import('esbuild');

// Bundle the stage functions too, so each can be timed on its own, in the order analyzeDocument calls them.
const benchDir = join(repoRoot, '.bench');
mkdirSync(benchDir, { recursive: true });
const enginePath = join(benchDir, 'engine-profile.cjs');
await esbuild.build({
  stdin: {
    contents: [
      "export { analyzeCorpus, analyzeDocument } from './analyze';",
      "export { splitSentences } from './sentences';",
      "export { findDates } from './dates';",
      "export { findOfficials } from './officials';",
      "export { analyzeQuotes } from './quotes';",
      "export { findClaims } from './claims';",
      "export { findEvents } from './events';",
    ].join('\n'),
    resolveDir: join(repoRoot, 'src/analysis'),
    sourcefile: 'bench-entry.ts',
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  outfile: enginePath,
  logLevel: 'warning',
});
const engine = createRequire(import.meta.url)(enginePath);

const seedDir = join(repoRoot, 'seeds');
const seedTexts = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(seedDir, f), 'utf8'));
const corpus = generateCorpus({ seedTexts, targetBytes: corpusMBTarget * MB, seed: '20240601' });
const corpusMB = corpus.reduce((s, d) => s + Buffer.byteLength(d.text, 'utf8'), 0) / MB;
const engineDocs = corpus.map((d) => ({ path: d.path, text: d.text, options: { documentDate: d.documentDate } }));
console.log(`corpus: ${corpusMB.toFixed(2)} MB, ${corpus.length} documents`);

// --- 1. Per-stage timing ------------------------------------------------------------------------------
const STAGES = ['splitSentences', 'findDates', 'findOfficials', 'findQuotes', 'findClaims', 'findEvents'];
function timeStages(docs = corpus) {
  const totals = Object.fromEntries(STAGES.map((s) => [s, 0]));
  const clock = (stage, fn) => {
    const t0 = performance.now();
    const r = fn();
    totals[stage] += performance.now() - t0;
    return r;
  };
  for (const d of docs) {
    const text = d.text;
    const documentDate = d.documentDate;
    const sentences = clock('splitSentences', () => engine.splitSentences(text));
    const dates = clock('findDates', () => engine.findDates(text, documentDate));
    const officials = clock('findOfficials', () => engine.findOfficials(text));
    const quoteAnalysis = clock('findQuotes', () => engine.analyzeQuotes(text, sentences, officials));
    clock('findClaims', () => engine.findClaims(text, sentences, quoteAnalysis));
    clock('findEvents', () => engine.findEvents(text, { sentences, officials, dates, documentDate }));
  }
  return totals;
}
timeStages(); // warm-up
const stageRuns = [timeStages(), timeStages(), timeStages()];
const medianOf = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const stageMs = Object.fromEntries(STAGES.map((s) => [s, medianOf(stageRuns.map((r) => r[s]))]));
const stageTotal = Object.values(stageMs).reduce((a, b) => a + b, 0);
console.log('\nper-stage time over the corpus (median of 3, after a warm-up):');
for (const s of STAGES) {
  const ms = stageMs[s];
  console.log(
    `  ${s.padEnd(15)} ${ms.toFixed(0).padStart(7)} ms  ${((100 * ms) / stageTotal).toFixed(1).padStart(5)}%  ` +
      `${(corpusMB / (ms / 1000)).toFixed(1).padStart(8)} MB/s`,
  );
}
const linkStart = performance.now();
engine.analyzeCorpus(engineDocs);
const corpusMs = performance.now() - linkStart;
console.log(
  `  analyzeCorpus total ${corpusMs.toFixed(0)} ms (${(corpusMB / (corpusMs / 1000)).toFixed(1)} MB/s); ` +
    `stages sum ${stageTotal.toFixed(0)} ms, so linking + merging ~${Math.max(0, corpusMs - stageTotal).toFixed(0)} ms`,
);

// Per-stage ms per MB on one big document: a stage whose figure grows with the size is superlinear.
const bigDocument = (targetBytes) => {
  const parts = [];
  for (let i = 0, bytes = 0; bytes < targetBytes; i = (i + 1) % corpus.length) {
    parts.push(corpus[i].text);
    bytes += Buffer.byteLength(corpus[i].text, 'utf8') + 2;
  }
  return { text: parts.join('\n\n'), documentDate: corpus[0].documentDate };
};
console.log('\nper-stage ms per MB on one single document of growing size (equal figures = linear):');
console.log(`  ${'size'.padEnd(6)} ${STAGES.map((s) => s.padStart(15)).join('')}`);
for (const [label, bytes] of [['100KB', 100 * 1024], ['1MB', MB], ['4MB', 4 * MB]]) {
  const doc = bigDocument(bytes);
  const docMB = Buffer.byteLength(doc.text, 'utf8') / MB;
  timeStages([doc]); // warm-up on this shape of input
  const runs = [timeStages([doc]), timeStages([doc]), timeStages([doc])];
  const cells = STAGES.map((s) => (medianOf(runs.map((r) => r[s])) / docMB).toFixed(0).padStart(15));
  console.log(`  ${label.padEnd(6)} ${cells.join('')}`);
}

// --- 2. CPU profile ----------------------------------------------------------------------------------------
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 250 });
await session.post('Profiler.start');
if (bigMB > 0) {
  // Profile one big document instead: shows what grows faster than the input.
  const doc = bigDocument(bigMB * MB);
  engine.analyzeDocument(doc.text, { documentDate: doc.documentDate });
} else {
  for (let i = 0; i < 3; i++) engine.analyzeCorpus(engineDocs);
}
const { profile } = await session.post('Profiler.stop');
session.disconnect();
const profilePath = join(benchDir, 'engine.cpuprofile');
writeFileSync(profilePath, JSON.stringify(profile));

// Self time per node from the sample stream, then grouped per function (name + source location).
const selfMicros = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const sourceMap = findSourceMap(enginePath);
const locate = (frame) => {
  if (!frame.url || !frame.url.includes('engine-profile.cjs')) return frame.url ? frame.url.replace(/^.*node_modules\//, '') : '';
  const entry = sourceMap?.findEntry(frame.lineNumber, frame.columnNumber);
  if (!entry || !entry.originalSource) return `bundle:${frame.lineNumber + 1}`;
  const source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : entry.originalSource;
  return `${relative(repoRoot, resolve(dirname(enginePath), source))}:${entry.originalLine + 1}`;
};
const byFunction = new Map();
let totalMicros = 0;
for (const node of profile.nodes) {
  const micros = selfMicros.get(node.id) ?? 0;
  if (micros === 0) continue;
  totalMicros += micros;
  const name = node.callFrame.functionName || '(anonymous)';
  const key = `${name} ${locate(node.callFrame)}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
}
// Idle time, and the inspector's own message dispatch (profiler overhead), are not the engine's.
const idleKeys = [...byFunction.keys()].filter((k) => k.startsWith('(idle)') || k.startsWith('(program)') || k === 'dispatch ');
console.log(`\nCPU profile of ${bigMB > 0 ? `analyzeDocument on one ${bigMB} MB document` : 'analyzeCorpus x3'} (${(totalMicros / 1000).toFixed(0)} ms sampled), top ${topN} self time:`);
console.log('  (regex matching is charged to the function that calls exec/test/match/replace; "(garbage collector)" is GC)');
const rows = [...byFunction.entries()].filter(([k]) => !idleKeys.includes(k)).sort((a, b) => b[1] - a[1]).slice(0, topN);
for (const [key, micros] of rows) {
  console.log(`  ${((100 * micros) / totalMicros).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${key}`);
}
// Inclusive time (self + callees) per function, counting a recursive function once per stack,
// and the callers that account for the self time of the hottest functions.
const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
const keyOf = (n) => `${n.callFrame.functionName || '(anonymous)'} ${locate(n.callFrame)}`;
const inclusive = new Map();
const callers = new Map();
for (const [id, micros] of selfMicros) {
  const seen = new Set();
  for (let cur = nodeById.get(id); cur; cur = nodeById.get(parentOf.get(cur.id))) {
    const key = keyOf(cur);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + micros);
  }
  const node = nodeById.get(id);
  const parent = nodeById.get(parentOf.get(id));
  if (node && parent) {
    const key = keyOf(node);
    const byCaller = callers.get(key) ?? new Map();
    byCaller.set(keyOf(parent), (byCaller.get(keyOf(parent)) ?? 0) + micros);
    callers.set(key, byCaller);
  }
}
console.log(`\ntop ${topN} inclusive time (self + callees) in src/:`);
const inclusiveRows = [...inclusive.entries()].filter(([k]) => k.includes(' src/')).sort((a, b) => b[1] - a[1]).slice(0, topN);
for (const [key, micros] of inclusiveRows) {
  console.log(`  ${((100 * micros) / totalMicros).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${key}`);
}
console.log('\nmain callers of the 10 hottest functions (share of their self time):');
for (const [key, micros] of rows.slice(0, 10)) {
  const byCaller = [...(callers.get(key) ?? new Map()).entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
  const list = byCaller.map(([c, m]) => `${c} ${((100 * m) / micros).toFixed(0)}%`).join('; ');
  console.log(`  ${key}\n      <- ${list || '(none)'}`);
}

console.log(`\nraw profile: ${relative(repoRoot, profilePath)}`);
