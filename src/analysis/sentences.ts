import type { Span } from './types';

/** Splits an article into sentences (placeholder split on terminal punctuation; replaced by the full splitter). */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[^\n.!?]+[.!?]*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = m.index + m[0].trimEnd().length;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}
