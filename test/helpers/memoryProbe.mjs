// Run by test/unit/memory.test.ts in a process of its own (node --expose-gc), so that nothing but
// the engine touches the heap being measured. Prints one JSON line.
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from '../../bench/corpus.mjs';

const repoRoot = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'na-memory-'));
const bundle = join(dir, 'engine.cjs');
await build({ entryPoints: [join(repoRoot, 'src/analysis/analyze.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'error' });
const { analyzeCorpus } = createRequire(import.meta.url)(bundle);
rmSync(dir, { recursive: true, force: true });

const seedTexts = readdirSync(join(repoRoot, 'seeds')).sort().map((f) => readFileSync(join(repoRoot, 'seeds', f), 'utf8'));
/** Distinct articles of about `bytes` each, joined from generated ones. */
function distinctArticles(count, bytes, seed) {
  const docs = [];
  let current = '';
  for (const p of generateCorpus({ seedTexts, targetBytes: count * bytes, seed })) {
    current += p.text + '\n\n';
    if (current.length >= bytes) {
      docs.push({ path: `doc-${docs.length}.txt`, text: current });
      current = '';
    }
  }
  return docs;
}
/**
 * The heap after a full collection, measured from a fresh turn of the event loop: measured right after a batch,
 * a stack slot left over from it can still hold the batch's articles (~11 MB), which then count as kept.
 */
async function heapAfterGc() {
  await new Promise((resolve) => setImmediate(resolve));
  for (let i = 0; i < 3; i++) globalThis.gc();
  return process.memoryUsage().heapUsed;
}

// The first batches fill the bounded caches and the reusable token buffers; from then on, each
// batch of as much distinct text must leave the heap where it was: nothing accumulates.
function analyseBatch(seed) {
  const docs = distinctArticles(12, 400_000, seed);
  const analysed = analyzeCorpus(docs).documents.length;
  return { documents: docs.length, analysed, textBytes: docs.reduce((n, d) => n + d.text.length, 0) };
}
analyseBatch('first batch');
analyseBatch('second batch');
// Five more batches, each measured; the median growth is kept: a heap figure after gc() moves by ~11 MB once in
// a while (one batch's articles held a moment longer, or let go), while text kept alive grows every batch.
const growths = [];
let result;
for (const seed of ['third batch', 'fourth batch', 'fifth batch', 'sixth batch', 'seventh batch']) {
  const before = await heapAfterGc();
  result = analyseBatch(seed);
  growths.push((await heapAfterGc()) - before);
}
const { documents, analysed, textBytes } = result;
const grownBytes = growths.sort((a, b) => a - b)[2];
if (process.env.MEMORY_PROBE_VERBOSE) console.error(growths);
console.log(JSON.stringify({ documents, analysed, textBytes, grownBytes }));
