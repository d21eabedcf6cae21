import { describe, expect, it } from 'vitest';
import { cueGroupAt, cueGroupIndexOf, mayHoldCue, mayHoldCueByHash, mayStartCue, oneWordCueInfo, singleWordCueForms, wordHash } from '../../src/analysis/reporting';
import { lcg, textOfPieces } from '../helpers/rng';

describe('mayHoldCue', () => {
  it('finds the cue words of real sentences, in any case and at either edge', () => {
    expect(mayHoldCue('“We are ready,” the minister said.', 0, 34)).toBe(true);
    expect(mayHoldCue('SAID', 0, 4)).toBe(true);
    expect(mayHoldCue('according to officials', 0, 22)).toBe(true);
    expect(mayHoldCue('Ms Adeyemi told reporters in Abuja', 0, 34)).toBe(true);
    expect(mayHoldCue('Le ministre a déclaré mardi', 0, 27)).toBe(false);
    expect(mayHoldCue('The talks resumed on Monday in Geneva.', 0, 38)).toBe(true); // "talks" may start "talks about"
    expect(mayHoldCue('The weather in Hokkaido was mild.', 0, 33)).toBe(false);
  });

  it('reads only its range, and words cut by it are words of the range', () => {
    const text = 'xsaid said';
    expect(mayHoldCue(text, 0, 5)).toBe(false); // "xsaid"
    expect(mayHoldCue(text, 1, 5)).toBe(true); // "said"
    expect(mayHoldCue(text, 6, 9)).toBe(false); // "sai"
    expect(mayHoldCue(text, 6, 10)).toBe(true);
    expect(mayHoldCue('', 0, 0)).toBe(false);
  });

  it('answers as the test of every word by its hash does, on mixed text', () => {
    const pieces = ['said', 'Says', 'per', 'pe', 'x', 'told', 'thought', 'the', 'an', '’s', "'", '-', ' ', '  ', '\n', 'é', 'Ю', 'called', 'for', 'statement', 'sai', 'ask', 'as', 'Kelvin', '\u212a', '12', 'urged', 'urgent', 'notes', 'note.', 'go', 'goes'];
    const next = lcg(7);
    for (let n = 0; n < 3000; n++) {
      const text = textOfPieces(next, pieces, 1, 6);
      expect(mayHoldCue(text, 0, text.length), JSON.stringify(text)).toBe(mayHoldCueByHash(text, 0, text.length));
    }
  });
});

describe('cue groups', () => {
  const groupOf = (word: string) => cueGroupIndexOf(word, 0, word.length, wordHash(word.toLowerCase()));

  it('gives the forms of a first word, longest first, and nothing for other words', () => {
    const called = groupOf('called');
    expect(cueGroupAt(called).first).toBe('called');
    expect(cueGroupAt(called).forms.map((f) => f.words.join(' '))).toEqual(['called for', 'called on', 'called']);
    expect(oneWordCueInfo(called)).toBeNull();
    expect(groupOf('weather')).toBe(-1);
    expect(groupOf('sai')).toBe(-1);
  });

  it('reads a word in any case, the Kelvin sign as a "k"', () => {
    expect(cueGroupAt(groupOf('SAID')).first).toBe('said');
    expect(oneWordCueInfo(groupOf('Said'))?.lemma).toBe('say');
    expect(cueGroupIndexOf('\u212aeeps', 0, 5, wordHash('keeps'))).toBe(-1);
    expect(cueGroupAt(cueGroupIndexOf('as\u212aed', 0, 5, wordHash('asked'))).first).toBe('asked');
  });

  it('has a group for every cue form of one word, its meaning read directly when it is the only form', () => {
    for (const form of singleWordCueForms()) {
      const group = groupOf(form);
      expect(group, form).toBeGreaterThanOrEqual(0);
      const forms = cueGroupAt(group).forms;
      expect(forms.some((f) => f.words.length === 1 && f.words[0] === form), form).toBe(true);
      expect(oneWordCueInfo(group)).toBe(forms.length === 1 ? forms[0]!.info : null);
      expect(mayStartCue(wordHash(form))).toBe(true);
    }
  });
});
