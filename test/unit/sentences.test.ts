import { describe, expect, it } from 'vitest';
import { paragraphBlocks, splitSentences } from '../../src/analysis/sentences';

const texts = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('keeps abbreviations, initials and dotted forms inside the sentence', () => {
    const text =
      'Visiting Iranian President Hassan Rouhani met Prime Minister Shinzo Abe on Friday, urging Japan to assist the country, which is suffering under severe U.S.-imposed economic sanctions. ' +
      'On May 19, commencing at 5:45 p.m. for approximately 45 minutes, Mr. HAYASHI Yoshimasa held a meeting. ' +
      'Dr. Jane Smith met J. R. Ewing on Aug. 24 at No. 10 Downing Street, e.g. for tea. ' +
      'Maria T. Santos spoke in the U.S. The talks ended.';
    expect(texts(text)).toEqual([
      'Visiting Iranian President Hassan Rouhani met Prime Minister Shinzo Abe on Friday, urging Japan to assist the country, which is suffering under severe U.S.-imposed economic sanctions.',
      'On May 19, commencing at 5:45 p.m. for approximately 45 minutes, Mr. HAYASHI Yoshimasa held a meeting.',
      'Dr. Jane Smith met J. R. Ewing on Aug. 24 at No. 10 Downing Street, e.g. for tea.',
      'Maria T. Santos spoke in the U.S.',
      'The talks ended.',
    ]);
  });

  it('ends a sentence after a closing quotation mark that follows the full stop', () => {
    const text =
      'He pointed out, “The US move is not conducive to peace.” Iran expressed its desire to cooperate. ' +
      'Cohen says it is "very important for Israeli exports." Additionally, Israel has requested more.';
    expect(texts(text)).toEqual([
      'He pointed out, “The US move is not conducive to peace.”',
      'Iran expressed its desire to cooperate.',
      'Cohen says it is "very important for Israeli exports."',
      'Additionally, Israel has requested more.',
    ]);
  });

  it('splits at every terminal mark and keeps abbreviations of any length inside', () => {
    const text = 'Approx. 40 people came to the Nairobi office of Safaricom Ltd. The talks ended! Were they useful? Yes… Perhaps. Dr. Achieng Otieno agreed.';
    expect(texts(text)).toEqual([
      'Approx. 40 people came to the Nairobi office of Safaricom Ltd.',
      'The talks ended!',
      'Were they useful?',
      'Yes…',
      'Perhaps.',
      'Dr. Achieng Otieno agreed.',
    ]);
  });

  it('splits after an ellipsis that is followed by a new quotation', () => {
    const text = 'Ms Rossi argued: "The airlines see big profits if the cap is lifted... "It gives the wrong signal to investors."';
    expect(texts(text)).toEqual([
      'Ms Rossi argued: "The airlines see big profits if the cap is lifted...',
      '"It gives the wrong signal to investors."',
    ]);
  });

  it('leaves list numbering and bullets out of the sentence', () => {
    const text =
      'The overview of the meeting is as follows.\n  1. At the outset, Minister Hayashi expressed his pleasure.\n' +
      '  • (1) The two ministers concurred on continuing to work closely together.\n- Officials said more talks were planned.';
    expect(texts(text)).toEqual([
      'The overview of the meeting is as follows.',
      'At the outset, Minister Hayashi expressed his pleasure.',
      'The two ministers concurred on continuing to work closely together.',
      'Officials said more talks were planned.',
    ]);
  });

  it('makes headings and nav lines their own sentences', () => {
    const text =
      'Skip to main content\n\nIran’s foreign minister meets Japanese counterpart in rare Tokyo trip\nHome News\nThe two officials discussed the latest developments.';
    expect(texts(text)).toEqual([
      'Skip to main content',
      'Iran’s foreign minister meets Japanese counterpart in rare Tokyo trip',
      'Home News',
      'The two officials discussed the latest developments.',
    ]);
  });

  it('does not split on a lower-case continuation or a decimal', () => {
    expect(texts('Japan imported 46.51 million barrels, approx. three times more... than in 2017. Prices fell.')).toEqual([
      'Japan imported 46.51 million barrels, approx. three times more... than in 2017.',
      'Prices fell.',
    ]);
  });

  it('separates a metadata date header from the first sentence', () => {
    expect(texts(' date 2019-12-20 Visiting Iranian President Hassan Rouhani met Abe.')).toEqual([
      'date 2019-12-20',
      'Visiting Iranian President Hassan Rouhani met Abe.',
    ]);
  });

  it('joins a hard-wrapped line with its lower-case continuation', () => {
    const text = 'The minister said the talks\nwould resume next week.\nNew heading';
    expect(paragraphBlocks(text).map((b) => text.slice(b.start, b.end))).toEqual([
      'The minister said the talks\nwould resume next week.',
      'New heading',
    ]);
  });

  it('never throws and always returns non-empty spans inside the text', () => {
    for (const text of ['', ' ', '.', '...', '"', '\n\n\n', 'Mr.', 'U.S.', '1. ', '•', 'a'.repeat(5000)]) {
      for (const s of splitSentences(text)) {
        expect(s.end).toBeGreaterThan(s.start);
        expect(s.end).toBeLessThanOrEqual(text.length);
      }
    }
  });
});
