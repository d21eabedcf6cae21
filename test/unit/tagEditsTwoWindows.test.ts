// Two windows on one workspace, and the tags file edited by hand while the extension runs: the real
// TagStorage (src/vscode/tagStorage.ts) against a stand-in for the editor API whose workspace.fs is node:fs
// on a temp folder, so its saves go through atomicWrite onto a real disk. Two TagStorage instances are the
// two windows; the file watcher is fired by hand, as VS Code does after a write.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventEmitter as FakeEventEmitter } from '../helpers/fakeVscode';

const fake = await vi.hoisted(async () => {
  const { EventEmitter, Disposable } = await import('../helpers/fakeVscode');
  // Loaded inside the hoisted factory: the node modules are not imported yet at this point.
  const fs = require('node:fs') as typeof import('node:fs');
  const posix = (require('node:path') as typeof import('node:path')).posix;
  class Uri {
    constructor(readonly path: string) {}
    static file(p: string) {
      return new Uri(p);
    }
    static joinPath(u: Uri, ...parts: string[]) {
      return new Uri(posix.join(u.path, ...parts));
    }
    get fsPath() {
      return this.path;
    }
    toString() {
      return `file://${this.path}`;
    }
  }
  class FileSystemError extends Error {
    constructor(readonly code: string) {
      super(code);
    }
  }
  class RelativePattern {
    constructor(
      readonly base: unknown,
      readonly pattern: string,
    ) {}
  }
  const watchers = new Set<FakeEventEmitter<Uri>>();
  const state = {
    folders: [] as Array<{ uri: Uri; name: string; index: number }>,
    errors: [] as string[],
    /**
     * Runs once after the next temp file is written, before its rename: lets a test put another window's save
     * (or a hand edit) in the window between a save reading the file and replacing it.
     */
    afterTempWrite: null as null | (() => Promise<void>),
  };
  const notFound = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new FileSystemError('FileNotFound');
      throw e;
    }
  };
  const module = {
    EventEmitter,
    Uri,
    Disposable,
    FileSystemError,
    RelativePattern,
    workspace: {
      get workspaceFolders() {
        return state.folders;
      },
      onDidChangeWorkspaceFolders: () => ({ dispose() {} }),
      asRelativePath: (u: Uri) => u.path,
      createFileSystemWatcher: () => {
        const changed = new EventEmitter<Uri>();
        watchers.add(changed);
        return { onDidCreate: changed.event, onDidChange: changed.event, onDidDelete: changed.event, dispose: () => watchers.delete(changed) };
      },
      fs: {
        readFile: async (u: Uri) => notFound(() => new Uint8Array(fs.readFileSync(u.path))),
        writeFile: async (u: Uri, data: Uint8Array) => {
          fs.writeFileSync(u.path, data);
          const hook = state.afterTempWrite;
          if (hook && u.path.endsWith('.tmp')) {
            state.afterTempWrite = null;
            await hook();
          }
        },
        rename: async (from: Uri, to: Uri) => notFound(() => fs.renameSync(from.path, to.path)),
        delete: async (u: Uri) => notFound(() => fs.rmSync(u.path)),
        createDirectory: async (u: Uri) => void fs.mkdirSync(u.path, { recursive: true }),
        readDirectory: async (u: Uri) => notFound(() => fs.readdirSync(u.path).map((n) => [n, 1] as [string, number])),
      },
    },
    window: {
      showErrorMessage: async (message: string) => {
        state.errors.push(message);
        return undefined;
      },
      showInformationMessage: async () => undefined,
      showTextDocument: async () => undefined,
    },
  };
  /** What VS Code's watcher does after the tags file changed on disk: tell every window. */
  const fileChanged = (u: Uri) => {
    for (const w of watchers) w.fire(u);
  };
  return { module, state, fileChanged, Uri };
});
vi.mock('vscode', () => fake.module);

