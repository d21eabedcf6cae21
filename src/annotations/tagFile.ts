// The tags file (<folder>/.news-annotator/tags.json): versioned, sorted, one key order, so it diffs well
// in version control and reads back exactly. Parsing never throws: a file it cannot read is refused with a
// reason a person can act on, so the caller can keep it aside instead of overwriting it.
import { CONTEXT_LENGTH, type QuoteTag, type StanceTag, type Tag, type TagAnchor } from './tags';

export const TAG_FILE_FORMAT = 'news-annotator/tags';
export const TAG_FILE_VERSION = 1;

export type TagFileParse = { ok: true; tags: Tag[] } | { ok: false; reason: string };

/** The anchor of `text.slice(start, end)`: position, exact text and up to CONTEXT_LENGTH characters each side. */
export function anchorAt(text: string, start: number, end: number): TagAnchor {
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
  };
}

/** What a new tag needs besides its text range: identity, article, and the fields of its kind. */
export type NewTag = { id: string; path: string; now?: string } & (
  | { kind: 'quote'; speaker: string | null; speakerEntityId?: string | null }
  | { kind: 'stance'; stance: string; holder: string | null; target: string | null; note?: string | null }
);

/**
 * A new attached tag over `text.slice(start, end)`, its exact text and context read from `text`.
 * Throws RangeError on an empty or out-of-range selection: the caller checks the selection first.
 */
export function createTag(init: NewTag, text: string, start: number, end: number): Tag {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`cannot tag [${start}, ${end}) in a text of ${text.length} characters`);
  }
  const now = init.now ?? new Date().toISOString();
  const base = { id: init.id, path: init.path, anchor: anchorAt(text, start, end), detached: false, created: now, modified: now };
  return init.kind === 'quote'
    ? { ...base, kind: 'quote', speaker: init.speaker, speakerEntityId: init.speakerEntityId ?? null }
    : { ...base, kind: 'stance', stance: init.stance, holder: init.holder, target: init.target, note: init.note ?? null };
}

/** A fresh id not in `existing`. Time-ordered with a random tail, so ids from two machines do not collide. */
export function newTagId(existing: ReadonlySet<string>): string {
  const time = Date.now().toString(36);
  for (;;) {
    const id = `t-${time}-${randomTail()}`;
    if (!existing.has(id)) return id;
  }
}

function randomTail(): string {
  const bytes = new Uint8Array(5);
  const webCrypto = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (webCrypto?.getRandomValues) webCrypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** Same order everywhere: by article, then position, then id, so the file's order never depends on history. */
export function compareTags(a: Tag, b: Tag): number {
  return (
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
    a.anchor.start - b.anchor.start ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** A tag with its keys in the file's order (JSON.stringify keeps insertion order). */
function orderedTag(tag: Tag): Record<string, unknown> {
  const { start, end, exact, prefix, suffix } = tag.anchor;
  const head = { id: tag.id, kind: tag.kind, path: tag.path };
  const fields =
    tag.kind === 'quote'
      ? { speaker: tag.speaker, speakerEntityId: tag.speakerEntityId }
      : { stance: tag.stance, holder: tag.holder, target: tag.target, note: tag.note };
  return {
    ...head,
    ...fields,
    anchor: { start, end, exact, prefix, suffix },
    detached: tag.detached,
    created: tag.created,
    modified: tag.modified,
  };
}

export function serializeTagFile(tags: readonly Tag[]): string {
  const sorted = [...tags].sort(compareTags).map(orderedTag);
  return `${JSON.stringify({ format: TAG_FILE_FORMAT, version: TAG_FILE_VERSION, tags: sorted }, null, 2)}\n`;
}

export function parseTagFile(text: string): TagFileParse {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, reason: 'the tags file is empty' };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    return { ok: false, reason: `the tags file is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (!isRecord(json)) return { ok: false, reason: 'the tags file does not hold a JSON object' };
  if (json.format !== TAG_FILE_FORMAT) {
    return { ok: false, reason: `the file's "format" is ${JSON.stringify(json.format) ?? 'missing'}, not "${TAG_FILE_FORMAT}"` };
  }
  const version = json.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: `the tags file's "version" is ${JSON.stringify(version) ?? 'missing'}, not a version number` };
  }
  if (version > TAG_FILE_VERSION) {
    return {
      ok: false,
      reason: `the tags file is version ${version}, written by a newer News Annotator; this one reads version ${TAG_FILE_VERSION}. Update the extension.`,
    };
  }
  const unknownTop = Object.keys(json).filter((k) => !['format', 'version', 'tags'].includes(k));
  if (unknownTop.length > 0) return { ok: false, reason: `the tags file has unknown properties: ${unknownTop.join(', ')}` };
  if (!Array.isArray(json.tags)) return { ok: false, reason: 'the tags file has no "tags" array' };
  const tags: Tag[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < json.tags.length; i++) {
    const read = readTag(json.tags[i], `tags[${i}]`);
    if (typeof read === 'string') return { ok: false, reason: read };
    if (ids.has(read.id)) return { ok: false, reason: `tags[${i}]: the id "${read.id}" is used twice` };
    ids.add(read.id);
    tags.push(read);
  }
  return { ok: true, tags };
}

