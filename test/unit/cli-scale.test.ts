// The command line on large folders: worker threads (--jobs), NDJSON (--ndjson) and slices (--shard).
// Runs the built CLI (npm test builds it first) as a batch system would.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.mjs';
import { analyzeCorpus, analyzeDocument } from '../../src/analysis/analyze';
import { buildExport, codePointCounter } from '../../src/annotations/exportFormat';
import { formatDocuments, formatHeader, formatTrailer } from '../../src/cliOutput';
import { parseShard, shardOf } from '../../src/cliShard';
import { sha256Hex } from '../../src/annotations/sha256';
import { analyzeChunk, codePointStandIn, exportNativeDocument, surrogatePairEnds } from '../../src/cliWorker';
import { hashText } from '../../src/vscode/textHash';
import { schemaErrors } from '../helpers/schema';
import { loadSeeds, repoRoot } from '../helpers/seeds';

const cli = join(repoRoot, 'dist', 'cli.js');

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}
const runs = new Map<string, Promise<RunResult>>();

/**
 * Runs the CLI without blocking this test worker (a blocked worker misses vitest's heartbeats); the same
 * command in the same folder runs once and its result is shared, since several tests compare with it.
 */
function run(args: string[], cwd = repoRoot): Promise<RunResult> {
  const key = JSON.stringify([cwd, args]);
  let result = runs.get(key);
  if (!result) {
    result = new Promise((resolve) =>
      execFile(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
      ),
    );
    runs.set(key, result);
  }
  return result;
}

/** A generated folder of about 700 KB: several chunks of files, so two workers both get some. */
let generatedDir = '';
let generatedCount = 0;

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  generatedDir = mkdtempSync(join(tmpdir(), 'na-cli-scale-'));
  const corpus = generateCorpus({ seedTexts: loadSeeds().map((s) => s.text), targetBytes: 700 * 1024, seed: 'cli-scale' });
  for (const article of corpus) {
    const file = join(generatedDir, 'articles', article.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, article.text);
  }
  // A file the workers must skip, by name, like the single-threaded path does.
  writeFileSync(join(generatedDir, 'articles', 'broken.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
  // Characters outside the BMP before an event: code-point offsets differ from UTF-16 ones.
  writeFileSync(
    join(generatedDir, 'articles', 'emoji.txt'),
    '\u{1F30F}\u{1F91D} TOKYO, March 3, 2024 — Foreign Minister Anna Lee met Prime Minister Kenji Mori in Tokyo on Monday.\n',
  );
  generatedCount = corpus.length + 1;
});

type Exported = ReturnType<typeof buildExport>;

describe('--jobs', () => {
  it('gives byte-identical exports and event tables with 1 and 2 workers on the seeds', async () => {
    const one = await run(['export', 'seeds', '--jobs', '1']);
    const two = await run(['export', 'seeds', '--jobs', '2']);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    // And both are exactly what the library's export gives, as the CLI wrote it before --jobs existed.
    const corpus = analyzeCorpus(loadSeeds());
    const texts = new Map(loadSeeds().map((s) => [s.path, s.text]));
    const generator = (JSON.parse(one.stdout) as Exported).generator;
    expect(one.stdout).toBe(JSON.stringify(buildExport({ generator, corpus, texts }), null, 2) + '\n');
    expect((await run(['events', 'seeds', '--jobs', '2'])).stdout).toBe((await run(['events', 'seeds', '--jobs', '1'])).stdout);
  });

  it('gives byte-identical exports with 1 and 2 workers on a generated folder, entities and events linked across it', async () => {
    const one = await run(['export', 'articles', '--jobs', '1'], generatedDir);
    const two = await run(['export', 'articles', '--jobs=2'], generatedDir);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toContain('skipped articles/broken.txt: the file is binary, not text');
    const exported = JSON.parse(two.stdout) as Exported;
    expect(schemaErrors(exported)).toEqual([]);
    expect(exported.documents).toHaveLength(generatedCount);
    // Linked across documents analysed by different workers: some entity is mentioned in several files.
    const filesOf = new Map<string, Set<string>>();
    for (const d of exported.documents)
      for (const a of d.annotations) if (a.kind === 'official') (filesOf.get(a.entityId) ?? filesOf.set(a.entityId, new Set()).get(a.entityId)!).add(d.path);
    expect(Math.max(...[...filesOf.values()].map((s) => s.size))).toBeGreaterThan(1);
    expect(exported.events.some((e) => new Set(e.sources.map((s) => s.path)).size > 1)).toBe(true);
    const emojiSource = exported.events.flatMap((e) => e.sources).find((s) => s.path === 'articles/emoji.txt');
    expect(emojiSource).toBeDefined();
    expect(emojiSource!.end).toBeGreaterThan(4);
    expect(emojiSource!.codePointEnd).toBe(emojiSource!.end - 2);
    const events = await run(['events', 'articles', '-j', '2'], generatedDir);
    expect(events.stdout).toBe((await run(['events', 'articles', '-j', '1'], generatedDir)).stdout);
  });
});

