// attributeSentences reuses the tokens of sentences it is done with (a token pool): a document's
// attributions must not depend on what was attributed before it, whether the earlier sentences were
// longer or shorter, nor on an article whose attribution failed half-way.
import { describe, expect, it } from 'vitest';
import { analyzeQuotes } from '../../src/analysis/quotes';
import { splitSentences } from '../../src/analysis/sentences';
import { attributeSentences } from '../../src/analysis/speakers';
import { loadSeeds } from '../helpers/seeds';

const attributions = (text: string) =>
  attributeSentences(text, splitSentences(text), [], []).map((c) => c.attributions.map((a) => `${a.speaker}|${a.cue}|${a.cueStart}|${a.phrase.start}-${a.phrase.end}`));

const LONG =
  'The prime minister of the small island nation, who had travelled through the night from a regional summit in the capital of a neighbouring state with several of her most senior advisers and a delegation of business leaders, said on Tuesday that the agreement would be signed within weeks.';
const SHORT = 'Mr Adeyemi said no. She agreed. "Enough," Ms Tanaka added.';

describe('token pool across documents', () => {
  it('gives each document the attributions it gets on its own, in any order', () => {
    const seeds = loadSeeds().map((s) => s.text);
    const alone = seeds.map(attributions);
    const texts = [LONG, SHORT, ...seeds, SHORT, LONG];
    const mixed = texts.map(attributions);
    expect(mixed.slice(2, 2 + seeds.length)).toEqual(alone);
    expect(mixed[0]).toEqual(mixed[texts.length - 1]);
    expect(mixed[1]).toEqual(mixed[texts.length - 2]);
    expect(mixed[1]!.flat().map((a) => a.split('|')[0])).toEqual(['Adeyemi', 'Adeyemi', 'Tanaka']);
  });

  it('reads a document after one whose analysis threw as it reads it fresh', () => {
    const text = SHORT + ' ' + LONG;
    const before = attributions(text);
    const sentences = splitSentences(LONG);
    // Officials that are not objects make the attribution fail part-way, with tokens handed out.
    expect(() => attributeSentences(LONG, sentences, [null as never, null as never], [])).toThrow();
    expect(attributions(text)).toEqual(before);
    expect(analyzeQuotes(text, splitSentences(text), []).claims.length).toBeGreaterThan(0);
  });
});
