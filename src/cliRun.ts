// The engine, headless: `news-annotator export|events` over files and folders of articles.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { version } from '../package.json';
import { analyzeCorpus } from './analysis/analyze';
import { isIsoDay } from './analysis/documentDate';
import type { CorpusAnalysis, CorpusDocument } from './analysis/types';
import { decodeArticle } from './annotations/articleText';
import { buildExport } from './annotations/exportFormat';
import { formatDocuments, formatHeader, formatTrailer, type OutputLayout, type OutputSink } from './cliOutput';
import { analyseInWorkers, type ParallelRun, type SizedFile } from './cliParallel';
import { parseShard, shardOf, type Shard } from './cliShard';
import { exportNativeDocument } from './cliWorker';
import { formatEventTable, printable } from './eventTable';


const USAGE = `news-annotator ${version}

Usage:
  news-annotator export <files or folders...> [--out FILE] [--ndjson] [--document-date YYYY-MM-DD]
                        [--jobs N] [--shard I/N]
  news-annotator events <files or folders...> [--document-date YYYY-MM-DD] [--jobs N] [--shard I/N]

Folders are walked for .txt and .md files. Without --out the export goes to standard output.
--document-date sets the date that relative dates ("Monday", "last year") resolve against,
for articles that do not state their own.
--ndjson    writes the export as one JSON object per line: a header, then one line per article,
            then one per entity and one per event (each with a "record" field saying which).
--jobs N    analyses with N worker threads (default: one per CPU, or 1 for a small input or two cores).
--shard I/N processes only the I-th of N slices of the files (1 <= I <= N); a file's slice depends
            on its path alone, so every machine running one slice agrees on the split.`;

const ARTICLE_EXTENSIONS = /\.(txt|md)$/i;
/**
 * Below this many bytes of articles the default is one thread: each worker compiles the engine again (V8
 * optimises per isolate), which a small folder does not repay. And one thread is not one core: V8's compiler
 * and garbage-collector threads keep ~1.3-1.6 cores busy beside it. Measured with bench/cli-scale.mjs on the
 * 2-core machine (2026-11-23): 2 workers 0.89x of one thread on 16 MB (one thread: 4.5 s wall, 7.2 s CPU),
 * 1.03x on 48 MB (9.1 s wall, 12.2 s CPU). So on two cores the default stays one thread up to ~48 MB; with more
 * cores the workers have cores of their own and pay from 8 MB (earlier measure: 1.3-1.7x on 8-16 MB).
 * `--jobs N` always uses N threads.
 */
const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;
const PARALLEL_MIN_BYTES_TWO_CORES = 48 * 1024 * 1024;
const MAX_JOBS = 256;
/** Output is written in pieces of about this size (fewer, larger writes). */
const WRITE_BUFFER_CHARS = 1 << 20;

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  /** The script a worker thread runs (the built CLI itself); without it the CLI runs on one thread. */
  workerScript?: string;
}

interface Options {
  command: 'export' | 'events';
  out?: string;
  documentDate?: string;
  jobs?: number;
  shard?: Shard;
  layout: OutputLayout;
  inputs: string[];
}

/** Parses the command line; a string is a usage error's message. */
function parseArguments(command: 'export' | 'events', rest: string[]): Options | string {
  const options: Options = { command, layout: 'json', inputs: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--out' || flag === '-o' || flag === '--document-date' || flag === '--jobs' || flag === '-j' || flag === '--shard') {
      const value = inline ?? rest[++i];
      if (!value || (inline === undefined && value.startsWith('-'))) return `${flag} needs a value`;
      if (flag === '--document-date') {
        if (!isIsoDay(value)) return `--document-date must be a calendar day as YYYY-MM-DD, got "${value}"`;
        options.documentDate = value;
      } else if (flag === '--jobs' || flag === '-j') {
        const jobs = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
        if (!(jobs >= 1 && jobs <= MAX_JOBS)) return `${flag} must be a whole number of worker threads from 1 to ${MAX_JOBS}, got "${value}"`;
        options.jobs = jobs;
      } else if (flag === '--shard') {
        const shard = parseShard(value);
        if (typeof shard === 'string') return shard;
        options.shard = shard;
      } else options.out = value;
    } else if (flag === '--ndjson' && inline === undefined) {
      if (command !== 'export') return '--ndjson only applies to export';
      options.layout = 'ndjson';
    } else if (arg.startsWith('-')) {
      return `unknown option "${arg}"`;
    } else options.inputs.push(arg);
  }
  return options;
}

/**
 * Runs one command; returns the exit code. Synchronous on one thread (the code is a number); with
 * worker threads (--jobs, or a large input when `io.workerScript` is given) a promise of it.
 */
