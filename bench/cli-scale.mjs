// The command line's speed-up from 1 to 2 worker threads (`--jobs`), on a generated corpus.
//   npm run build && node bench/cli-scale.mjs [--mb 16] [--rounds 5] [--seed 20240601]
// Writes a deterministic corpus (bench/corpus.mjs) to a temporary folder, then runs
// `node dist/cli.js export <folder> --out <file> --jobs N` for N = 1 and 2, interleaved round by round
// (so both see the same load on a shared machine), and reports medians of wall-clock time and of the
// child's CPU time (all its threads). Checks that both outputs are byte-identical. Last line: JSON.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(repoRoot, 'dist', 'cli.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
};
const MB = 1024 * 1024;
const targetMB = Number(arg('--mb', '16'));
const rounds = Number(arg('--rounds', '5'));
const seed = arg('--seed', '20240601');
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first');
  process.exit(1);
}

const seedDir = join(repoRoot, 'seeds');
const seedTexts = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(seedDir, f), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'na-cli-scale-'));
const corpusDir = join(work, 'corpus');
let bytes = 0;
const corpus = generateCorpus({ seedTexts, targetBytes: targetMB * MB, seed });
for (const article of corpus) {
  const file = join(corpusDir, article.path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, article.text);
  bytes += Buffer.byteLength(article.text);
}
console.log(`corpus: ${corpus.length} articles, ${(bytes / MB).toFixed(2)} MB in a temporary folder; ${availableParallelism()} CPUs`);

// The child reports its own CPU time (every thread of the process) through this preloaded hook.
const cpuHook = join(work, 'cpu-hook.cjs');
writeFileSync(
  cpuHook,
  "process.on('exit', () => { const c = process.cpuUsage(); require('node:fs').writeFileSync(process.env.NA_CPU_FILE, String((c.user + c.system) / 1e6)); });\n",
);

function runCli(jobs, out) {
  const cpuFile = join(work, `cpu-${jobs}.txt`);
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--require', cpuHook, cli, 'export', corpusDir, '--out', out, '--jobs', String(jobs)], {
    encoding: 'utf8',
    env: { ...process.env, NA_CPU_FILE: cpuFile },
  });
  const wall = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`the CLI failed with --jobs ${jobs}: ${result.stderr}`);
  return { wall, cpu: Number(readFileSync(cpuFile, 'utf8')) };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const samples = { 1: [], 2: [] };
const outputs = { 1: join(work, 'out-1.json'), 2: join(work, 'out-2.json') };
for (let round = 0; round < rounds; round++) {
  // Alternate which goes first, so neither always runs right after the other's page-cache warm-up.
  for (const jobs of round % 2 ? [2, 1] : [1, 2]) {
    const sample = runCli(jobs, outputs[jobs]);
    samples[jobs].push(sample);
    console.log(`round ${round + 1}: --jobs ${jobs}: ${sample.wall.toFixed(2)} s wall, ${sample.cpu.toFixed(2)} s CPU`);
  }
}
const identical = readFileSync(outputs[1]).equals(readFileSync(outputs[2]));
const wall1 = median(samples[1].map((s) => s.wall));
const wall2 = median(samples[2].map((s) => s.wall));
const cpu1 = median(samples[1].map((s) => s.cpu));
const cpu2 = median(samples[2].map((s) => s.cpu));
const load = loadavg()[0];
console.log(`--jobs 1: median ${wall1.toFixed(2)} s wall (${(bytes / MB / wall1).toFixed(2)} MB/s), ${cpu1.toFixed(2)} s CPU`);
console.log(`--jobs 2: median ${wall2.toFixed(2)} s wall (${(bytes / MB / wall2).toFixed(2)} MB/s), ${cpu2.toFixed(2)} s CPU`);
console.log(`speed-up from 1 to 2 workers: ${(wall1 / wall2).toFixed(2)}x; outputs identical: ${identical}; load average ${load.toFixed(1)}`);
rmSync(work, { recursive: true, force: true });
console.log(
  JSON.stringify({
    cliSpeedup2Workers: Number((wall1 / wall2).toFixed(3)),
    wallSeconds1Worker: Number(wall1.toFixed(3)),
    wallSeconds2Workers: Number(wall2.toFixed(3)),
    cpuSeconds1Worker: Number(cpu1.toFixed(3)),
    cpuSeconds2Workers: Number(cpu2.toFixed(3)),
    corpusMB: Number((bytes / MB).toFixed(2)),
    articles: corpus.length,
    rounds,
    identical,
    cpus: availableParallelism(),
    loadAverage1m: Number(load.toFixed(2)),
  }),
);
if (!identical) process.exitCode = 1;
