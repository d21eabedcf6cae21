// Which files are articles, how they are decoded, and what the user is told when one is not.
import { describe, expect, it } from 'vitest';
import {
  checkArticleText,
  decodeArticle,
  maxBytesFromMB,
  MAX_ARTICLE_BYTES,
  notAnalysedMessage,
  notUtf8OpenMessage,
  tooLargeMessage,
  utf8Length,
} from '../../src/annotations/articleText';

const utf8 = (s: string) => new TextEncoder().encode(s);
const ARTICLE = 'Lagos, 3 March 2024 — Nigeria’s Foreign Minister Yusuf Tuggar met Ghana’s Shirley Botchwey on Friday.\r\n“We agreed,” Tuggar said. 🇳🇬';

function utf16(s: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const units: number[] = bom ? [0xfeff] : [];
  for (let i = 0; i < s.length; i++) units.push(s.charCodeAt(i));
  const out = new Uint8Array(units.length * 2);
  units.forEach((u, i) => {
    const [hi, lo] = [u >> 8, u & 0xff];
    out[2 * i] = endian === 'le' ? lo : hi;
    out[2 * i + 1] = endian === 'le' ? hi : lo;
  });
  return out;
}

function latin1(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => {
    const code = c.charCodeAt(0);
    if (code > 0xff) throw new Error(`not Latin-1: ${c}`);
    return code;
  });
}

describe('decodeArticle: encodings', () => {
  it('decodes UTF-8 and keeps CRLF and characters outside the BMP as they are', () => {
    expect(decodeArticle(utf8(ARTICLE))).toEqual({ ok: true, text: ARTICLE, encoding: 'utf-8' });
  });

  it('drops a UTF-8 byte-order mark: the text, and so every offset, starts after it', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(ARTICLE)]);
    expect(decodeArticle(withBom)).toEqual({ ok: true, text: ARTICLE, encoding: 'utf-8 with BOM' });
  });

  it('decodes UTF-16 little- and big-endian with a byte-order mark, to the same text', () => {
    expect(decodeArticle(utf16(ARTICLE, 'le'))).toEqual({ ok: true, text: ARTICLE, encoding: 'utf-16le' });
    expect(decodeArticle(utf16(ARTICLE, 'be'))).toEqual({ ok: true, text: ARTICLE, encoding: 'utf-16be' });
  });

  it('refuses UTF-16 without a byte-order mark, saying how to save it as UTF-8, not as "binary"', () => {
    const result = decodeArticle(utf16('The minister said on Monday that talks would resume.', 'le', false));
    expect(result).toMatchObject({ ok: false, problem: 'utf16-without-bom' });
    expect(!result.ok && result.reason).toBe(
      'the file looks like UTF-16 text without a byte-order mark; save it as UTF-8 (in VS Code: Reopen with Encoding, then Save with Encoding, UTF-8)',
    );
  });

  it('refuses Latin-1 / Windows-1252 with how to convert it, rather than guessing the letters', () => {
    const result = decodeArticle(latin1('São Paulo, 5 de março - O ministro José Müller disse à imprensa.'));
    expect(result).toMatchObject({ ok: false, problem: 'not-utf8' });
    expect(!result.ok && result.reason).toBe(
      'the file is not UTF-8 text (perhaps Latin-1 or Windows-1252); convert it to UTF-8 (in VS Code: Reopen with Encoding, then Save with Encoding, UTF-8; in a shell: iconv -f WINDOWS-1252 -t UTF-8)',
    );
  });

  it('the same Latin-1 text converted as the message says is read, letter for letter', () => {
    const text = 'São Paulo - O ministro José Müller disse à imprensa.';
    const converted = utf8(new TextDecoder('windows-1252').decode(latin1(text)));
    expect(decodeArticle(converted)).toMatchObject({ ok: true, text });
  });
});

