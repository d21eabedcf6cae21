import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOfficials } from '../../src/analysis/officials';
import type { OfficialMention } from '../../src/analysis/types';

const seed = (name: string) => readFileSync(join(__dirname, '..', '..', 'seeds', name), 'utf8');
const brief = (list: OfficialMention[]) => list.map((o) => [o.text, o.name, o.title, o.country]);
const names = (text: string) => findOfficials(text).map((o) => o.name);

describe('findOfficials: titles before the name', () => {
  it('reads a possessive country, a title and a hyphenated name', () => {
    const text = 'Iran’s Foreign Minister Hossein Amir-Abdollahian met with his Japanese counterpart, Yoshimasa Hayashi, during a visit to Tokyo on Monday.';
    expect(brief(findOfficials(text))).toEqual([
      ['Hossein Amir-Abdollahian', 'Hossein Amir-Abdollahian', 'Foreign Minister', 'Iran'],
      // The counterpart of a foreign minister is a foreign minister.
      ['Yoshimasa Hayashi', 'Yoshimasa Hayashi', 'Foreign Minister', 'Japan'],
    ]);
  });

  it('keeps the host country in "Ambassador to Japan" and serves the demonym country', () => {
    const text = 'Israeli Ambassador to Japan Gilad Cohen explained the goal. Ambassador Cohen shed light on it, and Cohen says more is coming.';
    const found = findOfficials(text);
    expect(found.map((o) => o.text)).toEqual(['Gilad Cohen', 'Cohen', 'Cohen']);
    expect(found.every((o) => o.title === 'Ambassador to Japan' && o.country === 'Israel')).toBe(true);
    expect(new Set(found.map((o) => o.entityId))).toEqual(new Set(['official:gilad-cohen']));
  });

  it('handles "Visiting Iranian President" and later bare surnames', () => {
    const text =
      ' date 2019-12-20 Visiting Iranian President Hassan Rouhani met Prime Minister Shinzo Abe on Friday in Tokyo.\n\nRouhani is in Japan. “This is important,” Rouhani told Abe at the Prime Minister’s Office in Tokyo.';
    expect(brief(findOfficials(text))).toEqual([
      ['Hassan Rouhani', 'Hassan Rouhani', 'President', 'Iran'],
      ['Shinzo Abe', 'Shinzo Abe', 'Prime Minister', null],
      ['Rouhani', 'Hassan Rouhani', 'President', 'Iran'],
      ['Rouhani', 'Hassan Rouhani', 'President', 'Iran'],
      ['Abe', 'Shinzo Abe', 'Prime Minister', null],
    ]);
  });

  it('reads UK titles, shadow ministers and "Mr" short forms', () => {
    const text =
      'UK Foreign Secretary Jack Straw has defended the plans. Mr Straw, visiting Beijing, noted the embargo. Conservative shadow foreign secretary Michael Ancram said the move would be "profoundly wrong". Mr Ancram argued.';
    expect(brief(findOfficials(text))).toEqual([
      ['Jack Straw', 'Jack Straw', 'Foreign Secretary', 'United Kingdom'],
      ['Straw', 'Jack Straw', 'Foreign Secretary', 'United Kingdom'],
      ['Michael Ancram', 'Michael Ancram', 'shadow foreign secretary', null],
      ['Ancram', 'Michael Ancram', 'shadow foreign secretary', null],
    ]);
  });

  it('links "Mr Brady" with a title back to "Graham Brady" named earlier without one', () => {
    const text = 'Earlier Conservative Graham Brady said the rebate was a test. Shadow Europe minister Mr Brady said: "I believe it is essential."';
    const found = findOfficials(text);
    expect(found.map((o) => [o.text, o.name])).toEqual([
      ['Graham Brady', 'Graham Brady'],
      ['Brady', 'Graham Brady'],
    ]);
    expect(found[0]!.title).toBe('Shadow Europe minister');
  });

  it('reads lower-case titles of a body: "EU Commission president", "EU trade commissioner"', () => {
    expect(brief(findOfficials('EU Commission president Jose Manuel Barroso has indicated he wants the rebate to end.'))).toEqual([
      ['Jose Manuel Barroso', 'Jose Manuel Barroso', 'EU Commission president', 'European Union'],
    ]);
    const text = '"We have said as much," said Claude Veron-Reville, a spokesman for EU trade commissioner Peter Mandelson.';
    expect(names(text)).toEqual(['Claude Veron-Reville', 'Peter Mandelson']);
  });

  it('reads hyphenated and former titles', () => {
    const text =
      'Vice-Prime Minister Oleg Rybachuk called on the EU. It included Viktor Pinchuk, son-in-law of former-President Kuchma. Ukraine ousted long-serving leader Leonid Kuchma.';
    const found = findOfficials(text);
    expect(brief(found)).toEqual([
      ['Oleg Rybachuk', 'Oleg Rybachuk', 'Vice-Prime Minister', null],
      ['Kuchma', 'Leonid Kuchma', 'former President', null],
      ['Leonid Kuchma', 'Leonid Kuchma', 'former President', null],
    ]);
  });

  it('reads US Congress styles', () => {
    const text = 'Sen. Elizabeth Warren (D-Mass.) questioned the nominee. Rep. Alexandria Ocasio-Cortez agreed, and Warren said the vote would be close.';
    expect(findOfficials(text).map((o) => [o.text, o.name, o.title])).toEqual([
      ['Elizabeth Warren', 'Elizabeth Warren', 'Sen'],
      ['Alexandria Ocasio-Cortez', 'Alexandria Ocasio-Cortez', 'Rep'],
      ['Warren', 'Elizabeth Warren', 'Sen'],
    ]);
  });

  it('reads German, Saudi and Dutch names with particles', () => {
    expect(names('German Chancellor Olaf Scholz met Commission President Ursula von der Leyen in Berlin.')).toEqual([
      'Olaf Scholz',
      'Ursula von der Leyen',
    ]);
    const saudi = findOfficials('Saudi Crown Prince Mohammed bin Salman received the envoy. Later, bin Salman spoke.');
    expect(brief(saudi)).toEqual([
      ['Mohammed bin Salman', 'Mohammed bin Salman', 'Crown Prince', 'Saudi Arabia'],
      ['bin Salman', 'Mohammed bin Salman', 'Crown Prince', 'Saudi Arabia'],
    ]);
    expect(names('Syrian President Bashar al-Assad said Assad would stay.')).toEqual(['Bashar al-Assad', 'Bashar al-Assad']);
  });

  it('keeps Chinese and Korean family-name-first names as written and shortens them to the family name', () => {
    const text = 'Chinese President Xi Jinping hosted South Korean President Moon Jae-in. Xi said the talks were useful; Moon agreed.';
    expect(brief(findOfficials(text))).toEqual([
      ['Xi Jinping', 'Xi Jinping', 'President', 'China'],
      ['Moon Jae-in', 'Moon Jae-in', 'President', 'South Korea'],
      ['Xi', 'Xi Jinping', 'President', 'China'],
      ['Moon', 'Moon Jae-in', 'President', 'South Korea'],
    ]);
    expect(names('He will meet Chinese counterpart Minister Li Zhaoxing in Beijing.')).toEqual(['Li Zhaoxing']);
  });

  it('reads Indian and Spanish names, initials and double surnames', () => {
    expect(names('External Affairs Minister S. Jaishankar said India would respond.')).toEqual(['S. Jaishankar']);
    const mx = findOfficials('Mexican President Andrés Manuel López Obrador spoke. López Obrador later left.');
    expect(mx.map((o) => [o.text, o.name, o.country])).toEqual([
      ['Andrés Manuel López Obrador', 'Andrés Manuel López Obrador', 'Mexico'],
      ['López Obrador', 'Andrés Manuel López Obrador', 'Mexico'],
    ]);
  });

  it('reads military ranks and "President X of Country"', () => {
    const text = 'Hiding women away is a backward view of Islam, President Musharraf of Pakistan has said. "She is very moderate," said General Musharraf. Gen Musharraf told the BBC more.';
    const found = findOfficials(text);
    expect(found.map((o) => o.text)).toEqual(['Musharraf', 'Musharraf', 'Musharraf']);
    expect(found[0]!.title).toBe('President');
    expect(found[0]!.country).toBe('Pakistan');
  });
});

