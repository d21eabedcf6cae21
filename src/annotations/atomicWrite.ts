// Saving a file so that a crash, a kill or a full disk at any moment leaves either the old file or the new
// one, whole: the new content goes to a temp file next to the target (same directory, so the same file
// system and the rename is atomic), then the temp file is renamed over the target. Until that rename the
// target is untouched; after it, the target is the new file. Pure: the file system is passed in, so the
// extension uses vscode.workspace.fs and tests and the CLI use node:fs.

/** The few file-system operations the protocol needs, on paths or URIs of the caller's choice. */
export interface AtomicFs<P> {
  /** The target's directory and a sibling path in it. */
  dirname(path: P): P;
  join(dir: P, name: string): P;
  basename(path: P): string;
  createDirectory(dir: P): Promise<void>;
  writeFile(path: P, data: Uint8Array): Promise<void>;
  /** Replaces `to` if it exists (atomically, as rename(2) and MoveFileEx with REPLACE_EXISTING do). */
  rename(from: P, to: P): Promise<void>;
  delete(path: P): Promise<void>;
  /** Names in a directory; only needed by removeStaleTemps. */
  readDirectory?(dir: P): Promise<string[]>;
}

const TEMP_SUFFIX = '.tmp';

/**
 * A temp name for `target` no other writer (another window, another process) picks at the same time: time
 * plus a random tail. It starts with the target's name and ends in `.tmp`, so it is never taken for the
 * target (tags.json.<...>.tmp does not match tags.json) and stale ones can be recognised.
 */
export function tempNameFor(targetName: string, now = Date.now(), random: () => number = Math.random): string {
  const tail = Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  return `${targetName}.${now.toString(36)}-${tail}${TEMP_SUFFIX}`;
}

/** True for a name tempNameFor(targetName) could have produced. */
export function isTempNameFor(targetName: string, name: string): boolean {
  return name.length > targetName.length + 1 + TEMP_SUFFIX.length && name.startsWith(`${targetName}.`) && name.endsWith(TEMP_SUFFIX);
}

export interface AtomicWriteOptions {
  random?: () => number;
  /**
   * Checked after the temp file is written, just before the rename; throwing cancels the save (the temp
   * file is removed, the target untouched). A writer that merged with the file before writing checks here
   * that nobody replaced it meanwhile: writing a large file takes long, the check and the rename do not.
   */
  precondition?: () => Promise<void>;
}

/**
 * Writes `data` to `target` atomically: temp file in the same directory, then rename over the target.
 * On any failure the temp file is deleted (best effort) and the error is rethrown; the target is then
 * exactly as it was. A crash between the two steps leaves a stale temp file and the old target.
 */
export async function atomicWrite<P>(fs: AtomicFs<P>, target: P, data: Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = fs.dirname(target);
  const temp = fs.join(dir, tempNameFor(fs.basename(target), Date.now(), options.random));
  await fs.createDirectory(dir);
  try {
    await fs.writeFile(temp, data);
    if (options.precondition) await options.precondition();
    await fs.rename(temp, target);
  } catch (e) {
    await fs.delete(temp).then(undefined, () => undefined);
    throw e;
  }
}

/**
 * Deletes the temp files a crashed save of `target` left behind, older than `olderThanMs` by the time in
 * their name (a younger one may be another window's save under way). Returns the names deleted.
 * Failures are ignored: a stale temp file is never read as the target, it only takes room.
 */
export async function removeStaleTemps<P>(fs: AtomicFs<P>, target: P, olderThanMs = 60_000, now = Date.now()): Promise<string[]> {
  if (!fs.readDirectory) return [];
  const dir = fs.dirname(target);
  const name = fs.basename(target);
  let names: string[];
  try {
    names = await fs.readDirectory(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const n of names) {
    if (!isTempNameFor(name, n)) continue;
    const stamp = parseInt(n.slice(name.length + 1).split('-')[0] ?? '', 36);
    if (!Number.isFinite(stamp) || now - stamp < olderThanMs) continue;
    try {
      await fs.delete(fs.join(dir, n));
      removed.push(n);
    } catch {
      // Gone already (another window cleaned it) or not ours to delete: either way it is harmless.
    }
  }
  return removed;
}