describe('decodeArticle: files that are not articles', () => {
  it('refuses an empty file, a blank one and a UTF-16 one holding only its mark', () => {
    expect(decodeArticle(new Uint8Array())).toEqual({ ok: false, reason: 'the file is empty', problem: 'empty' });
    expect(decodeArticle(utf8('\r\n \t\r\n'))).toEqual({ ok: false, reason: 'the file holds only white space', problem: 'blank' });
    expect(decodeArticle(new Uint8Array([0xff, 0xfe]))).toEqual({ ok: false, reason: 'the file is empty', problem: 'empty' });
    expect(decodeArticle(new Uint8Array([0xef, 0xbb, 0xbf]))).toMatchObject({ ok: false, problem: 'blank' });
  });

  it('refuses binary files: a PNG header, a PDF with a NUL, random bytes', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00]);
    expect(decodeArticle(png)).toEqual({ ok: false, reason: 'the file is binary, not text', problem: 'binary' });
    const pdf = new Uint8Array([...utf8('%PDF-1.7\n'), 0xe2, 0xe3, 0xcf, 0xd3, 0x00, 0x0a]);
    expect(decodeArticle(pdf)).toMatchObject({ ok: false, problem: 'binary' });
    let seed = 7;
    const random = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
    expect(decodeArticle(random).ok).toBe(false);
  });

  it('refuses a 50 MB text file above the default 10 MB limit, naming both sizes', () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    const result = decodeArticle(big);
    expect(result).toEqual({ ok: false, reason: 'the file is 50 MB, above the 10 MB limit for analysis', problem: 'too-large' });
    // The same file with no limit (Analyse Anyway) is read whole.
    const anyway = decodeArticle(big, Number.POSITIVE_INFINITY);
    expect(anyway.ok && anyway.text.length).toBe(big.length);
  });

  it('reads the limit from the setting in MB: 0 is no limit, nonsense is the default', () => {
    expect(maxBytesFromMB(10)).toBe(MAX_ARTICLE_BYTES);
    expect(maxBytesFromMB(0.5)).toBe(512 * 1024);
    expect(maxBytesFromMB(0)).toBe(Number.POSITIVE_INFINITY);
    expect(maxBytesFromMB('10')).toBe(MAX_ARTICLE_BYTES);
    expect(maxBytesFromMB(Number.NaN)).toBe(MAX_ARTICLE_BYTES);
  });
});

describe('checkArticleText: an open editor’s text', () => {
  it('accepts what VS Code decoded, including an empty article being written', () => {
    expect(checkArticleText(ARTICLE)).toEqual({ ok: true });
    expect(checkArticleText('')).toEqual({ ok: true });
  });

  it('refuses text above the limit and text with NUL characters', () => {
    expect(checkArticleText('x'.repeat(2 * 1024 * 1024), 1024 * 1024)).toEqual({
      ok: false,
      reason: 'the file is 2.0 MB, above the 1.0 MB limit for analysis',
      problem: 'too-large',
    });
    expect(checkArticleText('GIF89a\u0000\u0001')).toMatchObject({ ok: false, problem: 'binary' });
  });

  it('measures the text as its UTF-8 file would be, so an open file and a closed one meet the same limit', () => {
    const text = 'Zürich — 東京 😀 “quoted” \uD800 plain'.repeat(1000);
    expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    const size = utf8Length(text);
    expect(checkArticleText(text, size)).toEqual({ ok: true });
    expect(checkArticleText(text, size - 1)).toMatchObject({ ok: false, problem: 'too-large' });
    expect(decodeArticle(new TextEncoder().encode(text), size - 1)).toMatchObject({ ok: false, problem: 'too-large' });
  });
});

describe('what the user is told', () => {
  it('an article above the limit: the reason, the setting, that tags are kept, and the way round it', () => {
    const result = decodeArticle(new Uint8Array(12 * 1024 * 1024).fill(0x20));
    expect(!result.ok && tooLargeMessage('archive/2019.txt', result.reason)).toBe(
      'News Annotator did not analyse archive/2019.txt: the file is 12 MB, above the 10 MB limit for analysis (setting newsAnnotator.analysis.maxFileSizeMB). Its tags are kept. Choose Analyse Anyway to analyse it this once.',
    );
  });

  it('a Latin-1 file opened as UTF-8: analysed as shown, with how to read it right', () => {
    expect(notUtf8OpenMessage('cartas/lisboa.txt')).toBe(
      'cartas/lisboa.txt is not UTF-8 (perhaps Latin-1 or Windows-1252), so some letters show as \uFFFD and are analysed that way. To read it right: Reopen with Encoding, Western (Windows 1252); then Save with Encoding, UTF-8.',
    );
  });

  it('an open file that is binary', () => {
    const result = checkArticleText('\u0000\u0000PK');
    expect(!result.ok && notAnalysedMessage('scan.txt', result.reason)).toBe('News Annotator did not analyse scan.txt: the file is binary, not text. Its tags are kept.');
  });
});
