// The tags of each workspace folder, in <folder>/.news-annotator/tags.json, through workspace.fs:
// written atomically (a temp file renamed over the old one), merged with changes another window or a
// git pull made to the file, and never overwritten when it cannot be read (it is left as it is and
// reported; the user may move it aside and start afresh).
import * as vscode from 'vscode';
import { atomicWrite, removeStaleTemps } from '../annotations/atomicWrite';
import { workspaceFs } from './workspaceFs';
import { parseTagFile, serializeTagFile } from '../annotations/tagFile';
import type { Tag } from '../annotations/tags';
import { TAGS_DIR, TAGS_FILE } from './constants';
import { mergeTags, sameTag } from './tagMerge';
import { plainMessage } from './views/labels';

interface FolderStore {
  folder: vscode.WorkspaceFolder;
  file: vscode.Uri;
  tags: Tag[];
  /** The tags as the file held them when this window last read or wrote it: the merge base. */
  base: Tag[];
  /** The file's text as last read or written; null when there is no file. */
  diskText: string | null;
  /** Why the file cannot be read; while set, the file is never written. */
  unreadable: string | null;
  writeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Writes to one file run one after the other. */
  queue: Promise<void>;
  /** Whether temp files of interrupted saves were looked for this session. */
  tempsSwept: boolean;
}

/** The tags file was replaced (another window, a hand edit) after this save merged with it. */
class FileReplacedWhileSaving extends Error {}

export interface TagStorageChange {
  folder: vscode.WorkspaceFolder;
  /** True when the change came from the file (another window, git), not from this window. */
  external: boolean;
}

