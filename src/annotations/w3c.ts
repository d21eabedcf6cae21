// W3C Web Annotation (JSON-LD) export of an AnnotationsExport, and import of user tags back.
import type { AnnotationsExport } from './exportFormat';
import type { Tag } from './tags';

export type AnnotationsImport = { ok: true; tags: Tag[]; format: 'news-annotator' | 'w3c' } | { ok: false; reason: string };

export function toWebAnnotations(exp: AnnotationsExport, options: { baseUri?: string } = {}): object {
  // Skeleton: the full export lands in the next commit.
  void exp;
  void options;
  return { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 0 };
}

export function parseAnnotationsImport(text: string): AnnotationsImport {
  void text;
  return { ok: false, reason: 'import is not implemented yet' };
}
