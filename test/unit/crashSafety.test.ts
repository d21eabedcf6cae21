// Crash safety of the tags file: a child process saving annotations is killed (SIGKILL) at random moments;
// the file must always be a whole old or new version. Also the atomic-write protocol's own contract
// (temp names, clean-up on failure, stale temps) and the merge of two windows' saves through it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atomicWrite, isTempNameFor, removeStaleTemps, tempNameFor, type AtomicFs } from '../../src/annotations/atomicWrite';
import { createTag, parseTagFile, serializeTagFile } from '../../src/annotations/tagFile';
import type { Tag } from '../../src/annotations/tags';
import { mergeTags } from '../../src/vscode/tagMerge';
import { nodeAtomicFs } from '../../src/worker/nodeAtomicFs';
import { rng } from '../helpers/rng';
import { loadSeeds, repoRoot } from '../helpers/seeds';

const NOW = '2026-11-22T10:00:00.000Z';

/** `count` tags a reader could have made on the seed articles: quotes and stances over random phrases. */
function realisticTags(count: number, seed: number): Tag[] {
  const seeds = loadSeeds();
  const r = rng(seed);
  return Array.from({ length: count }, (_x, i) => {
    const article = seeds[r.int(seeds.length)]!;
    const start = r.int(article.text.length - 200);
    const end = start + 3 + r.int(180);
    const id = `t-${seed.toString(36)}-${i}`;
    return r.next() < 0.5
      ? createTag({ kind: 'quote', id, path: article.path, speaker: r.next() < 0.5 ? null : 'a speaker', now: NOW }, article.text, start, end)
      : createTag({ kind: 'stance', id, path: article.path, stance: 'sceptical', holder: null, target: 'the claim', note: r.next() < 0.3 ? 'see also “x”' : null, now: NOW }, article.text, start, end);
  });
}

let work: string;
let saver: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'na-crash-'));
  saver = join(work, 'crashSaver.cjs');
  buildSync({ entryPoints: [join(repoRoot, 'test/helpers/crashSaver.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: saver, logLevel: 'silent' });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface KillRun {
  /** Lines the child printed before it was killed. */
  lines: string[];
}

/** Starts the saver, waits until it is saving, kills it with SIGKILL after `delayMs`, returns what it printed. */
function runAndKill(target: string, seed: number, mode: 'atomic' | 'naive', versionFiles: string[], delayMs: number): Promise<KillRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [saver, target, String(seed), mode, ...versionFiles], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // Killed a random time after its first save started, so kills land anywhere in a save.
      if (!armed && out.includes('start ')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`saver ended by itself (${String(signal)}): ${err}`));
      else resolve({ lines: out.split('\n').filter(Boolean) });
    });
  });
}

/** The versions the target may hold after a run: the last one saved in full, and the one being saved. */
function allowedAfter(lines: readonly string[], before: number): number[] {
  let done = before;
  let started = before;
  for (const line of lines) {
    const [what, n] = line.split(' ');
    if (what === 'start') started = Number(n);
    if (what === 'done') done = Number(n);
  }
  return [done, started];
}

function writeVersions(dir: string, versions: readonly string[]): string[] {
  return versions.map((v, i) => {
    const file = join(dir, `version-${i}.json`);
    writeFileSync(file, v);
    return file;
  });
}

