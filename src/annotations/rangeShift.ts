// Keeps tags on their text while the article is edited, one editor change event at a time.
//
// The rule, in terms of characters: a tag covers a run of characters. After an edit it covers from the first
// of its characters still present to the last one still present, with whatever was typed in between. Text
// typed exactly at a tag's edge is outside the tag (as a reader extending a sentence does not extend the
// quote). A tag none of whose characters survive is detached, never moved onto other text.
import { anchorAt } from './tagFile';
import type { Tag } from './tags';

/** One change of a VS Code content-change event; all offsets refer to the text BEFORE the event. */
export interface TextChange {
  /** UTF-16 offset of the replaced range. */
  offset: number;
  /** Length of the replaced range (0 for an insertion). */
  length: number;
  /** The text put in its place ('' for a deletion). */
  text: string;
}

/**
 * The tags after one content-change event, whose changes refer to the text before the event and do not
 * overlap (in any order). `newText` is the text after the event. Attached tags get their offsets and
 * exact/prefix/suffix from `newText`; a tag whose text was wholly deleted becomes detached with its old
 * exact/prefix/suffix kept and both offsets at the place its text was. Already detached tags only have their
 * position hint moved. Tags that did not change are returned as the same objects.
 * Throws RangeError when the changes overlap or do not fit `newText` (the caller's text is out of sync:
 * re-anchor instead). VS Code lists an event's changes from the last to the first, so its offsets are the
 * same whether read against the text before the event or applied one after the other. Where changes meet,
 * VS Code's order is kept whatever the order of the list: text inserted where a replaced range starts stands
 * before the replacement, and two insertions at one offset are one insertion for the tags (an undo of two
 * touching deletions makes them), so their order in the list does not matter.
 */
export function shiftTags(tags: readonly Tag[], changes: readonly TextChange[], newText: string): Tag[] {
  const shifter = new Shifter(changes, newText.length);
  return tags.map((tag) => shiftTag(tag, shifter, newText));
}

function shiftTag(tag: Tag, shifter: Shifter, newText: string): Tag {
  const { start, end } = tag.anchor;
  if (tag.detached || start >= end) {
    const s = shifter.mapPoint(start);
    const e = Math.max(s, shifter.mapPoint(end));
    if (s === start && e === end) return tag;
    return { ...tag, anchor: { ...tag.anchor, start: s, end: e } };
  }
  const first = shifter.firstSurvivor(start, end);
  const last = first < 0 ? -1 : shifter.lastSurvivor(start, end);
  if (first < 0 || last < 0) {
    const at = shifter.mapPoint(start);
    return { ...tag, detached: true, anchor: { ...tag.anchor, start: at, end: at } };
  }
  const newStart = shifter.mapSurvivor(first);
  const newEnd = shifter.mapSurvivor(last) + 1;
  const anchor = anchorAt(newText, newStart, newEnd);
  const a = tag.anchor;
  if (anchor.start === a.start && anchor.end === a.end && anchor.exact === a.exact && anchor.prefix === a.prefix && anchor.suffix === a.suffix) {
    return tag;
  }
  return { ...tag, anchor };
}

/** The changes of one event, sorted, with running length deltas for binary search. */
class Shifter {
  private readonly offsets: number[] = [];
  private readonly ends: number[] = [];
  /** deltaBefore[i]: total length change of changes 0..i-1. */
  private readonly deltaBefore: number[] = [0];
  private readonly insertedLengths: number[] = [];

  constructor(changes: readonly TextChange[], newLength: number) {
    const sorted = [...changes].sort((a, b) => a.offset - b.offset || a.length - b.length);
    let delta = 0;
    let previousEnd = -1;
    for (const c of sorted) {
      if (!Number.isInteger(c.offset) || !Number.isInteger(c.length) || c.offset < 0 || c.length < 0) {
        throw new RangeError(`invalid change at ${c.offset} (length ${c.length})`);
      }
      if (c.offset < previousEnd) throw new RangeError(`changes overlap at offset ${c.offset}`);
      const last = this.offsets.length - 1;
      if (c.length === 0 && last >= 0 && this.offsets[last] === c.offset && this.ends[last] === c.offset) {
        // Two insertions at one place (an extension's edit can make them): for the tags they are one.
        this.insertedLengths[last] = this.insertedLengths[last]! + c.text.length;
        delta += c.text.length;
        this.deltaBefore[last + 1] = delta;
        continue;
      }
      this.offsets.push(c.offset);
      this.ends.push(c.offset + c.length);
      this.insertedLengths.push(c.text.length);
      delta += c.text.length - c.length;
      this.deltaBefore.push(delta);
      previousEnd = c.offset + c.length;
    }
    const oldLength = newLength - delta;
    if (previousEnd > oldLength) throw new RangeError(`a change ends at ${previousEnd}, past the old text's ${oldLength} characters`);
  }

  /** Index of the last change with offset <= x, or -1. */
  private lastAtOrBefore(x: number): number {
    let lo = 0;
    let hi = this.offsets.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.offsets[mid]! <= x) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** The deleting change that removes old character c, or -1 when c survives. */
  private deleterOf(c: number): number {
    // Among changes starting at or before c, only the last one can cover it (they do not overlap), but an
    // insertion at c starts there too and deletes nothing, so look one further back.
    let i = this.lastAtOrBefore(c);
    while (i >= 0 && this.offsets[i] === c && this.ends[i] === c) i--;
    return i >= 0 && this.ends[i]! > c ? i : -1;
  }

  /** First old character in [start, end) not deleted, or -1. */
  firstSurvivor(start: number, end: number): number {
    let c = start;
    while (c < end) {
      const d = this.deleterOf(c);
      if (d < 0) return c;
      c = this.ends[d]!;
    }
    return -1;
  }

  /** Last old character in [start, end) not deleted, or -1. */
  lastSurvivor(start: number, end: number): number {
    let c = end - 1;
    while (c >= start) {
      const d = this.deleterOf(c);
      if (d < 0) return c;
      c = this.offsets[d]! - 1;
    }
    return -1;
  }

  /** New index of a surviving old character: text inserted at its offset goes before it. */
  mapSurvivor(c: number): number {
    const i = this.lastAtOrBefore(c);
    return c + this.deltaBefore[i + 1]!;
  }

  /** New offset of an old boundary: inside a replaced range it goes to the end of the replacement. */
  mapPoint(p: number): number {
    const i = this.lastAtOrBefore(p);
    if (i < 0) return p;
    const changeEnd = this.ends[i]!;
    if (p < changeEnd || this.offsets[i] === p) {
      // At or inside change i: after its replacement text.
      return this.offsets[i]! + this.deltaBefore[i]! + this.insertedLengths[i]!;
    }
    return p + this.deltaBefore[i + 1]!;
  }
}
