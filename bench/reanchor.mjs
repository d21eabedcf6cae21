#!/usr/bin/env node
// Re-anchoring rate after realistic rewrites of the seed articles (issue 5, "No tag is ever lost").
// Bundles test/helpers/rewrites.ts (the generator test/unit/reanchorRewrites.test.ts checks) and runs it:
// tags a reader would make on each seed, then 1 to 4 rewrites (paragraphs inserted, removed, reordered,
// typos fixed, lines re-wrapped, CRLF/LF swapped, a BOM added, quotes retyped, words changed), every
// character tracked by identity. A tag counts as correct when it lands on its surviving text (boundaries
// within two characters) or is detached when all its text was deleted.
// Prints a line per scenario on stderr and, last, one JSON line on stdout with `reanchorRate`.
// Options: --trials N (default 300) --seed N (default 90001, the test's draw).
import { loadBundle, readSeeds } from './lib.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const trials = option('trials', 300);
const seed = option('seed', 90_001);

const { runRewrites, summarize } = await loadBundle('rewrites', "export * from './test/helpers/rewrites';");
const articles = readSeeds();

function measure(label, run) {
  const t0 = performance.now();
  const outcome = runRewrites({ articles, ...run });
  const ms = performance.now() - t0;
  const s = summarize(outcome);
  console.error(
    `${label.padEnd(34)} ${(100 * s.reanchorRate).toFixed(2).padStart(6)}% of ${String(s.tags).padStart(5)} tags on their text, ` +
      `${(100 * s.exactBoundaryRate).toFixed(2)}% exact, ${s.lost} lost, misses ${s.detachedMisses} detached / ${s.wrongAttached} on other text ` +
      `(${s.onCopy} on a copy), ${s.deleted} deleted; ${(ms / s.tags).toFixed(3)} ms per tag`,
  );
  return { ...s, msPerTag: Math.round((1000 * ms) / s.tags) / 1000 };
}

const mixed = measure('random rewrites (1-4 per article)', { trials, seed });
const crlf = measure('same, articles saved with CRLF', { trials: Math.ceil(trials / 2), seed: seed + 1_000_000, crlf: true });
const all = measure('every rewrite at once', { trials: Math.ceil(trials / 5), seed: seed + 2_000_000, all: true });
const lost = mixed.lost + crlf.lost + all.lost;

console.log(
  JSON.stringify({
    reanchorRate: mixed.reanchorRate,
    reanchorExactBoundaryRate: mixed.exactBoundaryRate,
    reanchorTags: mixed.tags,
    reanchorLost: lost,
    reanchorWrongAttached: mixed.wrongAttached,
    reanchorRateCrlf: crlf.reanchorRate,
    reanchorRateAllRewrites: all.reanchorRate,
    reanchorMsPerTag: mixed.msPerTag,
    trials,
    seed,
  }),
);
if (lost > 0 || mixed.reanchorRate < 0.98) process.exitCode = 1;