describe('findOfficials: appositions and other cues', () => {
  it('reads "X, the Foreign Minister of Iran" and family names in capitals', () => {
    const text =
      'Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs of Japan, held a meeting with the Honorable Antony Blinken, Secretary of State of the United States of America, who is visiting Japan. Minister Hayashi welcomed Secretary Blinken.';
    expect(brief(findOfficials(text))).toEqual([
      ['HAYASHI Yoshimasa', 'Yoshimasa Hayashi', 'Minister for Foreign Affairs', 'Japan'],
      ['Antony Blinken', 'Antony Blinken', 'Secretary of State', 'United States of America'],
      ['Hayashi', 'Yoshimasa Hayashi', 'Minister for Foreign Affairs', 'Japan'],
      ['Blinken', 'Antony Blinken', 'Secretary of State', 'United States of America'],
    ]);
  });

  it('reads "X as Japan’s Prime Minister" and "his predecessor, X"', () => {
    expect(brief(findOfficials('With the recent election of Sanae Takaichi as Japan’s Prime Minister, experts expect change.'))).toEqual([
      ['Sanae Takaichi', 'Sanae Takaichi', 'Prime Minister', 'Japan'],
    ]);
    const text = 'Last year, U.S. President Donald Trump withdrew from the deal to erase a legacy left by his predecessor, Barack Obama.';
    expect(brief(findOfficials(text))).toEqual([
      ['Donald Trump', 'Donald Trump', 'President', 'United States'],
      ['Barack Obama', 'Barack Obama', 'former President', 'United States'],
    ]);
  });

  it('links an alias: "Mahmoud Abbas, also known as Abu Mazen"', () => {
    const text =
      'Mr Blair held talks with the Palestinian leader, Mahmoud Abbas. The conference will shore up the leadership of Mahmoud Abbas, also known as Abu Mazen, who is expected to win. Mr Abbas said more.';
    const found = findOfficials(text);
    expect(found.map((o) => [o.text, o.name])).toEqual([
      ['Mahmoud Abbas', 'Mahmoud Abbas'],
      ['Mahmoud Abbas', 'Mahmoud Abbas'],
      ['Abu Mazen', 'Mahmoud Abbas'],
      ['Abbas', 'Mahmoud Abbas'],
    ]);
    expect(found[0]!.country).toBe('Palestine');
  });

  it('reads post-nominal MP and district attorneys', () => {
    expect(names('The motion was tabled by Diane Abbott MP on Tuesday.')).toEqual(['Diane Abbott']);
    expect(names('He pleaded guilty, Nassau County District Attorney Kathleen Rice announced. Rice said more.')).toEqual([
      'Kathleen Rice',
      'Kathleen Rice',
    ]);
  });
});

