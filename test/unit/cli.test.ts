// Runs the built command-line tool (npm test builds it first) as a user would.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { schemaErrors } from '../helpers/schema';
import { repoRoot } from '../helpers/seeds';

const cli = join(repoRoot, 'dist', 'cli.js');

function run(args: string[], cwd = repoRoot) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

describe('news-annotator export', () => {
  it('exports the seed folder to stdout as a valid version 1 document', () => {
    const { code, stdout } = run(['export', 'seeds']);
    expect(code).toBe(0);
    const exported = JSON.parse(stdout);
    expect(schemaErrors(exported)).toEqual([]);
    expect(exported.documents).toHaveLength(5);
    expect(exported.documents[0].path).toBe('seeds/000_fba3dbbe9291c0be.txt');
    expect(exported.generator).toMatch(/^news-annotator \d+\.\d+\.\d+$/);
  });

  it('writes --out atomically and reports what it wrote', () => {
    const dir = mkdtempSync(join(tmpdir(), 'na-cli-'));
    const out = join(dir, 'nested', 'annotations.json');
    const { code, stderr } = run(['export', 'seeds/003_51685c235f0e8719.txt', '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toContain('wrote 1 articles');
    const exported = JSON.parse(readFileSync(out, 'utf8'));
    expect(exported.documents[0].documentDate).toBe('2019-12-20');
    expect(schemaErrors(exported)).toEqual([]);
  });

  it('applies --document-date to articles and rejects a malformed one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'na-cli-'));
    writeFileSync(join(dir, 'a.txt'), 'The minister spoke on Monday.\n');
    const ok = run(['export', dir, '--document-date', '2024-02-29']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).documents[0].documentDate).toBe('2024-02-29');
    const bad = run(['export', dir, '--document-date', '2023-02-29']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--document-date must be a calendar day');
    expect(JSON.parse(run(['export', dir, '--document-date=2024-03-01']).stdout).documents[0].documentDate).toBe('2024-03-01');
    const missing = run(['export', dir, '--document-date']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--document-date needs a value');
    expect(run(['export', dir, '--out']).stderr).toContain('--out needs a value');
  });

  it('skips missing, empty, binary and non-UTF-8 files by name and goes on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'na-cli-'));
    mkdirSync(join(dir, 'articles'));
    writeFileSync(join(dir, 'articles', 'good.txt'), 'Prime Minister Jane Doe met reporters on Friday.\n');
    writeFileSync(join(dir, 'articles', 'empty.txt'), '');
    writeFileSync(join(dir, 'articles', 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    writeFileSync(join(dir, 'articles', 'latin1.txt'), Buffer.from('Caf\xe9 diplomacy', 'latin1'));
    writeFileSync(join(dir, 'articles', 'notes.pdf'), 'not an article');
    const { code, stdout, stderr } = run(['export', 'articles', 'missing-folder'], dir);
    expect(code).toBe(0);
    expect(stderr).toContain('skipped missing-folder: no such file or folder');
    expect(stderr).toContain('skipped articles/empty.txt: the file is empty');
    expect(stderr).toContain('skipped articles/image.txt: the file is binary, not text');
    expect(stderr).toContain('skipped articles/latin1.txt: the file is not UTF-8 text');
    expect(stderr).not.toContain('notes.pdf');
    expect(JSON.parse(stdout).documents.map((d: { path: string }) => d.path)).toEqual(['articles/good.txt']);
  });

  it('fails with a non-zero code when nothing could be read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'na-cli-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const { code, stderr } = run(['export', 'empty.txt', 'nowhere.txt'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('no article could be read');
  });

  it('rejects unknown commands and options with usage', () => {
    expect(run(['annotate', 'seeds']).code).toBe(2);
    const bad = run(['export', 'seeds', '--fast']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown option "--fast"');
    expect(run(['--help']).stdout).toContain('Usage:');
  });
});

describe('news-annotator events', () => {
  it('prints the merged event timeline as a table', () => {
    const { code, stdout } = run(['events', 'seeds']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^DATE\s+EVENT\s+PLACE\s+PARTICIPANTS\s+SOURCES$/);
    const rouhaniAbe = lines.find((l) => l.includes('Hassan Rouhani') && l.includes('Shinzo Abe'));
    expect(rouhaniAbe).toMatch(/^2019-12-20\s+meeting\s+Tokyo\s/);
    expect(rouhaniAbe).toContain('seeds/003_51685c235f0e8719.txt');
    // Dated events first, oldest first; undated ones last.
    const dates = lines.slice(2).map((l) => l.split(/\s+/)[0]!);
    const dated = dates.filter((d) => d !== 'undated');
    expect(dated).toEqual([...dated].sort());
    expect(dates.slice(dated.length).every((d) => d === 'undated')).toBe(true);
  });
});
