// The engine, headless: `news-annotator export|events` over files and folders of articles.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { version } from '../package.json';
import { analyzeCorpus } from './analysis/analyze';
import { isIsoDay } from './analysis/documentDate';
import type { CorpusDocument } from './analysis/types';
import { buildExport } from './annotations/exportFormat';
import { formatEventTable, printable } from './eventTable';
import { decodeArticle } from './annotations/articleText';


const USAGE = `news-annotator ${version}

Usage:
  news-annotator export <files or folders...> [--out FILE] [--document-date YYYY-MM-DD]
  news-annotator events <files or folders...> [--document-date YYYY-MM-DD]

Folders are walked for .txt and .md files. Without --out the export goes to standard output.
--document-date sets the date that relative dates ("Monday", "last year") resolve against,
for articles that do not state their own.`;

const ARTICLE_EXTENSIONS = /\.(txt|md)$/i;

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

export function runCli(argv: string[], io: CliIo): number {
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

  let out: string | undefined;
  let documentDate: string | undefined;
  const inputs: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--out' || flag === '-o' || flag === '--document-date') {
      const value = inline ?? rest[++i];
      if (!value || (inline === undefined && value.startsWith('-'))) {
        io.stderr(`news-annotator: ${flag} needs a value\n`);
        return 2;
      }
      if (flag === '--document-date') documentDate = value;
      else out = value;
    } else if (arg.startsWith('-')) {
      io.stderr(`news-annotator: unknown option "${arg}"\n`);
      return 2;
    } else inputs.push(arg);
  }
  if (documentDate !== undefined && !isIsoDay(documentDate)) {
    io.stderr(`news-annotator: --document-date must be a calendar day as YYYY-MM-DD, got "${documentDate}"\n`);
    return 2;
  }
  if (inputs.length === 0) {
    io.stderr(`news-annotator: name at least one file or folder\n\n${USAGE}\n`);
    return 2;
  }

  const files = collectFiles(inputs, io);
  const documents: CorpusDocument[] = [];
  const texts = new Map<string, string>();
  const showProgress = files.length >= 200;
  files.forEach((file, i) => {
    if (showProgress && i % 100 === 0) io.stderr(`reading ${i}/${files.length} files\r`);
    const path = toExportPath(file, io.cwd);
    const decoded = decodeArticle(readFileSync(file));
    if (!decoded.ok) {
      io.stderr(`news-annotator: skipped ${printable(path)}: ${decoded.reason}\n`);
      return;
    }
    documents.push({ path, text: decoded.text, options: documentDate ? { documentDate } : undefined });
    texts.set(path, decoded.text);
  });
  if (documents.length === 0) {
    io.stderr('news-annotator: no article could be read\n');
    return 1;
  }
  if (showProgress) io.stderr(`analysing ${documents.length} articles\n`);
  const corpus = analyzeCorpus(documents);

  if (command === 'events') {
    io.stdout(formatEventTable(corpus.events));
    return 0;
  }
  const json = JSON.stringify(buildExport({ generator: `news-annotator ${version}`, corpus, texts }), null, 2) + '\n';
  if (out) {
    writeFileAtomically(resolve(io.cwd, out), json);
    io.stderr(`wrote ${documents.length} articles to ${out}\n`);
  } else io.stdout(json);
  return 0;
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

/** Writes through a temporary file and a rename, so a crash never leaves a half-written export. */
function writeFileAtomically(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, path);
}
