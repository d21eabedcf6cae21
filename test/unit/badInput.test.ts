// Bad input through the paths a user takes: the built command line over a folder holding every kind of bad
// file (what it prints, and that the good articles are all still exported, exactly), and the tags file and
// import readers whose reasons the extension shows in its notifications.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnnotationsExport } from '../../src/annotations/exportFormat';
import { parseTagFile, serializeTagFile } from '../../src/annotations/tagFile';
import type { Tag } from '../../src/annotations/tags';
import { parseAnnotationsImport } from '../../src/annotations/w3c';
import { schemaErrors } from '../helpers/schema';
import { repoRoot } from '../helpers/seeds';

const cli = join(repoRoot, 'dist', 'cli.js');
const run = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const ARTICLE = 'Nairobi, 14 June 2023 — Kenya’s Foreign Minister Alfred Mutua met Uganda’s President Yoweri Museveni on Tuesday. “We agreed to reopen the border,” Mutua said.';
const utf8 = (s: string) => Buffer.from(s, 'utf8');
function utf16(s: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from('\ufeff' + s, 'utf16le');
  return endian === 'le' ? le : le.swap16();
}

let dir: string;
let exported: AnnotationsExport;
let stderr: string;

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  dir = mkdtempSync(join(tmpdir(), 'na-bad-'));
  const files: Record<string, Buffer> = {
    'a-plain.txt': utf8(ARTICLE),
    'b-bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(ARTICLE)]),
    'c-crlf.txt': utf8(ARTICLE.replace('. “', '.\r\n\r\n“') + '\r\n'),
    'd-utf16le.txt': utf16(ARTICLE, 'le'),
    'e-utf16be.txt': utf16(ARTICLE, 'be'),
    'f-emoji.txt': utf8('🇰🇪🤝🇺🇬 𝐁𝐫𝐞𝐚𝐤𝐢𝐧𝐠 😀\n' + ARTICLE),
    'empty.txt': Buffer.alloc(0),
    'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    'latin1.txt': Buffer.from('São Paulo - O ministro José Müller disse à imprensa na segunda-feira.', 'latin1'),
    // 50 MB of real prose, not one repeated byte: the limit is about size, whatever the content.
    'huge.txt': utf8((ARTICLE + '\n\n').repeat(Math.ceil((50 * 1024 * 1024) / utf8(ARTICLE + '\n\n').length))),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  const result = run(['export', '.', '--out', 'out.json'], dir);
  expect(result.code).toBe(0);
  stderr = result.stderr;
  exported = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as AnnotationsExport;
}, 120_000);

describe('the command line over a folder of bad files', () => {
  it('says which files it skipped and why, one line each', () => {
    const skipped = stderr.split('\n').filter((l) => l.startsWith('news-annotator: skipped'));
    expect(skipped.sort()).toEqual([
      'news-annotator: skipped binary.txt: the file is binary, not text',
      'news-annotator: skipped empty.txt: the file is empty',
      'news-annotator: skipped huge.txt: the file is 50 MB, above the 10 MB limit for analysis',
      'news-annotator: skipped latin1.txt: the file is not UTF-8 text (perhaps Latin-1 or Windows-1252); convert it to UTF-8 (in VS Code: Reopen with Encoding, then Save with Encoding, UTF-8; in a shell: iconv -f WINDOWS-1252 -t UTF-8)',
    ]);
    expect(stderr).toContain('wrote 6 articles to out.json');
  });

  it('still exports every readable article, valid against the schema', () => {
    expect(schemaErrors(exported)).toEqual([]);
    expect(exported.documents.map((d) => d.path)).toEqual(['a-plain.txt', 'b-bom.txt', 'c-crlf.txt', 'd-utf16le.txt', 'e-utf16be.txt', 'f-emoji.txt']);
  });

  it('reads UTF-8 with a BOM and UTF-16 LE/BE as the same text as plain UTF-8: same hash, same offsets (the BOM is not counted)', () => {
    const byPath = new Map(exported.documents.map((d) => [d.path, d]));
    const plain = byPath.get('a-plain.txt')!;
    expect(plain.annotations.length).toBeGreaterThan(3);
    for (const path of ['b-bom.txt', 'd-utf16le.txt', 'e-utf16be.txt']) {
      const doc = byPath.get(path)!;
      expect(doc.sha256).toBe(plain.sha256);
      expect(doc.annotations).toEqual(plain.annotations);
    }
    const quote = plain.annotations.find((a) => a.kind === 'quote')!;
    expect(ARTICLE.slice(quote.start, quote.end)).toBe(quote.text);
  });

  it('keeps offsets exact across CRLF line ends and characters outside the BMP, and gives code-point offsets too', () => {
    const texts: Record<string, string> = {
      'c-crlf.txt': ARTICLE.replace('. “', '.\r\n\r\n“') + '\r\n',
      'f-emoji.txt': '🇰🇪🤝🇺🇬 𝐁𝐫𝐞𝐚𝐤𝐢𝐧𝐠 😀\n' + ARTICLE,
    };
    for (const [path, text] of Object.entries(texts)) {
      const doc = exported.documents.find((d) => d.path === path)!;
      const codePoints = Array.from(text);
      expect(doc.annotations.map((a) => a.kind)).toEqual(expect.arrayContaining(['date', 'official', 'quote']));
      for (const a of doc.annotations) {
        expect(text.slice(a.start, a.end)).toBe(a.text);
        expect(codePoints.slice(a.codePointStart, a.codePointEnd).join('')).toBe(a.text);
      }
    }
    const emoji = exported.documents.find((d) => d.path === 'f-emoji.txt')!;
    // Two flags (two regional indicators each), two emoji and eight mathematical letters, all outside the BMP,
    // precede the article: 14 surrogate pairs, so 14 code units more than code points.
    for (const a of emoji.annotations) expect(a.start - a.codePointStart).toBe(14);
    const crlf = exported.documents.find((d) => d.path === 'c-crlf.txt')!;
    const quote = crlf.annotations.find((a) => a.kind === 'quote')!;
    expect(quote.range.start.line).toBe(2);
    for (const event of exported.events) for (const s of event.sources) {
      const text = texts[s.path] ?? ARTICLE;
      expect(Array.from(text).slice(s.codePointStart, s.codePointEnd).join('')).toBe(s.text);
    }
  });

  it('exits 1 with a message when nothing in the folder is readable', () => {
    const only = mkdtempSync(join(tmpdir(), 'na-bad-only-'));
    writeFileSync(join(only, 'empty.txt'), '');
    writeFileSync(join(only, 'blank.md'), ' \n\n');
    const r = run(['export', '.'], only);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('news-annotator: skipped blank.md: the file holds only white space');
    expect(r.stderr).toContain('news-annotator: no article could be read');
  });
});

