// W3C Web Annotation Data Model (JSON-LD) export of an AnnotationsExport, and import of user tags from
// either our own files or any W3C text annotations (Hypothesis, Recogito, Apache Annotator...).
//
// Each annotation targets its article with a TextQuoteSelector (exact text with context) and a
// TextPositionSelector, so other tools can anchor it; the fields only News Annotator knows (speaker, stance,
// entity ids, UTF-16 offsets) travel in one `newsAnnotator` JSON literal, declared in the @context, so our
// own import is lossless. Events become annotations whose targets are the passages that report them.
import { CONTEXT_LENGTH, type Tag } from './tags';
import { EXPORT_FORMAT, EXPORT_VERSION, type AnnotationsExport, type ExportedAnnotation } from './exportFormat';
import { sha256Hex } from './sha256';
import { TAG_FILE_FORMAT, parseTagFile } from './tagFile';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const NS = 'https://news-annotator.invalid/ns#';

export interface WebAnnotationOptions {
  /** Base IRI the articles' paths are resolved against (a folder's URI, ending in `/`). Without it, sources
   *  are relative IRIs: they resolve against wherever the exported file is saved. */
  baseUri?: string;
  /** The articles' texts, by path: gives quote selectors their context and positions in code points (as the
   *  W3C model counts) when the text is the one exported (same SHA-256). */
  texts?: ReadonlyMap<string, string>;
  /** The user's tags: gives user annotations their creation and modification times and stored context. */
  tags?: readonly Tag[];
}

export type AnnotationsImport =
  | { ok: true; tags: Tag[]; format: 'news-annotator' | 'w3c'; skipped: number }
  | { ok: false; reason: string };

type Json = Record<string, unknown>;

const MOTIVATION: Record<ExportedAnnotation['kind'], string> = {
  date: 'classifying',
  official: 'identifying',
  quote: 'highlighting',
  claim: 'classifying',
  stance: 'assessing',
};