describe('saving the tags file when the saving process is killed at random moments', () => {
  // Sizes from one tag to a large archive's worth (about 5 MB), so kills land inside long writes too.
  const sizes = [1, 3, 20, 150, 600, 2500, 6000, 10000];
  const versions = sizes.map((n, i) => serializeTagFile(realisticTags(n, 100 + i)));

  it('always leaves a whole old or new version, never a torn or empty file (200 kills)', { timeout: 240_000 }, async () => {
    const dir = join(work, 'atomic');
    const target = join(dir, 'tags.json');
    const versionFiles = writeVersions(work, versions);
    await atomicWrite(nodeAtomicFs, target, new TextEncoder().encode(versions[0]!));
    let current = 0;
    const r = rng(7);
    const seen = new Set<number>();
    const temps = new Set<string>();
    let tornTemps = 0;
    let midSave = 0;
    for (let kill = 0; kill < 200; kill++) {
      const run = await runAndKill(target, 1000 + kill, 'atomic', versionFiles, r.int(40));
      const allowed = allowedAfter(run.lines, current);
      if (allowed[0] !== allowed[1]) midSave++;
      const text = readFileSync(target, 'utf8');
      const index = versions.indexOf(text);
      expect(text.length, `kill ${kill}: empty file`).toBeGreaterThan(0);
      const parsed = parseTagFile(text);
      expect(parsed.ok, `kill ${kill}: the file does not parse`).toBe(true);
      expect(index, `kill ${kill}: the file is none of the versions written (${text.length} characters)`).toBeGreaterThanOrEqual(0);
      expect(allowed, `kill ${kill}: version ${index} is neither the last saved nor the one being saved`).toContain(index);
      if (parsed.ok) expect(parsed.tags.length).toBe(sizes[index]);
      current = index;
      seen.add(index);
      // What a crash leaves beside the file: temp files only. They stay through the next runs, which never
      // read them (each save writes its own new temp name) and are swept at the end as TagStorage does.
      for (const name of readdirSync(dir)) {
        if (name === 'tags.json' || temps.has(name)) continue;
        expect(isTempNameFor('tags.json', name), `unexpected file ${name}`).toBe(true);
        temps.add(name);
        if (!versions.includes(readFileSync(join(dir, name), 'utf8'))) tornTemps++;
      }
    }
    const staleTemps = temps.size;
    const swept = await removeStaleTemps(nodeAtomicFs, target, 0);
    expect(swept.sort()).toEqual([...temps].sort());
    expect(readdirSync(dir)).toEqual(['tags.json']);
    console.log(
      `crash safety: 200 SIGKILLs, ${midSave} during a save, ${seen.size} of ${versions.length} versions seen on disk, ` +
        `${staleTemps} stale temp files left (${tornTemps} of them torn; never read, swept at the end), the tags file whole every time`,
    );
    // The kills did land while saves were under way, and the saver got through several versions.
    expect(midSave).toBeGreaterThan(20);
    expect(seen.size).toBeGreaterThan(3);
  });

  it('the same test sees torn files when the file is written in place (the control)', { timeout: 120_000 }, async () => {
    const dir = join(work, 'naive');
    const target = join(dir, 'tags.json');
    const versionFiles = writeVersions(work, versions);
    await atomicWrite(nodeAtomicFs, target, new TextEncoder().encode(versions[0]!));
    const r = rng(11);
    let torn = 0;
    let kills = 0;
    while (torn < 3 && kills < 200) {
      await runAndKill(target, 5000 + kills, 'naive', versionFiles, r.int(40));
      kills++;
      if (!parseTagFile(readFileSync(target, 'utf8')).ok) torn++;
    }
    console.log(`crash safety control: writing in place left ${torn} torn files in ${kills} kills`);
    expect(torn).toBe(3);
  });
});

// ---- the protocol itself, through a file system that records and fails on demand ----

/** An in-memory file system that can fail one operation, recording what was done. */
function memoryFs(failOn?: 'writeFile' | 'rename') {
  const files = new Map<string, Uint8Array>();
  const log: string[] = [];
  const fs: AtomicFs<string> = {
    dirname: (p) => p.slice(0, p.lastIndexOf('/')),
    join: (d, n) => `${d}/${n}`,
    basename: (p) => p.slice(p.lastIndexOf('/') + 1),
    createDirectory: async () => undefined,
    writeFile: async (p, data) => {
      log.push(`write ${p}`);
      // A full disk: part of the data lands, then the write fails.
      files.set(p, data.slice(0, failOn === 'writeFile' ? data.length >> 1 : data.length));
      if (failOn === 'writeFile') throw new Error('ENOSPC');
    },
    rename: async (from, to) => {
      log.push(`rename ${from} ${to}`);
      if (failOn === 'rename') throw new Error('EPERM');
      files.set(to, files.get(from)!);
      files.delete(from);
    },
    delete: async (p) => {
      log.push(`delete ${p}`);
      files.delete(p);
    },
    readDirectory: async (d) => [...files.keys()].filter((k) => k.startsWith(`${d}/`)).map((k) => k.slice(d.length + 1)),
  };
  return { fs, files, log };
}

const bytes = (s: string) => new TextEncoder().encode(s);
const textOf = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : undefined);

