import { describe, expect, it } from 'vitest';
import { findQuoteSegments } from '../../src/analysis/quotes';
import { splitSentences } from '../../src/analysis/sentences';

const segmentsOf = (text: string, blocks?: { start: number; end: number }[]) =>
  findQuoteSegments(text, splitSentences(text), blocks).map((s) => [text.slice(s.start, s.end), s.single]);

describe('findQuoteSegments and apostrophes', () => {
  it('passes over apostrophes inside words and pairs the quotation marks around them', () => {
    const text = "Iran's envoy said the plan was 'the country's last chance' and Kenya's minister didn't object.";
    expect(segmentsOf(text)).toEqual([["the country's last chance", true]]);
  });

  it('reads a mark at the edge of a block as the block edge makes it, even inside a word of the text', () => {
    // The block starts at the apostrophe of "abc'def": inside the block it opens a quotation.
    const text = "abc'def ghi' jkl";
    expect(segmentsOf(text, [{ start: 3, end: text.length }])).toEqual([['def ghi', true]]);
    // And a block that ends on one: "'jkl mno'pqr" cut after the second mark.
    const closing = "x 'jkl mno'pqr";
    expect(segmentsOf(closing, [{ start: 0, end: 11 }])).toEqual([['jkl mno', true]]);
    expect(segmentsOf(closing)).toEqual([]);
  });
});
