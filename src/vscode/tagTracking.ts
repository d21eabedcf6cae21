// Keeping a folder's tags on their text, without the editor: one content-change event at a time, and
// across renames. The tag controller feeds VS Code's events through these.
import { reanchorTags } from '../annotations/reanchor';
import { shiftTags, type TextChange } from '../annotations/rangeShift';
import type { Tag } from '../annotations/tags';

/**
 * The tags of one article after one change event (same objects when untouched). Exact shifting first; a
 * tag whose words were replaced by text holding them again (a reload from disk computed as one big
 * replacement, a formatter, a paste over a paragraph) is found again in that text instead of detached;
 * if the tags were out of step with the editor, all are found by their text.
 */
export function trackEdit(tags: readonly Tag[], changes: readonly TextChange[], newText: string): Tag[] {
  let shifted: Tag[];
  try {
    shifted = shiftTags(tags, changes, newText);
  } catch {
    return reanchorTags(tags, newText).map((r) => r.tag);
  }
  return shifted.map((t, i) => {
    const before = tags[i]!;
    if (!t.detached || before.detached) return t;
    const { start, end, exact } = before.anchor;
    const rewritten = changes.some((c) => c.offset <= start && c.offset + c.length >= end && c.text.includes(exact));
    if (!rewritten) return t;
    const found = reanchorTags([before], newText)[0]!;
    return found.how === 'detached' ? t : found.tag;
  });
}

/** Tags of a renamed file, or of the files in a renamed folder, under their new path; others unchanged. */
export function renameTagPaths(tags: readonly Tag[], from: string, to: string): Tag[] {
  return tags.map((t) => {
    if (t.path === from) return { ...t, path: to };
    if (t.path.startsWith(from + '/')) return { ...t, path: to + t.path.slice(from.length) };
    return t;
  });
}

/** True when the tag belongs to the file or folder at `path`. */
export function isUnder(tag: Tag, path: string): boolean {
  return tag.path === path || tag.path.startsWith(path + '/');
}

/** A file's path relative to a folder (both URI paths with `/`), or undefined when it is not inside. */
export function relativeTo(folderPath: string, filePath: string): string | undefined {
  const base = folderPath.endsWith('/') ? folderPath : folderPath + '/';
  return filePath.startsWith(base) && filePath.length > base.length ? filePath.slice(base.length) : undefined;
}
