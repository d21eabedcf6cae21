import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/analysis/lineIndex';
import { decodeArticle } from '../../src/annotations/articleText';
import { sha256Hex } from '../../src/annotations/sha256';

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('hashes the UTF-8 bytes of non-ASCII text', () => {
    expect(sha256Hex('Iran’s foreign minister')).toBe('c14c24a929a9c678ab62ae1016dd01574b13c2d507a0eb9bd3f7ccdfb57b062e');
    expect(sha256Hex('Iran’s')).not.toBe(sha256Hex("Iran's"));
  });
});

describe('LineIndex', () => {
  it('maps offsets to line and character, with LF, CRLF and CR line ends', () => {
    const text = 'one\ntwo\r\nthree\rfour';
    const index = new LineIndex(text);
    expect(index.positionAt(0)).toEqual({ line: 0, character: 0 });
    expect(index.positionAt(text.indexOf('two'))).toEqual({ line: 1, character: 0 });
    expect(index.positionAt(text.indexOf('three') + 2)).toEqual({ line: 2, character: 2 });
    expect(index.positionAt(text.indexOf('four'))).toEqual({ line: 3, character: 0 });
    expect(index.positionAt(text.length)).toEqual({ line: 3, character: 4 });
  });

  it('round-trips every offset', () => {
    const text = 'a\n\nbc\r\n😀 d\n';
    const index = new LineIndex(text);
    for (let i = 0; i <= text.length; i++) expect(index.offsetAt(index.positionAt(i))).toBe(i);
  });
});

describe('decodeArticle', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('decodes UTF-8 text', () => {
    expect(decodeArticle(bytes('Tokyo, May 19 — Talks.'))).toMatchObject({ ok: true, text: 'Tokyo, May 19 — Talks.' });
  });

  it('refuses empty, blank, binary, non-UTF-8 and oversized files with a reason', () => {
    expect(decodeArticle(new Uint8Array())).toMatchObject({ ok: false, reason: 'the file is empty' });
    expect(decodeArticle(bytes(' \n\t\n'))).toMatchObject({ ok: false, reason: 'the file holds only white space' });
    expect(decodeArticle(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toMatchObject({ ok: false, reason: 'the file is binary, not text' });
    expect(decodeArticle(new Uint8Array([0x43, 0x61, 0x66, 0xe9]))).toMatchObject({ ok: false, reason: expect.stringMatching(/^the file is not UTF-8 text/) });
    const big = decodeArticle(bytes('x'.repeat(2048)), 1024);
    expect(big.ok).toBe(false);
    expect(!big.ok && big.reason).toMatch(/above the .* limit/);
  });
});