export class TagStorage implements vscode.Disposable {
  private readonly stores = new Map<string, FolderStore>();
  private readonly emitter = new vscode.EventEmitter<TagStorageChange>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private readonly watchers = new Map<string, vscode.Disposable>();
  readonly loaded: Promise<void>;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.loaded = this.loadFolders(vscode.workspace.workspaceFolders ?? []);
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) this.dropFolder(f);
        void this.loadFolders(e.added);
      }),
    );
  }

  folders(): vscode.WorkspaceFolder[] {
    return [...this.stores.values()].map((s) => s.folder);
  }

  tags(folder: vscode.WorkspaceFolder): readonly Tag[] {
    return this.stores.get(folder.uri.toString())?.tags ?? [];
  }

  allTags(): Tag[] {
    return [...this.stores.values()].flatMap((s) => s.tags);
  }

  /** Why this folder's tags file cannot be read, or null when tags can be saved there. */
  problem(folder: vscode.WorkspaceFolder): string | null {
    const store = this.stores.get(folder.uri.toString());
    if (!store) return 'the folder is not open in this window';
    return store.unreadable;
  }

  fileOf(folder: vscode.WorkspaceFolder): vscode.Uri {
    return vscode.Uri.joinPath(folder.uri, TAGS_DIR, TAGS_FILE);
  }

  /** Replaces a folder's tags and saves them soon; refused (false) while its file cannot be read. */
  set(folder: vscode.WorkspaceFolder, tags: Tag[]): boolean {
    const store = this.stores.get(folder.uri.toString());
    if (!store || store.unreadable) return false;
    store.tags = tags;
    this.scheduleWrite(store);
    this.emitter.fire({ folder, external: false });
    return true;
  }

  /** Writes pending changes now (tests, deactivation). */
  async flush(): Promise<void> {
    await Promise.all(
      [...this.stores.values()].map((s) => {
        if (s.writeTimer) {
          clearTimeout(s.writeTimer);
          s.writeTimer = undefined;
          this.enqueueWrite(s);
        }
        return s.queue;
      }),
    );
  }

  /** Moves an unreadable tags file aside, untouched, under a new name, and starts the folder afresh. */
  async moveAside(folder: vscode.WorkspaceFolder): Promise<vscode.Uri | undefined> {
    const store = this.stores.get(folder.uri.toString());
    if (!store || !store.unreadable) return undefined;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const aside = vscode.Uri.joinPath(folder.uri, TAGS_DIR, `tags.unreadable-${stamp}.json`);
    await vscode.workspace.fs.rename(store.file, aside, { overwrite: false });
    store.unreadable = null;
    store.diskText = null;
    store.base = [];
    if (store.tags.length) this.scheduleWrite(store);
    this.emitter.fire({ folder, external: true });
    return aside;
  }

  // ---- reading -------------------------------------------------------------------------------------

  private async loadFolders(folders: readonly vscode.WorkspaceFolder[]): Promise<void> {
    await Promise.all(
      folders.map(async (folder) => {
        const store: FolderStore = {
          folder,
          file: this.fileOf(folder),
          tags: [],
          base: [],
          diskText: null,
          unreadable: null,
          writeTimer: undefined,
          queue: Promise.resolve(),
          tempsSwept: false,
        };
        this.stores.set(folder.uri.toString(), store);
        this.watch(store);
        await this.readFromDisk(store, true);
      }),
    );
  }

  private watch(store: FolderStore): void {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(store.folder, `${TAGS_DIR}/${TAGS_FILE}`));
    const onEvent = () => void (store.queue = store.queue.then(() => this.readFromDisk(store, false)));
    this.watchers.set(
      store.folder.uri.toString(),
      vscode.Disposable.from(watcher, watcher.onDidCreate(onEvent), watcher.onDidChange(onEvent), watcher.onDidDelete(onEvent)),
    );
  }

  private dropFolder(folder: vscode.WorkspaceFolder): void {
    const key = folder.uri.toString();
    this.watchers.get(key)?.dispose();
    this.watchers.delete(key);
    const store = this.stores.get(key);
    if (store?.writeTimer) {
      clearTimeout(store.writeTimer);
      this.enqueueWrite(store);
    }
    this.stores.delete(key);
    this.emitter.fire({ folder, external: true });
  }

  private async readText(file: vscode.Uri): Promise<string | null> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return null;
      // Any other failure (permissions): treat as unreadable rather than as absent, so nothing overwrites it.
      throw e;
    }
  }

  /** Reads the file; on the first read it gives the tags, later it is merged with this window's tags. */
  private async readFromDisk(store: FolderStore, first: boolean): Promise<void> {
    let text: string | null;
    try {
      text = await this.readText(store.file);
    } catch (e) {
      this.markUnreadable(store, `it could not be read (${e instanceof Error ? e.message : String(e)})`);
      return;
    }
    if (!first && text === store.diskText && !store.unreadable) return; // our own write coming back
    if (text === null) {
      // Deleted (or never there): tags this window did not change since go with it.
      const merged = mergeTags(store.base, store.tags, []).tags;
      store.base = [];
      store.diskText = null;
      store.unreadable = null;
      this.replace(store, merged, !first);
      return;
    }
    const parsed = parseTagFile(text);
    if (!parsed.ok) {
      this.markUnreadable(store, parsed.reason);
      return;
    }
    const wasUnreadable = store.unreadable !== null;
    store.unreadable = null;
    // Merged even on the first read: a tag added in the moments before the file was read is kept.
    const { tags, conflicts } = mergeTags(store.base, store.tags, parsed.tags);
    if (conflicts.length) this.log.warn(`tags changed here and in ${vscode.workspace.asRelativePath(store.file)}: kept the later change of ${conflicts.join(', ')}`);
    store.base = parsed.tags;
    store.diskText = text;
    this.replace(store, tags, !first || wasUnreadable);
    if (wasUnreadable) this.log.info(`${vscode.workspace.asRelativePath(store.file)} can be read again`);
  }

  private replace(store: FolderStore, tags: Tag[], changed: boolean): void {
    const differsFromDisk = tags.length !== store.base.length || tags.some((t, i) => !sameTag(t, store.base[i]!));
    store.tags = tags;
    if (differsFromDisk) this.scheduleWrite(store);
    this.emitter.fire({ folder: store.folder, external: changed });
  }

  private markUnreadable(store: FolderStore, reason: string): void {
    const first = store.unreadable === null;
    store.unreadable = reason;
    if (store.writeTimer) clearTimeout(store.writeTimer);
    store.writeTimer = undefined;
    const path = vscode.workspace.asRelativePath(store.file);
    this.log.error(`${path} cannot be read: ${reason}`);
    this.emitter.fire({ folder: store.folder, external: true });
    if (!first) return;
    void vscode.window
      .showErrorMessage(
        plainMessage(`News Annotator cannot read ${path}: ${reason}. The file is left untouched and no tags are saved in this folder until it is fixed or moved aside.`),
        'Open File',
        'Move Aside and Start Fresh',
      )
      .then(async (choice) => {
        if (choice === 'Open File') await vscode.window.showTextDocument(store.file);
        else if (choice === 'Move Aside and Start Fresh') {
          const aside = await this.moveAside(store.folder);
          if (aside) void vscode.window.showInformationMessage(plainMessage(`News Annotator: the unreadable tags file was kept as ${vscode.workspace.asRelativePath(aside)}.`));
        }
      });
  }

  // ---- writing -------------------------------------------------------------------------------------

  private scheduleWrite(store: FolderStore): void {
    if (store.unreadable) return;
    if (store.writeTimer) clearTimeout(store.writeTimer);
    // Typing shifts tags on every keystroke; one write per pause is enough.
    store.writeTimer = setTimeout(() => {
      store.writeTimer = undefined;
      this.enqueueWrite(store);
    }, 250);
  }

  private enqueueWrite(store: FolderStore): void {
    store.queue = store.queue.then(() => this.write(store)).catch((e) => this.log.error(`could not save tags: ${String(e)}`));
  }

  private async write(store: FolderStore): Promise<void> {
    // Another window or a hand edit may replace the file while this save is under way: then merge again
    // and retry, a few times (each retry means someone else did save, so this cannot spin for long).
    for (let attempt = 0; attempt < 5; attempt++) {
      if (await this.writeOnce(store)) return;
    }
    this.log.warn(`${vscode.workspace.asRelativePath(store.file)} kept changing while saving tags; will save again`);
    this.scheduleWrite(store);
  }

  /** One merge-then-save; false when the file changed between the merge and the rename (nothing written). */
  private async writeOnce(store: FolderStore): Promise<boolean> {
    if (store.unreadable) return true;
    // Someone else may have written since we last looked: merge first, never clobber.
    const current = await this.readText(store.file).catch((e: unknown) => {
      this.log.error(`cannot read ${vscode.workspace.asRelativePath(store.file)} before writing it: ${String(e)}`);
      return undefined;
    });
    if (current === undefined) return true;
    if (current !== store.diskText) {
      await this.readFromDisk(store, false);
      if (store.unreadable) return true;
    }
    // What is written becomes the merge base, even if tags change while the write is under way.
    const written = store.tags;
    const text = serializeTagFile(written);
    if (text === store.diskText) return true;
    if (store.tags.length === 0 && store.diskText === null) return true; // never create an empty file
    const merged = store.diskText;
    try {
      await atomicWrite(workspaceFs, store.file, new TextEncoder().encode(text), {
        precondition: async () => {
          if ((await this.readText(store.file)) !== merged) throw new FileReplacedWhileSaving();
        },
      });
    } catch (e) {
      if (e instanceof FileReplacedWhileSaving) return false;
      throw e;
    }
    store.diskText = text;
    store.base = written;
    if (!store.tempsSwept) {
      // A save killed between its two steps leaves a temp file: harmless (never read), swept once per session.
      store.tempsSwept = true;
      void removeStaleTemps(workspaceFs, store.file).then((removed) => {
        if (removed.length) this.log.info(`removed ${removed.length} temp file(s) left by an interrupted save`);
      });
    }
    return true;
  }

  dispose(): void {
    // Pending changes are still written (best effort: deactivate() awaits flush() first).
    for (const s of this.stores.values()) {
      if (!s.writeTimer) continue;
      clearTimeout(s.writeTimer);
      s.writeTimer = undefined;
      this.enqueueWrite(s);
    }
    for (const w of this.watchers.values()) w.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