export function toWebAnnotations(exp: AnnotationsExport, options: WebAnnotationOptions = {}): object {
  const items: Json[] = [];
  const tagsByKey = new Map((options.tags ?? []).map((t) => [`${t.path}\u0000${t.id}`, t]));
  const generator = { id: `${NS}generator`, type: 'Software', name: exp.generator };
  const sourceOf = (path: string) => documentIri(path, options.baseUri);

  for (const doc of exp.documents) {
    const known = options.texts?.get(doc.path);
    const text = known !== undefined && sha256Hex(known) === doc.sha256 ? known : undefined;
    const toCodePoints = text === undefined ? undefined : codePointCounter(text);
    for (const a of doc.annotations) {
      const tag = a.source === 'user' ? tagsByKey.get(`${doc.path}\u0000${a.id}`) : undefined;
      const prefix = text !== undefined ? text.slice(Math.max(0, a.start - CONTEXT_LENGTH), a.start) : tag?.anchor.prefix;
      const suffix = text !== undefined ? text.slice(a.end, a.end + CONTEXT_LENGTH) : tag?.anchor.suffix;
      const annotation: Json = {
        id: `${sourceOf(doc.path)}#${encodeURIComponent(a.id)}`,
        type: 'Annotation',
        motivation: MOTIVATION[a.kind],
        ...(a.source === 'auto' ? { creator: generator } : {}),
        ...(tag ? { created: tag.created, modified: tag.modified } : {}),
        generator,
        body: bodiesOf(a),
        target: {
          source: sourceOf(doc.path),
          selector: [
            { type: 'TextQuoteSelector', exact: a.text, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) },
            {
              type: 'TextPositionSelector',
              start: toCodePoints ? toCodePoints(a.start) : a.start,
              end: toCodePoints ? toCodePoints(a.end) : a.end,
            },
          ],
        },
        newsAnnotator: privateFields(a, doc.path),
      };
      items.push(annotation);
    }
  }

  for (const event of exp.events) {
    items.push({
      id: `${NS}event/${encodeURIComponent(event.id)}`,
      type: 'Annotation',
      motivation: 'describing',
      creator: generator,
      generator,
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: `event:${event.type}` },
        {
          type: 'TextualBody',
          purpose: 'describing',
          format: 'text/plain',
          value: [event.type, event.date && `on ${event.date}`, event.location && `in ${event.location}`, event.participants.length > 0 && `with ${event.participants.join(', ')}`]
            .filter(Boolean)
            .join(' '),
        },
      ],
      target: event.sources.map((s) => ({
        source: sourceOf(s.path),
        selector: [
          { type: 'TextQuoteSelector', exact: s.text },
          { type: 'TextPositionSelector', start: s.start, end: s.end },
        ],
      })),
      newsAnnotator: { kind: 'event', source: 'auto', id: event.id, type: event.type, date: event.date, location: event.location, participants: event.participants },
    });
  }

  return {
    // A JSON literal (JSON-LD 1.1) keeps our fields as they are instead of turning them into RDF terms.
    '@context': [ANNO_CONTEXT, { '@version': 1.1, newsAnnotator: { '@id': `${NS}data`, '@type': '@json' } }],
    type: 'AnnotationCollection',
    label: 'News Annotator annotations',
    generator,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

function bodiesOf(a: ExportedAnnotation): Json[] {
  const body = (purpose: string, value: string): Json => ({ type: 'TextualBody', purpose, format: 'text/plain', value });
  const out: Json[] = [{ type: 'TextualBody', purpose: 'tagging', value: a.kind }];
  switch (a.kind) {
    case 'date':
      if (a.value) out.push(body('describing', a.value));
      break;
    case 'official':
      out.push(body('identifying', a.name));
      if (a.title || a.country) out.push(body('describing', [a.title, a.country].filter(Boolean).join(', ')));
      break;
    case 'quote':
    case 'claim':
      if (a.speaker) out.push(body('describing', `${a.kind === 'quote' ? 'Quote' : 'Claim'} by ${a.speaker}`));
      break;
    case 'stance':
      out.push(body('assessing', a.stance));
      if (a.holder || a.target) out.push(body('describing', `${a.holder ?? 'Someone'} ${a.stance} ${a.target ?? ''}`.trim()));
      if (a.note) out.push(body('commenting', a.note));
      break;
  }
  return out;
}

/** The exported annotation minus what the selectors already say, plus its article path and UTF-16 offsets. */
function privateFields(a: ExportedAnnotation, path: string): Json {
  const { text: _text, range: _range, ...rest } = a;
  void _text;
  void _range;
  return { ...rest, path };
}

/** Relative IRI of an article (each path segment percent-encoded), resolved against the base when given. */
function documentIri(path: string, baseUri: string | undefined): string {
  const relative = path.split('/').map(encodeURIComponent).join('/');
  if (!baseUri) return relative;
  try {
    return new URL(relative, baseUri.endsWith('/') ? baseUri : `${baseUri}/`).href;
  } catch {
    return `${baseUri.replace(/\/?$/, '/')}${relative}`;
  }
}

/** UTF-16 offset -> code point offset, for offsets in increasing or any order (prefix counts of surrogates). */
function codePointCounter(text: string): (utf16: number) => number {
  const lows: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) lows.push(i);
  }
  return (utf16) => {
    let lo = 0;
    let hi = lows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lows[mid]! < utf16) lo = mid + 1;
      else hi = mid;
    }
    return utf16 - lo;
  };
}

// ---- import ----

/**
 * Reads user tags from a News Annotator export (v1: its `source: "user"` annotations), a tags file, or W3C
 * Web Annotations (a collection, a page, an array or a single annotation). Automatic annotations are left
 * out (they are recomputed from the text). Offsets are hints: the caller re-anchors every tag. `skipped`
 * counts the user annotations that could not be read as tags (no text quote selector, no article).
 */
export function parseAnnotationsImport(text: string, options: { now?: string } = {}): AnnotationsImport {
  const now = options.now ?? new Date().toISOString();
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, reason: 'the file is empty' };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    return { ok: false, reason: `the file is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (isRecord(json) && json.format === TAG_FILE_FORMAT) {
    const parsed = parseTagFile(body);
    return parsed.ok ? { ok: true, tags: parsed.tags, format: 'news-annotator', skipped: 0 } : parsed;
  }
  if (isRecord(json) && json.format === EXPORT_FORMAT) return importExport(json, now);
  if (isRecord(json) && typeof json.format === 'string') {
    return { ok: false, reason: `the file's format "${json.format}" is neither a News Annotator export nor W3C Web Annotations` };
  }
  const annotations = collectAnnotations(json);
  if (typeof annotations === 'string') return { ok: false, reason: annotations };
  return importWebAnnotations(annotations, now);
}

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function nullableString(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function importExport(json: Json, now: string): AnnotationsImport {
  const version = json.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) return { ok: false, reason: 'the export has no version number' };
  if (version > EXPORT_VERSION) {
    return { ok: false, reason: `the export is version ${version}, written by a newer News Annotator; this one reads version ${EXPORT_VERSION}` };
  }
  if (!Array.isArray(json.documents)) return { ok: false, reason: 'the export has no "documents" array' };
  const tags: Tag[] = [];
  let skipped = 0;
  for (const [d, doc] of json.documents.entries()) {
    if (!isRecord(doc) || typeof doc.path !== 'string' || !Array.isArray(doc.annotations)) {
      return { ok: false, reason: `documents[${d}] is not a document with a path and annotations` };
    }
    for (const [i, a] of doc.annotations.entries()) {
      if (!isRecord(a) || a.source !== 'user') continue;
      const tag = tagFromFields({ ...a, path: doc.path }, a, undefined, now);
      if (typeof tag === 'string') return { ok: false, reason: `documents[${d}].annotations[${i}]: ${tag}` };
      if (tag) tags.push(tag);
      else skipped++;
    }
  }
  return { ok: true, tags: uniqueIds(tags), format: 'news-annotator', skipped };
}

