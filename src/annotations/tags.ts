// The user's tags: passages marked as a quote (with its speaker) or a stance (holder, value, target).
// A tag is anchored like a W3C Web Annotation: by position (TextPositionSelector) and by its exact text
// with some context (TextQuoteSelector), so it can be found again after the file changed elsewhere.

export type TagKind = 'quote' | 'stance';

export interface TagAnchor {
  /** UTF-16 offsets in the article, end exclusive. For a detached tag only a hint of where its text was
   *  (re-anchoring prefers candidates near it); its exact/prefix/suffix are the last ones known. */
  start: number;
  end: number;
  /** The tagged text itself: text.slice(start, end) while the tag is attached. */
  exact: string;
  /** Up to CONTEXT_LENGTH characters before and after the tagged text. */
  prefix: string;
  suffix: string;
}

interface TagBase {
  /** Stable id, unique in its workspace folder; never reused. */
  id: string;
  /** Article path relative to its workspace folder, with `/` separators. */
  path: string;
  anchor: TagAnchor;
  /** True when the tagged text can no longer be found: kept, shown, re-attachable, never deleted silently. */
  detached: boolean;
  /** ISO timestamps. */
  created: string;
  modified: string;
}

export interface QuoteTag extends TagBase {
  kind: 'quote';
  speaker: string | null;
  speakerEntityId: string | null;
}

export interface StanceTag extends TagBase {
  kind: 'stance';
  stance: string;
  holder: string | null;
  target: string | null;
  note: string | null;
}

export type Tag = QuoteTag | StanceTag;

/** Characters of context kept on each side of a tag. */
export const CONTEXT_LENGTH = 32;