describe('findOfficials: what is not an official', () => {
  it('rejects photo credits, bylines and author bios', () => {
    expect(findOfficials('ISSEI KATO/AFP via Getty Images')).toEqual([]);
    expect(findOfficials('By John Smith, Reuters\n\nAqsa Bibi is a dedicated undergraduate student pursuing a Bachelor of Science.')).toEqual([]);
  });

  it('rejects NGO people, journalists and anonymous or title-only references', () => {
    const text =
      'Brad Adams, from the UK\'s Human Rights Watch, said: "This is a huge signal." The BBC\'s Paul Reynolds says the conference matters. In an interview with the BBC\'s political editor Andrew Marr, an official said nothing. The Japanese official agreed, and his counterpart declined.';
    expect(findOfficials(text)).toEqual([]);
  });

  it('rejects private offices: company chairmen, union presidents, lawyers', () => {
    expect(findOfficials('BP chairman Carl-Henric Svanberg said the firm would recover.')).toEqual([]);
    expect(findOfficials('Randi Weingarten, the president of the American Federation of Teachers, said she had held her tongue.')).toEqual([]);
    expect(findOfficials('Her attorney, Lenard Leeds, said she had been unaware of the ruse.')).toEqual([]);
    expect(findOfficials('Fu Ying, the spokeswoman for the National People\'s Congress, said she checked for smog.')).toEqual([
      expect.objectContaining({ text: 'Fu Ying' }),
    ]);
  });

  it('does not take a place or an office building for a person', () => {
    expect(findOfficials('In Tokyo, the foreign minister said talks went well.')).toEqual([]);
    expect(findOfficials('Talks were held at the Prime Minister’s Office. Japan’s Foreign Minister has arrived in Jerusalem.')).toEqual([]);
  });

  it('never throws and keeps spans consistent on odd input', () => {
    const inputs = ['', ' ', 'President', 'President ', '“President X', 'Minister Mr.', '\u0000\uffff'.repeat(100), 'A'.repeat(100000), 'Prime Minister '.repeat(2000)];
    for (const input of inputs) {
      const found = findOfficials(input);
      for (const o of found) expect(input.slice(o.start, o.end)).toBe(o.text);
    }
  });
});

describe('findOfficials on the seed articles', () => {
  it('finds every official in the Al-Monitor story and nothing in the newsletter blurb', () => {
    const found = findOfficials(seed('000_fba3dbbe9291c0be.txt'));
    expect(found.map((o) => o.text)).toEqual([
      'Hossein Amir-Abdollahian',
      'Hossein Amir-Abdollahian',
      'Yoshimasa Hayashi',
      'Hayashi',
      'Amir-Abdollahian',
      'Hayashi',
      'Amir-Abdollahian',
      'Fumio Kishida',
    ]);
    expect(found[7]).toMatchObject({ name: 'Fumio Kishida', title: 'Prime Minister', country: 'Japan', entityId: 'official:fumio-kishida' });
  });

  it('gives "Amir Abdollahian" without the hyphen the same id as the hyphenated spelling', () => {
    const found = findOfficials(seed('001_e54193130fdaf13e.txt'));
    const iranian = found.filter((o) => o.text.includes('Abdollahian'));
    expect(iranian.map((o) => o.text)).toEqual(['Hossein Amir Abdollahian', 'Amir Abdollahian', 'Amir Abdollahian', 'Amir Abdollahian']);
    expect(new Set(iranian.map((o) => o.entityId))).toEqual(new Set(['official:hossein-amir-abdollahian']));
    expect(found.filter((o) => o.name === 'Yoko Kamikawa').map((o) => o.text)).toEqual(['Yoko Kamikawa', 'Yoko Kamikawa', 'Kamikawa']);
  });

  it('returns mentions sorted and never overlapping, with exact spans', () => {
    for (const file of ['000_fba3dbbe9291c0be.txt', '002_4ce888873c09ab99.txt', '003_51685c235f0e8719.txt', '004_04140026fd49e5bf.txt']) {
      const text = seed(file);
      const found = findOfficials(text);
      expect(found.length).toBeGreaterThan(0);
      for (let i = 0; i < found.length; i++) {
        const o = found[i]!;
        expect(text.slice(o.start, o.end)).toBe(o.text);
        if (i > 0) expect(o.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
      }
    }
  });
});