/**
 * A tag from News Annotator fields (`fields`: kind, id, path, speaker... ; `span`: start, end, text) and
 * optional W3C selectors. Returns null when the fields are not a quote or stance tag, a reason when they are
 * one but broken.
 */
function tagFromFields(fields: Json, span: Json, quote: Quote | undefined, now: string): Tag | null | string {
  const kind = fields.kind;
  if (kind !== 'quote' && kind !== 'stance') return null;
  const exact = quote?.exact ?? span.text;
  if (typeof exact !== 'string' || exact === '') return 'the annotation has no text';
  const start = typeof span.start === 'number' && Number.isInteger(span.start) && span.start >= 0 ? span.start : (quote?.start ?? 0);
  const path = typeof fields.path === 'string' && fields.path !== '' ? fields.path : null;
  if (!path) return 'the annotation has no article path';
  const id = typeof fields.id === 'string' && fields.id !== '' ? fields.id : null;
  if (!id) return 'the annotation has no id';
  const base = {
    id,
    path,
    anchor: {
      start,
      end: start + exact.length,
      exact,
      prefix: (quote?.prefix ?? '').slice(-CONTEXT_LENGTH),
      suffix: (quote?.suffix ?? '').slice(0, CONTEXT_LENGTH),
    },
    detached: false,
    created: isoTime(fields.created) ?? now,
    modified: isoTime(fields.modified) ?? now,
  };
  if (kind === 'quote') return { ...base, kind, speaker: nullableString(fields.speaker), speakerEntityId: nullableString(fields.speakerEntityId) };
  const stance = typeof fields.stance === 'string' && fields.stance !== '' ? fields.stance : null;
  if (!stance) return 'the stance annotation has no stance value';
  return { ...base, kind, stance, holder: nullableString(fields.holder), target: nullableString(fields.target), note: nullableString(fields.note) };
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
function isoTime(v: unknown): string | null {
  return typeof v === 'string' && ISO_TIME.test(v) ? v : null;
}

/** Two imported tags never share an id: the second gets a suffix. */
function uniqueIds(tags: Tag[]): Tag[] {
  const seen = new Set<string>();
  return tags.map((t) => {
    let id = t.id;
    for (let n = 2; seen.has(id); n++) id = `${t.id}-${n}`;
    seen.add(id);
    return id === t.id ? t : { ...t, id };
  });
}

/** The annotations in a W3C document, or why there are none to read. */
function collectAnnotations(json: unknown): Json[] | string {
  const out: Json[] = [];
  const addPage = (page: unknown, depth: number): string | undefined => {
    if (!isRecord(page)) return 'an annotation page is not embedded in the file (only its address is given)';
    if (!Array.isArray(page.items)) return 'an annotation page has no "items"';
    for (const item of page.items) if (isRecord(item)) out.push(item);
    // Pages can chain; follow the embedded ones (a bounded number: a cycle must not hang the import).
    if (page.next !== undefined && isRecord(page.next) && depth < 1000) return addPage(page.next, depth + 1);
    return undefined;
  };
  const types = (v: Json) => (Array.isArray(v.type) ? v.type : [v.type]);
  if (Array.isArray(json)) {
    for (const item of json) if (isRecord(item)) out.push(item);
  } else if (isRecord(json)) {
    const t = types(json);
    if (t.includes('AnnotationCollection')) {
      if (json.first === undefined) return out.length === 0 && json.total === 0 ? out : 'the annotation collection has no first page';
      const problem = addPage(json.first, 0);
      if (problem) return problem;
    } else if (t.includes('AnnotationPage')) {
      const problem = addPage(json, 0);
      if (problem) return problem;
    } else if (t.includes('Annotation')) {
      out.push(json);
    } else {
      return 'the file is not a News Annotator export, a tags file or W3C Web Annotations (no "type": "Annotation", "AnnotationPage" or "AnnotationCollection")';
    }
  } else {
    return 'the file does not hold a JSON object or array';
  }
  if (out.length > 0 && !out.some((a) => types(a).includes('Annotation'))) return 'no item of the file is a W3C Annotation';
  return out;
}

interface Quote {
  exact: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  source: string;
}

/** The first target with a TextQuoteSelector (possibly next to a TextPositionSelector). */
function quoteOf(annotation: Json): Quote | undefined {
  const targets = Array.isArray(annotation.target) ? annotation.target : [annotation.target];
  for (const target of targets) {
    if (!isRecord(target) || typeof target.source !== 'string') continue;
    const selectors = Array.isArray(target.selector) ? target.selector : [target.selector];
    const q = selectors.find((s): s is Json => isRecord(s) && s.type === 'TextQuoteSelector' && typeof s.exact === 'string' && s.exact !== '');
    if (!q) continue;
    const p = selectors.find((s): s is Json => isRecord(s) && s.type === 'TextPositionSelector' && typeof s.start === 'number');
    return {
      exact: q.exact as string,
      ...(typeof q.prefix === 'string' ? { prefix: q.prefix } : {}),
      ...(typeof q.suffix === 'string' ? { suffix: q.suffix } : {}),
      ...(p && Number.isInteger(p.start) && (p.start as number) >= 0 ? { start: p.start as number } : {}),
      source: target.source,
    };
  }
  return undefined;
}

function importWebAnnotations(annotations: Json[], now: string): AnnotationsImport {
  const tags: Tag[] = [];
  let skipped = 0;
  for (const [i, a] of annotations.entries()) {
    const ours = isRecord(a.newsAnnotator) ? a.newsAnnotator : undefined;
    // Automatic annotations and events are recomputed from the text, not imported.
    if (ours?.source === 'auto' || ours?.kind === 'event') continue;
    const quote = quoteOf(a);
    if (!quote) {
      skipped++;
      continue;
    }
    if (ours) {
      // Our own export: the private fields are authoritative, the selectors give the text and context.
      const tag = tagFromFields({ ...ours, created: a.created, modified: a.modified, path: ours.path ?? pathOf(quote.source) }, ours, quote, now);
      if (typeof tag === 'string') return { ok: false, reason: `annotation ${i + 1}: ${tag}` };
      if (tag) tags.push(tag);
      else skipped++;
      continue;
    }
    const tag = foreignTag(a, quote, i, now);
    if (tag) tags.push(tag);
    else skipped++;
  }
  return { ok: true, tags: uniqueIds(tags), format: 'w3c', skipped };
}

/** Another tool's annotation: a quote when it is tagged "quote", otherwise a stance holding its tags and comments. */
function foreignTag(a: Json, quote: Quote, index: number, now: string): Tag | null {
  const bodies = (Array.isArray(a.body) ? a.body : a.body === undefined ? [] : [a.body]).filter(isRecord);
  const valuesFor = (...purposes: string[]) =>
    bodies
      .filter((b) => typeof b.value === 'string' && (purposes.includes(String(b.purpose ?? '')) || (b.purpose === undefined && purposes.includes(''))))
      .map((b) => (b.value as string).trim())
      .filter((v) => v !== '');
  const tagsOf = valuesFor('tagging');
  const id = typeof a.id === 'string' && a.id !== '' ? a.id : `imported-${index + 1}`;
  const fields: Json = {
    id,
    path: pathOf(quote.source),
    created: a.created,
    modified: a.modified,
  };
  const motivation = Array.isArray(a.motivation) ? a.motivation : [a.motivation];
  if (tagsOf.some((t) => t.toLowerCase() === 'quote') || motivation.includes('quoting')) {
    const tag = tagFromFields({ ...fields, kind: 'quote', speaker: null, speakerEntityId: null }, {}, quote, now);
    return typeof tag === 'string' ? null : tag;
  }
  const comments = valuesFor('commenting', 'describing', 'replying', '');
  const stance = valuesFor('assessing')[0] ?? tagsOf[0] ?? (typeof motivation[0] === 'string' ? motivation[0] : 'noted');
  const note = comments.length > 0 ? comments.join('\n\n') : null;
  const tag = tagFromFields({ ...fields, kind: 'stance', stance, holder: null, target: null, note }, {}, quote, now);
  return typeof tag === 'string' ? null : tag;
}

/** An article path from a target's source IRI: relative IRIs as they are, absolute ones by their path. */
function pathOf(source: string): string {
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  if (/^[a-z][a-z0-9+.-]*:/i.test(source)) {
    try {
      const url = new URL(source);
      if (url.protocol === 'urn:') return source;
      return decode(url.pathname.replace(/^\/+/, ''));
    } catch {
      return source;
    }
  }
  return decode(source.split('#')[0]!);
}