const tag: Tag = {
  id: 'tag-1',
  kind: 'quote',
  path: 'a.txt',
  speaker: 'Alfred Mutua',
  speakerEntityId: null,
  anchor: { start: 0, end: 7, exact: 'Nairobi', prefix: '', suffix: ', 14 June' },
  detached: false,
  created: '2024-01-01T00:00:00.000Z',
  modified: '2024-01-01T00:00:00.000Z',
};

describe('a tags file that cannot be read: the reason the notification gives', () => {
  // The extension shows "News Annotator cannot read .news-annotator/tags.json: <reason>. The file is left
  // untouched and no tags are saved in this folder until it is fixed or moved aside." (tagStorage).
  it('invalid JSON (a save cut short) names the JSON error', () => {
    const good = serializeTagFile([tag]);
    const r = parseTagFile(good.slice(0, good.length / 2));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^the tags file is not valid JSON \(.+\)$/);
  });

  it('a newer version says to update the extension', () => {
    const newer = serializeTagFile([tag]).replace('"version": 1', '"version": 2');
    expect(parseTagFile(newer)).toEqual({
      ok: false,
      reason: 'the tags file is version 2, written by a newer News Annotator; this one reads version 1. Update the extension.',
    });
  });

  it('duplicate ids name the tag and its place', () => {
    const json = JSON.parse(serializeTagFile([tag])) as { tags: Tag[] };
    json.tags.push({ ...tag, anchor: { ...tag.anchor } });
    expect(parseTagFile(JSON.stringify(json))).toEqual({ ok: false, reason: 'tags[1]: the id "tag-1" is used twice' });
  });

  it('a good file round-trips, with or without a BOM (so the refusals above are not refusing everything)', () => {
    expect(parseTagFile(serializeTagFile([tag]))).toEqual({ ok: true, tags: [tag] });
    expect(parseTagFile('\ufeff' + serializeTagFile([tag]))).toEqual({ ok: true, tags: [tag] });
  });
});

describe('an import file that does not match the schema: the reason the notification gives', () => {
  // The extension shows "News Annotator: cannot import <file>: <reason>" and imports nothing.
  const reason = (value: unknown) => {
    const r = parseAnnotationsImport(typeof value === 'string' ? value : JSON.stringify(value));
    return r.ok ? 'accepted' : r.reason;
  };

  it('refuses each malformed shape with where the problem is', () => {
    expect(reason('')).toBe('the file is empty');
    expect(reason('{"format": "news-annotator/annotations",')).toMatch(/^the file is not valid JSON/);
    expect(reason({ format: 'something-else', version: 1 })).toBe('the file\'s format "something-else" is neither a News Annotator export nor W3C Web Annotations');
    expect(reason({ format: 'news-annotator/annotations', version: 9, documents: [] })).toBe(
      'the export is version 9, written by a newer News Annotator; this one reads version 1',
    );
    expect(reason({ format: 'news-annotator/annotations', version: 1 })).toBe('the export has no "documents" array');
    expect(reason({ format: 'news-annotator/annotations', version: 1, documents: [{ annotations: [] }] })).toBe(
      'documents[0] is not a document with a path and annotations',
    );
    expect(reason(42)).not.toBe('accepted');
  });

  it('accepts a real export of the command line (so the refusals are about the shape, not everything)', () => {
    const r = parseAnnotationsImport(JSON.stringify(exported));
    expect(r.ok).toBe(true);
  });
});
