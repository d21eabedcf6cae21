// Typing in a 1 MB article: the time of an incremental update (IncrementalAnalyzer) after a one-word edit,
// next to the full analysis (analyzeDocument) of the same text, in one process, interleaved.
//
// The article: the benchmark corpus (bench/corpus.mjs) run together into one long article, articles and
// paragraphs parted by blank lines. Edits: a word typed before a random word, the word deleted again, a
// letter typed in a word (like keystrokes after the debounce), at random places (seeded).
//
// Options: --mb <n> article size (default 1), --edits <n> (default 60), --seed <s>, --full-rounds <n> (default 5).
// Prints medians and p90 of wall and CPU time, the share of updates answered exactly, and the characters
// analysed per update; the last line is one JSON object.
import { createRng, generateCorpus } from './corpus.mjs';
import { loadBundle, readSeeds } from './lib.mjs';

function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}
const mb = Number(argValue('--mb', '1'));
const editCount = Number(argValue('--edits', '60'));
const seed = argValue('--seed', '20261122');
const fullRounds = Number(argValue('--full-rounds', '5'));

const { analyzeDocument, IncrementalAnalyzer } = await loadBundle(
  'keystroke-engine',
  "export { analyzeDocument } from './src/analysis/analyze'; export { IncrementalAnalyzer } from './src/analysis/incremental';",
);

const seedTexts = readSeeds().map((s) => s.text);
const article = generateCorpus({ seedTexts, targetBytes: mb * 1024 * 1024, seed })
  .map((a) => a.text.trim())
  .join('\n\n');

/** Wall and CPU milliseconds of one call. */
function timed(f) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, wall, cpu: (cpu.user + cpu.system) / 1000 };
}
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const round1 = (x) => Math.round(x * 10) / 10;

const rng = createRng(`${seed}:edits`);
const WORDS = ['very', 'also', 'reportedly', 'again', 'quietly', 'nonetheless', 'still', 'then'];
/** The start of a random word. */
function randomWordStart(text) {
  for (;;) {
    const at = rng.int(1, text.length - 2);
    const i = text.indexOf(' ', at);
    if (i > 0 && i + 1 < text.length && /\w/.test(text[i + 1])) return i + 1;
  }
}

const incremental = new IncrementalAnalyzer({ fallback: 'splice' });
const first = timed(() => incremental.update(article));
console.log(`article: ${article.length} characters (${(article.length / 1048576).toFixed(2)} M); first analysis ${round1(first.wall)} ms`);

const fullWall = [];
const fullCpu = [];
const incWall = [];
const incCpu = [];
const analysed = [];
let exact = 0;
const reasons = new Map();
let text = article;
const editsPerRound = Math.ceil(editCount / fullRounds);
for (let round = 0; round < fullRounds; round++) {
  // Interleaved: a full analysis of the current text, then a batch of incremental updates.
  const full = timed(() => analyzeDocument(text));
  fullWall.push(full.wall);
  fullCpu.push(full.cpu);
  for (let k = 0; k < editsPerRound && incWall.length < editCount; k++) {
    const at = randomWordStart(text);
    const kind = rng.int(0, 2);
    if (kind === 0) text = `${text.slice(0, at)}${rng.pick(WORDS)} ${text.slice(at)}`;
    else if (kind === 1) text = text.slice(0, at) + text.slice(text.indexOf(' ', at) + 1);
    else text = `${text.slice(0, at + 1)}e${text.slice(at + 1)}`;
    const r = timed(() => incremental.update(text));
    incWall.push(r.wall);
    incCpu.push(r.cpu);
    analysed.push(r.value.analysedChars);
    if (r.value.exact) exact++;
    else {
      for (const reason of (r.value.reason ?? '').split('; ')) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      // The background full analysis the extension would run, handed back (not timed as an update).
      incremental.replace(text, analyzeDocument(text));
    }
  }
}

const summary = {
  articleChars: article.length,
  updates: incWall.length,
  exactShare: round1((100 * exact) / incWall.length),
  incrementalMs: { medianWall: round1(quantile(incWall, 0.5)), p90Wall: round1(quantile(incWall, 0.9)), medianCpu: round1(quantile(incCpu, 0.5)), p90Cpu: round1(quantile(incCpu, 0.9)) },
  fullMs: { medianWall: round1(quantile(fullWall, 0.5)), medianCpu: round1(quantile(fullCpu, 0.5)) },
  analysedChars: { median: quantile(analysed, 0.5), p90: quantile(analysed, 0.9), medianPercentOfText: Math.round((10000 * quantile(analysed, 0.5)) / article.length) / 100 },
};
console.log(`incremental update: median ${summary.incrementalMs.medianWall} ms, p90 ${summary.incrementalMs.p90Wall} ms (CPU median ${summary.incrementalMs.medianCpu}, p90 ${summary.incrementalMs.p90Cpu})`);
console.log(`full analysis:      median ${summary.fullMs.medianWall} ms (CPU ${summary.fullMs.medianCpu})`);
console.log(`exact: ${exact}/${incWall.length} (${summary.exactShare}%); characters analysed per update: median ${summary.analysedChars.median} (${summary.analysedChars.medianPercentOfText}% of the text), p90 ${summary.analysedChars.p90}`);
if (reasons.size) console.log('not exact because:', [...reasons].sort((a, b) => b[1] - a[1]));
console.log(JSON.stringify(summary));
