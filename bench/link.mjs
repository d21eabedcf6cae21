// Linking a large corpus: linkAnalyses in one piece against linkAnalysesStepwise driven step by step,
// on the analyses of a generated corpus, and linkOneAnalysis (one edited article onto an existing linking).
//   node bench/link.mjs [--mb 40] [--rounds 5] [--seed 20240601]
// The articles are analysed once (cached in .bench/, keyed by size and seed); each round links fresh copies.
// Reports medians of CPU time (process.cpuUsage, less disturbed by other jobs than wall time), the number
// of steps and the longest step (what blocks an event loop driving the generator), and checks that both
// give the same result. Last line: JSON.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { generateCorpus } from './corpus.mjs';
import { benchDir, loadBundle, readSeeds } from './lib.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
};
const mb = Number(arg('--mb', '40'));
const rounds = Number(arg('--rounds', '5'));
const seed = arg('--seed', '20240601');
const engine = await loadBundle(
  'link-engine',
  `export { analyzeDocument, linkAnalyses, linkAnalysesStepwise } from './src/analysis/analyze';
  export * from './src/analysis/entities';`,
);

// Unlinked analyses of the generated corpus, without sentences and dates (linking reads neither).
const cache = join(benchDir, `link-analyses-${mb}mb-${seed}.json`);
let analysed;
if (existsSync(cache)) analysed = JSON.parse(readFileSync(cache, 'utf8'));
else {
  const seedTexts = readSeeds().map((s) => s.text);
  const corpus = generateCorpus({ seedTexts, targetBytes: mb * 1024 * 1024, seed });
  analysed = corpus.map(({ path, text }) => {
    const analysis = engine.analyzeDocument(text);
    return { path, analysis: { ...analysis, sentences: [], dates: [] } };
  });
  writeFileSync(cache, JSON.stringify(analysed));
}
const fresh = () => structuredClone(analysed);
const officials = analysed.reduce((n, d) => n + d.analysis.officials.length, 0);
const events = analysed.reduce((n, d) => n + d.analysis.events.length, 0);
console.log(`${analysed.length} articles (${mb} MB generated), ${officials} official mentions, ${events} events; load average ${loadavg()[0].toFixed(1)}`);

const cpuMs = (fn) => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = fn();
  const c = process.cpuUsage(c0);
  return { result, cpu: (c.user + c.system) / 1000, wall: performance.now() - t0 };
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

const whole = [];
const stepwise = [];
const maxStep = [];
const maxStepCpu = [];
const stepCounts = [];
let identical = true;
for (let round = 0; round < rounds; round++) {
  // Interleaved, alternating which goes first: both see the same load.
  const order = round % 2 ? ['steps', 'whole'] : ['whole', 'steps'];
  let a;
  let b;
  for (const which of order) {
    const input = fresh();
    if (which === 'whole') {
      const run = cpuMs(() => engine.linkAnalyses(input));
      whole.push(run.cpu);
      a = run.result;
    } else {
      const steps = engine.linkAnalysesStepwise(input);
      let longest = 0;
      let longestCpu = 0;
      let count = 0;
      const run = cpuMs(() => {
        for (;;) {
          const t = performance.now();
          const c = process.cpuUsage();
          const next = steps.next();
          const used = process.cpuUsage(c);
          longest = Math.max(longest, performance.now() - t);
          longestCpu = Math.max(longestCpu, (used.user + used.system) / 1000);
          count++;
          if (next.done) return next.value;
        }
      });
      stepwise.push(run.cpu);
      maxStep.push(longest);
      maxStepCpu.push(longestCpu);
      stepCounts.push(count);
      b = run.result;
    }
  }
  if (round === 0) identical = isDeepStrictEqual(a, b);
  console.log(`round ${round + 1}: linkAnalyses ${whole.at(-1).toFixed(0)} ms CPU; stepwise ${stepwise.at(-1).toFixed(0)} ms CPU in ${stepCounts.at(-1)} steps, longest ${maxStep.at(-1).toFixed(1)} ms wall, ${maxStepCpu.at(-1).toFixed(1)} ms CPU`);
}

// Articles new to the corpus (every 50th held out of the linking) mapped onto the linking of the others at
// once: the cost per article, and how many of their official mentions get the entity a full linking of
// the whole corpus gives them.
let relinkMs;
let relinkAgreement;
{
  const heldOut = (i) => i % 50 === 25;
  const base = engine.linkAnalyses(fresh().filter((_, i) => !heldOut(i)));
  const full = engine.linkAnalyses(fresh());
  const samples = [];
  let same = 0;
  let all = 0;
  analysed.forEach((original, d) => {
    if (!heldOut(d)) return;
    const doc = structuredClone(original);
    const t = performance.now();
    engine.linkOneAnalysis(doc.analysis, base);
    samples.push(performance.now() - t);
    doc.analysis.officials.forEach((o, j) => {
      all++;
      if (o.entityId === full.documents[d].analysis.officials[j].entityId) same++;
    });
  });
  relinkMs = median(samples);
  relinkAgreement = all ? same / all : 1;
  console.log(`linkOneAnalysis on ${samples.length} new articles: median ${relinkMs.toFixed(3)} ms, max ${Math.max(...samples).toFixed(2)} ms per article; ${(100 * relinkAgreement).toFixed(2)}% of their ${all} official mentions linked as a full linking does`);
}

const summary = {
  articles: analysed.length,
  linkMsCpu: Number(median(whole).toFixed(1)),
  stepwiseMsCpu: Number(median(stepwise).toFixed(1)),
  steps: median(stepCounts),
  longestStepMs: Number(median(maxStep).toFixed(2)),
  longestStepMsCpu: Number(median(maxStepCpu).toFixed(2)),
  relinkOneMs: Number(relinkMs.toFixed(3)),
  relinkAgreement: Number(relinkAgreement.toFixed(4)),
  identical,
  loadAverage1m: Number(loadavg()[0].toFixed(2)),
};
console.log(`linkAnalyses median ${summary.linkMsCpu} ms CPU; stepwise ${summary.stepwiseMsCpu} ms CPU, ${summary.steps} steps, longest ${summary.longestStepMs} ms wall, ${summary.longestStepMsCpu} ms CPU (medians of rounds); identical: ${identical}`);
console.log(JSON.stringify(summary));
if (!identical) process.exitCode = 1;