import type * as vscode from 'vscode';
import { tempNameFor } from '../../src/annotations/atomicWrite';
import { createTag, parseTagFile, serializeTagFile } from '../../src/annotations/tagFile';
import type { QuoteTag, Tag } from '../../src/annotations/tags';
import { TagStorage } from '../../src/vscode/tagStorage';
import { loadSeeds } from '../helpers/seeds';

const log = { info() {}, warn() {}, error() {}, debug() {}, trace() {} } as unknown as vscode.LogOutputChannel;
const article = loadSeeds()[0]!;
let root: string;
let folder: vscode.WorkspaceFolder;
let file: string;
const open: TagStorage[] = [];

function tag(id: string, passage: string, modified = '2026-11-22T10:00:00.000Z'): QuoteTag {
  const at = article.text.indexOf(passage);
  return createTag({ kind: 'quote', id, path: article.path, speaker: null, now: modified }, article.text, at, at + passage.length) as QuoteTag;
}
const t1 = tag('t1', 'full and unconditional cooperation');
const t2 = tag('t2', 'constructive manner');
const t3 = tag('t3', 'Foreign Minister');
const t4 = tag('t4', 'Hayashi');

async function window(): Promise<TagStorage> {
  const storage = new TagStorage(log);
  open.push(storage);
  await storage.loaded;
  return storage;
}
/** The windows' pending saves written and the watcher's events handled, as after a pause. */
async function settle(...windows: TagStorage[]): Promise<void> {
  for (let round = 0; round < 3; round++) {
    for (const w of windows) await w.flush();
    fake.fileChanged(fake.Uri.file(file));
    for (const w of windows) await w.flush();
  }
}
function onDisk(): Tag[] {
  const parsed = parseTagFile(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.tags;
}
const ids = (tags: readonly Tag[]) => tags.map((t) => t.id).sort();

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'na-windows-'));
  file = join(root, '.news-annotator', 'tags.json');
  folder = { uri: fake.Uri.file(root), name: 'ws', index: 0 } as unknown as vscode.WorkspaceFolder;
  fake.state.folders = [folder as never];
  fake.state.errors = [];
  fake.state.afterTempWrite = null;
});
afterEach(() => {
  for (const w of open.splice(0)) w.dispose();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('two windows on one workspace', () => {
  it('keeps the tags both windows add at the same time', async () => {
    const a = await window();
    const b = await window();
    a.set(folder, [t1]);
    b.set(folder, [t2]);
    await settle(a, b);
    expect(ids(onDisk())).toEqual(['t1', 't2']);
    expect(ids(a.tags(folder))).toEqual(['t1', 't2']);
    expect(ids(b.tags(folder))).toEqual(['t1', 't2']);
  });

  it('keeps a deletion in one window and an addition in the other', async () => {
    const a = await window();
    a.set(folder, [t1, t2]);
    await settle(a);
    const b = await window();
    expect(ids(b.tags(folder))).toEqual(['t1', 't2']);
    a.set(folder, [t1]); // a deletes t2
    b.set(folder, [...b.tags(folder), t3]); // b, not yet aware, adds t3
    await settle(b, a);
    expect(ids(onDisk())).toEqual(['t1', 't3']);
    expect(ids(a.tags(folder))).toEqual(['t1', 't3']);
    expect(ids(b.tags(folder))).toEqual(['t1', 't3']);
  });

  it('keeps the later change when both windows change the same tag', async () => {
    const a = await window();
    a.set(folder, [t1]);
    await settle(a);
    const b = await window();
    a.set(folder, [{ ...t1, speaker: 'from a', modified: '2026-11-22T10:05:00.000Z' }]);
    b.set(folder, [{ ...t1, speaker: 'from b', modified: '2026-11-22T10:09:00.000Z' }]);
    await settle(a, b);
    expect(onDisk()).toMatchObject([{ id: 't1', speaker: 'from b' }]);
    expect(a.tags(folder)).toMatchObject([{ id: 't1', speaker: 'from b' }]);
  });
});

describe('two windows saving at the same moment', () => {
  it('loses nothing when the other window saves between this window reading the file and renaming over it', async () => {
    const a = await window();
    const b = await window();
    a.set(folder, [t1]);
    b.set(folder, [t2]);
    // a has read the file (none yet) and written its temp file; b saves before a's rename.
    fake.state.afterTempWrite = () => b.flush();
    await a.flush();
    await settle(a, b);
    expect(ids(onDisk())).toEqual(['t1', 't2']);
    expect(ids(a.tags(folder))).toEqual(['t1', 't2']);
    expect(ids(b.tags(folder))).toEqual(['t1', 't2']);
  });

  it('loses nothing when a hand edit lands between the read and the rename', async () => {
    const a = await window();
    a.set(folder, [t1]);
    await settle(a);
    a.set(folder, [t1, t2]);
    fake.state.afterTempWrite = async () => writeFileSync(file, serializeTagFile([t1, t4]));
    await settle(a);
    expect(ids(onDisk())).toEqual(['t1', 't2', 't4']);
  });
});

describe('a hand edit that breaks the file while a save is under way', () => {
  it('is left as the user wrote it, not overwritten by the save', async () => {
    const a = await window();
    a.set(folder, [t1]);
    await settle(a);
    a.set(folder, [t1, t2]);
    const halfTyped = serializeTagFile([t1]).replace('"t1"', '"t1", "oops');
    fake.state.afterTempWrite = async () => writeFileSync(file, halfTyped);
    await settle(a);
    expect(readFileSync(file, 'utf8')).toBe(halfTyped);
    expect(a.problem(folder)).not.toBeNull();
    expect(readdirSync(join(root, '.news-annotator'))).toEqual(['tags.json']);
  });
});

describe('the tags file edited by hand while the extension runs', () => {
  it('merges a hand edit with a change this window has not saved yet', async () => {
    const a = await window();
    a.set(folder, [t1, t2]);
    await settle(a);
    // The user adds a tag by hand (another tool, git) while the window has an unsaved addition of its own.
    writeFileSync(file, serializeTagFile([...onDisk(), t4]));
    a.set(folder, [...a.tags(folder), t3]);
    await settle(a);
    expect(ids(onDisk())).toEqual(['t1', 't2', 't3', 't4']);
  });

  it('never overwrites a file it cannot read, and says so', async () => {
    const a = await window();
    a.set(folder, [t1]);
    await settle(a);
    const broken = readFileSync(file, 'utf8').slice(0, 100);
    writeFileSync(file, broken);
    fake.fileChanged(fake.Uri.file(file));
    await a.flush();
    expect(a.problem(folder)).toMatch(/JSON|read/i);
    expect(a.set(folder, [t1, t2])).toBe(false);
    await settle(a);
    expect(readFileSync(file, 'utf8')).toBe(broken);
    expect(fake.state.errors.join('\n')).toMatch(/cannot read/);
  });
});

describe('temp files left by a killed save', () => {
  it('are never read as the tags file, and the next save sweeps those older than a minute', async () => {
    mkdirSync(join(root, '.news-annotator'), { recursive: true });
    writeFileSync(file, serializeTagFile([t1]));
    const old = tempNameFor('tags.json', Date.now() - 3_600_000);
    const young = tempNameFor('tags.json', Date.now());
    // A torn temp file (the save was killed while writing it), and a whole one with other tags.
    writeFileSync(join(root, '.news-annotator', old), serializeTagFile([t1, t2, t3]).slice(0, 200));
    writeFileSync(join(root, '.news-annotator', young), serializeTagFile([t4]));
    const a = await window();
    expect(ids(a.tags(folder))).toEqual(['t1']);
    a.set(folder, [t1, t2]);
    await settle(a);
    await vi.waitFor(() => expect(existsSync(join(root, '.news-annotator', old))).toBe(false));
    expect(readdirSync(join(root, '.news-annotator')).sort()).toEqual(['tags.json', young].sort());
    expect(ids(onDisk())).toEqual(['t1', 't2']);
  });
});