// ---- validation: each reader returns the value or a reason naming where the problem is ----

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const QUOTE_KEYS = ['id', 'kind', 'path', 'speaker', 'speakerEntityId', 'anchor', 'detached', 'created', 'modified'];
const STANCE_KEYS = ['id', 'kind', 'path', 'stance', 'holder', 'target', 'note', 'anchor', 'detached', 'created', 'modified'];
const ANCHOR_KEYS = ['start', 'end', 'exact', 'prefix', 'suffix'];
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Reads one tag in the tags file's shape; returns the reason when it is not one. */
export function readTag(v: unknown, where: string): Tag | string {
  if (!isRecord(v)) return `${where} is not an object`;
  const kind = v.kind;
  if (kind !== 'quote' && kind !== 'stance') return `${where}.kind is ${JSON.stringify(kind) ?? 'missing'}, not "quote" or "stance"`;
  const allowed = kind === 'quote' ? QUOTE_KEYS : STANCE_KEYS;
  const unknown = Object.keys(v).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) return `${where} has unknown properties for a ${kind} tag: ${unknown.join(', ')}`;
  const id = v.id;
  if (typeof id !== 'string' || id === '') return `${where}.id is not a non-empty string`;
  const at = `${where} (id "${id}")`;
  if (typeof v.path !== 'string' || v.path === '') return `${at}: "path" is not a non-empty string`;
  if (v.path.includes('\\')) return `${at}: "path" must use / separators`;
  if (typeof v.detached !== 'boolean') return `${at}: "detached" is not true or false`;
  for (const key of ['created', 'modified'] as const) {
    const t = v[key];
    if (typeof t !== 'string' || !ISO_TIME.test(t)) return `${at}: "${key}" is not an ISO date-time`;
  }
  const anchor = readAnchor(v.anchor, v.detached);
  if (typeof anchor === 'string') return `${at}: ${anchor}`;
  const base = {
    id,
    path: v.path,
    anchor,
    detached: v.detached,
    created: v.created as string,
    modified: v.modified as string,
  };
  if (kind === 'quote') {
    for (const key of ['speaker', 'speakerEntityId'] as const) {
      if (!isNullableString(v[key])) return `${at}: "${key}" is not a string or null`;
    }
    const tag: QuoteTag = { ...base, kind, speaker: v.speaker as string | null, speakerEntityId: v.speakerEntityId as string | null };
    return tag;
  }
  if (typeof v.stance !== 'string' || v.stance === '') return `${at}: "stance" is not a non-empty string`;
  for (const key of ['holder', 'target', 'note'] as const) {
    if (!isNullableString(v[key])) return `${at}: "${key}" is not a string or null`;
  }
  const tag: StanceTag = {
    ...base,
    kind,
    stance: v.stance,
    holder: v.holder as string | null,
    target: v.target as string | null,
    note: v.note as string | null,
  };
  return tag;
}

function isNullableString(v: unknown): v is string | null {
  return v === null || typeof v === 'string';
}

function readAnchor(v: unknown, detached: boolean): TagAnchor | string {
  if (!isRecord(v)) return '"anchor" is not an object';
  const unknown = Object.keys(v).filter((k) => !ANCHOR_KEYS.includes(k));
  if (unknown.length > 0) return `"anchor" has unknown properties: ${unknown.join(', ')}`;
  const { start, end, exact, prefix, suffix } = v;
  if (typeof start !== 'number' || !Number.isInteger(start) || start < 0) return '"anchor.start" is not a non-negative integer';
  if (typeof end !== 'number' || !Number.isInteger(end) || end < start) return '"anchor.end" is not an integer at or after "anchor.start"';
  if (typeof exact !== 'string' || exact === '') return '"anchor.exact" is not a non-empty string';
  if (typeof prefix !== 'string' || prefix.length > CONTEXT_LENGTH) return `"anchor.prefix" is not a string of at most ${CONTEXT_LENGTH} characters`;
  if (typeof suffix !== 'string' || suffix.length > CONTEXT_LENGTH) return `"anchor.suffix" is not a string of at most ${CONTEXT_LENGTH} characters`;
  // An attached tag's exact text is the text between its offsets; a detached tag's offsets are only a hint.
  if (!detached && end - start !== exact.length) {
    return `"anchor.exact" has ${exact.length} characters but the tag spans ${end - start} (${start} to ${end})`;
  }
  return { start, end, exact, prefix, suffix };
}
