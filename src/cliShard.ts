// `--shard i/n`: which slice of the file list this run processes, the same on every machine.

export interface Shard {
  /** 1-based, as in `--shard 1/4` (the convention of Jest and Playwright). */
  index: number;
  count: number;
}

/** Parses `i/n` (1 <= i <= n); returns an error message for anything else. */
export function parseShard(value: string): Shard | string {
  const match = /^(\d{1,9})\/(\d{1,9})$/.exec(value.trim());
  if (!match) return `--shard must be i/n, e.g. 2/8 (the 2nd of 8 slices), got "${value}"`;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) return `--shard: the number of slices must be at least 1, got "${value}"`;
  if (index < 1 || index > count) return `--shard: i must be between 1 and ${count}, got "${value}"`;
  return { index, count };
}

/**
 * The slice (1-based) a file belongs to: FNV-1a of its export path (relative to the current folder,
 * `/`-separated) modulo the count. It depends on the path alone, not on the other files, so every
 * machine agrees even if their listings differ, and adding a file never moves another one.
 */
export function shardOf(exportPath: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < exportPath.length; i++) {
    hash ^= exportPath.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return ((hash >>> 0) % count) + 1;
}
