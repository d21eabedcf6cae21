// Finds tags again after their article changed outside the editor (or while no change events were seen).
import { anchorAt } from './tagFile';
import type { Tag } from './tags';

export type ReanchorHow = 'unchanged' | 'exact' | 'fuzzy' | 'detached';

export function reanchorTags(tags: readonly Tag[], text: string): Array<{ tag: Tag; how: ReanchorHow }> {
  // Skeleton: position, then the first exact occurrence; the full search lands in the next commit.
  return tags.map((tag) => {
    const { start, end, exact } = tag.anchor;
    if (!tag.detached && text.slice(start, end) === exact) return { tag: { ...tag, anchor: anchorAt(text, start, end) }, how: 'unchanged' };
    const at = exact === '' ? -1 : text.indexOf(exact);
    if (at >= 0) return { tag: { ...tag, detached: false, anchor: anchorAt(text, at, at + exact.length) }, how: 'exact' };
    return { tag: tag.detached ? tag : { ...tag, detached: true }, how: 'detached' };
  });
}
