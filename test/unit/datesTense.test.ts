import { describe, expect, it } from 'vitest';
import { sentenceTense } from '../../src/analysis/dates/tense';

/** The tense read for the first occurrence of `date` in `sentence`. */
function tenseOf(sentence: string, date: string): 'future' | 'past' | null {
  const start = sentence.indexOf(date);
  expect(start).toBeGreaterThanOrEqual(0);
  return sentenceTense(sentence, start, start + date.length);
}

// The reader skips most words without cutting them out of the text (only words some check
// compares are read as strings): these hold the cues in every spelling it must still see.
describe('sentenceTense reads cue words in any spelling', () => {
  it('finds a modal in capitals, and contractions with either apostrophe', () => {
    expect(tenseOf('The minister WILL travel to Nairobi on Monday.', 'Monday')).toBe('future');
    expect(tenseOf('They’ll meet the envoy on Friday, aides said.', 'Friday')).toBe('future');
    expect(tenseOf("We'll know more on Friday.", 'Friday')).toBe('future');
  });

  it('reads verbs of schedule right before the date, capitalised or not', () => {
    expect(tenseOf('The rule Takes Effect in April across the bloc.', 'April')).toBe('future');
    expect(tenseOf('The court is to rule on Thursday.', 'Thursday')).toBe('future');
    expect(tenseOf('The vote, DUE in June, will decide.', 'June')).toBe('future');
    expect(tenseOf('The Minister is holding talks in May with unions.', 'May')).toBe('future');
  });

  it('reads past forms before and after the date', () => {
    expect(tenseOf('The strike began on Monday.', 'Monday')).toBe('past');
    expect(tenseOf('Protesters gathered on Sunday and were dispersed.', 'Sunday')).toBe('past');
    expect(tenseOf('The summit, which was delayed in March, drew crowds.', 'March')).toBe('past');
  });

  it('gives no cue for "could not", a reported clause in the present, or words outside English', () => {
    expect(tenseOf('The talks could not resume on Tuesday.', 'Tuesday')).toBeNull();
    expect(tenseOf('Officials said another package before January is unlikely.', 'January')).toBeNull();
    expect(tenseOf('La réunion a été reportée au Monday, selon le café.', 'Monday')).toBeNull();
    expect(tenseOf('On Sunday the parliament reconvenes for a vote.', 'Sunday')).toBeNull();
  });
});