describe('atomicWrite', () => {
  it('writes a temp file beside the target, then renames it over the target', async () => {
    const { fs, files, log } = memoryFs();
    files.set('/w/.news-annotator/tags.json', bytes('old'));
    await atomicWrite(fs, '/w/.news-annotator/tags.json', bytes('new'));
    expect(log).toHaveLength(2);
    const temp = log[0]!.slice('write '.length);
    expect(temp.startsWith('/w/.news-annotator/tags.json.')).toBe(true);
    expect(isTempNameFor('tags.json', fs.basename(temp))).toBe(true);
    expect(log[1]).toBe(`rename ${temp} /w/.news-annotator/tags.json`);
    expect([...files.keys()]).toEqual(['/w/.news-annotator/tags.json']);
    expect(textOf(files.get('/w/.news-annotator/tags.json'))).toBe('new');
  });

  for (const failOn of ['writeFile', 'rename'] as const) {
    it(`leaves the target as it was and removes its temp file when ${failOn} fails`, async () => {
      const { fs, files } = memoryFs(failOn);
      files.set('/w/tags.json', bytes('old'));
      await expect(atomicWrite(fs, '/w/tags.json', bytes('new content'))).rejects.toThrow();
      expect([...files.keys()]).toEqual(['/w/tags.json']);
      expect(textOf(files.get('/w/tags.json'))).toBe('old');
    });
  }

  it('checks the precondition after the temp file is written and before the rename, and cancels on failure', async () => {
    const { fs, files, log } = memoryFs();
    files.set('/w/tags.json', bytes('old'));
    const seen: string[] = [];
    const replaced = new Error('replaced meanwhile');
    await expect(
      atomicWrite(fs, '/w/tags.json', bytes('new'), {
        precondition: async () => {
          seen.push(...log);
          throw replaced;
        },
      }),
    ).rejects.toBe(replaced);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^write \/w\/tags\.json\..*\.tmp$/);
    expect(log.some((l) => l.startsWith('rename'))).toBe(false);
    expect([...files.keys()]).toEqual(['/w/tags.json']);
    expect(textOf(files.get('/w/tags.json'))).toBe('old');
  });

  it('gives each save its own temp name, which never looks like the target', () => {
    const names = new Set(Array.from({ length: 1000 }, () => tempNameFor('tags.json', 1_700_000_000_000)));
    expect(names.size).toBe(1000);
    for (const n of names) expect(n).toMatch(/^tags\.json\.[0-9a-z]+-[0-9a-z]{6}\.tmp$/);
    expect(isTempNameFor('tags.json', 'tags.json')).toBe(false);
    expect(isTempNameFor('tags.json', 'tags.unreadable-2026.json')).toBe(false);
    expect(isTempNameFor('tags.json', 'other.json.abc-123456.tmp')).toBe(false);
  });

  it('sweeps temp files of interrupted saves older than a minute, and leaves a save under way alone', async () => {
    const { fs, files } = memoryFs();
    const now = 1_800_000_000_000;
    const old = tempNameFor('tags.json', now - 3_600_000);
    const young = tempNameFor('tags.json', now - 1_000);
    for (const n of ['tags.json', old, young, 'notes.txt']) files.set(`/w/${n}`, bytes('x'));
    expect(await removeStaleTemps(fs, '/w/tags.json', 60_000, now)).toEqual([old]);
    expect([...files.keys()].sort()).toEqual(['/w/notes.txt', '/w/tags.json', `/w/${young}`].sort());
  });
});

// ---- two windows saving the same file: each merges what is on disk before it writes ----

/** One window's view of the tags file, saving as TagStorage does: re-read, three-way merge, atomic write. */
class Window {
  base: Tag[] = [];
  tags: Tag[] = [];
  diskText: string | null = null;
  constructor(private readonly file: string) {}

  async save(): Promise<void> {
    const text = existsSync(this.file) ? readFileSync(this.file, 'utf8') : null;
    if (text !== this.diskText && text !== null) {
      const parsed = parseTagFile(text);
      if (!parsed.ok) throw new Error(parsed.reason);
      this.tags = mergeTags(this.base, this.tags, parsed.tags).tags;
      this.base = parsed.tags;
    }
    const out = serializeTagFile(this.tags);
    await atomicWrite(nodeAtomicFs, this.file, bytes(out));
    this.diskText = out;
    const reread = parseTagFile(out);
    if (reread.ok) this.base = reread.tags;
  }
}

describe('two windows saving the same tags file', () => {
  it('loses no tag either window added, changed or deleted', async () => {
    const file = join(work, 'two-windows', 'tags.json');
    const [a1, a2, b1, shared] = realisticTags(4, 42);
    const a = new Window(file);
    const b = new Window(file);
    a.tags = [shared!];
    await a.save();
    await b.save(); // b reads the shared tag
    expect(b.tags.map((t) => t.id)).toEqual([shared!.id]);
    a.tags = [...a.tags, a1!, a2!];
    b.tags = [...b.tags, b1!];
    await a.save();
    await b.save(); // b merges a's two tags with its own before writing
    // a deletes one of its tags while b, unaware, edits the shared one.
    a.tags = a.tags.filter((t) => t.id !== a2!.id);
    b.tags = b.tags.map((t) => (t.id === shared!.id ? ({ ...t, modified: '2026-11-22T11:00:00.000Z', detached: true }) : t));
    await a.save();
    await b.save();
    await a.save();
    const onDisk = parseTagFile(readFileSync(file, 'utf8'));
    expect(onDisk.ok).toBe(true);
    if (!onDisk.ok) return;
    expect(onDisk.tags.map((t) => t.id).sort()).toEqual([a1!.id, b1!.id, shared!.id].sort());
    expect(onDisk.tags.find((t) => t.id === shared!.id)).toMatchObject({ modified: '2026-11-22T11:00:00.000Z', detached: true });
    expect(a.tags.map((t) => t.id).sort()).toEqual(onDisk.tags.map((t) => t.id).sort());
  });
});