export function runCli(argv: string[], io: CliIo): number | Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE + '\n');
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(version + '\n');
    return 0;
  }
  if (command !== 'export' && command !== 'events') {
    io.stderr(`news-annotator: unknown command "${command}"\n\n${USAGE}\n`);
    return 2;
  }
  const options = parseArguments(command, rest);
  if (typeof options === 'string') {
    io.stderr(`news-annotator: ${options}\n\nRun "news-annotator --help" for usage.\n`);
    return 2;
  }
  if (options.inputs.length === 0) {
    io.stderr(`news-annotator: name at least one file or folder\n\n${USAGE}\n`);
    return 2;
  }

  let files = collectFiles(options.inputs, io).map((file) => ({ file, path: toExportPath(file, io.cwd), size: sizeOf(file) }));
  const shard = options.shard;
  if (shard) files = files.filter((f) => shardOf(f.path, shard.count) === shard.index);
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  const cores = availableParallelism();
  const jobs = io.workerScript ? (options.jobs ?? (totalBytes < (cores <= 2 ? PARALLEL_MIN_BYTES_TWO_CORES : PARALLEL_MIN_BYTES) ? 1 : cores)) : 1;
  const generator = `news-annotator ${version}`;
  const skipped = (path: string, reason: string) => io.stderr(`news-annotator: skipped ${printable(path)}: ${reason}\n`);

  if (jobs > 1) {
    if (files.length >= 200) io.stderr(`analysing ${files.length} files with ${jobs} worker threads\n`);
    return runInWorkers(options, io, files, jobs, generator, skipped);
  }

  // One thread: analyzeCorpus over everything, as the extension does (and synchronously, as before --jobs).
  const documents: CorpusDocument[] = [];
  const texts = new Map<string, string>();
  const showProgress = files.length >= 200;
  files.forEach(({ file, path }, i) => {
    if (showProgress && i % 100 === 0) io.stderr(`reading ${i}/${files.length} files\r`);
    const decoded = decodeArticle(readFileSync(file));
    if (!decoded.ok) return skipped(path, decoded.reason);
    documents.push({ path, text: decoded.text, options: options.documentDate ? { documentDate: options.documentDate } : undefined });
    texts.set(path, decoded.text);
  });
  if (showProgress && documents.length > 0) io.stderr(`analysing ${documents.length} articles\n`);
  const corpus = analyzeCorpus(documents);
  const result = writeResult(options, io, corpus, texts, generator, (write) =>
    corpus.documents.forEach(({ path, analysis }, i) =>
      write(formatDocuments([exportNativeDocument(path, analysis, texts.get(path)!)], options.layout, i === 0)),
    ),
  );
  if (typeof result !== 'number') throw new Error('the one-thread export is synchronous');
  return result;
}

/** The same as the one-thread path, split across worker threads (see cliParallel). */
async function runInWorkers(
  options: Options,
  io: CliIo,
  files: SizedFile[],
  jobs: number,
  generator: string,
  skipped: (path: string, reason: string) => void,
): Promise<number> {
  let run: ParallelRun;
  try {
    run = await analyseInWorkers(files, { jobs, workerScript: io.workerScript!, documentDate: options.documentDate, onSkipped: skipped });
  } catch (error) {
    io.stderr(`news-annotator: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  try {
    return await writeResult(options, io, run.corpus, run.codePointTexts, generator, (write) => run.writeDocuments(options.layout, write));
  } finally {
    await run.close();
  }
}

/**
 * Prints the events table or writes the export: header, documents (written by `writeDocuments`, at once
 * or asynchronously), then entities and events. Synchronous when `writeDocuments` is.
 */
function writeResult(
  options: Options,
  io: CliIo,
  corpus: CorpusAnalysis,
  /** The texts, or stand-ins that count code points the same (the events' sources need them). */
  texts: ReadonlyMap<string, string>,
  generator: string,
  writeDocuments: (write: (text: string) => void) => Promise<void> | void,
): number | Promise<number> {
  if (corpus.documents.length === 0) {
    io.stderr('news-annotator: no article could be read\n');
    return 1;
  }
  if (options.command === 'events') {
    io.stdout(formatEventTable(corpus.events));
    return 0;
  }
  const sink: OutputSink = options.out ? fileSink(resolve(io.cwd, options.out)) : { write: io.stdout, close: () => {}, abort: () => {} };
  const fail = (error: unknown) => {
    sink.abort();
    io.stderr(`news-annotator: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  };
  let buffer = '';
  const write = (text: string) => {
    buffer += text;
    if (buffer.length >= WRITE_BUFFER_CHARS) {
      sink.write(buffer);
      buffer = '';
    }
  };
  const finish = () => {
    // Entities and events as buildExport gives them, without the documents (written already).
    const { entities, events } = buildExport({ generator, corpus: { ...corpus, documents: [] }, texts });
    write(formatTrailer(entities, events, options.layout));
    sink.write(buffer);
    sink.close();
    if (options.out) io.stderr(`wrote ${corpus.documents.length} articles to ${options.out}\n`);
    return 0;
  };
  try {
    write(formatHeader(generator, options.layout));
    const pending = writeDocuments(write);
    if (pending) return pending.then(finish).catch(fail);
    return finish();
  } catch (error) {
    return fail(error);
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function collectFiles(inputs: string[], io: CliIo): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && ARTICLE_EXTENSIONS.test(entry.name)) files.push(full);
    }
  };
  for (const input of inputs) {
    const full = resolve(io.cwd, input);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      io.stderr(`news-annotator: skipped ${input}: no such file or folder\n`);
      continue;
    }
    if (stat.isDirectory()) walk(full);
    else files.push(full);
  }
  return [...new Set(files)];
}

function toExportPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return (rel.startsWith('..') ? file : rel).split(sep).join('/');
}

/**
 * The --out file, written through a temporary file beside it and a rename, so a crash never leaves a
 * half-written export; the pieces are appended as they come, so the whole export is never in memory.
 */
function fileSink(path: string): OutputSink {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, '');
  return {
    write: (text) => writeFileSync(temp, text, { flag: 'a' }),
    close: () => renameSync(temp, path),
    abort: () => rmSync(temp, { force: true }),
  };
}
