import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/analysis/quotes';
import { splitSentences } from '../../src/analysis/sentences';

const quotesOf = (text: string) => findQuotes(text, splitSentences(text), []).map((q) => q.text);

describe('quotations after a word that introduces a title', () => {
  it('drops a title or coined term introduced by a listed word, with or without a comma or colon', () => {
    expect(quotesOf('The minister said in her book “Roads we did not take to the coast” that she regretted it.')).toEqual([]);
    expect(quotesOf('Ms Kamau, speaking on a programme titled, “Morning with the people of Nairobi”, said she would run.')).toEqual([]);
    expect(quotesOf('The plan, known as “a bridge for the families of the north”, was announced, Mr Osei said.')).toEqual([]);
    expect(quotesOf('They joined a campaign called “homes for every family in the valley” last year, Ms Diallo said.')).toEqual([]);
    expect(quotesOf('Police launched an operation: “clean streets for our children and our elders”, officials said.')).toEqual([]);
  });

  it('keeps a quotation after a word that only ends like one of them, or after a reporting verb', () => {
    // "called" alone introduces no title (only "so-called", "campaign called", "report called" do).
    expect(quotesOf('Ms Kamau, speaking on a programme called, “Morning with the people of Nairobi”, said she would run.')).toEqual([
      'Morning with the people of Nairobi',
    ]);
    expect(quotesOf('The head of the bookshop chain told reporters: “we will open more stores in the north.”')).toEqual([
      'we will open more stores in the north.',
    ]);
    expect(quotesOf('Ms Kamau said on Tuesday, “we will not give up on the families of the north.”')).toEqual([
      'we will not give up on the families of the north.',
    ]);
    expect(quotesOf('The mayor recalled the scheme she has, “a bridge for the families of the north,” and praised it.')).toEqual([
      'a bridge for the families of the north,',
    ]);
  });
});
