// The index's articles by key, kept in path order as they come: the article list and each linking read them
// sorted without sorting ten thousand paths again (an article filed in place costs a binary search and a move
// of the arrays' tails, microseconds; a sort of 10,000 paths held the extension host for 10-20 ms at once).

/**
 * A Map from key to entry that also keeps its keys ordered by the entries' `path` (code-unit order; equal paths
 * in the order they were filed). An entry whose `path` is changed in place must be filed again (`refile`).
 */
export class PathOrderedMap<E extends { path: string }> implements Iterable<[string, E]> {
  private readonly byKey = new Map<string, E>();
  /** The path each key is filed under (its entry's path when it was filed). */
  private readonly filedPath = new Map<string, string>();
  // Parallel arrays, sorted by path.
  private readonly sortedKeys: string[] = [];
  private readonly sortedPaths: string[] = [];

  get size(): number {
    return this.byKey.size;
  }

  get(key: string): E | undefined {
    return this.byKey.get(key);
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  set(key: string, entry: E): this {
    this.byKey.set(key, entry);
    this.refile(key);
    return this;
  }

  /** Files the key again under its entry's current path (after `entry.path` changed in place). */
  refile(key: string): void {
    const entry = this.byKey.get(key);
    const filed = this.filedPath.get(key);
    if (entry === undefined || filed === entry.path) return;
    if (filed !== undefined) this.unfile(key, filed);
    const at = this.upperBound(entry.path);
    this.sortedKeys.splice(at, 0, key);
    this.sortedPaths.splice(at, 0, entry.path);
    this.filedPath.set(key, entry.path);
  }

  delete(key: string): boolean {
    const filed = this.filedPath.get(key);
    if (filed !== undefined) this.unfile(key, filed);
    return this.byKey.delete(key);
  }

  clear(): void {
    this.byKey.clear();
    this.filedPath.clear();
    this.sortedKeys.length = 0;
    this.sortedPaths.length = 0;
  }

  keys(): IterableIterator<string> {
    return this.byKey.keys();
  }

  values(): IterableIterator<E> {
    return this.byKey.values();
  }

  /** In the order the keys were first set, as a Map iterates. */
  [Symbol.iterator](): IterableIterator<[string, E]> {
    return this.byKey[Symbol.iterator]();
  }

  /** The entries in path order (those `keep` accepts, when given). */
  inPathOrder(keep?: (entry: E) => boolean): E[] {
    const out: E[] = [];
    for (const key of this.sortedKeys) {
      const entry = this.byKey.get(key)!;
      if (!keep || keep(entry)) out.push(entry);
    }
    return out;
  }

  private unfile(key: string, path: string): void {
    for (let i = this.lowerBound(path); i < this.sortedKeys.length && this.sortedPaths[i] === path; i++) {
      if (this.sortedKeys[i] !== key) continue;
      this.sortedKeys.splice(i, 1);
      this.sortedPaths.splice(i, 1);
      break;
    }
    this.filedPath.delete(key);
  }

  /** The first index whose path is not below `path`. */
  private lowerBound(path: string): number {
    let lo = 0;
    let hi = this.sortedPaths.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sortedPaths[mid]! < path) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first index whose path is above `path` (a new key goes after the equal ones). */
  private upperBound(path: string): number {
    let lo = 0;
    let hi = this.sortedPaths.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sortedPaths[mid]! <= path) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
