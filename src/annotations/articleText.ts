// Decides whether bytes are an article we can analyse, and decodes them.

export type DecodedArticle = { ok: true; text: string } | { ok: false; reason: string };

/** Articles above this size are refused: they are not news articles and would stall the editor. */
export const MAX_ARTICLE_BYTES = 10 * 1024 * 1024;

export function decodeArticle(bytes: Uint8Array, maxBytes = MAX_ARTICLE_BYTES): DecodedArticle {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  if (bytes.length > maxBytes) {
    return { ok: false, reason: `the file is ${(bytes.length / 1048576).toFixed(1)} MB, above the ${(maxBytes / 1048576).toFixed(0)} MB limit` };
  }
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: 'the file is binary, not text' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, reason: 'the file is not UTF-8 text' };
  }
  if (text.trim() === '') return { ok: false, reason: 'the file holds only white space' };
  return { ok: true, text };
}