/** Reassembles NDJSON lines into the plain export's shape. */
function fromNdjson(text: string): Exported {
  expect(text.endsWith('\n')).toBe(true);
  const records = text.slice(0, -1).split('\n').map((line) => JSON.parse(line) as { record: string } & Record<string, unknown>);
  const strip = ({ record: _, ...rest }: { record: string }) => rest;
  const [header, ...rest] = records;
  expect(header!.record).toBe('header');
  // Documents first, then entities, then events.
  const order = rest.map((r) => ['document', 'entity', 'event'].indexOf(r.record));
  expect(order.every((k) => k >= 0)).toBe(true);
  expect(order).toEqual([...order].sort((a, b) => a - b));
  return {
    ...strip(header!),
    documents: rest.filter((r) => r.record === 'document').map(strip),
    entities: rest.filter((r) => r.record === 'entity').map(strip),
    events: rest.filter((r) => r.record === 'event').map(strip),
  } as unknown as Exported;
}

describe('--ndjson', () => {
  it('writes one JSON object per line that together are the plain export, with 1 and 2 workers', async () => {
    const plain = JSON.parse((await run(['export', 'articles', '--jobs', '1'], generatedDir)).stdout) as Exported;
    for (const jobs of ['1', '2']) {
      const { code, stdout } = await run(['export', 'articles', '--ndjson', '--jobs', jobs], generatedDir);
      expect(code).toBe(0);
      const lines = stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(1 + plain.documents.length + plain.entities.length + plain.events.length);
      expect(fromNdjson(stdout)).toEqual(plain);
    }
  });

  it('writes --out atomically, and is refused for the events table', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'na-cli-')), 'out', 'seeds.ndjson');
    const { code, stderr } = await run(['export', 'seeds', '--ndjson', '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toContain('wrote 5 articles');
    const exported = fromNdjson(readFileSync(out, 'utf8'));
    expect(exported).toEqual(JSON.parse((await run(['export', 'seeds'])).stdout));
    expect(schemaErrors(exported)).toEqual([]);
    const events = await run(['events', 'seeds', '--ndjson']);
    expect(events.code).toBe(2);
    expect(events.stderr).toContain('--ndjson only applies to export');
  });
});

describe('--shard', () => {
  it('splits the files into disjoint slices that together cover every file', async () => {
    const all = (JSON.parse((await run(['export', 'articles'], generatedDir)).stdout) as Exported).documents.map((d) => d.path);
    const slices = await Promise.all(
      [1, 2, 3].map(async (i) =>
        fromNdjson((await run(['export', 'articles', '--ndjson', '--shard', `${i}/3`], generatedDir)).stdout).documents.map((d) => d.path),
      ),
    );
    slices.forEach((slice) => expect(slice.length).toBeGreaterThan(all.length / 6));
    const union = slices.flat();
    expect(new Set(union).size).toBe(union.length);
    expect([...union].sort()).toEqual([...all].sort());
    expect((await run(['export', 'articles', '--shard', '1/1'], generatedDir)).stdout).toBe((await run(['export', 'articles'], generatedDir)).stdout);
  });

  it('puts a file in a slice by its own path, whatever the other files are', () => {
    const paths = Array.from({ length: 400 }, (_, i) => `archive/2024/${String(i).padStart(4, '0')}-story.txt`);
    const slices = paths.map((p) => shardOf(p, 4));
    expect(new Set(slices)).toEqual(new Set([1, 2, 3, 4]));
    for (let s = 1; s <= 4; s++) expect(slices.filter((x) => x === s).length).toBeGreaterThan(60);
    expect(paths.map((p) => shardOf(p, 4))).toEqual(slices);
    expect(shardOf('a/b.txt', 1)).toBe(1);
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
  });
});

