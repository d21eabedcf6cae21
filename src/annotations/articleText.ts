// Decides whether bytes (a closed file) or text (an open editor's) are an article we can analyse, decodes
// the bytes, and words the reason when they are not, so the command line and the extension say the same.
//
// Encodings: UTF-8 (with or without a byte-order mark) and UTF-16 LE/BE with a byte-order mark are decoded.
// The mark is never part of the text: offsets count from the first character after it, as in VS Code, which
// hides the mark in the editor, so the command line's offsets and the extension's agree.
// Anything else that is not valid UTF-8 (Latin-1, Windows-1252, other 8-bit code pages) is refused with how
// to convert it, rather than decoded by guess: the same bytes are different letters in Windows-1252,
// Latin-2 or KOI8-R, a wrong guess turns names into other names without any sign, and VS Code (which opens
// such a file as UTF-8 unless told otherwise) would show a different text than the export holds. When the
// file is open, the editor's text (in whatever encoding the user reopened it with) is analysed instead.

export type DecodedArticle = { ok: true; text: string; encoding: ArticleEncoding } | { ok: false; reason: string; problem: ArticleProblem };

export type ArticleEncoding = 'utf-8' | 'utf-8 with BOM' | 'utf-16le' | 'utf-16be';
export type ArticleProblem = 'empty' | 'blank' | 'binary' | 'too-large' | 'not-utf8' | 'utf16-without-bom';

/** Default of newsAnnotator.analysis.maxFileSizeMB: a long news article is under 100 KB; 10 MB is a book. */
export const DEFAULT_MAX_ARTICLE_MB = 10;
export const MAX_ARTICLE_BYTES = DEFAULT_MAX_ARTICLE_MB * 1024 * 1024;

const MB = 1024 * 1024;
/** How much of the start of a file is sniffed for binary content: enough for any header, cheap on any size. */
const SNIFF_BYTES = 8192;

/** The limit in bytes from the setting in MB; 0 or less (or nonsense) means no limit. */
export function maxBytesFromMB(mb: unknown): number {
  if (typeof mb !== 'number' || !Number.isFinite(mb)) return MAX_ARTICLE_BYTES;
  return mb <= 0 ? Number.POSITIVE_INFINITY : Math.round(mb * MB);
}

export function formatMB(bytes: number): string {
  return `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;
}

/** The reason for a file above the limit; `size` in bytes (of the file, or of an open editor's text as UTF-8). */
export function tooLargeReason(size: number, maxBytes: number): string {
  return `the file is ${formatMB(size)}, above the ${formatMB(maxBytes)} limit for analysis`;
}

export function decodeArticle(bytes: Uint8Array, maxBytes = MAX_ARTICLE_BYTES): DecodedArticle {
  if (bytes.length === 0) return refuse('empty', 'the file is empty');
  if (bytes.length > maxBytes) return refuse('too-large', tooLargeReason(bytes.length, maxBytes));
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) return decodeUtf16(bytes, 'utf-16le');
  if (b0 === 0xfe && b1 === 0xff) return decodeUtf16(bytes, 'utf-16be');
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) {
    if (looksLikeUtf16WithoutBom(head)) {
      return refuse('utf16-without-bom', 'the file looks like UTF-16 text without a byte-order mark; save it as UTF-8 (in VS Code: Reopen with Encoding, then Save with Encoding, UTF-8)');
    }
    return refuse('binary', 'the file is binary, not text');
  }
  let text: string;
  try {
    // TextDecoder drops a leading UTF-8 byte-order mark (ignoreBOM: false): offsets start after it.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return refuse(
      'not-utf8',
      'the file is not UTF-8 text (perhaps Latin-1 or Windows-1252); convert it to UTF-8 (in VS Code: Reopen with Encoding, then Save with Encoding, UTF-8; in a shell: iconv -f WINDOWS-1252 -t UTF-8)',
    );
  }
  if (text.trim() === '') return refuse('blank', 'the file holds only white space');
  const bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  return { ok: true, text, encoding: bom ? 'utf-8 with BOM' : 'utf-8' };
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedArticle {
  // Not fatal: a lone surrogate becomes U+FFFD (one code unit for one), so the text stays readable.
  const text = new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
  if (text.trim() === '') return refuse(text === '' ? 'empty' : 'blank', text === '' ? 'the file is empty' : 'the file holds only white space');
  if (text.includes('\u0000')) return refuse('binary', 'the file is binary, not text');
  return { ok: true, text, encoding };
}

/** ASCII-heavy UTF-16 has a zero in every other byte, on one side only; binary formats do not keep to one side. */
function looksLikeUtf16WithoutBom(head: Uint8Array): boolean {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 4) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const [many, few] = evenZeros > oddZeros ? [evenZeros, oddZeros] : [oddZeros, evenZeros];
  return many >= pairs * 0.6 && few === 0;
}

/**
 * The same questions for the text of an open editor (already decoded by VS Code, whose text wins): only size
 * and binary content can refuse it. An empty or blank open article is analysed (to nothing): the user is
 * about to write it.
 */
export function checkArticleText(text: string, maxBytes = MAX_ARTICLE_BYTES): { ok: true } | { ok: false; reason: string; problem: ArticleProblem } {
  // The limit is on the file's UTF-8 size, as for a closed file; counted only when it could matter.
  if (text.length * 3 > maxBytes) {
    const size = utf8Length(text);
    if (size > maxBytes) return refuse('too-large', tooLargeReason(size, maxBytes));
  }
  if (text.slice(0, SNIFF_BYTES).includes('\u0000')) return refuse('binary', 'the file is binary, not text');
  return { ok: true };
}

/** The UTF-8 size of a string, without encoding it (a lone surrogate is written as 3 bytes, as U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a pair: 2 units, 4 bytes
      i++;
    } else bytes += 2;
  }
  return bytes;
}

function refuse(problem: ArticleProblem, reason: string): { ok: false; reason: string; problem: ArticleProblem } {
  return { ok: false, reason, problem };
}

/** The notification for an article refused for its size, naming the setting and the way round it. */
export function tooLargeMessage(name: string, reason: string): string {
  return `News Annotator did not analyse ${name}: ${reason} (setting newsAnnotator.analysis.maxFileSizeMB). Its tags are kept. Choose Analyse Anyway to analyse it this once.`;
}

/** The notification for an open file that cannot be analysed for another reason. */
export function notAnalysedMessage(name: string, reason: string): string {
  return `News Annotator did not analyse ${name}: ${reason}. Its tags are kept.`;
}

/** An article that is not UTF-8, open in an editor that decoded it as UTF-8: analysed as shown, with the fix. */
export function notUtf8OpenMessage(name: string): string {
  return `${name} is not UTF-8 (perhaps Latin-1 or Windows-1252), so some letters show as \uFFFD and are analysed that way. To read it right: Reopen with Encoding, Western (Windows 1252); then Save with Encoding, UTF-8.`;
}
