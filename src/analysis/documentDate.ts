import type { DocumentDateInfo } from './types';

export function isIsoDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

export function findDocumentDate(text: string): DocumentDateInfo | null {
  const m = /\bdate\s+(\d{4}-\d{2}-\d{2})\b/.exec(text.slice(0, 2000));
  if (!m || !isIsoDay(m[1]!)) return null;
  const start = m.index + m[0].indexOf(m[1]!);
  return { value: m[1]!, origin: 'text', span: { start, end: start + 10, text: m[1]! } };
}
