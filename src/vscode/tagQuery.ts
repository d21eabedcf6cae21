// Finding tags by offset: the one under the cursor, the next and previous ones.
import type { Tag } from '../annotations/tags';

/** Attached tags covering the offset (a cursor just after a tag's last character is still on it), innermost first. */
export function tagsAt(tags: readonly Tag[], offset: number): Tag[] {
  return tags
    .filter((t) => !t.detached && t.anchor.start <= offset && offset <= t.anchor.end)
    .sort((a, b) => a.anchor.end - a.anchor.start - (b.anchor.end - b.anchor.start));
}

/** The tag starting after (or before) the offset, wrapping around the article; undefined when there is none. */
export function adjacentTag(tags: readonly Tag[], offset: number, direction: 'next' | 'previous'): Tag | undefined {
  const attached = tags.filter((t) => !t.detached).sort((a, b) => a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end);
  if (attached.length === 0) return undefined;
  if (direction === 'next') return attached.find((t) => t.anchor.start > offset) ?? attached[0];
  for (let i = attached.length - 1; i >= 0; i--) if (attached[i]!.anchor.start < offset) return attached[i];
  return attached[attached.length - 1];
}