describe('bad --jobs and --shard values', () => {
  it.each([
    [['--jobs', '0'], '--jobs must be a whole number of worker threads from 1 to 256, got "0"'],
    [['--jobs', 'many'], 'got "many"'],
    [['--jobs=1.5'], 'got "1.5"'],
    [['--jobs', '1000'], 'from 1 to 256, got "1000"'],
    [['--jobs'], '--jobs needs a value'],
    [['--jobs', '-2'], '--jobs needs a value'],
    [['--shard', '0/3'], '--shard: i must be between 1 and 3, got "0/3"'],
    [['--shard', '4/3'], '--shard: i must be between 1 and 3, got "4/3"'],
    [['--shard', '1/0'], '--shard: the number of slices must be at least 1'],
    [['--shard', '2'], '--shard must be i/n, e.g. 2/8'],
    [['--shard=a/b'], '--shard must be i/n'],
    [['--ndjson=yes'], 'unknown option "--ndjson=yes"'],
  ])('%j is a usage error', async (flags, message) => {
    const { code, stdout, stderr } = await run(['export', 'seeds', ...flags]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });
});

describe('the streamed plain export', () => {
  it('is byte for byte JSON.stringify(export, null, 2), empty entity and event lists included', () => {
    const seeds = loadSeeds().slice(0, 2);
    const corpus = analyzeCorpus(seeds);
    const texts = new Map(seeds.map((s) => [s.path, s.text]));
    for (const variant of [corpus, { ...corpus, entities: [], events: [] }]) {
      const exported = buildExport({ generator: 'test 1.0.0', corpus: variant, texts });
      const streamed =
        formatHeader('test 1.0.0', 'json') +
        formatDocuments(exported.documents.slice(0, 1), 'json', true) +
        formatDocuments(exported.documents.slice(1), 'json', false) +
        formatTrailer(exported.entities, exported.events, 'json');
      expect(streamed).toBe(JSON.stringify(exported, null, 2) + '\n');
    }
  });
});

describe('the CLI\'s own document export', () => {
  it('is buildExport\'s document, key order and hash included, on generated and awkward articles', () => {
    const texts = generateCorpus({ seedTexts: loadSeeds().map((s) => s.text), targetBytes: 120 * 1024, seed: 'export-doc' }).map((a) => a.text);
    texts.push(
      '\u{1F30F} TOKYO, March 3, 2024 \r\n— Foreign Minister Anna Lee met Prime Minister Kenji Mori on Monday. "Good," Lee said.\r\n',
      'A lone \uD83D surrogate and another \uDC00 one: President Joe Bloggs said so on Friday.',
      '',
    );
    const documents = texts.map((text, i) => ({ path: `dir/${i}.txt`, text }));
    const corpus = analyzeCorpus(documents);
    const exported = buildExport({ generator: 'g', corpus, texts: new Map(documents.map((d) => [d.path, d.text])) });
    corpus.documents.forEach(({ path, analysis }, i) => {
      expect(JSON.stringify(exportNativeDocument(path, analysis, documents[i]!.text))).toBe(JSON.stringify(exported.documents[i]));
    });
    expect(hashText('a \uD800 b')).toBe(sha256Hex('a \uD800 b'));
  });
});

describe('the workers\' batch analysis', () => {
  it('gives each article what analyzeDocument gives it, with and without a document date', () => {
    const texts = [
      ...loadSeeds().map((s) => s.text),
      ...generateCorpus({ seedTexts: loadSeeds().map((s) => s.text), targetBytes: 600 * 1024, seed: 'batch' }).map((a) => a.text),
      '',
      'Monday: President Ana Souza of Brazil met Chancellor Olaf Berg in Brasília. "We agree," Souza said.',
    ];
    expect(analyzeChunk(texts)).toEqual(texts.map((t) => analyzeDocument(t)));
    const options = { documentDate: '2021-02-03' };
    expect(analyzeChunk(texts.slice(-3), options)).toEqual(texts.slice(-3).map((t) => analyzeDocument(t, options)));
  });
});

describe('code points without the texts', () => {
  it('a stand-in counts code points like the text it stands for, at every offset', () => {
    for (const text of ['plain news, no pairs', '\u{1F30F} Tokyo \u{1F91D}\u{1F91D} talks', '\uDC00 lone \uD800 halves \u{1D400}x', 'ends with \u{1F30F}']) {
      const original = codePointCounter(text);
      const standIn = codePointCounter(codePointStandIn(surrogatePairEnds(text)));
      for (let offset = 0; offset <= text.length; offset++) expect(standIn(offset)).toBe(original(offset));
    }
  });
});
