// Three-way merge of a folder's tags when another window (or a git pull) changed the tags file:
// base is the file as this window last read or wrote it, local is this window's tags, disk the new file.
// Each tag merges by id: a side that did not change it yields to the side that did; when both changed
// it, the later modification wins. Nothing is dropped unless one side deleted a tag the other left alone.
import type { Tag } from '../annotations/tags';

export interface TagMergeResult {
  tags: Tag[];
  /** Tags both sides changed differently: the later one was kept. */
  conflicts: string[];
}

export function mergeTags(base: readonly Tag[], local: readonly Tag[], disk: readonly Tag[]): TagMergeResult {
  const baseById = new Map(base.map((t) => [t.id, t]));
  const localById = new Map(local.map((t) => [t.id, t]));
  const diskById = new Map(disk.map((t) => [t.id, t]));
  const ids = new Set([...localById.keys(), ...diskById.keys()]);
  const tags: Tag[] = [];
  const conflicts: string[] = [];
  for (const id of ids) {
    const b = baseById.get(id);
    const l = localById.get(id);
    const d = diskById.get(id);
    if (l && d) {
      if (sameTag(l, d) || (b && sameTag(b, l))) tags.push(d);
      else if (b && sameTag(b, d)) tags.push(l);
      else {
        if (b) conflicts.push(id);
        tags.push(d.modified > l.modified ? d : l);
      }
    } else if (l) {
      // Deleted on disk: gone, unless this window changed it since (then the change is kept).
      if (!b || !sameTag(b, l)) tags.push(l);
    } else if (d) {
      // Deleted here: gone, unless the other side changed it since.
      if (!b || !sameTag(b, d)) tags.push(d);
    }
  }
  return { tags, conflicts };
}

export function sameTag(a: Tag, b: Tag): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(t: Tag): unknown {
  return Object.fromEntries(
    Object.entries(t)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
      .map(([k, v]) => [k, k === 'anchor' && v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v]),
  );
}
